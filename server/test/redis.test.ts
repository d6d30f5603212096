import { existsSync } from 'node:fs';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_CHANNEL, EventLog } from '../src/events/log.js';
import { RedisSignal } from '../src/events/signal-redis.js';
import { createLogger } from '../src/logger.js';
import { createMetadataClient } from '../src/metadata/client.js';
import { type Instance, leakedSecrets, secret, startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import { connectShop, createApiToken, ERROR_FIELDS, setupAdmin } from './support/fixtures.js';
import { REDIS_SERVER, type RedisServer, startRedisServer } from './support/redis.js';
import { collectLive, EVENTS, expectSelectGranted, type LiveEvent, until, wsClient } from './support/subscriptions.js';

const available = existsSync(REDIS_SERVER);
if (!available) {
  if (process.env.ROLECALL_REQUIRE_REDIS === '1')
    throw new Error(`redis-server is required for the Redis transport tests but ${REDIS_SERVER} does not exist.`);
  console.warn(
    `Skipping the Redis transport tests: no redis-server at ${REDIS_SERVER} (apt-get install redis-server, or set REDIS_SERVER_PATH).`,
  );
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let redis: RedisServer;
let redisPassword: string;
let testApp: TestApp;
let other: Instance;
let admin: TestClient;
let adminToken: string;
let shopId: string;
/** A plain Redis client of the test's own, to see what travels on the channel. */
let observer: Redis;

async function grantSelect(grantee: string): Promise<void> {
  const result = await admin.field(
    `mutation($id: ID!, $grantee: String) { grantPrivileges(databaseId: $id, object: { kind: TABLE, schema: "s", name: "t" }, grantee: $grantee, privileges: ["SELECT"]) { ${ERROR_FIELDS} } }`,
    { id: shopId, grantee },
  );
  expect(result.__typename).toBe('PermissionChange');
}

/** Waits until both instances' Redis subscribers are on the event channel (again). */
async function bothInstancesSubscribed(timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [, count] = (await observer.pubsub('NUMSUB', EVENT_CHANNEL)) as [string, number];
    if (count === 2) return;
    if (Date.now() > deadline) throw new Error(`${count} subscribers on ${EVENT_CHANNEL}, not 2`);
    // A poll with a deadline: Redis announces no subscriber coming back.
    await pause(50);
  }
}

describe.skipIf(!available)('events between instances over Redis (REDIS_URL)', () => {
  beforeAll(async () => {
    redisPassword = secret('redis');
    redis = await startRedisServer(redisPassword);
    observer = new Redis(redis.url, { maxRetriesPerRequest: null });
    observer.on('error', () => undefined);
    testApp = await startTestApp({ REDIS_URL: redis.url });
    other = await testApp.startInstance();
    admin = testApp.client();
    await setupAdmin(admin);
    adminToken = await createApiToken(admin, 'redis');
    // A grant that changes nothing records no event: each grant here is to a role that does not hold it yet.
    shopId = await connectShop(testApp, admin, ['reader', 'writer', 'auditor', 'latecomer', 'last_one']);
    await bothInstancesSubscribed();
  });

  afterAll(async () => {
    await other?.stop();
    await testApp?.stop();
    observer?.disconnect();
    await redis?.close();
  });

  it('a mutation on one instance reaches a graphql-ws subscriber on another with its typed payload', async () => {
    const client = wsClient(other.url, adminToken);
    const received = await collectLive<LiveEvent>(testApp, client, EVENTS, { databaseId: shopId });
    await grantSelect('reader');
    const [event] = await received.waitFor(1);
    expectSelectGranted(event, 'reader');
    received.stop();
    await client.dispose();
  });

  it('no instance LISTENs on the metadata database, and no NOTIFY is sent', async () => {
    const listeners = await testApp.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = 'rolecall_metadata' AND application_name = 'rolecall-events'`,
    );
    expect(listeners[0]?.n).toBe(0);

    const listener = new pg.Client(testApp.cluster.url('rolecall_metadata'));
    await listener.connect();
    const notified: string[] = [];
    listener.on('notification', (message) => notified.push(message.payload ?? ''));
    await listener.query(`LISTEN ${EVENT_CHANNEL}`);
    const client = wsClient(other.url, adminToken);
    const received = await collectLive<LiveEvent>(testApp, client, EVENTS, { databaseId: shopId });
    await grantSelect('writer');
    await received.waitFor(1);
    // PostgreSQL delivers notifications in commit order: once our own, sent after the grant committed, has arrived,
    // one sent in the grant's transaction would have come first.
    await testApp.sql("SELECT pg_notify($1, 'sentinel')", [EVENT_CHANNEL], 'rolecall_metadata');
    await until(() => notified.length > 0, 5_000, 'our own notification');
    expect(notified).toEqual(['sentinel']);
    received.stop();
    await client.dispose();
    await listener.end();
  });

  it("publishes an event's id once its transaction commits, and nothing for one that rolls back", async () => {
    const heard: string[] = [];
    const watcher = new Redis(redis.url);
    watcher.on('message', (_channel, message: string) => heard.push(message));
    await watcher.subscribe(EVENT_CHANNEL);
    const metadata = createMetadataClient(testApp.cluster.url('rolecall_metadata'));
    const signal = new RedisSignal(redis.url, createLogger('silent'));
    const log = new EventLog(metadata, signal);
    const input = { kind: 'user.updated' as const, actorId: null, payload: { user: 'nobody', changed: [] } };
    try {
      // A signal of our own on the same connection while the transaction is open: Redis delivers one connection's
      // messages in order, so a signal sent for the uncommitted event would have come before it.
      const sentinel = JSON.stringify('0');
      const recorded = await metadata.$transaction(async (tx) => {
        const event = await log.record(tx, input);
        await signal.publish(metadata, 0n);
        await expect.poll(() => heard).toEqual([sentinel]);
        return event;
      });
      await expect.poll(() => heard).toEqual([sentinel, JSON.stringify(recorded.toString())]);

      const rolledBack = metadata.$transaction(async (tx) => {
        await log.record(tx, input);
        throw new Error('rolled back');
      });
      await expect(rolledBack).rejects.toThrow('rolled back');
      const outside = await log.record(null, input);
      await expect.poll(() => heard).toHaveLength(3);
      expect(heard[2]).toBe(JSON.stringify(outside.toString()));
    } finally {
      watcher.disconnect();
      await signal.close();
      await metadata.$disconnect();
    }
  });

  it('a change made while Redis is down is delivered with the next signal: nothing lost, nothing doubled', async () => {
    const client = wsClient(other.url, adminToken);
    const received = await collectLive<LiveEvent>(testApp, client, EVENTS, { databaseId: shopId });

    await redis.stop();
    await grantSelect('auditor');
    // Kept: what is tested is that, without its signal, nothing (no LISTEN, no polling) tells the other instance for
    // a while. No sentinel can reach an instance whose only signal is down, so only time can show it.
    await pause(1_000);
    expect(received.items).toEqual([]);

    await redis.start();
    await bothInstancesSubscribed();
    await grantSelect('latecomer');
    await received.waitFor(2, 10_000);
    // A last change: events arrive in log order, so once it is there, a doubled one would have come before it.
    await grantSelect('last_one');
    await received.waitForItem((event) => event.grantee === 'last_one', 'the last change');
    expect(received.items.map((event) => event.grantee)).toEqual(['auditor', 'latecomer', 'last_one']);
    const cursors = received.items.map((event) => BigInt(event.cursor));
    expect(cursors[0]).toBeLessThan(cursors[1] as bigint);
    expect(cursors[1]).toBeLessThan(cursors[2] as bigint);
    expect(testApp.logs.some((line) => line.includes('Redis connection failed'))).toBe(true);
    received.stop();
    await client.dispose();
  });

  it('never logs the Redis URL or its password', () => {
    expect(testApp.logs.some((line) => line.includes(redis.url))).toBe(false);
    expect(leakedSecrets(testApp.logs)).toEqual([]);
  });
});
