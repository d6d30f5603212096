import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leakedSecrets, secret, startTestApp, type TestApp, transcript } from './support/app.js';
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

const CURRENT_ROLE = `query($id: ID!) { database(id: $id) { ${ERROR_FIELDS}
  ... on Database { name currentRole { ${ERROR_FIELDS} ... on DatabaseCurrentRoleSuccess { data } } } } }`;

let testApp: TestApp;
let admin: TestClient;
let shop: ManagedDatabase;
let shopId: string;
let clerkPassword: string;
let adminPassword: string;

beforeAll(async () => {
  testApp = await startTestApp();
  admin = testApp.client();
  shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
  clerkPassword = await createLoginRole(testApp, 'clerk');
});

afterAll(async () => {
  await testApp?.stop();
});

async function metadataCount(table: string): Promise<number> {
  const rows = await testApp.sql<{ count: string }>(`SELECT count(*) FROM "${table}"`, [], 'rolecall_metadata');
  return Number(rows[0]?.count);
}

describe('first run', () => {
  it('reports that setup is required until the first admin exists', async () => {
    const before = await admin.request('{ setupRequired viewer { id } }');
    expect(before.data).toEqual({ setupRequired: true, viewer: null });
    adminPassword = (await setupAdmin(admin)).password;
    const after = await admin.request('{ setupRequired viewer { username isAdmin } }');
    expect(after.data).toEqual({ setupRequired: false, viewer: { username: 'admin', isAdmin: true } });
  });

  it('refuses a second setup', async () => {
    const result = await testApp
      .client()
      .field(
        `mutation { setup(input: { username: "intruder", email: "i@example.com", password: "long enough pw" }) { ${ERROR_FIELDS} } }`,
      );
    expect(result.__typename).toBe('SetupAlreadyDoneError');
    expect(await metadataCount('User')).toBe(1);
  });

  it('sets an httpOnly SameSite session cookie on login, and none on a wrong password', async () => {
    const login = 'mutation($p: String!) { login(login: "admin", password: $p) { __typename } }';
    const wrong = await testApp.client().raw({ query: login, variables: { p: 'wrong password' } });
    expect((await wrong.json()).data.login.__typename).toBe('InvalidCredentialsError');
    expect(wrong.headers.getSetCookie()).toEqual([]);
    const right = await testApp.client().raw({ query: login, variables: { p: adminPassword } });
    expect((await right.json()).data.login.__typename).toBe('User');
    const [cookie] = right.headers.getSetCookie();
    expect(cookie).toMatch(/^rolecall_session=rcs_/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });
});

describe('connecting a database', () => {
  const CONNECT = `mutation($input: ConnectDatabaseInput!) { connectDatabase(input: $input) { ${ERROR_FIELDS} } }`;
  const input = () => ({
    host: '127.0.0.1',
    port: testApp.cluster.port,
    database: shop.database,
    role: shop.owner,
    password: shop.ownerPassword,
  });

  it('rejects a wrong password with the SQLSTATE PostgreSQL gave, writing nothing', async () => {
    const result = await admin.field(CONNECT, { input: { ...input(), password: secret('wrong') } });
    expect(result).toMatchObject({ __typename: 'AuthenticationFailedError', sqlstate: '28P01' });
    expect(await metadataCount('Database')).toBe(0);
  });

  it('rejects an unreachable server', async () => {
    const result = await admin.field(CONNECT, { input: { ...input(), port: 1 } });
    expect(result).toMatchObject({ __typename: 'ServerUnavailableError', code: 'SERVER_UNAVAILABLE' });
  });

  it('rejects a database that does not exist', async () => {
    const result = await admin.field(CONNECT, { input: { ...input(), database: 'no_such_db' } });
    expect(result).toMatchObject({ __typename: 'DatabaseDoesNotExistError', sqlstate: '3D000' });
  });

  it('rejects a 64-byte role name before touching the server', async () => {
    const result = await admin.field(CONNECT, { input: { ...input(), role: 'r'.repeat(64) } });
    expect(result).toMatchObject({ __typename: 'ValidationError', code: 'INVALID_INPUT' });
    expect(await metadataCount('Server')).toBe(0);
  });

  it('connects with the right password; the admin becomes a collaborator through that role', async () => {
    shopId = await connect(admin, testApp, shop);
    const result = await admin.field(CURRENT_ROLE, { id: shopId });
    expect(result).toMatchObject({ name: 'shop', currentRole: { data: 'shop_owner' } });
    const collaborators = await admin.field(
      `query($id: ID!) { database(id: $id) { ... on Database {
      viewerAccess collaborators { access user { username } role { rolname } } } } }`,
      { id: shopId },
    );
    expect(collaborators).toMatchObject({
      viewerAccess: 'MANAGER',
      collaborators: [{ access: 'MANAGER', user: { username: 'admin' }, role: { rolname: 'shop_owner' } }],
    });
  });

  it('refuses to connect the same database twice', async () => {
    const result = await admin.field(CONNECT, { input: input() });
    expect(result.__typename).toBe('ConflictError');
    expect(await metadataCount('Database')).toBe(1);
  });
});

describe('role configuration and collaborators', () => {
  let clerkRoleId: string;
  let sam: { id: string; password: string };
  let samCollaboratorId: string;

  it('lists the server login roles live, marking the configured ones', async () => {
    const result = await admin.field(
      `query($id: ID!) { database(id: $id) { ... on Database {
      loginRoles { ${ERROR_FIELDS} ... on DatabaseLoginRolesSuccess { data { rolname isConfigured } } } } } }`,
      { id: shopId },
    );
    const roles = (result.loginRoles as { data: { rolname: string; isConfigured: boolean }[] }).data;
    expect(roles).toContainEqual({ rolname: 'shop_owner', isConfigured: true });
    expect(roles).toContainEqual({ rolname: 'clerk', isConfigured: false });
  });

  it('rejects a wrong role password by a real login and stores nothing', async () => {
    const result = await configureRole(admin, shopId, 'clerk', secret('wrong'));
    expect(result).toMatchObject({ __typename: 'AuthenticationFailedError', sqlstate: '28P01' });
    expect(await metadataCount('ConfiguredRole')).toBe(1);
  });

  it('stores the right password encrypted, never as given', async () => {
    const result = await configureRole(admin, shopId, 'clerk', clerkPassword);
    expect(result).toMatchObject({ __typename: 'ConfiguredRole', rolname: 'clerk' });
    clerkRoleId = result.id as string;
    const rows = await testApp.sql<{ encryptedPassword: string }>(
      'SELECT "encryptedPassword" FROM "ConfiguredRole"',
      [],
      'rolecall_metadata',
    );
    for (const row of rows) {
      expect(row.encryptedPassword).toMatch(/^v1\./);
      expect(row.encryptedPassword).not.toContain(clerkPassword);
    }
  });

  it("runs a collaborator's requests as their configured role", async () => {
    sam = await createUser(admin, 'sam');
    const added = await addCollaborator(admin, { databaseId: shopId, userId: sam.id, configuredRoleId: clerkRoleId });
    expect(added).toMatchObject({ __typename: 'Collaborator', access: 'MEMBER', role: { rolname: 'clerk' } });
    samCollaboratorId = added.id as string;
    const samClient = testApp.client();
    await signIn(samClient, 'sam', sam.password);
    const databases = await samClient.field(
      '{ databases { ... on QueryDatabasesSuccess { data { name viewerAccess } } } }',
    );
    expect(databases).toMatchObject({ data: [{ name: 'shop', viewerAccess: 'MEMBER' }] });
    const result = await samClient.field(CURRENT_ROLE, { id: shopId });
    expect(result).toMatchObject({ currentRole: { data: 'clerk' } });
  });

  it('refuses a duplicate collaborator', async () => {
    const result = await addCollaborator(admin, { databaseId: shopId, userId: sam.id, configuredRoleId: clerkRoleId });
    expect(result.__typename).toBe('ConflictError');
    expect(await metadataCount('Collaborator')).toBe(2);
  });

  it('answers unknown and malformed ids with NotFoundError', async () => {
    const unknownUser = Buffer.from('User:3f0c1d1e-0000-4000-8000-000000000000').toString('base64');
    for (const userId of [unknownUser, 'not-an-id', shopId]) {
      const result = await addCollaborator(admin, { databaseId: shopId, userId, configuredRoleId: clerkRoleId });
      expect(result).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    }
  });

  it('refuses to remove a configured role while a collaborator works through it', async () => {
    const result = await admin.field(
      `mutation($id: ID!) { removeConfiguredRole(id: $id) { ${ERROR_FIELDS} ... on InUseError { usedBy } } }`,
      {
        id: clerkRoleId,
      },
    );
    expect(result).toMatchObject({ __typename: 'InUseError', usedBy: ['sam on shop'] });
  });

  it('removes a collaborator but keeps the user, the configured role and the server role', async () => {
    const result = await admin.field(
      `mutation($id: ID!) { removeCollaborator(id: $id) { ${ERROR_FIELDS} ... on Removed { id } } }`,
      {
        id: samCollaboratorId,
      },
    );
    expect(result).toMatchObject({ __typename: 'Removed', id: samCollaboratorId });
    expect(await metadataCount('User')).toBe(2);
    expect(await metadataCount('ConfiguredRole')).toBe(2);
    expect(await testApp.sql("SELECT 1 FROM pg_roles WHERE rolname = 'clerk'")).toHaveLength(1);
    const samClient = testApp.client();
    await signIn(samClient, 'sam', sam.password);
    const denied = await samClient.field(CURRENT_ROLE, { id: shopId });
    expect(denied.__typename).toBe('NotFoundError');
  });

  it('removes a configured role once nobody uses it: only the stored password goes', async () => {
    const result = await admin.field(`mutation($id: ID!) { removeConfiguredRole(id: $id) { ${ERROR_FIELDS} } }`, {
      id: clerkRoleId,
    });
    expect(result.__typename).toBe('Removed');
    expect(await metadataCount('ConfiguredRole')).toBe(1);
    expect(await testApp.sql("SELECT 1 FROM pg_roles WHERE rolname = 'clerk'")).toHaveLength(1);
  });
});

describe('API tokens', () => {
  it('authenticates integrators with a bearer token until it is revoked', async () => {
    const created = await admin.field(
      `mutation { createApiToken(name: "ci") { ${ERROR_FIELDS} ... on CreatedApiToken { token apiToken { id } } } }`,
    );
    const token = created.token as string;
    const integrator = testApp.client().withToken(token);
    expect((await integrator.request('{ viewer { username } }')).data).toEqual({ viewer: { username: 'admin' } });
    await admin.field(`mutation($id: ID!) { revokeApiToken(id: $id) { ${ERROR_FIELDS} } }`, {
      id: (created.apiToken as { id: string }).id,
    });
    expect((await integrator.request('{ viewer { username } }')).data).toEqual({ viewer: null });
    const rows = await testApp.sql<{ tokenHash: string }>(
      'SELECT "tokenHash" FROM "ApiToken"',
      [],
      'rolecall_metadata',
    );
    expect(rows[0]?.tokenHash).not.toBe(token);
  });
});

describe('users', () => {
  it('deactivating a user ends their sessions and blocks sign-in', async () => {
    const dana = await createUser(admin, 'dana');
    const danaClient = testApp.client();
    await signIn(danaClient, 'dana', dana.password);
    const result = await admin.field(
      `mutation($id: ID!) { updateUser(id: $id, input: { isActive: false }) { ${ERROR_FIELDS} ... on User { isActive } } }`,
      {
        id: dana.id,
      },
    );
    expect(result).toMatchObject({ __typename: 'User', isActive: false });
    expect((await danaClient.request('{ viewer { id } }')).data).toEqual({ viewer: null });
    const again = await danaClient.field(
      'mutation($p: String!) { login(login: "dana", password: $p) { __typename } }',
      { p: dana.password },
    );
    expect(again.__typename).toBe('InvalidCredentialsError');
  });

  it('never demotes the last active admin', async () => {
    const viewer = await admin.request('{ viewer { id } }');
    const id = (viewer.data as { viewer: { id: string } }).viewer.id;
    const result = await admin.field(
      `mutation($id: ID!) { updateUser(id: $id, input: { isAdmin: false }) { ${ERROR_FIELDS} } }`,
      { id },
    );
    expect(result.__typename).toBe('LastAdminError');
  });
});

describe('secrets', () => {
  it('no response body or log line of this suite contains a password it used', () => {
    expect(transcript.length).toBeGreaterThan(20);
    expect(leakedSecrets([...transcript, ...testApp.logs])).toEqual([]);
  });
});
