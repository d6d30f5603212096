import { appendFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type EmbeddedCluster, startEmbeddedCluster } from '../../server/src/embedded/cluster.js';

export interface BenchCluster {
  cluster: EmbeddedCluster;
  /** Connection string of Rolecall's metadata database on this cluster. */
  metadataUrl: string;
  /** Runs SQL as the cluster's superuser, as a DBA in psql would. */
  sql<R extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    values?: unknown[],
    database?: string,
  ): Promise<R[]>;
  /** `postgresql://role:password@…/database` on this cluster. */
  urlAs(role: string, password: string, database: string): string;
  /**
   * Counts, per database, the queries the server receives while `work` runs: one per simple-protocol Query message
   * (however many statements its string holds) and one per extended-protocol Execute. Each is a round trip. Counted
   * from the server's own statement log (log_statement = all, on only meanwhile), whoever the client is; the drift
   * watcher's polls under "<database> (drift watcher)".
   */
  roundTrips(work: () => Promise<void>): Promise<Map<string, number>>;
  stop(): Promise<void>;
}

/**
 * A statement-log line: "db=<database> c=<session> LOG:  statement: <query>" (a Query) or "… LOG:  execute <name>:
 * <query>" (an Execute).
 */
const LOGGED_QUERY = /db=(\S*) c=(\S*) LOG: {2}(?:statement|execute [^:]*): (.*)$/;

/**
 * The drift watcher's polls, told apart so that they can be left out of what a change costs: its fingerprint of a
 * server or database (nothing else Rolecall sends hashes with md5), and its reads, each in a REPEATABLE READ READ
 * ONLY transaction of its own.
 */
const DRIFT_FINGERPRINT = /^SELECT (\(SELECT )?md5\(/;
const DRIFT_READ_BEGINS = 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY';

/** Waits for the server's processes to take a configuration reload (each takes it at its next command). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

/** A throw-away embedded PostgreSQL cluster holding Rolecall's metadata and the managed databases of a benchmark. */
export async function startBenchCluster(): Promise<BenchCluster> {
  const dir = await mkdtemp(join(tmpdir(), 'rolecall-bench-'));
  let counted: Map<string, number> | null = null;
  /** Sessions inside one of the drift watcher's read transactions. */
  const inDriftRead = new Set<string>();
  const countQueries = (chunk: string) => {
    if (!counted) return;
    for (const line of chunk.split('\n')) {
      const [, database, session = '', query = ''] = LOGGED_QUERY.exec(line) ?? [];
      if (database === undefined) continue;
      if (query.startsWith(DRIFT_READ_BEGINS)) inDriftRead.add(session);
      const drift = inDriftRead.has(session) || DRIFT_FINGERPRINT.test(query);
      if (inDriftRead.has(session) && /^(COMMIT|ROLLBACK)\b/.test(query)) inDriftRead.delete(session);
      const key = drift ? `${database} (drift watcher)` : database;
      counted.set(key, (counted.get(key) ?? 0) + 1);
      if (process.env.BENCH_LOG_ROUND_TRIPS)
        appendFileSync(process.env.BENCH_LOG_ROUND_TRIPS, `${line.slice(0, 200)}\n`);
    }
  };
  // pg_stat_statements: the mutation benchmark counts the statements a grant costs on each database; the statement
  // log (prefixed with the database) its round trips.
  const cluster = await startEmbeddedCluster({
    dir,
    persistent: false,
    settings: [
      'shared_preload_libraries=pg_stat_statements',
      'pg_stat_statements.track=all',
      'log_line_prefix=%m db=%d c=%c ',
    ],
    onLog: countQueries,
  });
  const admin = new pg.Client(cluster.url());
  await admin.connect();
  await admin.query('CREATE EXTENSION pg_stat_statements');
  await admin.query('CREATE DATABASE rolecall');
  await admin.query('REVOKE ALL ON DATABASE rolecall FROM PUBLIC');
  return {
    cluster,
    metadataUrl: cluster.url('rolecall'),
    sql: async (text, values, database) => {
      if (!database) return (await admin.query(text, values)).rows;
      const client = new pg.Client(cluster.url(database));
      await client.connect();
      try {
        return (await client.query(text, values)).rows;
      } finally {
        await client.end();
      }
    },
    roundTrips: async (work) => {
      await admin.query(`ALTER SYSTEM SET log_statement = 'all'`);
      await admin.query('SELECT pg_reload_conf()');
      await settle();
      const counts = new Map<string, number>();
      counted = counts;
      try {
        await work();
      } finally {
        counted = null;
        await admin.query('ALTER SYSTEM RESET log_statement');
        await admin.query('SELECT pg_reload_conf()');
        await settle();
      }
      return counts;
    },
    urlAs: (role, password, database) =>
      `postgresql://${encodeURIComponent(role)}:${encodeURIComponent(password)}@127.0.0.1:${cluster.port}/${encodeURIComponent(database)}`,
    stop: async () => {
      try {
        await admin.end().catch(() => undefined);
        await cluster.stop();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
