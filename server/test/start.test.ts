import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { fromRoot } from '../src/paths.js';
import { TestClient } from './support/client.js';
import { startTestCluster } from './support/cluster.js';
import { ERROR_FIELDS, setupAdmin, signIn, untilRolecallWaitsOnALock } from './support/fixtures.js';
import { secret, watchEvents, watchLogs } from './support/secrets-scan.js';

const READY_WITHIN_MS = 10_000;

interface Running {
  child: ChildProcess;
  url: string;
  /** Every line the process wrote, scanned for secrets like an app's logs. */
  lines: string[];
  /** From spawning the process to its "ready" line. */
  readyMs: number;
  exited: Promise<number | null>;
}

const running = new Set<ChildProcess>();

function buildBundle(): void {
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: fromRoot() });
}

/** What `npm start` runs after its (cached) build: the bundle of scripts/build-server.mjs, on plain Node. */
async function startRolecall(env: Record<string, string>): Promise<Running> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, ['--enable-source-maps', 'server/dist/main.mjs'], {
    cwd: fromRoot(),
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  void exited.then(() => running.delete(child));
  const lines: string[] = [];
  watchLogs(lines);
  const url = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        lines.push(line);
        if (line.includes('Rolecall is ready')) resolve((JSON.parse(line) as { url: string }).url);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    void exited.then((code) => reject(new Error(`exited with ${code}:\n${lines.join('\n')}`)));
  });
  return { child, url, lines, readyMs: performance.now() - spawnedAt, exited };
}

async function stopWithSigterm(rolecall: Running): Promise<number | null> {
  rolecall.child.kill('SIGTERM');
  return rolecall.exited;
}

/** The embedded cluster's superuser, as a DBA on that machine would connect with psql. */
async function superuserOf(dataDir: string, database = 'postgres'): Promise<pg.Client> {
  const dir = join(dataDir, 'postgres');
  const password = (await readFile(join(dir, 'superuser-password'), 'utf8')).trim();
  const port = Number((await readFile(join(dir, 'port'), 'utf8')).trim());
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database });
  await client.connect();
  return client;
}

/** PostgreSQL processes whose command line names `dir`: the embedded cluster's postmaster and its children. */
async function postgresProcessesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const commandLine = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (commandLine.includes('postgres') && commandLine.includes(dir)) found.push(pid);
  }
  return found;
}

const SETUP = `mutation($input: SetupInput!) { setup(input: $input) { ${ERROR_FIELDS} } }`;
const DEMO = '{ demoDatabase { host port database role } }';
const CONNECT = `mutation($input: ConnectDatabaseInput!) {
  connectDatabase(input: $input) { ${ERROR_FIELDS} ... on Database { id name } } }`;
const DEMO_CATALOG = `query($id: ID!) { database(id: $id) { ${ERROR_FIELDS} ... on Database {
  catalog { ${ERROR_FIELDS} ... on DatabaseCatalog { roles { name } schemas { name tables { name } } } } } } }`;
const CURRENT_ROLE = `query($id: ID!) { database(id: $id) { ${ERROR_FIELDS}
  ... on Database { catalog { ${ERROR_FIELDS} ... on DatabaseCatalog { currentRole } } } } }`;
const DATABASES = `{ databases { ${ERROR_FIELDS} ... on QueryDatabasesConnection { nodes { id name server { isDemo } } } } }`;

/** A process a failed test left running stops as it would in production, taking its embedded cluster with it. */
afterAll(async () => {
  await Promise.all(
    [...running].map((child) => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      return exited;
    }),
  );
});

describe('npm start on the embedded default', () => {
  let dataDir: string;
  let buildMs: number;
  const adminPassword = secret('admin');
  let demoId: string;

  beforeAll(async () => {
    buildBundle();
    // What `npm start` does before starting: a build that finds nothing changed.
    const checkedAt = performance.now();
    buildBundle();
    buildMs = performance.now() - checkedAt;
    dataDir = await mkdtemp(join(tmpdir(), 'rolecall-start-'));
    await chmod(dataDir, 0o755);
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  /** `npm start` = the build check + the start; the message shows where the time went. */
  function expectReadyInTime(rolecall: Running): void {
    const timings = rolecall.lines.filter((line) => line.includes('"ms"')).join('\n');
    expect(buildMs + rolecall.readyMs, `build check ${Math.round(buildMs)} ms, then:\n${timings}`).toBeLessThan(
      READY_WITHIN_MS,
    );
  }

  it('is ready within 10 s of starting, with its migrations applied, the page at / and GraphQL where the first admin signs up', async () => {
    const rolecall = await startRolecall({ ROLECALL_DATA_DIR: dataDir });
    try {
      const client = new TestClient(rolecall.url);
      expect(await client.request('{ setupRequired }')).toEqual({ data: { setupRequired: true } });
      const setup = await client.field(SETUP, {
        input: { username: 'admin', email: 'admin@example.com', password: adminPassword },
      });
      expect(setup.__typename).toBe('User');
      expect(await (await fetch(rolecall.url)).text()).toContain('<title>Rolecall</title>');
      expect(rolecall.lines.join('\n')).toContain('database migrations');
      expect(rolecall.lines.join('\n')).toContain('seeded the demo database');
      expectReadyInTime(rolecall);
    } finally {
      expect(await stopWithSigterm(rolecall)).toBe(0);
    }
  });

  it('offers the seeded demo database, which the first admin connects with no password and reads through GraphQL', async () => {
    const rolecall = await startRolecall({ ROLECALL_DATA_DIR: dataDir });
    try {
      const admin = new TestClient(rolecall.url);
      await signIn(admin, 'admin', adminPassword);
      const { data } = await admin.request<{ demoDatabase: Record<string, unknown> }>(DEMO);
      expect(data?.demoDatabase).toMatchObject({ host: '127.0.0.1', database: 'demo', role: 'demo_admin' });

      const connected = await admin.field(CONNECT, { input: data?.demoDatabase });
      expect(connected).toMatchObject({ __typename: 'Database', name: 'demo' });
      demoId = connected.id as string;

      const read = await admin.field<{ catalog: DemoCatalog }>(DEMO_CATALOG, { id: demoId });
      expect(read.catalog.__typename).toBe('DatabaseCatalog');
      const roles = read.catalog.roles.map((role) => role.name);
      expect(roles).toEqual(
        expect.arrayContaining(['demo_admin', 'analyst', 'app_writer', 'reporting', 'engineering']),
      );
      const tables = Object.fromEntries(
        read.catalog.schemas.map((schema) => [schema.name, schema.tables.map((table) => table.name).sort()]),
      );
      expect(tables).toMatchObject({
        sales: ['order_totals', 'orders', 'orders_id_seq', 'customers', 'customers_id_seq'].sort(),
        hr: ['employees', 'employees_id_seq'],
        app: ['settings'],
      });
    } finally {
      expect(await stopWithSigterm(rolecall)).toBe(0);
    }
  });

  it('on SIGTERM refuses new connections but finishes a request in flight, then stops its embedded cluster', async () => {
    const rolecall = await startRolecall({ ROLECALL_DATA_DIR: dataDir });
    const dba = await superuserOf(dataDir);
    // The next test starts on this data dir: this process and its cluster must be gone even if this one fails.
    onTestFailed(async () => {
      await dba.end().catch(() => undefined);
      await stopWithSigterm(rolecall);
    });
    const admin = new TestClient(rolecall.url);
    await signIn(admin, 'admin', adminPassword);
    // Rolecall's connection as demo_admin is open first: logging in would wait on the DBA's transaction too.
    expect(await admin.field(CURRENT_ROLE, { id: demoId })).toMatchObject({ catalog: { currentRole: 'demo_admin' } });
    // A DBA's open transaction creating the same role: Rolecall's CREATE ROLE waits on it, a request held open.
    await dba.query('BEGIN; CREATE ROLE late_arrival');
    const inFlight = admin.field(
      `mutation($id: ID!) { createRole(databaseId: $id, input: { name: "late_arrival" }) { ${ERROR_FIELDS} } }`,
      { id: demoId },
    );
    await untilRolecallWaitsOnALock(dba);

    rolecall.child.kill('SIGTERM');
    await expect
      .poll(() =>
        fetch(rolecall.url).then(
          () => 'accepted',
          () => 'refused',
        ),
      )
      .toBe('refused');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(rolecall.child.exitCode).toBeNull();

    await dba.query('ROLLBACK');
    await dba.end();
    expect(await inFlight).toMatchObject({ __typename: 'PermissionChange' });
    expect(await rolecall.exited).toBe(0);
    expect(existsSync(join(dataDir, 'postgres', 'pgdata', 'postmaster.pid'))).toBe(false);
    expect(await postgresProcessesUnder(dataDir)).toEqual([]);
    expect(rolecall.lines.join('\n')).toContain('stopped');
  });

  it('starts again on its data within 10 s, with the admin and the connected demo, and seeds nothing twice', async () => {
    const rolecall = await startRolecall({ ROLECALL_DATA_DIR: dataDir });
    try {
      expectReadyInTime(rolecall);
      expect(rolecall.lines.join('\n')).not.toContain('seeded the demo database');
      const admin = new TestClient(rolecall.url);
      expect(await admin.request('{ setupRequired }')).toEqual({ data: { setupRequired: false } });
      await signIn(admin, 'admin', adminPassword);
      const databases = await admin.field<{ nodes: { id: string; name: string; server: { isDemo: boolean } }[] }>(
        DATABASES,
      );
      expect(databases.nodes).toEqual([{ id: demoId, name: 'demo', server: { isDemo: true } }]);
      const read = await admin.field<{ catalog: DemoCatalog }>(DEMO_CATALOG, { id: demoId });
      // The role the request in flight at the last SIGTERM created is there: its transaction committed.
      expect(read.catalog.roles.map((role) => role.name)).toContain('late_arrival');

      const dba = await superuserOf(dataDir, 'rolecall');
      try {
        const { rows } = await dba.query('SELECT count(*)::int AS n FROM "Server" WHERE "isDemo"');
        expect(rows[0].n).toBe(1);
        const demos = await dba.query("SELECT count(*)::int AS n FROM pg_database WHERE datname = 'demo'");
        expect(demos.rows[0].n).toBe(1);
        // The leak scan reads this instance's event log too, as it does for every app a test starts.
        await watchEvents(async () =>
          JSON.stringify((await dba.query('SELECT kind, payload, sql FROM "Event"')).rows),
        ).capture();
      } finally {
        await dba.end();
      }
    } finally {
      expect(await stopWithSigterm(rolecall)).toBe(0);
    }
  });
});

interface DemoCatalog {
  __typename: string;
  roles: { name: string }[];
  schemas: { name: string; tables: { name: string }[] }[];
}

describe('npm start with DATABASE_URL', () => {
  it('embeds nothing: no cluster directory, no embedded PostgreSQL process, no demo', async () => {
    const cluster = await startTestCluster();
    const dataDir = await mkdtemp(join(tmpdir(), 'rolecall-external-'));
    try {
      const setup = new pg.Client(cluster.url());
      await setup.connect();
      await setup.query('CREATE DATABASE rolecall_external');
      await setup.end();
      const rolecall = await startRolecall({
        ROLECALL_DATA_DIR: dataDir,
        DATABASE_URL: cluster.url('rolecall_external'),
      });
      try {
        expect(rolecall.lines.join('\n')).not.toContain('embedded PostgreSQL started');
        expect(existsSync(join(dataDir, 'postgres'))).toBe(false);
        expect(await postgresProcessesUnder(dataDir)).toEqual([]);
        const admin = new TestClient(rolecall.url);
        await setupAdmin(admin);
        expect(await admin.request(DEMO)).toEqual({ data: { demoDatabase: null } });
      } finally {
        expect(await stopWithSigterm(rolecall)).toBe(0);
      }
    } finally {
      await cluster.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the server bundle', () => {
  it('bundles again only when a source file changed, or one was added or removed', async () => {
    const builtAt = async () => (await stat(fromRoot('server/dist/main.mjs'))).mtimeMs;
    buildBundle();
    const first = await builtAt();
    buildBundle();
    expect(await builtAt()).toBe(first);

    const tick = () => new Promise((resolve) => setTimeout(resolve, 20));
    await tick();
    const now = new Date();
    await utimes(fromRoot('server/src/paths.ts'), now, now);
    buildBundle();
    const second = await builtAt();
    expect(second).toBeGreaterThan(first);

    const added = fromRoot('server/src/start-test-added.tmp.ts');
    await tick();
    await writeFile(added, 'export {};\n');
    try {
      buildBundle();
    } finally {
      await tick();
      await rm(added, { force: true });
    }
    const third = await builtAt();
    expect(third).toBeGreaterThan(second);
    buildBundle();
    expect(await builtAt()).toBeGreaterThan(third);
  }, 60_000);
});
