import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import { createApiToken, createUser, setupAdmin, signIn } from './support/fixtures.js';

/**
 * A request's credential and its user are read in one plain SQL statement (auth/sessions.ts), not through Prisma: the
 * user it answers with must be the one Prisma reads, dates included, whatever the process's time zone (the metadata
 * database stores them as timestamps without time zone, in UTC).
 */

const USER_FIELDS = 'id username email displayName isAdmin isActive createdAt emailVerifiedAt';
const VIEWER = `{ viewer { ${USER_FIELDS} } }`;
const USERS = `{ users(first: 100) { ... on QueryUsersConnection { edges { node { ${USER_FIELDS} } } } } }`;

let testApp: TestApp;
let admin: TestClient;
const zone = process.env.TZ;

beforeAll(async () => {
  // Three hours west of UTC all year: a date read in the process's zone would be three hours off.
  process.env.TZ = 'America/Sao_Paulo';
  testApp = await startTestApp();
  admin = testApp.client();
  await setupAdmin(admin);
});

afterAll(async () => {
  await testApp?.stop();
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

async function data<T>(client: TestClient, query: string): Promise<T> {
  const result = await client.request<T>(query);
  if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data;
}

const viewerOf = async (client: TestClient) =>
  (await data<{ viewer: Record<string, unknown> | null }>(client, VIEWER)).viewer;

/** The user as the admin's list reads it: through Prisma. */
async function asPrismaReadsIt(username: string): Promise<Record<string, unknown>> {
  const { users } = await data<{ users: { edges: { node: Record<string, unknown> }[] } }>(admin, USERS);
  const found = users.edges.map((edge) => edge.node).find((node) => node.username === username);
  if (!found) throw new Error(`no user ${username}`);
  return found;
}

describe('the viewer read with its credential', () => {
  it('is the user Prisma reads, through a session and through an API token', async () => {
    expect(new Date(Date.UTC(2026, 0, 2)).getTimezoneOffset()).toBe(180);
    const { password } = await createUser(admin, 'lookup_ada');
    await testApp.sql(
      `UPDATE "User" SET "displayName" = 'Ada L.', "emailVerifiedAt" = '2026-01-02 03:04:05.678' WHERE username = 'lookup_ada'`,
      [],
      'rolecall_metadata',
    );
    const [stored] = await testApp.sql<{ createdAt: string }>(
      `SELECT to_char("createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt" FROM "User" WHERE username = 'lookup_ada'`,
      [],
      'rolecall_metadata',
    );
    const ada = testApp.client();
    await signIn(ada, 'lookup_ada', password);
    const bySession = await viewerOf(ada);
    const byToken = await viewerOf(testApp.client().withToken(await createApiToken(ada, 'lookup')));

    const expected = await asPrismaReadsIt('lookup_ada');
    expect(expected).toMatchObject({
      displayName: 'Ada L.',
      emailVerifiedAt: '2026-01-02T03:04:05.678Z',
      createdAt: stored?.createdAt,
      isActive: true,
      isAdmin: false,
    });
    expect(bySession).toEqual(expected);
    expect(byToken).toEqual(expected);
  });

  it('is nobody for a token whose user was deactivated, and for an unknown token', async () => {
    const { password } = await createUser(admin, 'lookup_bob');
    const bob = testApp.client();
    await signIn(bob, 'lookup_bob', password);
    const token = await createApiToken(bob, 'lookup');
    await testApp.sql(`UPDATE "User" SET "isActive" = false WHERE username = 'lookup_bob'`, [], 'rolecall_metadata');
    // Unannounced (no event says so) and never read before: nothing in memory stands for it.
    expect(await viewerOf(testApp.client().withToken(token))).toBeNull();
    expect(await viewerOf(testApp.client().withToken(`${token}x`))).toBeNull();
  });
});
