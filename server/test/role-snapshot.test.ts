import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RoleSnapshots } from '../src/catalog/role-snapshot.js';
import { allMemberships, allRoles } from '../src/catalog/roles.js';
import { serverFeatures } from '../src/catalog/server.js';
import { secret, startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import { connect, createManagedDatabase, setupAdmin } from './support/fixtures.js';

let testApp: TestApp;
let admin: TestClient;
let shopId: string;
/** Two sessions of different roles and settings, as two viewers' requests would be. */
let owner: pg.Client;
let reader: pg.Client;
/** PostgreSQL 16+: per-grant INHERIT and SET (the file runs on any version: ROLECALL_TEST_PG). */
let membershipOptions: boolean;

const ROLE = `query($id: ID!, $name: String!) {
  database(id: $id) { ... on Database { catalog { ... on DatabaseCatalog {
    role(name: $name) {
      name createDb validUntil
      memberOf { role { name } admin inherit set }
      members { member { name } }
    }
  } } } } }`;

interface Shown {
  name: string;
  createDb: boolean;
  validUntil: string | null;
  memberOf: { role: { name: string }; admin: boolean; inherit: boolean; set: boolean }[];
  members: { member: { name: string } }[];
}

async function shown(name: string): Promise<Shown | null> {
  const result = await admin.request<{ database: { catalog: { role: Shown | null } } }>(ROLE, { id: shopId, name });
  expect(result.errors).toBeUndefined();
  const role = result.data?.database.catalog.role ?? null;
  if (!role) return null;
  return {
    ...role,
    memberOf: [...role.memberOf].sort((a, b) => a.role.name.localeCompare(b.role.name)),
    members: [...role.members].sort((a, b) => a.member.name.localeCompare(b.member.name)),
  };
}

/** What PostgreSQL says of the same role, in the same shape. */
async function inCatalog(name: string): Promise<Shown | null> {
  const [role] = await testApp.sql<{ rolcreatedb: boolean; valid_until: string | null }>(
    `SELECT rolcreatedb, to_char(rolvaliduntil AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS valid_until
       FROM pg_roles WHERE rolname = $1`,
    [name],
  );
  if (!role) return null;
  const memberOf = await testApp.sql<{ name: string; admin: boolean; inherit: boolean; set: boolean }>(
    // PostgreSQL 15 has no per-grant INHERIT or SET: the member's INHERIT decides, and any member may SET ROLE.
    `SELECT g.rolname AS name, bool_or(m.admin_option) AS admin,
            ${membershipOptions ? 'bool_or(m.inherit_option)' : 'bool_or(r.rolinherit)'} AS inherit,
            ${membershipOptions ? 'bool_or(m.set_option)' : 'true'} AS set
       FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles r ON r.oid = m.member
      WHERE r.rolname = $1 GROUP BY g.rolname ORDER BY g.rolname`,
    [name],
  );
  const members = await testApp.sql<{ name: string }>(
    `SELECT r.rolname AS name FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
       JOIN pg_roles r ON r.oid = m.member WHERE g.rolname = $1 GROUP BY r.rolname ORDER BY r.rolname`,
    [name],
  );
  return {
    name,
    createDb: role.rolcreatedb,
    validUntil: role.valid_until,
    memberOf: memberOf.map(({ name: group, admin, inherit, set }) => ({ role: { name: group }, admin, inherit, set })),
    members: members.map((member) => ({ member: { name: member.name } })),
  };
}

async function expectShownAsInCatalog(...names: string[]): Promise<void> {
  for (const name of names) expect(await shown(name), name).toEqual(await inCatalog(name));
}

beforeAll(async () => {
  testApp = await startTestApp();
  admin = testApp.client();
  await setupAdmin(admin);
  const shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
  // The role Rolecall reads as has settings of its own: they change neither what it shows nor the fingerprint.
  await testApp.sql(
    `ALTER ROLE shop_owner SET DateStyle = 'German'; ALTER ROLE shop_owner SET TimeZone = 'Pacific/Chatham'`,
  );
  shopId = await connect(admin, testApp, shop);
  await testApp.sql('CREATE ROLE "Snap Group" NOLOGIN; CREATE ROLE snap_other NOLOGIN; CREATE ROLE "snap_é" LOGIN');
  owner = new pg.Client(testApp.cluster.url('shop'));
  await owner.connect();
  membershipOptions = (await serverFeatures(owner)).membershipOptions;
  const password = secret('snap_reader');
  await testApp.sql(`CREATE ROLE snap_reader LOGIN PASSWORD '${password}'`);
  const url = new URL(testApp.cluster.url('shop'));
  url.username = 'snap_reader';
  url.password = password;
  reader = new pg.Client(url.toString());
  await reader.connect();
  // Rolecall pins DateStyle (the driver reads ISO dates only); a role's time zone is its own.
  await reader.query(`SET TimeZone = 'Asia/Kolkata'`);
});

afterAll(async () => {
  await owner?.end();
  await reader?.end();
  await testApp?.stop();
});

describe('the shared snapshot of a server’s roles and memberships', () => {
  it('is read once and shared while nothing changes, whatever role or session settings ask', async () => {
    const snapshots = new RoleSnapshots();
    const features = await serverFeatures(owner);
    const first = await snapshots.current('server', owner, features);
    expect(await snapshots.current('server', reader, features)).toBe(first);
    expect(await snapshots.current('server', owner, features)).toBe(first);
    expect([...first.roles]).toEqual(await allRoles(owner));
    expect(new Set(first.memberships.map((m) => JSON.stringify(m)))).toEqual(
      new Set((await allMemberships(owner, features)).map((m) => JSON.stringify(m))),
    );
  });

  it('cannot be shaped by a viewer who puts functions of its own ahead of pg_catalog on its search_path', async () => {
    await testApp.sql('GRANT CREATE ON DATABASE shop TO snap_reader');
    await reader.query(`CREATE SCHEMA evil;
      CREATE FUNCTION evil.concat_ws(text, int, int, int, int) RETURNS text LANGUAGE sql AS $$ SELECT '1 2 10 7' $$;
      CREATE FUNCTION evil.hashtextextended(text, bigint) RETURNS bigint LANGUAGE sql AS $$ SELECT 42::bigint $$;
      SET search_path = evil, pg_catalog`);
    try {
      const snapshots = new RoleSnapshots();
      const features = await serverFeatures(owner);
      // The shadowing viewer reads first: the snapshot every other viewer then gets is the catalog's.
      const first = await snapshots.current('server', reader, features);
      expect(await snapshots.current('server', owner, features)).toBe(first);
      expect(new Set(first.memberships.map((m) => JSON.stringify(m)))).toEqual(
        new Set((await allMemberships(owner, features)).map((m) => JSON.stringify(m))),
      );
      await testApp.sql('GRANT snap_other TO "Snap Group"');
      expect(await snapshots.current('server', reader, features)).not.toBe(first);
      await testApp.sql('REVOKE snap_other FROM "Snap Group"');
    } finally {
      await reader.query('RESET search_path; DROP SCHEMA evil CASCADE');
      await testApp.sql('REVOKE CREATE ON DATABASE shop FROM snap_reader');
    }
  });

  it('is read again after each kind of change, and then equals the catalog', async () => {
    const snapshots = new RoleSnapshots();
    const features = await serverFeatures(owner);
    const changes = [
      'CREATE ROLE snap_new',
      'ALTER ROLE snap_new CREATEDB',
      "ALTER ROLE snap_new VALID UNTIL '2031-01-01 00:00:00+00'",
      'ALTER ROLE snap_new RENAME TO snap_renamed',
      'GRANT "Snap Group" TO snap_renamed',
      'GRANT "Snap Group" TO snap_renamed WITH ADMIN OPTION',
      'REVOKE ADMIN OPTION FOR "Snap Group" FROM snap_renamed',
      membershipOptions ? 'GRANT snap_other TO snap_renamed WITH INHERIT FALSE' : 'GRANT snap_other TO snap_renamed',
      'REVOKE "Snap Group" FROM snap_renamed',
      'DROP ROLE snap_renamed',
    ];
    let previous = await snapshots.current('server', owner, features);
    for (const change of changes) {
      await testApp.sql(change);
      const next = await snapshots.current('server', reader, features);
      expect(next, change).not.toBe(previous);
      expect([...next.roles], change).toEqual(await allRoles(owner));
      expect(new Set(next.memberships.map((m) => JSON.stringify(m))), change).toEqual(
        new Set((await allMemberships(owner, features)).map((m) => JSON.stringify(m))),
      );
      previous = next;
    }
  });

  it('is not fooled by a change undone: a membership granted and revoked again leaves what the catalog has', async () => {
    const snapshots = new RoleSnapshots();
    const features = await serverFeatures(owner);
    const before = await snapshots.current('server', owner, features);
    await testApp.sql('GRANT snap_other TO "snap_é"');
    const during = await snapshots.current('server', owner, features);
    await testApp.sql('REVOKE snap_other FROM "snap_é"');
    const after = await snapshots.current('server', owner, features);
    expect(during.memberships.length).toBe(before.memberships.length + 1);
    expect(after.memberships.length).toBe(before.memberships.length);
    expect(new Set(after.memberships.map((m) => JSON.stringify(m)))).toEqual(
      new Set((await allMemberships(owner, features)).map((m) => JSON.stringify(m))),
    );
  });

  it('shows each change made in psql on the very next request, as PostgreSQL has it', async () => {
    await expectShownAsInCatalog('Snap Group', 'snap_é');
    for (const change of [
      'GRANT "Snap Group" TO "snap_é" WITH ADMIN OPTION',
      'ALTER ROLE "snap_é" CREATEDB VALID UNTIL \'2030-06-01 12:00:00+00\'',
      'REVOKE ADMIN OPTION FOR "Snap Group" FROM "snap_é"',
      `GRANT snap_other TO "Snap Group"${membershipOptions ? ' WITH SET FALSE' : ''}`,
      'REVOKE "Snap Group" FROM "snap_é"',
      'ALTER ROLE "snap_é" NOCREATEDB VALID UNTIL \'infinity\'',
    ]) {
      await testApp.sql(change);
      await expectShownAsInCatalog('Snap Group', 'snap_é', 'snap_other');
    }
  });
});
