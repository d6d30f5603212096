import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leakedSecrets, secret, startTestApp, type TestApp, testedPostgres, transcript } from './support/app.js';
import type { TestClient } from './support/client.js';
import {
  addCollaborator,
  connect,
  createManagedDatabase,
  createUser,
  ERROR_FIELDS,
  setupAdmin,
  signIn,
} from './support/fixtures.js';
import {
  type Act,
  actor,
  allEventsText,
  catalogOf,
  expectApplied,
  expectRefused,
  loginAs,
  membershipRows,
  relationOwner,
  roleExists,
  schemaOwner,
} from './support/permissions.js';

/**
 * Hostile identifiers round-trip through create → grant → transfer → drop, as the CREATEROLE database owner `dba`,
 * and are checked against the catalog by exact name. A canary role `x` proves no statement was injected.
 */
let testApp: TestApp;
let admin: TestClient;
let shopId: string;
let dba: Act;

const SIXTY_THREE = `${'ü'.repeat(31)}x`;
const ROLES = [
  `it's "quoted"`,
  ' spaced  out ',
  'ÜnïcødéRôle',
  '🦄 emoji 🎉',
  '"; DROP ROLE x; --',
  '\\"; DROP ROLE x; --',
  'MixedCase',
  SIXTY_THREE,
];
const SCHEMA = 'we"ird schema 🦄';
const HOSTILE_TABLE = `ta'ble "; DROP TABLE x; --`;

const PG = testedPostgres;

/** PostgreSQL's quoting of an identifier: always quoted, inner quotes doubled. */
const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

beforeAll(async () => {
  testApp = await startTestApp();
  admin = testApp.client();
  await setupAdmin(admin);
  shopId = await connect(admin, testApp, await createManagedDatabase(testApp, 'shop', 'dba'));
  dba = actor(admin, shopId);
  await testApp.sql('CREATE ROLE x');
});

afterAll(async () => {
  await testApp?.stop();
});

describe('hostile role, schema and table names', () => {
  it('are accepted up to exactly 63 bytes', () => {
    expect(Buffer.byteLength(SIXTY_THREE)).toBe(63);
  });

  it('create roles whose names are exactly as given', async () => {
    for (const name of ROLES) {
      await expectApplied(testApp, await dba('createRole', { input: { name } }), [`CREATE ROLE ${q(name)} NOLOGIN`]);
      expect(await roleExists(testApp, name)).toBe(true);
    }
    const { roles } = await catalogOf<{ roles: { name: string }[] }>(admin, shopId, 'roles { name }');
    for (const name of ROLES) expect(roles).toContainEqual({ name });
    const one = await catalogOf<{ role: { name: string } }>(
      admin,
      shopId,
      `role(name: ${JSON.stringify(ROLES[0])}) { name }`,
    );
    expect(one.role).toEqual({ name: ROLES[0] });
  });

  it('create a schema with a hostile name owned by the acting role, and find it by exact name', async () => {
    await expectApplied(testApp, await dba('createSchema', { name: SCHEMA }), [`CREATE SCHEMA ${q(SCHEMA)}`]);
    expect(await schemaOwner(testApp, 'shop', SCHEMA)).toBe('dba');
    const tables = [HOSTILE_TABLE, ...ROLES.map((_, index) => `t${index}`)];
    for (const table of tables) await testApp.sql(`CREATE TABLE ${q(SCHEMA)}.${q(table)} (n int)`, [], 'shop');
    await testApp.sql(`ALTER TABLE ${q(SCHEMA)}.${q(HOSTILE_TABLE)} OWNER TO dba`, [], 'shop');
    for (const [index] of ROLES.entries())
      await testApp.sql(`ALTER TABLE ${q(SCHEMA)}.t${index} OWNER TO dba`, [], 'shop');
    const { schema } = await catalogOf<{ schema: { name: string; tables: { name: string }[] } }>(
      admin,
      shopId,
      `schema(name: ${JSON.stringify(SCHEMA)}) { name tables { name } }`,
    );
    expect(schema.name).toBe(SCHEMA);
    expect(schema.tables.map((table) => table.name)).toContain(HOSTILE_TABLE);
  });

  it('grant memberships, schema and table privileges to hostile roles', async () => {
    for (const [index, name] of ROLES.entries()) {
      // PostgreSQL 15 has no per-grant INHERIT: the grant says so, and dba (INHERIT) inherits the role there.
      await expectApplied(
        testApp,
        await dba('grantMembership', { role: name, membership: { member: 'dba', inherit: false, set: true } }),
        [
          PG.membershipOptions
            ? `GRANT ${q(name)} TO "dba" WITH ADMIN FALSE, INHERIT FALSE, SET TRUE`
            : `GRANT ${q(name)} TO "dba"`,
        ],
        PG.membershipOptions
          ? []
          : ["PostgreSQL 15 has no per-grant INHERIT FALSE: inheritance follows the member's INHERIT attribute."],
      );
      expect(await membershipRows(testApp, name)).toContain(
        `dba by dba admin=false inherit=${!PG.membershipOptions} set=true`,
      );
      const table = { kind: 'TABLE', schema: SCHEMA, name: `t${index}` };
      await expectApplied(
        testApp,
        await dba('grantPrivileges', { object: table, grantee: name, privileges: ['SELECT'], withSchemaUsage: true }),
        [
          `GRANT USAGE ON SCHEMA ${q(SCHEMA)} TO ${q(name)}`,
          `GRANT SELECT ON TABLE ${q(SCHEMA)}."t${index}" TO ${q(name)}`,
        ],
      );
      const rows = await testApp.sql<{ ok: boolean }>(
        `SELECT has_table_privilege(r.oid, c.oid, 'SELECT') AS ok FROM pg_roles r, pg_class c
          WHERE r.rolname = $1 AND c.relname = $2 AND c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = $3)`,
        [name, `t${index}`, SCHEMA],
        'shop',
      );
      expect(rows).toEqual([{ ok: true }]);
    }
    const { schema } = await catalogOf<{ schema: { grants: { grantee: { name: string } | null }[] } }>(
      admin,
      shopId,
      `schema(name: ${JSON.stringify(SCHEMA)}) { grants { grantee { name } } }`,
    );
    for (const name of ROLES) expect(schema.grants).toContainEqual({ grantee: { name } });
  });

  it('replace privileges exactly and set group members with hostile names', async () => {
    const [first, second] = ROLES as [string, string];
    const hostileTable = { kind: 'TABLE', schema: SCHEMA, name: HOSTILE_TABLE };
    await expectApplied(
      testApp,
      await dba('setPrivileges', {
        object: hostileTable,
        grants: [
          { grantee: first, preset: 'WRITE' },
          { grantee: second, privileges: ['SELECT'], grantable: ['SELECT'] },
        ],
      }),
      [
        `GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE ${q(SCHEMA)}.${q(HOSTILE_TABLE)} TO ${q(first)}`,
        `GRANT SELECT ON TABLE ${q(SCHEMA)}.${q(HOSTILE_TABLE)} TO ${q(second)} WITH GRANT OPTION`,
      ],
    );
    await expectApplied(
      testApp,
      await dba('revokePrivileges', { object: hostileTable, grantee: first, privileges: ['DELETE'] }),
      [`REVOKE DELETE ON TABLE ${q(SCHEMA)}.${q(HOSTILE_TABLE)} FROM ${q(first)}`],
    );
    // dba's own grants (16+: ADMIN from creating the role, SET from above; 15: the one membership from above)
    // already match: only the new member is granted.
    const dbaAsIs = PG.membershipOptions
      ? { member: 'dba', admin: true, inherit: false, set: false }
      : { member: 'dba' };
    const members = [dbaAsIs, { member: second }];
    const change = await dba('setGroupMembers', { role: first, members });
    await expectApplied(testApp, change, [
      PG.membershipOptions
        ? `GRANT ${q(first)} TO ${q(second)} WITH ADMIN FALSE, INHERIT TRUE, SET TRUE`
        : `GRANT ${q(first)} TO ${q(second)}`,
    ]);
    expect(await membershipRows(testApp, first)).toContain(`${second} by dba admin=false inherit=true set=true`);
  });

  it('transfer tables and a schema with a hostile table to hostile owners', async () => {
    for (const [index, name] of ROLES.entries()) {
      // A table's new owner needs CREATE on its schema.
      await expectApplied(
        testApp,
        await dba('grantPrivileges', {
          object: { kind: 'SCHEMA', name: SCHEMA },
          grantee: name,
          privileges: ['CREATE'],
        }),
        [`GRANT CREATE ON SCHEMA ${q(SCHEMA)} TO ${q(name)}`],
      );
      await expectApplied(
        testApp,
        await dba('transferOwnership', {
          object: { kind: 'TABLE', schema: SCHEMA, name: `t${index}` },
          newOwner: name,
        }),
        [`ALTER TABLE ${q(SCHEMA)}."t${index}" OWNER TO ${q(name)}`],
      );
      expect(await relationOwner(testApp, 'shop', SCHEMA, `t${index}`)).toBe(name);
    }
    const owner = ROLES[4] as string;
    // A schema's new owner needs CREATE on the database.
    await expectApplied(
      testApp,
      await dba('grantPrivileges', { object: { kind: 'DATABASE' }, grantee: owner, privileges: ['CREATE'] }),
      [`GRANT CREATE ON DATABASE "shop" TO ${q(owner)}`],
    );
    await expectApplied(
      testApp,
      await dba('transferOwnership', {
        object: { kind: 'SCHEMA', name: SCHEMA },
        newOwner: owner,
        tables: [HOSTILE_TABLE],
      }),
      // The new owner may create in the schema already, so its table goes first: dba could not see into it after.
      [
        `ALTER TABLE ${q(SCHEMA)}.${q(HOSTILE_TABLE)} OWNER TO ${q(owner)}`,
        `ALTER SCHEMA ${q(SCHEMA)} OWNER TO ${q(owner)}`,
      ],
    );
    expect(await schemaOwner(testApp, 'shop', SCHEMA)).toBe(owner);
    expect(await relationOwner(testApp, 'shop', SCHEMA, HOSTILE_TABLE)).toBe(owner);
  });

  it('alter and rename hostile roles', async () => {
    const name = ROLES[1] as string;
    await expectApplied(testApp, await dba('alterRole', { name, attributes: { connectionLimit: 4 } }), [
      `ALTER ROLE ${q(name)} CONNECTION LIMIT 4`,
    ]);
    const renamed = `${name}"renamed"`;
    await expectApplied(testApp, await dba('renameRole', { name, newName: renamed }), [
      `ALTER ROLE ${q(name)} RENAME TO ${q(renamed)}`,
    ]);
    expect(await roleExists(testApp, renamed)).toBe(true);
    expect(await roleExists(testApp, name)).toBe(false);
    ROLES[1] = renamed;
  });

  it('drop hostile roles, reassigning what they own, leaving the canary and every other role alone', async () => {
    const before = await testApp.sql<{ n: number }>('SELECT count(*)::int AS n FROM pg_roles');
    // The schema's owner goes first: once its objects are dba's again, dba may revoke what that owner granted.
    const order = [4, ...ROLES.keys()].filter((index, at, all) => all.indexOf(index) === at);
    for (const index of order) {
      const name = ROLES[index] as string;
      const change = await dba('dropRole', { name, reassignTo: 'dba' });
      expect(change).toMatchObject({ __typename: 'PermissionChange' });
      expect(change.sql?.at(-1)).toBe(`DROP ROLE ${q(name)}`);
      expect(change.sql).toContain(`REASSIGN OWNED BY ${q(name)} TO "dba"`);
      await expectApplied(testApp, change, change.sql as string[]);
      expect(await roleExists(testApp, name)).toBe(false);
      expect(await relationOwner(testApp, 'shop', SCHEMA, `t${index}`)).toBe('dba');
    }
    expect(await schemaOwner(testApp, 'shop', SCHEMA)).toBe('dba');
    expect(await relationOwner(testApp, 'shop', SCHEMA, HOSTILE_TABLE)).toBe('dba');
    expect(await roleExists(testApp, 'x')).toBe(true);
    const after = await testApp.sql<{ n: number }>('SELECT count(*)::int AS n FROM pg_roles');
    expect(after[0]?.n).toBe((before[0]?.n ?? 0) - ROLES.length);
  });

  it('a LOGIN role with a hostile name and password is created, configured, used by a collaborator, and dropped', async () => {
    const name = `O'Brien "the DBA" 🐘`;
    const password = secret(`it's a \\ "pass" 🦄`);
    const created = await dba('createRole', { input: { name, login: true, password, configure: true } });
    await expectApplied(testApp, created, [
      `CREATE ROLE ${q(name)} LOGIN PASSWORD '********'`,
      `GRANT CONNECT, CREATE ON DATABASE "shop" TO ${q(name)}`,
    ]);
    expect(await loginAs(testApp, name, password, 'shop')).toBe(name);
    const database = await admin.field<{ configuredRoles: { id: string; rolname: string }[] }>(
      `query($id: ID!) { database(id: $id) { ... on Database { configuredRoles { id rolname } } } }`,
      { id: shopId },
    );
    const configured = database.configuredRoles.find((role) => role.rolname === name);
    expect(configured).toBeDefined();
    const user = await createUser(admin, 'obrien');
    const added = await addCollaborator(admin, {
      databaseId: shopId,
      userId: user.id,
      configuredRoleId: configured?.id as string,
    });
    expect(added).toMatchObject({ __typename: 'Collaborator', role: { rolname: name } });
    const client = testApp.client();
    await signIn(client, 'obrien', user.password);
    const current = await client.field<{ catalog: unknown }>(
      `query($id: ID!) { database(id: $id) { ... on Database {
        catalog { ${ERROR_FIELDS} ... on DatabaseCatalog { currentRole } } } } }`,
      { id: shopId },
    );
    expect(current.catalog).toEqual({ __typename: 'DatabaseCatalog', currentRole: name });
    // The collaborator acts as that role: PostgreSQL refuses what it may not do.
    expectRefused(
      await actor(client, shopId)('createRole', { input: { name: 'nope' } }),
      'PermissionDeniedError',
      '42501',
    );
    const removed = await admin.field(`mutation($id: ID!) { removeCollaborator(id: $id) { ${ERROR_FIELDS} } }`, {
      id: added.id,
    });
    expect(removed.__typename).toBe('Removed');
    if (PG.createRoleNeedsAdmin) {
      // 16+: dba holds ADMIN OPTION only (from creating it); it borrows the role's privileges for DROP OWNED.
      const dropped = await dba('dropRole', { name });
      await expectApplied(testApp, dropped, [
        `GRANT ${q(name)} TO "dba" WITH ADMIN FALSE, INHERIT TRUE, SET FALSE`,
        `DROP OWNED BY ${q(name)}`,
        `DROP ROLE ${q(name)}`,
      ]);
    } else {
      // 15 gives a creator nothing on the role it creates: dba first becomes a member (CREATEROLE may grant it there),
      // whose privileges DROP OWNED needs. (Without it Rolecall refuses: see permissions-roles.test.ts.)
      await expectApplied(testApp, await dba('grantMembership', { role: name, membership: { member: 'dba' } }), [
        `GRANT ${q(name)} TO "dba"`,
      ]);
      const dropped = await dba('dropRole', { name });
      await expectApplied(testApp, dropped, [`DROP OWNED BY ${q(name)}`, `DROP ROLE ${q(name)}`]);
    }
    expect(await roleExists(testApp, name)).toBe(false);
  });

  it('reserved role names come back as InvalidNameError with PostgreSQL’s SQLSTATE', async () => {
    for (const name of ['public', 'pg_mine', 'none']) {
      expectRefused(await dba('createRole', { input: { name } }), 'InvalidNameError', '42939');
    }
  });
});

it('never returned, logged or recorded a password', async () => {
  expect(leakedSecrets([...transcript, ...testApp.logs, await allEventsText(testApp)])).toEqual([]);
});
