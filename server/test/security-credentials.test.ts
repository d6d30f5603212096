import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CSRF_HEADER } from '../src/app.js';
import { type Instance, secret, startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import { createApiToken, createUser, ERROR_FIELDS, setupAdmin, signIn } from './support/fixtures.js';
import { newestCursor, until } from './support/subscriptions.js';

/**
 * A live stream lives no longer than the credential that opened it: it ends within a second of the mutation that
 * ended the credential answering (its end has committed by then), or of the credential's expiry. Subscribers are on instance B, and whatever ends
 * their credential happens on instance A (the first instance): the end travels as an event, like any other.
 */

let testApp: TestApp;
let admin: TestClient;
let instanceB: Instance;
let bystanderId: string;
let control: Stream;
let touches = 0;
let users = 0;

/** Subscribed after the newest event, so the server's replay marker says when the stream is live. */
const WATCH = 'subscription($after: BigCursor) { events(after: $after) { kind } }';
const CAUGHT_UP = 'replay.caught_up';

interface Credentials {
  token?: string;
  cookie?: string;
}

interface Stream {
  /** The kinds of the events received (the replay marker is not one). */
  kinds: string[];
  /** The replay marker has arrived: everything after it is live. */
  caughtUp: boolean;
  /** When the stream ended, and for graphql-ws the close code. */
  end: { at: number; code?: number } | null;
  stop(): void;
}

/** graphql-ws by hand, to see the close code the server chooses. */
function openWebSocket(url: string, credentials: Credentials, after: string): Stream {
  const headers: Record<string, string> = credentials.cookie ? { cookie: credentials.cookie } : {};
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { headers });
  const stream: Stream = { kinds: [], caughtUp: false, end: null, stop: () => socket.close() };
  socket.on('open', () => {
    const payload = credentials.token ? { authorization: `Bearer ${credentials.token}` } : {};
    socket.send(JSON.stringify({ type: 'connection_init', payload }));
  });
  socket.on('message', (data) => {
    const message = JSON.parse(String(data));
    if (message.type === 'connection_ack')
      socket.send(JSON.stringify({ id: 'watch', type: 'subscribe', payload: { query: WATCH, variables: { after } } }));
    if (message.type === 'next') received(stream, message.payload?.data?.events?.kind ?? 'error');
  });
  socket.on('close', (code) => {
    stream.end = { at: Date.now(), code };
  });
  return stream;
}

function received(stream: Stream, kind: string): void {
  if (kind === CAUGHT_UP) stream.caughtUp = true;
  else stream.kinds.push(kind);
}

/** GraphQL over SSE, as an EventSource-style client reads it. */
function openEventStream(url: string, credentials: Credentials, after: string): Stream {
  const controller = new AbortController();
  const stream: Stream = { kinds: [], caughtUp: false, end: null, stop: () => controller.abort() };
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'text/event-stream',
    [CSRF_HEADER]: '1',
  };
  if (credentials.token) headers.authorization = `Bearer ${credentials.token}`;
  if (credentials.cookie) headers.cookie = credentials.cookie;
  const read = async () => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      signal: controller.signal,
      headers,
      body: JSON.stringify({ query: WATCH, variables: { after } }),
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffered = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffered += decoder.decode(value, { stream: true });
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines.filter((text) => text.startsWith('data: {'))) {
        const kind = JSON.parse(line.slice(6))?.data?.events?.kind;
        if (kind) received(stream, kind);
      }
    }
  };
  read()
    .catch(() => undefined)
    .finally(() => {
      stream.end = { at: Date.now() };
    });
  return stream;
}

const TRANSPORTS = {
  'graphql-ws': openWebSocket,
  SSE: openEventStream,
} as const;
type Transport = keyof typeof TRANSPORTS;

/** A change every admin's stream shows (the bystander's display name). */
async function touch(): Promise<void> {
  touches += 1;
  const result = await admin.field(
    `mutation($id: ID!, $name: String) { updateUser(id: $id, input: { displayName: $name }) { ${ERROR_FIELDS} } }`,
    { id: bystanderId, name: `bystander ${touches}` },
  );
  expect(result.__typename).toBe('User');
}

/** Waits for the stream's replay marker: it is subscribed, and live from then on. */
async function untilLive(stream: Stream): Promise<void> {
  await until(() => stream.caughtUp || stream.end !== null, 5_000, 'the replay marker');
  expect(stream.end).toBeNull();
}

async function untilEnded(stream: Stream, timeoutMs = 5_000): Promise<NonNullable<Stream['end']>> {
  await until(() => stream.end !== null, timeoutMs, 'the end of the stream');
  return stream.end as NonNullable<Stream['end']>;
}

/** The end is a 4403 close over graphql-ws; after it, a change every admin sees reaches the control, not this stream. */
async function expectEndedForGood(stream: Stream, transport: Transport, ended: NonNullable<Stream['end']>) {
  if (transport === 'graphql-ws') expect(ended.code).toBe(4403);
  const received = stream.kinds.length;
  const controlSeen = control.kinds.length;
  await touch();
  // The control is on the same instance: once it has the change, it was delivered. No wait beyond that: `end` is
  // set when the socket closed or the response body finished, after which no message of it can arrive.
  await until(() => control.kinds.length > controlSeen, 5_000, 'the control stream to see the change');
  expect(stream.kinds.length).toBe(received);
}

/** A new admin (who sees every event), signed in through instance A. */
async function newAdmin(): Promise<{ id: string; password: string; client: TestClient; username: string }> {
  users += 1;
  const username = `watcher${users}`;
  const user = await createUser(admin, username, true);
  const client = testApp.client();
  await signIn(client, username, user.password);
  return { ...user, client, username };
}

async function tokenIds(client: TestClient): Promise<string[]> {
  const result = await client.field<{ nodes: { id: string }[] }>(
    '{ apiTokens { __typename ... on QueryApiTokensConnection { nodes { id } } } }',
  );
  return result.nodes.map((token) => token.id);
}

async function metadataRows<R extends Record<string, unknown>>(text: string, values: unknown[]): Promise<R[]> {
  return testApp.sql<R>(text, values, 'rolecall_metadata');
}

function rawId(globalId: string): string {
  return Buffer.from(globalId, 'base64').toString().split(':')[1] as string;
}

beforeAll(async () => {
  testApp = await startTestApp();
  admin = testApp.client();
  await setupAdmin(admin);
  bystanderId = (await createUser(admin, 'bystander')).id;
  instanceB = await testApp.startInstance();
  control = openWebSocket(
    instanceB.url,
    { token: await createApiToken(admin, 'control') },
    await newestCursor(testApp),
  );
  await untilLive(control);
});

afterAll(async () => {
  control?.stop();
  await instanceB?.stop();
  await testApp?.stop();
});

describe.each(Object.keys(TRANSPORTS) as Transport[])('a stream over %s', (transport) => {
  const open = async (credentials: Credentials) =>
    TRANSPORTS[transport](instanceB.url, credentials, await newestCursor(testApp));

  it('ends within a second when its API token is revoked on another instance, and delivers nothing after', async () => {
    const user = await newAdmin();
    const token = await createApiToken(user.client, 'dashboard');
    const [tokenId] = await tokenIds(user.client);
    const stream = await open({ token });
    await untilLive(stream);
    const revoked = await user.client.field(
      `mutation($id: ID!) { revokeApiToken(id: $id) { ${ERROR_FIELDS} ... on ApiToken { revokedAt } } }`,
      { id: tokenId },
    );
    const endedAt = Date.now();
    expect(revoked.revokedAt).toBeTruthy();
    const ended = await untilEnded(stream);
    expect(ended.at - endedAt).toBeLessThan(1_000);
    await expectEndedForGood(stream, transport, ended);
  });

  it('ends within a second when its session signs out on another instance', async () => {
    const user = await newAdmin();
    const stream = await open({ cookie: user.client.sessionCookie as string });
    await untilLive(stream);
    expect(await user.client.request('mutation { logout }')).toEqual({ data: { logout: true } });
    const endedAt = Date.now();
    const ended = await untilEnded(stream);
    expect(ended.at - endedAt).toBeLessThan(1_000);
    await expectEndedForGood(stream, transport, ended);
  });

  it("ends within a second when an admin resets the user's password, which ends every session and API token", async () => {
    const user = await newAdmin();
    const token = await createApiToken(user.client, 'dashboard');
    const byToken = await open({ token });
    const bySession = await open({ cookie: user.client.sessionCookie as string });
    await untilLive(byToken);
    await untilLive(bySession);
    const reset = await admin.field(
      `mutation($id: ID!, $password: String!) { updateUser(id: $id, input: { password: $password }) { ${ERROR_FIELDS} } }`,
      { id: user.id, password: secret('reset') },
    );
    const endedAt = Date.now();
    expect(reset.__typename).toBe('User');
    for (const stream of [byToken, bySession]) {
      const ended = await untilEnded(stream);
      expect(ended.at - endedAt).toBeLessThan(1_000);
      await expectEndedForGood(stream, transport, ended);
    }
    const userId = rawId(user.id);
    expect(await metadataRows('SELECT id FROM "Session" WHERE "userId" = $1', [userId])).toEqual([]);
    const live = await metadataRows('SELECT id FROM "ApiToken" WHERE "userId" = $1 AND "revokedAt" IS NULL', [userId]);
    expect(live).toEqual([]);
    expect((await testApp.client().withToken(token).request('{ viewer { id } }')).data).toEqual({ viewer: null });
  });

  it('ends within a second when the user is deactivated, and reactivating them brings no API token back', async () => {
    const user = await newAdmin();
    const token = await createApiToken(user.client, 'dashboard');
    const stream = await open({ token });
    await untilLive(stream);
    const setActive = (isActive: boolean) =>
      admin.field(
        `mutation($id: ID!, $isActive: Boolean) { updateUser(id: $id, input: { isActive: $isActive }) { ${ERROR_FIELDS} } }`,
        { id: user.id, isActive },
      );
    expect((await setActive(false)).__typename).toBe('User');
    const endedAt = Date.now();
    const ended = await untilEnded(stream);
    expect(ended.at - endedAt).toBeLessThan(1_000);
    await expectEndedForGood(stream, transport, ended);

    expect((await setActive(true)).__typename).toBe('User');
    const integrator = testApp.client().withToken(token);
    expect((await integrator.request('{ viewer { id } }')).data).toEqual({ viewer: null });
    const rows = await metadataRows<{ revoked: boolean }>(
      'SELECT "revokedAt" IS NOT NULL AS revoked FROM "ApiToken" WHERE "userId" = $1',
      [rawId(user.id)],
    );
    expect(rows).toEqual([{ revoked: true }]);
  });

  it("ends within a second when the user changes their password in another session, and that session's stream goes on", async () => {
    const user = await newAdmin();
    const other = testApp.client();
    await signIn(other, user.username, user.password);
    const stream = await open({ cookie: user.client.sessionCookie as string });
    const kept = await open({ cookie: other.sessionCookie as string });
    await untilLive(stream);
    await untilLive(kept);
    const changed = await other.field(
      `mutation($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) { ${ERROR_FIELDS} } }`,
      { current: user.password, next: secret('changed') },
    );
    const endedAt = Date.now();
    expect(changed.__typename).toBe('User');
    const ended = await untilEnded(stream);
    expect(ended.at - endedAt).toBeLessThan(1_000);
    const keptBefore = kept.kinds.length;
    await expectEndedForGood(stream, transport, ended);
    await until(() => kept.kinds.length > keptBefore, 5_000, 'the kept stream to see the change');
    expect(kept.end).toBeNull();
    kept.stop();
  });

  it('ends within a second of its session expiring, with no event to say so', async () => {
    const shortLived = await testApp.startInstance({ SESSION_TTL_HOURS: String(2.5 / 3600) });
    try {
      users += 1;
      const username = `expiring${users}`;
      const user = await createUser(admin, username, true);
      const client = shortLived.client();
      await signIn(client, username, user.password);
      const stream = await open({ cookie: client.sessionCookie as string });
      await untilLive(stream);
      const [session] = await metadataRows<{ expiresAt: Date }>(
        'SELECT "expiresAt" FROM "Session" WHERE "userId" = $1',
        [rawId(user.id)],
      );
      const expiresAt = new Date(session?.expiresAt ?? 0).getTime();
      expect(stream.end).toBeNull();
      const ended = await untilEnded(stream);
      expect(ended.at).toBeGreaterThanOrEqual(expiresAt - 50);
      expect(ended.at - expiresAt).toBeLessThan(1_000);
      await expectEndedForGood(stream, transport, ended);
    } finally {
      await shortLived.stop();
    }
  });

  it('ends within a second of its API token expiring', async () => {
    const user = await newAdmin();
    const token = await createApiToken(user.client, 'short');
    const [tokenId] = await tokenIds(user.client);
    const expiresAt = Date.now() + 2_500;
    await metadataRows('UPDATE "ApiToken" SET "expiresAt" = $1 WHERE id = $2', [
      new Date(expiresAt),
      rawId(tokenId as string),
    ]);
    const stream = await open({ token });
    await untilLive(stream);
    expect(stream.end).toBeNull();
    const ended = await untilEnded(stream);
    expect(ended.at).toBeGreaterThanOrEqual(expiresAt - 50);
    expect(ended.at - expiresAt).toBeLessThan(1_000);
    await expectEndedForGood(stream, transport, ended);
  });
});

describe('the events that end credentials', () => {
  const CREDENTIAL_LOG = `{ auditLog(kinds: ["session.ended", "api_token.revoked"], first: 50) {
    ${ERROR_FIELDS} ... on EventPage { events { cursor kind ... on CredentialEvent { userId sessionIds apiTokenIds reason } } } } }`;

  it('carry ids only, and only admins see them, in the audit log and in streams', async () => {
    users += 1;
    const username = `plain${users}`;
    const plain = await createUser(admin, username);
    const plainClient = testApp.client();
    await signIn(plainClient, username, plain.password);
    const plainStream = openWebSocket(
      instanceB.url,
      { token: await createApiToken(plainClient, 'mine') },
      await newestCursor(testApp),
    );
    const aboutPlain = async () => {
      const result = await admin.field(
        `mutation($id: ID!, $name: String) { updateUser(id: $id, input: { displayName: $name }) { ${ERROR_FIELDS} } }`,
        { id: plain.id, name: `plain ${Date.now()}` },
      );
      expect(result.__typename).toBe('User');
    };
    await untilLive(plainStream);
    // A plain user sees the changes to their own account: later, that is what shows nothing else came before.
    await aboutPlain();
    await until(() => plainStream.kinds.includes('user.updated'), 5_000, 'the change to their own account');

    const someone = await newAdmin();
    const token = await createApiToken(someone.client, 'revoked');
    const [tokenId] = await tokenIds(someone.client);
    await someone.client.field(`mutation($id: ID!) { revokeApiToken(id: $id) { ${ERROR_FIELDS} } }`, { id: tokenId });
    expect(await someone.client.request('mutation { logout }')).toEqual({ data: { logout: true } });
    const seen = plainStream.kinds.length;
    await aboutPlain();
    await until(() => plainStream.kinds.length > seen, 5_000, 'the change after the sign-out');
    expect(plainStream.kinds.filter((kind) => kind === 'session.ended' || kind === 'api_token.revoked')).toEqual([]);
    plainStream.stop();

    const asPlain = await plainClient.field(CREDENTIAL_LOG);
    expect(asPlain.events).toEqual([]);
    const asAdmin = await admin.field(CREDENTIAL_LOG);
    const events = asAdmin.events as { cursor: string; kind: string; userId: string; reason: string }[];
    const mine = events.filter((event) => event.userId === someone.id);
    expect(mine.map((event) => [event.kind, event.reason]).sort()).toEqual([
      ['api_token.revoked', 'revoked'],
      ['session.ended', 'logout'],
    ]);
    // What is stored, not only what is shown: ids and the reason, never a secret.
    const stored = await testApp.sql<{ payload: Record<string, unknown> }>(
      'SELECT payload FROM "Event" WHERE id = ANY($1::bigint[])',
      [events.map((event) => event.cursor)],
      'rolecall_metadata',
    );
    expect(stored).toHaveLength(events.length);
    for (const { payload } of stored) {
      expect(Object.keys(payload).every((key) => ['userId', 'sessionIds', 'tokenIds', 'reason'].includes(key))).toBe(
        true,
      );
      expect(JSON.stringify(payload)).not.toContain(token);
      expect(JSON.stringify(payload)).not.toMatch(/rc[st]_|[0-9a-f]{64}/);
    }
    for (const event of events) expect(JSON.stringify(event)).not.toContain(token);
  });
});

describe('API token lifetimes', () => {
  const CREATE = `mutation($days: Int) { createApiToken(name: "ci", expiresInDays: $days) {
    ${ERROR_FIELDS} ... on ValidationError { field } ... on CreatedApiToken { apiToken { expiresAt } } } }`;

  it('are 1 to 3650 days, or none when omitted; 0, negatives and more are a typed ValidationError', async () => {
    for (const days of [2_147_483_647, 3_651, 0, -1]) {
      const result = await admin.field(CREATE, { days });
      expect(result).toMatchObject({ __typename: 'ValidationError', code: 'INVALID_INPUT', field: 'expiresInDays' });
    }
    for (const days of [1, 3_650]) {
      const result = await admin.field(CREATE, { days });
      const expiresAt = Date.parse((result.apiToken as { expiresAt: string }).expiresAt);
      expect(Math.abs(expiresAt - Date.now() - days * 86_400_000)).toBeLessThan(60_000);
    }
    expect((await admin.field(CREATE, { days: null })).apiToken).toEqual({ expiresAt: null });
  });
});
