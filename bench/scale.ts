import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type BenchCluster, startBenchCluster } from './lib/cluster.js';
import { type Bootstrapped, bootstrap } from './lib/graphql.js';
import { type ChildServer, startRolecall } from './lib/server.js';

/** The catalog of issue 7 (10,000 roles / 50,000 memberships / 5,000 tables); BENCH_SCALE shrinks it for development. */
export interface ScaleSize {
  groups: number;
  users: number;
  schemas: number;
  tablesPerSchema: number;
}

/** The catalog at `factor` of its full size (BENCH_SCALE by default). */
export function scaleSize(factor = Number(process.env.BENCH_SCALE ?? 1)): ScaleSize {
  const roles = Math.max(200, Math.round(10_000 * factor));
  const tables = Math.max(100, Math.round(5_000 * factor));
  const groups = Math.round(roles / 10);
  return { groups, users: roles - groups, schemas: 10, tablesPerSchema: Math.round(tables / 10) };
}

export interface ScaleEnv {
  size: ScaleSize;
  bench: BenchCluster;
  rolecall: ChildServer;
  api: Bootstrapped;
  /** A pool logged in as the owner role Rolecall was connected with: the raw-SQL side of every comparison. */
  raw: pg.Pool;
  owner: string;
  database: string;
  /** What was generated, counted from the catalog. */
  counts: { roles: number; memberships: number; tables: number; aclItems: number };
  generateMs: number;
  stop(): Promise<void>;
}

const pad = (n: number) => String(n).padStart(5, '0');
export const groupName = (i: number) => `g${pad(i)}`;
export const userName = (i: number) => `u${pad(i)}`;
export const schemaName = (s: number) => `s${String(s).padStart(2, '0')}`;

/**
 * Roles and memberships, as the superuser, in two DO blocks: groups g00001… (NOLOGIN) and users u00001… (LOGIN).
 * Each user is a member of 5 groups (some WITH INHERIT FALSE, ADMIN TRUE or SET FALSE); each group of the upper
 * half is a member of 10 groups of the lower half (no cycles): 5 × users + 10 × groups / 2 memberships.
 */
function rolesSql({ groups, users }: ScaleSize): string[] {
  const half = Math.floor(groups / 2);
  return [
    `DO $$ BEGIN
       FOR i IN 1..${groups} LOOP EXECUTE format('CREATE ROLE %I NOLOGIN', 'g' || lpad(i::text, 5, '0')); END LOOP;
       FOR i IN 1..${users} LOOP EXECUTE format('CREATE ROLE %I LOGIN', 'u' || lpad(i::text, 5, '0')); END LOOP;
     END $$`,
    `DO $$ DECLARE r record; BEGIN
       FOR r IN
         SELECT member, string_agg(quote_ident(role), ', ') AS roles, options FROM (
           SELECT 'u' || lpad(i::text, 5, '0') AS member,
                  'g' || lpad((1 + (i * 17 + k * 97) % ${groups})::text, 5, '0') AS role,
                  CASE WHEN i % 10 = 0 THEN ' WITH INHERIT FALSE' WHEN i % 25 = 1 THEN ' WITH ADMIN TRUE'
                       WHEN i % 33 = 2 THEN ' WITH SET FALSE' ELSE '' END AS options
             FROM generate_series(1, ${users}) i, generate_series(1, 5) k
           UNION ALL
           SELECT 'g' || lpad(i::text, 5, '0'), 'g' || lpad((1 + (i * 7 + k * 37) % ${half})::text, 5, '0'), ''
             FROM generate_series(${half + 1}, ${half * 2}) i, generate_series(1, 10) k
         ) edges GROUP BY member, options
       LOOP EXECUTE format('GRANT %s TO %I%s', r.roles, r.member, r.options); END LOOP;
     END $$`,
    // A predefined role's privileges, for the effective-privilege comparison.
    `GRANT pg_read_all_data TO ${userName(7)}`,
  ];
}

/** A group's name, in SQL, from an integer expression `n`. */
const groupSql = (groups: number, n: string) => `quote_ident('g' || lpad((1 + (${n}) % ${groups})::text, 5, '0'))`;

/**
 * One schema of `tables` tables, as the owner role: each readable by 10 groups and writable by 2 (GRANT … ON ALL
 * TABLES IN SCHEMA), the groups picked by the schema's `index`.
 */
export function schemaSql(schema: string, index: number, tables: number, groups: number): string {
  return `DO $$ DECLARE readers text; writers text; BEGIN
       EXECUTE format('CREATE SCHEMA %I', '${schema}');
       FOR t IN 1..${tables} LOOP
         EXECUTE format('CREATE TABLE %I.%I (id int)', '${schema}', 't' || lpad(t::text, 4, '0'));
       END LOOP;
       SELECT string_agg(${groupSql(groups, `${index} * 10 + k`)}, ', ') INTO readers FROM generate_series(0, 9) k;
       SELECT string_agg(${groupSql(groups, `${index} * 10 + 500 + k`)}, ', ') INTO writers FROM generate_series(0, 1) k;
       EXECUTE format('GRANT USAGE ON SCHEMA %I TO %s', '${schema}', readers);
       EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO %s', '${schema}', readers);
       EXECUTE format('GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %s', '${schema}', writers);
     END $$`;
}

/** SELECT and REFERENCES on each table of the schemas named LIKE `schemas` to one user (every 7th WITH GRANT OPTION). */
export function userGrantsSql(users: number, schemas: string): string {
  return `DO $$ DECLARE r record; BEGIN
       FOR r IN SELECT n.nspname, c.relname, row_number() OVER (ORDER BY n.nspname, c.relname) AS i
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.relkind = 'r' AND n.nspname LIKE '${schemas}'
       LOOP
         EXECUTE format('GRANT SELECT, REFERENCES ON %I.%I TO %I%s', r.nspname, r.relname,
                        'u' || lpad((1 + (r.i * 13) % ${users})::text, 5, '0'),
                        CASE WHEN r.i % 7 = 0 THEN ' WITH GRANT OPTION' ELSE '' END);
       END LOOP;
     END $$`;
}

/**
 * Schemas and tables, as the owner role: `schemas` × `tablesPerSchema` tables (schemaSql), plus one user per table
 * (userGrantsSql); the first schema's tables are readable by PUBLIC.
 */
function objectsSql({ groups, users, schemas, tablesPerSchema }: ScaleSize): string[] {
  return [
    ...Array.from({ length: schemas }, (_, i) => schemaSql(schemaName(i + 1), i + 1, tablesPerSchema, groups)),
    `GRANT SELECT ON ALL TABLES IN SCHEMA ${schemaName(1)} TO PUBLIC`,
    userGrantsSql(users, 's%'),
  ];
}

export async function startScaleEnv(log: (line: string) => void, size = scaleSize()): Promise<ScaleEnv> {
  const bench = await startBenchCluster();
  const owner = 'bench_owner';
  const database = 'bench';
  const password = randomBytes(18).toString('base64url');
  const started = performance.now();
  await bench.sql(`CREATE ROLE ${owner} LOGIN CREATEROLE PASSWORD '${password}'`);
  await bench.sql(`CREATE DATABASE ${database} OWNER ${owner}`);
  for (const statement of rolesSql(size)) await bench.sql(statement);
  const ownerClient = new pg.Client(bench.urlAs(owner, password, database));
  await ownerClient.connect();
  for (const statement of objectsSql(size)) await ownerClient.query(statement);
  await ownerClient.end();
  await bench.sql(
    'ANALYZE pg_catalog.pg_class, pg_catalog.pg_namespace, pg_catalog.pg_authid, pg_catalog.pg_auth_members',
    [],
    database,
  );
  const generateMs = performance.now() - started;
  const [counted] = await bench.sql<{ roles: number; memberships: number; tables: number; acl_items: number }>(
    `SELECT (SELECT count(*)::int FROM pg_roles) AS roles, (SELECT count(*)::int FROM pg_auth_members) AS memberships,
            (SELECT count(*)::int FROM pg_class WHERE relkind = 'r' AND relnamespace::regnamespace::text LIKE 's%') AS tables,
            (SELECT count(*)::int FROM pg_class c, aclexplode(c.relacl) WHERE relnamespace::regnamespace::text LIKE 's%') AS acl_items`,
    [],
    database,
  );
  const counts = {
    roles: counted?.roles ?? 0,
    memberships: counted?.memberships ?? 0,
    tables: counted?.tables ?? 0,
    aclItems: counted?.acl_items ?? 0,
  };
  log(
    `generated ${counts.roles} roles, ${counts.memberships} memberships, ${counts.tables} tables (${counts.aclItems} ACL items) in ${(generateMs / 1000).toFixed(1)} s`,
  );
  // The drift watcher polls at its default interval, as users run it: the raw-SQL baselines' grants are then recorded
  // as changes made outside Rolecall while Rolecall is being measured, which is part of what it costs.
  const rolecall = await startRolecall(bench.metadataUrl);
  const api = await bootstrap(rolecall.url, bench.cluster.port, { database, owner, password });
  const raw = new pg.Pool({ connectionString: bench.urlAs(owner, password, database), max: 4 });
  return {
    size,
    bench,
    rolecall,
    api,
    raw,
    owner,
    database,
    counts,
    generateMs,
    stop: async () => {
      await raw.end();
      await rolecall.stop();
      await bench.stop();
    },
  };
}
