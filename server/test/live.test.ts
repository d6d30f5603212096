import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../src/app.js';
import { SERVER_WIDE_KINDS } from '../src/events/kinds.js';
import { startTestApp, type TestApp, testedPostgres } from './support/app.js';
import type { TestClient } from './support/client.js';
import { untilDriftReported } from './support/drift.js';
import {
  addCollaborator,
  connectShop,
  createApiToken,
  createUser,
  ERROR_FIELDS,
  setupAdmin,
  signIn,
} from './support/fixtures.js';
import { externalGrantsTo, mutate } from './support/permissions.js';
import { collect, EVENTS, expectSelectGranted, type LiveEvent, until, wsClient } from './support/subscriptions.js';

let testApp: TestApp;
let admin: TestClient;
let shopId: string;
let adminToken: string;
let memberToken: string;
let memberCollaboratorId: string;

/** The newest event's cursor: subscribing after it replays nothing, and its marker says the stream is live. */
async function newestCursor(): Promise<string> {
  const rows = await testApp.sql<{ id: string }>(
    'SELECT coalesce(max(id), 0)::text AS id FROM "Event"',
    [],
    'rolecall_metadata',
  );
  return rows[0]?.id ?? '0';
}

let sentinels = 0;
const aboutSentinel = (event: LiveEvent) => /^sentinel_\d+$/.test(event.grantee ?? event.role ?? '');

/**
 * A psql grant the drift watcher must report, made after the changes a test watches: once `received` has it, every
 * poll that could have reported those changes has run (polls record in order), so what is missing never came.
 */
async function driftSentinel(received: { items: LiveEvent[] }): Promise<void> {
  const role = `sentinel_${++sentinels}`;
  await testApp.sql(`CREATE ROLE ${role}`);
  await testApp.sql(`GRANT SELECT ON s.t TO ${role}`, [], 'shop');
  await until(
    () => received.items.some((event) => event.source === 'EXTERNAL' && event.grantee === role),
    10_000,
    'the drift watcher to report the sentinel grant',
  );
}

async function grantSelect(client: TestClient, grantee: string): Promise<void> {
  const result = await client.field(
    `mutation($id: ID!, $grantee: String) { grantPrivileges(databaseId: $id, object: { kind: TABLE, schema: "s", name: "t" }, grantee: $grantee, privileges: ["SELECT"]) { ${ERROR_FIELDS} } }`,
    { id: shopId, grantee },
  );
  expect(result.__typename).toBe('PermissionChange');
}

beforeAll(async () => {
  testApp = await startTestApp({ DRIFT_INTERVAL_MS: '500' });
  admin = testApp.client();
  await setupAdmin(admin);
  adminToken = await createApiToken(admin, 'live');
  // A grant that changes nothing records no event: each test that needs one grants to a role of its own.
  shopId = await connectShop(testApp, admin, [
    'reader',
    'writer',
    'outsider_role',
    'stranger_role',
    'replay_role',
    'late_role',
    'remote_role',
    'sse_role',
  ]);
  const roles = await admin.field(
    `query($id: ID!) { database(id: $id) { ... on Database { configuredRoles { id } } } }`,
    { id: shopId },
  );
  const member = await createUser(admin, 'member');
  const added = await addCollaborator(admin, {
    databaseId: shopId,
    userId: member.id,
    configuredRoleId: (roles.configuredRoles as { id: string }[])[0]?.id as string,
  });
  memberCollaboratorId = added.id as string;
  const memberClient = testApp.client();
  await signIn(memberClient, 'member', member.password);
  memberToken = await createApiToken(memberClient, 'live');
  // The drift watcher has read the server once and polls at its interval: the latencies measured are its steady
  // state's, not those of its first read under a loaded machine.
  await untilDriftReported(testApp);
});

afterAll(async () => {
  await testApp?.stop();
});

describe('subscriptions over graphql-ws', () => {
  it("a mutation by one user reaches another user's subscription with its typed payload", async () => {
    const client = wsClient(testApp.url, memberToken);
    const received = collect<LiveEvent>(client, EVENTS, { databaseId: shopId, after: await newestCursor() });
    await received.waitForCaughtUp();
    await grantSelect(admin, 'reader');
    const [event] = await received.waitFor(1);
    expectSelectGranted(event, 'reader');
    received.stop();
    await client.dispose();
  });

  it('a change made in psql reaches the subscriber as an EXTERNAL diff event within 5 s', async () => {
    const client = wsClient(testApp.url, memberToken);
    const received = collect<LiveEvent>(client, EVENTS, { after: await newestCursor() });
    await received.waitForCaughtUp();
    const started = Date.now();
    // PostgreSQL 15 has no per-grant INHERIT: the membership inherits as writer (INHERIT) does.
    const membershipOptions = testedPostgres.membershipOptions;
    await testApp.sql(membershipOptions ? 'GRANT reader TO writer WITH INHERIT FALSE' : 'GRANT reader TO writer');
    await testApp.sql('GRANT UPDATE ON s.t TO writer', [], 'shop');
    const events = await received.waitFor(2, 5_000);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(events).toContainEqual(
      expect.objectContaining({
        __typename: 'MembershipEvent',
        source: 'EXTERNAL',
        role: 'reader',
        member: 'writer',
        inherit: !membershipOptions,
      }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({
        __typename: 'PrivilegeEvent',
        source: 'EXTERNAL',
        object: 's.t',
        grantee: 'writer',
        granted: ['UPDATE'],
      }),
    );
    received.stop();
    await client.dispose();
  });

  it("does not report Rolecall's own changes again as EXTERNAL", async () => {
    const client = wsClient(testApp.url, adminToken);
    const received = collect<LiveEvent>(client, EVENTS, { databaseId: shopId, after: await newestCursor() });
    await received.waitForCaughtUp();
    await grantSelect(admin, 'writer');
    await received.waitFor(1);
    await driftSentinel(received);
    expect(received.items.filter((event) => !aboutSentinel(event)).map((event) => event.source)).toEqual(['ROLECALL']);
    received.stop();
    await client.dispose();
  });

  it('does not report as EXTERNAL the membership PostgreSQL gives a CREATEROLE role in the role it creates', async () => {
    const client = wsClient(testApp.url, adminToken);
    const received = collect<LiveEvent>(client, EVENTS, { databaseId: shopId, after: await newestCursor() });
    await received.waitForCaughtUp();
    // The admin works through shop_owner, which has CREATEROLE but is no superuser.
    const created = await mutate(admin, shopId, 'createRole', { input: { name: 'made_by_owner' } });
    expect(created.__typename).toBe('PermissionChange');
    const granted = await testApp.sql(
      `SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles o ON o.oid = m.member
        WHERE r.rolname = 'made_by_owner' AND o.rolname = 'shop_owner'`,
    );
    // 16+ grants the creator ADMIN OPTION on the role; 15 grants nothing, and the role is all there is to report.
    expect(granted).toHaveLength(testedPostgres.createRoleNeedsAdmin ? 1 : 0);
    await received.waitFor(1);
    await driftSentinel(received);
    expect(received.items.filter((event) => !aboutSentinel(event)).map((event) => [event.source, event.kind])).toEqual([
      ['ROLECALL', 'role.created'],
    ]);
    received.stop();
    await client.dispose();
  });

  it('still reports a psql change made within the same poll interval as a Rolecall change to the same grantee', async () => {
    const client = wsClient(testApp.url, adminToken);
    const received = collect<LiveEvent>(client, EVENTS, { databaseId: shopId, after: await newestCursor() });
    await received.waitForCaughtUp();
    await testApp.sql('GRANT TRIGGER ON s.t TO outsider_role', [], 'shop');
    await grantSelect(admin, 'outsider_role');
    await testApp.sql('GRANT DELETE ON s.t TO outsider_role', [], 'shop');
    await received.waitFor(2);
    await driftSentinel(received);
    // Usually one poll sees both psql grants; one may land between them and report each on its own.
    const external = received.items.filter((event) => event.source === 'EXTERNAL' && !aboutSentinel(event));
    expect(external.length).toBeGreaterThanOrEqual(1);
    for (const event of external) expect(event).toMatchObject({ grantee: 'outsider_role' });
    expect(external.flatMap((event) => event.granted ?? []).sort()).toEqual(['DELETE', 'TRIGGER']);
    received.stop();
    await client.dispose();
  });

  it('reports a psql change to a role even when Rolecall changed, in the same poll interval, a role whose name contains it', async () => {
    const created = await mutate(admin, shopId, 'createRole', { input: { name: 'outsider_role_2' } });
    expect(created.__typename).toBe('PermissionChange');
    const client = wsClient(testApp.url, adminToken);
    const received = collect<LiveEvent>(client, EVENTS, { databaseId: shopId, after: await newestCursor() });
    await received.waitForCaughtUp();
    const altered = await mutate(admin, shopId, 'alterRole', {
      name: 'outsider_role_2',
      attributes: { connectionLimit: 3 },
    });
    expect(altered.__typename).toBe('PermissionChange');
    await testApp.sql('ALTER ROLE outsider_role CONNECTION LIMIT 5');
    await expect
      .poll(() => received.items.find((event) => event.source === 'EXTERNAL' && event.role === 'outsider_role'))
      .toMatchObject({ kind: 'role.altered' });
    received.stop();
    await client.dispose();
  });

  it('a user who is not a collaborator receives nothing', async () => {
    const outsider = await createUser(admin, 'outsider');
    const outsiderClient = testApp.client();
    await signIn(outsiderClient, 'outsider', outsider.password);
    const client = wsClient(testApp.url, await createApiToken(outsiderClient, 'live'));
    const everything = collect<LiveEvent>(client, EVENTS, { after: await newestCursor() });
    const watcher = wsClient(testApp.url, adminToken);
    const control = collect<LiveEvent>(watcher, EVENTS, { databaseId: shopId, after: await newestCursor() });
    await everything.waitForCaughtUp();
    await control.waitForCaughtUp();
    await grantSelect(admin, 'stranger_role');
    await control.waitFor(1);
    // A change to their own account, made after: it reaches them, so anything else would have come first.
    const renamed = await admin.field(
      `mutation($id: ID!) { updateUser(id: $id, input: { displayName: "Outsider" }) { ${ERROR_FIELDS} } }`,
      { id: outsider.id },
    );
    expect(renamed.__typename).toBe('User');
    await everything.waitFor(1);
    expect(everything.items.map((event) => event.kind)).toEqual(['user.updated']);
    const direct = collect<LiveEvent>(client, EVENTS, { databaseId: shopId });
    await direct.waitForEnd();
    expect(direct.items).toEqual([]);
    // Replaying the whole log shows them only their own account's change, and its marker does not say how far the
    // log goes: it names the last event shown to them.
    const past = collect<LiveEvent>(client, EVENTS, { after: '0' });
    await past.waitForCaughtUp();
    expect(past.items.map((event) => event.kind)).toEqual(['user.updated']);
    expect(past.caughtUpAt).toBe(everything.items[0]?.cursor);
    past.stop();
    everything.stop();
    control.stop();
    await client.dispose();
    await watcher.dispose();
  });

  it("a removed collaborator's subscription to that database ends at once", async () => {
    const client = wsClient(testApp.url, memberToken);
    const received = collect<LiveEvent>(client, EVENTS, { databaseId: shopId, after: await newestCursor() });
    await received.waitForCaughtUp();
    const removed = await admin.field(`mutation($id: ID!) { removeCollaborator(id: $id) { ${ERROR_FIELDS} } }`, {
      id: memberCollaboratorId,
    });
    expect(removed.__typename).toBe('Removed');
    await received.waitForEnd(2_000);
    expect(received.completed).toBe(true);
    expect(received.items.some((event) => event.kind === 'collaborator.removed')).toBe(false);
    await client.dispose();
  });

  it('closes unauthenticated connections with 4403', async () => {
    const client = wsClient(testApp.url);
    const received = collect(client, EVENTS, {});
    await received.waitForEnd();
    expect((received.error as { code?: number }).code).toBe(4403);
    await client.dispose();
  });

  it('closes a cookie connection from another origin with 4403', async () => {
    const { default: WebSocket } = await import('ws');
    const socket = new WebSocket(`${testApp.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', {
      headers: { origin: 'https://evil.example' },
    });
    const code = await new Promise<number>((resolve) => {
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
      socket.on('close', (closeCode) => resolve(closeCode));
    });
    expect(code).toBe(4403);
  });

  it('hands each subscription of one connection its own payload when one change reaches several', async () => {
    await testApp.sql('CREATE ROLE payload_reader');
    const { default: WebSocket } = await import('ws');
    const socket = new WebSocket(`${testApp.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    const messages: string[] = [];
    socket.on('message', (data) => messages.push(String(data)));
    await new Promise((resolve) => socket.on('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${adminToken}` } }));
    await until(() => messages.length > 0, 5_000, 'connection_ack');
    // An id that is the text a payload stands in for while a message is serialised must not confuse the splice.
    const subscriptions = {
      kinds: 'subscription($db: ID!, $after: BigCursor) { events(databaseId: $db, after: $after) { kind } }',
      '"\\u0000rolecall-serialised-payload"}':
        'subscription($db: ID!, $after: BigCursor) { events(databaseId: $db, after: $after) { kind source } }',
      twin: 'subscription($db: ID!, $after: BigCursor) { events(databaseId: $db, after: $after) { kind } }',
    };
    const after = await newestCursor();
    for (const [id, query] of Object.entries(subscriptions)) {
      socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables: { db: shopId, after } } }));
    }
    const count = (kind: string) => messages.filter((message) => message.includes(`"kind":"${kind}"`)).length;
    await until(() => count('replay.caught_up') >= 3, 5_000, 'each subscription to be live');
    await grantSelect(admin, 'payload_reader');
    await until(() => count('privileges.changed') >= 3, 5_000, 'three messages');
    const pushed = messages.map((message) => JSON.parse(message)).filter((message) => message.type === 'next');
    expect(pushed).toEqual(
      expect.arrayContaining([
        { id: 'kinds', type: 'next', payload: { data: { events: { kind: 'privileges.changed' } } } },
        {
          id: '"\\u0000rolecall-serialised-payload"}',
          type: 'next',
          payload: { data: { events: { kind: 'privileges.changed', source: 'ROLECALL' } } },
        },
        { id: 'twin', type: 'next', payload: { data: { events: { kind: 'privileges.changed' } } } },
      ]),
    );
    socket.close();
  });
});

describe('replay and instances', () => {
  it('a subscriber reconnecting with after: replays exactly what it missed across a server restart', async () => {
    const first = await testApp.startInstance();
    const client = wsClient(first.url, adminToken);
    // Subscribed after the newest event: its replay marker says the subscription is live, with no sleep.
    const before = collect<LiveEvent>(client, EVENTS, { databaseId: shopId, after: await newestCursor() });
    await before.waitForCaughtUp();
    await grantSelect(admin, 'replay_role');
    const [seen] = await before.waitFor(1);
    before.stop();
    await client.dispose();
    await first.stop();

    // The watcher polls: it must see the grant before psql takes it back, or the two cancel out between polls. A
    // psql grant made after it, once logged, says a poll has seen it.
    await testApp.sql('CREATE ROLE replay_sentinel; GRANT SELECT ON s.t TO replay_sentinel', [], 'shop');
    await expect.poll(() => externalGrantsTo(testApp, 'replay_sentinel'), { timeout: 10_000 }).toBe(1);
    await testApp.sql('REVOKE SELECT ON s.t FROM replay_role', [], 'shop');
    await grantSelect(admin, 'late_role');
    await expect.poll(() => externalGrantsTo(testApp, 'replay_role'), { timeout: 10_000 }).toBe(1);

    const restarted = await testApp.startInstance();
    const again = wsClient(restarted.url, adminToken);
    const replay = collect<LiveEvent>(again, EVENTS, { databaseId: shopId, after: seen?.cursor });
    // The server says when the replay has caught up: everything before its marker was missed, everything after is live.
    await replay.waitForCaughtUp();
    const replayed = replay.items.length;
    // Role events of the shop's server (drift on any database of it) come too: roles are server-wide.
    const missed = replay.items.filter((event) => event.__typename === 'PrivilegeEvent');
    const cursors = replay.items.map((event) => BigInt(event.cursor));
    expect(new Set(cursors).size).toBe(cursors.length);
    expect(cursors.every((cursor) => cursor > BigInt(seen?.cursor ?? 0))).toBe(true);
    expect(cursors).toEqual([...cursors].sort((a, b) => (a < b ? -1 : 1)));
    expect(missed.map((event) => [event.source, event.grantee])).toEqual(
      expect.arrayContaining([
        ['EXTERNAL', 'replay_role'],
        ['ROLECALL', 'late_role'],
      ]),
    );
    const logged = await testApp.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Event" e
        WHERE e.id > $1 AND (e."databaseId" = $2
          OR (e."serverId" = (SELECT "serverId" FROM "Database" WHERE id = $2) AND e.kind = ANY($3)))`,
      [seen?.cursor, Buffer.from(shopId, 'base64').toString().split(':')[1], [...SERVER_WIDE_KINDS]],
      'rolecall_metadata',
    );
    expect(replayed).toBe(logged[0]?.n);
    await grantSelect(admin, 'replay_role');
    const [live] = (await replay.waitFor(replayed + 1)).slice(replayed);
    expect(live).toMatchObject({ source: 'ROLECALL', grantee: 'replay_role' });
    replay.stop();
    await again.dispose();
    await restarted.stop();
  });

  it('a mutation on one instance reaches a subscriber on another', async () => {
    const other = await testApp.startInstance();
    const client = wsClient(other.url, adminToken);
    const received = collect<LiveEvent>(client, EVENTS, { databaseId: shopId, after: await newestCursor() });
    await received.waitForCaughtUp();
    await grantSelect(admin, 'remote_role');
    const [event] = await received.waitFor(1);
    expect(event).toMatchObject({ kind: 'privileges.changed', grantee: 'remote_role', source: 'ROLECALL' });
    received.stop();
    await client.dispose();
    await other.stop();
  });
});

describe('GraphQL over SSE', () => {
  it('streams the same events to an EventSource-style client', async () => {
    const controller = new AbortController();
    const response = await fetch(`${testApp.url}/graphql`, {
      method: 'POST',
      signal: controller.signal,
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        authorization: `Bearer ${adminToken}`,
        [CSRF_HEADER]: '1',
      },
      body: JSON.stringify({ query: EVENTS, variables: { databaseId: shopId, after: await newestCursor() } }),
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    const readUntil = async (what: string) => {
      while (!text.includes(what)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
    };
    await readUntil('replay.caught_up');
    await grantSelect(admin, 'sse_role');
    await readUntil('privileges.changed');
    controller.abort();
    expect(text).toContain('"grantee":"sse_role"');
  });
});

describe('the audit log', () => {
  it('pages through events newest first, filtered by kind', async () => {
    const query = `query($after: BigCursor) { auditLog(kinds: ["privileges.changed"], first: 2, after: $after) {
      ${ERROR_FIELDS} ... on EventPage { nextCursor events { cursor kind } } } }`;
    const first = await admin.field(query);
    const events = first.events as { cursor: string; kind: string }[];
    expect(events).toHaveLength(2);
    expect(BigInt(events[0]?.cursor ?? 0)).toBeGreaterThan(BigInt(events[1]?.cursor ?? 0));
    const second = await admin.field(query, { after: first.nextCursor });
    const next = second.events as { cursor: string }[];
    expect(BigInt(next[0]?.cursor ?? 0)).toBeLessThan(BigInt(events[1]?.cursor ?? 0));
  });

  it('shows a standard user only the events of databases they collaborate on', async () => {
    const loner = await createUser(admin, 'loner');
    const client = testApp.client();
    await signIn(client, 'loner', loner.password);
    const page = await client.field(`{ auditLog { ${ERROR_FIELDS} ... on EventPage { events { kind } } } }`);
    expect(page.events).toEqual([]);
  });
});
