import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secret, startTestApp, type TestApp, testedPostgres } from './support/app.js';
import type { TestClient } from './support/client.js';
import {
  addCollaborator,
  configureRole,
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
  CHANGE_FIELDS,
  type Change,
  catalogOf,
  collaboratorThrough,
  eventCount,
  expectApplied,
  expectDryRun,
  expectRefused,
  roleExists,
} from './support/permissions.js';

/**
 * Role settings, comments, VALID UNTIL and CREATE ROLE's REPLICATION / BYPASSRLS, written through the API as real
 * signed-in users, and a role's definition as SQL. `dba` (LOGIN CREATEROLE, owner of `shop`) holds ADMIN OPTION on
 * the roles it may change; `root` is a superuser, through which the admin works on `warehouse`. Runs on any version
 * (ROLECALL_TEST_PG): PostgreSQL's own verdict differs between 15 and 16+, and the tests say where.
 */
let testApp: TestApp;
let admin: TestClient;
let shopId: string;
let warehouseId: string;
let dba: Act;
let root: Act;

/** A role whose name needs every kind of quoting, and a value that would end a literal and a quoted name. */
const ODD = `odd "q" rôle's ½`;
const ODD_SQL = `"odd ""q"" rôle's ½"`;
const ODD_VALUE = `it's "quoted" \\ back=slash ü`;

type SettingMutation = 'setRoleSetting' | 'resetRoleSetting' | 'setRoleComment';

const ARGUMENTS: Record<SettingMutation, Record<string, string>> = {
  setRoleSetting: { role: 'String!', name: 'String!', value: 'String!', inDatabase: 'Boolean' },
  resetRoleSetting: { role: 'String!', name: 'String!', inDatabase: 'Boolean' },
  setRoleComment: { role: 'String!', comment: 'String' },
};

/** One of this file's mutations, as `client` on `databaseId`: the change, or its typed error. */
async function change(
  client: TestClient,
  databaseId: string,
  mutation: SettingMutation,
  args: Record<string, unknown>,
  dryRun = false,
): Promise<Change> {
  const types: Record<string, string> = { ...ARGUMENTS[mutation], databaseId: 'ID!', dryRun: 'Boolean' };
  const variables = { ...args, databaseId, dryRun };
  const names = Object.keys(variables);
  const declared = names.map((name) => `$${name}: ${types[name]}`).join(', ');
  const passed = names.map((name) => `${name}: $${name}`).join(', ');
  return client.field<Change>(
    `mutation(${declared}) { ${mutation}(${passed}) { ${CHANGE_FIELDS} ... on NothingChanged { dryRun sql warnings } } }`,
    variables,
  );
}

const asDba = (mutation: SettingMutation, args: Record<string, unknown>, dryRun = false) =>
  change(admin, shopId, mutation, args, dryRun);

/** A role's settings as PostgreSQL keeps them: `database|name=value`, sorted. */
async function settingsOf(role: string): Promise<string[]> {
  const rows = await testApp.sql<{ setting: string }>(
    `SELECT coalesce(d.datname, '*') || '|' || c AS setting
       FROM pg_db_role_setting s LEFT JOIN pg_database d ON d.oid = s.setdatabase, unnest(s.setconfig) c
      WHERE s.setrole = (SELECT oid FROM pg_roles WHERE rolname = $1) ORDER BY 1`,
    [role],
  );
  return rows.map((row) => row.setting);
}

async function commentOf(role: string): Promise<string | null> {
  const rows = await testApp.sql<{ comment: string | null }>(
    `SELECT shobj_description(oid, 'pg_authid') AS comment FROM pg_roles WHERE rolname = $1`,
    [role],
  );
  return rows[0]?.comment ?? null;
}

async function payloadOf(change: Change): Promise<Record<string, unknown>> {
  const rows = await testApp.sql<{ payload: Record<string, unknown> }>(
    'SELECT payload FROM "Event" WHERE id = $1',
    [change.eventId],
    'rolecall_metadata',
  );
  return rows[0]?.payload ?? {};
}

/** A role `dba` may change on every version: ADMIN OPTION on it (16+), CREATEROLE (15). */
async function roleForDba(name: string, attributes = ''): Promise<void> {
  const quoted = `"${name.replaceAll('"', '""')}"`;
  await testApp.sql(`CREATE ROLE ${quoted} ${attributes}; GRANT ${quoted} TO dba WITH ADMIN OPTION`);
}

beforeAll(async () => {
  testApp = await startTestApp();
  admin = testApp.client();
  await setupAdmin(admin);
  const shop = await createManagedDatabase(testApp, 'shop', 'dba');
  shopId = await connect(admin, testApp, shop);
  const rootPassword = secret('root');
  await testApp.sql(`CREATE ROLE root LOGIN SUPERUSER PASSWORD '${rootPassword}'`);
  await testApp.sql('CREATE DATABASE warehouse OWNER root');
  const connected = await admin.field(
    `mutation($input: ConnectDatabaseInput!) { connectDatabase(input: $input) { ${ERROR_FIELDS} ... on Database { id } } }`,
    {
      input: {
        host: '127.0.0.1',
        port: testApp.cluster.port,
        database: 'warehouse',
        role: 'root',
        password: rootPassword,
      },
    },
  );
  warehouseId = connected.id as string;
  dba = actor(admin, shopId);
  root = actor(admin, warehouseId);
  await roleForDba('app_user', 'LOGIN');
  await roleForDba(ODD);
});

afterAll(async () => {
  await testApp?.stop();
});

describe('setting a role’s parameters', () => {
  it('a dry run shows the exact SQL, gives a preview token, and changes nothing', async () => {
    const events = await eventCount(testApp);
    const preview = await asDba(
      'setRoleSetting',
      { role: 'app_user', name: 'work_mem', value: '64MB', inDatabase: true },
      true,
    );
    expectDryRun(preview, [`ALTER ROLE "app_user" IN DATABASE "shop" SET "work_mem" = '64MB'`]);
    expect(await settingsOf('app_user')).toEqual([]);
    expect(await eventCount(testApp)).toBe(events);
  });

  it('sets a parameter for every database; the event says what PostgreSQL kept before and after', async () => {
    const set = await asDba('setRoleSetting', { role: 'app_user', name: 'work_mem', value: '64MB' });
    await expectApplied(testApp, set, [`ALTER ROLE "app_user" SET "work_mem" = '64MB'`]);
    expect(await settingsOf('app_user')).toEqual(['*|work_mem=64MB']);
    expect(await payloadOf(set)).toMatchObject({
      name: 'app_user',
      actingRole: 'dba',
      setting: { name: 'work_mem', database: null, before: null, after: '64MB' },
    });
    const shown = await catalogOf<{ role: { settings: unknown[] } }>(
      admin,
      shopId,
      'role(name: "app_user") { settings { database name value } }',
    );
    expect(shown.role.settings).toEqual([{ database: null, name: 'work_mem', value: '64MB' }]);
  });

  it('sets one IN DATABASE, the connected one only, beside the one for every database', async () => {
    const set = await asDba('setRoleSetting', {
      role: 'app_user',
      name: 'statement_timeout',
      value: '5s',
      inDatabase: true,
    });
    await expectApplied(testApp, set, [`ALTER ROLE "app_user" IN DATABASE "shop" SET "statement_timeout" = '5s'`]);
    expect(await settingsOf('app_user')).toEqual(['*|work_mem=64MB', 'shop|statement_timeout=5s']);
    expect((await payloadOf(set)).setting).toEqual({
      name: 'statement_timeout',
      database: 'shop',
      before: null,
      after: '5s',
    });
  });

  it('a new value replaces the old one, and the event and the event feed tell both', async () => {
    const set = await asDba('setRoleSetting', { role: 'app_user', name: 'WORK_MEM', value: '128MB' });
    await expectApplied(testApp, set, [`ALTER ROLE "app_user" SET "WORK_MEM" = '128MB'`]);
    expect(await settingsOf('app_user')).toEqual(['*|work_mem=128MB', 'shop|statement_timeout=5s']);
    const feed = await admin.field<{ events: unknown[] }>(
      `query($db: ID!) { auditLog(databaseId: $db, kinds: ["role.altered"], first: 1) { ${ERROR_FIELDS}
        ... on EventPage { events { ... on RoleEvent { role setting { name database before after } comment { before } } } } } }`,
      { db: shopId },
    );
    expect(feed.events).toEqual([
      {
        role: 'app_user',
        setting: { name: 'work_mem', database: null, before: '64MB', after: '128MB' },
        comment: null,
      },
    ]);
  });

  it('setting the value a parameter already has changes nothing, and records nothing', async () => {
    const events = await eventCount(testApp);
    const again = await asDba('setRoleSetting', { role: 'app_user', name: 'work_mem', value: '128MB' });
    expect(again).toMatchObject({ __typename: 'NothingChanged', dryRun: false });
    expect(await eventCount(testApp)).toBe(events);
  });

  it('resets it; resetting one that is not set is NothingChanged', async () => {
    const reset = await asDba('resetRoleSetting', { role: 'app_user', name: 'statement_timeout', inDatabase: true });
    await expectApplied(testApp, reset, [`ALTER ROLE "app_user" IN DATABASE "shop" RESET "statement_timeout"`]);
    expect((await payloadOf(reset)).setting).toEqual({
      name: 'statement_timeout',
      database: 'shop',
      before: '5s',
      after: null,
    });
    expect(await settingsOf('app_user')).toEqual(['*|work_mem=128MB']);
    const events = await eventCount(testApp);
    const missing = await asDba('resetRoleSetting', { role: 'app_user', name: 'statement_timeout' });
    expect(missing).toMatchObject({
      __typename: 'NothingChanged',
      sql: [`ALTER ROLE "app_user" RESET "statement_timeout"`],
    });
    expect(await eventCount(testApp)).toBe(events);
  });

  it('hostile role names, custom parameter names and values round-trip exactly: SQL, catalog and event', async () => {
    const asRoot = (mutation: SettingMutation, args: Record<string, unknown>, dryRun = false) =>
      change(admin, warehouseId, mutation, args, dryRun);
    const sql = [`ALTER ROLE ${ODD_SQL} SET "my_app"."Tenant$1" = E'it''s "quoted" \\\\ back=slash ü'`];
    expectDryRun(await asRoot('setRoleSetting', { role: ODD, name: 'my_app.Tenant$1', value: ODD_VALUE }, true), sql);
    const set = await asRoot('setRoleSetting', { role: ODD, name: 'my_app.Tenant$1', value: ODD_VALUE });
    await expectApplied(testApp, set, sql);
    expect(await settingsOf(ODD)).toEqual([`*|my_app.Tenant$1=${ODD_VALUE}`]);
    expect(await payloadOf(set)).toMatchObject({
      name: ODD,
      setting: { name: 'my_app.Tenant$1', database: null, before: null, after: ODD_VALUE },
    });
    const reset = await asRoot('resetRoleSetting', { role: ODD, name: 'my_app.Tenant$1' });
    await expectApplied(testApp, reset, [`ALTER ROLE ${ODD_SQL} RESET "my_app"."Tenant$1"`]);
    expect((await payloadOf(reset)).setting).toEqual({
      name: 'my_app.Tenant$1',
      database: null,
      before: ODD_VALUE,
      after: null,
    });
    expect(await settingsOf(ODD)).toEqual([]);
  });

  it('a custom parameter no module defines is the superuser’s to set (PostgreSQL cannot know its level)', async () => {
    const refused = await asDba('setRoleSetting', { role: ODD, name: 'my_app.tenant', value: 'x' });
    expectRefused(refused, 'PermissionDeniedError', '42501');
    const set = await asDba('setRoleSetting', { role: ODD, name: 'work_mem', value: '1MB' });
    await expectApplied(testApp, set, [`ALTER ROLE ${ODD_SQL} SET "work_mem" = '1MB'`]);
    expect(await settingsOf(ODD)).toEqual(['*|work_mem=1MB']);
    await expectApplied(testApp, await asDba('resetRoleSetting', { role: ODD, name: 'work_mem' }), [
      `ALTER ROLE ${ODD_SQL} RESET "work_mem"`,
    ]);
  });

  it('a list parameter takes its elements as RoleSetting.value shows them, and gives back the same value', async () => {
    const value = `app, "my schema", "$user", "x ""y"""`;
    const set = await asDba('setRoleSetting', { role: 'app_user', name: 'search_path', value });
    await expectApplied(testApp, set, [
      `ALTER ROLE "app_user" SET "search_path" = 'app', 'my schema', '$user', 'x "y"'`,
    ]);
    expect(await settingsOf('app_user')).toContain(`*|search_path=${value}`);
    const again = await asDba('setRoleSetting', { role: 'app_user', name: 'search_path', value });
    expect(again.__typename).toBe('NothingChanged');
    const unpaired = await asDba('setRoleSetting', { role: 'app_user', name: 'search_path', value: 'a, "b' });
    expect(unpaired).toMatchObject({ __typename: 'ValidationError', field: 'value' });
  });

  it.each(['work_mem; DROP ROLE dba', 'work_mem = 1', 'a..b', '.a', 'work mem', '1abc', '"work_mem"', ''])(
    'refuses the parameter name %j before any SQL runs',
    async (name) => {
      const events = await eventCount(testApp);
      const before = await settingsOf('app_user');
      const refused = await asDba('setRoleSetting', { role: 'app_user', name, value: '1MB' });
      expect(refused).toMatchObject({ __typename: 'ValidationError', field: 'name' });
      expect(await settingsOf('app_user')).toEqual(before);
      expect(await roleExists(testApp, 'dba')).toBe(true);
      expect(await eventCount(testApp)).toBe(events);
    },
  );

  it('an unknown parameter and an invalid value are PostgreSQL’s refusals, typed, and nothing changes', async () => {
    const events = await eventCount(testApp);
    const unknown = await asDba('setRoleSetting', { role: 'app_user', name: 'no_such_parameter', value: '1' });
    expectRefused(unknown, 'UndefinedObjectError', '42704');
    const invalid = await asDba('setRoleSetting', { role: 'app_user', name: 'work_mem', value: 'lots' });
    expectRefused(invalid, 'PostgresError', '22023');
    const missingRole = await asDba('setRoleSetting', { role: 'nobody here', name: 'work_mem', value: '1MB' });
    expect(missingRole).toMatchObject({ __typename: 'NotFoundError' });
    expect(await settingsOf('app_user')).toContain('*|work_mem=128MB');
    expect(await eventCount(testApp)).toBe(events);
  });

  it('a superuser-only parameter is refused to a CREATEROLE role and set by a superuser', async () => {
    const refused = await asDba('setRoleSetting', { role: 'app_user', name: 'log_statement', value: 'all' });
    expectRefused(refused, 'PermissionDeniedError', '42501');
    expect(await settingsOf('app_user')).not.toContain('*|log_statement=all');
    const set = await change(admin, warehouseId, 'setRoleSetting', {
      role: 'app_user',
      name: 'log_statement',
      value: 'all',
    });
    await expectApplied(testApp, set, [`ALTER ROLE "app_user" SET "log_statement" = 'all'`]);
    expect(await settingsOf('app_user')).toContain('*|log_statement=all');
  });

  it('a CREATEROLE role cannot change a superuser’s settings', async () => {
    const refused = await asDba('setRoleSetting', { role: 'root', name: 'work_mem', value: '1MB' });
    expectRefused(refused, 'PermissionDeniedError', '42501');
    expect(await settingsOf('root')).toEqual([]);
  });
});

describe('a role’s comment', () => {
  it('is set, previewed exactly, changed, and cleared with null; the event tells before and after', async () => {
    const comment = `Reporting; it's "quoted" — ü \\ x`;
    const sql = [`COMMENT ON ROLE ${ODD_SQL} IS E'Reporting; it''s "quoted" — ü \\\\ x'`];
    expectDryRun(await asDba('setRoleComment', { role: ODD, comment }, true), sql);
    expect(await commentOf(ODD)).toBeNull();
    const set = await asDba('setRoleComment', { role: ODD, comment });
    await expectApplied(testApp, set, sql);
    expect(await commentOf(ODD)).toBe(comment);
    expect(await payloadOf(set)).toMatchObject({ name: ODD, comment: { before: null, after: comment } });
    const shown = await catalogOf<{ role: { comment: string } }>(
      admin,
      shopId,
      `role(name: ${JSON.stringify(ODD)}) { comment }`,
    );
    expect(shown.role.comment).toBe(comment);

    const cleared = await asDba('setRoleComment', { role: ODD, comment: null });
    await expectApplied(testApp, cleared, [`COMMENT ON ROLE ${ODD_SQL} IS NULL`]);
    expect(await commentOf(ODD)).toBeNull();
    expect((await payloadOf(cleared)).comment).toEqual({ before: comment, after: null });
  });

  it('clearing a comment that is not there changes nothing', async () => {
    const events = await eventCount(testApp);
    expect((await asDba('setRoleComment', { role: ODD })).__typename).toBe('NothingChanged');
    expect(await eventCount(testApp)).toBe(events);
  });
});

describe('VALID UNTIL', () => {
  async function validUntil(role: string): Promise<string | null> {
    const rows = await testApp.sql<{ at: string | null }>(
      'SELECT rolvaliduntil::text AS at FROM pg_roles WHERE rolname = $1',
      [role],
    );
    return rows[0]?.at ?? null;
  }

  it('is set to a time and cleared to infinity', async () => {
    const set = await dba('alterRole', { name: 'app_user', attributes: { validUntil: '2031-02-03T04:05:06.000Z' } });
    await expectApplied(testApp, set, [`ALTER ROLE "app_user" VALID UNTIL '2031-02-03T04:05:06.000Z'`]);
    expect(await validUntil('app_user')).toMatch(/^2031-02-0[23] /);
    const cleared = await dba('alterRole', { name: 'app_user', attributes: { validUntilInfinity: true } });
    await expectApplied(testApp, cleared, [`ALTER ROLE "app_user" VALID UNTIL 'infinity'`]);
    expect(await validUntil('app_user')).toBe('infinity');
    expect((await payloadOf(cleared)).changes).toEqual(['VALID UNTIL infinity']);
  });

  it('a time and infinity at once are refused', async () => {
    const both = await dba('alterRole', {
      name: 'app_user',
      attributes: { validUntil: '2031-02-03T04:05:06.000Z', validUntilInfinity: true },
    });
    expect(both).toMatchObject({ __typename: 'ValidationError', field: 'validUntilInfinity' });
    expect(await validUntil('app_user')).toBe('infinity');
  });
});

describe('CREATE ROLE … REPLICATION / BYPASSRLS', () => {
  it('a CREATEROLE role without them is refused by PostgreSQL, typed, and nothing is created', async () => {
    const events = await eventCount(testApp);
    for (const attribute of ['replication', 'bypassRls']) {
      const name = `made_${attribute}`;
      const refused = await dba('createRole', { input: { name, [attribute]: true } });
      expectRefused(refused, 'PermissionDeniedError', '42501');
      expect(await roleExists(testApp, name)).toBe(false);
    }
    expect(await eventCount(testApp)).toBe(events);
  });

  it('a superuser creates them', async () => {
    const created = await root('createRole', { input: { name: 'replicator', replication: true, bypassRls: true } });
    await expectApplied(testApp, created, [`CREATE ROLE "replicator" NOLOGIN REPLICATION BYPASSRLS`]);
    const rows = await testApp.sql('SELECT rolreplication, rolbypassrls FROM pg_roles WHERE rolname = $1', [
      'replicator',
    ]);
    expect(rows).toEqual([{ rolreplication: true, rolbypassrls: true }]);
  });

  it('a CREATEROLE role that has REPLICATION itself may give it on 16+, never on 15', async () => {
    const password = secret('repl_dba');
    await testApp.sql(`CREATE ROLE repl_dba LOGIN CREATEROLE REPLICATION PASSWORD '${password}'`);
    await testApp.sql('GRANT CONNECT ON DATABASE shop TO repl_dba');
    const replDba = actor(await collaboratorThrough(testApp, admin, shopId, 'rex', 'repl_dba', password), shopId);
    const made = await replDba('createRole', { input: { name: 'standby', replication: true } });
    if (testedPostgres.version >= 16) {
      await expectApplied(testApp, made, [`CREATE ROLE "standby" NOLOGIN REPLICATION`]);
      expect(await roleExists(testApp, 'standby')).toBe(true);
    } else {
      expectRefused(made, 'PermissionDeniedError', '42501');
      expect(await roleExists(testApp, 'standby')).toBe(false);
    }
  });
});

describe('insiders with weak roles', () => {
  let member: TestClient;
  let manager: TestClient;

  beforeAll(async () => {
    member = await collaboratorThrough(testApp, admin, shopId, 'pat', 'pat', await createLoginRole(testApp, 'pat'));
    const miaPassword = await createLoginRole(testApp, 'mia');
    const configured = await configureRole(admin, shopId, 'mia', miaPassword);
    const user = await createUser(admin, 'mia_user');
    const added = await addCollaborator(admin, {
      databaseId: shopId,
      userId: user.id,
      configuredRoleId: configured.id as string,
      access: 'MANAGER',
    });
    expect(added.__typename).toBe('Collaborator');
    manager = testApp.client();
    await signIn(manager, 'mia_user', user.password);
  });

  it('a MEMBER or MANAGER working through a plain role cannot set a powerful role’s settings or comment', async () => {
    const events = await eventCount(testApp);
    for (const client of [member, manager]) {
      for (const role of ['dba', 'root']) {
        const set = await change(client, shopId, 'setRoleSetting', { role, name: 'work_mem', value: '1kB' });
        expectRefused(set, 'PermissionDeniedError', '42501');
        const preview = await change(client, shopId, 'setRoleSetting', { role, name: 'work_mem', value: '1kB' }, true);
        expectRefused(preview, 'PermissionDeniedError', '42501');
        const comment = await change(client, shopId, 'setRoleComment', { role, comment: 'pwned' });
        expectRefused(comment, 'PermissionDeniedError', '42501');
      }
    }
    expect(await settingsOf('dba')).toEqual([]);
    expect(await settingsOf('root')).toEqual([]);
    expect(await commentOf('dba')).toBeNull();
    expect(await eventCount(testApp)).toBe(events);
  });
});

describe('a role’s definition as SQL', () => {
  const MODEL = `model "def" rôle`;
  const COPY = `model "def" rôle (original)`;

  /** What makes a role what it is, without its name and OID: attributes, settings, comment, memberships. */
  async function definitionFacts(role: string) {
    const [facts] = await testApp.sql(
      `SELECT r.rolsuper, r.rolinherit, r.rolcreaterole, r.rolcreatedb, r.rolcanlogin, r.rolreplication,
              r.rolbypassrls, r.rolconnlimit, r.rolvaliduntil::text AS valid_until,
              shobj_description(r.oid, 'pg_authid') AS comment,
              (SELECT json_agg(x ORDER BY x) FROM (
                 SELECT coalesce(d.datname, '*') || '|' || c AS x
                   FROM pg_db_role_setting s LEFT JOIN pg_database d ON d.oid = s.setdatabase, unnest(s.setconfig) c
                  WHERE s.setrole = r.oid) t) AS settings,
              (SELECT json_agg(x ORDER BY x) FROM (
                 SELECT format('%s admin=%s inherit=%s set=%s', g.rolname, m.admin_option, ${
                   testedPostgres.membershipOptions ? 'm.inherit_option, m.set_option' : `'-', '-'`
                 }) AS x
                   FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid) t) AS memberships
         FROM pg_roles r WHERE r.rolname = $1`,
      [role],
    );
    return facts;
  }

  beforeAll(async () => {
    const quoted = `"${MODEL.replaceAll('"', '""')}"`;
    const options = testedPostgres.membershipOptions
      ? ' WITH ADMIN TRUE, INHERIT FALSE, SET FALSE'
      : ' WITH ADMIN OPTION';
    await testApp.sql(`CREATE ROLE g_readers; CREATE ROLE "g ""odd"" writers";
      CREATE ROLE ${quoted} LOGIN NOINHERIT CREATEDB CONNECTION LIMIT 7 VALID UNTIL '2031-02-03 04:05:06.789012+00';
      ALTER ROLE ${quoted} SET work_mem = '8MB';
      ALTER ROLE ${quoted} SET search_path = 'a=b', "x ""y""", '$user';
      ALTER ROLE ${quoted} SET my_app.tenant = E'it''s \\\\ "q"';
      ALTER ROLE ${quoted} IN DATABASE shop SET statement_timeout = '5s';
      COMMENT ON ROLE ${quoted} IS 'Model; it''s "quoted" — ü';
      GRANT g_readers TO ${quoted};
      GRANT "g ""odd"" writers" TO ${quoted}${options}`);
  });

  it('gives CREATE ROLE with every attribute, the settings, the comment and the memberships, quoted exactly', async () => {
    const { role } = await catalogOf<{ role: { definitionSql: string[] } }>(
      admin,
      shopId,
      `role(name: ${JSON.stringify(MODEL)}) { definitionSql }`,
    );
    const name = `"model ""def"" rôle"`;
    const writers = testedPostgres.membershipOptions
      ? `GRANT "g ""odd"" writers" TO ${name} WITH ADMIN TRUE, INHERIT FALSE, SET FALSE`
      : `GRANT "g ""odd"" writers" TO ${name} WITH ADMIN OPTION`;
    const readers = testedPostgres.membershipOptions
      ? `GRANT "g_readers" TO ${name} WITH ADMIN FALSE, INHERIT FALSE, SET TRUE`
      : `GRANT "g_readers" TO ${name}`;
    expect(role.definitionSql).toEqual([
      `CREATE ROLE ${name} NOSUPERUSER LOGIN NOINHERIT NOCREATEROLE CREATEDB NOREPLICATION NOBYPASSRLS CONNECTION LIMIT 7 VALID UNTIL '2031-02-03T04:05:06.789012Z'`,
      `ALTER ROLE ${name} SET "my_app"."tenant" = E'it''s \\\\ "q"'`,
      `ALTER ROLE ${name} SET "search_path" = 'a=b', 'x "y"', '$user'`,
      `ALTER ROLE ${name} SET "work_mem" = '8MB'`,
      `ALTER ROLE ${name} IN DATABASE "shop" SET "statement_timeout" = '5s'`,
      `COMMENT ON ROLE ${name} IS 'Model; it''s "quoted" — ü'`,
      writers,
      readers,
    ]);
  });

  it('run on the server (the original renamed aside), recreates the same role', async () => {
    const { role } = await catalogOf<{ role: { definitionSql: string[] } }>(
      admin,
      shopId,
      `role(name: ${JSON.stringify(MODEL)}) { definitionSql }`,
    );
    await testApp.sql(`ALTER ROLE "${MODEL.replaceAll('"', '""')}" RENAME TO "${COPY.replaceAll('"', '""')}"`);
    for (const statement of role.definitionSql) await testApp.sql(statement, [], 'shop');
    const [original, recreated] = [await definitionFacts(COPY), await definitionFacts(MODEL)];
    expect(recreated).toEqual(original);
    expect(recreated).toMatchObject({ rolconnlimit: 7, valid_until: expect.stringContaining('.789012') });
    expect((recreated as { settings: string[] }).settings).toHaveLength(4);
  });

  it('a plain role is a CREATE ROLE alone, with VALID UNTIL infinity kept apart from none', async () => {
    await testApp.sql(`CREATE ROLE plain_def; CREATE ROLE forever_def VALID UNTIL 'infinity'`);
    const { plain, forever } = await catalogOf<{
      plain: { definitionSql: string[] };
      forever: { definitionSql: string[] };
    }>(
      admin,
      shopId,
      'plain: role(name: "plain_def") { definitionSql } forever: role(name: "forever_def") { definitionSql }',
    );
    expect(plain.definitionSql).toEqual([
      'CREATE ROLE "plain_def" NOSUPERUSER NOLOGIN INHERIT NOCREATEROLE NOCREATEDB NOREPLICATION NOBYPASSRLS CONNECTION LIMIT -1',
    ]);
    expect(forever.definitionSql).toEqual([
      `CREATE ROLE "forever_def" NOSUPERUSER NOLOGIN INHERIT NOCREATEROLE NOCREATEDB NOREPLICATION NOBYPASSRLS CONNECTION LIMIT -1 VALID UNTIL 'infinity'`,
    ]);
  });
});
