import { type GraphQLInputType, getNamedType, isNonNullType } from 'graphql';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leakedSecrets, secret, startTestApp, type TestApp, transcript } from './support/app.js';
import { type CatalogSnapshot, catalogSnapshot, changedParts } from './support/catalog-snapshot.js';
import type { TestClient } from './support/client.js';
import {
  addCollaborator,
  configureRole,
  connect,
  createLoginRole,
  createManagedDatabase,
  createUser,
  ERROR_FIELDS,
  type ManagedDatabase,
  setupAdmin,
  signIn,
} from './support/fixtures.js';
import { type MetadataSnapshot, metadataSnapshot } from './support/metadata-snapshot.js';
import { allOperations, classificationGaps, type GeneratedOperation, rootFields } from './support/operations.js';
import { THROUGH_COLLABORATION } from './support/permissions.js';
import { collect, collectLive, newestCursor, wsClient } from './support/subscriptions.js';

/**
 * The escalation matrix: every root field of the schema × every kind of caller who must not act on the target
 * database `vault`. Each call names real objects (the database, a collaborator, a configured role, an invitation),
 * so a refusal is a decision and not just "no such thing", and each must change neither Rolecall's metadata nor
 * the managed catalog.
 */

type Group = 'anonymous' | 'signedIn';

interface Expectation {
  /** What a caller who is nobody gets (no credentials, or dead ones): a typename, `Boolean` or `null`. */
  anonymous: string;
  /** What a signed-in user who does not work on the target gets. */
  signedIn: string;
  /** Self-service that signed-in callers may use: the metadata tables it may change (their own rows). */
  own?: string[];
}

const unauthenticated = (signedIn: string): Expectation => ({ anonymous: 'UnauthenticatedError', signedIn });

/** Every root field must be classified here: a field added to the schema without a row fails the matrix. */
const EXPECTED: Record<string, Expectation> = {
  ...Object.fromEntries(THROUGH_COLLABORATION.map((field) => [`mutation.${field}`, unauthenticated('NotFoundError')])),
  'mutation.acceptInvitation': { anonymous: 'InvitationUnusableError', signedIn: 'InvitationUnusableError' },
  // The link is the credential: whoever holds a real one may read what it is for and decline it.
  'mutation.declineInvitationLink': { anonymous: 'InvitationUnusableError', signedIn: 'InvitationUnusableError' },
  'query.invitationLink': { anonymous: 'InvitationUnusableError', signedIn: 'InvitationUnusableError' },
  'mutation.acceptMyInvitation': unauthenticated('NotFoundError'),
  'mutation.saveAccessSnapshot': unauthenticated('NotFoundError'),
  'mutation.deleteAccessSnapshot': unauthenticated('NotFoundError'),
  'mutation.addCollaborator': unauthenticated('ForbiddenError'),
  'mutation.changePassword': unauthenticated('InvalidCredentialsError'),
  'mutation.configureRole': unauthenticated('ForbiddenError'),
  'mutation.connectDatabase': unauthenticated('ForbiddenError'),
  'mutation.createApiToken': { ...unauthenticated('CreatedApiToken'), own: ['ApiToken'] },
  'mutation.createUser': unauthenticated('ForbiddenError'),
  'mutation.declineInvitation': unauthenticated('NotFoundError'),
  'mutation.disconnectDatabase': unauthenticated('ForbiddenError'),
  'mutation.inviteCollaborator': unauthenticated('ForbiddenError'),
  'mutation.leaveDatabase': unauthenticated('NotFoundError'),
  'mutation.login': { anonymous: 'InvalidCredentialsError', signedIn: 'InvalidCredentialsError' },
  // Signing out ends the session and records that, so the session's live streams end on every instance.
  'mutation.logout': { anonymous: 'Boolean', signedIn: 'Boolean', own: ['Session', 'Event'] },
  'mutation.removeCollaborator': unauthenticated('ForbiddenError'),
  // Signed-in callers' addresses were set by an admin, so they are proven already.
  'mutation.requestEmailVerification': unauthenticated('ConflictError'),
  'mutation.verifyEmail': unauthenticated('VerificationUnusableError'),
  'mutation.removeConfiguredRole': unauthenticated('ForbiddenError'),
  'mutation.resendInvitation': unauthenticated('ForbiddenError'),
  'mutation.revokeApiToken': unauthenticated('NotFoundError'),
  'mutation.revokeInvitation': unauthenticated('ForbiddenError'),
  'mutation.setRoleAssignable': unauthenticated('ForbiddenError'),
  'mutation.setup': { anonymous: 'SetupAlreadyDoneError', signedIn: 'SetupAlreadyDoneError' },
  'mutation.testConnection': unauthenticated('ForbiddenError'),
  'mutation.updateCollaborator': unauthenticated('ForbiddenError'),
  'mutation.updateUser': unauthenticated('ForbiddenError'),
  // Queries answer signed-in outsiders with their own (empty) view; the leak check proves nothing of vault is in it.
  'query.apiTokens': unauthenticated('QueryApiTokensConnection'),
  'query.auditLog': unauthenticated('EventPage'),
  // An event of a database the caller does not work on has no impact for them (null, as for no such event).
  'query.eventImpact': unauthenticated('null'),
  'query.eventKinds': { anonymous: 'List', signedIn: 'List' },
  'query.canSendEmail': { anonymous: 'Boolean', signedIn: 'Boolean' },
  'query.database': unauthenticated('NotFoundError'),
  'query.databases': unauthenticated('QueryDatabasesConnection'),
  'query.demoDatabase': { anonymous: 'null', signedIn: 'null' },
  'query.myInvitations': unauthenticated('QueryMyInvitationsConnection'),
  'query.setupRequired': { anonymous: 'Boolean', signedIn: 'Boolean' },
  'query.users': unauthenticated('ForbiddenError'),
  'query.viewer': { anonymous: 'null', signedIn: 'User' },
  // A database the caller does not work on: its global id alone reveals nothing.
  'query.node': { anonymous: 'null', signedIn: 'null' },
  // Covered by the subscription cases below (4403 for nobody, no vault events for outsiders).
  'subscription.events': { anonymous: 'closed 4403', signedIn: 'no events of vault' },
};

interface Caller {
  name: string;
  group: Group;
  /** The client to call with; `fresh` gives a new signed-in session for calls that end it (logout). */
  client: TestClient;
  fresh?: () => Promise<TestClient>;
  /** Their own user id (or a standard user's for nobody), for self-escalation attempts such as updateUser. */
  selfId: string;
  ws: () => Client;
}

/** Real objects the calls name. */
interface World {
  vault: ManagedDatabase;
  spare: ManagedDatabase;
  vaultId: string;
  memberRolePassword: string;
  memberRoleId: string;
  collaboratorId: string;
  invitationId: string;
  adminTokenId: string;
  adminUsername: string;
  snapshotId: string;
}

let testApp: TestApp;
let admin: TestClient;
let adminToken: string;
let world: World;
const callers: Caller[] = [];

const FAKE_INVITATION_TOKEN = `rci_${'A'.repeat(43)}`;
const ATTACKER_PASSWORD = 'attacker-password-1';

/** The real object each argument names; any other ID argument is unclassified and fails the matrix. */
function valueFor(caller: Caller): (path: readonly string[], type: GraphQLInputType) => unknown {
  const table: Record<string, unknown> = {
    'acceptInvitation.token': FAKE_INVITATION_TOKEN,
    'declineInvitationLink.token': FAKE_INVITATION_TOKEN,
    'invitationLink.token': FAKE_INVITATION_TOKEN,
    'node.id': world.vaultId,
    'acceptMyInvitation.id': world.invitationId,
    'addCollaborator.input': {
      databaseId: world.vaultId,
      userId: caller.selfId,
      configuredRoleId: world.memberRoleId,
      access: 'MANAGER',
    },
    'alterRole.name': world.vault.owner,
    'alterRole.attributes': { createDb: true, bypassRls: true, connectionLimit: 0 },
    'changePassword.currentPassword': ATTACKER_PASSWORD,
    'changePassword.newPassword': 'a-new-password-1',
    'configureRole.role': 'member_role',
    'configureRole.password': world.memberRolePassword,
    'connectDatabase.input': {
      host: '127.0.0.1',
      port: testApp.cluster.port,
      database: world.spare.database,
      role: world.spare.owner,
      password: world.spare.ownerPassword,
    },
    'createRole.input': { name: 'intruder', login: true, createRole: true, password: 'intruder-password-1' },
    'createSchema.name': 'intruder_schema',
    'createUser.input': {
      username: 'intruder',
      email: 'intruder@example.com',
      password: 'intruder-password-1',
      isAdmin: true,
    },
    'declineInvitation.id': world.invitationId,
    'deleteAccessSnapshot.id': world.snapshotId,
    'disconnectDatabase.id': world.vaultId,
    'dropRole.name': 'g_reader',
    'dropRole.reassignTo': 'outsider',
    'grantMembership.role': world.vault.owner,
    'grantMembership.membership': { member: 'outsider', admin: true },
    'grantPrivileges.object': { kind: 'TABLE', schema: 's', name: 't' },
    'grantPrivileges.grantee': 'outsider',
    'grantPrivileges.privileges': ['SELECT', 'INSERT'],
    'grantOnAllTables.schema': 's',
    'grantOnAllTables.grantee': 'outsider',
    'grantOnAllTables.privileges': ['SELECT', 'INSERT'],
    'inviteCollaborator.input': {
      databaseId: world.vaultId,
      email: 'intruder@example.com',
      configuredRoleId: world.memberRoleId,
      access: 'MANAGER',
    },
    'login.login': world.adminUsername,
    'login.password': ATTACKER_PASSWORD,
    'removeCollaborator.id': world.collaboratorId,
    'removeConfiguredRole.id': world.memberRoleId,
    'renameRole.name': world.vault.owner,
    'renameRole.newName': 'pwned',
    'resendInvitation.id': world.invitationId,
    'revokeApiToken.id': world.adminTokenId,
    'revokeInvitation.id': world.invitationId,
    'revokeMembership.role': 'g_reader',
    'revokeMembership.member': 'member_role',
    'revokePrivileges.object': { kind: 'TABLE', schema: 's', name: 't' },
    'revokePrivileges.grantee': 'member_role',
    'revokePrivileges.privileges': ['SELECT'],
    'setGroupMembers.role': 'g_reader',
    'setGroupMembers.members': [{ member: 'outsider' }],
    'setPrivileges.object': { kind: 'TABLE', schema: 's', name: 't' },
    'setPrivileges.grants': [{ grantee: 'outsider', preset: 'WRITE' }],
    'setDefaultPrivileges.creator': world.vault.owner,
    'setDefaultPrivileges.schema': 's',
    'setDefaultPrivileges.kind': 'TABLE',
    'setDefaultPrivileges.grants': [{ grantee: 'outsider', preset: 'WRITE' }],
    'setRoleSetting.role': world.vault.owner,
    'setRoleSetting.name': 'work_mem',
    'setRoleSetting.value': '64kB',
    'resetRoleSetting.role': world.vault.owner,
    'resetRoleSetting.name': 'work_mem',
    'setRoleComment.role': world.vault.owner,
    'setRoleComment.comment': 'pwned',
    'setRoleAssignable.configuredRoleId': world.memberRoleId,
    'setRoleAssignable.assignable': true,
    'setRolePassword.name': world.vault.owner,
    'setRolePassword.password': 'taken-over-password-1',
    'setup.input': { username: 'intruder', email: 'intruder@example.com', password: 'intruder-password-1' },
    'testConnection.input': {
      host: '127.0.0.1',
      port: testApp.cluster.port,
      database: world.vault.database,
      role: world.vault.owner,
      password: world.vault.ownerPassword,
    },
    'transferOwnership.object': { kind: 'TABLE', schema: 's', name: 't' },
    'transferOwnership.newOwner': 'outsider',
    'updateCollaborator.id': world.collaboratorId,
    'updateCollaborator.input': { access: 'MANAGER' },
    'updateUser.id': caller.selfId,
    'updateUser.input': { isAdmin: true, isActive: true },
    'database.id': world.vaultId,
    'auditLog.databaseId': world.vaultId,
    'eventImpact.cursor': '0',
  };
  return (path, type) => {
    const key = path.join('.');
    if (key in table) return table[key];
    if (path.at(-1) === 'databaseId') return world.vaultId;
    if (isNonNullType(type) && getNamedType(type).name === 'ID') {
      throw new Error(`Unclassified id ${key}: name a real object for it in the matrix.`);
    }
    return undefined;
  };
}

/** Strings of the target that no outsider may see in any answer. */
const VAULT_MARKERS = ['vault', 'invitee@example.com'];

function outcomeOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return 'Boolean';
  if (Array.isArray(value)) return 'List';
  return (value as { __typename: string }).__typename;
}

interface State {
  metadata: MetadataSnapshot;
  catalog: CatalogSnapshot;
}

async function currentState(): Promise<State> {
  const [metadata, catalog] = await Promise.all([metadataSnapshot(testApp), catalogSnapshot(testApp, 'vault')]);
  return { metadata, catalog };
}

/** What every refusal must leave as it was: the state after the previous call (or after a fresh sign-in). */
let baseline: State | null = null;

async function expectDenied(caller: Caller, operation: GeneratedOperation, expectation: Expectation) {
  let client = caller.client;
  if (operation.field === 'logout' && caller.fresh) {
    client = await caller.fresh();
    baseline = null;
  }
  baseline ??= await currentState();
  const response = await client.raw({ query: operation.query, variables: operation.variables });
  const body = await response.text();
  transcript.push(body);
  const result = JSON.parse(body) as { data?: Record<string, unknown>; errors?: unknown[] };
  expect(result.errors, body).toBeUndefined();
  expect(outcomeOf(result.data?.[operation.field]), body).toBe(expectation[caller.group]);
  for (const marker of VAULT_MARKERS) expect(body).not.toContain(marker);

  const after = await currentState();
  const before = baseline;
  baseline = after;
  expect(changedParts(before.catalog, after.catalog)).toEqual([]);
  const allowed = caller.group === 'signedIn' ? (expectation.own ?? []) : [];
  expect(changedParts(before.metadata, after.metadata).filter((table) => !allowed.includes(table))).toEqual([]);
}

async function tokenOf(client: TestClient, expiresInDays?: number): Promise<{ token: string; id: string }> {
  const created = await client.field(
    `mutation($days: Int) { createApiToken(name: "matrix", expiresInDays: $days) { ${ERROR_FIELDS}
      ... on CreatedApiToken { token apiToken { id } } } }`,
    { days: expiresInDays ?? null },
  );
  return { token: created.token as string, id: (created.apiToken as { id: string }).id };
}

async function signedInClient(username: string, password: string): Promise<TestClient> {
  const client = testApp.client();
  await signIn(client, username, password);
  return client;
}

function cookieSocket(client: TestClient): () => Client {
  return () => wsClient(testApp.url, undefined, { headers: { cookie: client.sessionCookie ?? '' } });
}

async function configuredRoleIds(databaseId: string): Promise<Map<string, string>> {
  const result = await admin.field(
    'query($id: ID!) { database(id: $id) { ... on Database { configuredRoles { id rolname } } } }',
    { id: databaseId },
  );
  return new Map((result.configuredRoles as { id: string; rolname: string }[]).map((role) => [role.rolname, role.id]));
}

async function added(client: TestClient, input: Parameters<typeof addCollaborator>[1]): Promise<string> {
  const result = await addCollaborator(client, input);
  if (result.__typename !== 'Collaborator') throw new Error(`addCollaborator failed: ${JSON.stringify(result)}`);
  return result.id as string;
}

/** Out-of-band catalog set-up happens before any database is connected, so the drift watcher records none of it. */
async function createCatalog() {
  const vault = await createManagedDatabase(testApp, 'vault', 'keeper');
  const annex = await createManagedDatabase(testApp, 'annex', 'annex_owner');
  const spare = await createManagedDatabase(testApp, 'spare', 'spare_owner');
  const memberRolePassword = await createLoginRole(testApp, 'member_role');
  await testApp.sql(`CREATE ROLE g_reader; CREATE ROLE outsider LOGIN PASSWORD '${secret('outsider')}';
    GRANT g_reader TO member_role`);
  await testApp.sql(
    `CREATE SCHEMA s AUTHORIZATION keeper; CREATE TABLE s.t (id int); ALTER TABLE s.t OWNER TO keeper;
     GRANT USAGE ON SCHEMA s TO member_role; GRANT SELECT ON s.t TO member_role`,
    [],
    'vault',
  );
  return { vault, annex, spare, memberRolePassword };
}

async function createCallers(vaultId: string, annexId: string, memberRoleId: string, annexRoleId: string) {
  const standardUser = await createUser(admin, 'standard');
  const annexManager = await createUser(admin, 'annex_manager');
  const removed = await createUser(admin, 'removed_manager');
  const deactivated = await createUser(admin, 'deactivated');
  const admin2 = await createUser(admin, 'second_admin', true);
  await added(admin, {
    databaseId: annexId,
    userId: annexManager.id,
    configuredRoleId: annexRoleId,
    access: 'MANAGER',
  });
  const removedCollaboratorId = await added(admin, {
    databaseId: vaultId,
    userId: removed.id,
    configuredRoleId: memberRoleId,
    access: 'MANAGER',
  });
  await added(admin, {
    databaseId: vaultId,
    userId: deactivated.id,
    configuredRoleId: memberRoleId,
    access: 'MANAGER',
  });

  const standard = await signedInClient('standard', standardUser.password);
  const manager = await signedInClient('annex_manager', annexManager.password);
  const removedClient = await signedInClient('removed_manager', removed.password);
  const deactivatedClient = await signedInClient('deactivated', deactivated.password);
  const deactivatedToken = await tokenOf(deactivatedClient);
  const admin2Client = await signedInClient('second_admin', admin2.password);
  const expiredToken = await tokenOf(admin2Client, 1);
  const revokedToken = await tokenOf(admin2Client);

  const removal = await admin.field(`mutation($id: ID!) { removeCollaborator(id: $id) { ${ERROR_FIELDS} } }`, {
    id: removedCollaboratorId,
  });
  expect(removal.__typename).toBe('Removed');
  const deactivation = await admin.field(
    `mutation($id: ID!) { updateUser(id: $id, input: { isActive: false }) { ${ERROR_FIELDS} } }`,
    { id: deactivated.id },
  );
  expect(deactivation.__typename).toBe('User');
  const revocation = await admin2Client.field(
    `mutation($id: ID!) { revokeApiToken(id: $id) { ${ERROR_FIELDS} ... on ApiToken { revokedAt } } }`,
    { id: revokedToken.id },
  );
  expect(revocation.revokedAt).toBeTruthy();
  const admin2Uuid = Buffer.from(admin2.id, 'base64').toString().split(':')[1];
  await testApp.sql(
    `UPDATE "Session" SET "expiresAt" = now() - interval '1 minute' WHERE "userId" = $1`,
    [admin2Uuid],
    'rolecall_metadata',
  );
  await testApp.sql(
    `UPDATE "ApiToken" SET "expiresAt" = now() - interval '1 minute' WHERE id = $1`,
    [Buffer.from(expiredToken.id, 'base64').toString().split(':')[1]],
    'rolecall_metadata',
  );

  const byToken = (token: string) => () => wsClient(testApp.url, token);
  callers.push(
    {
      name: 'anonymous',
      group: 'anonymous',
      client: testApp.client(),
      selfId: standardUser.id,
      ws: () => wsClient(testApp.url),
    },
    {
      name: 'a standard user',
      group: 'signedIn',
      client: standard,
      fresh: () => signedInClient('standard', standardUser.password),
      selfId: standardUser.id,
      ws: cookieSocket(standard),
    },
    {
      name: 'a MANAGER of another database',
      group: 'signedIn',
      client: manager,
      fresh: () => signedInClient('annex_manager', annexManager.password),
      selfId: annexManager.id,
      ws: cookieSocket(manager),
    },
    {
      name: 'a removed collaborator (was MANAGER)',
      group: 'signedIn',
      client: removedClient,
      fresh: () => signedInClient('removed_manager', removed.password),
      selfId: removed.id,
      ws: cookieSocket(removedClient),
    },
    {
      name: "a deactivated MANAGER's session cookie",
      group: 'anonymous',
      client: deactivatedClient,
      selfId: deactivated.id,
      ws: cookieSocket(deactivatedClient),
    },
    {
      name: "a deactivated MANAGER's API token",
      group: 'anonymous',
      client: deactivatedClient.withToken(deactivatedToken.token),
      selfId: deactivated.id,
      ws: byToken(deactivatedToken.token),
    },
    {
      name: "an admin's expired session",
      group: 'anonymous',
      client: admin2Client,
      selfId: admin2.id,
      ws: cookieSocket(admin2Client),
    },
    {
      name: "an admin's expired API token",
      group: 'anonymous',
      client: testApp.client().withToken(expiredToken.token),
      selfId: admin2.id,
      ws: byToken(expiredToken.token),
    },
    {
      name: "an admin's revoked API token",
      group: 'anonymous',
      client: testApp.client().withToken(revokedToken.token),
      selfId: admin2.id,
      ws: byToken(revokedToken.token),
    },
  );
}

beforeAll(async () => {
  testApp = await startTestApp({ DRIFT_INTERVAL_MS: '300' });
  admin = testApp.client();
  const adminUser = await setupAdmin(admin, 'root_admin');
  const adminTokenRow = await tokenOf(admin);
  adminToken = adminTokenRow.token;
  const { vault, annex, spare, memberRolePassword } = await createCatalog();
  const vaultId = await connect(admin, testApp, vault);
  const annexId = await connect(admin, testApp, annex);
  const configured = await configureRole(admin, vaultId, 'member_role', memberRolePassword);
  expect(configured.__typename).toBe('ConfiguredRole');
  const memberRoleId = configured.id as string;
  const annexRoleId = (await configuredRoleIds(annexId)).get('annex_owner') as string;
  const vaultMember = await createUser(admin, 'vault_member');
  const collaboratorId = await added(admin, {
    databaseId: vaultId,
    userId: vaultMember.id,
    configuredRoleId: memberRoleId,
  });
  const invited = await admin.field(
    `mutation($input: InviteCollaboratorInput!) { inviteCollaborator(input: $input) { ${ERROR_FIELDS}
      ... on InvitationSent { invitation { id } } } }`,
    { input: { databaseId: vaultId, email: 'invitee@example.com', configuredRoleId: memberRoleId } },
  );
  expect(invited.__typename).toBe('InvitationSent');
  world = {
    vault,
    spare,
    vaultId,
    memberRolePassword,
    memberRoleId,
    collaboratorId,
    invitationId: (invited.invitation as { id: string }).id,
    adminTokenId: adminTokenRow.id,
    adminUsername: 'root_admin',
    snapshotId: (
      await admin.field<{ id: string }>(
        `mutation($db: ID!) { saveAccessSnapshot(databaseId: $db, subject: { role: "member_role" }) { ${ERROR_FIELDS}
          ... on AccessSnapshot { id } } }`,
        { db: vaultId },
      )
    ).id,
  };
  expect(adminUser.id).toBeTruthy();
  await createCallers(vaultId, annexId, memberRoleId, annexRoleId);
});

afterAll(async () => {
  await testApp?.stop();
});

describe('the classification table', () => {
  it('covers every root field of the schema, and nothing else', () => {
    expect(classificationGaps(EXPECTED)).toEqual({ unclassified: [], unknown: [] });
  });
});

const CALLER_GROUPS: Record<string, Group> = {
  anonymous: 'anonymous',
  'a standard user': 'signedIn',
  'a MANAGER of another database': 'signedIn',
  'a removed collaborator (was MANAGER)': 'signedIn',
  "a deactivated MANAGER's session cookie": 'anonymous',
  "a deactivated MANAGER's API token": 'anonymous',
  "an admin's expired session": 'anonymous',
  "an admin's expired API token": 'anonymous',
  "an admin's revoked API token": 'anonymous',
};
const CALLER_NAMES = Object.keys(CALLER_GROUPS);
const callerNamed = (name: string) => {
  const caller = callers.find((candidate) => candidate.name === name);
  if (!caller || caller.group !== CALLER_GROUPS[name]) throw new Error(`caller ${name} is not set up as listed`);
  return caller;
};
const FIELDS = (['mutation', 'query'] as const).flatMap((kind) =>
  rootFields(kind).map((field) => ({ kind, field: field.name })),
);

describe.each(CALLER_NAMES)('%s', (callerName) => {
  it.each(FIELDS)('is refused $kind $field on vault and nothing changes', async ({ kind, field }) => {
    const caller = callerNamed(callerName);
    const expectation = EXPECTED[`${kind}.${field}`];
    if (!expectation) throw new Error(`${kind}.${field} is not classified in EXPECTED`);
    const operation = allOperations(kind, { valueFor: valueFor(caller), depth: kind === 'query' ? 3 : 1 }).find(
      (candidate) => candidate.field === field,
    ) as GeneratedOperation;
    await expectDenied(caller, operation, expectation);
  });
});

const EVENTS = `subscription($databaseId: ID, $after: BigCursor) {
  events(databaseId: $databaseId, after: $after) {
    __typename cursor kind databaseId sql warnings
    ... on PrivilegeEvent { object grantee acl { grantee } }
    ... on OwnershipEvent { object previousOwner newOwner }
    ... on ObjectEvent { object owner }
    ... on RoleEvent { role newName }
    ... on MembershipEvent { role member }
    ... on DatabaseEvent { database }
    ... on CollaboratorEvent { username role }
  }
}`;

interface LiveEvent {
  cursor: string;
  kind: string;
  databaseId: string | null;
  [field: string]: unknown;
}

/** Changes to vault made by its admin, seen by the admin's own subscription. */
async function changeVault(control: ReturnType<typeof collect<LiveEvent>>, count: number): Promise<void> {
  const grant = await admin.field(
    `mutation($id: ID!) { grantPrivileges(databaseId: $id, object: { kind: TABLE, schema: "s", name: "t" },
      grantee: "g_reader", privileges: ["SELECT"]) { ${ERROR_FIELDS} } }`,
    { id: world.vaultId },
  );
  expect(grant.__typename).toBe('PermissionChange');
  const update = await admin.field(
    `mutation($id: ID!) { updateCollaborator(id: $id, input: { access: MANAGER }) { ${ERROR_FIELDS} } }`,
    { id: world.collaboratorId },
  );
  expect(update.__typename).toBe('Collaborator');
  await control.waitFor(count);
}

/** An admin renames the outsider: a change to their own account, which their streams show them. */
async function renameOutsider(caller: Caller): Promise<void> {
  const renamed = await admin.field(
    `mutation($id: ID!, $name: String) { updateUser(id: $id, input: { displayName: $name }) { ${ERROR_FIELDS} } }`,
    { id: caller.selfId, name: `${caller.name} (renamed)` },
  );
  expect(renamed.__typename).toBe('User');
}

describe('subscriptions', () => {
  it.each(CALLER_NAMES.filter((name) => CALLER_GROUPS[name] === 'anonymous'))(
    'close the connection of %s with 4403',
    async (callerName) => {
      const client = callerNamed(callerName).ws();
      const received = collect(client, EVENTS, { databaseId: world.vaultId });
      await received.waitForEnd();
      expect((received.error as { code?: number }).code).toBe(4403);
      expect(received.items).toEqual([]);
      await client.dispose();
    },
  );

  it('give signed-in outsiders no event of vault: not live, not replayed, not by asking for it', async () => {
    const outsiders = callers.filter((caller) => caller.group === 'signedIn');
    const controlClient = wsClient(testApp.url, adminToken);
    const sockets = outsiders.map((caller) => caller.ws());
    const direct = sockets.map((socket) => collect<LiveEvent>(socket, EVENTS, { databaseId: world.vaultId }));
    const replayedVault = sockets.map((socket) =>
      collect<LiveEvent>(socket, EVENTS, { databaseId: world.vaultId, after: '0' }),
    );
    const replayed = sockets.map((socket) => collect<LiveEvent>(socket, EVENTS, { after: '0' }));
    // Subscribed after the newest event, their replay markers say they are live before vault changes: no sleep.
    const control = await collectLive<LiveEvent>(testApp, controlClient, EVENTS, { databaseId: world.vaultId });
    const everything = await Promise.all(sockets.map((socket) => collectLive<LiveEvent>(testApp, socket, EVENTS)));
    for (const stream of replayed) await stream.waitForCaughtUp();
    await changeVault(control, 2);
    // Then a change each outsider may see (to their own account): events arrive in log order, so any event of vault
    // that reached their streams came before it.
    const changedBefore = BigInt(await newestCursor(testApp));
    for (const caller of outsiders) await renameOutsider(caller);
    const sentinel = (event: LiveEvent) => event.kind === 'user.updated' && BigInt(event.cursor) > changedBefore;
    for (const stream of [...everything, ...replayed])
      await stream.waitForItem(sentinel, 'the change to their own account');

    for (const stream of [...direct, ...replayedVault]) {
      await stream.waitForEnd();
      expect(stream.items).toEqual([]);
    }
    const vaultEvents = (
      await testApp.sql<{ n: number }>(
        'SELECT count(*)::int AS n FROM "Event" WHERE "databaseId" = $1',
        [Buffer.from(world.vaultId, 'base64').toString().split(':')[1]],
        'rolecall_metadata',
      )
    )[0]?.n;
    expect(vaultEvents).toBeGreaterThan(2);
    for (const stream of [...everything, ...replayed]) {
      expect(stream.error).toBeUndefined();
      expect(stream.caughtUp).toBe(true);
      expect(stream.items.filter((event) => event.databaseId === world.vaultId)).toEqual([]);
      for (const event of stream.items) expect(JSON.stringify(event)).not.toContain('vault');
    }
    for (const stream of [control, ...everything, ...replayed]) stream.stop();
    await Promise.all([controlClient, ...sockets].map((socket) => socket.dispose()));
  });
});

it('no answer of the matrix carried a password it used', () => {
  expect(leakedSecrets(transcript)).toEqual([]);
  expect(leakedSecrets(testApp.logs)).toEqual([]);
});
