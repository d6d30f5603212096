import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import { connectShop, createApiToken, ERROR_FIELDS, setupAdmin } from './support/fixtures.js';
import { collect, EVENTS, type LiveEvent, wsClient } from './support/subscriptions.js';

/** Prometheus scrapes with this; not a `secret()`, since the metrics test must be able to send it. */
const METRICS_TOKEN = `metrics-${randomBytes(18).toString('base64url')}`;

let testApp: TestApp;
let admin: TestClient;
let adminPassword: string;
let shopId: string;
let apiToken: string;

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a Prometheus text exposition (label values here hold no escaped quotes). */
function samplesOf(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const [, name, value] of (match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g))
      labels[name as string] = value as string;
    samples.push({ name: match[1] as string, labels, value: Number(match[3]) });
  }
  return samples;
}

/** The sum of the samples named `name` whose labels include `labels`. */
function sampled(text: string, name: string, labels: Record<string, string> = {}): number {
  return samplesOf(text)
    .filter((sample) => sample.name === name)
    .filter((sample) => Object.entries(labels).every(([key, value]) => sample.labels[key] === value))
    .reduce((sum, sample) => sum + sample.value, 0);
}

function getMetrics(url: string, authorization?: string): Promise<Response> {
  return fetch(`${url}/metrics`, { headers: authorization ? { authorization } : {} });
}

async function scrape(): Promise<string> {
  const response = await getMetrics(testApp.url, `Bearer ${METRICS_TOKEN}`);
  expect(response.status).toBe(200);
  return response.text();
}

const server = () => `127.0.0.1:${testApp.cluster.port}`;

/** Grants, or revokes, SELECT on s.t to reader: a change that every subscriber to the shop sees. */
async function toggleSelect(grant: boolean): Promise<void> {
  const mutation = grant ? 'grantPrivileges' : 'revokePrivileges';
  const result = await admin.field(
    `mutation($id: ID!) { ${mutation}(databaseId: $id, object: { kind: TABLE, schema: "s", name: "t" }, grantee: "reader", privileges: ["SELECT"]) { ${ERROR_FIELDS} } }`,
    { id: shopId },
  );
  expect(result.__typename).toBe('PermissionChange');
}

beforeAll(async () => {
  testApp = await startTestApp({ ROLECALL_METRICS_TOKEN: METRICS_TOKEN, DRIFT_INTERVAL_MS: '300' });
  admin = testApp.client();
  adminPassword = (await setupAdmin(admin)).password;
  apiToken = await createApiToken(admin, 'metrics');
  shopId = await connectShop(testApp, admin, ['reader']);
});

afterAll(async () => {
  await testApp?.stop();
});

describe('the /metrics endpoint', () => {
  it('is off by default: 404, and not the web app', async () => {
    // A second instance on the same metadata, without the token (empty counts as unset); stopped before it can
    // claim the drift watch of the shop's server from the first.
    const off = await testApp.startInstance({ ROLECALL_METRICS_TOKEN: '' });
    try {
      for (const authorization of [undefined, `Bearer ${METRICS_TOKEN}`]) {
        const response = await getMetrics(off.url, authorization);
        expect(response.status).toBe(404);
        expect(await response.text()).not.toContain('<html');
      }
    } finally {
      await off.stop();
    }
  });

  it('refuses a scrape without the bearer token, or with a wrong one, with 401', async () => {
    const wrong = [
      undefined,
      'Bearer',
      // Its last character changed (to another one: a random token may end in x).
      `Bearer ${METRICS_TOKEN.slice(0, -1)}${METRICS_TOKEN.endsWith('x') ? 'y' : 'x'}`,
      `Bearer ${METRICS_TOKEN}x`,
      `Basic ${Buffer.from(`prometheus:${METRICS_TOKEN}`).toString('base64')}`,
      METRICS_TOKEN,
    ];
    for (const authorization of wrong) {
      const response = await getMetrics(testApp.url, authorization);
      expect(response.status, String(authorization)).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
      expect(await response.text()).not.toContain('rolecall_');
    }
  });

  it('answers the token with the Prometheus text format', async () => {
    const response = await getMetrics(testApp.url, `Bearer ${METRICS_TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain('# TYPE rolecall_graphql_request_duration_seconds histogram');
    expect(text).toContain('# TYPE process_cpu_user_seconds_total counter');
  });
});

describe('what a scrape shows', () => {
  it('request and execution latency by operation (its root fields, never its client-chosen name)', async () => {
    const viewer = await admin.request('query ChosenByTheClient { viewer { id } }');
    expect(viewer.errors).toBeUndefined();
    const text = await scrape();
    expect(
      sampled(text, 'rolecall_graphql_request_duration_seconds_count', { kind: 'query', operation: 'viewer' }),
    ).toBeGreaterThan(0);
    expect(
      sampled(text, 'rolecall_graphql_execution_duration_seconds_count', { kind: 'query', operation: 'viewer' }),
    ).toBeGreaterThan(0);
    expect(
      sampled(text, 'rolecall_graphql_request_duration_seconds_count', { kind: 'mutation', operation: 'setup' }),
    ).toBe(1);
    expect(text).not.toContain('ChosenByTheClient');
  });

  it('typed error results by their type, and failed sign-ins', async () => {
    const invalid = await admin.field(
      `mutation { createApiToken(name: "zero", expiresInDays: 0) { ${ERROR_FIELDS} } }`,
    );
    expect(invalid.__typename).toBe('ValidationError');
    const stranger = testApp.client();
    const refused = await stranger.field(
      `mutation($password: String!) { login(login: "admin", password: $password) { ${ERROR_FIELDS} } }`,
      { password: `${adminPassword}-wrong` },
    );
    expect(refused.__typename).toBe('InvalidCredentialsError');
    const text = await scrape();
    expect(sampled(text, 'rolecall_graphql_errors_total', { type: 'ValidationError' })).toBe(1);
    expect(sampled(text, 'rolecall_graphql_errors_total', { type: 'InvalidCredentialsError' })).toBe(1);
    expect(sampled(text, 'rolecall_login_failures_total')).toBe(1);
    expect(sampled(text, 'rolecall_login_throttled_total')).toBe(0);
  });

  it('sign-ins the throttle refuses, once a login has failed 10 times from one address', async () => {
    const guesser = testApp.client();
    const typenames: string[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      const result = await guesser.field(
        `mutation { login(login: "nobody", password: "guess-${attempt}") { ${ERROR_FIELDS} } }`,
      );
      typenames.push(result.__typename);
    }
    expect(typenames.slice(-2)).toEqual(['TooManyAttemptsError', 'TooManyAttemptsError']);
    const text = await scrape();
    // The 10th failure is checked, counted, and then refused as a lock-out; the 11th is refused unchecked.
    expect(sampled(text, 'rolecall_login_failures_total')).toBe(1 + 10);
    expect(sampled(text, 'rolecall_login_throttled_total')).toBe(2);
    expect(sampled(text, 'rolecall_graphql_errors_total', { type: 'TooManyAttemptsError' })).toBe(2);
  });

  it('the open WebSocket and its subscription, the delivery lag of an event it receives, and both back at 0', async () => {
    const client = wsClient(testApp.url, apiToken);
    const received = collect<LiveEvent>(client, EVENTS, { databaseId: shopId });
    await expect
      .poll(async () => sampled(await scrape(), 'rolecall_subscriptions', { transport: 'websocket' }))
      .toBe(1);
    const open = await scrape();
    expect(sampled(open, 'rolecall_websocket_connections')).toBe(1);
    expect(sampled(open, 'rolecall_subscriptions', { transport: 'sse' })).toBe(0);
    const delivered = sampled(open, 'rolecall_event_delivery_lag_seconds_count');

    // A subscription without `after` is live from when its stream has started, which the client cannot see: change
    // the table until a change arrives.
    let changes = 0;
    await expect
      .poll(
        async () => {
          await toggleSelect(changes++ % 2 === 0);
          await received.waitFor(1, 1_000).catch(() => undefined);
          return received.items.length;
        },
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0);
    // Each live delivery is observed once, just before it is handed on to be sent.
    await expect
      .poll(async () => sampled(await scrape(), 'rolecall_event_delivery_lag_seconds_count') - delivered)
      .toBe(received.items.length);
    expect(sampled(await scrape(), 'rolecall_event_delivery_lag_seconds_sum')).toBeGreaterThan(0);

    received.stop();
    await client.dispose();
    await expect
      .poll(async () => {
        const text = await scrape();
        return [sampled(text, 'rolecall_websocket_connections'), sampled(text, 'rolecall_subscriptions')];
      })
      .toEqual([0, 0]);
  });

  it('an SSE stream as a subscription over sse, until its client leaves', async () => {
    const stream = new AbortController();
    const response = await fetch(`${testApp.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${apiToken}` },
      body: JSON.stringify({ query: 'subscription { events { cursor } }' }),
      signal: stream.signal,
    });
    expect(response.status).toBe(200);
    await expect.poll(async () => sampled(await scrape(), 'rolecall_subscriptions', { transport: 'sse' })).toBe(1);
    stream.abort();
    await expect.poll(async () => sampled(await scrape(), 'rolecall_subscriptions', { transport: 'sse' })).toBe(0);
  });

  it("the managed server's pools and drift polls, labelled host:port, with no password or metadata URL", async () => {
    await expect
      .poll(async () => sampled(await scrape(), 'rolecall_drift_poll_duration_seconds_count', { server: server() }), {
        timeout: 5_000,
      })
      .toBeGreaterThan(1);
    const text = await scrape();
    expect(sampled(text, 'rolecall_managed_pools', { server: server() })).toBeGreaterThan(0);
    expect(sampled(text, 'rolecall_managed_pool_connections', { server: server() })).toBeGreaterThan(0);
    expect(text).toContain(`rolecall_managed_pool_idle_connections{server="${server()}"}`);
    expect(text).toContain(`rolecall_managed_pool_waiting_clients{server="${server()}"} 0`);
    expect(sampled(text, 'rolecall_managed_pool_wait_seconds_count', { server: server() })).toBeGreaterThan(0);
    expect(sampled(text, 'rolecall_drift_poll_failures_total', { server: server() })).toBe(0);
    const lastSuccess = sampled(text, 'rolecall_drift_last_success_timestamp_seconds', { server: server() });
    expect(Date.now() / 1000 - lastSuccess).toBeLessThan(5);
    // Pools are per server: no role or database appears as a label.
    expect(text).not.toMatch(/shop_owner|database="/);
    const metadataUrl = testApp.cluster.url('rolecall_metadata');
    expect(text).not.toContain(metadataUrl);
    expect(text).not.toContain(new URL(metadataUrl).password || 'no password in the URL');
    expect(text).not.toContain(METRICS_TOKEN);
  });

  // Last: it disconnects the shop.
  it("which server the drift watcher watches; none, and its lock let go, once the server's last database is disconnected", async () => {
    const driftLocks = async () =>
      (
        await testApp.sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a USING (pid)
            WHERE l.locktype = 'advisory' AND a.application_name = 'rolecall-drift'`,
          [],
          'rolecall_metadata',
        )
      )[0]?.n;
    await expect.poll(async () => sampled(await scrape(), 'rolecall_drift_watched', { server: server() })).toBe(1);
    expect(await driftLocks()).toBe(1);
    const result = await admin.field(`mutation($id: ID!) { disconnectDatabase(id: $id) { ${ERROR_FIELDS} } }`, {
      id: shopId,
    });
    expect(result.__typename).toBe('Removed');
    await expect.poll(async () => (await scrape()).includes('rolecall_drift_watched{')).toBe(false);
    await expect.poll(driftLocks).toBe(0);
  });
});
