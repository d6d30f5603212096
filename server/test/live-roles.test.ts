import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedCluster } from '../src/embedded/cluster.js';
import { secret, startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import { startTestCluster } from './support/cluster.js';
import {
  addCollaborator,
  connect,
  connectShop,
  createApiToken,
  createManagedDatabase,
  createUser,
  ERROR_FIELDS,
  setupAdmin,
  signIn,
} from './support/fixtures.js';
import { collect, collectLive, until, wsClient } from './support/subscriptions.js';

/** What a database page subscribes to, with what tells where an event came from. */
const WATCH = `subscription($databaseId: ID, $after: BigCursor) {
  events(databaseId: $databaseId, after: $after) {
    __typename cursor kind source databaseId sql warnings actor { username }
    ... on RoleEvent { role }
    ... on MembershipEvent { role member }
    ... on InvitationEvent { email status }
    ... on UserEvent { username }
  }
}`;

interface Watched {
  __typename: string;
  cursor: string;
  kind: string;
  source: string;
  databaseId: string | null;
  sql: string[];
  warnings: string[];
  actor: { username: string } | null;
  role?: string;
  member?: string;
  email?: string;
  status?: string;
  username?: string;
}

let testApp: TestApp;
let elsewhereCluster: EmbeddedCluster;
let admin: TestClient;
let shopId: string;
let warehouseId: string;
let elsewhereId: string;
const tokens: Record<'admin' | 'shopper' | 'stranger' | 'newbie' | 'bystander', string> = {
  admin: '',
  shopper: '',
  stranger: '',
  newbie: '',
  bystander: '',
};

async function firstConfiguredRole(databaseId: string): Promise<string> {
  const roles = await admin.field(
    `query($id: ID!) { database(id: $id) { ... on Database { configuredRoles { id } } } }`,
    { id: databaseId },
  );
  return (roles.configuredRoles as { id: string }[])[0]?.id as string;
}

/** A standard user collaborating on `databaseId` (or nowhere), and their API token. */
async function userToken(username: string, databaseId: string | null): Promise<string> {
  const user = await createUser(admin, username);
  if (databaseId) {
    await addCollaborator(admin, {
      databaseId,
      userId: user.id,
      configuredRoleId: await firstConfiguredRole(databaseId),
    });
  }
  const client = testApp.client();
  await signIn(client, username, user.password);
  return createApiToken(client, 'live-roles');
}

function watching(client: ReturnType<typeof wsClient>, received: ReturnType<typeof collect<Watched>>) {
  return {
    received,
    close: async () => {
      received.stop();
      await client.dispose();
    },
  };
}

function watch(token: string, variables: Record<string, unknown>) {
  const client = wsClient(testApp.url, token);
  return watching(client, collect<Watched>(client, WATCH, variables));
}

/** Subscribed after the newest event: resolves once its replay marker says the subscription is live, with no sleep. */
async function watchLive(token: string, variables: Record<string, unknown>) {
  const client = wsClient(testApp.url, token);
  return watching(client, await collectLive<Watched>(testApp, client, WATCH, variables));
}

const aboutUser = (event: Watched, username: string) => event.kind === 'user.updated' && event.username === username;

/** Has an admin rename the user, a change to their own account that they (and only they, of standard users) see. */
async function renameUser(username: string, displayName: string): Promise<void> {
  const users = await admin.field('{ users { ... on QueryUsersConnection { nodes { id username } } } }');
  const user = (users.nodes as { id: string; username: string }[]).find((candidate) => candidate.username === username);
  const updated = await admin.field(
    `mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { ${ERROR_FIELDS} } }`,
    { id: user?.id, input: { displayName } },
  );
  expect(updated.__typename).toBe('User');
}

/** The audit log of events of `kind` as the token's user sees it, across every database. */
async function ownLog(token: string, kind: string): Promise<unknown[]> {
  const page = await testApp
    .client()
    .withToken(token)
    .field(
      `query($kinds: [String!]) { auditLog(kinds: $kinds, first: 50) { ${ERROR_FIELDS} ... on EventPage { events { kind databaseId sql } } } }`,
      { kinds: [kind] },
    );
  return page.events as unknown[];
}

async function createRoleThrough(databaseId: string, name: string): Promise<void> {
  const result = await admin.field(
    `mutation($id: ID!, $input: CreateRoleInput!) { createRole(databaseId: $id, input: $input) { ${ERROR_FIELDS} } }`,
    { id: databaseId, input: { name, login: true, password: secret(name) } },
  );
  expect(result.__typename).toBe('PermissionChange');
}

beforeAll(async () => {
  testApp = await startTestApp({ DRIFT_INTERVAL_MS: '500' });
  admin = testApp.client();
  await setupAdmin(admin);
  tokens.admin = await createApiToken(admin, 'live-roles');
  shopId = await connectShop(testApp, admin, ['analysts']);
  warehouseId = await connect(admin, testApp, await createManagedDatabase(testApp, 'warehouse', 'warehouse_owner'));
  elsewhereCluster = await startTestCluster();
  const elsewhereOwner = secret('elsewhere_owner');
  const { default: pg } = await import('pg');
  const superuser = new pg.Client(elsewhereCluster.url());
  await superuser.connect();
  await superuser.query(`CREATE ROLE elsewhere_owner LOGIN CREATEROLE PASSWORD '${elsewhereOwner}'`);
  await superuser.query('CREATE DATABASE elsewhere OWNER elsewhere_owner');
  await superuser.end();
  const connected = await admin.field(
    `mutation($input: ConnectDatabaseInput!) { connectDatabase(input: $input) { ${ERROR_FIELDS} ... on Database { id } } }`,
    {
      input: {
        host: '127.0.0.1',
        port: elsewhereCluster.port,
        database: 'elsewhere',
        role: 'elsewhere_owner',
        password: elsewhereOwner,
      },
    },
  );
  elsewhereId = connected.id as string;
  tokens.shopper = await userToken('shopper', shopId);
  tokens.stranger = await userToken('stranger', elsewhereId);
  tokens.newbie = await userToken('newbie', null);
  tokens.bystander = await userToken('bystander', null);
});

afterAll(async () => {
  await testApp?.stop();
  await elsewhereCluster?.stop();
});

describe('role and membership events reach every database of their server', () => {
  it('a role created and granted a group in psql reaches a subscriber of a database on that server', async () => {
    const shopper = await watchLive(tokens.shopper, { databaseId: shopId });
    await testApp.sql('CREATE ROLE made_in_psql');
    await testApp.sql('GRANT analysts TO made_in_psql');
    await until(
      () => shopper.received.items.some((event) => event.kind === 'membership.granted'),
      8_000,
      'the membership event',
    );
    expect(shopper.received.items).toContainEqual(
      expect.objectContaining({
        __typename: 'RoleEvent',
        kind: 'role.created',
        source: 'EXTERNAL',
        role: 'made_in_psql',
      }),
    );
    expect(shopper.received.items).toContainEqual(
      expect.objectContaining({
        __typename: 'MembershipEvent',
        kind: 'membership.granted',
        source: 'EXTERNAL',
        role: 'analysts',
        member: 'made_in_psql',
      }),
    );
    await shopper.close();
  });

  it("a role Rolecall creates through another database of the server reaches the subscriber without that database's SQL or name", async () => {
    const shopper = await watchLive(tokens.shopper, { databaseId: shopId });
    const watcher = await watchLive(tokens.admin, { databaseId: shopId });
    await createRoleThrough(warehouseId, 'made_through_other_db');
    const named = (items: Watched[]) => items.find((event) => event.role === 'made_through_other_db');
    await until(() => Boolean(named(shopper.received.items)), 5_000, 'the role event');
    const seen = named(shopper.received.items);
    expect(seen).toMatchObject({
      __typename: 'RoleEvent',
      kind: 'role.created',
      source: 'ROLECALL',
      role: 'made_through_other_db',
      databaseId: null,
      sql: [],
      actor: null,
    });
    expect(JSON.stringify(seen)).not.toMatch(/DATABASE|"warehouse"/);
    expect(seen?.warnings).toEqual([]);
    // Admins see every database: they get the event whole.
    await until(() => Boolean(named(watcher.received.items)), 5_000, "the admin's role event");
    const whole = named(watcher.received.items);
    expect(whole?.databaseId).toBe(warehouseId);
    expect(whole?.actor).toEqual({ username: 'admin' });
    expect(whole?.sql.join('\n')).toContain('ON DATABASE "warehouse"');
    await shopper.close();
    await watcher.close();
  });

  it("the database's audit log lists the same role events as its live stream, stripped the same way", async () => {
    const AUDIT = `query($db: ID) { auditLog(databaseId: $db, kinds: ["role.created"], first: 50) { ${ERROR_FIELDS}
      ... on EventPage { events { kind databaseId sql ... on RoleEvent { role } } } } }`;
    await createRoleThrough(warehouseId, 'audited_through_other_db');
    const made = (page: { events?: { role?: string }[] }) =>
      page.events?.find((event) => event.role === 'audited_through_other_db');
    const shopper = testApp.client().withToken(tokens.shopper);
    expect(made(await shopper.field(AUDIT, { db: shopId }))).toEqual({
      kind: 'role.created',
      databaseId: null,
      sql: [],
      role: 'audited_through_other_db',
    });
    const whole = made(await testApp.client().withToken(tokens.admin).field(AUDIT, { db: shopId })) as {
      databaseId: string;
      sql: string[];
    };
    expect(whole.databaseId).toBe(warehouseId);
    expect(whole.sql.join('\n')).toContain('ON DATABASE "warehouse"');
    const stranger = testApp.client().withToken(tokens.stranger);
    expect(made(await stranger.field(AUDIT, { db: null }))).toBeUndefined();
    expect(made(await stranger.field(AUDIT, { db: shopId }))).toBeUndefined();
  });

  it('a subscriber with no access to any database of that server gets none of its role events', async () => {
    const stranger = await watchLive(tokens.stranger, { databaseId: elsewhereId });
    const strangerEverything = await watchLive(tokens.stranger, {});
    const control = await watchLive(tokens.shopper, { databaseId: shopId });
    await testApp.sql('CREATE ROLE psql_role_b');
    await createRoleThrough(shopId, 'rolecall_role_b');
    await until(
      () =>
        ['psql_role_b', 'rolecall_role_b'].every((name) => control.received.items.some((event) => event.role === name)),
      8_000,
      'both role events at the control subscriber',
    );
    // A later event of the stranger's own server proves their subscriptions were listening all along.
    await createRoleThrough(elsewhereId, 'elsewhere_marker');
    for (const subscription of [stranger, strangerEverything])
      await until(
        () => subscription.received.items.some((event) => event.role === 'elsewhere_marker'),
        8_000,
        "the stranger's own server's role event",
      );
    const shopServerRoles = ['psql_role_b', 'rolecall_role_b'];
    for (const subscription of [stranger, strangerEverything])
      expect(subscription.received.items.filter((event) => shopServerRoles.includes(event.role ?? ''))).toEqual([]);
    expect(stranger.received.completed).toBe(false);
    await stranger.close();
    await strangerEverything.close();
    await control.close();
  });

  it("a replay from a cursor includes the role and membership events of the database's server", async () => {
    const first = await watchLive(tokens.shopper, { databaseId: shopId });
    await testApp.sql('CREATE ROLE before_the_drop');
    const [seen] = await first.received.waitFor(1, 8_000);
    await first.close();

    await testApp.sql('CREATE ROLE psql_while_away');
    await testApp.sql('GRANT analysts TO psql_while_away');
    await createRoleThrough(warehouseId, 'rolecall_while_away');
    const logged = async () =>
      (
        await testApp.sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM "Event" WHERE id > $1 AND kind IN ('role.created', 'membership.granted')`,
          [seen?.cursor],
          'rolecall_metadata',
        )
      )[0]?.n ?? 0;
    // The drift watcher polls psql's changes into the log: wait until all three are there, so they are replayed.
    await expect.poll(logged, { timeout: 8_000, interval: 200 }).toBeGreaterThanOrEqual(3);

    const replay = watch(tokens.shopper, { databaseId: shopId, after: seen?.cursor });
    // Everything before the server's replay marker was replayed: the three must be among those, not arrive live later.
    await replay.received.waitForCaughtUp();
    const replayedItems = replay.received.items.slice(0, replay.received.replayed);
    const described = replayedItems.map((event) => [event.kind, event.source, event.member ?? event.role]);
    expect(described).toEqual(
      expect.arrayContaining([
        ['role.created', 'EXTERNAL', 'psql_while_away'],
        ['membership.granted', 'EXTERNAL', 'psql_while_away'],
        ['role.created', 'ROLECALL', 'rolecall_while_away'],
      ]),
    );
    const cursors = replay.received.items.map((event) => BigInt(event.cursor));
    expect(cursors.every((cursor) => cursor > BigInt(seen?.cursor ?? 0))).toBe(true);
    expect(replay.received.items.find((event) => event.role === 'rolecall_while_away')).toMatchObject({
      databaseId: null,
      sql: [],
    });
    await replay.close();
  });
});

describe('events about the viewer themselves', () => {
  it('a user who collaborates nowhere receives their own invitation live, without the database', async () => {
    const newbie = await watchLive(tokens.newbie, {});
    const bystander = await watchLive(tokens.bystander, {});
    const invited = await admin.field(
      `mutation($input: InviteCollaboratorInput!) { inviteCollaborator(input: $input) { ${ERROR_FIELDS} } }`,
      {
        input: { databaseId: shopId, email: 'newbie@example.com', configuredRoleId: await firstConfiguredRole(shopId) },
      },
    );
    expect(invited.__typename).not.toMatch(/Error$/);
    const [event] = await newbie.received.waitFor(1);
    expect(event).toMatchObject({
      __typename: 'InvitationEvent',
      kind: 'invitation.created',
      email: 'newbie@example.com',
      status: 'PENDING',
      databaseId: null,
      sql: [],
    });
    // A later change the bystander does see: events arrive in log order, so the invitation would have come first.
    await renameUser('bystander', 'bystander (sentinel)');
    await bystander.received.waitForItem((item) => aboutUser(item, 'bystander'), "the bystander's own account event");
    expect(bystander.received.items.map((item) => item.kind)).toEqual(['user.updated']);
    // Their activity log agrees with their stream.
    expect(await ownLog(tokens.newbie, 'invitation.created')).toEqual([
      { kind: 'invitation.created', databaseId: null, sql: [] },
    ]);
    expect(await ownLog(tokens.bystander, 'invitation.created')).toEqual([]);
    await newbie.close();
    await bystander.close();
  });

  it("a standard user receives the changes an admin makes to their own account, and not other users'", async () => {
    const newbie = await watchLive(tokens.newbie, {});
    for (const name of ['bystander', 'newbie']) await renameUser(name, `${name} renamed`);
    // The newbie's own change was made last: events arrive in log order, so the bystander's would have come first.
    await newbie.received.waitForItem((item) => aboutUser(item, 'newbie'), 'the account event');
    expect(newbie.received.items.map((event) => [event.__typename, event.kind])).toEqual([
      ['UserEvent', 'user.updated'],
    ]);
    expect(newbie.received.items[0]).toMatchObject({ username: 'newbie' });
    expect(await ownLog(tokens.newbie, 'user.updated')).toHaveLength(1);
    await newbie.close();
  });
});
