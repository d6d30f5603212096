import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import { connect, createManagedDatabase, setupAdmin } from './support/fixtures.js';

/**
 * Role.dependencies asked of a whole role graph, against PostgreSQL's own pg_shdepend. The cluster preloads
 * pg_stat_statements, so the statements the viewer's role (dba) sent are counted by PostgreSQL itself.
 */
let testApp: TestApp;
let admin: TestClient;
let shopId: string;

interface Dependency {
  database: string;
  owned: number;
  privileges: number;
}

const GRAPH = `query($id: ID!) { database(id: $id) { ... on Database { catalog { ... on DatabaseCatalog {
  roles { name dependencies { database owned privileges } } } } } } }`;
const ONE_ROLE = `query($id: ID!, $name: String!) { database(id: $id) { ... on Database { catalog {
  ... on DatabaseCatalog { role(name: $name) { dependencies { database owned privileges } } } } } } }`;

async function graphDependencies(): Promise<Map<string, Dependency[]>> {
  const data = await admin.field<{ catalog: { roles: { name: string; dependencies: Dependency[] }[] } }>(GRAPH, {
    id: shopId,
  });
  return new Map(data.catalog.roles.map((role) => [role.name, role.dependencies]));
}

async function oneRoleDependencies(name: string): Promise<Dependency[]> {
  const data = await admin.field<{ catalog: { role: { dependencies: Dependency[] } } }>(ONE_ROLE, { id: shopId, name });
  return data.catalog.role.dependencies;
}

/** Counted straight from pg_shdepend, role by role, as a DBA would in psql connected to shop. */
async function sqlDependencies(name: string): Promise<Dependency[]> {
  return testApp.sql<Dependency>(
    `SELECT coalesce(d.datname, current_database()) AS database,
            count(*) FILTER (WHERE s.deptype = 'o')::int AS owned,
            count(*) FILTER (WHERE s.deptype <> 'o')::int AS privileges
       FROM pg_shdepend s LEFT JOIN pg_database d ON d.oid = s.dbid
      WHERE s.refclassid = 'pg_authid'::regclass AND s.refobjid = $1::regrole
      GROUP BY 1 ORDER BY 1`,
    [`"${name.replaceAll('"', '""')}"`],
    'shop',
  );
}

/** Executions of pg_shdepend queries by the viewer's role since the last reset, as pg_stat_statements counts them. */
async function dependencyQueriesSent(): Promise<number> {
  const [row] = await testApp.sql<{ calls: number }>(
    `SELECT coalesce(sum(calls), 0)::int AS calls FROM pg_stat_statements
      WHERE userid = 'dba'::regrole AND query LIKE '%pg_shdepend%'`,
  );
  return row?.calls ?? 0;
}

beforeAll(async () => {
  testApp = await startTestApp({}, { restartable: true });
  await testApp.sql("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
  await testApp.restartCluster();
  await testApp.sql('CREATE EXTENSION pg_stat_statements');
  admin = testApp.client();
  await setupAdmin(admin);
  shopId = await connect(admin, testApp, await createManagedDatabase(testApp, 'shop', 'dba'));
  await testApp.sql(
    `CREATE ROLE owner_a; CREATE ROLE owner_b; CREATE ROLE reader_c; CREATE ROLE "quiet ""d"""; CREATE ROLE app_login LOGIN`,
  );
  await testApp.sql('CREATE DATABASE depot OWNER owner_b');
  await testApp.sql('GRANT CONNECT ON DATABASE depot TO reader_c');
  await testApp.sql(
    `CREATE SCHEMA sales AUTHORIZATION owner_a;
     CREATE TABLE sales.orders (id int); ALTER TABLE sales.orders OWNER TO owner_a;
     CREATE TABLE sales.refunds (id int); ALTER TABLE sales.refunds OWNER TO owner_a;
     CREATE TABLE public.stock (id int); ALTER TABLE public.stock OWNER TO owner_b;
     GRANT USAGE ON SCHEMA sales TO reader_c, owner_b;
     GRANT SELECT ON sales.orders, sales.refunds, public.stock TO reader_c;
     GRANT INSERT ON sales.orders TO owner_b;
     ALTER DEFAULT PRIVILEGES FOR ROLE owner_a IN SCHEMA sales GRANT SELECT ON TABLES TO app_login`,
    [],
    'shop',
  );
  await testApp.sql(
    `CREATE TABLE shelves (id int); ALTER TABLE shelves OWNER TO owner_a; GRANT SELECT ON shelves TO reader_c`,
    [],
    'depot',
  );
});

afterAll(async () => {
  await testApp?.stop();
});

describe('Role.dependencies asked of every role', () => {
  it('answers for each role what it answers for that role alone, and what pg_shdepend counts', async () => {
    const graph = await graphDependencies();
    expect(graph.get('owner_a')).toEqual([
      { database: 'depot', owned: 1, privileges: 0 },
      // The schema, its two tables, and the default privileges it set.
      { database: 'shop', owned: 4, privileges: 0 },
    ]);
    // depot itself is a shared object: counted in the database asked from, as DROP OWNED there would handle it.
    expect(graph.get('owner_b')).toEqual([{ database: 'shop', owned: 2, privileges: 2 }]);
    expect(graph.get('reader_c')).toEqual([
      { database: 'depot', owned: 0, privileges: 1 },
      { database: 'shop', owned: 0, privileges: 5 },
    ]);
    expect(graph.get('quiet "d"')).toEqual([]);

    const roles = [...graph.keys()];
    expect(roles.length).toBeGreaterThan(10);
    for (const name of roles) {
      expect({ name, dependencies: graph.get(name) }).toEqual({ name, dependencies: await sqlDependencies(name) });
    }
    for (const name of ['owner_a', 'owner_b', 'reader_c', 'app_login', 'quiet "d"', 'dba']) {
      expect({ name, dependencies: await oneRoleDependencies(name) }).toEqual({ name, dependencies: graph.get(name) });
    }
  });

  it('reads them for the whole graph in one query, where asking role by role takes one each', async () => {
    await testApp.sql('SELECT pg_stat_statements_reset()');
    const graph = await graphDependencies();
    expect(graph.size).toBeGreaterThan(10);
    expect(await dependencyQueriesSent()).toBe(1);

    await testApp.sql('SELECT pg_stat_statements_reset()');
    for (const name of ['owner_a', 'owner_b', 'reader_c']) await oneRoleDependencies(name);
    expect(await dependencyQueriesSent()).toBe(3);
  });
});
