import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import { until } from './support/crashable.js';
import { connect, createApiToken, createManagedDatabase, ERROR_FIELDS, setupAdmin } from './support/fixtures.js';
import { mutate } from './support/permissions.js';
import { collectLive, wsClient } from './support/subscriptions.js';

/**
 * Backends terminated under a running Rolecall (pg_terminate_backend, as a DBA or a pooler's cleanup would): every
 * connection it holds at once, idle and under load, and one in the middle of a multi-statement change. Rolecall stays
 * up, nothing goes unhandled (support/unhandled.setup.ts fails the test otherwise: the 57P01 "terminating connection
 * due to administrator command" once seen in the fault tests), every answer is typed, and nothing is half-applied.
 */

let testApp: TestApp;
let admin: TestClient;
let token: string;
let shopId: string;

const TABLES = ['t1', 't2', 't3', 't4', 't5'];
const TABLE = { kind: 'TABLE', schema: 's', name: 't1' };
const EVENTS = `subscription($databaseId: ID, $after: BigCursor) {
  events(databaseId: $databaseId, after: $after) { cursor kind source sql }
}`;
type Event = { cursor: string; kind: string; source: string; sql: string[] };
const READ = `query($id: ID!) { database(id: $id) { ${ERROR_FIELDS} ... on Database { catalog { ${ERROR_FIELDS}
  ... on DatabaseCatalog { whoCanAccess(object: { kind: TABLE, schema: "s", name: "t1" }, first: 5) { ${ERROR_FIELDS}
    ... on DatabaseCatalogWhoCanAccessConnection { totalCount } } } } } } }`;

/**
 * Terminates the backends of Rolecall's connections whose application_name matches, and waits until they are gone;
 * returns how many there were.
 */
async function terminate(applicationNames: string): Promise<number> {
  const rows = await testApp.sql<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity
      WHERE application_name SIMILAR TO $1 AND pid <> pg_backend_pid() AND pg_terminate_backend(pid)`,
    [applicationNames],
  );
  const pids = rows.map((row) => row.pid);
  await until(
    async () => (await testApp.sql('SELECT 1 FROM pg_stat_activity WHERE pid = ANY($1)', [pids])).length === 0,
    5_000,
    'the terminated backends to exit',
  );
  return pids.length;
}
const EVERY_CONNECTION = 'rolecall(-metadata|-events|-drift)?';
const METADATA = 'rolecall-(metadata|events|drift)';
const MANAGED = 'rolecall';

const untilDriftWatcherConnected = () =>
  until(
    async () =>
      (await testApp.sql(`SELECT 1 FROM pg_stat_activity WHERE application_name = 'rolecall-drift'`)).length > 0,
    15_000,
    'the drift watcher to hold its lock connection',
  );

async function read(): Promise<string> {
  type Answer = { database: { catalog?: { __typename: string; whoCanAccess?: { __typename: string } } } };
  const answer = await admin.request<Answer>(READ, { id: shopId });
  if (answer.errors?.length) return `GraphQL errors: ${JSON.stringify(answer.errors)}`;
  const catalog = answer.data?.database.catalog;
  return catalog?.whoCanAccess?.__typename ?? catalog?.__typename ?? `no catalog: ${JSON.stringify(answer.data)}`;
}

const grant = (grantee: string, object = TABLE) =>
  mutate(admin, shopId, 'grantPrivileges', { object, grantee, privileges: ['SELECT'] });
const revoke = (grantee: string) =>
  mutate(admin, shopId, 'revokePrivileges', { object: TABLE, grantee, privileges: ['SELECT'] });

async function aclOf(table: string): Promise<string> {
  const rows = await testApp.sql<{ acl: string | null }>(
    'SELECT relacl::text AS acl FROM pg_class WHERE oid = $1::regclass',
    [`s.${table}`],
    'shop',
  );
  return rows[0]?.acl ?? '';
}

async function eventsOfShop(): Promise<number> {
  const uuid = Buffer.from(shopId, 'base64').toString().split(':')[1];
  const rows = await testApp.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Event" WHERE "databaseId" = $1 AND source = 'ROLECALL'`,
    [uuid],
    'rolecall_metadata',
  );
  return rows[0]?.n ?? 0;
}

beforeAll(async () => {
  testApp = await startTestApp({ DRIFT_INTERVAL_MS: '300' });
  admin = testApp.client();
  await setupAdmin(admin);
  token = await createApiToken(admin, 'terminate');
  const shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
  await testApp.sql(
    'CREATE ROLE idle_reader; CREATE ROLE load_reader; CREATE ROLE bulk_reader; CREATE ROLE psql_reader; CREATE ROLE after_reader',
  );
  await testApp.sql(
    `CREATE SCHEMA s AUTHORIZATION shop_owner; SET ROLE shop_owner;
     ${TABLES.map((table) => `CREATE TABLE s.${table} (id int);`).join(' ')} RESET ROLE`,
    [],
    'shop',
  );
  shopId = await connect(admin, testApp, shop);
});

afterAll(async () => {
  await testApp?.stop();
});

describe('every connection Rolecall holds is terminated', () => {
  it('while idle: nothing unhandled fires, and grants, reads, the live feed and the drift watcher carry on', async () => {
    // Every kind of connection is open: the managed pool, the metadata pool, LISTEN and the drift watcher's locks.
    expect((await grant('idle_reader')).__typename).toBe('PermissionChange');
    expect(await read()).toBe('DatabaseCatalogWhoCanAccessConnection');
    const subscriber = await collectLive<Event>(testApp, wsClient(testApp.url, token), EVENTS, { databaseId: shopId });
    await untilDriftWatcherConnected();

    for (let round = 1; round <= 3; round += 1) {
      // Each round kills all of them: the pools, LISTEN and the drift watcher's connection are each re-made.
      expect(await terminate(EVERY_CONNECTION)).toBeGreaterThanOrEqual(3);
      await until(async () => (await revoke('idle_reader')).__typename === 'PermissionChange', 10_000, 'a revoke');
      await until(async () => (await grant('idle_reader')).__typename === 'PermissionChange', 10_000, 'a grant');
      expect(await read()).toBe('DatabaseCatalogWhoCanAccessConnection');
    }

    // The live feed heard of Rolecall's changes (the instance that records one delivers it without LISTEN), and of
    // psql's through the drift watcher.
    const last = await grant('after_reader');
    expect(last.__typename).toBe('PermissionChange');
    expect(last.eventId).toBeTruthy();
    await subscriber.waitForItem((event) => event.cursor === last.eventId, 'the last grant', 10_000);
    // Once its lock connection is re-made, the drift watcher compares with what it read before: what psql changed
    // while it had none is reported, once.
    const psqlGrants = async (table: string) =>
      (
        await testApp.sql(
          `SELECT 1 FROM "Event" WHERE source = 'EXTERNAL' AND kind = 'privileges.changed' AND payload->>'object' = $1`,
          [table],
          'rolecall_metadata',
        )
      ).length;
    await untilDriftWatcherConnected();
    expect(await terminate('rolecall-drift')).toBe(1);
    await testApp.sql('GRANT SELECT ON s.t2 TO psql_reader', [], 'shop');
    await until(
      async () => subscriber.items.some((event) => event.source === 'EXTERNAL' && event.kind === 'privileges.changed'),
      15_000,
      "the drift watcher's report of psql's grant",
    );
    // A later change reported means later polls went by: none reported the first again.
    await testApp.sql('GRANT SELECT ON s.t3 TO psql_reader', [], 'shop');
    await until(async () => (await psqlGrants('s.t3')) === 1, 15_000, "the report of psql's second grant");
    expect(await psqlGrants('s.t2')).toBe(1);
    expect(subscriber.error).toBeUndefined();
    expect(subscriber.completed).toBe(false);
    subscriber.stop();
    // Ready again once LISTEN is re-made (it is tried again every second).
    await until(async () => (await fetch(`${testApp.url}/readyz`)).status === 200, 10_000, 'readiness');
  });

  it('under load: every answer is typed, and a grant answered as applied is applied and recorded once', async () => {
    const outcomes = new Map<string, number>();
    const count = (outcome: string) => outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    let running = true;
    const applied: { eventId: string; granted: boolean }[] = [];
    const reads = (async () => {
      while (running) count(`read ${await read().catch((error: unknown) => `failed: ${String(error)}`)}`);
    })();
    // Grants and revokes one after the other, so the ACL's last word is the last change applied.
    const changes = (async () => {
      while (running) {
        const granted = !(applied.at(-1)?.granted ?? false);
        const change = await (granted ? grant('load_reader') : revoke('load_reader'));
        count(`change ${change.__typename}`);
        if (change.__typename === 'PermissionChange') applied.push({ eventId: String(change.eventId), granted });
      }
    })();
    // Managed connections die under grants (their transactions roll back whole); metadata connections die under reads
    // and the feed. A metadata connection killed in the middle of a change's event insert would leave it unrecorded
    // (see the report of issue 18): this test keeps to what the design guarantees today.
    for (let round = 0; round < 6; round += 1) {
      const before = outcomes.get('change PermissionChange') ?? 0;
      await until(
        () => (outcomes.get('change PermissionChange') ?? 0) > before,
        10_000,
        'a change to go through between terminations',
      );
      await terminate(MANAGED);
    }
    running = false;
    await Promise.all([reads, changes]);
    for (let round = 0; round < 3; round += 1) {
      const reading = (async () => {
        for (let n = 0; n < 5; n += 1) count(`read ${await read()}`);
      })();
      await terminate(METADATA);
      await reading;
    }
    console.info('terminations under load:', Object.fromEntries(outcomes));

    const unexpected = testApp.logs.filter((line) => line.includes('unexpected error'));
    for (const outcome of outcomes.keys())
      expect(
        [
          'read DatabaseCatalogWhoCanAccessConnection',
          'read ServerUnavailableError',
          'change PermissionChange',
          'change ServerUnavailableError',
        ],
        `${outcome}\n${unexpected.join('\n')}`,
      ).toContain(outcome);
    expect(outcomes.get('change ServerUnavailableError') ?? 0).toBeGreaterThan(0);
    // The ACL is what the last applied change left, and each applied change has its one event.
    const lastApplied = applied.at(-1);
    expect((await aclOf('t1')).includes('load_reader=r/shop_owner')).toBe(lastApplied?.granted);
    const logged = await testApp.sql<{ id: string }>(
      'SELECT id::text FROM "Event" WHERE id = ANY($1::bigint[])',
      [applied.map((change) => change.eventId)],
      'rolecall_metadata',
    );
    expect(logged.map((row) => row.id).sort()).toEqual(applied.map((change) => change.eventId).sort());
  });
});

describe('a backend terminated in the middle of a multi-statement change', () => {
  it('answers a typed error, applies nothing, records nothing, and the same change goes through after', async () => {
    const before = await Promise.all(TABLES.map(aclOf));
    const schemaBefore = await testApp.sql<{ acl: string | null }>(
      `SELECT nspacl::text AS acl FROM pg_namespace WHERE nspname = 's'`,
      [],
      'shop',
    );
    const events = await eventsOfShop();
    // A DBA's open transaction holds t4's catalog row: the change's USAGE on the schema and its grants on t1–t3 are
    // made, and its grant on t4 waits.
    const dba = new pg.Client(testApp.cluster.url('shop'));
    dba.on('error', () => undefined);
    await dba.connect();
    await dba.query('BEGIN');
    await dba.query('GRANT INSERT ON s.t4 TO psql_reader');
    const change = mutate(admin, shopId, 'grantOnAllTables', {
      schema: 's',
      grantee: 'bulk_reader',
      privileges: ['SELECT'],
      withSchemaUsage: true,
    });
    let waiting: { pid: number; query: string } | undefined;
    await until(
      async () => {
        [waiting] = await testApp.sql<{ pid: number; query: string }>(
          `SELECT pid, query FROM pg_stat_activity
            WHERE application_name = 'rolecall' AND datname = 'shop' AND wait_event_type = 'Lock'`,
        );
        return waiting !== undefined;
      },
      10_000,
      'the change to wait on t4',
    );
    expect(waiting?.query).toMatch(/GRANT SELECT ON ALL TABLES IN SCHEMA/i);
    // Mid-way indeed: its own transaction has already changed the schema and the first tables.
    const locks = await testApp.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_locks WHERE pid = $1 AND locktype = 'transactionid' AND granted`,
      [waiting?.pid],
    );
    expect(locks[0]?.n).toBeGreaterThanOrEqual(1);

    await testApp.sql('SELECT pg_terminate_backend($1)', [waiting?.pid]);
    const answer = await change;
    await dba.query('ROLLBACK');
    await dba.end();

    expect(answer).toMatchObject({
      __typename: 'ServerUnavailableError',
      code: 'SERVER_UNAVAILABLE',
      sqlstate: '57P01',
    });
    expect(await Promise.all(TABLES.map(aclOf))).toEqual(before);
    expect(await testApp.sql(`SELECT nspacl::text AS acl FROM pg_namespace WHERE nspname = 's'`, [], 'shop')).toEqual(
      schemaBefore,
    );
    expect(await eventsOfShop()).toBe(events);

    const again = await mutate(admin, shopId, 'grantOnAllTables', {
      schema: 's',
      grantee: 'bulk_reader',
      privileges: ['SELECT'],
      withSchemaUsage: true,
    });
    expect(again, JSON.stringify(again)).toMatchObject({ __typename: 'PermissionChange' });
    for (const acl of await Promise.all(TABLES.map(aclOf))) expect(acl).toContain('bulk_reader=r/shop_owner');
    expect(await eventsOfShop()).toBe(events + 1);
  });
});
