import { createHash } from 'node:crypto';
import { appendFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  datamodel,
  migrationList,
  migrationsTarget,
  SCHEMA_PATH,
  type SchemaEngine,
  startSchemaEngine,
} from '../../scripts/schema-engine.js';
import { PrismaClient } from '../src/generated/prisma/client.js';
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from '../src/metadata/migrate.js';
import { startTestCluster } from './support/cluster.js';
import { METADATA_TABLES } from './support/metadata-snapshot.js';

const silent = { info: () => {} };

let cluster: Awaited<ReturnType<typeof startTestCluster>>;
let engine: SchemaEngine;
let migrationNames: string[];
const copies: string[] = [];

beforeAll(async () => {
  cluster = await startTestCluster();
  engine = await startSchemaEngine(cluster.url());
  migrationNames = (await readMigrations()).map((migration) => migration.name);
});

afterAll(async () => {
  await engine?.stop();
  await cluster?.stop();
  await Promise.all(copies.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

let databaseCount = 0;
async function freshDatabase(): Promise<string> {
  const name = `migrations_${++databaseCount}`;
  await query(cluster.url(), `CREATE DATABASE "${name}"`);
  return cluster.url(name);
}

/** What `prisma migrate deploy` does, by Prisma's own engine. */
async function deployWithPrisma(url: string): Promise<string[]> {
  const prisma = await startSchemaEngine(url);
  try {
    return await prisma.deploy(await migrationList());
  } finally {
    await prisma.stop();
  }
}

async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rolecall-migrations-'));
  copies.push(dir);
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

async function tablesOf(url: string): Promise<string[]> {
  const rows = await query<{ tablename: string }>(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
  return rows.map((row) => row.tablename).sort();
}

const columnsOfMigrationsTable = (url: string) =>
  query(
    url,
    `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
     FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
  );

test('schema.prisma and the migrations agree', async () => {
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  const migrations = await migrationsTarget();
  const missing = await engine.diff(migrations, datamodel(schema));
  expect(missing, 'schema.prisma has changes without a migration: npm run migration:new -- <name>').toBeNull();

  // The same comparison does notice a schema change that has no migration yet.
  const changed = schema.replace(/^model User \{$/m, 'model User {\n  nickname String?');
  expect(changed).not.toBe(schema);
  expect(await engine.diff(migrations, datamodel(changed))).toMatch(/ALTER TABLE "User" ADD COLUMN\s+"nickname" TEXT;/);
});

test('applying the migrations to a fresh database creates the tables and records each migration as Prisma does', async () => {
  const url = await freshDatabase();

  expect(await applyMigrations(url, silent)).toEqual(migrationNames);

  // The drift watcher's checkpoints besides the tables users' actions write (no bad input reaches them).
  expect(await tablesOf(url)).toEqual([...METADATA_TABLES, 'DriftCheckpoint', '_prisma_migrations'].sort());
  const rows = await query(
    url,
    'SELECT migration_name, checksum, finished_at, logs, rolled_back_at, applied_steps_count FROM _prisma_migrations',
  );
  const expected = await Promise.all(
    migrationNames.map(async (name) => ({
      migration_name: name,
      checksum: createHash('sha256')
        .update(await readFile(join(MIGRATIONS_DIR, name, 'migration.sql')))
        .digest('hex'),
      finished_at: expect.any(Date),
      logs: null,
      rolled_back_at: null,
      applied_steps_count: 1,
    })),
  );
  expect(rows).toEqual(expected);

  expect(await applyMigrations(url, silent)).toEqual([]);
  expect(await deployWithPrisma(url)).toEqual([]);
});

test('a fresh database gets all its migrations in one transaction, recorded in the order they were applied', async () => {
  const url = await freshDatabase();

  await applyMigrations(url, silent);

  const rows = await query<{ migration_name: string; xmin: string }>(
    url,
    'SELECT migration_name, xmin::text FROM _prisma_migrations ORDER BY started_at',
  );
  expect(rows.map((row) => row.migration_name)).toEqual(migrationNames);
  expect(new Set(rows.map((row) => row.xmin)).size).toBe(1);
  const [userTable] = await query<{ xmin: string }>(url, `SELECT xmin::text FROM pg_class WHERE relname = 'User'`);
  expect(userTable?.xmin).toBe(rows[0]?.xmin);
});

test("Prisma Migrate's deploy and applyMigrations accept each other's history", async () => {
  const deployedByPrisma = await freshDatabase();
  const appliedByUs = await freshDatabase();

  expect(await deployWithPrisma(deployedByPrisma)).toEqual(migrationNames);
  await applyMigrations(appliedByUs, silent);

  expect(await applyMigrations(deployedByPrisma, silent)).toEqual([]);
  expect(await columnsOfMigrationsTable(appliedByUs)).toEqual(await columnsOfMigrationsTable(deployedByPrisma));
  expect(await tablesOf(appliedByUs)).toEqual(await tablesOf(deployedByPrisma));
});

test('instances starting together apply each migration once', async () => {
  const url = await freshDatabase();

  const applied = await Promise.all([1, 2, 3].map(() => applyMigrations(url, silent)));

  expect(applied.flat()).toEqual(migrationNames);
  expect(await query(url, 'SELECT id FROM _prisma_migrations')).toHaveLength(migrationNames.length);
});

test('applyMigrations refuses to start when an applied migration was edited, but not over line endings', async () => {
  const dir = await copyOfMigrations();
  const url = await freshDatabase();
  await applyMigrations(url, silent, dir);
  const [first] = await readMigrations(dir);
  if (!first) throw new Error('no migration on disk');
  const file = join(dir, first.name, 'migration.sql');

  await writeFile(file, first.sql.replaceAll('\n', '\r\n'));
  await expect(applyMigrations(url, silent, dir)).resolves.toEqual([]);

  await appendFile(file, '-- edited\r\n');
  await expect(applyMigrations(url, silent, dir)).rejects.toThrow(`Migration ${first.name} was modified after it`);
});

test('a failing migration is rolled back and not recorded', async () => {
  const dir = await copyOfMigrations();
  await mkdir(join(dir, '29991231235959_broken'));
  await writeFile(
    join(dir, '29991231235959_broken', 'migration.sql'),
    'CREATE TABLE "Broken" (id int);\nSELECT 1/0;\n',
  );
  const url = await freshDatabase();

  await expect(applyMigrations(url, silent, dir)).rejects.toThrow(
    'Migration 29991231235959_broken failed and was rolled back: division by zero',
  );

  expect(await tablesOf(url)).not.toContain('Broken');
  const recorded = await query<{ migration_name: string }>(url, 'SELECT migration_name FROM _prisma_migrations');
  expect(recorded.map((row) => row.migration_name)).toEqual(migrationNames);
});

test('Prisma Client over the pg adapter creates and reads a User on the migrated database', async () => {
  const url = await freshDatabase();
  await applyMigrations(url, silent);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    const created = await prisma.user.create({
      data: { username: 'ada', email: 'ada@example.org', passwordHash: 'not-a-real-hash' },
    });

    const read = await prisma.user.findUniqueOrThrow({ where: { username: 'ada' } });

    expect(read).toEqual(created);
    expect(read).toMatchObject({ email: 'ada@example.org', isAdmin: false, isActive: true, displayName: null });
    expect(read.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  } finally {
    await prisma.$disconnect();
  }
});

test('events recorded before payloads were typed are rewritten to their family’s shape', async () => {
  const dir = await copyOfMigrations();
  const typed = (await readMigrations(dir)).find((migration) => migration.name.endsWith('_typed_event_payloads'));
  if (!typed) throw new Error('the typed_event_payloads migration is not on disk');
  await rm(join(dir, typed.name), { recursive: true });
  const url = await freshDatabase();
  await applyMigrations(url, silent, dir);
  await query(
    url,
    `INSERT INTO "Event" ("kind", "payload") VALUES
       ('schema.created', '{"schema": "reports", "owner": "dba"}'),
       ('privileges.changed', '{"object": "s.t", "objectKind": "TABLE", "grants": [{"grantee": "ana", "privileges": ["SELECT"]}, {"grantee": "PUBLIC", "privileges": []}]}'),
       ('privileges.changed', '{"object": "s.t", "objectKind": "TABLE", "grantee": "bob", "granted": ["SELECT"]}')`,
  );

  expect(await applyMigrations(url, silent)).toEqual([typed.name]);

  const payloads = await query<{ payload: unknown }>(url, 'SELECT payload FROM "Event" ORDER BY id');
  expect(payloads.map((row) => row.payload)).toEqual([
    { object: 'reports', objectKind: 'SCHEMA', owner: 'dba' },
    { object: 's.t', objectKind: 'TABLE', grantees: ['ana', 'PUBLIC'] },
    { object: 's.t', objectKind: 'TABLE', grantee: 'bob', granted: ['SELECT'] },
  ]);
});
