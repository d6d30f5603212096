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
import { actor, relationAcl } from './support/permissions.js';

/**
 * Who collaborates through which role is kept in memory for a few seconds (scope/collaborator-cache.ts): a change to
 * it must still hold from the very next request, never only once the memory expires.
 */

const CURRENT_ROLE = `query($id: ID!) { database(id: $id) { ... on Database {
  catalog { ${ERROR_FIELDS} ... on DatabaseCatalog { currentRole } } } } }`;

let testApp: TestApp;
let admin: TestClient;
let shopId: string;
let ownerRoleId: string;
let clerkRoleId: string;

async function collaborator(username: string): Promise<{ client: TestClient; collaboratorId: string }> {
  const user = await createUser(admin, username);
  const added = await addCollaborator(admin, { databaseId: shopId, userId: user.id, configuredRoleId: ownerRoleId });
  if (added.__typename !== 'Collaborator') throw new Error(`addCollaborator failed: ${JSON.stringify(added)}`);
  const client = testApp.client();
  await signIn(client, username, user.password);
  return { client, collaboratorId: added.id as string };
}

async function currentRole(client: TestClient): Promise<unknown> {
  const database = await client.field<{ catalog: { currentRole?: string } }>(CURRENT_ROLE, { id: shopId });
  return database.catalog.currentRole;
}

beforeAll(async () => {
  testApp = await startTestApp();
  admin = testApp.client();
  await setupAdmin(admin);
  const shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
  shopId = await connect(admin, testApp, shop);
  const ownerPassword = await createLoginRole(testApp, 'cache_owner');
  const clerkPassword = await createLoginRole(testApp, 'cache_clerk');
  await testApp.sql('CREATE TABLE orders (id int); ALTER TABLE orders OWNER TO cache_owner', [], 'shop');
  await testApp.sql('GRANT CONNECT ON DATABASE shop TO cache_owner, cache_clerk', [], 'shop');
  ownerRoleId = (await configureRole(admin, shopId, 'cache_owner', ownerPassword)).id as string;
  clerkRoleId = (await configureRole(admin, shopId, 'cache_clerk', clerkPassword)).id as string;
});

afterAll(async () => {
  await testApp?.stop();
});

describe('what Rolecall keeps in memory of collaborators', () => {
  it('a collaborator moved to another role works through it from their very next request', async () => {
    const { client, collaboratorId } = await collaborator('mover');
    const act = actor(client, shopId);
    const granted = await act('grantPrivileges', {
      object: { kind: 'TABLE', schema: 'public', name: 'orders' },
      grantee: 'cache_clerk',
      privileges: ['SELECT'],
    });
    expect(granted.__typename).toBe('PermissionChange');
    expect(await currentRole(client)).toBe('cache_owner');

    const moved = await admin.field(
      `mutation($id: ID!, $input: UpdateCollaboratorInput!) { updateCollaborator(id: $id, input: $input) { ${ERROR_FIELDS} } }`,
      { id: collaboratorId, input: { configuredRoleId: clerkRoleId } },
    );
    expect(moved.__typename).toBe('Collaborator');
    expect(await currentRole(client)).toBe('cache_clerk');
    // As cache_clerk, which neither owns orders nor holds a grant option on it, PostgreSQL grants nothing.
    const before = await relationAcl(testApp, 'shop', 'public', 'orders');
    const refused = await act('grantPrivileges', {
      object: { kind: 'TABLE', schema: 'public', name: 'orders' },
      grantee: 'cache_clerk',
      privileges: ['INSERT'],
    });
    expect(refused.__typename).not.toBe('PermissionChange');
    expect(await relationAcl(testApp, 'shop', 'public', 'orders')).toBe(before);
  });

  it('a removed collaborator is refused from their very next request, and changes nothing', async () => {
    const { client, collaboratorId } = await collaborator('leaver');
    const act = actor(client, shopId);
    const granted = await act('grantPrivileges', {
      object: { kind: 'TABLE', schema: 'public', name: 'orders' },
      grantee: 'cache_clerk',
      privileges: ['UPDATE'],
    });
    expect(granted.__typename).toBe('PermissionChange');

    const removal = await admin.field(`mutation($id: ID!) { removeCollaborator(id: $id) { ${ERROR_FIELDS} } }`, {
      id: collaboratorId,
    });
    expect(removal.__typename).toBe('Removed');
    const before = await relationAcl(testApp, 'shop', 'public', 'orders');
    const refused = await act('grantPrivileges', {
      object: { kind: 'TABLE', schema: 'public', name: 'orders' },
      grantee: 'cache_clerk',
      privileges: ['DELETE'],
    });
    expect(['NotFoundError', 'ForbiddenError']).toContain(refused.__typename);
    expect(await relationAcl(testApp, 'shop', 'public', 'orders')).toBe(before);
  });
});
