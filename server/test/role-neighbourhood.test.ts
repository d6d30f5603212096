import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, testedPostgres } from './support/app.js';
import type { TestClient } from './support/client.js';
import { connect, createManagedDatabase, setupAdmin } from './support/fixtures.js';

let testApp: TestApp;
let admin: TestClient;
let graphId: string;

interface Membership {
  role: { name: string };
  member: { name: string };
  admin: boolean;
  inherit: boolean;
  set: boolean;
}
interface Neighbourhood {
  __typename: string;
  field?: string;
  center: { name: string };
  roles: { name: string; canLogin: boolean; memberCount: number; memberOfCount: number }[];
  memberships: Membership[];
  truncated: boolean;
}
interface Page<N> {
  totalCount: number;
  nodes: N[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const MEMBERSHIP = 'role { name } member { name } admin inherit set';

async function inCatalog<T>(selection: string, declarations: string, variables: Record<string, unknown>): Promise<T> {
  const result = await admin.request<{ database: { catalog: T } }>(
    `query($id: ID!, ${declarations}) {
      database(id: $id) { ... on Database { catalog { ... on DatabaseCatalog { ${selection} } } } } }`,
    { id: graphId, ...variables },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.database.catalog as T;
}

async function neighbourhood(role: string, depth?: number, perRole?: number): Promise<Neighbourhood> {
  const found = await inCatalog<{ roleNeighbourhood: Neighbourhood }>(
    `roleNeighbourhood(role: $role, depth: $depth, perRole: $perRole) {
      __typename ... on Error { code message } ... on ValidationError { field }
      ... on RoleNeighbourhood {
        center { name } roles { name canLogin memberCount memberOfCount } memberships { ${MEMBERSHIP} } truncated
      }
    }`,
    '$role: String!, $depth: Int, $perRole: Int',
    { role, depth, perRole },
  );
  return found.roleNeighbourhood;
}

const names = (found: Neighbourhood) => found.roles.map((role) => role.name);
const edges = (memberships: Membership[]) =>
  memberships.map((membership) => `${membership.member.name} ∈ ${membership.role.name}`).sort();

/** PostgreSQL's answer: the direct members (or groups) of a role, groups before login roles, then in byte order. */
async function pgMemberships(role: string, side: 'members' | 'memberOf'): Promise<string[]> {
  const [near, far] = side === 'members' ? ['roleid', 'member'] : ['member', 'roleid'];
  const rows = await testApp.sql<{ rolname: string }>(
    `SELECT r.rolname FROM pg_roles r
      WHERE r.oid IN (SELECT ${far} FROM pg_auth_members WHERE ${near} = (SELECT oid FROM pg_roles WHERE rolname = $1))
      ORDER BY r.rolcanlogin, r.rolname COLLATE "C"`,
    [role],
  );
  return rows.map((row) => row.rolname);
}

beforeAll(async () => {
  testApp = await startTestApp();
  admin = testApp.client();
  await setupAdmin(admin);
  const graph = await createManagedDatabase(testApp, 'w5_graph', 'w5_graph_owner');
  // A group of 1,000 members: 996 login roles and 4 groups (every 250th), named so that by name alone the groups
  // would not come first.
  await testApp.sql(`DO $$ DECLARE member text; BEGIN
    CREATE ROLE w5_big;
    FOR i IN 1..1000 LOOP
      member := CASE WHEN i % 250 = 0 THEN 'w5_team_' || i ELSE 'w5_m' || lpad(i::text, 4, '0') END;
      EXECUTE format('CREATE ROLE %I %s', member, CASE WHEN i % 250 = 0 THEN 'NOLOGIN' ELSE 'LOGIN' END);
      EXECUTE format('GRANT w5_big TO %I', member);
    END LOOP;
  END $$`);
  // A chain of groups four deep above a login role that has members of its own; and a diamond whose bottom is
  // also a direct member of its top (with options of its own, and granted twice), and a member of a login role.
  // PostgreSQL 15 has no per-grant INHERIT (the bottom role's NOINHERIT says it there) and keeps one grant per pair.
  const bottomOptions = testedPostgres.membershipOptions
    ? 'CREATE ROLE w5_d_bottom LOGIN; GRANT w5_d_top TO w5_d_bottom WITH ADMIN TRUE, INHERIT FALSE;'
    : 'CREATE ROLE w5_d_bottom LOGIN NOINHERIT; GRANT w5_d_top TO w5_d_bottom WITH ADMIN OPTION;';
  await testApp.sql(
    `CREATE ROLE w5_c1; CREATE ROLE w5_c2; CREATE ROLE w5_c3; CREATE ROLE w5_c4; CREATE ROLE w5_leaf LOGIN;
     CREATE ROLE w5_below; CREATE ROLE w5_below2;
     GRANT w5_c1 TO w5_leaf; GRANT w5_c2 TO w5_c1; GRANT w5_c3 TO w5_c2; GRANT w5_c4 TO w5_c3;
     GRANT w5_leaf TO w5_below; GRANT w5_below TO w5_below2;
     CREATE ROLE w5_d_top; CREATE ROLE w5_d_left; CREATE ROLE w5_d_right; ${bottomOptions}
     CREATE ROLE w5_d_admin;
     GRANT w5_d_top TO w5_d_left, w5_d_right; GRANT w5_d_left, w5_d_right TO w5_d_bottom;
     GRANT w5_m0001 TO w5_d_bottom;
     GRANT w5_d_top TO w5_d_admin WITH ADMIN OPTION; GRANT w5_d_top TO w5_d_left GRANTED BY w5_d_admin;`,
  );
  graphId = await connect(admin, testApp, graph);
});

afterAll(async () => {
  await testApp?.stop();
});

describe('roleNeighbourhood: a readable graph around one role', () => {
  it('walks groups up and members down to the depth asked, the center first', async () => {
    expect(names(await neighbourhood('w5_leaf', 0))).toEqual(['w5_leaf']);
    const one = await neighbourhood('w5_leaf');
    expect(one.center).toEqual({ name: 'w5_leaf' });
    expect(names(one)).toEqual(['w5_leaf', 'w5_c1', 'w5_below']);
    expect(edges(one.memberships)).toEqual(['w5_below ∈ w5_leaf', 'w5_leaf ∈ w5_c1']);
    expect(one.truncated).toBe(false);
    expect(names(await neighbourhood('w5_leaf', 2))).toEqual(['w5_leaf', 'w5_c1', 'w5_c2', 'w5_below', 'w5_below2']);
    const five = await neighbourhood('w5_leaf', 5);
    expect(names(five)).toEqual(['w5_leaf', 'w5_c1', 'w5_c2', 'w5_c3', 'w5_c4', 'w5_below', 'w5_below2']);
    expect(edges(five.memberships)).toHaveLength(6);
    expect(names(await neighbourhood('w5_c4', 2))).toEqual(['w5_c4', 'w5_c3', 'w5_c2']);
  });

  it('lists every membership between the roles shown, a direct one the walk did not take too, and no other', async () => {
    const left = await neighbourhood('w5_d_left');
    expect(names(left)).toEqual(['w5_d_left', 'w5_d_top', 'w5_d_bottom']);
    expect(edges(left.memberships)).toEqual([
      'w5_d_bottom ∈ w5_d_left',
      'w5_d_bottom ∈ w5_d_top',
      'w5_d_left ∈ w5_d_top',
    ]);
    const direct = left.memberships.find((m) => m.member.name === 'w5_d_bottom' && m.role.name === 'w5_d_top');
    expect(direct).toMatchObject({ admin: true, inherit: false });
    // Groups before login roles on the way up too; the login role's own group (w5_big) is two steps away.
    const bottom = await neighbourhood('w5_d_bottom');
    expect(names(bottom)).toEqual(['w5_d_bottom', 'w5_d_left', 'w5_d_right', 'w5_d_top', 'w5_m0001']);
    expect(edges(bottom.memberships)).toEqual([
      'w5_d_bottom ∈ w5_d_left',
      'w5_d_bottom ∈ w5_d_right',
      'w5_d_bottom ∈ w5_d_top',
      'w5_d_bottom ∈ w5_m0001',
      'w5_d_left ∈ w5_d_top',
      'w5_d_right ∈ w5_d_top',
    ]);
  });

  it('shows at most perRole members of a 1,000-member group, groups first, and says it left some out', async () => {
    const started = performance.now();
    const big = await neighbourhood('w5_big', 2);
    const elapsed = performance.now() - started;
    console.log(`roleNeighbourhood(w5_big, depth 2, perRole 40) over 1,000 members: ${elapsed.toFixed(0)} ms`);
    expect(elapsed).toBeLessThan(5_000);
    const members = await pgMemberships('w5_big', 'members');
    expect(members.slice(0, 5)).toEqual(['w5_team_1000', 'w5_team_250', 'w5_team_500', 'w5_team_750', 'w5_m0001']);
    // w5_m0001 is expanded at the second step: its member w5_d_bottom comes in, not the diamond above it.
    expect(names(big)).toEqual(['w5_big', ...members.slice(0, 40), 'w5_d_bottom']);
    expect(big.truncated).toBe(true);
    expect(big.roles[0]).toMatchObject({ name: 'w5_big', memberCount: 1000, memberOfCount: 0 });
    expect(big.memberships).toHaveLength(41);
    expect(edges(big.memberships)).toContain('w5_d_bottom ∈ w5_m0001');

    const ten = await neighbourhood('w5_big', 1, 10);
    expect(names(ten)).toEqual(['w5_big', ...members.slice(0, 10)]);
    expect(ten.truncated).toBe(true);
    const all = await neighbourhood('w5_big', 1, 500);
    expect(all.roles).toHaveLength(501);
    // A member's neighbourhood shows its one group, not the group's 999 other members.
    const member = await neighbourhood('w5_m0499');
    expect(names(member)).toEqual(['w5_m0499', 'w5_big']);
    expect(edges(member.memberships)).toEqual(['w5_m0499 ∈ w5_big']);
    expect(member.truncated).toBe(false);
  });

  it('refuses a depth outside 0–5 or a perRole outside 1–500, and names an unknown role', async () => {
    for (const [depth, perRole, field] of [
      [-1, 40, 'depth'],
      [6, 40, 'depth'],
      [1, 0, 'perRole'],
      [1, 501, 'perRole'],
    ] as const) {
      expect(await neighbourhood('w5_leaf', depth, perRole)).toMatchObject({ __typename: 'ValidationError', field });
    }
    expect(await neighbourhood('w5_ghost')).toMatchObject({ __typename: 'NotFoundError' });
    expect(await neighbourhood('x'.repeat(64))).toMatchObject({ __typename: 'ValidationError' });
  });
});

describe('membersConnection and memberOfConnection: direct memberships, groups first, searched and paged', () => {
  type RoleLists = {
    memberCount: number;
    memberOfCount: number;
    membersConnection: Page<Membership>;
    memberOfConnection: Page<Membership>;
  };
  async function lists(role: string, search?: string, first?: number, after?: string): Promise<RoleLists> {
    const page = `(search: $search, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { ${MEMBERSHIP} } }`;
    const found = await inCatalog<{ role: RoleLists }>(
      `role(name: $role) { memberCount memberOfCount membersConnection${page} memberOfConnection${page} }`,
      '$role: String!, $search: String, $first: Int, $after: String',
      { role, search, first, after },
    );
    return found.role;
  }

  it('lists a group’s members, groups before login roles, and pages through all of them exactly once', async () => {
    const members = await pgMemberships('w5_big', 'members');
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = (await lists('w5_big', undefined, 300, after)).membersConnection;
      expect(page.totalCount).toBe(1000);
      seen.push(...page.nodes.map((node) => node.member.name));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor ?? undefined;
    }
    expect(seen).toEqual(members);
    const teams = (await lists('w5_big', 'TEAM')).membersConnection;
    expect(teams.nodes.map((node) => node.member.name)).toEqual(members.slice(0, 4));
    expect((await lists('w5_big', '_m000')).membersConnection.totalCount).toBe(9);
    expect((await lists('w5_big', 'w5_m0%')).membersConnection.totalCount).toBe(0);
  });

  it('lists the groups of a role the same way, with each membership’s options', async () => {
    const bottom = await lists('w5_d_bottom');
    expect(bottom.memberOfConnection.nodes.map((node) => node.role.name)).toEqual(
      await pgMemberships('w5_d_bottom', 'memberOf'),
    );
    expect(bottom.memberOfConnection.nodes.map((node) => node.role.name)).toEqual([
      'w5_d_left',
      'w5_d_right',
      'w5_d_top',
      'w5_m0001',
    ]);
    expect(bottom.memberOfConnection.nodes[2]).toMatchObject({ admin: true, inherit: false, set: true });
    expect((await lists('w5_d_bottom', 'D_')).memberOfConnection.nodes.map((node) => node.role.name)).toEqual([
      'w5_d_left',
      'w5_d_right',
      'w5_d_top',
    ]);
    const paged: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = (await lists('w5_d_bottom', undefined, 1, after)).memberOfConnection;
      expect(page.nodes.length).toBeLessThanOrEqual(1);
      paged.push(...page.nodes.map((node) => node.role.name));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor ?? undefined;
    }
    expect(paged).toEqual(bottom.memberOfConnection.nodes.map((node) => node.role.name));
  });

  it('counts direct memberships as pg_auth_members has them, a pair granted by two grantors once', async () => {
    for (const role of ['w5_big', 'w5_d_top', 'w5_d_bottom', 'w5_d_left', 'w5_leaf', 'w5_m0001', 'w5_c4']) {
      const [counted] = await testApp.sql<{ members: number; groups: number }>(
        `SELECT (SELECT count(DISTINCT member) FROM pg_auth_members WHERE roleid = r.oid)::int AS members,
                (SELECT count(DISTINCT roleid) FROM pg_auth_members WHERE member = r.oid)::int AS groups
           FROM pg_roles r WHERE rolname = $1`,
        [role],
      );
      const found = await lists(role);
      expect({ members: found.memberCount, groups: found.memberOfCount }).toEqual(counted);
      expect(found.membersConnection.totalCount).toBe(counted?.members);
      expect(found.memberOfConnection.totalCount).toBe(counted?.groups);
    }
    const [rows] = await testApp.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_auth_members WHERE roleid = 'w5_d_top'::regrole AND member = 'w5_d_left'::regrole`,
    );
    expect(rows?.n).toBe(testedPostgres.membershipOptions ? 2 : 1);
    expect((await lists('w5_d_top')).memberCount).toBe(4);
  });
});
