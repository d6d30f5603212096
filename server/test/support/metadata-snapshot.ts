import type { TestApp } from './app.js';

/** Bookkeeping a request writes merely by being signed in, not a change it made. */
const TOUCHED_BY_SIGNING_IN = ['lastSeenAt', 'lastUsedAt'];

/**
 * Events about changes made outside Rolecall (the tests' own psql-like SQL), which the drift watcher records on its
 * own schedule: never written by the request under test.
 */
const WRITTEN_BY_THE_DRIFT_WATCHER = { source: 'EXTERNAL' };
/** What the drift watcher last read of each server (its checkpoints), left on its own schedule too. */
const TABLES_OF_THE_DRIFT_WATCHER = ['DriftCheckpoint'];

/** Every row of every metadata table, as sorted JSON text per table: equal snapshots mean nothing was written. */
export type MetadataSnapshot = Record<string, string[]>;

/** The tables of the metadata schema, read once per app, so a table added by a later migration is covered too. */
const tablesOf = new WeakMap<TestApp, Promise<string[]>>();

function metadataTables(testApp: TestApp): Promise<string[]> {
  let tables = tablesOf.get(testApp);
  if (!tables) {
    tables = readMetadataTables(testApp);
    tablesOf.set(testApp, tables);
  }
  return tables;
}

async function readMetadataTables(testApp: TestApp): Promise<string[]> {
  const rows = await testApp.sql<{ tablename: string }>(
    `SELECT tablename FROM pg_catalog.pg_tables
      WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' AND tablename <> ALL($1)
      ORDER BY tablename`,
    [TABLES_OF_THE_DRIFT_WATCHER],
    'rolecall_metadata',
  );
  return rows.map((row) => row.tablename);
}

const quoteTable = (table: string) => `"${table.replaceAll('"', '""')}"`;

/** One query for all tables (a connection per table would make every snapshot cost a third of a second). */
export async function metadataSnapshot(testApp: TestApp): Promise<MetadataSnapshot> {
  const tables = await metadataTables(testApp);
  const perTable = tables.map(
    (table, index) =>
      `SELECT ${index} AS i, (to_jsonb(t) - $1::text[])::text AS row FROM ${quoteTable(table)} t
        WHERE NOT to_jsonb(t) @> $2::jsonb`,
  );
  const rows = await testApp.sql<{ i: number; row: string }>(
    `${perTable.join(' UNION ALL ')} ORDER BY 1, 2`,
    [TOUCHED_BY_SIGNING_IN, JSON.stringify(WRITTEN_BY_THE_DRIFT_WATCHER)],
    'rolecall_metadata',
  );
  const snapshot: MetadataSnapshot = Object.fromEntries(tables.map((table) => [table, []]));
  for (const { i, row } of rows) snapshot[tables[i] as string]?.push(row);
  return snapshot;
}

/** The tables the issue names; a snapshot missing one would prove nothing about it. */
export const METADATA_TABLES = [
  'AccessSnapshot',
  'ApiToken',
  'AssignableRole',
  'Collaborator',
  'ConfiguredRole',
  'Database',
  'EmailVerification',
  'Event',
  'Invitation',
  'Server',
  'Session',
  'User',
];
