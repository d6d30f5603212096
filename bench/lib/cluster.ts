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
  stop(): Promise<void>;
}

/** A throw-away embedded PostgreSQL cluster holding Rolecall's metadata and the managed databases of a benchmark. */
export async function startBenchCluster(): Promise<BenchCluster> {
  const dir = await mkdtemp(join(tmpdir(), 'rolecall-bench-'));
  // pg_stat_statements: the mutation benchmark counts the statements (round trips) a grant costs on each database.
  const cluster = await startEmbeddedCluster({
    dir,
    persistent: false,
    settings: ['shared_preload_libraries=pg_stat_statements', 'pg_stat_statements.track=all'],
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
