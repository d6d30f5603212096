import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secret, startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import { ERROR_FIELDS, setupAdmin } from './support/fixtures.js';
import { type Act, actor, type Change, catalogOf } from './support/permissions.js';
import { type PostgresVersion, sqlOn, startVersionedCluster, type VersionedCluster } from './support/versions.js';

/**
 * Rolecall connected as a cloud-managed server's admin role (as on RDS, Cloud SQL, Supabase or Neon): LOGIN
 * CREATEROLE CREATEDB, no superuser, member of the predefined roles a cloud grants, owner of its database. Every flow
 * a DBA uses runs through the API as that role, checked against PostgreSQL itself, on every supported version.
 */

const VERSIONS: PostgresVersion[] = [15, 16, 17, 18];
const PREDEFINED = ['pg_monitor', 'pg_read_all_data', 'pg_signal_backend', 'pg_write_all_data'];

let testApp: TestApp;
let admin: TestClient;
const clusters: VersionedCluster[] = [];

beforeAll(async () => {
  testApp = await startTestApp({ DRIFT_INTERVAL_MS: '300' });
  admin = testApp.client();
  await setupAdmin(admin);
});

afterAll(async () => {
  await Promise.all(clusters.map((cluster) => cluster.stop()));
  await testApp?.stop();
});

/** What the cloud's own superuser sets up before handing the server over; `tenant` is a role it made itself. */
async function provisionLikeACloud(cluster: VersionedCluster): Promise<void> {
  await sqlOn(
    cluster,
    `CREATE ROLE cloud_admin LOGIN CREATEROLE CREATEDB;
     GRANT ${PREDEFINED.join(', ')} TO cloud_admin WITH ADMIN OPTION;
     CREATE ROLE tenant LOGIN;`,
  );
  await sqlOn(cluster, 'CREATE DATABASE app OWNER cloud_admin');
  await sqlOn(
    cluster,
    `CREATE SCHEMA shop;
     CREATE TABLE shop.orders (id serial PRIMARY KEY, total int);
     CREATE TABLE shop.customers (id int, name text);`,
    [],
    { database: 'app', user: 'cloud_admin' },
  );
}

async function connectApp(cluster: VersionedCluster): Promise<string> {
  const connected = await admin.field(
    `mutation($input: ConnectDatabaseInput!) { connectDatabase(input: $input) { ${ERROR_FIELDS} ... on Database { id } } }`,
    {
      input: { host: '127.0.0.1', port: cluster.port, database: 'app', role: 'cloud_admin', password: secret('trust') },
    },
  );
  expect(connected).toMatchObject({ __typename: 'Database' });
  return connected.id as string;
}

interface Capabilities {
  alter: boolean;
  drop: boolean;
  manageMembers: boolean;
  manageMembersReason: string | null;
  reason: string | null;
  lockedAttributes: { attribute: string; reason: string }[];
}

async function viewerCan(databaseId: string, role: string): Promise<Capabilities> {
  const catalog = await catalogOf<{ role: { viewerCan: Capabilities } }>(
    admin,
    databaseId,
    `role(name: ${JSON.stringify(role)}) { viewerCan { alter drop manageMembers manageMembersReason reason lockedAttributes { attribute reason } } }`,
  );
  return catalog.role.viewerCan;
}

async function externalEvents(databaseId: string): Promise<{ kind: string; source: string; role?: string }[]> {
  const page = await admin.field<{ events: { kind: string; source: string; role?: string }[] }>(
    `query($db: ID) { auditLog(databaseId: $db, first: 100) { ${ERROR_FIELDS}
      ... on EventPage { events { kind source ... on RoleEvent { role } } } } }`,
    { db: databaseId },
  );
  return page.events.filter((event) => event.source === 'EXTERNAL');
}

/** A typed refusal (insufficient privilege) and PostgreSQL's own words for it: its message and, on 16+, its detail. */
function reasonOf(change: Change): string {
  expect(change).toMatchObject({ __typename: 'PermissionDeniedError', sqlstate: '42501' });
  return [change.message, change.detail].filter(Boolean).join(' ');
}

async function until(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.each(VERSIONS)('PostgreSQL %i as a cloud-managed CREATEROLE admin', (version) => {
  let cluster: VersionedCluster | undefined;
  let skipped = '';
  let appId: string;
  let dba: Act;
  const sql = <T = Record<string, unknown>>(text: string, values: unknown[] = [], database = 'app') =>
    sqlOn<T>(cluster as VersionedCluster, text, values, { database });

  beforeAll(async () => {
    const started = await startVersionedCluster(version);
    if ('skipped' in started) {
      skipped = started.skipped;
      console.log(`PostgreSQL ${version} skipped: ${skipped}`);
      return;
    }
    cluster = started;
    clusters.push(started);
    await provisionLikeACloud(started);
    appId = await connectApp(started);
    dba = actor(admin, appId);
  });

  const maybe = (name: string, body: () => Promise<void>) =>
    it(name, async (test) => {
      if (!cluster) {
        test.skip();
        return;
      }
      await body();
    });

  /** Grantee → privileges of a table, as Rolecall shows them to the cloud admin. */
  const tableGrants = async (table: string) => {
    const catalog = await catalogOf<{
      schema: { tables: { name: string; grants: { grantee: { name: string } | null; privileges: string[] }[] }[] };
    }>(admin, appId, 'schema(name: "shop") { tables { name grants { grantee { name } privileges } } }');
    const grants = catalog.schema.tables.find((entry) => entry.name === table)?.grants ?? [];
    return Object.fromEntries(grants.map((grant) => [grant.grantee?.name ?? 'PUBLIC', [...grant.privileges].sort()]));
  };

  /** The same from aclexplode, as a DBA would read it in psql. */
  const aclOf = async (relation: string) => {
    const rows = await sql<{ grantee: string; privileges: string[] }>(
      `SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END AS grantee,
              array_agg(a.privilege_type ORDER BY a.privilege_type) AS privileges
         FROM pg_class c, aclexplode(c.relacl) a WHERE c.oid = $1::regclass GROUP BY 1`,
      [relation],
    );
    return Object.fromEntries(rows.map((row) => [row.grantee, row.privileges]));
  };

  maybe('reads roles with memberships, schemas and tables with owners and grants', async () => {
    const catalog = await catalogOf<{
      role: { memberOf: { role: { name: string }; admin: boolean }[] };
      schema: { owner: { name: string }; tables: { name: string; owner: { name: string } }[] };
    }>(
      admin,
      appId,
      `role(name: "cloud_admin") { memberOf { role { name } admin } }
       schema(name: "shop") { owner { name } tables { name owner { name } grants { grantee { name } privileges } } }`,
    );
    const memberships = catalog.role.memberOf.map((edge) => [edge.role.name, edge.admin]).sort();
    const truth = await sql<{ role: string; admin: boolean }>(
      `SELECT pg_get_userbyid(roleid) AS role, bool_or(admin_option) AS admin FROM pg_auth_members
        WHERE member = 'cloud_admin'::regrole GROUP BY 1 ORDER BY 1`,
    );
    expect(memberships).toEqual(truth.map((row) => [row.role, row.admin]));
    expect(catalog.schema.owner.name).toBe('cloud_admin');
    const relations = await sql<{ relname: string; owner: string }>(
      `SELECT relname, pg_get_userbyid(relowner) AS owner FROM pg_class
        WHERE relnamespace = 'shop'::regnamespace AND relkind IN ('r', 'v', 'm', 'p', 'f', 'S') ORDER BY relname`,
    );
    expect(catalog.schema.tables.map((table) => [table.name, table.owner.name]).sort()).toEqual(
      relations.map((row) => [row.relname, row.owner]),
    );
  });

  maybe('creates a LOGIN role and a group, and grants membership with ADMIN, INHERIT and SET', async () => {
    expect(
      await dba('createRole', { input: { name: 'app_user', login: true, password: secret('app-user') } }),
    ).toMatchObject({
      __typename: 'PermissionChange',
    });
    expect(await dba('createRole', { input: { name: 'app_readers' } })).toMatchObject({
      __typename: 'PermissionChange',
    });
    const options = version >= 16 ? { admin: true, inherit: false, set: true } : { admin: true };
    const granted = await dba('grantMembership', {
      role: 'app_readers',
      membership: { member: 'app_user', ...options },
    });
    expect(granted).toMatchObject({ __typename: 'PermissionChange' });
    const rows = await sql<{ admin_option: boolean; inherit_option?: boolean; set_option?: boolean }>(
      `SELECT * FROM pg_auth_members WHERE roleid = 'app_readers'::regrole AND member = 'app_user'::regrole`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject(
      version >= 16 ? { admin_option: true, inherit_option: false, set_option: true } : { admin_option: true },
    );
    const login = await sql<{ rolcanlogin: boolean }>("SELECT rolcanlogin FROM pg_roles WHERE rolname = 'app_user'");
    expect(login[0]?.rolcanlogin).toBe(true);
  });

  maybe('grants table privileges with schema and sequence USAGE, and revokes them', async () => {
    const granted = await dba('grantPrivileges', {
      object: { kind: 'TABLE', schema: 'shop', name: 'orders' },
      grantee: 'app_readers',
      privileges: ['SELECT', 'INSERT'],
      withSchemaUsage: true,
      withSequenceUsage: true,
    });
    expect(granted).toMatchObject({ __typename: 'PermissionChange' });
    const held = async () =>
      (
        await sql<{ s: boolean; i: boolean; usage: boolean; seq: boolean }>(
          `SELECT has_table_privilege('app_readers', 'shop.orders', 'SELECT') AS s,
                  has_table_privilege('app_readers', 'shop.orders', 'INSERT') AS i,
                  has_schema_privilege('app_readers', 'shop', 'USAGE') AS usage,
                  has_sequence_privilege('app_readers', 'shop.orders_id_seq', 'USAGE') AS seq`,
        )
      )[0];
    expect(await held()).toEqual({ s: true, i: true, usage: true, seq: true });
    const revoked = await dba('revokePrivileges', {
      object: { kind: 'TABLE', schema: 'shop', name: 'orders' },
      grantee: 'app_readers',
      privileges: ['INSERT'],
    });
    expect(revoked).toMatchObject({ __typename: 'PermissionChange' });
    expect(await held()).toEqual({ s: true, i: false, usage: true, seq: true });
    expect(await tableGrants('orders')).toEqual(await aclOf('shop.orders'));
  });

  maybe('explains effective privileges and dependencies of a role', async () => {
    const catalog = await catalogOf<{
      effectivePrivileges: { nodes: { privilege: string; held: boolean }[] };
      role: { dependencies: { database: string; owned: number; privileges: number }[] };
    }>(
      admin,
      appId,
      `effectivePrivileges(role: "app_user", object: { kind: TABLE, schema: "shop", name: "orders" }) { ${ERROR_FIELDS}
         ... on DatabaseCatalogEffectivePrivilegesConnection { nodes { privilege held } } }
       role(name: "app_readers") { dependencies { database owned privileges } }`,
    );
    const held = catalog.effectivePrivileges.nodes.filter((entry) => entry.held).map((entry) => entry.privilege);
    const truth = await sql<{ p: string }>(
      `SELECT p FROM unnest(ARRAY['SELECT','INSERT','UPDATE','DELETE','TRUNCATE','REFERENCES','TRIGGER']) p
        WHERE has_table_privilege('app_user', 'shop.orders', p)`,
    );
    expect(held.sort()).toEqual(truth.map((row) => row.p).sort());
    const privileges = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_shdepend WHERE refobjid = 'app_readers'::regrole AND deptype = 'a'
          AND dbid = (SELECT oid FROM pg_database WHERE datname = 'app')`,
    );
    expect(catalog.role.dependencies).toEqual([{ database: 'app', owned: 0, privileges: privileges[0]?.n }]);
  });

  maybe('transfers a table to a role it may SET ROLE to, and drops a role reassigning what it owns', async () => {
    const customers = { kind: 'TABLE', schema: 'shop', name: 'customers' };
    if (version >= 16) {
      // A role made with CREATEROLE on 16+ is granted to its creator WITH ADMIN only: no SET ROLE yet.
      const refused = await dba('transferOwnership', { object: customers, newOwner: 'app_readers' });
      expect(reasonOf(refused)).toBe('must be able to SET ROLE "app_readers"');
    }
    const self = await dba('grantMembership', {
      role: 'app_readers',
      membership: { member: 'cloud_admin', ...(version >= 16 ? { inherit: false, set: true } : {}) },
    });
    expect(self).toMatchObject({ __typename: 'PermissionChange' });
    // A new owner must also hold CREATE on the table's schema.
    const create = await dba('grantPrivileges', {
      object: { kind: 'SCHEMA', name: 'shop' },
      grantee: 'app_readers',
      privileges: ['CREATE'],
    });
    expect(create).toMatchObject({ __typename: 'PermissionChange' });
    expect(await dba('transferOwnership', { object: customers, newOwner: 'app_readers' })).toMatchObject({
      __typename: 'PermissionChange',
    });
    const owner = async () =>
      (
        await sql<{ owner: string }>(
          "SELECT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE oid = 'shop.customers'::regclass",
        )
      )[0]?.owner;
    expect(await owner()).toBe('app_readers');
    expect(await dba('dropRole', { name: 'app_readers', reassignTo: 'cloud_admin' })).toMatchObject({
      __typename: 'PermissionChange',
    });
    expect(await owner()).toBe('cloud_admin');
    expect(await sql("SELECT 1 FROM pg_roles WHERE rolname = 'app_readers'")).toHaveLength(0);
  });

  maybe('the drift watcher reports a role created directly on the server', async () => {
    await sqlOn(cluster as VersionedCluster, 'CREATE ROLE made_in_psql', [], {
      database: 'app',
      user: 'cloud_admin',
    });
    await until(
      async () => (await externalEvents(appId)).some((event) => event.role === 'made_in_psql'),
      10_000,
      'an EXTERNAL role.created event',
    );
  });

  maybe("says beforehand it cannot change a table the cloud's superuser owns, and PostgreSQL agrees", async () => {
    await sql('CREATE TABLE shop.vendor_audit (id int)');
    const vendorAudit = { kind: 'TABLE', schema: 'shop', name: 'vendor_audit' };
    const catalog = await catalogOf<{ schema: { tables: { name: string; viewerCan: Record<string, unknown> }[] } }>(
      admin,
      appId,
      'schema(name: "shop") { tables { name viewerCan { changePrivileges transferOwnership reason } } }',
    );
    expect(catalog.schema.tables.find((table) => table.name === 'vendor_audit')?.viewerCan).toEqual({
      changePrivileges: false,
      transferOwnership: false,
      reason: 'Only the owner (postgres), a member of it, or a superuser can do this.',
    });
    // pg_read_all_data gives it SELECT, so PostgreSQL only warns that it granted nothing.
    const grant = await dba('grantPrivileges', { object: vendorAudit, grantee: 'app_user', privileges: ['SELECT'] });
    expect(grant).toMatchObject({ __typename: 'NothingChanged' });
    expect(grant.warnings).toContain('no privileges were granted for "vendor_audit"');
    const transfer = await dba('transferOwnership', { object: vendorAudit, newOwner: 'cloud_admin' });
    expect(reasonOf(transfer)).toBe('must be owner of table vendor_audit');
    const table = await sql<{ owner: string; acl: string | null }>(
      `SELECT pg_get_userbyid(relowner) AS owner, relacl::text AS acl FROM pg_class WHERE oid = 'shop.vendor_audit'::regclass`,
    );
    expect(table[0]).toEqual({ owner: 'postgres', acl: null });
  });

  maybe('the drift watcher reports a privilege granted directly on the server', async () => {
    await sqlOn(cluster as VersionedCluster, 'GRANT UPDATE ON shop.orders TO app_user', [], {
      database: 'app',
      user: 'cloud_admin',
    });
    const reported = () =>
      testApp.sql(
        `SELECT 1 FROM "Event" WHERE source = 'EXTERNAL' AND "databaseId" = $1::uuid AND kind = 'privileges.changed'
            AND payload->>'object' = 'shop.orders' AND payload->>'grantee' = 'app_user' AND payload->'granted' = '["UPDATE"]'`,
        [
          Buffer.from(appId, 'base64')
            .toString()
            .replace(/^Database:/, ''),
        ],
        'rolecall_metadata',
      );
    await until(async () => (await reported()).length === 1, 10_000, 'an EXTERNAL privileges.changed event');
  });

  maybe('grants the predefined roles it holds WITH ADMIN OPTION, and explains the access they give', async () => {
    expect((await viewerCan(appId, 'pg_read_all_data')).manageMembers).toBe(true);
    const granted = await dba('grantMembership', { role: 'pg_read_all_data', membership: { member: 'app_user' } });
    expect(granted).toMatchObject({ __typename: 'PermissionChange' });
    const catalog = await catalogOf<{
      effectivePrivileges: {
        nodes: { privilege: string; held: boolean; sources: { predefinedRole: string | null }[] }[];
      };
    }>(
      admin,
      appId,
      `effectivePrivileges(role: "app_user", object: { kind: TABLE, schema: "shop", name: "customers" }) { ${ERROR_FIELDS}
         ... on DatabaseCatalogEffectivePrivilegesConnection { nodes { privilege held sources { predefinedRole } } } }`,
    );
    const select = catalog.effectivePrivileges.nodes.find((entry) => entry.privilege === 'SELECT');
    expect(select).toMatchObject({ held: true, sources: [{ predefinedRole: 'pg_read_all_data' }] });
    const truth = await sql<{ held: boolean }>(
      "SELECT has_table_privilege('app_user', 'shop.customers', 'SELECT') AS held",
    );
    expect(truth[0]?.held).toBe(true);
  });

  maybe('refuses what needs more than the role has, with the reason beforehand and a typed error', async () => {
    const postgres = await viewerCan(appId, 'postgres');
    expect(postgres).toMatchObject({
      alter: false,
      drop: false,
      manageMembers: false,
      reason: expect.stringMatching(/superuser/),
    });
    expect(reasonOf(await dba('grantMembership', { role: 'postgres', membership: { member: 'app_user' } }))).toMatch(
      /superuser|SUPERUSER/,
    );

    const locked = new Map(
      (await viewerCan(appId, 'app_user')).lockedAttributes.map((lock) => [lock.attribute, lock.reason]),
    );
    expect(locked.get('REPLICATION')).toMatch(/REPLICATION/);
    expect(locked.get('BYPASSRLS')).toMatch(/BYPASSRLS/);
    expect(reasonOf(await dba('alterRole', { name: 'app_user', attributes: { replication: true } }))).toMatch(
      /replication/i,
    );
    expect(reasonOf(await dba('alterRole', { name: 'app_user', attributes: { bypassRls: true } }, true))).toMatch(
      /bypassrls/i,
    );
    const flags = await sql<{ rolreplication: boolean; rolbypassrls: boolean }>(
      "SELECT rolreplication, rolbypassrls FROM pg_roles WHERE rolname = 'app_user'",
    );
    expect(flags[0]).toEqual({ rolreplication: false, rolbypassrls: false });
  });

  maybe('on 16+ refuses roles it holds no ADMIN OPTION on; on 15 CREATEROLE still acts on them', async () => {
    const tenant = await viewerCan(appId, 'tenant');
    const checkpoint = await viewerCan(appId, 'pg_checkpoint');
    const grantCheckpoint = () => dba('grantMembership', { role: 'pg_checkpoint', membership: { member: 'app_user' } });
    if (version < 16) {
      expect(tenant).toMatchObject({ alter: true, drop: true, manageMembers: true });
      expect(checkpoint.manageMembers).toBe(true);
      expect(await grantCheckpoint()).toMatchObject({ __typename: 'PermissionChange' });
      expect(await dba('dropRole', { name: 'tenant' })).toMatchObject({ __typename: 'PermissionChange' });
      expect(await sql("SELECT 1 FROM pg_roles WHERE rolname = 'tenant'")).toHaveLength(0);
      return;
    }
    expect(tenant).toMatchObject({ alter: false, drop: false, manageMembers: false });
    expect(tenant.reason).toBe('Your role "cloud_admin" has CREATEROLE but no ADMIN OPTION on "tenant".');
    expect(reasonOf(await dba('alterRole', { name: 'tenant', attributes: { createDb: true } }, true))).toMatch(
      /ADMIN option on role "tenant" may alter/,
    );
    expect(reasonOf(await dba('dropRole', { name: 'tenant' }))).toMatch(/ADMIN option on role "tenant" may drop/);
    expect(checkpoint).toMatchObject({
      manageMembers: false,
      manageMembersReason: 'Your role "cloud_admin" has no ADMIN OPTION on "pg_checkpoint".',
    });
    expect(reasonOf(await grantCheckpoint())).toMatch(/ADMIN option on role "pg_checkpoint"/);
    expect(await sql("SELECT 1 FROM pg_roles WHERE rolname = 'tenant' AND NOT rolcreatedb")).toHaveLength(1);
    expect(await sql("SELECT 1 FROM pg_auth_members WHERE roleid = 'pg_checkpoint'::regrole")).toHaveLength(0);
  });
});
