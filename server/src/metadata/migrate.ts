import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { quoteLiteral } from '../catalog/identifiers.js';
import { fromRoot } from '../paths.js';
import { metadataConnection, metadataConnectionError } from './client.js';

/** `prisma/migrations`, in Prisma Migrate's layout: `<timestamp>_<name>/migration.sql`. */
export const MIGRATIONS_DIR = fromRoot('prisma', 'migrations');

/** The key Prisma Migrate locks, so that this runner and `prisma migrate deploy` also exclude each other. */
const PRISMA_MIGRATE_LOCK_KEY = 72707369;

export interface Migration {
  name: string;
  sql: string;
}

export interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

interface Log {
  info(obj: object, msg?: string): void;
}

/** The migrations on disk, in the order Prisma applies them. */
export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
  return Promise.all(
    names.map(async (name) => ({ name, sql: await readFile(join(dir, name, 'migration.sql'), 'utf8') })),
  );
}

/** Prisma's checksum of a migration: the SHA-256 of its script, as 64 hex digits. */
function migrationChecksum(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}

/** Prisma also accepts a script whose line endings git has converted since it was applied. */
function matchesChecksum(sql: string, checksum: string): boolean {
  const unix = sql.replaceAll('\r\n', '\n');
  return [sql, unix, unix.replaceAll('\n', '\r\n')].some((variant) => migrationChecksum(variant) === checksum);
}

/**
 * Applies the pending migrations of `migrationsDir`, recording them in `_prisma_migrations` as Prisma Migrate
 * does, so that `prisma migrate deploy` and `prisma migrate status` see them as applied. Returns their names.
 */
export async function applyMigrations(
  databaseUrl: string,
  log: Log,
  migrationsDir: string = MIGRATIONS_DIR,
): Promise<string[]> {
  const started = performance.now();
  const migrations = await readMigrations(migrationsDir);
  if (migrations.length === 0) throw new Error(`No migrations found in ${migrationsDir}`);
  const client = new pg.Client({ ...metadataConnection(databaseUrl), application_name: 'rolecall-migrate' });
  // A lost connection also rejects the query in flight, which is where it is reported.
  client.on('error', () => {});
  await client.connect().catch((error: unknown) => {
    throw metadataConnectionError(error);
  });
  try {
    await lock(client, log);
    await ensureMigrationsTable(client);
    const pending = pendingMigrations(migrations, await migrationRows(client));
    if (!(await applyTogether(client, pending))) {
      for (const migration of pending) await applyMigration(client, migration);
    }
    const applied = pending.map((migration) => migration.name);
    log.info({ applied, ms: Math.round(performance.now() - started) }, 'database migrations are up to date');
    return applied;
  } finally {
    // Ending the session also releases the advisory lock.
    await client.end();
  }
}

/** Serialises instances starting at the same time: the later ones wait, then find nothing left to do. */
async function lock(client: pg.Client, log: Log): Promise<void> {
  const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
    PRISMA_MIGRATE_LOCK_KEY,
  ]);
  if (rows[0]?.locked) return;
  log.info({}, 'waiting for another instance to finish migrating the database');
  await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK_KEY]);
}

/** The table exactly as Prisma Migrate creates it. */
async function ensureMigrationsTable(client: pg.Client): Promise<void> {
  await client.query(`
    CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum"            VARCHAR(64) NOT NULL,
      "finished_at"         TIMESTAMPTZ,
      "migration_name"      VARCHAR(255) NOT NULL,
      "logs"                TEXT,
      "rolled_back_at"      TIMESTAMPTZ,
      "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
}

/** What `_prisma_migrations` records, oldest first. */
export const MIGRATION_ROWS_SQL =
  'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at';

async function migrationRows(client: pg.Client): Promise<MigrationRow[]> {
  const { rows } = await client.query<MigrationRow>(MIGRATION_ROWS_SQL);
  return rows;
}

/**
 * Read-only, for readiness: the names of the migrations on disk that `rows` do not record as applied. Throws where
 * applying them would refuse (a half-applied or modified migration).
 */
export function unappliedMigrations(migrations: Migration[], rows: MigrationRow[]): string[] {
  return pendingMigrations(migrations, rows).map((migration) => migration.name);
}

/** The migrations not applied yet; refuses to go on where Prisma Migrate would refuse too. */
function pendingMigrations(migrations: Migration[], rows: MigrationRow[]): Migration[] {
  const live = rows.filter((row) => row.rolled_back_at === null);
  const failed = live.find((row) => row.finished_at === null);
  if (failed) {
    throw new Error(
      `Migration ${failed.migration_name} failed in an earlier attempt and was left half applied. ` +
        'Repair the database, then mark it with `prisma migrate resolve --applied` or `--rolled-back`.',
    );
  }
  const applied = new Map(live.map((row) => [row.migration_name, row.checksum]));
  for (const migration of migrations) {
    const checksum = applied.get(migration.name);
    if (checksum !== undefined && !matchesChecksum(migration.sql, checksum)) {
      throw new Error(
        `Migration ${migration.name} was modified after it was applied to this database. ` +
          'Restore its migration.sql and put the change in a new migration instead.',
      );
    }
  }
  return migrations.filter((migration) => !applied.has(migration.name));
}

/** The row that records `migration` as applied, as Prisma Migrate writes it. */
function recordSql(migration: Migration): string {
  return `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
    VALUES (${quoteLiteral(randomUUID())}, ${quoteLiteral(migrationChecksum(migration.sql))}, ${quoteLiteral(migration.name)}, clock_timestamp(), clock_timestamp(), 1)`;
}

/**
 * Applies all of `pending` and their rows in one transaction sent as one query: a new database gets every migration
 * at its first start, and this is one round trip and one commit instead of four and one for each. False, with nothing
 * applied, when one of them fails: applied one by one, the same migrations then say which one fails and keep the ones
 * before it, as Prisma Migrate does.
 */
async function applyTogether(client: pg.Client, pending: Migration[]): Promise<boolean> {
  if (pending.length < 2) return false;
  // On lines of their own, the separators cannot end up inside a script's last comment.
  const script = ['BEGIN', ...pending.flatMap((migration) => [migration.sql, recordSql(migration)]), 'COMMIT'];
  try {
    await client.query(script.join('\n;\n'));
    return true;
  } catch {
    await client.query('ROLLBACK').catch(() => {});
    return false;
  }
}

/** One migration and its `_prisma_migrations` row commit together, or neither does. */
async function applyMigration(client: pg.Client, migration: Migration): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
      [randomUUID(), migrationChecksum(migration.sql), migration.name],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${migration.name} failed and was rolled back: ${reason}`, { cause: error });
  }
}
