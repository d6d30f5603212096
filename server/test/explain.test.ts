import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, testedPostgres } from './support/app.js';
import type { TestClient } from './support/client.js';
import { connect, createManagedDatabase, ERROR_FIELDS, setupAdmin } from './support/fixtures.js';

/**
 * noinherit_member: a member of readers that does not inherit its privileges. From PostgreSQL 16 on that is the grant's
 * INHERIT FALSE, so pg_read_all_data (granted with INHERIT) still gives it SELECT; on 15 only the role's NOINHERIT
 * attribute can say it, and that holds for every role it is a member of, pg_read_all_data included.
 */
const PG = testedPostgres;
let testApp: TestApp;
let admin: TestClient;
let shopId: string;

const CATALOG = (fields: string) =>
  `query($id: ID!) { database(id: $id) { ... on Database { catalog { ${ERROR_FIELDS} ... on DatabaseCatalog { ${fields} } } } } }`;

async function catalog(fields: string, variables: Record<string, unknown> = {}) {
  const result = await admin.request(CATALOG(fields), { id: shopId, ...variables });
  expect(result.errors).toBeUndefined();
  return (result.data as { database: { catalog: Record<string, unknown> } }).database.catalog;
}

beforeAll(async () => {
  testApp = await startTestApp();
  admin = testApp.client();
  await setupAdmin(admin);
  const shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
  await testApp.sql(
    `CREATE SCHEMA s AUTHORIZATION shop_owner; CREATE TABLE s.t (id int); ALTER TABLE s.t OWNER TO shop_owner;
     CREATE ROLE readers; CREATE ROLE ana LOGIN;
     ${
       PG.membershipOptions
         ? 'CREATE ROLE noinherit_member LOGIN; GRANT readers TO noinherit_member WITH INHERIT FALSE;'
         : 'CREATE ROLE noinherit_member LOGIN NOINHERIT; GRANT readers TO noinherit_member;'
     }
     GRANT readers TO ana;
     GRANT USAGE ON SCHEMA s TO readers; GRANT SELECT ON s.t TO readers; GRANT INSERT ON s.t TO PUBLIC;
     GRANT pg_read_all_data TO noinherit_member;`,
    [],
    'shop',
  );
  shopId = await connect(admin, testApp, shop);
});

afterAll(async () => {
  await testApp?.stop();
});

describe('explaining access', () => {
  const EFFECTIVE = `effectivePrivileges(role: $role, object: { kind: TABLE, schema: "s", name: "t" }) {
    ${ERROR_FIELDS} ... on DatabaseCatalogEffectivePrivilegesConnection { nodes { privilege held grantable sources { kind path predefinedRole grantee { name } } } } }`;

  it('explains each privilege with every path that grants it, and agrees with has_table_privilege', async () => {
    for (const role of ['ana', 'noinherit_member', 'shop_owner']) {
      const result = await catalog(EFFECTIVE.replace('$role', JSON.stringify(role)));
      const data = (result.effectivePrivileges as { nodes: { privilege: string; held: boolean }[] }).nodes;
      const held = data
        .filter((entry) => entry.held)
        .map((entry) => entry.privilege)
        .sort();
      const truth = await testApp.sql<{ p: string }>(
        `SELECT p FROM unnest($2::text[]) p WHERE has_table_privilege($1, 's.t', p) ORDER BY p`,
        [role, PG.tablePrivileges],
        'shop',
      );
      expect(held).toEqual(truth.map((row) => row.p).sort());
    }
    const ana = await catalog(EFFECTIVE.replace('$role', '"ana"'));
    const anaData = (
      ana.effectivePrivileges as { nodes: { privilege: string; sources: { kind: string; path: string[] }[] }[] }
    ).nodes;
    expect(anaData.find((entry) => entry.privilege === 'SELECT')?.sources).toEqual([
      expect.objectContaining({ kind: 'GRANT', path: ['ana', 'readers'] }),
    ]);
    expect(anaData.find((entry) => entry.privilege === 'INSERT')?.sources).toEqual([
      expect.objectContaining({ kind: 'PUBLIC' }),
    ]);
  });

  it(
    PG.membershipOptions
      ? 'a NOINHERIT membership grants nothing, while pg_read_all_data does'
      : 'PostgreSQL 15: a NOINHERIT role inherits nothing, neither its group nor pg_read_all_data',
    async () => {
      const result = await catalog(EFFECTIVE.replace('$role', '"noinherit_member"'));
      const select = (
        result.effectivePrivileges as {
          nodes: { privilege: string; sources: { kind: string; predefinedRole: string | null }[] }[];
        }
      ).nodes.find((entry) => entry.privilege === 'SELECT');
      const [truth] = await testApp.sql<{ held: boolean }>(
        "SELECT has_table_privilege('noinherit_member', 's.t', 'SELECT') AS held",
        [],
        'shop',
      );
      expect(truth?.held).toBe(PG.membershipOptions);
      // Not held: no row, or one with no source.
      expect(select?.sources ?? []).toEqual(
        PG.membershipOptions
          ? [expect.objectContaining({ kind: 'PREDEFINED_ROLE', predefinedRole: 'pg_read_all_data' })]
          : [],
      );
      const access = await catalog(
        `roleAccess(member: "noinherit_member", role: "readers") { ${ERROR_FIELDS} ... on RoleAccess { usage member set admin inheritPath memberPath } }`,
      );
      expect(access.roleAccess).toMatchObject({
        usage: false,
        member: true,
        inheritPath: null,
        memberPath: ['noinherit_member', 'readers'],
      });
    },
  );

  it('answers NotFoundError for an unknown role', async () => {
    const result = await catalog(EFFECTIVE.replace('$role', '"nobody"'));
    expect(result.effectivePrivileges).toMatchObject({ __typename: 'NotFoundError' });
  });
});

describe("the viewer's role", () => {
  it('shows its attributes, what it owns and what it may do', async () => {
    const result = await catalog(
      `viewerRole { role { name createRole } ownedSchemas { name } ownedTables { name } canCreateRoles canCreateSchemas databasePrivileges }`,
    );
    expect(result.viewerRole).toMatchObject({
      role: { name: 'shop_owner', createRole: true },
      ownedSchemas: [{ name: 'public' }, { name: 's' }],
      ownedTables: [{ name: 't' }],
      canCreateRoles: true,
      canCreateSchemas: true,
      databasePrivileges: ['CONNECT', 'CREATE', 'TEMPORARY'],
    });
  });
});
