import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '../src/generated/prisma/enums.js';
import {
  assignableRoles,
  canAnswerInvitation,
  canBringIn,
  canManageCollaborator,
  type DatabaseCapabilities,
  databaseCapabilities,
  isRolecallAdmin,
  type Person,
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
  'configure / remove stored role passwords': ({ person, access }) =>
    mark(databaseCapabilities(person, access).canConfigureRoles),
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
    return assignableRoles(person) === 'CONFIGURED_ON_SERVER'
      ? 'any role configured on the server'
      : 'only roles already in use on this database';
  },
  'accept or decline an invitation sent to their own e-mail': ({ person }) =>
    mark(canAnswerInvitation(person, { email: ` ${person.email.toUpperCase()} ` })),
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
  canConfigureRoles: 'configure / remove stored role passwords',
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
    await configureRole(admin, databaseId, 'spare', await createLoginRole(testApp, 'spare'));
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

  it('offers each viewer who manages collaborators exactly the roles the table says they may give', async () => {
    const offered = async (name: string) => {
      const viewer = viewers.get(name) as { client: TestClient };
      const database = await viewer.client.field<{ configuredRoles: { rolname: string }[] }>(CAPABILITIES, {
        id: databaseId,
      });
      return database.configuredRoles.map((role) => role.rolname);
    };
    const rolesRow = table.get('roles they may give collaborators and invitees');
    expect(rolesRow?.get('admin')).toBe('any role configured on the server');
    expect(await offered('an admin who does not collaborate')).toEqual(['clerk', 'ledger_owner', 'spare']);
    expect(rolesRow?.get(COLUMNS[1])).toBe('only roles already in use on this database');
    expect(await offered('a MANAGER')).toEqual(['clerk', 'ledger_owner']);
  });
});
