import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { impactLimits } from '../src/impact/compute.js';
import { impactSummary } from '../src/impact/summary.js';
import { startTestApp, type TestApp, testedPostgres } from './support/app.js';
import type { TestClient } from './support/client.js';
import { connect, createLoginRole, createManagedDatabase, setupAdmin } from './support/fixtures.js';
import { changeWithImpact, IMPACT_FIELDS, type Impact, impactLines } from './support/impact.js';
import { collaboratorThrough } from './support/permissions.js';

let testApp: TestApp;
let admin: TestClient;
let dbId: string;

const REVOKE = {
  object: 'ObjectRef!',
  grantee: 'String',
  privileges: '[String!]!',
  cascade: 'Boolean',
  grantOptionOnly: 'Boolean',
};
const REVOKE_MEMBER = { role: 'String!', member: 'String!' };

beforeAll(async () => {
  testApp = await startTestApp();
  admin = testApp.client();
  await setupAdmin(admin);
  const db = await createManagedDatabase(testApp, 'impactdb', 'imp_owner');
  const annaPassword = await createLoginRole(testApp, 'imp_anna');
  const benPassword = await createLoginRole(testApp, 'imp_ben');
  await testApp.sql(
    `SET ROLE imp_owner; CREATE ROLE imp_a; CREATE ROLE imp_b; CREATE ROLE imp_c; CREATE ROLE imp_group; CREATE ROLE imp_sub;
     GRANT imp_group TO imp_anna; GRANT imp_group TO imp_sub; GRANT imp_sub TO imp_ben;
     CREATE ROLE imp_d; CREATE ROLE imp_e IN ROLE imp_d; RESET ROLE;`,
  );
  await testApp.sql(
    `CREATE SCHEMA s AUTHORIZATION imp_owner; SET ROLE imp_owner; CREATE TABLE s.chain (id int); CREATE TABLE s.g (id int);
     GRANT USAGE ON SCHEMA s TO PUBLIC;
     GRANT SELECT ON s.chain TO imp_a WITH GRANT OPTION; SET ROLE imp_a; GRANT SELECT ON s.chain TO imp_b WITH GRANT OPTION;
     SET ROLE imp_b; GRANT SELECT ON s.chain TO imp_c; RESET ROLE;
     SET ROLE imp_owner; GRANT SELECT, INSERT ON s.g TO imp_group; RESET ROLE;
     GRANT CREATE ON SCHEMA s TO imp_d; SET ROLE imp_d; CREATE TABLE s.d (id int); GRANT SELECT ON s.d TO imp_a; RESET ROLE;`,
    [],
    'impactdb',
  );
  // The owner (CREATEROLE) may alter the login roles: on 16+ it needs ADMIN OPTION on them.
  if (testedPostgres.membershipOptions)
    await testApp.sql('GRANT imp_anna, imp_ben TO imp_owner WITH ADMIN OPTION, INHERIT FALSE, SET FALSE');
  dbId = await connect(admin, testApp, db);
  await collaboratorThrough(testApp, admin, dbId, 'anna', 'imp_anna', annaPassword);
  await collaboratorThrough(testApp, admin, dbId, 'ben', 'imp_ben', benPassword);
});

afterAll(async () => {
  await testApp?.stop();
});

describe('the impact of a change, before it is applied', () => {
  it('names everyone a revoke with CASCADE takes a privilege from, down the grant-option chain, with paths', async () => {
    const change = await changeWithImpact(admin, 'revokePrivileges', REVOKE, {
      databaseId: dbId,
      object: { kind: 'TABLE', schema: 's', name: 'chain' },
      grantee: 'imp_a',
      privileges: ['SELECT'],
      cascade: true,
      dryRun: true,
    });
    expect(change.__typename).toBe('PermissionChange');
    const impact = change.impact as Impact;
    expect(impactLines(impact)).toEqual(['LOSS SELECT s.chain: imp_a, imp_b, imp_c']);
    const group = impact.privilegeGroups[0];
    expect(group?.object).toEqual({
      kind: 'TABLE',
      schema: 's',
      name: 'chain',
      column: null,
      arguments: null,
      label: 's.chain',
    });
    expect(group?.roles.find((role) => role.role === 'imp_c')?.sources).toEqual([
      { kind: 'GRANT', path: ['imp_c'], grantor: 'imp_b', grantable: false },
    ]);
    expect(impact.roleCount).toBe(3);
    expect(impact.callouts).toEqual([]);
  });

  it('names the member removed from a group, those who inherit through it, and their collaborators', async () => {
    const change = await changeWithImpact(admin, 'revokeMembership', REVOKE_MEMBER, {
      databaseId: dbId,
      role: 'imp_group',
      member: 'imp_sub',
      dryRun: true,
    });
    const impact = change.impact as Impact;
    expect(impactLines(impact)).toEqual(['LOSS INSERT s.g: imp_ben, imp_sub', 'LOSS SELECT s.g: imp_ben, imp_sub']);
    const insert = impact.privilegeGroups.find((group) => group.privilege === 'INSERT');
    expect(insert?.collaborators).toEqual(['ben']);
    expect(insert?.roles.find((role) => role.role === 'imp_ben')?.sources).toEqual([
      { kind: 'GRANT', path: ['imp_ben', 'imp_sub', 'imp_group'], grantor: 'imp_owner', grantable: false },
    ]);
    expect(impact.membershipGroups).toEqual([
      {
        direction: 'LOSS',
        role: 'imp_group',
        roleCount: 2,
        collaboratorCount: 1,
        collaborators: ['ben'],
        members: [
          { role: 'imp_ben', collaborators: ['ben'], path: ['imp_ben', 'imp_sub', 'imp_group'] },
          { role: 'imp_sub', collaborators: [], path: ['imp_sub', 'imp_group'] },
        ],
      },
    ]);
    expect(impact.collaboratorCount).toBe(1);
  });

  it('is empty, not null, for a change that moves no access', async () => {
    const change = await changeWithImpact(
      admin,
      'alterRole',
      { name: 'String!', attributes: 'RoleAttributesInput!' },
      { databaseId: dbId, name: 'imp_c', attributes: { connectionLimit: 5 }, dryRun: true },
    );
    expect(change.impact).toMatchObject({ roleCount: 0, privilegeGroupCount: 0, privilegeGroups: [], callouts: [] });
  });

  it('calls out a collaborator whose role loses LOGIN', async () => {
    const change = await changeWithImpact(
      admin,
      'alterRole',
      { name: 'String!', attributes: 'RoleAttributesInput!' },
      { databaseId: dbId, name: 'imp_ben', attributes: { login: false }, dryRun: true },
    );
    expect(change.impact?.callouts).toEqual([
      {
        code: 'COLLABORATOR_LOSES_ALL_ACCESS',
        role: 'imp_ben',
        collaborators: ['ben'],
        message: 'imp_ben loses LOGIN: ben loses all access to this database.',
      },
    ]);
  });

  it('names what a dropped role and its members lose when its objects are reassigned', async () => {
    const change = await changeWithImpact(
      admin,
      'dropRole',
      { name: 'String!', reassignTo: 'String' },
      { databaseId: dbId, name: 'imp_d', reassignTo: 'imp_owner', dryRun: true },
    );
    expect(change.__typename).toBe('PermissionChange');
    const impact = change.impact as Impact;
    expect(impactLines(impact)).toContain('LOSS SELECT s.d: imp_d, imp_e');
    expect(impactLines(impact)).toContain('LOSS CREATE schema s: imp_d, imp_e');
    const owner = impact.privilegeGroups.find((group) => group.privilege === 'SELECT' && group.object.label === 's.d');
    expect(owner?.roles.find((role) => role.role === 'imp_e')?.sources).toContainEqual({
      kind: 'OWNER',
      path: ['imp_e', 'imp_d'],
      grantor: 'imp_d',
      grantable: false,
    });
    expect(impact.membershipGroups).toContainEqual({
      direction: 'LOSS',
      role: 'imp_d',
      roleCount: 1,
      collaboratorCount: 0,
      collaborators: [],
      members: [{ role: 'imp_e', collaborators: [], path: ['imp_e', 'imp_d'] }],
    });
  });

  it('calls out the viewer’s own role losing a privilege', async () => {
    const change = await changeWithImpact(admin, 'revokePrivileges', REVOKE, {
      databaseId: dbId,
      object: { kind: 'TABLE', schema: 's', name: 'g' },
      grantee: 'imp_owner',
      privileges: ['SELECT'],
      dryRun: true,
    });
    expect(impactLines(change.impact)).toEqual(['LOSS SELECT s.g: imp_owner']);
    expect(change.impact?.callouts).toEqual([
      {
        code: 'ACTOR_LOSES_ACCESS',
        role: 'imp_owner',
        collaborators: ['admin'],
        message: 'You act as imp_owner here, and it loses SELECT on s.g.',
      },
    ]);
  });

  it('calls out every collaborator whose role loses CONNECT on the database', async () => {
    const change = await changeWithImpact(admin, 'revokePrivileges', REVOKE, {
      databaseId: dbId,
      object: { kind: 'DATABASE' },
      privileges: ['CONNECT'],
      dryRun: true,
    });
    expect(change.impact?.privilegeGroups[0]).toMatchObject({
      direction: 'LOSS',
      privilege: 'CONNECT',
      object: { kind: 'DATABASE', name: 'impactdb', label: 'database impactdb' },
      collaborators: ['anna', 'ben'],
    });
    expect(change.impact?.callouts).toEqual(
      ['anna', 'ben'].map((user) => ({
        code: 'COLLABORATOR_LOSES_ALL_ACCESS',
        role: `imp_${user}`,
        collaborators: [user],
        message: `imp_${user} loses CONNECT on database impactdb: ${user} loses all access to this database.`,
      })),
    );
  });

  it('tells a default-privileges change as what new objects will give', async () => {
    const change = await changeWithImpact(
      admin,
      'setDefaultPrivileges',
      { creator: 'String', schema: 'String', kind: 'DefaultedObjectKind!', grants: '[DesiredDefaultGrantInput!]!' },
      {
        databaseId: dbId,
        creator: 'imp_owner',
        schema: 's',
        kind: 'TABLE',
        grants: [{ grantee: 'imp_group', privileges: ['SELECT'] }],
        dryRun: true,
      },
    );
    expect(impactLines(change.impact)).toEqual([
      'GAIN SELECT new tables of imp_owner in s: imp_anna, imp_ben, imp_group, imp_sub',
    ]);
    expect(change.impact?.privilegeGroups[0]?.object).toEqual({
      kind: 'TABLE',
      schema: 's',
      name: '(new tables)',
      column: null,
      arguments: null,
      label: 'new tables of imp_owner in s',
    });
  });

  it('is carried by the applied change’s event, as the live feed and the log give it', async () => {
    const change = await changeWithImpact(admin, 'revokePrivileges', REVOKE, {
      databaseId: dbId,
      object: { kind: 'TABLE', schema: 's', name: 'g' },
      grantee: 'imp_group',
      privileges: ['INSERT'],
    });
    expect(change).toMatchObject({ __typename: 'PermissionChange', dryRun: false });
    expect(impactLines(change.impact)).toEqual(['LOSS INSERT s.g: imp_anna, imp_ben, imp_group, imp_sub']);
    const log = await admin.request<{ auditLog: { events: { cursor: string; impact?: Impact | null }[] } }>(
      `query($id: ID) { auditLog(databaseId: $id, first: 1) { ... on EventPage { events { cursor ... on PrivilegeEvent { ${IMPACT_FIELDS} } } } } }`,
      { id: dbId },
    );
    expect(log.errors).toBeUndefined();
    const event = log.data?.auditLog.events[0];
    expect(event?.cursor).toBe(change.eventId);
    expect(event?.impact).toEqual(change.impact);
    // One event's impact alone, as Activity reads it when its row is opened; none for an event that has none.
    const one = (cursor: string) =>
      admin.request<{ eventImpact: (Impact & { __typename: string }) | null }>(
        `query($id: ID!, $cursor: BigCursor!) { eventImpact(databaseId: $id, cursor: $cursor) { __typename
           ... on AccessImpact { ${IMPACT_FIELDS.replace(/^impact \{/, '').replace(/\}$/, '')} } } }`,
        { id: dbId, cursor },
      );
    const alone = await one(String(change.eventId));
    expect(alone.errors).toBeUndefined();
    expect(alone.data?.eventImpact).toEqual({ __typename: 'AccessImpact', ...change.impact });
    expect((await one('0')).data?.eventImpact).toBeNull();
  });

  it('is stored in an event capped at 20 roles a group, its counts exact', () => {
    const roles = Array.from({ length: 30 }, (_, i) => ({ role: `r${i}`, collaborators: [], sources: [] }));
    const object = { kind: 'TABLE' as const, schema: 's', name: 't', column: null, arguments: null, label: 's.t' };
    const group = {
      direction: 'LOSS' as const,
      object,
      privilege: 'SELECT',
      grantOptionOnly: false,
      roleCount: 30,
      collaboratorCount: 30,
      collaborators: roles.map((role) => `user_${role.role}`),
      roles,
    };
    const stored = impactSummary({
      roleCount: 30,
      collaboratorCount: 0,
      privilegeGroupCount: 60,
      privilegeGroups: Array.from({ length: 60 }, () => group),
      membershipGroups: [],
      callouts: [],
    });
    expect(stored.privilegeGroups).toHaveLength(50);
    expect(stored.privilegeGroups[0]?.roles.map((role) => role.role)).toEqual(roles.slice(0, 20).map((r) => r.role));
    expect(stored).toMatchObject({ roleCount: 30, privilegeGroupCount: 60 });
    expect(stored.privilegeGroups[0]?.roleCount).toBe(30);
    expect(stored.privilegeGroups[0]?.collaborators).toHaveLength(20);
    expect(stored.privilegeGroups[0]?.collaboratorCount).toBe(30);
  });
});

describe('an impact too large to compare role by role', () => {
  const TABLES = 12;
  const MEMBERS = 30;
  const BIG_FIELDS = `impact {
    truncated comparedPairs roleCount
    privilegeGroups { direction privilege roleCount inheritorCount object { label } roles { role } }
    membershipGroups { direction role roleCount heldObjectCount members(first: 100) { role } }
  }`;
  type BigImpact = {
    truncated: boolean;
    comparedPairs: number | null;
    roleCount: number;
    privilegeGroups: {
      direction: string;
      privilege: string;
      roleCount: number;
      inheritorCount: number | null;
      object: { label: string };
      roles: { role: string }[];
    }[];
    membershipGroups: {
      direction: string;
      role: string;
      roleCount: number;
      heldObjectCount: number | null;
      members: { role: string }[];
    }[];
  };

  beforeAll(async () => {
    const members = Array.from({ length: MEMBERS }, (_, i) => `impbig_m${i}`);
    const tables = Array.from({ length: TABLES }, (_, i) => `big.t${i}`);
    await testApp.sql(
      `SET ROLE imp_owner; CREATE ROLE impbig_reporting;
       ${members.map((member) => `CREATE ROLE ${member} IN ROLE impbig_reporting;`).join(' ')} RESET ROLE;`,
    );
    await testApp.sql(
      `CREATE SCHEMA big AUTHORIZATION imp_owner; SET ROLE imp_owner;
       ${tables.map((table) => `CREATE TABLE ${table} (id int); GRANT SELECT ON ${table} TO impbig_reporting;`).join(' ')}
       CREATE TABLE big.open (id int); GRANT SELECT ON big.open TO PUBLIC;
       RESET ROLE;`,
      [],
      'impactdb',
    );
  });

  /** A dry run with the limit lowered to `limit` pairs (the setting is the server's own: the app runs in this process). */
  async function withLimit(limit: number, run: () => Promise<{ __typename: string; impact?: unknown }>) {
    const saved = impactLimits.maxComparedPairs;
    impactLimits.maxComparedPairs = limit;
    try {
      const change = await run();
      expect(change.__typename).toBe('PermissionChange');
      return change.impact as BigImpact;
    } finally {
      impactLimits.maxComparedPairs = saved;
    }
  }

  /** The roles, superusers aside, that have the privileges of `role` (pg_has_role USAGE), itself left out. */
  async function inheritorsOf(role: string) {
    const [row] = await testApp.sql<{ count: number }>(
      `SELECT count(*)::int AS count FROM pg_roles
        WHERE NOT rolsuper AND rolname <> $1 AND pg_has_role(oid, $1::name, 'USAGE')`,
      [role],
      'impactdb',
    );
    return row?.count;
  }

  it('tells who loses the privileges of a group exactly, with how many objects the group reaches', async () => {
    const impact = await withLimit(100, () =>
      admin.field(
        `mutation($db: ID!) { setGroupMembers(databaseId: $db, role: "impbig_reporting", members: [], dryRun: true) {
           __typename ... on PermissionChange { ${BIG_FIELDS} } } }`,
        { db: dbId },
      ),
    );
    expect(impact.truncated).toBe(true);
    expect(impact.comparedPairs).toBeGreaterThan(100);
    const group = impact.membershipGroups.find((found) => found.role === 'impbig_reporting');
    expect(group).toMatchObject({ direction: 'LOSS', roleCount: await inheritorsOf('impbig_reporting') });
    expect(group?.roleCount).toBe(MEMBERS);
    expect(group?.members.map((member) => member.role).sort()).toEqual(
      Array.from({ length: MEMBERS }, (_, i) => `impbig_m${i}`).sort(),
    );
    // The tables it is granted SELECT on, as pg_shdepend records them.
    expect(group?.heldObjectCount).toBe(TABLES);
    // Nobody's privileges on an object are listed: the members were not compared one by one.
    expect(impact.privilegeGroups).toEqual([]);
  });

  it('tells what the grantee itself loses, with how many roles inherit it, and the same change is exact under the limit', async () => {
    const revoke = () =>
      admin.field<{ __typename: string; impact?: BigImpact }>(
        `mutation($db: ID!, $object: ObjectRef!) {
           revokePrivileges(databaseId: $db, object: $object, grantee: "impbig_reporting", privileges: ["SELECT"], dryRun: true) {
             __typename ... on PermissionChange { ${BIG_FIELDS} } } }`,
        { db: dbId, object: { kind: 'TABLE', schema: 'big', name: 't0' } },
      );
    const truncated = await withLimit(10, revoke);
    expect(truncated.truncated).toBe(true);
    expect(truncated.privilegeGroups).toEqual([
      {
        direction: 'LOSS',
        privilege: 'SELECT',
        roleCount: 1,
        inheritorCount: await inheritorsOf('impbig_reporting'),
        object: expect.objectContaining({ label: 'big.t0' }),
        roles: [expect.objectContaining({ role: 'impbig_reporting' })],
      },
    ]);
    expect(truncated.privilegeGroups[0]?.inheritorCount).toBe(MEMBERS);
    const complete = await withLimit(1_000, revoke);
    expect(complete.truncated).toBe(false);
    expect(complete.privilegeGroups[0]).toMatchObject({ roleCount: MEMBERS + 1, inheritorCount: null });
  });

  it('tells a revoke from PUBLIC as PUBLIC losing it, every role of the server having its privileges', async () => {
    const impact = await withLimit(10, () =>
      admin.field(
        `mutation($db: ID!, $object: ObjectRef!) {
           revokePrivileges(databaseId: $db, object: $object, grantee: null, privileges: ["SELECT"], dryRun: true) {
             __typename ... on PermissionChange { ${BIG_FIELDS} } } }`,
        { db: dbId, object: { kind: 'TABLE', schema: 'big', name: 'open' } },
      ),
    );
    const [roles] = await testApp.sql<{ count: number }>('SELECT count(*)::int AS count FROM pg_roles');
    expect(impact.truncated).toBe(true);
    expect(impact.privilegeGroups).toEqual([
      expect.objectContaining({
        direction: 'LOSS',
        privilege: 'SELECT',
        roleCount: 1,
        inheritorCount: roles?.count,
        object: { label: 'big.open' },
        roles: [{ role: 'PUBLIC' }],
      }),
    ]);
  });
});
