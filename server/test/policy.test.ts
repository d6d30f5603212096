import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '../src/generated/prisma/enums.js';
import {
  assignableRoles,
  canAnswerInvitation,
  canBringIn,
  canManageCollaborator,
  canSetRolePassword,
  type DatabaseCapabilities,
  databaseCapabilities,
  isRolecallAdmin,
  type Person,
  type RoleToGive,
  refusalToGive,
} from '../src/policy/capabilities.js';
import { startTestApp, type TestApp } from './support/app.js';
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

/** The README's "Who may do what" table: action → column → cell. */
type PolicyTable = Map<string, Map<string, string>>;

const COLUMNS = ['admin', 'MANAGER of the database', 'MEMBER of the database', 'anyone else signed in'] as const;
type Column = (typeof COLUMNS)[number];

function readPolicyTable(): PolicyTable {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.split('### Who may do what')[1]?.split('\n## ')[0] ?? '';
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
  const [header = [], , ...body] = rows;
  expect(header).toEqual(['action', ...COLUMNS]);
  return new Map(body.map(([action = '', ...cells]) => [action, new Map(COLUMNS.map((c, i) => [c, cells[i] ?? '']))]));
}

/** Where a column's person stands: a viewer has one collaboration (or none) with the database in question. */
interface Standing {
  person: Person & { email: string };
  access: Access | null;
}

const STANDINGS: Record<Column, Standing[]> = {
  // An admin may or may not collaborate on a database; both are admins.
  admin: [
    { person: { isAdmin: true, email: 'ada@example.com' }, access: null },
    { person: { isAdmin: true, email: 'ada@example.com' }, access: 'MEMBER' },
  ],
  'MANAGER of the database': [{ person: { isAdmin: false, email: 'max@example.com' }, access: 'MANAGER' }],
  'MEMBER of the database': [{ person: { isAdmin: false, email: 'meg@example.com' }, access: 'MEMBER' }],
  'anyone else signed in': [{ person: { isAdmin: false, email: 'oz@example.com' }, access: null }],
};

const ADMIN = { isAdmin: true };
const mark = (allowed: boolean) => (allowed ? '✓' : '–');
/** ✓ with the limit in brackets when the person may act, but not on admins. */
const markLimited = (allowed: boolean, alsoOnAdmins: boolean, limit: string) =>
  !allowed ? '–' : alsoOnAdmins ? '✓' : `✓ (${limit})`;

/** What the policy functions decide for one table row and one standing, written as the README writes it. */
const DECISIONS: Record<string, (standing: Standing) => string> = {
  'create, update, deactivate users': ({ person }) => mark(isRolecallAdmin(person)),
  'connect / disconnect a database': ({ person, access }) =>
    mark(isRolecallAdmin(person) && databaseCapabilities(person, access).canDisconnect),
  'see the database and its collaborators': ({ person, access }) => mark(databaseCapabilities(person, access).canView),
  'read its live catalog (login roles, `currentRole`)': ({ person, access }) =>
    mark(databaseCapabilities(person, access).canReadCatalog),
  'configure / remove stored role passwords, mark roles assignable': ({ person, access }) =>
    mark(databaseCapabilities(person, access).canConfigureRoles),
  // setRolePassword runs as the viewer's role, so it needs one here.
  'set the password of a configured role': ({ person, access }) =>
    mark(databaseCapabilities(person, access).canReadCatalog && canSetRolePassword(person, { isConfigured: true })),
  'change their own collaboration (role, access)': ({ person, access }) =>
    mark(databaseCapabilities(person, access).canChangeOwnCollaboration),
  'add, change, remove collaborators': ({ person, access }) =>
    markLimited(
      databaseCapabilities(person, access).canManageCollaborators,
      canBringIn(person, access, ADMIN) && canManageCollaborator(person, access, { user: ADMIN }),
      "not admins' collaborations",
    ),
  'invite by e-mail, re-send, revoke invitations': ({ person, access }) =>
    markLimited(
      databaseCapabilities(person, access).canManageCollaborators,
      canBringIn(person, access, ADMIN),
      "not admins' addresses",
    ),
  'roles they may give collaborators and invitees': ({ person, access }) => {
    if (!databaseCapabilities(person, access).canManageCollaborators) return '–';
    const gives = (role: Partial<RoleToGive>) =>
      refusalToGive(person, { hasServerWidePower: false, giverMaySetRole: false, markedAssignable: false, ...role }) ===
      null;
    if (assignableRoles(person) === 'CONFIGURED_ON_SERVER' && gives({}) && gives({ hasServerWidePower: true }))
      return 'any role configured on the server';
    const powerful = { hasServerWidePower: true, giverMaySetRole: true, markedAssignable: true };
    if (!gives({}) && gives({ giverMaySetRole: true }) && gives({ markedAssignable: true }) && !gives(powerful))
      return 'roles their own role may `SET ROLE` to, or marked assignable here; never superuser, CREATEROLE, BYPASSRLS, REPLICATION';
    return 'undecided';
  },
  'accept or decline an invitation sent to their own e-mail': ({ person }) =>
    // "Their own": an address counts as theirs once proven (email-verification.test.ts covers unproven ones).
    mark(canAnswerInvitation({ ...person, emailVerifiedAt: new Date() }, { email: ` ${person.email.toUpperCase()} ` })),
  'leave the database': ({ person, access }) => mark(databaseCapabilities(person, access).canLeave),
  // No decision to make: changePassword and createApiToken act only on the signed-in user, whoever they are.
  'own password, own API tokens': () => mark(true),
};

/** One cell for a column: the same decision in every standing, or "as a collaborator" when collaborating decides. */
function decidedCell(action: string, column: Column): string {
  const decide = DECISIONS[action];
  if (!decide) throw new Error(`no policy decision for the README row "${action}"`);
  const cells = new Set(STANDINGS[column].map(decide));
  if (cells.size === 1) return [...cells][0] as string;
  const outside = STANDINGS[column].filter((standing) => standing.access === null).map(decide);
  const inside = STANDINGS[column].filter((standing) => standing.access !== null).map(decide);
  if (outside.every((cell) => cell === '–') && inside.every((cell) => cell === '✓')) return 'as a collaborator';
  return [...cells].join(' / ');
}

describe("the README's policy table", () => {
  const table = readPolicyTable();

  it('has a row for every decision the policy module makes, and no row it does not decide', () => {
    expect([...table.keys()].sort()).toEqual(Object.keys(DECISIONS).sort());
  });

  for (const action of Object.keys(DECISIONS)) {
    it(`says what the policy functions decide for "${action}"`, () => {
      const written = Object.fromEntries(COLUMNS.map((column) => [column, table.get(action)?.get(column)]));
      const decided = Object.fromEntries(COLUMNS.map((column) => [column, decidedCell(action, column)]));
      expect(written).toEqual(decided);
    });
  }
});

/** Which README row each `viewerCapabilities` field answers. */
const CAPABILITY_ROWS: Record<keyof DatabaseCapabilities, string> = {
  canView: 'see the database and its collaborators',
  canReadCatalog: 'read its live catalog (login roles, `currentRole`)',
  canManageCollaborators: 'add, change, remove collaborators',
  canConfigureRoles: 'configure / remove stored role passwords, mark roles assignable',
  canChangeOwnCollaboration: 'change their own collaboration (role, access)',
  canDisconnect: 'connect / disconnect a database',
  canLeave: 'leave the database',
};

/** A cell as a yes/no for one viewer: "as a collaborator" depends on whether they collaborate here. */
function allows(cell: string | undefined, collaborates: boolean): boolean {
  if (cell === 'as a collaborator') return collaborates;
  if (cell === '–') return false;
  if (cell?.startsWith('✓')) return true;
  throw new Error(`unreadable policy cell "${cell}"`);
}

const CAPABILITIES = `query($id: ID!) { database(id: $id) { ${ERROR_FIELDS} ... on Database {
  viewerCapabilities { ${Object.keys(CAPABILITY_ROWS).join(' ')} } configuredRoles { rolname } } } }`;

describe("Database.viewerCapabilities over GraphQL matches the README's table", () => {
  let testApp: TestApp;
  let databaseId: string;
  const roleIds = new Map<string, string>();
  const viewers = new Map<string, { client: TestClient; column: Column; collaborates: boolean }>();

  async function signedIn(username: string, password: string): Promise<TestClient> {
    const client = testApp.client();
    await signIn(client, username, password);
    return client;
  }

  beforeAll(async () => {
    testApp = await startTestApp();
    const admin = testApp.client();
    await setupAdmin(admin);
    databaseId = await connect(admin, testApp, await createManagedDatabase(testApp, 'ledger', 'ledger_owner'));
    const clerk = await configureRole(admin, databaseId, 'clerk', await createLoginRole(testApp, 'clerk'));
    const spare = await configureRole(admin, databaseId, 'spare', await createLoginRole(testApp, 'spare'));
    const deputyPassword = await createLoginRole(testApp, 'deputy');
    await testApp.sql('ALTER ROLE deputy CREATEROLE; GRANT deputy TO clerk');
    const deputy = await configureRole(admin, databaseId, 'deputy', deputyPassword);
    const ledgerOwner = (
      await admin.field<{ configuredRoles: { id: string; rolname: string }[] }>(
        'query($id: ID!) { database(id: $id) { ... on Database { configuredRoles { id rolname } } } }',
        { id: databaseId },
      )
    ).configuredRoles.find((role) => role.rolname === 'ledger_owner');
    for (const [rolname, role] of Object.entries({ clerk, spare, deputy, ledger_owner: ledgerOwner }))
      roleIds.set(rolname, role?.id as string);
    const join = async (username: string, access: Access | null, isAdmin = false) => {
      const user = await createUser(admin, username, isAdmin);
      if (access) {
        await addCollaborator(admin, { databaseId, userId: user.id, configuredRoleId: clerk.id as string, access });
      }
      return signedIn(username, user.password);
    };
    // The connecting admin collaborates through ledger_owner; a second admin does not collaborate.
    viewers.set('an admin who collaborates', { client: admin, column: 'admin', collaborates: true });
    viewers.set('an admin who does not collaborate', {
      client: await join('second_admin', null, true),
      column: 'admin',
      collaborates: false,
    });
    viewers.set('a MANAGER', { client: await join('max', 'MANAGER'), column: COLUMNS[1], collaborates: true });
    viewers.set('a MEMBER', { client: await join('meg', 'MEMBER'), column: COLUMNS[2], collaborates: true });
    viewers.set('an outsider', { client: await join('oz', null), column: COLUMNS[3], collaborates: false });
  });

  afterAll(async () => {
    await testApp?.stop();
  });

  const table = readPolicyTable();

  for (const name of [
    'an admin who collaborates',
    'an admin who does not collaborate',
    'a MANAGER',
    'a MEMBER',
    'an outsider',
  ]) {
    it(`gives ${name} the capabilities of their column`, async () => {
      const viewer = viewers.get(name);
      if (!viewer) throw new Error(name);
      const expected = Object.fromEntries(
        Object.entries(CAPABILITY_ROWS).map(([field, action]) => [
          field,
          allows(table.get(action)?.get(viewer.column), viewer.collaborates),
        ]),
      );
      const database = await viewer.client.field<{ viewerCapabilities?: Record<string, boolean> }>(CAPABILITIES, {
        id: databaseId,
      });
      if (!expected.canView) {
        // Nobody learns a database exists, let alone what they could do with it, unless they may see it.
        expect(database).toMatchObject({ __typename: 'NotFoundError' });
        return;
      }
      expect(database.viewerCapabilities).toEqual(expected);
    });
  }

  const OFFERS = `query($id: ID!) { database(id: $id) { ${ERROR_FIELDS} ... on Database {
    configuredRoles { rolname }
    roleOffers { ${ERROR_FIELDS} ... on DatabaseRoleOffersConnection {
      nodes { configuredRole { rolname } mayGive refusal markedAssignable } } } } } }`;

  interface Offers {
    configuredRoles: { rolname: string }[];
    roleOffers: { nodes: { configuredRole: { rolname: string }; mayGive: boolean; refusal: string | null }[] };
  }

  async function offersTo(name: string): Promise<{ given: string[]; refusals: Record<string, string | null> }> {
    const viewer = viewers.get(name) as { client: TestClient };
    const database = await viewer.client.field<Offers>(OFFERS, { id: databaseId });
    const refusals = Object.fromEntries(
      database.roleOffers.nodes.map((offer) => [offer.configuredRole.rolname, offer.refusal]),
    );
    const given = database.roleOffers.nodes
      .filter((offer) => offer.mayGive)
      .map((offer) => offer.configuredRole.rolname);
    expect(database.configuredRoles.map((role) => role.rolname)).toEqual(given);
    return { given, refusals };
  }

  async function markAssignable(rolname: string, assignable: boolean) {
    const admin = viewers.get('an admin who does not collaborate') as { client: TestClient };
    const roleId = roleIds.get(rolname);
    return admin.client.field(
      `mutation($db: ID!, $role: ID!, $assignable: Boolean!) {
        setRoleAssignable(databaseId: $db, configuredRoleId: $role, assignable: $assignable) {
          ${ERROR_FIELDS} ... on RoleOffer { markedAssignable } } }`,
      { db: databaseId, role: roleId, assignable },
    );
  }

  it('offers an admin every role configured on the server, powerful ones included', async () => {
    const rolesRow = table.get('roles they may give collaborators and invitees');
    expect(rolesRow?.get('admin')).toBe('any role configured on the server');
    const { given } = await offersTo('an admin who does not collaborate');
    expect(given).toEqual(['clerk', 'deputy', 'ledger_owner', 'spare']);
  });

  it("offers a MANAGER only what their own role may SET ROLE to, never the connecting admin's role", async () => {
    const { given, refusals } = await offersTo('a MANAGER');
    // clerk is the MANAGER's own role; deputy (CREATEROLE) is granted to clerk, so clerk may become it: still refused.
    expect(given).toEqual(['clerk']);
    expect(refusals).toEqual({
      clerk: null,
      deputy: 'SERVER_WIDE_POWER',
      ledger_owner: 'SERVER_WIDE_POWER',
      spare: 'NOT_SETTABLE',
    });
    expect(await offersTo('a MEMBER')).toEqual({ given: [], refusals: {} });
  });

  it('lets an admin mark a role assignable for managers, but never one with server-wide powers', async () => {
    expect(await markAssignable('spare', true)).toMatchObject({ __typename: 'RoleOffer', markedAssignable: true });
    expect((await offersTo('a MANAGER')).given).toEqual(['clerk', 'spare']);
    expect(await markAssignable('deputy', true)).toMatchObject({ __typename: 'ValidationError' });
    expect(await markAssignable('spare', false)).toMatchObject({ markedAssignable: false });
    expect((await offersTo('a MANAGER')).given).toEqual(['clerk']);
    const manager = viewers.get('a MANAGER') as { client: TestClient };
    const byManager = await manager.client.field(
      `mutation($db: ID!, $role: ID!) { setRoleAssignable(databaseId: $db, configuredRoleId: $role, assignable: true) {
        ${ERROR_FIELDS} } }`,
      { db: databaseId, role: roleIds.get('spare') },
    );
    expect(byManager.__typename).toBe('ForbiddenError');
  });
});
