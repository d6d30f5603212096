import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { createMetadataClient, metadataConnection } from '../src/metadata/client.js';
import { applyMigrations } from '../src/metadata/migrate.js';
import { closeServices, createServices } from '../src/services.js';
import { secret, startTestApp, type TestApp } from './support/app.js';
import { TestClient } from './support/client.js';
import { createManagedDatabase, ERROR_FIELDS, setupAdmin } from './support/fixtures.js';
import { metadataSnapshot } from './support/metadata-snapshot.js';
import { startVersionedCluster } from './support/versions.js';

interface Pki {
  dir: string;
  ca: string;
  caFile: string;
  otherCa: string;
  otherCaFile: string;
  serverCertificate: string;
  serverKey: string;
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

function selfSignedCa(dir: string, name: string): void {
  openssl(dir, [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.crt`,
    '-days',
    '2',
    '-subj',
    `/CN=${name}`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
}

/** A CA, a server certificate it signed for `localhost` and 127.0.0.1 (not 127.0.0.2), and an unrelated CA. */
async function makePki(): Promise<Pki> {
  const dir = await mkdtemp(join(tmpdir(), 'rolecall-pki-'));
  selfSignedCa(dir, 'ca');
  selfSignedCa(dir, 'other-ca');
  openssl(dir, [
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    'server.key',
    '-out',
    'server.csr',
    '-subj',
    '/CN=localhost',
  ]);
  await writeFile(
    join(dir, 'server.ext'),
    'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n',
  );
  openssl(dir, [
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    'server.ext',
    '-out',
    'server.crt',
  ]);
  const read = (file: string) => readFile(join(dir, file), 'utf8');
  return {
    dir,
    ca: await read('ca.crt'),
    caFile: join(dir, 'ca.crt'),
    otherCa: await read('other-ca.crt'),
    otherCaFile: join(dir, 'other-ca.crt'),
    serverCertificate: await read('server.crt'),
    serverKey: await read('server.key'),
  };
}

const pki = await makePki();
const started = await startVersionedCluster(18, {
  ssl: { certificate: pki.serverCertificate, key: pki.serverKey },
  // 127.0.0.2 reaches the same server by an address its certificate does not name.
  settings: ['listen_addresses=127.0.0.1,127.0.0.2'],
});
if ('skipped' in started) console.log(`TLS tests skipped: ${started.skipped}`);
const tlsCluster = 'skipped' in started ? null : started;

const TLS_ERROR_FIELDS = `${ERROR_FIELDS} ... on TlsError { reason } ... on ValidationError { field }`;
const CONNECT = `mutation($input: ConnectDatabaseInput!) { connectDatabase(input: $input) {
  ${TLS_ERROR_FIELDS} ... on Database { id server { sslMode hasCaCertificate } } } }`;
const TEST_CONNECTION = `mutation($input: ConnectDatabaseInput!) { testConnection(input: $input) {
  ${TLS_ERROR_FIELDS} ... on ConnectionTest { currentUser } } }`;
const CURRENT_ROLE = `query($id: ID!) { database(id: $id) { ... on Database {
  server { sslMode hasCaCertificate }
  catalog { ${ERROR_FIELDS} ... on DatabaseCatalog { currentRole } } } } }`;

interface Outcome {
  __typename: string;
  code?: string;
  message?: string;
  reason?: string;
  field?: string;
  id?: string;
  currentUser?: string;
  server?: { sslMode: string; hasCaCertificate: boolean };
}

let testApp: TestApp;
let admin: TestClient;
/** The TLS cluster trusts every login from loopback; Rolecall still needs a password to store. */
const password = secret('tls');

function onTlsCluster(host: string, database: string, tls: Record<string, unknown> = {}) {
  return { input: { host, port: tlsCluster?.port, database, role: 'tls_owner', password, ...tls } };
}

async function onTlsClusterSql<R extends pg.QueryResultRow>(text: string, database = 'postgres'): Promise<R[]> {
  const client = new pg.Client(tlsCluster?.url(database));
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query<R>(text)).rows;
  } finally {
    await client.end();
  }
}

/** Rolecall's own connections to the TLS cluster, and whether each is encrypted, as PostgreSQL lists them. */
function rolecallConnections(): Promise<{ datname: string; ssl: boolean }[]> {
  return onTlsClusterSql(
    `SELECT a.datname, s.ssl FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid)
      WHERE a.application_name = 'rolecall' ORDER BY 1`,
  );
}

const connect = (variables: ReturnType<typeof onTlsCluster>) => admin.field<Outcome>(CONNECT, variables);
const testConnection = (variables: ReturnType<typeof onTlsCluster>) => admin.field<Outcome>(TEST_CONNECTION, variables);

beforeAll(async () => {
  testApp = await startTestApp();
  admin = testApp.client();
  await setupAdmin(admin);
  if (!tlsCluster) return;
  await onTlsClusterSql('CREATE ROLE tls_owner LOGIN CREATEROLE');
  for (const database of ['shop', 'books', 'maps', 'sslonly', 'rolecall_meta', 'rolecall_meta_ca'])
    await onTlsClusterSql(`CREATE DATABASE ${database} OWNER tls_owner`);
});

afterAll(async () => {
  await testApp?.stop();
  await tlsCluster?.stop();
  await rm(pki.dir, { recursive: true, force: true });
});

describe.skipIf(!tlsCluster)('TLS to managed servers', () => {
  let shopId: string;

  it('REQUIRE encrypts every connection to the server without checking its certificate', async () => {
    const shop = await connect(onTlsCluster('127.0.0.1', 'shop', { sslMode: 'REQUIRE' }));
    expect(shop).toMatchObject({ __typename: 'Database', server: { sslMode: 'REQUIRE', hasCaCertificate: false } });
    shopId = shop.id as string;
    const database = await admin.field<{ catalog: { currentRole: string } }>(CURRENT_ROLE, { id: shopId });
    expect(database.catalog.currentRole).toBe('tls_owner');
    const connections = await rolecallConnections();
    expect(connections.length).toBeGreaterThan(0);
    expect(connections.every((connection) => connection.ssl)).toBe(true);
  });

  it('VERIFY_CA checks the chain against the given CA but not the host name', async () => {
    const tls = { sslMode: 'VERIFY_CA', caCertificate: pki.ca };
    expect(await testConnection(onTlsCluster('127.0.0.2', 'shop', tls))).toEqual({
      __typename: 'ConnectionTest',
      currentUser: 'tls_owner',
    });
  });

  it('VERIFY_FULL with the right CA connects to a host name the certificate covers', async () => {
    const tls = { sslMode: 'VERIFY_FULL', caCertificate: pki.ca };
    for (const host of ['localhost', '127.0.0.1']) {
      expect(await testConnection(onTlsCluster(host, 'shop', tls))).toMatchObject({ currentUser: 'tls_owner' });
    }
  });

  it('VERIFY_FULL refuses a host the certificate does not name, with a TlsError', async () => {
    const refused = await testConnection(
      onTlsCluster('127.0.0.2', 'shop', { sslMode: 'VERIFY_FULL', caCertificate: pki.ca }),
    );
    expect(refused).toMatchObject({ __typename: 'TlsError', code: 'TLS_FAILED', reason: 'HOST_NAME_MISMATCH' });
  });

  it('a certificate signed by another CA is refused with a TlsError, and nothing is stored', async () => {
    const before = await metadataSnapshot(testApp);
    for (const sslMode of ['VERIFY_CA', 'VERIFY_FULL']) {
      const refused = await connect(onTlsCluster('localhost', 'books', { sslMode, caCertificate: pki.otherCa }));
      expect(refused).toMatchObject({ __typename: 'TlsError', reason: 'UNTRUSTED_CERTIFICATE' });
      expect(refused.message).not.toContain('BEGIN CERTIFICATE');
    }
    // Without a CA of its own, VERIFY_FULL trusts only the CAs Node trusts, which did not sign this one either.
    const untrusted = await connect(onTlsCluster('localhost', 'books', { sslMode: 'VERIFY_FULL' }));
    expect(untrusted).toMatchObject({ __typename: 'TlsError', reason: 'UNTRUSTED_CERTIFICATE' });
    expect(await metadataSnapshot(testApp)).toEqual(before);
  });

  it('new TLS settings for a known server replace its stored ones once a login worked; omitted, the stored ones apply', async () => {
    const books = await connect(onTlsCluster('127.0.0.1', 'books', { sslMode: 'VERIFY_CA', caCertificate: pki.ca }));
    expect(books).toMatchObject({ __typename: 'Database', server: { sslMode: 'VERIFY_CA', hasCaCertificate: true } });
    const shop = await admin.field<{ server: unknown; catalog: { currentRole: string } }>(CURRENT_ROLE, { id: shopId });
    expect(shop).toMatchObject({ server: { sslMode: 'VERIFY_CA' }, catalog: { currentRole: 'tls_owner' } });

    const maps = await connect(onTlsCluster('127.0.0.1', 'maps'));
    expect(maps).toMatchObject({ __typename: 'Database', server: { sslMode: 'VERIFY_CA', hasCaCertificate: true } });
    expect((await rolecallConnections()).every((connection) => connection.ssl)).toBe(true);
  });

  it('a server whose pg_hba.conf takes only TLS connections refuses DISABLE with a TlsError', async () => {
    const [hba] = await onTlsClusterSql<{ hba_file: string }>('SHOW hba_file');
    const lines = [
      'hostnossl sslonly all 127.0.0.1/32 reject',
      'host all all 127.0.0.1/32 trust',
      'host all all 127.0.0.2/32 trust',
    ];
    await onTlsClusterSql(
      `COPY (SELECT unnest(ARRAY['${lines.join("','")}'])) TO '${hba?.hba_file}'; SELECT pg_reload_conf()`,
    );
    const input = onTlsCluster('localhost', 'sslonly', { sslMode: 'DISABLE' });
    await expect.poll(async () => (await testConnection(input)).reason).toBe('TLS_REQUIRED_BY_SERVER');
    const tls = { sslMode: 'VERIFY_FULL', caCertificate: pki.ca };
    expect(await testConnection(onTlsCluster('localhost', 'sslonly', tls))).toMatchObject({ currentUser: 'tls_owner' });
  });

  it('TLS input that cannot work is a ValidationError that does not repeat the certificate', async () => {
    const garbled = '-----BEGIN CERTIFICATE-----\nnot-a-certificate-at-all\n-----END CERTIFICATE-----';
    const cases = [
      [{ sslMode: 'VERIFY_CA' }, 'caCertificate'],
      [{ sslMode: 'VERIFY_FULL', caCertificate: garbled }, 'caCertificate'],
      [{ sslMode: 'VERIFY_FULL', caCertificate: 'just text' }, 'caCertificate'],
      [{ sslMode: 'REQUIRE', caCertificate: pki.ca }, 'caCertificate'],
      [{ caCertificate: pki.ca }, 'sslMode'],
    ] as const;
    for (const [tls, field] of cases) {
      const refused = await testConnection(onTlsCluster('127.0.0.1', 'shop', tls));
      expect(refused).toMatchObject({ __typename: 'ValidationError', field });
      for (const text of ['not-a-certificate', 'just text', pki.ca.split('\n')[1] as string])
        expect(refused.message).not.toContain(text);
    }
  });
});

describe('TLS to a server without it', () => {
  it('REQUIRE is refused with a TlsError, and DISABLE still connects', async () => {
    const plain = await createManagedDatabase(testApp, 'plain', 'plain_owner');
    const input = {
      host: '127.0.0.1',
      port: testApp.cluster.port,
      database: plain.database,
      role: plain.owner,
      password: plain.ownerPassword,
    };
    const refused = await admin.field<Outcome>(CONNECT, { input: { ...input, sslMode: 'REQUIRE' } });
    expect(refused).toMatchObject({ __typename: 'TlsError', reason: 'SERVER_WITHOUT_TLS' });
    const tested = await admin.field<Outcome>(TEST_CONNECTION, { input: { ...input, sslMode: 'DISABLE' } });
    expect(tested).toMatchObject({ __typename: 'ConnectionTest', currentUser: 'plain_owner' });
    const connected = await admin.field<Outcome>(CONNECT, { input });
    expect(connected).toMatchObject({
      __typename: 'Database',
      server: { sslMode: 'DISABLE', hasCaCertificate: false },
    });
  });
});

describe.skipIf(!tlsCluster)('TLS to the metadata database (DATABASE_URL)', () => {
  const quiet = createLogger('silent', new Writable({ write: (_chunk, _encoding, done) => done() }));
  const urlOf = (host: string, database: string, query: string) =>
    `postgresql://postgres@${host}:${tlsCluster?.port}/${database}?${query}`;

  it('sslmode=verify-full with sslrootcert serves the migration runner and the Prisma adapter', async () => {
    const url = urlOf('localhost', 'rolecall_meta', `sslmode=verify-full&sslrootcert=${pki.caFile}`);
    expect((await applyMigrations(url, quiet)).length).toBeGreaterThan(0);
    const metadata = createMetadataClient(url);
    try {
      const [own] = await metadata.$queryRaw<
        { ssl: boolean }[]
      >`SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()`;
      expect(own?.ssl).toBe(true);
    } finally {
      await metadata.$disconnect();
    }
  });

  it('a whole instance runs on sslmode=verify-ca, its LISTEN connection included, by an address its certificate lacks', async () => {
    // node-postgres alone would check the host name here (it reads verify-ca as verify-full) and fail.
    const url = urlOf('127.0.0.2', 'rolecall_meta', `sslmode=verify-ca&sslrootcert=${pki.caFile}`);
    const dataDir = await mkdtemp(join(tmpdir(), 'rolecall-data-'));
    const config = loadConfig({ NODE_ENV: 'test', ROLECALL_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const services = await createServices({ config, logger: quiet, metadataUrl: url });
    const app = buildApp(services);
    try {
      const client = new TestClient(await app.start(0));
      await setupAdmin(client, 'metadata_admin');
      const users = await client.field<{ nodes: { username: string }[] }>(
        `{ users { ${ERROR_FIELDS} ... on QueryUsersConnection { nodes { username } } } }`,
      );
      expect(users.nodes.map((user) => user.username)).toEqual(['metadata_admin']);
      const listening = () =>
        onTlsClusterSql(
          `SELECT s.ssl FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) WHERE a.application_name = 'rolecall-events'`,
        );
      await expect.poll(listening).toEqual([{ ssl: true }]);
    } finally {
      await app.stop();
      await closeServices(services);
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("sslmode=require and verify-ca keep libpq's meaning: encryption only, and the chain without the host name", async () => {
    for (const url of [
      urlOf('127.0.0.2', 'rolecall_meta_ca', 'sslmode=require'),
      urlOf('127.0.0.2', 'rolecall_meta_ca', `sslmode=verify-ca&sslrootcert=${pki.caFile}`),
    ]) {
      const client = new pg.Client(metadataConnection(url));
      await client.connect();
      try {
        const { rows } = await client.query('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
        expect(rows).toEqual([{ ssl: true }]);
      } finally {
        await client.end();
      }
    }
    expect(metadataConnection(urlOf('127.0.0.1', 'x', 'sslmode=disable')).ssl).toBe(false);
  });

  it('a wrong CA, a name the certificate lacks or a mode node-postgres cannot honour stops start-up clearly', async () => {
    await expect(
      applyMigrations(
        urlOf('localhost', 'rolecall_meta_ca', `sslmode=verify-full&sslrootcert=${pki.otherCaFile}`),
        quiet,
      ),
    ).rejects.toThrow('DATABASE_URL: TLS to the metadata database failed (UNTRUSTED_CERTIFICATE)');
    await expect(
      applyMigrations(urlOf('127.0.0.2', 'rolecall_meta_ca', `sslmode=verify-full&sslrootcert=${pki.caFile}`), quiet),
    ).rejects.toThrow('(HOST_NAME_MISMATCH)');
    expect(() => metadataConnection(urlOf('localhost', 'x', 'sslmode=prefer'))).toThrow(/node-postgres cannot/);
    expect(() => metadataConnection(urlOf('localhost', 'x', 'sslmode=verify-ca'))).toThrow(/needs sslrootcert/);
    expect(
      await onTlsClusterSql(
        'SELECT count(*)::int AS tables FROM pg_tables WHERE schemaname = current_schema()',
        'rolecall_meta_ca',
      ),
    ).toEqual([{ tables: 0 }]);
  });
});
