import { execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { fromRoot } from '../src/paths.js';
import { passwordContext } from '../src/pools/targets.js';
import { open, SecretUnreadableError, seal } from '../src/secrets/cipher.js';
import { KEY_FILE, loadSecretKey, SecretKeyInvalidError } from '../src/secrets/key.js';
import { startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import {
  configureRole,
  connect,
  createLoginRole,
  createManagedDatabase,
  ERROR_FIELDS,
  setupAdmin,
  signIn,
} from './support/fixtures.js';
import { findLeaks, recordedSources, secret, transcript } from './support/secrets-scan.js';

const run = promisify(execFile);

describe('the suite-wide leak scan', () => {
  it('finds a password in any response, log line or event, naming only its label and where it is', () => {
    const password = secret('probe');
    const leaks = findLeaks(
      [password, secret('unused')],
      [
        { kind: 'response or message', texts: ['{"data":{}}', `{"data":{"echo":"${password}"}}`] },
        { kind: 'log line', texts: [`{"msg":"connecting","password":"${password}"}`] },
        { kind: 'Event table', texts: ['{"kind":"role.created","sql":["CREATE ROLE x"]}'] },
      ],
    );
    expect(leaks).toEqual([
      { secret: 'probe-…', kind: 'response or message', index: 1 },
      { secret: 'probe-…', kind: 'log line', index: 0 },
    ]);
    // The synthetic leak above is not in this file's real records, so the file itself still passes the scan.
  });

  it('fails a test file whose response holds one of its passwords', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rolecall-leak-probe-'));
    try {
      const probe = join(dir, 'leak-probe.test.ts');
      const support = fromRoot('server/test/support/secrets-scan.js');
      await writeFile(
        probe,
        `import { createServer } from 'node:http';
import { createInterface } from 'node:readline';
import { it } from 'vitest';
import { secret } from ${JSON.stringify(support)};
it('echoes a password back', async () => {
  const password = secret('echoed');
  const server = createServer((_request, response) => response.end(password));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await (await fetch('http://127.0.0.1:' + port)).text();
  server.close();
});
`,
      );
      const config = join(dir, 'vitest.config.mjs');
      await writeFile(
        config,
        `export default { test: { root: ${JSON.stringify(dir)}, include: ['leak-probe.test.ts'], setupFiles: [${JSON.stringify(fromRoot('server/test/support/secrets-scan.setup.ts'))}] } };\n`,
      );
      const result = await run(fromRoot('node_modules/.bin/vitest'), ['run', '--config', config], {
        cwd: fromRoot(),
      }).then(
        (done) => ({ failed: false, output: done.stdout + done.stderr }),
        (error: { stdout: string; stderr: string }) => ({ failed: true, output: error.stdout + error.stderr }),
      );
      expect(result.failed).toBe(true);
      expect(result.output).toContain('echoed-… in response or message #0');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('records every body fetched in this file, WebSocket messages received, and not what clients send', async () => {
    const marker = `marker-${randomBytes(6).toString('hex')}`;
    const http = createServer((_request, response) => response.end(`served ${marker}`));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const sockets = new WebSocketServer({ server: http });
    sockets.on('connection', (socket) => socket.send(`pushed ${marker}`));
    const url = `127.0.0.1:${(http.address() as AddressInfo).port}`;
    try {
      await (await fetch(`http://${url}`)).text();
      const client = new WebSocket(`ws://${url}`);
      await new Promise((resolve) => client.once('message', resolve));
      client.send(`sent ${marker}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      client.close();
    } finally {
      sockets.close();
      http.close();
    }
    expect(transcript).toContain(`served ${marker}`);
    expect(transcript).toContain(`pushed ${marker}`);
    expect(transcript).not.toContain(`sent ${marker}`);
  });
});

/** A process that loads the key `loads` times at once when its stdin says go, and prints each key's SHA-256 (never the key). */
const KEY_LOADER = `import { createHash } from 'node:crypto';
import { loadSecretKey } from ${JSON.stringify(fromRoot('server/src/secrets/key.ts'))};
const [dataDir, loads] = process.argv.slice(2);
console.log('ready');
process.stdin.once('data', async () => {
  const keys = await Promise.allSettled(Array.from({ length: Number(loads) }, () => loadSecretKey(undefined, dataDir)));
  for (const key of keys) {
    console.log(key.status === 'fulfilled' ? createHash('sha256').update(key.value).digest('hex') : \`failed: \${key.reason}\`);
  }
  process.exit(0);
});
`;

const fingerprint = (key: Buffer) => createHash('sha256').update(key).digest('hex');

interface KeyLoader {
  go(): void;
  fingerprints: Promise<string[]>;
}

async function startKeyLoader(script: string, dataDir: string, loads: number): Promise<KeyLoader> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir, String(loads)], { cwd: fromRoot() });
  const lines = createInterface({ input: child.stdout });
  const output: string[] = [];
  let errors = '';
  child.stderr.on('data', (chunk) => {
    errors += chunk;
  });
  let ready: () => void = () => undefined;
  const isReady = new Promise<void>((resolve) => {
    ready = resolve;
  });
  lines.on('line', (line) => (line === 'ready' ? ready() : output.push(line)));
  const fingerprints = new Promise<string[]>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`key loader exited with ${code}: ${errors}`)),
    );
  });
  await Promise.race([isReady, fingerprints]);
  return { go: () => child.stdin.end('go\n'), fingerprints };
}

async function expectOneKeyFileOfItsOwn(dataDir: string): Promise<string> {
  const file = join(dataDir, KEY_FILE);
  expect(await readdir(dataDir)).toEqual([KEY_FILE]);
  expect((await stat(file)).mode & 0o777).toBe(0o600);
  const stored = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
  expect(stored).toHaveLength(32);
  return fingerprint(stored);
}

function fingerprintsOf(loads: PromiseSettledResult<Buffer>[]): string[] {
  expect(loads.filter((load) => load.status === 'rejected')).toEqual([]);
  return loads.map((load) => fingerprint((load as PromiseFulfilledResult<Buffer>).value));
}

describe('the generated key file', () => {
  it('is the same key for every load started at once on a fresh data dir: none reads it half-written, and no temporary file stays', async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'rolecall-key-race-'));
    try {
      // Two to four loads at once catch a writer between creating the file and filling it more often than many do.
      for (let round = 0; round < 300; round++) {
        const dataDir = join(scratch, `data-${round}`);
        const loads = 2 + (round % 3);
        const keys = fingerprintsOf(
          await Promise.allSettled(Array.from({ length: loads }, () => loadSecretKey(undefined, dataDir))),
        );
        expect(new Set(keys)).toEqual(new Set([await expectOneKeyFileOfItsOwn(dataDir)]));
      }
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });

  it('is the same key for instances in several processes starting at once on a fresh data dir', async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'rolecall-key-race-'));
    const dataDir = join(scratch, 'data');
    try {
      const script = join(scratch, 'load-key.mts');
      await writeFile(script, KEY_LOADER);
      const processes = await Promise.all([1, 2, 3].map(() => startKeyLoader(script, dataDir, 10)));
      for (const loader of processes) loader.go();
      const here = fingerprintsOf(
        await Promise.allSettled(Array.from({ length: 20 }, () => loadSecretKey(undefined, dataDir))),
      );
      const elsewhere = (await Promise.all(processes.map((loader) => loader.fingerprints))).flat();

      expect(elsewhere.filter((line) => line.startsWith('failed'))).toEqual([]);
      expect([...here, ...elsewhere]).toHaveLength(50);
      expect(new Set([...here, ...elsewhere])).toEqual(new Set([await expectOneKeyFileOfItsOwn(dataDir)]));
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });
});

describe('stored role passwords', () => {
  let testApp: TestApp;
  let admin: TestClient;
  let adminPassword: string;
  let shopId: string;
  let clerkPassword: string;

  const CURRENT_ROLE = `query($id: ID!) { database(id: $id) { ${ERROR_FIELDS}
    ... on Database { catalog { ${ERROR_FIELDS} ... on DatabaseCatalog { currentRole } } } } }`;

  beforeAll(async () => {
    testApp = await startTestApp();
    admin = testApp.client();
    adminPassword = (await setupAdmin(admin)).password;
    shopId = await connect(admin, testApp, await createManagedDatabase(testApp, 'shop', 'shop_owner'));
    clerkPassword = await createLoginRole(testApp, 'clerk');
    expect(await configureRole(admin, shopId, 'clerk', clerkPassword)).toMatchObject({ __typename: 'ConfiguredRole' });
  });

  afterAll(async () => {
    await testApp?.stop();
  });

  async function storedRow(rolname: string) {
    const [row] = await testApp.sql<{ serverId: string; encryptedPassword: string }>(
      'SELECT "serverId", "encryptedPassword" FROM "ConfiguredRole" WHERE rolname = $1',
      [rolname],
      'rolecall_metadata',
    );
    if (!row) throw new Error(`no configured role ${rolname}`);
    return row;
  }

  it('are sealed with a key generated once in the data dir, readable by its owner only, and reused on restart', async () => {
    const file = join(testApp.app.services.config.dataDir, KEY_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const key = await readFile(file, 'utf8');
    expect(Buffer.from(key.trim(), 'base64')).toHaveLength(32);

    const restarted = await testApp.startInstance();
    try {
      const client = restarted.client();
      await signIn(client, 'admin', adminPassword);
      // The shop_owner password stored before the restart still opens: the same key was read back.
      expect(await client.field(CURRENT_ROLE, { id: shopId })).toMatchObject({
        catalog: { currentRole: 'shop_owner' },
      });
    } finally {
      await restarted.stop();
    }
    expect(await readFile(file, 'utf8')).toBe(key);
  });

  it('are looked for by the leak scan in the logs and the Event table of this app', async () => {
    const sources = await recordedSources();
    const texts = (kind: string) => sources.find((source) => source.kind === kind)?.texts.join('\n') ?? '';
    expect(texts('Event table')).toContain('"kind":"role.configured"');
    expect(texts('log line')).toContain(testApp.logs.at(-1));
    expect(texts('response or message')).toContain('"__typename":"ConfiguredRole"');
  });

  it('are never stored or returned in clear', async () => {
    const row = await storedRow('clerk');
    expect(row.encryptedPassword).toMatch(/^v1\./);
    expect(row.encryptedPassword).not.toContain(clerkPassword);
    const dump = JSON.stringify(await testApp.sql('SELECT * FROM "ConfiguredRole"', [], 'rolecall_metadata'));
    expect(dump).not.toContain(clerkPassword);
  });

  it('come from ROLECALL_SECRET_KEY when it is set: no key file is written, and another key cannot open them', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'rolecall-key-'));
    try {
      const configured = randomBytes(32);
      for (const text of [configured.toString('base64'), configured.toString('hex')]) {
        expect(await loadSecretKey(text, dataDir)).toEqual(configured);
      }
      expect(await readdir(dataDir)).toEqual([]);

      const context = passwordContext('server-1', 'clerk');
      const sealed = seal(configured, clerkPassword, context);
      expect(open(configured, sealed, context)).toBe(clerkPassword);
      expect(() => open(randomBytes(32), sealed, context)).toThrow(SecretUnreadableError);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('refuse a ROLECALL_SECRET_KEY that is not 32 bytes, without repeating it', async () => {
    const tooShort = randomBytes(16).toString('base64');
    const refused = await loadSecretKey(tooShort, tmpdir()).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SecretKeyInvalidError);
    expect(String((refused as Error).message)).not.toContain(tooShort);
  });

  it('an instance started with another key cannot open the stored passwords: it answers a typed SecretUnreadableError, never logging in with garbage', async () => {
    const other = await testApp.startInstance({ ROLECALL_SECRET_KEY: randomBytes(32).toString('base64') });
    try {
      const client = other.client();
      await signIn(client, 'admin', adminPassword);
      const result = await client.request<{ database: { catalog?: Record<string, unknown> } }>(CURRENT_ROLE, {
        id: shopId,
      });
      expect(result.data?.database?.catalog).toMatchObject({
        __typename: 'SecretUnreadableError',
        code: 'SECRET_UNREADABLE',
      });
      expect(String(result.data?.database?.catalog?.message)).toContain('does not open with this key for this role');
    } finally {
      await other.stop();
    }
  });

  it('fail authentication when any part of the sealed value was altered', async () => {
    const { serverId, encryptedPassword } = await storedRow('clerk');
    const context = passwordContext(serverId, 'clerk');
    expect(testApp.app.services.secrets.open(encryptedPassword, context)).toBe(clerkPassword);
    const refusal = (sealed: string) => {
      try {
        testApp.app.services.secrets.open(sealed, context);
        return 'opened';
      } catch (error) {
        return error;
      }
    };
    const parts = encryptedPassword.split('.');
    // The IV, the tag and the ciphertext: one flipped bit in any of them.
    for (const index of [1, 2, 3]) {
      const altered = [...parts];
      const bytes = Buffer.from(altered[index] as string, 'base64url');
      bytes[0] = (bytes[0] as number) ^ 0x01;
      altered[index] = bytes.toString('base64url');
      expect(refusal(altered.join('.'))).toMatchObject({ code: 'SECRET_UNREADABLE', reason: 'unauthenticated' });
    }
    expect(refusal('not-a-sealed-value')).toMatchObject({ code: 'SECRET_UNREADABLE', reason: 'malformed' });
  });

  it('are bound to their server and role: a value copied to another row does not open there', async () => {
    const shopOwner = await storedRow('shop_owner');
    const clerk = await storedRow('clerk');
    const { secrets } = testApp.app.services;
    expect(() => secrets.open(shopOwner.encryptedPassword, passwordContext(clerk.serverId, 'clerk'))).toThrow(
      SecretUnreadableError,
    );
    expect(() => secrets.open(shopOwner.encryptedPassword, passwordContext('another-server', 'shop_owner'))).toThrow(
      SecretUnreadableError,
    );
  });
});
