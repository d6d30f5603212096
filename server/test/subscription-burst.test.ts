import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import {
  addCollaborator,
  connectShop,
  createApiToken,
  createUser,
  ERROR_FIELDS,
  setupAdmin,
  signIn,
} from './support/fixtures.js';
import { collectLive, EVENTS, type LiveEvent, wsClient } from './support/subscriptions.js';

/**
 * A live event reaches a waiting WebSocket subscriber at once, written straight to its socket; an event that may
 * change rights, and whatever comes behind it, goes through the subscription's iterator. Either way a subscriber
 * must get every event once, in the order they were made.
 */

let testApp: TestApp;
let admin: TestClient;
let shopId: string;
let memberToken: string;
let collaboratorId: string;
const ROLES = ['burst_a', 'burst_b', 'burst_c'];

beforeAll(async () => {
  testApp = await startTestApp();
  admin = testApp.client();
  await setupAdmin(admin);
  shopId = await connectShop(testApp, admin, ROLES);
  const roles = await admin.field(
    `query($id: ID!) { database(id: $id) { ... on Database { configuredRoles { id } } } }`,
    { id: shopId },
  );
  const member = await createUser(admin, 'burst_member');
  const added = await addCollaborator(admin, {
    databaseId: shopId,
    userId: member.id,
    configuredRoleId: (roles.configuredRoles as { id: string }[])[0]?.id as string,
  });
  collaboratorId = added.id as string;
  const memberClient = testApp.client();
  await signIn(memberClient, 'burst_member', member.password);
  memberToken = await createApiToken(memberClient, 'burst');
});

afterAll(async () => {
  await testApp?.stop();
});

async function change(field: 'grantPrivileges' | 'revokePrivileges', grantee: string): Promise<void> {
  const result = await admin.field(
    `mutation($id: ID!, $grantee: String) { ${field}(databaseId: $id, object: { kind: TABLE, schema: "s", name: "t" }, grantee: $grantee, privileges: ["SELECT"]) { ${ERROR_FIELDS} } }`,
    { id: shopId, grantee },
  );
  expect(result.__typename).toBe('PermissionChange');
}

async function setAccess(access: 'MANAGER' | 'MEMBER'): Promise<void> {
  const result = await admin.field(
    `mutation($id: ID!, $input: UpdateCollaboratorInput!) { updateCollaborator(id: $id, input: $input) { ${ERROR_FIELDS} } }`,
    { id: collaboratorId, input: { access } },
  );
  expect(result.__typename).toBe('Collaborator');
}

describe('a burst of changes reaching live WebSocket subscribers', () => {
  it('arrives whole and in order, each event once, with changes of rights among them', async () => {
    const subscribers = [wsClient(testApp.url, memberToken), wsClient(testApp.url, memberToken)];
    const streams = await Promise.all(
      subscribers.map((client) => collectLive<LiveEvent>(testApp, client, EVENTS, { databaseId: shopId })),
    );
    try {
      // Not waiting for delivery between changes: some arrive while a subscriber is still busy with the last.
      await change('grantPrivileges', 'burst_a');
      await setAccess('MANAGER');
      await change('grantPrivileges', 'burst_b');
      await change('revokePrivileges', 'burst_a');
      await setAccess('MEMBER');
      await change('grantPrivileges', 'burst_c');
      for (const stream of streams) {
        await stream.waitForItem((event) => event.grantee === 'burst_c', 'the last grant');
        const cursors = stream.items.map((event) => BigInt(event.cursor));
        expect(cursors).toEqual([...cursors].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
        expect(new Set(cursors).size).toBe(cursors.length);
        const privileges = stream.items.filter((event) => event.kind === 'privileges.changed');
        expect(privileges.map((event) => [event.grantee, event.granted?.length ? 'granted' : 'revoked'])).toEqual([
          ['burst_a', 'granted'],
          ['burst_b', 'granted'],
          ['burst_a', 'revoked'],
          ['burst_c', 'granted'],
        ]);
        expect(stream.items.filter((event) => event.kind.startsWith('collaborator.'))).toHaveLength(2);
      }
    } finally {
      for (const stream of streams) stream.stop();
      await Promise.all(subscribers.map((client) => client.dispose()));
    }
  });
});
