import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leakedSecrets, startTestApp, type TestApp, testedPostgres, transcript } from './support/app.js';
import type { TestClient } from './support/client.js';
import { connect, createLoginRole, createManagedDatabase, setupAdmin } from './support/fixtures.js';
import {
  type Act,
  actor,
  allEventsText,
  catalogOf,
  collaboratorThrough,
  databaseAcl,
  eventCount,
  expectApplied,
  expectDryRun,
  expectNothingChanged,
  expectRefused,
  hasTablePrivilege,
  membershipRows,
  relationAcl,
  relationOwner,
  schemaAcl,
  schemaOwner,
} from './support/permissions.js';

/**
 * Memberships, privileges and ownership, each acting as a non-superuser role with exactly the rights it needs:
 * - dba: LOGIN CREATEROLE, owns the database (ADMIN OPTION on the groups it creates, nothing more);
 * - owner (olive): owns schema `sales` and its relations, member of `sales_team`;
 * - mia: member of `owners`, which owns schema `inventory`;
 * - gina: receives grant options; pat: plain, and refused.
 */
let testApp: TestApp;
let shopId: string;
const clients: Record<string, TestClient> = {};
let dba: Act;
let olive: Act;
let mia: Act;
let gina: Act;
let pat: Act;

beforeAll(async () => {
  testApp = await startTestApp();
  const admin = testApp.client();
  await setupAdmin(admin);
  shopId = await connect(admin, testApp, await createManagedDatabase(testApp, 'shop', 'dba'));
  clients.dba = admin;
  const passwords: Record<string, string> = {};
  for (const role of ['owner', 'mia', 'gina', 'pat']) passwords[role] = await createLoginRole(testApp, role);
  await testApp.sql(`
    CREATE ROLE owners NOLOGIN; CREATE ROLE sales_team NOLOGIN; CREATE ROLE dba_team NOLOGIN;
    GRANT owners TO mia; GRANT sales_team TO owner; GRANT dba_team TO dba;`);
  await testApp.sql(
    `CREATE SCHEMA sales AUTHORIZATION owner;
     SET ROLE owner;
     CREATE TABLE sales.orders (id serial PRIMARY KEY, total numeric);
     CREATE VIEW sales.order_totals AS SELECT sum(total) AS total FROM sales.orders;
     CREATE MATERIALIZED VIEW sales.monthly AS SELECT 1 AS n;
     CREATE TABLE sales.events (at date) PARTITION BY RANGE (at);
     CREATE SEQUENCE sales.invoice_seq;
     RESET ROLE;
     CREATE TABLE sales.notes (n text); ALTER TABLE sales.notes OWNER TO gina;
     CREATE SCHEMA inventory AUTHORIZATION owners;
     CREATE TABLE inventory.items (sku text); ALTER TABLE inventory.items OWNER TO owners;`,
    [],
    'shop',
  );
  for (const role of ['owner', 'mia', 'gina', 'pat'])
    clients[role] = await collaboratorThrough(testApp, admin, shopId, `${role}_user`, role, passwords[role] as string);
  [dba, olive, mia, gina, pat] = ['dba', 'owner', 'mia', 'gina', 'pat'].map((role) =>
    actor(clients[role] as TestClient, shopId),
  ) as [Act, Act, Act, Act, Act];
});

afterAll(async () => {
  await testApp?.stop();
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const PG = testedPostgres;

/**
 * The GRANT Rolecall writes for a membership: on 16+ with every option spelled out; PostgreSQL 15 has only ADMIN
 * OPTION (inheritance follows the member's INHERIT attribute, and any member may SET ROLE).
 */
function grantSql(role: string, member: string, { admin = false, inherit = true, set = true } = {}): string {
  const head = `GRANT "${role}" TO "${member}"`;
  if (!PG.membershipOptions) return admin ? `${head} WITH ADMIN OPTION` : head;
  const option = (on: boolean) => (on ? 'TRUE' : 'FALSE');
  return `${head} WITH ADMIN ${option(admin)}, INHERIT ${option(inherit)}, SET ${option(set)}`;
}

/** What Rolecall says on 15 of the options it could not apply (`subjects` in its note). */
const unsupported = (options: string[]) =>
  PG.membershipOptions
    ? []
    : [`PostgreSQL 15 has no per-grant ${options.join(' or ')}: inheritance follows the member's INHERIT attribute.`];

/** 16+: the creator of a role holds ADMIN OPTION on it, granted by the bootstrap superuser; 15 grants nothing. */
const CREATOR_ROWS = PG.createRoleNeedsAdmin ? ['dba by postgres admin=true inherit=false set=false'] : [];

const ORDERS = { kind: 'TABLE', schema: 'sales', name: 'orders' };
const TOTALS = { kind: 'TABLE', schema: 'sales', name: 'order_totals' };
const SALES = { kind: 'SCHEMA', name: 'sales' };
const DATABASE = { kind: 'DATABASE' };

describe('memberships', () => {
  beforeAll(async () => {
    for (const name of ['analysts', 'leads', 'team', 'crew']) {
      const created = await dba('createRole', { input: { name } });
      expect(created.__typename).toBe('PermissionChange');
    }
  });

  it('grants a membership with ADMIN, INHERIT and SET: the dry run changes nothing, then the grant is by the actor', async () => {
    const sql = [grantSql('analysts', 'pat')];
    expectDryRun(await dba('grantMembership', { role: 'analysts', membership: { member: 'pat' } }, true), sql);
    expect(await membershipRows(testApp, 'analysts')).toEqual(CREATOR_ROWS);
    await expectApplied(
      testApp,
      await dba('grantMembership', { role: 'analysts', membership: { member: 'pat' } }),
      sql,
    );
    expect(await membershipRows(testApp, 'analysts')).toEqual([
      ...CREATOR_ROWS,
      'pat by dba admin=false inherit=true set=true',
    ]);
    const { role } = await catalogOf<{ role: { members: unknown[] } }>(
      clients.pat as TestClient,
      shopId,
      'role(name: "analysts") { members { member { name } admin inherit set grants { grantor { name } } } }',
    );
    expect(role.members).toContainEqual({
      member: { name: 'pat' },
      admin: false,
      inherit: true,
      set: true,
      grants: [{ grantor: { name: 'dba' } }],
    });
  });

  it('grants again to change the options of the existing grant (on 15 only ADMIN, saying so)', async () => {
    const change = await dba('grantMembership', {
      role: 'analysts',
      membership: { member: 'pat', admin: true, inherit: false },
    });
    await expectApplied(
      testApp,
      change,
      [grantSql('analysts', 'pat', { admin: true, inherit: false })],
      unsupported(['INHERIT FALSE']),
    );
    expect(await membershipRows(testApp, 'analysts')).toContain(
      `pat by dba admin=true inherit=${!PG.membershipOptions} set=true`,
    );
  });

  it('refuses a membership cycle (0LP01) and a role in itself, changing nothing', async () => {
    await expectApplied(testApp, await dba('grantMembership', { role: 'analysts', membership: { member: 'leads' } }), [
      grantSql('analysts', 'leads'),
    ]);
    const events = await eventCount(testApp);
    const cycle = await dba('grantMembership', { role: 'leads', membership: { member: 'analysts' } });
    expectRefused(cycle, 'InvalidGrantError', '0LP01');
    expect(await membershipRows(testApp, 'leads')).toEqual(CREATOR_ROWS);
    expect(await dba('grantMembership', { role: 'leads', membership: { member: 'leads' } })).toMatchObject({
      __typename: 'ValidationError',
      field: 'member',
    });
    expect(await eventCount(testApp)).toBe(events);
  });

  it('refuses to grant a role the actor holds no ADMIN OPTION on (42501)', async () => {
    const change = await gina('grantMembership', { role: 'analysts', membership: { member: 'mia' } });
    expectRefused(change, 'PermissionDeniedError', '42501');
    expect((await membershipRows(testApp, 'analysts')).join()).not.toContain('mia');
  });

  it('revokes a membership: dry run, then applied', async () => {
    const sql = ['REVOKE "analysts" FROM "leads"'];
    expectDryRun(await dba('revokeMembership', { role: 'analysts', member: 'leads' }, true), sql);
    expect((await membershipRows(testApp, 'analysts')).join()).toContain('leads');
    await expectApplied(testApp, await dba('revokeMembership', { role: 'analysts', member: 'leads' }), sql);
    expect((await membershipRows(testApp, 'analysts')).join()).not.toContain('leads');
  });

  it(
    PG.membershipOptions
      ? 'answers NothingChanged, recording nothing, when a REVOKE leaves a membership granted by another grantor'
      : 'PostgreSQL 15: revokes a membership granted by another grantor (one grant per membership, any grantor)',
    async () => {
      await testApp.sql('GRANT analysts TO gina');
      if (PG.membershipOptions) await revokeLeavesAnotherGrantorsGrant();
      else await revokeRemovesAnotherGrantorsGrant();
    },
  );

  /** 16+: a REVOKE removes only the acting role's own grant; postgres's stays, and nothing changed. */
  async function revokeLeavesAnotherGrantorsGrant() {
    const events = await eventCount(testApp);
    const warnings = [
      'role "gina" has not been granted membership in role "analysts" by role "dba"',
      'gina is still a member of analysts through a grant by postgres; only that grantor (or a superuser) can revoke it.',
    ];
    const preview = await dba('revokeMembership', { role: 'analysts', member: 'gina' }, true);
    expect(preview).toMatchObject({ __typename: 'NothingChanged', dryRun: true, warnings });
    const change = await dba('revokeMembership', { role: 'analysts', member: 'gina' });
    await expectNothingChanged(testApp, events, change, ['REVOKE "analysts" FROM "gina"'], warnings);
    expect(await membershipRows(testApp, 'analysts')).toContain('gina by postgres admin=false inherit=true set=true');
  }

  /** 15 keeps no grantor per grant that REVOKE must match: dba's REVOKE removes what postgres granted. */
  async function revokeRemovesAnotherGrantorsGrant() {
    const sql = ['REVOKE "analysts" FROM "gina"'];
    expectDryRun(await dba('revokeMembership', { role: 'analysts', member: 'gina' }, true), sql);
    expect(await membershipRows(testApp, 'analysts')).toContain('gina by postgres admin=false inherit=true set=true');
    await expectApplied(testApp, await dba('revokeMembership', { role: 'analysts', member: 'gina' }), sql);
    expect((await membershipRows(testApp, 'analysts')).join()).not.toContain('gina');
  }

  it('answers NothingChanged with PostgreSQL’s notice when a membership is granted again as it is', async () => {
    const events = await eventCount(testApp);
    const again = { role: 'analysts', membership: { member: 'pat', admin: true, inherit: false } };
    const preview = await dba('grantMembership', again, true);
    expect(preview).toMatchObject({ __typename: 'NothingChanged', dryRun: true });
    const change = await dba('grantMembership', again);
    expect(change).toMatchObject({ __typename: 'NothingChanged', code: 'NOTHING_CHANGED', dryRun: false });
    expect(change.warnings?.join(' ')).toMatch(/pat.*analysts/);
    expect(await eventCount(testApp)).toBe(events);
  });

  /** 16+: dba's own grant from creating the group, kept as it is; on 15 CREATEROLE needs no membership at all. */
  const DBA_ADMIN = PG.createRoleNeedsAdmin ? [{ member: 'dba', admin: true, inherit: false, set: false }] : [];
  /** An option PostgreSQL keeps per grant changes: SET on 16+; on 15, where a grant has only ADMIN, that. */
  const PAT_CHANGED = PG.membershipOptions ? { member: 'pat', set: false } : { member: 'pat', admin: true };
  const PAT_CHANGED_ROW = PG.membershipOptions
    ? 'pat by dba admin=false inherit=true set=false'
    : 'pat by dba admin=true inherit=true set=true';

  it('sets the members of a group exactly, with the smallest diff: what already matches is left alone', async () => {
    const members = [...DBA_ADMIN, { member: 'pat' }, { member: 'gina', inherit: false }];
    const sql = [grantSql('team', 'pat'), grantSql('team', 'gina', { inherit: false })];
    const warnings = unsupported(['INHERIT FALSE']);
    expectDryRun(await dba('setGroupMembers', { role: 'team', members }, true), sql, warnings);
    expect(await membershipRows(testApp, 'team')).toEqual(CREATOR_ROWS);
    const event = await expectApplied(testApp, await dba('setGroupMembers', { role: 'team', members }), sql, warnings);
    expect(event).toMatchObject({ kind: 'members.set' });
    expect(await membershipRows(testApp, 'team')).toEqual([
      ...CREATOR_ROWS,
      `gina by dba admin=false inherit=${!PG.membershipOptions} set=true`,
      'pat by dba admin=false inherit=true set=true',
    ]);
  });

  it('changes options, adds and removes members in one diff', async () => {
    const members = [...DBA_ADMIN, PAT_CHANGED, { member: 'mia' }];
    await expectApplied(testApp, await dba('setGroupMembers', { role: 'team', members }), [
      grantSql('team', 'pat', PAT_CHANGED),
      grantSql('team', 'mia'),
      'REVOKE "team" FROM "gina"',
    ]);
    expect(await membershipRows(testApp, 'team')).toEqual([
      ...CREATOR_ROWS,
      'mia by dba admin=false inherit=true set=true',
      PAT_CHANGED_ROW,
    ]);
  });

  it('runs nothing and records nothing when the members already are exactly these', async () => {
    const events = await eventCount(testApp);
    const members = [...DBA_ADMIN, PAT_CHANGED, { member: 'mia' }];
    const change = await dba('setGroupMembers', { role: 'team', members });
    expect(change).toEqual({
      __typename: 'PermissionChange',
      dryRun: false,
      sql: [],
      warnings: [],
      notes: [],
      eventId: null,
      previewToken: null,
    });
    expect(await eventCount(testApp)).toBe(events);
  });

  it('asks for INHERIT FALSE as a change on 16+, and on 15 (no per-grant options) runs and records nothing', async () => {
    const events = await eventCount(testApp);
    const members = [...DBA_ADMIN, PAT_CHANGED, { member: 'mia', inherit: false }];
    const preview = await dba('setGroupMembers', { role: 'team', members }, true);
    if (PG.membershipOptions) {
      expectDryRun(preview, [grantSql('team', 'mia', { inherit: false })]);
      return;
    }
    const change = await dba('setGroupMembers', { role: 'team', members });
    expect(change).toMatchObject({ sql: [], warnings: unsupported(['INHERIT FALSE']), eventId: null });
    expect(await eventCount(testApp)).toBe(events);
  });

  it('applies all of the diff or none of it', async () => {
    await expectApplied(testApp, await dba('grantMembership', { role: 'crew', membership: { member: 'team' } }), [
      grantSql('crew', 'team'),
    ]);
    const before = await membershipRows(testApp, 'team');
    const members = [...DBA_ADMIN, PAT_CHANGED, { member: 'mia' }, { member: 'owner' }, { member: 'crew' }];
    const change = await dba('setGroupMembers', { role: 'team', members });
    expectRefused(change, 'InvalidGrantError', '0LP01');
    expect(await membershipRows(testApp, 'team')).toEqual(before);
  });

  it('refuses to set the members of a group to a role without ADMIN OPTION on it (42501)', async () => {
    const before = await membershipRows(testApp, 'team');
    // gina: no CREATEROLE, not a member of team (on 15 pat now holds ADMIN OPTION on it).
    const change = await gina('setGroupMembers', { role: 'team', members: [{ member: 'gina' }] });
    expectRefused(change, 'PermissionDeniedError', '42501');
    expect(await membershipRows(testApp, 'team')).toEqual(before);
  });
});

const SEQUENCE_WARNING = (table: string, who: string) =>
  `${who} needs USAGE on sequence(s) "sales"."${table}_id_seq" to INSERT into sales.${table}: without it inserts fail with "permission denied for sequence"; pass withSequenceUsage.`;
const noUsage = (who: string, object = 'sales.orders') =>
  `${who} has no USAGE on schema sales, so access to ${object} does nothing; pass withSchemaUsage to grant it too.`;

describe('privileges', () => {
  it('grants on a table: the dry run warns that the schema USAGE is missing, and withSchemaUsage adds it', async () => {
    const args = { object: ORDERS, grantee: 'pat', privileges: ['select'] };
    const dryRun = await olive('grantPrivileges', args, true);
    expectDryRun(dryRun, ['GRANT SELECT ON TABLE "sales"."orders" TO "pat"'], [noUsage('pat')]);
    // The same, as data: what a UI words for people and offers to fix, without reading the prose.
    expect(dryRun.notes).toEqual([
      {
        code: 'SCHEMA_USAGE_MISSING',
        grantee: 'pat',
        object: 'sales.orders',
        subjects: ['sales'],
        grantor: null,
        fixOption: 'withSchemaUsage',
      },
    ]);
    expect(await relationAcl(testApp, 'shop', 'sales', 'orders')).toBe('null');
    const change = await olive('grantPrivileges', { ...args, withSchemaUsage: true });
    await expectApplied(testApp, change, [
      'GRANT USAGE ON SCHEMA "sales" TO "pat"',
      'GRANT SELECT ON TABLE "sales"."orders" TO "pat"',
    ]);
    await testApp.sql('SET ROLE pat; SELECT count(*) FROM sales.orders', [], 'shop');
    expect(await hasTablePrivilege(testApp, 'shop', 'pat', 'sales.orders', 'SELECT')).toBe(true);
  });

  it('warns that INSERT needs USAGE on the serial column’s sequence, and withSequenceUsage grants it', async () => {
    const args = { object: ORDERS, grantee: 'pat', privileges: ['INSERT'] };
    const dryRun = await olive('grantPrivileges', args, true);
    expectDryRun(dryRun, ['GRANT INSERT ON TABLE "sales"."orders" TO "pat"'], [SEQUENCE_WARNING('orders', 'pat')]);
    expect(dryRun.notes).toEqual([
      {
        code: 'SEQUENCE_USAGE_MISSING',
        grantee: 'pat',
        object: 'sales.orders',
        subjects: ['sales.orders_id_seq'],
        grantor: null,
        fixOption: 'withSequenceUsage',
      },
    ]);
    await expectApplied(testApp, await olive('grantPrivileges', { ...args, withSequenceUsage: true }), [
      'GRANT INSERT ON TABLE "sales"."orders" TO "pat"',
      'GRANT USAGE ON SEQUENCE "sales"."orders_id_seq" TO "pat"',
    ]);
    await testApp.sql('SET ROLE pat; INSERT INTO sales.orders (total) VALUES (10)', [], 'shop');
  });

  it('grants WITH GRANT OPTION; the catalog shows it and the holder can use it', async () => {
    await expectApplied(
      testApp,
      await olive('grantPrivileges', {
        object: ORDERS,
        grantee: 'gina',
        privileges: ['SELECT'],
        withGrantOption: true,
        withSchemaUsage: true,
      }),
      ['GRANT USAGE ON SCHEMA "sales" TO "gina"', 'GRANT SELECT ON TABLE "sales"."orders" TO "gina" WITH GRANT OPTION'],
    );
    const { schema } = await catalogOf<{
      schema: { tables: { name: string; grants: unknown[]; viewerCan: unknown }[] };
    }>(
      clients.gina as TestClient,
      shopId,
      `schema(name: "sales") { tables { name grants { grantee { name } privileges grantable }
        viewerCan { changePrivileges grantablePrivileges transferOwnership } } }`,
    );
    const orders = schema.tables.find((table) => table.name === 'orders');
    expect(orders?.grants).toContainEqual({ grantee: { name: 'gina' }, privileges: ['SELECT'], grantable: ['SELECT'] });
    expect(orders?.viewerCan).toEqual({
      changePrivileges: true,
      grantablePrivileges: ['SELECT'],
      transferOwnership: false,
    });
    const change = await gina('grantPrivileges', { object: ORDERS, grantee: 'mia', privileges: ['SELECT'] });
    await expectApplied(testApp, change, ['GRANT SELECT ON TABLE "sales"."orders" TO "mia"'], [noUsage('mia')]);
    expect(await relationAcl(testApp, 'shop', 'sales', 'orders')).toContain('mia=r/gina');
  });

  it('answers NothingChanged with PostgreSQL’s warning when a holder grants more than it holds, recording nothing', async () => {
    const before = await relationAcl(testApp, 'shop', 'sales', 'orders');
    const events = await eventCount(testApp);
    const change = await gina('grantPrivileges', { object: ORDERS, grantee: 'mia', privileges: ['INSERT'] });
    await expectNothingChanged(
      testApp,
      events,
      change,
      ['GRANT INSERT ON TABLE "sales"."orders" TO "mia"'],
      [noUsage('mia'), SEQUENCE_WARNING('orders', 'mia'), 'no privileges were granted for "orders"'],
    );
    expect(await relationAcl(testApp, 'shop', 'sales', 'orders')).toBe(before);
  });

  it('answers NothingChanged when a role holding the privilege without grant option grants it, also in a preview', async () => {
    const before = await relationAcl(testApp, 'shop', 'sales', 'orders');
    const events = await eventCount(testApp);
    const preview = await pat('grantPrivileges', { object: ORDERS, grantee: 'mia', privileges: ['SELECT'] }, true);
    expect(preview).toMatchObject({ __typename: 'NothingChanged', dryRun: true });
    const change = await pat('grantPrivileges', { object: ORDERS, grantee: 'mia', privileges: ['SELECT'] });
    await expectNothingChanged(
      testApp,
      events,
      change,
      ['GRANT SELECT ON TABLE "sales"."orders" TO "mia"'],
      [noUsage('mia'), 'no privileges were granted for "orders"'],
    );
    expect(await relationAcl(testApp, 'shop', 'sales', 'orders')).toBe(before);
  });

  it('refuses a role with no grant option at all (42501), changing nothing', async () => {
    const MONTHLY = { kind: 'TABLE', schema: 'sales', name: 'monthly' };
    const events = await eventCount(testApp);
    const change = await pat('grantPrivileges', { object: MONTHLY, grantee: 'mia', privileges: ['SELECT'] });
    expectRefused(change, 'PermissionDeniedError', '42501');
    expect(change.message).toBe('permission denied for table monthly');
    expect(await relationAcl(testApp, 'shop', 'sales', 'monthly')).toBe('null');
    expect(await eventCount(testApp)).toBe(events);
  });

  it('says so when a REVOKE cannot remove a grant made by another grantor, recording no change', async () => {
    const events = await eventCount(testApp);
    const change = await olive('revokePrivileges', { object: ORDERS, grantee: 'mia', privileges: ['SELECT'] });
    await expectNothingChanged(
      testApp,
      events,
      change,
      ['REVOKE SELECT ON TABLE "sales"."orders" FROM "mia"'],
      [
        'SELECT on sales.orders to mia remains: it was granted by gina, and only that grantor (or the owner acting for it) can revoke it.',
      ],
    );
    expect(await hasTablePrivilege(testApp, 'shop', 'mia', 'sales.orders', 'SELECT')).toBe(true);
  });

  it('refuses to revoke a grant option someone used without CASCADE (2BP01); with it the dependent grant goes', async () => {
    const before = await relationAcl(testApp, 'shop', 'sales', 'orders');
    const refused = await olive('revokePrivileges', {
      object: ORDERS,
      grantee: 'gina',
      privileges: ['SELECT'],
      grantOptionOnly: true,
    });
    expectRefused(refused, 'DependentObjectsError', '2BP01');
    expect(refused.code).toBe('DEPENDENT_OBJECTS');
    expect(await relationAcl(testApp, 'shop', 'sales', 'orders')).toBe(before);
    const args = { object: ORDERS, grantee: 'gina', privileges: ['SELECT'], grantOptionOnly: true, cascade: true };
    const sql = ['REVOKE GRANT OPTION FOR SELECT ON TABLE "sales"."orders" FROM "gina" CASCADE'];
    expectDryRun(await olive('revokePrivileges', args, true), sql);
    await expectApplied(testApp, await olive('revokePrivileges', args), sql);
    const acl = await relationAcl(testApp, 'shop', 'sales', 'orders');
    expect(acl).toContain('gina=r/owner');
    expect(acl).not.toContain('mia=');
  });

  it('grants to and revokes from PUBLIC, and shows PUBLIC as a grantee', async () => {
    await expectApplied(
      testApp,
      await olive('grantPrivileges', { object: TOTALS, privileges: ['SELECT'] }),
      ['GRANT SELECT ON TABLE "sales"."order_totals" TO PUBLIC'],
      [noUsage('PUBLIC', 'sales.order_totals')],
    );
    const { schema } = await catalogOf<{ schema: { tables: { name: string; grants: unknown[] }[] } }>(
      clients.pat as TestClient,
      shopId,
      'schema(name: "sales") { tables { name grants { isPublic grantee { name } privileges } } }',
    );
    expect(schema.tables.find((table) => table.name === 'order_totals')?.grants).toContainEqual({
      isPublic: true,
      grantee: null,
      privileges: ['SELECT'],
    });
    await expectApplied(testApp, await olive('revokePrivileges', { object: TOTALS, privileges: ['SELECT'] }), [
      'REVOKE SELECT ON TABLE "sales"."order_totals" FROM PUBLIC',
    ]);
    expect(await relationAcl(testApp, 'shop', 'sales', 'order_totals')).not.toContain('=r/');
  });

  it('revokes a database privilege from PUBLIC; the catalog stops reading the default ACL', async () => {
    await expectApplied(
      testApp,
      await dba('revokePrivileges', { object: DATABASE, grantee: null, privileges: ['TEMPORARY'] }),
      ['REVOKE TEMPORARY ON DATABASE "shop" FROM PUBLIC'],
    );
    const { database } = await catalogOf<{ database: { aclIsDefault: boolean; grants: unknown[] } }>(
      clients.pat as TestClient,
      shopId,
      'database { aclIsDefault grants { isPublic privileges preset } }',
    );
    expect(database.aclIsDefault).toBe(false);
    expect(database.grants).toContainEqual({ isPublic: true, privileges: ['CONNECT'], preset: 'CONNECT' });
  });

  it('grants database presets through setPrivileges', async () => {
    await expectApplied(
      testApp,
      await dba('setPrivileges', { object: DATABASE, grants: [{ grantee: 'owners', preset: 'CREATE' }] }),
      ['GRANT CONNECT, CREATE ON DATABASE "shop" TO "owners"'],
    );
    expect(await databaseAcl(testApp, 'shop')).toContain('owners=Cc/dba');
  });

  it('replaces a grantee’s privileges exactly with the smallest diff against the ACL', async () => {
    // pat holds SELECT and INSERT on orders.
    const set = (grants: unknown[], dryRun = false) => olive('setPrivileges', { object: ORDERS, grants }, dryRun);
    const toRead = ['REVOKE INSERT ON TABLE "sales"."orders" FROM "pat"'];
    expectDryRun(await set([{ grantee: 'pat', preset: 'READ' }], true), toRead);
    expect(await hasTablePrivilege(testApp, 'shop', 'pat', 'sales.orders', 'INSERT')).toBe(true);
    await expectApplied(testApp, await set([{ grantee: 'pat', preset: 'READ' }]), toRead);
    await expectApplied(
      testApp,
      await set([{ grantee: 'pat', privileges: ['SELECT', 'UPDATE'], grantable: ['UPDATE'] }]),
      ['GRANT UPDATE ON TABLE "sales"."orders" TO "pat" WITH GRANT OPTION'],
    );
    await expectApplied(testApp, await set([{ grantee: 'pat', privileges: ['SELECT', 'UPDATE'] }]), [
      'REVOKE GRANT OPTION FOR UPDATE ON TABLE "sales"."orders" FROM "pat"',
    ]);
    expect(await relationAcl(testApp, 'shop', 'sales', 'orders')).toContain('pat=rw/owner');
    const events = await eventCount(testApp);
    const same = await set([{ grantee: 'pat', privileges: ['UPDATE', 'SELECT'] }]);
    expect(same).toEqual({
      __typename: 'PermissionChange',
      dryRun: false,
      sql: [],
      warnings: [],
      notes: [],
      eventId: null,
      previewToken: null,
    });
    expect(await eventCount(testApp)).toBe(events);
  });

  it('replaces several grantees at once, PUBLIC and no access included', async () => {
    const change = await olive('setPrivileges', {
      object: SALES,
      grants: [
        { grantee: 'pat', preset: 'CREATE' },
        { grantee: null, preset: 'READ' },
        { grantee: 'gina', preset: 'NONE' },
      ],
    });
    await expectApplied(testApp, change, [
      'GRANT CREATE ON SCHEMA "sales" TO "pat"',
      'GRANT USAGE ON SCHEMA "sales" TO PUBLIC',
      'REVOKE USAGE ON SCHEMA "sales" FROM "gina"',
    ]);
    const acl = await schemaAcl(testApp, 'shop', 'sales');
    expect(acl).toContain('pat=UC/owner');
    expect(acl).toContain('=U/owner');
    expect(acl).not.toContain('gina');
  });

  it('shows a custom set equal to a preset as that preset', async () => {
    await expectApplied(
      testApp,
      await olive('setPrivileges', {
        object: TOTALS,
        grants: [{ grantee: 'mia', privileges: ['DELETE', 'select', 'UPDATE', 'INSERT'] }],
      }),
      ['GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "sales"."order_totals" TO "mia"'],
    );
    const { schema } = await catalogOf<{ schema: { tables: { name: string; grants: unknown[] }[] } }>(
      clients.mia as TestClient,
      shopId,
      'schema(name: "sales") { tables { name grants { grantee { name } preset } } }',
    );
    expect(schema.tables.find((table) => table.name === 'order_totals')?.grants).toContainEqual({
      grantee: { name: 'mia' },
      preset: 'WRITE',
    });
  });

  it('resolves presets for what the object is: a sequence takes sequence privileges', async () => {
    const change = await olive('setPrivileges', {
      object: { kind: 'TABLE', schema: 'sales', name: 'invoice_seq' },
      grants: [{ grantee: 'pat', preset: 'WRITE' }],
    });
    await expectApplied(testApp, change, ['GRANT USAGE, SELECT, UPDATE ON SEQUENCE "sales"."invoice_seq" TO "pat"']);
  });

  it('applies all of a replacement or none of it', async () => {
    await olive('grantPrivileges', { object: ORDERS, grantee: 'gina', privileges: ['SELECT'], withGrantOption: true });
    await gina('grantPrivileges', { object: ORDERS, grantee: 'mia', privileges: ['SELECT'] });
    const before = await relationAcl(testApp, 'shop', 'sales', 'orders');
    const change = await olive('setPrivileges', {
      object: ORDERS,
      grants: [
        { grantee: 'pat', privileges: ['SELECT', 'UPDATE', 'DELETE'] },
        { grantee: 'gina', preset: 'NONE' },
      ],
    });
    expectRefused(change, 'DependentObjectsError', '2BP01');
    expect(await relationAcl(testApp, 'shop', 'sales', 'orders')).toBe(before);
  });

  it('refuses a replacement by a role that may not change the object (42501)', async () => {
    const INVENTORY = { kind: 'SCHEMA', name: 'inventory' };
    const before = await schemaAcl(testApp, 'shop', 'inventory');
    const change = await pat('setPrivileges', { object: INVENTORY, grants: [{ grantee: 'mia', preset: 'READ' }] });
    expectRefused(change, 'PermissionDeniedError', '42501');
    expect(await schemaAcl(testApp, 'shop', 'inventory')).toBe(before);
  });

  it('takes privilege keywords only from the allow-list of the object’s kind', async () => {
    for (const privileges of [['SELECT; DROP TABLE x'], ['USAGE'], ['ALL']]) {
      expect(await olive('grantPrivileges', { object: ORDERS, grantee: 'pat', privileges })).toMatchObject({
        __typename: 'ValidationError',
        field: 'privileges',
      });
    }
    expect(
      await olive('setPrivileges', { object: SALES, grants: [{ grantee: 'pat', preset: 'WRITE' }] }),
    ).toMatchObject({ __typename: 'ValidationError', field: 'preset' });
    // MAINTAIN is a table privilege from PostgreSQL 17 on; before, PostgreSQL would not know the keyword.
    const maintain = await olive('grantPrivileges', { object: ORDERS, grantee: 'pat', privileges: ['MAINTAIN'] });
    if (PG.maintain) await expectApplied(testApp, maintain, ['GRANT MAINTAIN ON TABLE "sales"."orders" TO "pat"']);
    else expect(maintain).toMatchObject({ __typename: 'ValidationError', field: 'privileges' });
  });

  it('answers a grantee dropped while the GRANT waited for it with UndefinedObjectError (42704), changing nothing', async () => {
    await testApp.sql('CREATE ROLE doomed');
    const before = await relationAcl(testApp, 'shop', 'sales', 'orders');
    const dropping = new pg.Client(testApp.cluster.url('shop'));
    await dropping.connect();
    try {
      await dropping.query('BEGIN');
      await dropping.query('DROP ROLE doomed');
      const pending = olive('grantPrivileges', { object: ORDERS, grantee: 'doomed', privileges: ['SELECT'] });
      await waitUntil(async () => {
        const rows = await testApp.sql<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'rolecall' AND wait_event_type = 'Lock'",
        );
        return (rows[0]?.n ?? 0) > 0;
      });
      await dropping.query('COMMIT');
      const change = await pending;
      expectRefused(change, 'UndefinedObjectError', '42704');
      expect(change.code).toBe('UNDEFINED_OBJECT');
    } finally {
      await dropping.end();
    }
    expect(await relationAcl(testApp, 'shop', 'sales', 'orders')).toBe(before);
  });

  it('answers unknown objects and grantees with NotFoundError', async () => {
    for (const [object, grantee] of [
      [{ kind: 'TABLE', schema: 'sales', name: 'nope' }, 'pat'],
      [{ kind: 'SCHEMA', name: 'nope' }, 'pat'],
      [ORDERS, 'nobody'],
    ] as const) {
      expect(await olive('grantPrivileges', { object, grantee, privileges: ['SELECT'] })).toMatchObject({
        __typename: 'NotFoundError',
      });
    }
  });
});

describe('setPrivileges with the schema and sequence USAGE a table grant needs', () => {
  const TICKETS = { kind: 'TABLE', schema: 'sales', name: 'tickets' };

  /** What PostgreSQL says `role` may do on sales, sales.tickets and its serial sequence. */
  async function ticketAccess(role: string) {
    const rows = await testApp.sql<Record<string, boolean>>(
      `SELECT has_schema_privilege($1, 'sales', 'USAGE') AS "schemaUsage",
              has_table_privilege($1, 'sales.tickets', 'SELECT') AS "select",
              has_table_privilege($1, 'sales.tickets', 'INSERT') AS "insert",
              has_sequence_privilege($1, 'sales.tickets_id_seq', 'USAGE') AS "sequenceUsage"`,
      [role],
      'shop',
    );
    return rows[0];
  }

  beforeAll(async () => {
    await testApp.sql(
      `CREATE ROLE clerk; CREATE ROLE auditor; CREATE ROLE intern; CREATE ROLE trainee;
       SET ROLE owner; CREATE TABLE sales.tickets (id serial PRIMARY KEY, body text); RESET ROLE;
       GRANT USAGE ON SCHEMA sales TO gina;
       GRANT SELECT, INSERT ON sales.tickets TO gina WITH GRANT OPTION;
       REVOKE USAGE ON SCHEMA sales FROM PUBLIC;`,
      [],
      'shop',
    );
  });

  // The tests above left sales readable by PUBLIC; the roles here must lack its USAGE to be offered it.
  afterAll(async () => {
    await testApp.sql('GRANT USAGE ON SCHEMA sales TO PUBLIC', [], 'shop');
  });

  it('runs the schema USAGE, the table grants and the sequence USAGE each grantee asked for in one change', async () => {
    const grants = [
      { grantee: 'clerk', preset: 'WRITE', withSchemaUsage: true, withSequenceUsage: true },
      { grantee: 'auditor', preset: 'READ', withSchemaUsage: true, withSequenceUsage: true },
    ];
    const sql = [
      'GRANT USAGE ON SCHEMA "sales" TO "clerk"',
      'GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "sales"."tickets" TO "clerk"',
      'GRANT USAGE ON SEQUENCE "sales"."tickets_id_seq" TO "clerk"',
      'GRANT USAGE ON SCHEMA "sales" TO "auditor"',
      'GRANT SELECT ON TABLE "sales"."tickets" TO "auditor"',
    ];
    expectDryRun(await olive('setPrivileges', { object: TICKETS, grants }, true), sql);
    expect(await ticketAccess('clerk')).toEqual({
      schemaUsage: false,
      select: false,
      insert: false,
      sequenceUsage: false,
    });

    const events = await eventCount(testApp);
    const event = await expectApplied(testApp, await olive('setPrivileges', { object: TICKETS, grants }), sql);
    expect(event).toMatchObject({ kind: 'privileges.changed' });
    expect(await eventCount(testApp)).toBe(events + 1);
    expect(await ticketAccess('clerk')).toEqual({ schemaUsage: true, select: true, insert: true, sequenceUsage: true });
    expect(await ticketAccess('auditor')).toEqual({
      schemaUsage: true,
      select: true,
      insert: false,
      sequenceUsage: false,
    });
    await testApp.sql("SET ROLE clerk; INSERT INTO sales.tickets (body) VALUES ('first')", [], 'shop');
  });

  it('without the options warns each grantee exactly as grantPrivileges does, naming the grantee', async () => {
    const alone = await olive(
      'setPrivileges',
      { object: TICKETS, grants: [{ grantee: 'intern', preset: 'WRITE' }] },
      true,
    );
    const granted = await olive(
      'grantPrivileges',
      { object: TICKETS, grantee: 'intern', privileges: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] },
      true,
    );
    const expected = [noUsage('intern', 'sales.tickets'), SEQUENCE_WARNING('tickets', 'intern')];
    expect(alone.warnings).toEqual(expected);
    expect(granted.warnings).toEqual(expected);

    const both = await olive(
      'setPrivileges',
      {
        object: TICKETS,
        grants: [
          { grantee: 'intern', privileges: ['INSERT'] },
          { grantee: 'trainee', preset: 'READ' },
        ],
      },
      true,
    );
    expect(both.warnings).toEqual([...expected, noUsage('trainee', 'sales.tickets')]);
  });

  it('adds no USAGE and warns of none for a grantee who gains no privilege, even one lacking them', async () => {
    await testApp.sql(
      'REVOKE USAGE ON SCHEMA sales FROM clerk; REVOKE USAGE ON sales.tickets_id_seq FROM clerk',
      [],
      'shop',
    );
    const kept = { grantee: 'clerk', privileges: ['SELECT', 'INSERT'] };
    const sql = ['REVOKE UPDATE, DELETE ON TABLE "sales"."tickets" FROM "clerk"'];
    const withOptions = [{ ...kept, withSchemaUsage: true, withSequenceUsage: true }];
    expectDryRun(await olive('setPrivileges', { object: TICKETS, grants: withOptions }, true), sql);
    expectDryRun(await olive('setPrivileges', { object: TICKETS, grants: [kept] }, true), sql);
  });

  it('offers to revoke the schema USAGE a grantee keeps after losing all access to a table, and revokes it when asked', async () => {
    await testApp.sql(
      `CREATE ROLE leaver; CREATE ROLE readers; CREATE ROLE grouped IN ROLE readers;
       SET ROLE owner;
       GRANT USAGE ON SCHEMA sales TO leaver, readers; GRANT SELECT, INSERT ON sales.tickets TO leaver, grouped;
       RESET ROLE`,
      [],
      'shop',
    );
    // Keeping some access offers nothing; nor does losing it all with USAGE held only through a group.
    const partial = [{ grantee: 'leaver', privileges: ['SELECT'] }];
    expect((await olive('setPrivileges', { object: TICKETS, grants: partial }, true)).notes).toEqual([]);
    const viaGroup = [{ grantee: 'grouped', preset: 'NONE' }];
    expect((await olive('setPrivileges', { object: TICKETS, grants: viaGroup }, true)).notes).toEqual([]);

    const none = { grantee: 'leaver', preset: 'NONE' };
    const kept = await olive('setPrivileges', { object: TICKETS, grants: [none] }, true);
    expect(kept.sql).toEqual(['REVOKE SELECT, INSERT ON TABLE "sales"."tickets" FROM "leaver"']);
    expect(kept.notes).toEqual([
      expect.objectContaining({
        code: 'SCHEMA_USAGE_REMAINS',
        grantee: 'leaver',
        object: 'sales.tickets',
        subjects: ['sales'],
        fixOption: 'withoutSchemaUsage',
      }),
    ]);

    const sql = [
      'REVOKE SELECT, INSERT ON TABLE "sales"."tickets" FROM "leaver"',
      'REVOKE USAGE ON SCHEMA "sales" FROM "leaver"',
    ];
    const asked = [{ ...none, withoutSchemaUsage: true }];
    expectDryRun(await olive('setPrivileges', { object: TICKETS, grants: asked }, true), sql);
    await expectApplied(testApp, await olive('setPrivileges', { object: TICKETS, grants: asked }), sql);
    expect(await ticketAccess('leaver')).toEqual({
      schemaUsage: false,
      select: false,
      insert: false,
      sequenceUsage: false,
    });
  });

  it('applies nothing of the change when one grantee’s sequence USAGE is refused (42501)', async () => {
    // gina may grant SELECT and INSERT on the table but holds nothing on its sequence.
    const grants = [
      { grantee: 'trainee', preset: 'READ', withSchemaUsage: true },
      { grantee: 'intern', privileges: ['INSERT'], withSequenceUsage: true },
    ];
    // The dry run runs the same statements and is refused the same way: the preview is PostgreSQL's verdict.
    const previewed = await gina('setPrivileges', { object: TICKETS, grants }, true);
    expectRefused(previewed, 'PermissionDeniedError', '42501');
    expect(previewed.message).toBe('permission denied for sequence tickets_id_seq');
    const acl = await relationAcl(testApp, 'shop', 'sales', 'tickets');
    const schema = await schemaAcl(testApp, 'shop', 'sales');
    const events = await eventCount(testApp);

    const refused = await gina('setPrivileges', { object: TICKETS, grants });
    expectRefused(refused, 'PermissionDeniedError', '42501');
    expect(refused.message).toBe('permission denied for sequence tickets_id_seq');
    expect(await relationAcl(testApp, 'shop', 'sales', 'tickets')).toBe(acl);
    expect(await schemaAcl(testApp, 'shop', 'sales')).toBe(schema);
    expect(await ticketAccess('trainee')).toEqual({
      schemaUsage: false,
      select: false,
      insert: false,
      sequenceUsage: false,
    });
    expect(await ticketAccess('intern')).toEqual({
      schemaUsage: false,
      select: false,
      insert: false,
      sequenceUsage: false,
    });
    expect(await eventCount(testApp)).toBe(events);
  });
});

describe('ownership', () => {
  it('transfers a view as its owner once the new owner may create in the schema, as PostgreSQL requires', async () => {
    const args = { object: TOTALS, newOwner: 'sales_team' };
    const refused = await olive('transferOwnership', args);
    expectRefused(refused, 'PermissionDeniedError', '42501');
    expect(refused.message).toBe('permission denied for schema sales');
    expect(await relationOwner(testApp, 'shop', 'sales', 'order_totals')).toBe('owner');
    await expectApplied(
      testApp,
      await olive('grantPrivileges', { object: SALES, grantee: 'sales_team', privileges: ['CREATE'] }),
      ['GRANT CREATE ON SCHEMA "sales" TO "sales_team"'],
    );
    const sql = ['ALTER VIEW "sales"."order_totals" OWNER TO "sales_team"'];
    expectDryRun(await olive('transferOwnership', args, true), sql);
    expect(await relationOwner(testApp, 'shop', 'sales', 'order_totals')).toBe('owner');
    const event = await expectApplied(testApp, await olive('transferOwnership', args), sql);
    expect(event).toMatchObject({ kind: 'ownership.transferred' });
    expect(await relationOwner(testApp, 'shop', 'sales', 'order_totals')).toBe('sales_team');
  });

  it('refuses a new owner the acting role cannot SET ROLE to (42501), changing nothing', async () => {
    const change = await olive('transferOwnership', { object: ORDERS, newOwner: 'pat' });
    expectRefused(change, 'PermissionDeniedError', '42501');
    // PostgreSQL 16 reworded it with the SET option; 15 asks for membership.
    expect(change.message).toBe(
      PG.membershipOptions ? 'must be able to SET ROLE "pat"' : 'must be member of role "pat"',
    );
    expect(await relationOwner(testApp, 'shop', 'sales', 'orders')).toBe('owner');
  });

  it('refuses a transfer to a role that is neither owner nor member of the owner (42501)', async () => {
    const change = await pat('transferOwnership', { object: ORDERS, newOwner: 'pat' });
    expectRefused(change, 'PermissionDeniedError', '42501');
    expect(await relationOwner(testApp, 'shop', 'sales', 'orders')).toBe('owner');
  });

  it('lets a member of the owning group transfer the group’s table', async () => {
    const change = await mia('transferOwnership', {
      object: { kind: 'TABLE', schema: 'inventory', name: 'items' },
      newOwner: 'mia',
    });
    await expectApplied(testApp, change, ['ALTER TABLE "inventory"."items" OWNER TO "mia"']);
    expect(await relationOwner(testApp, 'shop', 'inventory', 'items')).toBe('mia');
  });

  it('refuses to take along a table the acting role does not own, or tables with anything but a schema', async () => {
    const events = await eventCount(testApp);
    expect(
      await olive('transferOwnership', { object: SALES, newOwner: 'sales_team', tables: ['orders', 'notes'] }),
    ).toMatchObject({ __typename: 'ValidationError', field: 'tables' });
    expect(
      await olive('transferOwnership', { object: ORDERS, newOwner: 'sales_team', tables: ['orders'] }),
    ).toMatchObject({ __typename: 'ValidationError', field: 'tables' });
    expect(await olive('transferOwnership', { object: SALES, newOwner: 'sales_team', tables: ['nope'] })).toMatchObject(
      { __typename: 'NotFoundError' },
    );
    expect(await olive('transferOwnership', { object: SALES, newOwner: 'nobody' })).toMatchObject({
      __typename: 'NotFoundError',
    });
    expect(await schemaOwner(testApp, 'shop', 'sales')).toBe('owner');
    expect(await eventCount(testApp)).toBe(events);
  });

  it('transfers a schema with a chosen subset of its tables in one transaction', async () => {
    // sales_team may not create in sales: the schema goes first, and olive still sees into it as a member.
    await expectApplied(
      testApp,
      await olive('revokePrivileges', { object: SALES, grantee: 'sales_team', privileges: ['CREATE'] }),
      ['REVOKE CREATE ON SCHEMA "sales" FROM "sales_team"'],
    );
    const args = { object: SALES, newOwner: 'sales_team', tables: ['orders', 'invoice_seq', 'monthly'] };
    const refused = await olive('transferOwnership', args);
    expectRefused(refused, 'PermissionDeniedError', '42501');
    expect(refused.message).toBe('permission denied for database shop');
    expect(await schemaOwner(testApp, 'shop', 'sales')).toBe('owner');
    expect(await relationOwner(testApp, 'shop', 'sales', 'orders')).toBe('owner');
    await expectApplied(
      testApp,
      await dba('grantPrivileges', { object: DATABASE, grantee: 'sales_team', privileges: ['CREATE'] }),
      ['GRANT CREATE ON DATABASE "shop" TO "sales_team"'],
    );
    const change = await olive('transferOwnership', args);
    await expectApplied(testApp, change, [
      'ALTER SCHEMA "sales" OWNER TO "sales_team"',
      'ALTER TABLE "sales"."orders" OWNER TO "sales_team"',
      'ALTER SEQUENCE "sales"."invoice_seq" OWNER TO "sales_team"',
      'ALTER MATERIALIZED VIEW "sales"."monthly" OWNER TO "sales_team"',
    ]);
    expect(await schemaOwner(testApp, 'shop', 'sales')).toBe('sales_team');
    for (const name of ['orders', 'orders_id_seq', 'invoice_seq', 'monthly'])
      expect(await relationOwner(testApp, 'shop', 'sales', name)).toBe('sales_team');
    expect(await relationOwner(testApp, 'shop', 'sales', 'events')).toBe('owner');
    expect(await relationOwner(testApp, 'shop', 'sales', 'notes')).toBe('gina');
  });

  it('transfers the database only with CREATEDB, as PostgreSQL requires', async () => {
    const args = { object: DATABASE, newOwner: 'dba_team' };
    expectRefused(await dba('transferOwnership', args), 'PermissionDeniedError', '42501');
    expect(
      (await testApp.sql("SELECT pg_get_userbyid(datdba) AS o FROM pg_database WHERE datname = 'shop'"))[0],
    ).toEqual({ o: 'dba' });
    await testApp.sql('ALTER ROLE dba CREATEDB');
    await expectApplied(testApp, await dba('transferOwnership', args), ['ALTER DATABASE "shop" OWNER TO "dba_team"']);
    const { database } = await catalogOf<{ database: unknown }>(
      clients.dba as TestClient,
      shopId,
      'database { owner { name } viewerCan { transferOwnership } }',
    );
    expect(database).toEqual({ owner: { name: 'dba_team' }, viewerCan: { transferOwnership: true } });
  });
});

describe('creating schemas', () => {
  it('creates a schema owned by the acting role: dry run, then applied', async () => {
    const sql = ['CREATE SCHEMA "reports"'];
    expectDryRun(await dba('createSchema', { name: 'reports' }, true), sql);
    expect(await schemaOwner(testApp, 'shop', 'reports')).toBeUndefined();
    const event = await expectApplied(testApp, await dba('createSchema', { name: 'reports' }), sql);
    expect(event).toMatchObject({
      kind: 'schema.created',
      payload: { object: 'reports', objectKind: 'SCHEMA', owner: 'dba' },
    });
    expect(await schemaOwner(testApp, 'shop', 'reports')).toBe('dba');
  });

  it('creates a schema owned by a group only once the acting role may SET ROLE to it', async () => {
    const args = { name: 'crew space', owner: 'crew' };
    expectRefused(await dba('createSchema', args), 'PermissionDeniedError', '42501');
    expect(await schemaOwner(testApp, 'shop', 'crew space')).toBeUndefined();
    await expectApplied(
      testApp,
      await dba('grantMembership', { role: 'crew', membership: { member: 'dba', inherit: false, set: true } }),
      [grantSql('crew', 'dba', { inherit: false })],
      unsupported(['INHERIT FALSE']),
    );
    await expectApplied(testApp, await dba('createSchema', args), ['CREATE SCHEMA "crew space" AUTHORIZATION "crew"']);
    expect(await schemaOwner(testApp, 'shop', 'crew space')).toBe('crew');
  });

  it('lets a member of a group with CREATE on the database create a schema owned by the group', async () => {
    await expectApplied(testApp, await mia('createSchema', { name: 'stock', owner: 'owners' }), [
      'CREATE SCHEMA "stock" AUTHORIZATION "owners"',
    ]);
    expect(await schemaOwner(testApp, 'shop', 'stock')).toBe('owners');
  });

  it('refuses a role without CREATE on the database (42501), and a taken name (42P06)', async () => {
    expectRefused(await pat('createSchema', { name: 'mine' }), 'PermissionDeniedError', '42501');
    expect(await schemaOwner(testApp, 'shop', 'mine')).toBeUndefined();
    expectRefused(await dba('createSchema', { name: 'reports' }), 'DuplicateObjectError', '42P06');
  });
});

it('never returned, logged or recorded a password', async () => {
  expect(leakedSecrets([...transcript, ...testApp.logs, await allEventsText(testApp)])).toEqual([]);
});
