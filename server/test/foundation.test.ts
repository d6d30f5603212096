import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDemo, seedDemoCluster } from '../src/embedded/demo.js';
import { leakedSecrets, secret, startTestApp, type TestApp, transcript } from './support/app.js';
import type { TestClient } from './support/client.js';
import {
  addCollaborator,
  configureRole,
  connect,
  createApiToken,
  createLoginRole,
  createManagedDatabase,
  createUser,
  ERROR_FIELDS,
  type ManagedDatabase,
  setupAdmin,
  signIn,
} from './support/fixtures.js';
import { metadataSnapshot } from './support/metadata-snapshot.js';
import { loginAs, mutate } from './support/permissions.js';

const CURRENT_ROLE = `query($id: ID!) { database(id: $id) { ${ERROR_FIELDS}
  ... on Database { name catalog { ${ERROR_FIELDS} ... on DatabaseCatalog { currentRole } } } } }`;

let testApp: TestApp;
let admin: TestClient;
let shop: ManagedDatabase;
let shopId: string;
let clerkPassword: string;
let adminPassword: string;
/** Log lines of the other app this file starts (the demo's), for the leak scan. */
const otherLogs: string[] = [];

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

/** `current_user` of the client's connection to the database (`currentRole` of the catalog), or the typed error instead. */
async function currentRoleOf(client: TestClient, databaseId: string) {
  const database = await client.field<{ catalog: Record<string, unknown> }>(CURRENT_ROLE, { id: databaseId });
  return database.catalog;
}

async function configuredRoleIdOf(client: TestClient, databaseId: string, rolname: string): Promise<string> {
  const database = await client.field<{ configuredRoles: { id: string; rolname: string }[] }>(
    `query($id: ID!) { database(id: $id) { ... on Database { configuredRoles { id rolname } } } }`,
    { id: databaseId },
  );
  const role = database.configuredRoles.find((configured) => configured.rolname === rolname);
  if (!role) throw new Error(`${rolname} is not configured`);
  return role.id;
}

async function signedInUser(username: string, app = testApp, by = admin): Promise<{ id: string; client: TestClient }> {
  const user = await createUser(by, username);
  const client = app.client();
  await signIn(client, username, user.password);
  return { id: user.id, client };
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

  it('rejects a 64-byte role name before touching the server, writing nothing', async () => {
    const before = await metadataSnapshot(testApp);
    const result = await admin.field(CONNECT, { input: { ...input(), role: 'r'.repeat(64) } });
    expect(result).toMatchObject({ __typename: 'ValidationError', code: 'INVALID_INPUT' });
    expect(await metadataSnapshot(testApp)).toEqual(before);
  });

  it('connects with the right password; the admin becomes a collaborator through that role', async () => {
    shopId = await connect(admin, testApp, shop);
    const result = await admin.field(CURRENT_ROLE, { id: shopId });
    expect(result).toMatchObject({ name: 'shop', catalog: { currentRole: 'shop_owner' } });
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
      loginRoles { ${ERROR_FIELDS} ... on DatabaseLoginRolesConnection { nodes { rolname isConfigured } } } } } }`,
      { id: shopId },
    );
    const roles = (result.loginRoles as { nodes: { rolname: string; isConfigured: boolean }[] }).nodes;
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
      '{ databases { ... on QueryDatabasesConnection { nodes { name viewerAccess } } } }',
    );
    expect(databases).toMatchObject({ nodes: [{ name: 'shop', viewerAccess: 'MEMBER' }] });
    const result = await samClient.field(CURRENT_ROLE, { id: shopId });
    expect(result).toMatchObject({ catalog: { currentRole: 'clerk' } });
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

describe('a role whose password changes', () => {
  let cashierPassword: string;
  let cara: { id: string; client: TestClient };
  let caraCollaboratorId: string;

  const cashierPools = () =>
    testApp.app.services.pools.openPools().filter((pool) => pool.role === 'cashier' && pool.database === 'shop');

  async function storedCashierPassword(): Promise<string | undefined> {
    const rows = await testApp.sql<{ encryptedPassword: string }>(
      `SELECT "encryptedPassword" FROM "ConfiguredRole" WHERE rolname = 'cashier'`,
      [],
      'rolecall_metadata',
    );
    return rows[0]?.encryptedPassword;
  }

  /** What a DBA rotating a password also does: PostgreSQL keeps sessions that logged in with the old one. */
  async function endCashierSessions(): Promise<void> {
    await testApp.sql(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'cashier'`);
  }

  beforeAll(async () => {
    cashierPassword = secret('cashier');
    // Created through Rolecall as shop_owner, which therefore holds ADMIN OPTION on it and may change its password.
    const created = await mutate(admin, shopId, 'createRole', {
      input: { name: 'cashier', login: true, password: cashierPassword, configure: true },
    });
    if (created.__typename !== 'PermissionChange') throw new Error(`createRole failed: ${JSON.stringify(created)}`);
    cara = await signedInUser('cara');
    const added = await addCollaborator(admin, {
      databaseId: shopId,
      userId: cara.id,
      configuredRoleId: await configuredRoleIdOf(admin, shopId, 'cashier'),
    });
    caraCollaboratorId = added.id as string;
  });

  it('a password changed on the server makes the collaborator fail with AuthenticationFailedError', async () => {
    expect(await currentRoleOf(cara.client, shopId)).toMatchObject({ currentRole: 'cashier' });
    cashierPassword = secret('cashier-rotated');
    await testApp.sql(`ALTER ROLE cashier PASSWORD '${cashierPassword}'`);
    await endCashierSessions();
    await expect
      .poll(() => currentRoleOf(cara.client, shopId))
      .toMatchObject({ __typename: 'AuthenticationFailedError', sqlstate: '28P01' });
  });

  it('reconfiguring with a wrong password is refused and keeps the stored one', async () => {
    const before = await metadataSnapshot(testApp);
    const result = await configureRole(admin, shopId, 'cashier', secret('wrong'));
    expect(result).toMatchObject({ __typename: 'AuthenticationFailedError', sqlstate: '28P01' });
    expect(await metadataSnapshot(testApp)).toEqual(before);
  });

  it("reconfiguring with the right password drops the old pool and the collaborator's requests work again", async () => {
    expect(cashierPools()).toHaveLength(1);
    const stored = await storedCashierPassword();
    const result = await configureRole(admin, shopId, 'cashier', cashierPassword);
    expect(result).toMatchObject({ __typename: 'ConfiguredRole', rolname: 'cashier' });
    expect(await storedCashierPassword()).not.toBe(stored);
    expect(cashierPools()).toEqual([]);
    expect(await currentRoleOf(cara.client, shopId)).toMatchObject({ currentRole: 'cashier' });
    expect(cashierPools()).toHaveLength(1);
  });

  it('setRolePassword changes the password on the server and the stored one together', async () => {
    const stored = await storedCashierPassword();
    cashierPassword = secret('cashier-set');
    const change = await mutate(admin, shopId, 'setRolePassword', { name: 'cashier', password: cashierPassword });
    expect(change).toMatchObject({ __typename: 'PermissionChange', dryRun: false });
    expect(await loginAs(testApp, 'cashier', cashierPassword, 'shop')).toBe('cashier');
    expect(await storedCashierPassword()).not.toBe(stored);
    await endCashierSessions();
    await expect.poll(() => currentRoleOf(cara.client, shopId)).toMatchObject({ currentRole: 'cashier' });
  });

  it('setRolePassword never leaves a stale stored password, even when the new one cannot log in yet', async () => {
    // An expired VALID UNTIL refuses every login, so the check after ALTER ROLE … PASSWORD fails once it committed.
    await testApp.sql(`ALTER ROLE cashier VALID UNTIL '2000-01-01'`);
    const stored = await storedCashierPassword();
    cashierPassword = secret('cashier-expired');
    const change = await mutate(admin, shopId, 'setRolePassword', { name: 'cashier', password: cashierPassword });
    // The password did change on the server: the answer says so, and why collaborators cannot connect yet.
    expect(change).toMatchObject({ __typename: 'PermissionChange', dryRun: false });
    expect(change.warnings).toEqual([expect.stringMatching(/new password of cashier .*cannot log in with it yet/)]);
    await testApp.sql(`ALTER ROLE cashier VALID UNTIL 'infinity'`);
    expect(await loginAs(testApp, 'cashier', cashierPassword, 'shop')).toBe('cashier');
    expect(await storedCashierPassword()).not.toBe(stored);
    await endCashierSessions();
    await expect.poll(() => currentRoleOf(cara.client, shopId)).toMatchObject({ currentRole: 'cashier' });
  });

  it("changing a collaborator's role and access is recorded, and their next requests run as the new role", async () => {
    const capabilities = `query($id: ID!) { database(id: $id) { ... on Database {
      viewerAccess viewerCapabilities { canManageCollaborators canConfigureRoles } } } }`;
    expect(await cara.client.field(capabilities, { id: shopId })).toMatchObject({
      viewerAccess: 'MEMBER',
      viewerCapabilities: { canManageCollaborators: false, canConfigureRoles: false },
    });
    const clerk = await configureRole(admin, shopId, 'clerk', clerkPassword);
    const updated = await admin.field(
      `mutation($id: ID!, $input: UpdateCollaboratorInput!) { updateCollaborator(id: $id, input: $input) {
        ${ERROR_FIELDS} ... on Collaborator { access role { rolname } } } }`,
      { id: caraCollaboratorId, input: { configuredRoleId: clerk.id, access: 'MANAGER' } },
    );
    expect(updated).toMatchObject({ __typename: 'Collaborator', access: 'MANAGER', role: { rolname: 'clerk' } });
    const [event] = await testApp.sql<{ payload: Record<string, unknown> }>(
      `SELECT payload FROM "Event" WHERE kind = 'collaborator.changed' ORDER BY id DESC LIMIT 1`,
      [],
      'rolecall_metadata',
    );
    expect(event?.payload).toMatchObject({ user: 'cara', role: 'clerk', access: 'MANAGER' });
    expect(await currentRoleOf(cara.client, shopId)).toMatchObject({ currentRole: 'clerk' });
    expect(await cara.client.field(capabilities, { id: shopId })).toMatchObject({
      viewerAccess: 'MANAGER',
      viewerCapabilities: { canManageCollaborators: true, canConfigureRoles: false },
    });
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
  const DEACTIVATE = `mutation($id: ID!) { updateUser(id: $id, input: { isActive: false }) {
    ${ERROR_FIELDS} ... on User { isActive } } }`;

  it('deactivating a user ends their sessions, stops their API tokens and blocks sign-in', async () => {
    const dana = await createUser(admin, 'dana');
    const danaClient = testApp.client();
    await signIn(danaClient, 'dana', dana.password);
    const integrator = testApp.client().withToken(await createApiToken(danaClient, 'dana-ci'));
    expect((await integrator.request('{ viewer { username } }')).data).toEqual({ viewer: { username: 'dana' } });
    const result = await admin.field(DEACTIVATE, { id: dana.id });
    expect(result).toMatchObject({ __typename: 'User', isActive: false });
    expect((await danaClient.request('{ viewer { id } }')).data).toEqual({ viewer: null });
    expect((await integrator.request('{ viewer { id } }')).data).toEqual({ viewer: null });
    const created = await integrator.field(`mutation { createApiToken(name: "again") { ${ERROR_FIELDS} } }`);
    expect(created.__typename).toBe('UnauthenticatedError');
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

  it('never deactivates the last active admin, and writes nothing', async () => {
    const viewer = await admin.request<{ viewer: { id: string } }>('{ viewer { id } }');
    const before = await metadataSnapshot(testApp);
    const result = await admin.field(DEACTIVATE, { id: viewer.data?.viewer.id });
    expect(result).toMatchObject({ __typename: 'LastAdminError', code: 'LAST_ADMIN' });
    expect(await metadataSnapshot(testApp)).toEqual(before);
    expect((await admin.request('{ viewer { username isActive } }')).data).toEqual({
      viewer: { username: 'admin', isActive: true },
    });
  });
});

describe('disconnecting a database', () => {
  it('removes its metadata and collaborators, but leaves the database and every role on the server', async () => {
    const catalog = async () => ({
      roles: await testApp.sql('SELECT rolname, rolcanlogin, rolpassword FROM pg_authid ORDER BY rolname'),
      database: await testApp.sql(
        `SELECT datname, pg_get_userbyid(datdba) AS owner, datacl::text AS acl FROM pg_database WHERE datname = 'shop'`,
      ),
    });
    const before = await catalog();
    expect(before.database).toHaveLength(1);
    const configuredRoles = await metadataCount('ConfiguredRole');
    const result = await admin.field(`mutation($id: ID!) { disconnectDatabase(id: $id) { ${ERROR_FIELDS} } }`, {
      id: shopId,
    });
    expect(result.__typename).toBe('Removed');
    expect(await metadataCount('Database')).toBe(0);
    expect(await metadataCount('Collaborator')).toBe(0);
    expect(await metadataCount('ConfiguredRole')).toBe(configuredRoles);
    expect(await catalog()).toEqual(before);
    const gone = await admin.field(`query($id: ID!) { database(id: $id) { ${ERROR_FIELDS} } }`, { id: shopId });
    expect(gone.__typename).toBe('NotFoundError');
  });
});

describe('the issue flow on the seeded demo database', () => {
  let demoApp: TestApp;
  let demoAdmin: TestClient;
  let demoId: string;
  let auditorPassword: string;
  let auditorRoleId: string;

  beforeAll(async () => {
    // Its own cluster: the demo server is this cluster itself, which the other tests' shop server already is.
    demoApp = await startTestApp();
    // As main.ts does at start-up: seed the demo cluster, then record it in the metadata.
    demoApp.app.services.demo = await recordDemo(
      demoApp.cluster,
      demoApp.app.services,
      await seedDemoCluster(demoApp.cluster),
    );
    demoAdmin = demoApp.client();
  });

  afterAll(async () => {
    otherLogs.push(...(demoApp?.logs ?? []));
    await demoApp?.stop();
  });

  it('the first admin connects the demo database with no password and works in it as its owner role', async () => {
    await setupAdmin(demoAdmin);
    const offered = await demoAdmin.request<{ demoDatabase: Record<string, unknown> }>(
      '{ demoDatabase { host port database role } }',
    );
    const demo = offered.data?.demoDatabase;
    expect(demo).toEqual({ host: '127.0.0.1', port: demoApp.cluster.port, database: 'demo', role: 'demo_admin' });
    const connected = await demoAdmin.field(
      `mutation($input: ConnectDatabaseInput!) { connectDatabase(input: $input) { ${ERROR_FIELDS} ... on Database { id } } }`,
      { input: demo },
    );
    expect(connected.__typename).toBe('Database');
    demoId = connected.id as string;
    expect(await currentRoleOf(demoAdmin, demoId)).toMatchObject({ currentRole: 'demo_admin' });
  });

  it('configures a second role: a wrong password is refused and stores nothing, the right one is stored', async () => {
    auditorPassword = secret('auditor');
    const created = await mutate(demoAdmin, demoId, 'createRole', {
      input: { name: 'auditor', login: true, password: auditorPassword },
    });
    expect(created).toMatchObject({ __typename: 'PermissionChange', dryRun: false });
    const before = await metadataSnapshot(demoApp);
    const wrong = await configureRole(demoAdmin, demoId, 'auditor', secret('wrong'));
    expect(wrong).toMatchObject({ __typename: 'AuthenticationFailedError', sqlstate: '28P01' });
    expect(await metadataSnapshot(demoApp)).toEqual(before);
    const right = await configureRole(demoAdmin, demoId, 'auditor', auditorPassword);
    expect(right).toMatchObject({ __typename: 'ConfiguredRole', rolname: 'auditor' });
    auditorRoleId = right.id as string;
  });

  it('a standard user added as a collaborator runs as that role, and loses the database once removed', async () => {
    const newcomer = await signedInUser('newcomer', demoApp, demoAdmin);
    const added = await addCollaborator(demoAdmin, {
      databaseId: demoId,
      userId: newcomer.id,
      configuredRoleId: auditorRoleId,
    });
    expect(added).toMatchObject({ __typename: 'Collaborator', access: 'MEMBER', role: { rolname: 'auditor' } });
    expect(await currentRoleOf(newcomer.client, demoId)).toMatchObject({ currentRole: 'auditor' });
    const removed = await demoAdmin.field(`mutation($id: ID!) { removeCollaborator(id: $id) { ${ERROR_FIELDS} } }`, {
      id: added.id,
    });
    expect(removed.__typename).toBe('Removed');
    const gone = await newcomer.client.field(`query($id: ID!) { database(id: $id) { ${ERROR_FIELDS} } }`, {
      id: demoId,
    });
    expect(gone.__typename).toBe('NotFoundError');
  });
});

describe('secrets', () => {
  it('no response body or log line of this suite contains a password it used', () => {
    expect(transcript.length).toBeGreaterThan(20);
    expect(leakedSecrets([...transcript, ...testApp.logs, ...otherLogs])).toEqual([]);
  });
});
