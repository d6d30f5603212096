import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, testedPostgres } from './support/app.js';
import type { TestClient } from './support/client.js';
import {
  connect,
  createLoginRole,
  createManagedDatabase,
  createUser,
  ERROR_FIELDS,
  setupAdmin,
  signIn,
} from './support/fixtures.js';
import { catalogOf, collaboratorThrough } from './support/permissions.js';

/**
 * The live catalog as each collaborator's role reads it. Roles (all non-superusers):
 * - dba: LOGIN CREATEROLE, owns the database; holds only ADMIN OPTION on the group `owners`;
 * - owner: owns schema `sales` and everything in it;
 * - mia: member of the group `owners`, which owns schema `inventory`;
 * - gina: SELECT on sales.orders WITH GRANT OPTION; pat: plain.
 * On PostgreSQL 15 a membership is one grant with only ADMIN OPTION: dba's membership in `owners` then brings its
 * privileges (dba has INHERIT), and mia's second grant (by dba) is only a notice.
 */
const PG = testedPostgres;
let testApp: TestApp;
let admin: TestClient;
let shopId: string;
const viewers: Record<string, TestClient> = {};

const GRANT_FIELDS =
  'isPublic grantee { name } privileges grantable preset items { privilege grantable grantor { name } }';
const CAN_FIELDS = 'viewerCan { changePrivileges grantablePrivileges transferOwnership drop reason }';

beforeAll(async () => {
  testApp = await startTestApp();
  admin = testApp.client();
  await setupAdmin(admin);
  const shop = await createManagedDatabase(testApp, 'shop', 'dba');
  shopId = await connect(admin, testApp, shop);
  viewers.dba = admin;
  const passwords: Record<string, string> = {};
  for (const role of ['owner', 'mia', 'gina', 'pat']) passwords[role] = await createLoginRole(testApp, role);
  await testApp.sql(`
    CREATE ROLE owners NOLOGIN;
    CREATE ROLE attrs NOLOGIN NOINHERIT CREATEDB REPLICATION BYPASSRLS CONNECTION LIMIT 3
      VALID UNTIL '2031-01-01 00:00:00+00';
    CREATE ROLE forever LOGIN VALID UNTIL 'infinity';
    CREATE ROLE never LOGIN VALID UNTIL '-infinity';
    ${
      PG.membershipOptions
        ? `GRANT owners TO dba WITH ADMIN TRUE, INHERIT FALSE, SET FALSE;
           GRANT owners TO mia WITH ADMIN TRUE, INHERIT TRUE, SET FALSE;
           GRANT owners TO mia WITH ADMIN FALSE, INHERIT FALSE, SET TRUE GRANTED BY dba;`
        : `GRANT owners TO dba WITH ADMIN OPTION;
           GRANT owners TO mia WITH ADMIN OPTION;
           GRANT owners TO mia GRANTED BY dba;`
    }`);
  await testApp.sql(
    `CREATE FOREIGN DATA WRAPPER dummy;
     CREATE SERVER remote_srv FOREIGN DATA WRAPPER dummy;
     GRANT USAGE ON FOREIGN SERVER remote_srv TO owner;
     CREATE SCHEMA sales AUTHORIZATION owner;
     SET ROLE owner;
     CREATE TABLE sales.orders (id serial PRIMARY KEY, total numeric);
     CREATE VIEW sales.order_totals AS SELECT sum(total) AS total FROM sales.orders;
     CREATE MATERIALIZED VIEW sales.monthly AS SELECT 1 AS n;
     CREATE TABLE sales.events (at date) PARTITION BY RANGE (at);
     CREATE TABLE sales.events_2024 PARTITION OF sales.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
     CREATE FOREIGN TABLE sales.remote (a int) SERVER remote_srv;
     CREATE SEQUENCE sales.invoice_seq;
     GRANT USAGE ON SCHEMA sales TO gina, pat;
     GRANT SELECT ON sales.orders TO gina WITH GRANT OPTION;
     GRANT SELECT ON sales.orders TO pat;
     GRANT SELECT ON sales.order_totals TO PUBLIC;
     SET ROLE gina;
     GRANT SELECT ON sales.orders TO pat;
     RESET ROLE;
     CREATE SCHEMA inventory AUTHORIZATION owners;
     CREATE TABLE inventory.items (sku text);
     ALTER TABLE inventory.items OWNER TO owners;
     GRANT USAGE ON SCHEMA inventory TO pat;
     GRANT SELECT, INSERT, UPDATE, DELETE ON inventory.items TO pat;
     GRANT INSERT, SELECT ON inventory.items TO gina;`,
    [],
    'shop',
  );
  for (const role of ['owner', 'mia', 'gina', 'pat'])
    viewers[role] = await collaboratorThrough(testApp, admin, shopId, `${role}_user`, role, passwords[role] as string);
});

afterAll(async () => {
  await testApp?.stop();
});

/** Reads `selection` of the catalog of shop as `client`'s role. */
function catalog<T = Record<string, unknown>>(client: TestClient, selection: string): Promise<T> {
  return catalogOf<T>(client, shopId, selection);
}

interface RoleRow {
  name: string;
  [field: string]: unknown;
}

describe('roles and memberships', () => {
  it('reports the server version, per-grant membership options and the privilege allow-list', async () => {
    const result = await catalog(admin, 'serverVersion membershipOptionsPerGrant privilegesByKind { kind privileges }');
    expect(Math.floor((result.serverVersion as number) / 10000)).toBe(PG.version);
    expect(result.membershipOptionsPerGrant).toBe(PG.membershipOptions);
    expect(result.privilegesByKind).toEqual([
      { kind: 'DATABASE', privileges: ['CONNECT', 'CREATE', 'TEMPORARY'] },
      { kind: 'SCHEMA', privileges: ['USAGE', 'CREATE'] },
      { kind: 'TABLE', privileges: PG.tablePrivileges },
      { kind: 'SEQUENCE', privileges: ['USAGE', 'SELECT', 'UPDATE'] },
      { kind: 'COLUMN', privileges: ['SELECT', 'INSERT', 'UPDATE', 'REFERENCES'] },
      { kind: 'FUNCTION', privileges: ['EXECUTE'] },
      { kind: 'TYPE', privileges: ['USAGE'] },
      { kind: 'LANGUAGE', privileges: ['USAGE'] },
      { kind: 'FOREIGN_DATA_WRAPPER', privileges: ['USAGE'] },
      { kind: 'FOREIGN_SERVER', privileges: ['USAGE'] },
      { kind: 'LARGE_OBJECT', privileges: ['SELECT', 'UPDATE'] },
      { kind: 'TABLESPACE', privileges: ['CREATE'] },
      { kind: 'PARAMETER', privileges: ['SET', 'ALTER SYSTEM'] },
    ]);
  });

  it('lists every role of the server with every attribute, configured or not, predefined ones marked', async () => {
    const { roles } = await catalog<{ roles: RoleRow[] }>(
      pat(),
      `roles { name oid isSuperuser canLogin inherit createRole createDb replication bypassRls connectionLimit
        validUntil isPredefined isConfigured }`,
    );
    const byName = new Map(roles.map((role) => [role.name, role]));
    const oids = await testApp.sql<{ oid: number }>("SELECT oid::int AS oid FROM pg_roles WHERE rolname = 'attrs'");
    expect(byName.get('attrs')).toEqual({
      name: 'attrs',
      oid: oids[0]?.oid,
      isSuperuser: false,
      canLogin: false,
      inherit: false,
      createRole: false,
      createDb: true,
      replication: true,
      bypassRls: true,
      connectionLimit: 3,
      validUntil: '2031-01-01T00:00:00.000Z',
      isPredefined: false,
      isConfigured: false,
    });
    expect(byName.get('dba')).toMatchObject({
      canLogin: true,
      createRole: true,
      createDb: false,
      inherit: true,
      connectionLimit: -1,
      validUntil: null,
      isConfigured: true,
    });
    expect(byName.get('pat')).toMatchObject({ isConfigured: true, createRole: false });
    expect(byName.get('owners')).toMatchObject({ canLogin: false, isConfigured: false });
    expect(byName.get('forever')).toMatchObject({ canLogin: true, validUntil: null });
    expect(byName.get('never')).toMatchObject({ canLogin: true, validUntil: '1970-01-01T00:00:00.000Z' });
    expect(byName.get('postgres')).toMatchObject({ isSuperuser: true, isPredefined: false });
    for (const predefined of ['pg_read_all_data', 'pg_database_owner', ...(PG.maintain ? ['pg_maintain'] : [])])
      expect(byName.get(predefined)).toMatchObject({ isPredefined: true, canLogin: false });
    const all = await testApp.sql<{ rolname: string }>('SELECT rolname FROM pg_roles ORDER BY rolname');
    expect(roles.map((role) => role.name)).toEqual(all.map((row) => row.rolname));
  });

  it('reads one role by exact name, and null for a name that does not exist', async () => {
    const result = await catalog(admin, 'mia: role(name: "mia") { name canLogin } none: role(name: "MIA") { name }');
    expect(result).toEqual({ mia: { name: 'mia', canLogin: true }, none: null });
  });

  it('shows members and member-of edges with ADMIN, INHERIT and SET: one grant per grantor, combined', async () => {
    const edge = 'role { name } member { name } admin inherit set grants { grantor { name } admin inherit set }';
    const result = await catalog<{ owners: { members: unknown[] }; mia: { memberOf: unknown[] } }>(
      admin,
      `owners: role(name: "owners") { members { ${edge} } } mia: role(name: "mia") { memberOf { ${edge} } }`,
    );
    // 15: one grant per membership, its INHERIT the member's attribute, and SET always.
    const miaGrants = PG.membershipOptions
      ? [
          { grantor: { name: 'postgres' }, admin: true, inherit: true, set: false },
          { grantor: { name: 'dba' }, admin: false, inherit: false, set: true },
        ]
      : [{ grantor: { name: 'postgres' }, admin: true, inherit: true, set: true }];
    const miaEdge = {
      role: { name: 'owners' },
      member: { name: 'mia' },
      admin: true,
      inherit: true,
      set: true,
      grants: expect.arrayContaining(miaGrants),
    };
    expect(result.owners.members).toHaveLength(2);
    expect(result.owners.members).toContainEqual(miaEdge);
    const dbaOptions = { admin: true, inherit: !PG.membershipOptions, set: !PG.membershipOptions };
    expect(result.owners.members).toContainEqual({
      role: { name: 'owners' },
      member: { name: 'dba' },
      ...dbaOptions,
      grants: [{ grantor: { name: 'postgres' }, ...dbaOptions }],
    });
    expect((result.mia.memberOf[0] as { grants: unknown[] }).grants).toHaveLength(miaGrants.length);
    expect(result.mia.memberOf).toEqual([miaEdge]);
    // The same edges reached from a role found another way: the viewer's own role, a schema's owner.
    const reached = await catalog<{ viewerRole: { role: { memberOf: unknown[] } }; schema: { owner: unknown } }>(
      viewers.mia as TestClient,
      `viewerRole { role { memberOf { ${edge} } } } schema(name: "inventory") { owner { members { ${edge} } } }`,
    );
    expect(reached.viewerRole.role.memberOf).toEqual([miaEdge]);
    expect((reached.schema.owner as { members: unknown[] }).members).toContainEqual(miaEdge);
  });
});

describe('objects and their privileges', () => {
  it('shows the database with its owner and a NULL ACL read as acldefault, PUBLIC included', async () => {
    const { database } = await catalog<{ database: { grants: unknown[] } }>(
      pat(),
      `database { name kind owner { name } aclIsDefault grants { ${GRANT_FIELDS} } }`,
    );
    expect(database).toMatchObject({ name: 'shop', kind: 'DATABASE', owner: { name: 'dba' }, aclIsDefault: true });
    expect(database.grants).toHaveLength(2);
    expect(database.grants).toContainEqual({
      isPublic: true,
      grantee: null,
      privileges: ['CONNECT', 'TEMPORARY'],
      grantable: [],
      preset: 'CUSTOM',
      items: [
        { privilege: 'TEMPORARY', grantable: false, grantor: { name: 'dba' } },
        { privilege: 'CONNECT', grantable: false, grantor: { name: 'dba' } },
      ],
    });
    expect(database.grants).toContainEqual(
      expect.objectContaining({ grantee: { name: 'dba' }, privileges: ['CONNECT', 'CREATE', 'TEMPORARY'] }),
    );
  });

  it('lists the user schemas with their owners; public is owned by pg_database_owner', async () => {
    const { schemas } = await catalog<{ schemas: unknown[] }>(
      pat(),
      `schemas { name kind owner { name isPredefined } aclIsDefault }`,
    );
    expect(schemas).toEqual([
      { name: 'inventory', kind: 'SCHEMA', owner: { name: 'owners', isPredefined: false }, aclIsDefault: false },
      { name: 'public', kind: 'SCHEMA', owner: { name: 'pg_database_owner', isPredefined: true }, aclIsDefault: false },
      { name: 'sales', kind: 'SCHEMA', owner: { name: 'owner', isPredefined: false }, aclIsDefault: false },
    ]);
  });

  it('reads a schema by exact name, and null for one that does not exist', async () => {
    const result = await catalog(pat(), 'sales: schema(name: "sales") { name } none: schema(name: "Sales") { name }');
    expect(result).toEqual({ sales: { name: 'sales' }, none: null });
  });

  it('lists tables, views, materialized views, partitioned and foreign tables and sequences, but not partitions', async () => {
    const { schema } = await catalog<{ schema: { tables: unknown[] } }>(
      pat(),
      'schema(name: "sales") { tables { schema name kind tableKind owner { name } aclIsDefault } }',
    );
    const row = (name: string, tableKind: string, aclIsDefault = true) => ({
      schema: 'sales',
      name,
      kind: tableKind === 'SEQUENCE' ? 'SEQUENCE' : 'TABLE',
      tableKind,
      owner: { name: 'owner' },
      aclIsDefault,
    });
    expect(schema.tables).toEqual([
      row('events', 'PARTITIONED_TABLE'),
      row('invoice_seq', 'SEQUENCE'),
      row('monthly', 'MATERIALIZED_VIEW'),
      row('order_totals', 'VIEW', false),
      row('orders', 'TABLE', false),
      row('orders_id_seq', 'SEQUENCE'),
      row('remote', 'FOREIGN_TABLE'),
    ]);
  });

  it('shows each grantee once, with every grantor’s items, WITH GRANT OPTION and PUBLIC', async () => {
    const { schema } = await catalog<{ schema: { tables: { name: string; grants: unknown[] }[] } }>(
      pat(),
      `schema(name: "sales") { tables { name grants { ${GRANT_FIELDS} } } }`,
    );
    const grantsOf = (name: string) => schema.tables.find((table) => table.name === name)?.grants ?? [];
    const orders = grantsOf('orders');
    expect(orders).toHaveLength(3);
    expect(orders).toContainEqual({
      isPublic: false,
      grantee: { name: 'owner' },
      privileges: PG.tablePrivileges,
      grantable: [],
      preset: 'CUSTOM',
      items: expect.any(Array),
    });
    expect(orders).toContainEqual({
      isPublic: false,
      grantee: { name: 'gina' },
      privileges: ['SELECT'],
      grantable: ['SELECT'],
      preset: 'READ',
      items: [{ privilege: 'SELECT', grantable: true, grantor: { name: 'owner' } }],
    });
    expect(orders).toContainEqual({
      isPublic: false,
      grantee: { name: 'pat' },
      privileges: ['SELECT'],
      grantable: [],
      preset: 'READ',
      items: expect.arrayContaining([
        { privilege: 'SELECT', grantable: false, grantor: { name: 'owner' } },
        { privilege: 'SELECT', grantable: false, grantor: { name: 'gina' } },
      ]),
    });
    expect(grantsOf('order_totals')).toContainEqual({
      isPublic: true,
      grantee: null,
      privileges: ['SELECT'],
      grantable: [],
      preset: 'READ',
      items: [{ privilege: 'SELECT', grantable: false, grantor: { name: 'owner' } }],
    });
    expect(grantsOf('invoice_seq')).toEqual([
      expect.objectContaining({ grantee: { name: 'owner' }, privileges: ['USAGE', 'SELECT', 'UPDATE'] }),
    ]);
  });

  it('shows a custom set that equals a preset as that preset, and any other set as CUSTOM', async () => {
    const { inventory, sales } = await catalog<{
      inventory: { tables: { grants: { grantee: { name: string }; preset: string; privileges: string[] }[] }[] };
      sales: { grants: { grantee: { name: string } | null; preset: string }[] };
    }>(
      pat(),
      `inventory: schema(name: "inventory") { tables { grants { grantee { name } preset privileges } } }
       sales: schema(name: "sales") { grants { grantee { name } preset } }`,
    );
    const items = inventory.tables[0]?.grants ?? [];
    expect(items).toContainEqual({
      grantee: { name: 'pat' },
      preset: 'WRITE',
      privileges: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
    });
    expect(items).toContainEqual({ grantee: { name: 'gina' }, preset: 'CUSTOM', privileges: ['SELECT', 'INSERT'] });
    expect(sales.grants).toContainEqual({ grantee: { name: 'gina' }, preset: 'READ' });
    expect(sales.grants).toContainEqual({ grantee: { name: 'owner' }, preset: 'CREATE' });
  });
});

describe('what the viewer’s role may do', () => {
  const OBJECTS = `database { ${CAN_FIELDS} }
    sales: schema(name: "sales") { ${CAN_FIELDS} tables { name ${CAN_FIELDS} } }
    inventory: schema(name: "inventory") { ${CAN_FIELDS} tables { name ${CAN_FIELDS} } }`;

  interface Can {
    changePrivileges: boolean;
    grantablePrivileges: string[];
    transferOwnership: boolean;
    drop: boolean;
    reason: string | null;
  }
  interface Objects {
    database: { viewerCan: Can };
    sales: { viewerCan: Can; tables: { name: string; viewerCan: Can }[] };
    inventory: { viewerCan: Can; tables: { name: string; viewerCan: Can }[] };
  }

  const all = (privileges: string[]): Can => ({
    changePrivileges: true,
    grantablePrivileges: privileges,
    transferOwnership: true,
    drop: true,
    reason: null,
  });
  const none = (owner: string, grantable: string[] = []): Can => ({
    changePrivileges: grantable.length > 0,
    grantablePrivileges: grantable,
    transferOwnership: false,
    drop: false,
    reason: `Only the owner (${owner}), a member of it, or a superuser can do this.`,
  });
  const DATABASE = ['CONNECT', 'CREATE', 'TEMPORARY'];
  const SCHEMA = ['USAGE', 'CREATE'];
  const TABLE = PG.tablePrivileges;
  const SEQUENCE = ['USAGE', 'SELECT', 'UPDATE'];

  async function objectsAs(role: string): Promise<Objects> {
    return catalog<Objects>(viewers[role] as TestClient, OBJECTS);
  }
  const table = (objects: Objects['sales'], name: string) => objects.tables.find((t) => t.name === name)?.viewerCan;

  it('the database owner may do everything to the database, and nothing to schemas it neither owns nor inherits', async () => {
    const objects = await objectsAs('dba');
    expect(objects.database.viewerCan).toEqual(all(DATABASE));
    expect(objects.sales.viewerCan).toEqual(none('owner'));
    // 16+: ADMIN OPTION on the owning group without INHERIT is not ownership. 15: ADMIN OPTION comes with a membership
    // that inherits (dba has INHERIT), so dba has the owner's privileges, as PostgreSQL says.
    const [owns] = await testApp.sql<{ owns: boolean }>("SELECT pg_has_role('dba', 'owners', 'USAGE') AS owns");
    expect(owns?.owns).toBe(!PG.membershipOptions);
    expect(objects.inventory.viewerCan).toEqual(owns?.owns ? all(SCHEMA) : none('owners'));
    expect(table(objects.inventory, 'items')).toEqual(owns?.owns ? all(TABLE) : none('owners'));
  });

  it('the owner of a schema may do everything to it and to what it owns there', async () => {
    const objects = await objectsAs('owner');
    expect(objects.database.viewerCan).toEqual(none('dba'));
    expect(objects.sales.viewerCan).toEqual(all(SCHEMA));
    expect(table(objects.sales, 'orders')).toEqual(all(TABLE));
    expect(table(objects.sales, 'invoice_seq')).toEqual(all(SEQUENCE));
    expect(table(objects.sales, 'remote')).toEqual(all(TABLE));
  });

  it('a member of the owning group may do what the owner may', async () => {
    const objects = await objectsAs('mia');
    expect(objects.inventory.viewerCan).toEqual(all(SCHEMA));
    expect(table(objects.inventory, 'items')).toEqual(all(TABLE));
    expect(objects.sales.viewerCan).toEqual(none('owner'));
  });

  it('a grant-option holder may change exactly the privileges it holds WITH GRANT OPTION, nothing more', async () => {
    const objects = await objectsAs('gina');
    expect(table(objects.sales, 'orders')).toEqual(none('owner', ['SELECT']));
    expect(table(objects.sales, 'order_totals')).toEqual(none('owner'));
    expect(table(objects.inventory, 'items')).toEqual(none('owners'));
  });

  it('a plain role may do nothing, and is told why', async () => {
    const objects = await objectsAs('pat');
    expect(objects.database.viewerCan).toEqual(none('dba'));
    for (const can of [objects.sales.viewerCan, ...objects.sales.tables.map((t) => t.viewerCan)])
      expect(can).toEqual(none('owner'));
  });

  it('refuses the catalog to an admin who does not collaborate on the database', async () => {
    const other = await createUser(admin, 'other_admin', true);
    const client = testApp.client();
    await signIn(client, 'other_admin', other.password);
    const database = await client.field<{ catalog: { __typename: string } }>(
      `query($id: ID!) { database(id: $id) { ${ERROR_FIELDS} ... on Database { catalog { ${ERROR_FIELDS} } } } }`,
      { id: shopId },
    );
    expect(database.catalog).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
  });
});

function pat(): TestClient {
  return viewers.pat as TestClient;
}
