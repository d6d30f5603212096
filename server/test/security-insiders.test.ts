import type { GraphQLInputType } from 'graphql';
import { getNamedType, isNonNullType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secret, startTestApp, type TestApp, testedPostgres, transcript } from './support/app.js';
import { type CatalogSnapshot, catalogSnapshot, changedParts } from './support/catalog-snapshot.js';
import type { TestClient } from './support/client.js';
import {
  addCollaborator,
  configureRole,
  connect,
  createManagedDatabase,
  createUser,
  ERROR_FIELDS,
  setupAdmin,
  signIn,
} from './support/fixtures.js';
import { type MetadataSnapshot, metadataSnapshot } from './support/metadata-snapshot.js';
import { allOperations, classificationGaps, rootFields } from './support/operations.js';
import { THROUGH_COLLABORATION } from './support/permissions.js';

/**
 * The insiders' matrix: every root field of the schema, called by a MEMBER and by a MANAGER of the database `vault`,
 * each working through a role of another power (plain, CREATEROLE, owner of its objects, superuser). The admin
 * connected vault as `root_role`, a superuser. Each call aims at what the caller must not get: the admin's role,
 * their own collaboration, the admin's invitation, passwords. A refusal must change neither Rolecall's metadata nor
 * the server's catalog; catalog changes run as dry runs, so what PostgreSQL allows the caller's role is only previewed.
 */

const POWERS = ['plain', 'creator', 'owner', 'super'] as const;
type Power = (typeof POWERS)[number];
const ACCESSES = ['MEMBER', 'MANAGER'] as const;
type Access = (typeof ACCESSES)[number];

const ROLE_OF: Record<Power, string> = { plain: 'r_plain', creator: 'r_creator', owner: 'r_owner', super: 'r_super' };

interface Insider {
  name: string;
  access: Access;
  power: Power;
  rolname: string;
  client: TestClient;
  fresh: () => Promise<TestClient>;
  userId: string;
  collaboratorId: string;
}

/**
 * What a call must answer: a typename; `refused`, any typed error (NothingChanged included), for what PostgreSQL
 * refuses the caller's role; `typed`, either a preview or a typed error.
 */
type Outcome = string;
interface Expectation {
  outcome: (insider: Insider) => Outcome;
  /** Metadata tables the call may change (the caller's own rows). */
  own?: string[];
}

const always = (outcome: Outcome, own?: string[]): Expectation => ({ outcome: () => outcome, own });

/** Catalog changes on the admin's role, on g_reader (made by the cluster's superuser) or in the database: superusers only. */
const superuserOnly: Expectation = { outcome: ({ power }) => (power === 'super' ? 'PermissionChange' : 'refused') };
/** Grants on s.t: its owner and superusers; anyone else is refused, or told PostgreSQL changed nothing (a WARNING). */
const ownerOrSuperuser: Expectation = {
  outcome: ({ power }) => (power === 'super' || power === 'owner' ? 'PermissionChange' : 'refused'),
};
/**
 * Members of g_reader (made by the cluster's superuser): superusers only from PostgreSQL 16 on, where CREATEROLE needs
 * ADMIN OPTION on the group; on 15 CREATEROLE may grant and revoke membership in any non-superuser role.
 */
const groupMembers: Expectation = {
  outcome: ({ power }) =>
    power === 'super' || (power === 'creator' && !testedPostgres.createRoleNeedsAdmin) ? 'PermissionChange' : 'refused',
};
/** Dropping the admin's role: refused to all but superusers; for them PostgreSQL decides how (it owns vault). */
const previewedOrRefused: Expectation = { outcome: ({ power }) => (power === 'super' ? 'typed' : 'refused') };

const CATALOG_EXPECTATIONS: Record<string, Expectation> = {
  alterRole: superuserOnly,
  renameRole: superuserOnly,
  dropRole: previewedOrRefused,
  grantMembership: superuserOnly,
  revokeMembership: groupMembers,
  setGroupMembers: groupMembers,
  grantPrivileges: ownerOrSuperuser,
  revokePrivileges: ownerOrSuperuser,
  setPrivileges: ownerOrSuperuser,
  // s.t is the schema's only table.
  grantOnAllTables: ownerOrSuperuser,
  // For the admin's role: FOR ROLE needs being it or a member of it.
  setDefaultPrivileges: superuserOnly,
  // Settings and comment of the admin's (superuser) role.
  setRoleSetting: superuserOnly,
  setRoleComment: superuserOnly,
  // root_role has no work_mem setting: a superuser's preview is told nothing would change.
  resetRoleSetting: { outcome: ({ power }) => (power === 'super' ? 'NothingChanged' : 'refused') },
  // To r_plain: even s.t's owner must be able to SET ROLE r_plain.
  transferOwnership: superuserOnly,
  createSchema: superuserOnly,
  // Rolecall's own rules, whatever PostgreSQL would allow: configured passwords are the admins' secret.
  createRole: always('ForbiddenError'),
  setRolePassword: always('ForbiddenError'),
};

/** Every root field must be classified here: a field added to the schema without a row fails the matrix. */
const EXPECTED: Record<string, Expectation> = {
  ...Object.fromEntries(Object.entries(CATALOG_EXPECTATIONS).map(([field, value]) => [`mutation.${field}`, value])),
  'mutation.acceptInvitation': always('InvitationUnusableError'),
  'mutation.declineInvitationLink': always('InvitationUnusableError'),
  'query.invitationLink': always('InvitationUnusableError'),
  'mutation.acceptMyInvitation': always('NotFoundError'),
  // Whoever may read vault's catalog may review it; a snapshot someone else saved is theirs to delete.
  // Saving a snapshot is recorded in the event log (access_snapshot.saved).
  'mutation.saveAccessSnapshot': always('AccessSnapshot', ['AccessSnapshot', 'Event']),
  'mutation.deleteAccessSnapshot': always('ForbiddenError'),
  'mutation.addCollaborator': always('ForbiddenError'),
  'mutation.changePassword': always('InvalidCredentialsError'),
  'mutation.configureRole': always('ForbiddenError'),
  'mutation.connectDatabase': always('ForbiddenError'),
  'mutation.createApiToken': always('CreatedApiToken', ['ApiToken']),
  'mutation.createUser': always('ForbiddenError'),
  'mutation.declineInvitation': always('NotFoundError'),
  'mutation.disconnectDatabase': always('ForbiddenError'),
  'mutation.inviteCollaborator': always('ForbiddenError'),
  'mutation.leaveDatabase': always('NotFoundError'),
  'mutation.login': always('InvalidCredentialsError'),
  'mutation.logout': always('Boolean', ['Session', 'Event']),
  'mutation.removeCollaborator': always('ForbiddenError'),
  // Their address was set by an admin, so it is proven already; a made-up token proves nothing.
  'mutation.requestEmailVerification': always('ConflictError'),
  'mutation.verifyEmail': always('VerificationUnusableError'),
  'mutation.removeConfiguredRole': always('ForbiddenError'),
  'mutation.resendInvitation': always('ForbiddenError'),
  'mutation.revokeApiToken': always('NotFoundError'),
  'mutation.revokeInvitation': always('ForbiddenError'),
  'mutation.setRoleAssignable': always('ForbiddenError'),
  'mutation.setup': always('SetupAlreadyDoneError'),
  'mutation.testConnection': always('ForbiddenError'),
  'mutation.updateCollaborator': always('ForbiddenError'),
  'mutation.updateUser': always('ForbiddenError'),
  'query.apiTokens': always('QueryApiTokensConnection'),
  'query.auditLog': always('EventPage'),
  // Insiders read vault's events and so their impacts; no event has cursor 0.
  'query.eventImpact': always('null'),
  'query.eventKinds': always('List'),
  'query.canSendEmail': always('Boolean'),
  'query.database': always('Database'),
  'query.databases': always('QueryDatabasesConnection'),
  'query.demoDatabase': always('null'),
  'query.myInvitations': always('QueryMyInvitationsConnection'),
  'query.setupRequired': always('Boolean'),
  'query.users': always('ForbiddenError'),
  'query.viewer': always('User'),
  // Another user: only admins and the user themself may look a user up by id.
  'query.node': always('null'),
  // Insiders may watch vault; what they see of it is the live tests' matter.
  'subscription.events': always('not called'),
};

interface World {
  vaultId: string;
  spareId: string;
  roleIds: Map<string, string>;
  adminCollaboratorId: string;
  adminInvitationId: string;
  adminTokenId: string;
  puppetId: string;
  snapshotId: string;
}

let testApp: TestApp;
let admin: TestClient;
let world: World;
const insiders: Insider[] = [];

const FAKE_INVITATION_TOKEN = `rci_${'A'.repeat(43)}`;
const WRONG_PASSWORD = 'not-the-password-1';

/** The real object each argument names; any other ID argument is unclassified and fails the matrix. */
function valueFor(insider: Insider): (path: readonly string[], type: GraphQLInputType) => unknown {
  const rootRoleId = world.roleIds.get('root_role');
  const onTable = { kind: 'TABLE', schema: 's', name: 't' };
  const table: Record<string, unknown> = {
    'acceptInvitation.token': FAKE_INVITATION_TOKEN,
    'declineInvitationLink.token': FAKE_INVITATION_TOKEN,
    'invitationLink.token': FAKE_INVITATION_TOKEN,
    'node.id': world.puppetId,
    'acceptMyInvitation.id': world.adminInvitationId,
    'addCollaborator.input': {
      databaseId: world.vaultId,
      userId: world.puppetId,
      configuredRoleId: rootRoleId,
      access: 'MANAGER',
    },
    'alterRole.name': 'root_role',
    'alterRole.attributes': { createDb: true },
    'changePassword.currentPassword': WRONG_PASSWORD,
    'changePassword.newPassword': 'a-new-password-1',
    'configureRole.role': 'r_plain',
    'configureRole.password': WRONG_PASSWORD,
    'connectDatabase.input': {
      host: '127.0.0.1',
      port: testApp.cluster.port,
      database: 'spare',
      role: 'root_role',
      password: WRONG_PASSWORD,
    },
    'createRole.input': {
      name: 'intruder',
      login: true,
      password: 'intruder-password-1',
      configure: true,
    },
    'createSchema.name': 'intruder_schema',
    'createUser.input': { username: 'intruder', email: 'intruder@example.com', password: 'intruder-password-1' },
    'declineInvitation.id': world.adminInvitationId,
    'deleteAccessSnapshot.id': world.snapshotId,
    'saveAccessSnapshot.subject': { role: 'r_plain' },
    'disconnectDatabase.id': world.vaultId,
    'dropRole.name': 'root_role',
    'dropRole.reassignTo': insider.rolname,
    'grantMembership.role': 'root_role',
    'grantMembership.membership': { member: insider.rolname, admin: true },
    'grantPrivileges.object': onTable,
    'grantPrivileges.grantee': 'r_plain',
    'grantPrivileges.privileges': ['SELECT', 'INSERT'],
    'grantOnAllTables.schema': 's',
    'grantOnAllTables.grantee': 'r_plain',
    'grantOnAllTables.privileges': ['SELECT', 'INSERT'],
    'inviteCollaborator.input': {
      databaseId: world.vaultId,
      email: 'intruder@example.com',
      configuredRoleId: rootRoleId,
      access: 'MANAGER',
    },
    'leaveDatabase.databaseId': world.spareId,
    'login.login': 'root_admin',
    'login.password': WRONG_PASSWORD,
    'removeCollaborator.id': world.adminCollaboratorId,
    'removeConfiguredRole.id': rootRoleId,
    'renameRole.name': 'root_role',
    'renameRole.newName': 'pwned',
    'resendInvitation.id': world.adminInvitationId,
    'revokeApiToken.id': world.adminTokenId,
    'revokeInvitation.id': world.adminInvitationId,
    'revokeMembership.role': 'g_reader',
    'revokeMembership.member': 'r_plain',
    'revokePrivileges.object': onTable,
    'revokePrivileges.grantee': 'r_plain',
    'revokePrivileges.privileges': ['SELECT'],
    'setGroupMembers.role': 'g_reader',
    'setGroupMembers.members': [{ member: 'r_owner' }],
    'setPrivileges.object': onTable,
    'setPrivileges.grants': [{ grantee: 'r_plain', preset: 'WRITE' }],
    'setDefaultPrivileges.creator': 'root_role',
    'setDefaultPrivileges.schema': 's',
    'setDefaultPrivileges.kind': 'TABLE',
    'setDefaultPrivileges.grants': [{ grantee: 'r_plain', preset: 'WRITE' }],
    'setRoleSetting.role': 'root_role',
    'setRoleSetting.name': 'work_mem',
    'setRoleSetting.value': '64kB',
    'resetRoleSetting.role': 'root_role',
    'resetRoleSetting.name': 'work_mem',
    'setRoleComment.role': 'root_role',
    'setRoleComment.comment': 'pwned',
    // Their own role: the one whose password would give them a direct login that outlives their collaboration.
    'setRolePassword.name': insider.rolname,
    'setRolePassword.password': 'taken-over-password-1',
    'setRoleAssignable.configuredRoleId': world.roleIds.get('r_plain'),
    'setRoleAssignable.assignable': true,
    'setup.input': { username: 'intruder', email: 'intruder@example.com', password: 'intruder-password-1' },
    'testConnection.input': {
      host: '127.0.0.1',
      port: testApp.cluster.port,
      database: 'vault',
      role: 'root_role',
      password: WRONG_PASSWORD,
    },
    'transferOwnership.object': onTable,
    'transferOwnership.newOwner': 'r_plain',
    'updateCollaborator.id': insider.collaboratorId,
    'updateCollaborator.input': { configuredRoleId: rootRoleId, access: 'MANAGER' },
    'updateUser.id': insider.userId,
    'updateUser.input': { isAdmin: true },
    'database.id': world.vaultId,
    'auditLog.databaseId': world.vaultId,
    'eventImpact.cursor': '0',
  };
  return (path, type) => {
    const key = path.join('.');
    if (key in table) return table[key];
    const [field, argument] = path;
    // What PostgreSQL would allow the role is previewed only: a superuser insider changes nothing either.
    if (argument === 'dryRun') return field !== 'createRole' && field !== 'setRolePassword';
    if (argument === 'databaseId') return world.vaultId;
    if (isNonNullType(type) && getNamedType(type).name === 'ID')
      throw new Error(`Unclassified id ${key}: name a real object for it in the matrix.`);
    return undefined;
  };
}

function outcomeOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return 'Boolean';
  if (Array.isArray(value)) return 'List';
  return (value as { __typename: string }).__typename;
}

function matches(outcome: string, expected: Outcome, value: unknown): boolean {
  const typedError = typeof (value as { code?: unknown } | null)?.code === 'string';
  if (expected === 'refused') return typedError;
  if (expected === 'typed') return typedError || outcome === 'PermissionChange';
  return outcome === expected;
}

interface State {
  metadata: MetadataSnapshot;
  catalog: CatalogSnapshot;
}

const currentState = async (): Promise<State> => ({
  metadata: await metadataSnapshot(testApp),
  catalog: await catalogSnapshot(testApp, 'vault'),
});

/** Creates the catalog before vault is connected, so the drift watcher records none of it. */
async function createCatalog(): Promise<Record<string, string>> {
  const passwords = Object.fromEntries(['root_role', ...Object.values(ROLE_OF)].map((role) => [role, secret(role)]));
  await testApp.sql(`CREATE ROLE root_role LOGIN SUPERUSER PASSWORD '${passwords.root_role}';
    CREATE ROLE r_plain LOGIN PASSWORD '${passwords.r_plain}';
    CREATE ROLE r_creator LOGIN CREATEROLE PASSWORD '${passwords.r_creator}';
    CREATE ROLE r_owner LOGIN PASSWORD '${passwords.r_owner}';
    CREATE ROLE r_super LOGIN SUPERUSER PASSWORD '${passwords.r_super}';
    CREATE ROLE g_reader; GRANT g_reader TO r_plain`);
  await testApp.sql('CREATE DATABASE vault OWNER root_role');
  await testApp.sql(
    `CREATE SCHEMA s AUTHORIZATION r_owner; CREATE TABLE s.t (id int); ALTER TABLE s.t OWNER TO r_owner;
     GRANT USAGE ON SCHEMA s TO r_plain; GRANT SELECT ON s.t TO r_plain`,
    [],
    'vault',
  );
  return passwords;
}

async function createInsiders(): Promise<void> {
  for (const access of ACCESSES) {
    for (const power of POWERS) {
      const username = `${access.toLowerCase()}_${power}`;
      const user = await createUser(admin, username);
      const rolname = ROLE_OF[power];
      const added = await addCollaborator(admin, {
        databaseId: world.vaultId,
        userId: user.id,
        configuredRoleId: world.roleIds.get(rolname) as string,
        access,
      });
      expect(added.__typename).toBe('Collaborator');
      const fresh = async () => {
        const client = testApp.client();
        await signIn(client, username, user.password);
        return client;
      };
      insiders.push({
        name: `a ${access} through ${rolname}`,
        access,
        power,
        rolname,
        client: await fresh(),
        fresh,
        userId: user.id,
        collaboratorId: added.id as string,
      });
    }
  }
}

async function configuredRoleIds(): Promise<Map<string, string>> {
  const database = await admin.field<{ configuredRoles: { id: string; rolname: string }[] }>(
    'query($id: ID!) { database(id: $id) { ... on Database { configuredRoles { id rolname } } } }',
    { id: world.vaultId },
  );
  return new Map(database.configuredRoles.map((role) => [role.rolname, role.id]));
}

beforeAll(async () => {
  testApp = await startTestApp({ DRIFT_INTERVAL_MS: '300' });
  admin = testApp.client();
  await setupAdmin(admin, 'root_admin');
  const passwords = await createCatalog();
  const spare = await createManagedDatabase(testApp, 'spare', 'spare_owner');
  const vaultId = await connect(admin, testApp, {
    database: 'vault',
    owner: 'root_role',
    ownerPassword: passwords.root_role as string,
  });
  world = {
    vaultId,
    spareId: await connect(admin, testApp, spare),
    roleIds: new Map(),
    adminCollaboratorId: '',
    adminInvitationId: '',
    adminTokenId: '',
    puppetId: (await createUser(admin, 'puppet')).id,
    snapshotId: '',
  };
  for (const rolname of Object.values(ROLE_OF))
    expect(await configureRole(admin, vaultId, rolname, passwords[rolname] as string)).toMatchObject({
      __typename: 'ConfiguredRole',
    });
  world.roleIds = await configuredRoleIds();
  const adminView = await admin.field<{ collaborators: { id: string; user: { username: string } }[] }>(
    'query($id: ID!) { database(id: $id) { ... on Database { collaborators { id user { username } } } } }',
    { id: vaultId },
  );
  world.adminCollaboratorId = adminView.collaborators.find((c) => c.user.username === 'root_admin')?.id as string;
  await createUser(admin, 'second_admin', true);
  const invited = await admin.field(
    `mutation($input: InviteCollaboratorInput!) { inviteCollaborator(input: $input) { ${ERROR_FIELDS}
      ... on InvitationSent { invitation { id } } } }`,
    {
      input: {
        databaseId: vaultId,
        email: 'second_admin@example.com',
        configuredRoleId: world.roleIds.get('root_role'),
      },
    },
  );
  world.adminInvitationId = (invited.invitation as { id: string }).id;
  const token = await admin.field(
    `mutation { createApiToken(name: "admin") { ${ERROR_FIELDS} ... on CreatedApiToken { apiToken { id } } } }`,
  );
  world.adminTokenId = (token.apiToken as { id: string }).id;
  const snapshot = await admin.field<{ id: string }>(
    `mutation($db: ID!) { saveAccessSnapshot(databaseId: $db, subject: { role: "r_plain" }) { ${ERROR_FIELDS}
      ... on AccessSnapshot { id } } }`,
    { db: vaultId },
  );
  world.snapshotId = snapshot.id;
  await createInsiders();
});

afterAll(async () => {
  await testApp?.stop();
});

describe('the classification table', () => {
  it('covers every root field of the schema, and nothing else', () => {
    expect(classificationGaps(EXPECTED)).toEqual({ unclassified: [], unknown: [] });
  });

  it('names every change made through a collaboration', () => {
    expect(Object.keys(CATALOG_EXPECTATIONS).sort()).toEqual([...THROUGH_COLLABORATION].sort());
  });
});

const INSIDER_NAMES = ACCESSES.flatMap((access) => POWERS.map((power) => `a ${access} through ${ROLE_OF[power]}`));
const FIELDS = (['mutation', 'query'] as const).flatMap((kind) =>
  rootFields(kind).map((field) => ({ kind, field: field.name })),
);

/** What every refusal must leave as it was: the state after the previous call (or after a fresh sign-in). */
let baseline: State | null = null;

describe.each(INSIDER_NAMES)('%s', (insiderName) => {
  it.each(FIELDS)('gets no more than their role gives from $kind $field', async ({ kind, field }) => {
    const insider = insiders.find((candidate) => candidate.name === insiderName) as Insider;
    const expectation = EXPECTED[`${kind}.${field}`] as Expectation;
    const operation = allOperations(kind, { valueFor: valueFor(insider), depth: kind === 'query' ? 3 : 1 }).find(
      (candidate) => candidate.field === field,
    );
    if (!operation) throw new Error(`${kind}.${field} has no generated operation`);
    let client = insider.client;
    if (field === 'logout') {
      client = await insider.fresh();
      baseline = null;
    }
    baseline ??= await currentState();
    const response = await client.raw({ query: operation.query, variables: operation.variables });
    const body = await response.text();
    transcript.push(body);
    const result = JSON.parse(body) as { data?: Record<string, unknown>; errors?: unknown[] };
    expect(result.errors, body).toBeUndefined();
    const value = result.data?.[field];
    const expected = expectation.outcome(insider);
    expect(matches(outcomeOf(value), expected, value), `${expected} expected: ${body}`).toBe(true);

    const after = await currentState();
    const before = baseline;
    baseline = after;
    expect(changedParts(before.catalog, after.catalog)).toEqual([]);
    const own = expectation.own ?? [];
    expect(changedParts(before.metadata, after.metadata).filter((table) => !own.includes(table))).toEqual([]);
  });
});

const insiderNamed = (access: Access, power: Power) =>
  insiders.find((insider) => insider.access === access && insider.power === power) as Insider;

const OFFERS = `query($id: ID!) { database(id: $id) { ... on Database {
  roleOffers { ${ERROR_FIELDS} ... on DatabaseRoleOffersConnection { nodes { configuredRole { rolname } refusal } } } } } }`;

async function offeredTo(insider: Insider): Promise<Record<string, string | null>> {
  const database = await insider.client.field<{
    roleOffers: { nodes: { configuredRole: { rolname: string }; refusal: string | null }[] };
  }>(OFFERS, { id: world.vaultId });
  return Object.fromEntries(database.roleOffers.nodes.map((offer) => [offer.configuredRole.rolname, offer.refusal]));
}

describe('what a MANAGER may give', () => {
  it('is what their own role may SET ROLE to, minus roles with server-wide powers, whatever that role is', async () => {
    const everyone = ['r_creator', 'r_owner', 'r_plain', 'r_super', 'root_role', 'spare_owner'];
    const refusedAll = (except: string[]) =>
      Object.fromEntries(everyone.map((role) => [role, except.includes(role) ? null : 'NOT_SETTABLE']));
    const powerful = { r_creator: 'SERVER_WIDE_POWER', r_super: 'SERVER_WIDE_POWER', root_role: 'SERVER_WIDE_POWER' };
    const spareOwner = { spare_owner: 'SERVER_WIDE_POWER' };
    expect(await offeredTo(insiderNamed('MANAGER', 'plain'))).toEqual({
      ...refusedAll(['r_plain']),
      ...powerful,
      ...spareOwner,
    });
    // CREATEROLE reaches past the database: not even their own role can be given.
    expect(await offeredTo(insiderNamed('MANAGER', 'creator'))).toEqual({
      ...refusedAll([]),
      ...powerful,
      ...spareOwner,
    });
    expect(await offeredTo(insiderNamed('MANAGER', 'owner'))).toEqual({
      ...refusedAll(['r_owner']),
      ...powerful,
      ...spareOwner,
    });
    // A superuser may become anyone, yet gives only roles without server-wide powers.
    expect(await offeredTo(insiderNamed('MANAGER', 'super'))).toEqual({
      ...refusedAll(['r_owner', 'r_plain']),
      ...powerful,
      ...spareOwner,
    });
    for (const power of POWERS) expect(await offeredTo(insiderNamed('MEMBER', power))).toEqual({});
  });

  it("never reaches the admin's superuser role: not for another collaborator, not through its password", async () => {
    const manager = insiderNamed('MANAGER', 'super');
    const member = insiderNamed('MEMBER', 'plain');
    const before = await currentState();
    const switched = await manager.client.field(
      `mutation($id: ID!, $role: ID!) { updateCollaborator(id: $id, input: { configuredRoleId: $role }) {
        ${ERROR_FIELDS} } }`,
      { id: member.collaboratorId, role: world.roleIds.get('root_role') },
    );
    expect(switched).toMatchObject({ __typename: 'ForbiddenError' });
    expect(switched.message).toContain('only admins give such roles');
    // PostgreSQL would let a superuser role change root_role's password; Rolecall keeps it the admins' secret.
    const password = await manager.client.field(
      `mutation($id: ID!) { setRolePassword(databaseId: $id, name: "root_role", password: "taken-over-password-1") {
        ${ERROR_FIELDS} } }`,
      { id: world.vaultId },
    );
    expect(password).toMatchObject({ __typename: 'ForbiddenError' });
    const after = await currentState();
    expect(changedParts(before.catalog, after.catalog)).toEqual([]);
    expect(changedParts(before.metadata, after.metadata)).toEqual([]);
  });

  it('still lets a MANAGER give what their role may become, and manage others', async () => {
    const manager = insiderNamed('MANAGER', 'super');
    const added = await addCollaborator(manager.client, {
      databaseId: world.vaultId,
      userId: world.puppetId,
      configuredRoleId: world.roleIds.get('r_owner') as string,
    });
    expect(added).toMatchObject({ __typename: 'Collaborator', role: { rolname: 'r_owner' } });
    const changed = await insiderNamed('MANAGER', 'plain').client.field(
      `mutation($id: ID!) { updateCollaborator(id: $id, input: { access: MANAGER }) { ${ERROR_FIELDS}
        ... on Collaborator { access } } }`,
      { id: insiderNamed('MEMBER', 'plain').collaboratorId },
    );
    expect(changed).toMatchObject({ __typename: 'Collaborator', access: 'MANAGER' });
  });
});
