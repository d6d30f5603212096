import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import {
  addCollaborator,
  configureRole,
  connect,
  createApiToken,
  createLoginRole,
  createManagedDatabase,
  createUser,
  setupAdmin,
  signIn,
} from './support/fixtures.js';

let testApp: TestApp;
let admin: TestClient;
let member: TestClient;
const ids: Record<string, string> = {};

const NODE = `query($id: ID!) { node(id: $id) { __typename id } }`;

async function nodeOf(client: TestClient, id: string): Promise<string | null> {
  const result = await client.request<{ node: { __typename: string; id: string } | null }>(NODE, { id });
  expect(result.errors).toBeUndefined();
  const found = result.data?.node ?? null;
  if (found) expect(found.id).toBe(id);
  return found?.__typename ?? null;
}

beforeAll(async () => {
  testApp = await startTestApp();
  admin = testApp.client();
  ids.admin = (await setupAdmin(admin)).id;
  const shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
  const vault = await createManagedDatabase(testApp, 'vault', 'vault_owner');
  ids.shop = await connect(admin, testApp, shop);
  ids.vault = await connect(admin, testApp, vault);
  const clerkPassword = await createLoginRole(testApp, 'clerk');
  const clerk = await configureRole(admin, ids.shop, 'clerk', clerkPassword);
  ids.configuredRole = clerk.id as string;
  const mia = await createUser(admin, 'mia');
  ids.mia = mia.id;
  ids.other = (await createUser(admin, 'otto')).id;
  const added = await addCollaborator(admin, {
    databaseId: ids.shop,
    userId: mia.id,
    configuredRoleId: clerk.id as string,
  });
  ids.collaborator = added.id as string;
  const server = await admin.request<{ database: { server: { id: string } } }>(
    'query($id: ID!) { database(id: $id) { ... on Database { server { id } } } }',
    { id: ids.shop },
  );
  ids.server = server.data?.database.server.id as string;
  await createApiToken(admin, 'admin-token');
  const tokens = await admin.request<{ apiTokens: { nodes: { id: string }[] } }>(
    'query { apiTokens { ... on QueryApiTokensConnection { nodes { id } } } }',
  );
  ids.adminToken = tokens.data?.apiTokens.nodes[0]?.id as string;
  member = testApp.client();
  await signIn(member, 'mia', mia.password);
});

afterAll(async () => {
  await testApp?.stop();
});

describe('node(id:): any object by its global id, under the rule of its own type', () => {
  it('an admin looks up each kind of object', async () => {
    expect(await nodeOf(admin, ids.shop as string)).toBe('Database');
    expect(await nodeOf(admin, ids.server as string)).toBe('Server');
    expect(await nodeOf(admin, ids.collaborator as string)).toBe('Collaborator');
    expect(await nodeOf(admin, ids.configuredRole as string)).toBe('ConfiguredRole');
    expect(await nodeOf(admin, ids.mia as string)).toBe('User');
    expect(await nodeOf(admin, ids.adminToken as string)).toBe('ApiToken');
  });

  it('a collaborator sees their database, its server and their collaboration, and themself', async () => {
    expect(await nodeOf(member, ids.shop as string)).toBe('Database');
    expect(await nodeOf(member, ids.server as string)).toBe('Server');
    expect(await nodeOf(member, ids.collaborator as string)).toBe('Collaborator');
    expect(await nodeOf(member, ids.mia as string)).toBe('User');
  });

  it('a collaborator gets null for what they could not reach otherwise', async () => {
    expect(await nodeOf(member, ids.vault as string)).toBeNull();
    expect(await nodeOf(member, ids.other as string)).toBeNull();
    expect(await nodeOf(member, ids.admin as string)).toBeNull();
    expect(await nodeOf(member, ids.adminToken as string)).toBeNull();
    expect(await nodeOf(member, ids.configuredRole as string)).toBeNull();
  });

  it('signed out, every id is null', async () => {
    const anonymous = testApp.client();
    for (const id of [ids.shop, ids.mia, ids.server]) expect(await nodeOf(anonymous, id as string)).toBeNull();
  });

  it('an id that names nothing, a foreign type or no id at all is null, not an error', async () => {
    const unknown = encodeGlobalID('Database', '00000000-0000-0000-0000-000000000001');
    for (const id of [unknown, encodeGlobalID('Role', '10'), encodeGlobalID('Database', 'x'), 'not-an-id', ''])
      expect(await nodeOf(admin, id)).toBeNull();
  });
});
