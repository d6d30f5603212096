import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { allMutations } from './support/operations.js';
import { THROUGH_COLLABORATION } from './support/permissions.js';

/** Mutations a signed-in standard user may call on their own behalf, and what they answer to made-up input. */
const SELF_SERVICE: Record<string, string> = {
  setup: 'SetupAlreadyDoneError',
  login: 'InvalidCredentialsError',
  logout: 'Boolean',
  changePassword: 'InvalidCredentialsError',
  createApiToken: 'CreatedApiToken',
  revokeApiToken: 'NotFoundError',
  leaveDatabase: 'NotFoundError',
  acceptInvitation: 'InvitationUnusableError',
  declineInvitationLink: 'InvitationUnusableError',
  acceptMyInvitation: 'NotFoundError',
  declineInvitation: 'NotFoundError',
  requestEmailVerification: 'ConflictError',
  verifyEmail: 'VerificationUnusableError',
};
/** What an anonymous caller may reach at all. */
const ANONYMOUS: Record<string, string> = {
  setup: 'SetupAlreadyDoneError',
  login: 'InvalidCredentialsError',
  logout: 'Boolean',
  acceptInvitation: 'InvitationUnusableError',
  declineInvitationLink: 'InvitationUnusableError',
};

/** Reached through a database the caller collaborates on, outside the catalog mutations: another's is not found. */
const THROUGH_THEIR_DATABASES = ['saveAccessSnapshot', 'deleteAccessSnapshot'];

let testApp: TestApp;
let admin: TestClient;
let standard: TestClient;
let standardPassword: string;

async function typenameOf(client: TestClient, query: string, variables: Record<string, unknown>): Promise<string> {
  const result = await client.request(query, variables);
  expect(result.errors).toBeUndefined();
  const value = Object.values(result.data ?? {})[0];
  return typeof value === 'boolean' ? 'Boolean' : (value as { __typename: string }).__typename;
}

async function metadataSnapshot(): Promise<string> {
  const tables = ['User', 'Database', 'Server', 'ConfiguredRole', 'Collaborator', 'Event'];
  const counts = await Promise.all(
    tables.map(
      async (table) => (await testApp.sql(`SELECT count(*)::int AS n FROM "${table}"`, [], 'rolecall_metadata'))[0]?.n,
    ),
  );
  return JSON.stringify(counts);
}

beforeAll(async () => {
  testApp = await startTestApp();
  admin = testApp.client();
  await setupAdmin(admin);
  const user = await createUser(admin, 'standard');
  standardPassword = user.password;
  standard = testApp.client();
  await signIn(standard, 'standard', standardPassword);
});

afterAll(async () => {
  await testApp?.stop();
});

describe('a standard user', () => {
  for (const operation of allMutations()) {
    const expected =
      SELF_SERVICE[operation.field] ??
      ([...THROUGH_COLLABORATION, ...THROUGH_THEIR_DATABASES].includes(operation.field)
        ? 'NotFoundError'
        : 'ForbiddenError');
    it(`gets ${expected} from ${operation.field} and nothing changes`, async () => {
      const before = await metadataSnapshot();
      // Signing out would end the shared session the other cases use.
      const client = operation.field === 'logout' ? testApp.client() : standard;
      if (client !== standard) await signIn(client, 'standard', standardPassword);
      expect(await typenameOf(client, operation.query, operation.variables)).toBe(expected);
      if (!SELF_SERVICE[operation.field]) expect(await metadataSnapshot()).toBe(before);
    });
  }

  it('cannot list users', async () => {
    expect((await standard.field(`{ users { ${ERROR_FIELDS} } }`)).__typename).toBe('ForbiddenError');
  });
});

describe('an anonymous caller', () => {
  for (const operation of allMutations()) {
    const expected = ANONYMOUS[operation.field] ?? 'UnauthenticatedError';
    it(`gets ${expected} from ${operation.field}`, async () => {
      expect(await typenameOf(testApp.client(), operation.query, operation.variables)).toBe(expected);
    });
  }
});

describe('a MANAGER of one database', () => {
  let manager: TestClient;
  let homeId: string;
  let otherId: string;
  let otherRoleId: string;
  let userId: string;

  async function configuredRoleId(databaseId: string, rolname: string, client = admin): Promise<string> {
    const result = await client.field(
      `query($id: ID!) { database(id: $id) { ... on Database { configuredRoles { id rolname } } } }`,
      {
        id: databaseId,
      },
    );
    const roles = result.configuredRoles as { id: string; rolname: string }[];
    return roles.find((role) => role.rolname === rolname)?.id ?? '';
  }

  beforeAll(async () => {
    const home = await createManagedDatabase(testApp, 'home', 'home_owner');
    const other = await createManagedDatabase(testApp, 'other', 'other_owner');
    homeId = await connect(admin, testApp, home);
    otherId = await connect(admin, testApp, other);
    // The owners have CREATEROLE, which only admins give: the MANAGER works through a plain role.
    const clerk = await configureRole(admin, homeId, 'home_clerk', await createLoginRole(testApp, 'home_clerk'));
    const homeRoleId = clerk.id as string;
    otherRoleId = await configuredRoleId(otherId, 'other_owner');
    const person = await createUser(admin, 'manager');
    userId = (await createUser(admin, 'newcomer')).id;
    await addCollaborator(admin, {
      databaseId: homeId,
      userId: person.id,
      configuredRoleId: homeRoleId,
      access: 'MANAGER',
    });
    manager = testApp.client();
    await signIn(manager, 'manager', person.password);
  });

  it('cannot add collaborators to another database', async () => {
    const result = await addCollaborator(manager, { databaseId: otherId, userId, configuredRoleId: otherRoleId });
    expect(result.__typename).toBe('ForbiddenError');
  });

  it("cannot give a role its own role may not SET ROLE to, such as another database's owner role", async () => {
    const added = await addCollaborator(manager, { databaseId: homeId, userId, configuredRoleId: otherRoleId });
    expect(added.__typename).toBe('ForbiddenError');
    const invited = await manager.field(
      `mutation($input: InviteCollaboratorInput!) { inviteCollaborator(input: $input) { ${ERROR_FIELDS} } }`,
      { input: { databaseId: homeId, email: 'puppet@example.com', configuredRoleId: otherRoleId } },
    );
    expect(invited.__typename).toBe('ForbiddenError');
    const offered = await manager.field(
      `query($id: ID!) { database(id: $id) { ... on Database { configuredRoles { rolname } } } }`,
      { id: homeId },
    );
    expect(offered.configuredRoles).toEqual([{ rolname: 'home_clerk' }]);
  });

  it('cannot see another database', async () => {
    expect(
      (await manager.field(`query($id: ID!) { database(id: $id) { ${ERROR_FIELDS} } }`, { id: otherId })).__typename,
    ).toBe('NotFoundError');
  });

  it('cannot configure roles, even on its own database', async () => {
    const password = await createLoginRole(testApp, 'helper_role');
    expect((await configureRole(manager, homeId, 'helper_role', password)).__typename).toBe('ForbiddenError');
  });

  it('can add a collaborator to its own database through a configured role', async () => {
    const result = await addCollaborator(manager, {
      databaseId: homeId,
      userId,
      configuredRoleId: await configuredRoleId(homeId, 'home_clerk', manager),
    });
    expect(result.__typename).toBe('Collaborator');
  });
});
