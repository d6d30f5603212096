import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, testedPostgres } from './support/app.js';
import type { TestClient } from './support/client.js';
import { connect, createLoginRole, createManagedDatabase, setupAdmin } from './support/fixtures.js';
import { collaboratorThrough } from './support/permissions.js';

let testApp: TestApp;
let admin: TestClient;
let shopId: string;

const WHO = `query($id: ID!, $object: ObjectRef!, $search: String, $first: Int) {
  database(id: $id) { ... on Database { catalog { ... on DatabaseCatalog {
    whoCanAccess(object: $object, search: $search, first: $first) {
      __typename ... on Error { code message }
      ... on DatabaseCatalogWhoCanAccessConnection {
        totalCount
        nodes { role { name } collaborators privileges { privilege held grantable sources { kind path } } }
      }
    }
  } } } } }`;

interface Access {
  role: { name: string };
  collaborators: string[];
  privileges: { privilege: string; held: boolean; grantable: boolean; sources: { kind: string; path: string[] }[] }[];
}

async function whoCanAccess(object: Record<string, unknown>, search?: string, first?: number) {
  const result = await admin.request<{
    database: { catalog: { whoCanAccess: { __typename: string; totalCount: number; nodes: Access[] } } };
  }>(WHO, { id: shopId, object, search, first });
  expect(result.errors).toBeUndefined();
  return result.data?.database.catalog.whoCanAccess as { __typename: string; totalCount: number; nodes: Access[] };
}

/** PostgreSQL's answer: each role's held privileges on the object, for the roles that hold any. */
async function pgAccess(check: string, object: string, privileges: string[]): Promise<Record<string, string[]>> {
  const rows = await testApp.sql<{ rolname: string; held: string[] }>(
    `SELECT rolname, array(SELECT p FROM unnest($2::text[]) p WHERE ${check}(r.oid, $1, p)) AS held
       FROM pg_roles r ORDER BY rolname COLLATE "C"`,
    [object, privileges],
    'shop',
  );
  return Object.fromEntries(rows.filter((row) => row.held.length > 0).map((row) => [row.rolname, row.held]));
}

const held = (nodes: Access[]) =>
  Object.fromEntries(
    nodes.map((node) => [
      node.role.name,
      node.privileges.filter((privilege) => privilege.held).map((privilege) => privilege.privilege),
    ]),
  );

beforeAll(async () => {
  testApp = await startTestApp();
  admin = testApp.client();
  await setupAdmin(admin);
  const shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
  const anaPassword = await createLoginRole(testApp, 'ana');
  await testApp.sql(
    `CREATE ROLE readers; CREATE ROLE bob LOGIN NOINHERIT; CREATE ROLE boss SUPERUSER; CREATE ROLE reporter LOGIN;
     GRANT readers TO ana; GRANT readers TO bob; GRANT pg_read_all_data TO reporter;`,
  );
  await testApp.sql(
    `CREATE SCHEMA s AUTHORIZATION shop_owner; SET ROLE shop_owner; CREATE TABLE s.t (id int);
     GRANT USAGE ON SCHEMA s TO readers; GRANT SELECT ON s.t TO readers WITH GRANT OPTION; GRANT UPDATE ON s.t TO bob;
     RESET ROLE; GRANT CONNECT ON DATABASE shop TO ana;`,
    [],
    'shop',
  );
  shopId = await connect(admin, testApp, shop);
  await collaboratorThrough(testApp, admin, shopId, 'carl', 'ana', anaPassword);
});

afterAll(async () => {
  await testApp?.stop();
});

describe('whoCanAccess: every role that can use an object, as PostgreSQL checks it', () => {
  // MAINTAIN only from PostgreSQL 17 on: has_table_privilege does not know the word before.
  const TABLE_PRIVILEGES = testedPostgres.tablePrivileges;

  it('a table: the same roles and privileges as has_table_privilege, with the path and the collaborators', async () => {
    const found = await whoCanAccess({ kind: 'TABLE', schema: 's', name: 't' });
    expect(held(found.nodes)).toEqual(await pgAccess('has_table_privilege', 's.t', TABLE_PRIVILEGES));
    expect(found.totalCount).toBe(found.nodes.length);
    const ana = found.nodes.find((node) => node.role.name === 'ana');
    expect(ana?.collaborators).toEqual(['carl']);
    expect(ana?.privileges.find((privilege) => privilege.privilege === 'SELECT')?.sources).toEqual([
      { kind: 'GRANT', path: ['ana', 'readers'] },
    ]);
    // bob does not inherit readers' SELECT: only its own UPDATE counts.
    expect(held(found.nodes).bob).toEqual(['UPDATE']);
    expect(held(found.nodes).reporter).toEqual(['SELECT']);
    expect(found.nodes.map((node) => node.role.name)).toContain('boss');
  });

  it('a schema and the database: the same as has_schema_privilege and has_database_privilege', async () => {
    const schema = await whoCanAccess({ kind: 'SCHEMA', name: 's' });
    expect(held(schema.nodes)).toEqual(await pgAccess('has_schema_privilege', 's', ['USAGE', 'CREATE']));
    const database = await whoCanAccess({ kind: 'DATABASE' });
    expect(held(database.nodes)).toEqual(
      await pgAccess('has_database_privilege', 'shop', ['CONNECT', 'CREATE', 'TEMPORARY']),
    );
  });

  it('searches by name and pages; an unknown object is a typed error', async () => {
    const searched = await whoCanAccess({ kind: 'TABLE', schema: 's', name: 't' }, 'READ');
    expect(searched.nodes.map((node) => node.role.name)).toEqual(['pg_read_all_data', 'readers']);
    const page = await whoCanAccess({ kind: 'TABLE', schema: 's', name: 't' }, undefined, 2);
    expect(page.nodes).toHaveLength(2);
    expect(page.totalCount).toBeGreaterThan(2);
    expect(await whoCanAccess({ kind: 'TABLE', schema: 's', name: 'missing' })).toMatchObject({
      __typename: 'NotFoundError',
    });
  });
});

describe('accessGaps: what a role lacks on the way to an object, and the GRANT that closes it', () => {
  const GAPS = `query($id: ID!, $role: String!, $object: ObjectRef!) {
    database(id: $id) { ... on Database { catalog { ... on DatabaseCatalog {
      accessGaps(role: $role, object: $object) {
        __typename ... on DatabaseCatalogAccessGapsConnection { nodes { privilege on fix } }
      }
    } } } } }`;
  const TABLE = { kind: 'TABLE', schema: 's', name: 't' };

  async function gaps(role: string) {
    const result = await admin.request<{
      database: { catalog: { accessGaps: { nodes: { privilege: string; on: string; fix: string }[] } } };
    }>(GAPS, { id: shopId, role, object: TABLE });
    expect(result.errors).toBeUndefined();
    return result.data?.database.catalog.accessGaps.nodes;
  }

  /** What PostgreSQL answers the role's SELECT on s.t: done, or its refusal. */
  async function selectAs(role: string): Promise<string> {
    return testApp
      .sql(`SET ROLE ${role}; SELECT count(*) FROM s.t`, [], 'shop')
      .then(() => 'selected')
      .catch((error: Error) => error.message);
  }

  it('SELECT held without USAGE on the schema: PostgreSQL refuses it until the fix given runs', async () => {
    await testApp.sql('CREATE ROLE stranded LOGIN');
    await testApp.sql('SET ROLE shop_owner; GRANT SELECT ON s.t TO stranded', [], 'shop');
    expect(await gaps('stranded')).toEqual([
      { privilege: 'USAGE', on: 'schema s', fix: 'GRANT USAGE ON SCHEMA "s" TO "stranded"' },
    ]);
    expect(await selectAs('stranded')).toBe('permission denied for schema s');
    await testApp.sql('GRANT USAGE ON SCHEMA "s" TO "stranded"', [], 'shop');
    expect(await gaps('stranded')).toEqual([]);
    expect(await selectAs('stranded')).toBe('selected');
  });

  it('a LOGIN role that may not CONNECT: the database is named, with its fix', async () => {
    await testApp.sql('REVOKE CONNECT ON DATABASE shop FROM PUBLIC', [], 'shop');
    try {
      expect(await gaps('stranded')).toEqual([
        { privilege: 'CONNECT', on: 'database shop', fix: 'GRANT CONNECT ON DATABASE "shop" TO "stranded"' },
      ]);
      // ana was granted CONNECT itself; a group role connects through its members.
      expect(await gaps('ana')).toEqual([]);
      expect(await gaps('readers')).toEqual([]);
    } finally {
      await testApp.sql('GRANT CONNECT ON DATABASE shop TO PUBLIC', [], 'shop');
    }
  });
});
