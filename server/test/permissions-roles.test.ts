import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leakedSecrets, secret, startTestApp, type TestApp, testedPostgres, transcript } from './support/app.js';
import type { TestClient } from './support/client.js';
import {
  addCollaborator,
  connect,
  createLoginRole,
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
  collaboratorThrough,
  eventCount,
  expectApplied,
  expectDryRun,
  expectRefused,
  loginAs,
  membershipRows,
  relationOwner,
  roleExists,
  schemaOwner,
} from './support/permissions.js';

/**
 * Role lifecycle as `dba`: LOGIN CREATEROLE, owner of `shop` and `warehouse` (both connected), no superuser, no
 * CREATEDB. It holds ADMIN OPTION only on the roles it creates (PostgreSQL 16+), which is all DROP ROLE needs.
 * `pat` is a plain role that PostgreSQL refuses.
 * On PostgreSQL 15 CREATEROLE alone may alter, rename and drop every non-superuser role (and give CREATEDB), and a
 * creator holds nothing on the roles it creates: there the refusals come from superuser roles, and dba takes ADMIN
 * OPTION on the roles it drops first, as 16 would have given it.
 */
const PG = testedPostgres;
/** 16+: the creator's ADMIN OPTION, granted by the bootstrap superuser; on 15 the one dba takes (`adminAsOn16`). */
const CREATOR_ROWS = PG.createRoleNeedsAdmin
  ? ['dba by postgres admin=true inherit=false set=false']
  : ['dba by dba admin=true inherit=true set=true'];
let testApp: TestApp;
let admin: TestClient;
let shopId: string;
let warehouseId: string;
let dba: Act;
let pat: Act;

const CURRENT_ROLE = `query($id: ID!) { database(id: $id) { ... on Database {
  catalog { ${ERROR_FIELDS} ... on DatabaseCatalog { currentRole } } } } }`;

beforeAll(async () => {
  testApp = await startTestApp();
  admin = testApp.client();
  await setupAdmin(admin);
  const shop = await createManagedDatabase(testApp, 'shop', 'dba');
  shopId = await connect(admin, testApp, shop);
  await testApp.sql('CREATE DATABASE warehouse OWNER dba');
  // dba is configured on this server already: no password needed.
  const connected = await admin.field(
    `mutation($input: ConnectDatabaseInput!) { connectDatabase(input: $input) { ${ERROR_FIELDS} ... on Database { id } } }`,
    { input: { host: '127.0.0.1', port: testApp.cluster.port, database: 'warehouse', role: 'dba' } },
  );
  warehouseId = connected.id as string;
  dba = actor(admin, shopId);
  const patPassword = await createLoginRole(testApp, 'pat');
  pat = actor(await collaboratorThrough(testApp, admin, shopId, 'pat_user', 'pat', patPassword), shopId);
});

afterAll(async () => {
  await testApp?.stop();
});

/**
 * PostgreSQL 15 gives a creator nothing on the role it creates: dba takes ADMIN OPTION on it (CREATEROLE may there), as
 * 16 gives it. On 15 that is a membership too, so dba then has the role's privileges and borrows none to drop it.
 */
async function adminAsOn16(role: string): Promise<void> {
  if (PG.createRoleNeedsAdmin) return;
  await expectApplied(testApp, await dba('grantMembership', { role, membership: { member: 'dba', admin: true } }), [
    `GRANT "${role}" TO "dba" WITH ADMIN OPTION`,
  ]);
}

/** 16+ lends dba the role's privileges for REASSIGN and DROP OWNED (it holds ADMIN OPTION only); 15 needs none. */
const borrowed = (role: string) =>
  PG.createRoleNeedsAdmin ? [`GRANT "${role}" TO "dba" WITH ADMIN FALSE, INHERIT TRUE, SET FALSE`] : [];
const givenBack = (role: string) => (PG.createRoleNeedsAdmin ? [`REVOKE "${role}" FROM "dba"`] : []);

async function role(name: string) {
  const rows = await testApp.sql<Record<string, unknown>>(
    `SELECT rolcanlogin, rolinherit, rolcreaterole, rolcreatedb, rolconnlimit, rolvaliduntil
       FROM pg_roles WHERE rolname = $1`,
    [name],
  );
  return rows[0];
}

async function currentRoleOf(client: TestClient, databaseId = shopId): Promise<unknown> {
  return (await client.field<{ catalog: unknown }>(CURRENT_ROLE, { id: databaseId })).catalog;
}

async function configuredRoleNames(): Promise<string[]> {
  const rows = await testApp.sql<{ rolname: string }>(
    'SELECT rolname FROM "ConfiguredRole" ORDER BY rolname',
    [],
    'rolecall_metadata',
  );
  return rows.map((row) => row.rolname);
}

const analystPassword = secret('analyst');
let carl: TestClient;
const clerkPassword = secret('clerk');

describe('creating roles', () => {
  it('a dry run returns the exact SQL, the password masked, and creates nothing', async () => {
    const events = await eventCount(testApp);
    const change = await dba(
      'createRole',
      { input: { name: 'analyst', login: true, password: analystPassword } },
      true,
    );
    expectDryRun(change, [
      `CREATE ROLE "analyst" LOGIN PASSWORD '********'`,
      'GRANT CONNECT, CREATE ON DATABASE "shop" TO "analyst"',
    ]);
    expect(await roleExists(testApp, 'analyst')).toBe(false);
    expect(await eventCount(testApp)).toBe(events);
  });

  it('creates a LOGIN role with CONNECT and CREATE on the database; the creator holds ADMIN OPTION on it (16+)', async () => {
    const change = await dba('createRole', { input: { name: 'analyst', login: true, password: analystPassword } });
    const event = await expectApplied(testApp, change, [
      `CREATE ROLE "analyst" LOGIN PASSWORD '********'`,
      'GRANT CONNECT, CREATE ON DATABASE "shop" TO "analyst"',
    ]);
    expect(event).toMatchObject({ kind: 'role.created' });
    expect(await role('analyst')).toMatchObject({ rolcanlogin: true });
    const acl = await testApp.sql<{ acl: string }>(
      "SELECT datacl::text AS acl FROM pg_database WHERE datname = 'shop'",
    );
    expect(acl[0]?.acl).toContain('analyst=Cc/dba');
    expect(await membershipRows(testApp, 'analyst')).toEqual(PG.createRoleNeedsAdmin ? CREATOR_ROWS : []);
    // The password went to the server as a SCRAM verifier, and works.
    const stored = await testApp.sql<{ p: string }>("SELECT rolpassword AS p FROM pg_authid WHERE rolname = 'analyst'");
    expect(stored[0]?.p).toMatch(/^SCRAM-SHA-256\$4096:/);
    expect(await loginAs(testApp, 'analyst', analystPassword, 'shop')).toBe('analyst');
  });

  it('creates a NOLOGIN group role with the attributes asked for, and no database access', async () => {
    const change = await dba('createRole', {
      input: { name: 'readers', inherit: false, createRole: true, connectionLimit: 10 },
    });
    await expectApplied(testApp, change, ['CREATE ROLE "readers" NOLOGIN NOINHERIT CREATEROLE CONNECTION LIMIT 10']);
    expect(await role('readers')).toMatchObject({
      rolcanlogin: false,
      rolinherit: false,
      rolcreaterole: true,
      rolconnlimit: 10,
    });
    const acl = await testApp.sql<{ acl: string }>(
      "SELECT datacl::text AS acl FROM pg_database WHERE datname = 'shop'",
    );
    expect(acl[0]?.acl).not.toContain('readers');
  });

  it('creates and configures a LOGIN role at once, so a collaborator can be added through it', async () => {
    const change = await dba('createRole', {
      input: { name: 'clerk', login: true, password: clerkPassword, configure: true },
    });
    await expectApplied(testApp, change, [
      `CREATE ROLE "clerk" LOGIN PASSWORD '********'`,
      'GRANT CONNECT, CREATE ON DATABASE "shop" TO "clerk"',
    ]);
    expect(await configuredRoleNames()).toContain('clerk');
    const database = await admin.field<{
      configuredRoles: { id: string; rolname: string }[];
      catalog: { role: { isConfigured: boolean } };
    }>(
      `query($id: ID!) { database(id: $id) { ... on Database { configuredRoles { id rolname }
        catalog { ... on DatabaseCatalog { role(name: "clerk") { isConfigured } } } } } }`,
      { id: shopId },
    );
    expect(database.catalog.role.isConfigured).toBe(true);
    const clerkId = database.configuredRoles.find((configured) => configured.rolname === 'clerk')?.id as string;
    const user = await createUser(admin, 'carl');
    const added = await addCollaborator(admin, { databaseId: shopId, userId: user.id, configuredRoleId: clerkId });
    expect(added).toMatchObject({ __typename: 'Collaborator', role: { rolname: 'clerk' } });
    carl = testApp.client();
    await signIn(carl, 'carl', user.password);
    expect(await currentRoleOf(carl)).toEqual({ __typename: 'DatabaseCatalog', currentRole: 'clerk' });
  });

  it('refuses to configure a role whose login fails (28P01), leaving no role behind; the feed tells both steps', async () => {
    const events = await eventCount(testApp);
    const change = await dba('createRole', {
      input: {
        name: 'expired',
        login: true,
        password: secret('expired'),
        configure: true,
        validUntil: '2000-01-01T00:00:00.000Z',
      },
    });
    expectRefused(change, 'AuthenticationFailedError', '28P01');
    expect(await roleExists(testApp, 'expired')).toBe(false);
    expect(await configuredRoleNames()).not.toContain('expired');
    // The role existed for a moment: Rolecall says so (created, then dropped again), so the drift watcher never
    // reports either step as made outside Rolecall.
    expect(await eventCount(testApp)).toBe(events + 2);
    const recorded = await testApp.sql<{ kind: string; source: string; payload: { name: string; warnings: string[] } }>(
      'SELECT kind, source, payload FROM "Event" ORDER BY id DESC LIMIT 2',
      [],
      'rolecall_metadata',
    );
    expect(recorded.map((row) => [row.kind, row.source, row.payload.name])).toEqual([
      ['role.dropped', 'ROLECALL', 'expired'],
      ['role.created', 'ROLECALL', 'expired'],
    ]);
    expect(recorded[0]?.payload.warnings.join(' ')).toMatch(/dropped again/);
  });

  it('refuses CREATE ROLE to a role without CREATEROLE (42501), creating nothing', async () => {
    const events = await eventCount(testApp);
    const change = await pat('createRole', { input: { name: 'sneaky', login: true, password: secret('sneaky') } });
    expectRefused(change, 'PermissionDeniedError', '42501');
    expect(change.code).toBe('PERMISSION_DENIED');
    expect(await roleExists(testApp, 'sneaky')).toBe(false);
    expect(await eventCount(testApp)).toBe(events);
  });

  it('answers a name that is taken with DuplicateObjectError (42710)', async () => {
    const change = await dba('createRole', { input: { name: 'analyst' } });
    expectRefused(change, 'DuplicateObjectError', '42710');
  });

  it('rejects a LOGIN role without a password, and configuring a role that cannot log in', async () => {
    expect(await dba('createRole', { input: { name: 'nopass', login: true } })).toMatchObject({
      __typename: 'ValidationError',
      field: 'password',
    });
    expect(await dba('createRole', { input: { name: 'group', configure: true, password: secret() } })).toMatchObject({
      __typename: 'ValidationError',
      field: 'configure',
    });
    expect(await roleExists(testApp, 'nopass')).toBe(false);
  });
});

describe('changing roles', () => {
  it('alters attributes: a dry run gives the SQL and changes nothing, then it applies', async () => {
    const attributes = { inherit: false, connectionLimit: 5, validUntil: '2030-01-01T00:00:00.000Z' };
    const sql = [`ALTER ROLE "analyst" NOINHERIT CONNECTION LIMIT 5 VALID UNTIL '2030-01-01T00:00:00.000Z'`];
    expectDryRun(await dba('alterRole', { name: 'analyst', attributes }, true), sql);
    expect(await role('analyst')).toMatchObject({ rolinherit: true, rolconnlimit: -1, rolvaliduntil: null });
    await expectApplied(testApp, await dba('alterRole', { name: 'analyst', attributes }), sql);
    expect(await role('analyst')).toMatchObject({
      rolinherit: false,
      rolconnlimit: 5,
      rolvaliduntil: new Date('2030-01-01T00:00:00.000Z'),
    });
  });

  it(
    PG.createRoleGivesOnlyItsOwn
      ? 'refuses an attribute the acting role lacks itself (CREATEDB), changing nothing'
      : 'PostgreSQL 15: refuses REPLICATION, which only a superuser gives (CREATEDB CREATEROLE may), changing nothing',
    async () => {
      const attributes = PG.createRoleGivesOnlyItsOwn ? { createDb: true } : { replication: true };
      const change = await dba('alterRole', { name: 'analyst', attributes: { ...attributes, connectionLimit: 7 } });
      expectRefused(change, 'PermissionDeniedError', '42501');
      const [replication] = await testApp.sql<{ rolreplication: boolean }>(
        "SELECT rolreplication FROM pg_roles WHERE rolname = 'analyst'",
      );
      expect(replication?.rolreplication).toBe(false);
      expect(await role('analyst')).toMatchObject({ rolcreatedb: false, rolconnlimit: 5 });
    },
  );

  it(
    PG.createRoleNeedsAdmin
      ? 'refuses to alter a role the acting role holds no ADMIN OPTION on'
      : 'PostgreSQL 15: alters any non-superuser role with CREATEROLE alone, and refuses a superuser',
    async () => {
      if (!PG.createRoleNeedsAdmin) {
        await testApp.sql('CREATE ROLE bystander');
        await expectApplied(
          testApp,
          await dba('alterRole', { name: 'bystander', attributes: { connectionLimit: 2 } }),
          ['ALTER ROLE "bystander" CONNECTION LIMIT 2'],
        );
        expect(await role('bystander')).toMatchObject({ rolconnlimit: 2 });
      }
      const target = PG.createRoleNeedsAdmin ? 'pat' : 'postgres';
      const change = await dba('alterRole', { name: target, attributes: { connectionLimit: 2 } });
      expectRefused(change, 'PermissionDeniedError', '42501');
      expect(await role(target)).toMatchObject({ rolconnlimit: -1 });
    },
  );

  it('rejects an empty change and an unknown role before running anything', async () => {
    expect(await dba('alterRole', { name: 'analyst', attributes: {} })).toMatchObject({
      __typename: 'ValidationError',
      field: 'attributes',
    });
    expect(await dba('alterRole', { name: 'nobody', attributes: { login: true } })).toMatchObject({
      __typename: 'NotFoundError',
    });
  });

  it('renames a role: the dry run changes nothing; its SCRAM password keeps working under the new name', async () => {
    const sql = ['ALTER ROLE "analyst" RENAME TO "data analyst"'];
    expectDryRun(await dba('renameRole', { name: 'analyst', newName: 'data analyst' }, true), sql);
    expect(await roleExists(testApp, 'analyst')).toBe(true);
    await expectApplied(testApp, await dba('renameRole', { name: 'analyst', newName: 'data analyst' }), sql);
    expect(await roleExists(testApp, 'analyst')).toBe(false);
    expect(await loginAs(testApp, 'data analyst', analystPassword, 'shop')).toBe('data analyst');
  });

  it('renaming a configured role keeps it configured and its collaborators working', async () => {
    const change = await dba('renameRole', { name: 'clerk', newName: 'head clerk' });
    await expectApplied(testApp, change, ['ALTER ROLE "clerk" RENAME TO "head clerk"']);
    expect(await configuredRoleNames()).toContain('head clerk');
    expect(await configuredRoleNames()).not.toContain('clerk');
    expect(await currentRoleOf(carl)).toEqual({ __typename: 'DatabaseCatalog', currentRole: 'head clerk' });
  });

  it(
    PG.createRoleNeedsAdmin
      ? 'refuses a rename to a name that is taken (42710), and one without ADMIN OPTION (42501)'
      : 'refuses a rename to a name that is taken (42710), and on PostgreSQL 15 the rename of a superuser (42501)',
    async () => {
      expectRefused(await dba('renameRole', { name: 'readers', newName: 'pat' }), 'DuplicateObjectError', '42710');
      // 15: CREATEROLE renames any other role (bystander, made by the superuser, above).
      if (!PG.createRoleNeedsAdmin)
        await expectApplied(testApp, await dba('renameRole', { name: 'bystander', newName: 'onlooker' }), [
          'ALTER ROLE "bystander" RENAME TO "onlooker"',
        ]);
      const target = PG.createRoleNeedsAdmin ? 'pat' : 'postgres';
      expectRefused(await dba('renameRole', { name: target, newName: 'patricia' }), 'PermissionDeniedError', '42501');
      expect(await roleExists(testApp, target)).toBe(true);
    },
  );

  it('changes a password: masked in the dry run and the event, sent as a verifier; the old one stops working', async () => {
    const password = secret('analyst-new');
    const sql = [`ALTER ROLE "data analyst" PASSWORD '********'`];
    expectDryRun(await dba('setRolePassword', { name: 'data analyst', password }, true), sql);
    expect(await loginAs(testApp, 'data analyst', password, 'shop')).toBe('SQLSTATE 28P01');
    await expectApplied(testApp, await dba('setRolePassword', { name: 'data analyst', password }), sql);
    expect(await loginAs(testApp, 'data analyst', password, 'shop')).toBe('data analyst');
    expect(await loginAs(testApp, 'data analyst', analystPassword, 'shop')).toBe('SQLSTATE 28P01');
  });

  it('changing the password of a configured role updates the stored one: its collaborators keep working', async () => {
    const before = await testApp.sql<{ p: string }>(
      `SELECT "encryptedPassword" AS p FROM "ConfiguredRole" WHERE rolname = 'head clerk'`,
      [],
      'rolecall_metadata',
    );
    const password = secret('clerk-new');
    const change = await dba('setRolePassword', { name: 'head clerk', password });
    await expectApplied(testApp, change, [`ALTER ROLE "head clerk" PASSWORD '********'`]);
    const after = await testApp.sql<{ p: string }>(
      `SELECT "encryptedPassword" AS p FROM "ConfiguredRole" WHERE rolname = 'head clerk'`,
      [],
      'rolecall_metadata',
    );
    expect(after[0]?.p).not.toBe(before[0]?.p);
    expect(await loginAs(testApp, 'head clerk', clerkPassword, 'shop')).toBe('SQLSTATE 28P01');
    expect(await currentRoleOf(carl)).toEqual({ __typename: 'DatabaseCatalog', currentRole: 'head clerk' });
  });

  it('refuses a password change without ADMIN OPTION (42501; on 15 a superuser’s), and a too short password', async () => {
    const target = PG.createRoleNeedsAdmin ? 'pat' : 'postgres';
    const change = await dba('setRolePassword', { name: target, password: secret('pat-new') });
    expectRefused(change, 'PermissionDeniedError', '42501');
    expect(await dba('setRolePassword', { name: 'readers', password: 'short' })).toMatchObject({
      __typename: 'ValidationError',
      field: 'password',
    });
  });
});

describe('dropping roles', () => {
  beforeAll(async () => {
    // legacy: created by dba through Rolecall (so dba holds ADMIN OPTION only); owns objects in both databases and
    // holds privileges in warehouse.
    const created = await dba('createRole', { input: { name: 'legacy', login: true, password: secret('legacy') } });
    expect(created.__typename).toBe('PermissionChange');
    await adminAsOn16('legacy');
    await testApp.sql(
      'CREATE TABLE public.legacy_notes (n text); ALTER TABLE public.legacy_notes OWNER TO legacy',
      [],
      'shop',
    );
    await testApp.sql(
      `CREATE SCHEMA legacy_ws AUTHORIZATION legacy;
       CREATE TABLE legacy_ws.stock (n int); ALTER TABLE legacy_ws.stock OWNER TO legacy;
       CREATE TABLE public.shared (n int); ALTER TABLE public.shared OWNER TO dba;
       GRANT SELECT ON public.shared TO legacy;`,
      [],
      'warehouse',
    );
  });

  it('refuses to drop a role that owns objects when no role to reassign them to is given, saying where', async () => {
    const events = await eventCount(testApp);
    const change = await dba('dropRole', { name: 'legacy' });
    expect(change).toMatchObject({
      __typename: 'InUseError',
      code: 'IN_USE',
      usedBy: ['1 object(s) in shop', '2 object(s) in warehouse'],
    });
    expect(await roleExists(testApp, 'legacy')).toBe(true);
    expect(await eventCount(testApp)).toBe(events);
  });

  const legacySql = [
    '\\connect "warehouse"',
    ...borrowed('legacy'),
    'REASSIGN OWNED BY "legacy" TO "dba"',
    'DROP OWNED BY "legacy"',
    ...givenBack('legacy'),
    ...borrowed('legacy'),
    'REASSIGN OWNED BY "legacy" TO "dba"',
    'DROP OWNED BY "legacy"',
    'DROP ROLE "legacy"',
  ];

  it('a dry run lists the statements for every database, and changes nothing', async () => {
    const change = await dba('dropRole', { name: 'legacy', reassignTo: 'dba' }, true);
    expectDryRun(change, legacySql, [], { rehearsed: false });
    expect(await roleExists(testApp, 'legacy')).toBe(true);
    expect(await relationOwner(testApp, 'warehouse', 'legacy_ws', 'stock')).toBe('legacy');
    expect(await membershipRows(testApp, 'legacy')).toEqual(CREATOR_ROWS);
  });

  it('drops with CREATEROLE and ADMIN OPTION only, reassigning what it owns in both connected databases', async () => {
    const change = await dba('dropRole', { name: 'legacy', reassignTo: 'dba' });
    const event = await expectApplied(testApp, change, legacySql);
    expect(event).toMatchObject({ kind: 'role.dropped', payload: { otherDatabases: ['warehouse'] } });
    expect(await roleExists(testApp, 'legacy')).toBe(false);
    expect(await relationOwner(testApp, 'shop', 'public', 'legacy_notes')).toBe('dba');
    expect(await schemaOwner(testApp, 'warehouse', 'legacy_ws')).toBe('dba');
    expect(await relationOwner(testApp, 'warehouse', 'legacy_ws', 'stock')).toBe('dba');
    const acl = await testApp.sql<{ acl: string }>(
      "SELECT relacl::text AS acl FROM pg_class WHERE relname = 'shared'",
      [],
      'warehouse',
    );
    expect(acl[0]?.acl).not.toMatch(/legacy|=r\//);
  });

  it('drops a group role with members and nothing owned in one statement', async () => {
    await testApp.sql('GRANT readers TO pat');
    const change = await dba('dropRole', { name: 'readers' });
    await expectApplied(testApp, change, ['DROP ROLE "readers"']);
    expect(await roleExists(testApp, 'readers')).toBe(false);
  });

  it('drops a role created through Rolecall: its database privileges go with it', async () => {
    await adminAsOn16('data analyst');
    const change = await dba('dropRole', { name: 'data analyst' });
    await expectApplied(testApp, change, [
      ...borrowed('data analyst'),
      'DROP OWNED BY "data analyst"',
      'DROP ROLE "data analyst"',
    ]);
    expect(await roleExists(testApp, 'data analyst')).toBe(false);
  });

  it('dropping a configured role removes its stored password and the invitations to work through it', async () => {
    const created = await dba('createRole', {
      input: { name: 'temp clerk', login: true, password: secret('temp-clerk'), configure: true },
    });
    expect(created.__typename).toBe('PermissionChange');
    await testApp.sql(
      `INSERT INTO "Invitation" (id, email, "databaseId", "configuredRoleId", "tokenHash", "expiresAt")
       SELECT gen_random_uuid(), 'new@example.com', $1, id, 'hash-of-a-token', now() + interval '1 day'
         FROM "ConfiguredRole" WHERE rolname = 'temp clerk'`,
      [Buffer.from(shopId, 'base64').toString().split(':')[1]],
      'rolecall_metadata',
    );
    await adminAsOn16('temp clerk');
    const change = await dba('dropRole', { name: 'temp clerk' });
    await expectApplied(testApp, change, [
      ...borrowed('temp clerk'),
      'DROP OWNED BY "temp clerk"',
      'DROP ROLE "temp clerk"',
    ]);
    expect(await configuredRoleNames()).not.toContain('temp clerk');
    expect(await testApp.sql('SELECT id FROM "Invitation"', [], 'rolecall_metadata')).toEqual([]);
  });

  it('refuses while a collaborator works through the role (InUseError), changing nothing', async () => {
    const change = await dba('dropRole', { name: 'head clerk' });
    expect(change).toMatchObject({ __typename: 'InUseError', usedBy: ['carl on shop'] });
    expect(await roleExists(testApp, 'head clerk')).toBe(true);
    expect(await configuredRoleNames()).toContain('head clerk');
  });

  it('refuses a role that owns objects in a database Rolecall is not connected to', async () => {
    await testApp.sql(
      `CREATE ROLE scattered; GRANT scattered TO dba WITH ADMIN ${PG.membershipOptions ? 'TRUE' : 'OPTION'}`,
    );
    await testApp.sql('CREATE DATABASE archive');
    await testApp.sql('CREATE TABLE t (n int); ALTER TABLE t OWNER TO scattered', [], 'archive');
    const change = await dba('dropRole', { name: 'scattered', reassignTo: 'dba' });
    expect(change).toMatchObject({ __typename: 'InUseError', usedBy: ['archive'] });
    expect(await roleExists(testApp, 'scattered')).toBe(true);
  });

  it('refuses the whole drop when the final DROP ROLE would be refused, changing nothing in any database', async () => {
    // dba has the privileges of `borrowed` (so it may reassign its objects) but no ADMIN OPTION (so may not drop it);
    // on 15, where CREATEROLE drops any other role, `borrowed` is a superuser, which only a superuser may drop.
    await testApp.sql(
      PG.createRoleNeedsAdmin
        ? 'CREATE ROLE borrowed; GRANT borrowed TO dba WITH INHERIT TRUE'
        : 'CREATE ROLE borrowed SUPERUSER; GRANT borrowed TO dba',
    );
    await testApp.sql('CREATE TABLE b1 (n int); ALTER TABLE b1 OWNER TO borrowed', [], 'shop');
    await testApp.sql('CREATE TABLE b2 (n int); ALTER TABLE b2 OWNER TO borrowed', [], 'warehouse');
    const events = await eventCount(testApp);
    const change = await dba('dropRole', { name: 'borrowed', reassignTo: 'dba' });
    expectRefused(change, 'PermissionDeniedError', '42501');
    expect(await roleExists(testApp, 'borrowed')).toBe(true);
    expect(await relationOwner(testApp, 'shop', 'public', 'b1')).toBe('borrowed');
    expect(await relationOwner(testApp, 'warehouse', 'public', 'b2')).toBe('borrowed');
    expect(await eventCount(testApp)).toBe(events);
    // A member of a superuser role may become it: dba should not stay one.
    if (!PG.createRoleNeedsAdmin) await testApp.sql('REVOKE borrowed FROM dba');
  });

  // 16 made CREATEROLE need ADMIN OPTION to drop a role; on 15 it may drop (and borrow the privileges of) any
  // non-superuser role, and Rolecall follows each version's rule (drop-role.ts `standing`).
  it(
    PG.createRoleNeedsAdmin
      ? 'refuses to drop a role the acting role holds no ADMIN OPTION on (42501), changing nothing'
      : 'PostgreSQL 15: drops a role the acting role holds nothing on, as CREATEROLE alone may there',
    async () => {
      await testApp.sql('CREATE ROLE stray; GRANT CONNECT ON DATABASE shop TO stray');
      const change = await dba('dropRole', { name: 'stray' });
      if (PG.createRoleNeedsAdmin) {
        expectRefused(change, 'PermissionDeniedError', '42501');
        expect(await roleExists(testApp, 'stray')).toBe(true);
        return;
      }
      expect(change).toMatchObject({ __typename: 'PermissionChange', dryRun: false });
      expect(await roleExists(testApp, 'stray')).toBe(false);
    },
  );

  it('refuses with DependentObjectsError (2BP01) when a grant by another role would remain, changing nothing', async () => {
    // dba may drop `entangled` and reassign what it owns, but not revoke what postgres granted it in warehouse.
    expect((await dba('createRole', { input: { name: 'entangled' } })).__typename).toBe('PermissionChange');
    await adminAsOn16('entangled');
    await testApp.sql('CREATE TABLE e1 (n int); ALTER TABLE e1 OWNER TO entangled', [], 'shop');
    await testApp.sql('CREATE TABLE e2 (n int); GRANT SELECT ON e2 TO entangled', [], 'warehouse');
    const events = await eventCount(testApp);
    const change = await dba('dropRole', { name: 'entangled', reassignTo: 'dba' });
    expect(change).toMatchObject({
      __typename: 'DependentObjectsError',
      code: 'DEPENDENT_OBJECTS',
      sqlstate: '2BP01',
      message: 'role "entangled" cannot be dropped because some objects in warehouse depend on it',
      detail: 'privileges for table public.e2',
    });
    expect(await roleExists(testApp, 'entangled')).toBe(true);
    expect(await relationOwner(testApp, 'shop', 'public', 'e1')).toBe('entangled');
    expect(await membershipRows(testApp, 'entangled')).toEqual(CREATOR_ROWS);
    expect(await eventCount(testApp)).toBe(events);
    // In the database the request is about, PostgreSQL's own refusal comes back the same way.
    await testApp.sql('REVOKE SELECT ON e2 FROM entangled', [], 'warehouse');
    await testApp.sql('CREATE TABLE e3 (n int); GRANT SELECT ON e3 TO entangled', [], 'shop');
    const here = await dba('dropRole', { name: 'entangled', reassignTo: 'dba' });
    expectRefused(here, 'DependentObjectsError', '2BP01');
    expect(here.detail).toBe('privileges for table public.e3');
    expect(await relationOwner(testApp, 'shop', 'public', 'e1')).toBe('entangled');
  });

  it('refuses DROP ROLE to a role without CREATEROLE (42501), changing nothing', async () => {
    expect((await dba('createRole', { input: { name: 'victim' } })).__typename).toBe('PermissionChange');
    const change = await pat('dropRole', { name: 'victim' });
    expectRefused(change, 'PermissionDeniedError', '42501');
    expect(change.message).toBe('permission denied to drop role');
    expect(await roleExists(testApp, 'victim')).toBe(true);
  });

  it('answers an unknown role, or an unknown role to reassign to, with NotFoundError', async () => {
    expect(await dba('dropRole', { name: 'ghost' })).toMatchObject({ __typename: 'NotFoundError' });
    expect(await dba('dropRole', { name: 'scattered', reassignTo: 'ghost' })).toMatchObject({
      __typename: 'NotFoundError',
    });
  });

  it('works from the other connected database too', async () => {
    await testApp.sql(`CREATE ROLE nomad; GRANT nomad TO dba WITH ADMIN ${PG.membershipOptions ? 'TRUE' : 'OPTION'}`);
    const change = await actor(admin, warehouseId)('dropRole', { name: 'nomad' });
    await expectApplied(testApp, change, ['DROP ROLE "nomad"']);
  });
});

describe('names', () => {
  const tooLong = ['r'.repeat(64), 'é'.repeat(32), 'a\u0000b'];

  it('rejects 64-byte names and NUL in every name argument with ValidationError, before anything runs', async () => {
    const events = await eventCount(testApp);
    const roles = await testApp.sql('SELECT count(*)::int AS n FROM pg_roles');
    for (const bad of tooLong) {
      const calls: [Parameters<Act>[0], Record<string, unknown>, string][] = [
        ['createRole', { input: { name: bad } }, 'name'],
        ['alterRole', { name: bad, attributes: { login: true } }, 'role'],
        ['renameRole', { name: 'pat', newName: bad }, 'newName'],
        ['setRolePassword', { name: bad, password: secret() }, 'role'],
        ['dropRole', { name: bad }, 'role'],
        ['dropRole', { name: 'scattered', reassignTo: bad }, 'reassignTo'],
        ['grantMembership', { role: bad, membership: { member: 'pat' } }, 'role'],
        ['grantMembership', { role: 'pat', membership: { member: bad } }, 'member'],
        ['revokeMembership', { role: 'pat', member: bad }, 'member'],
        ['setGroupMembers', { role: bad, members: [] }, 'role'],
        ['grantPrivileges', { object: { kind: 'SCHEMA', name: bad }, grantee: 'pat', privileges: ['USAGE'] }, 'schema'],
        [
          'grantPrivileges',
          { object: { kind: 'TABLE', schema: 'public', name: bad }, grantee: 'pat', privileges: ['SELECT'] },
          'name',
        ],
        ['grantPrivileges', { object: { kind: 'DATABASE' }, grantee: bad, privileges: ['CONNECT'] }, 'grantee'],
        ['revokePrivileges', { object: { kind: 'DATABASE' }, grantee: bad, privileges: ['CONNECT'] }, 'grantee'],
        ['setPrivileges', { object: { kind: 'DATABASE' }, grants: [{ grantee: bad, preset: 'NONE' }] }, 'grantee'],
        ['transferOwnership', { object: { kind: 'SCHEMA', name: 'public' }, newOwner: bad }, 'newOwner'],
        ['transferOwnership', { object: { kind: 'SCHEMA', name: 'public' }, newOwner: 'dba', tables: [bad] }, 'tables'],
        ['createSchema', { name: bad }, 'name'],
        ['createSchema', { name: 'fine', owner: bad }, 'owner'],
      ];
      for (const [mutation, args, field] of calls) {
        const change = await dba(mutation, args);
        expect({ mutation, bad, change }).toMatchObject({
          mutation,
          bad,
          change: { __typename: 'ValidationError', code: 'INVALID_INPUT', field },
        });
      }
    }
    expect(await eventCount(testApp)).toBe(events);
    expect(await testApp.sql('SELECT count(*)::int AS n FROM pg_roles')).toEqual(roles);
  });

  it('accepts a name of exactly 63 bytes', async () => {
    const name = `${'é'.repeat(31)}x`;
    expect(Buffer.byteLength(name)).toBe(63);
    await expectApplied(testApp, await dba('createRole', { input: { name } }), [`CREATE ROLE "${name}" NOLOGIN`]);
    expect(await roleExists(testApp, name)).toBe(true);
    await expectApplied(testApp, await dba('dropRole', { name }), [`DROP ROLE "${name}"`]);
    expect(await roleExists(testApp, name)).toBe(false);
  });
});

it('never returned, logged or recorded a password', async () => {
  expect(leakedSecrets([...transcript, ...testApp.logs, await allEventsText(testApp)])).toEqual([]);
});
