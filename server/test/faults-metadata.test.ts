import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Client as WsClient } from 'graphql-ws';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedCluster } from '../src/embedded/cluster.js';
import { secret, startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import { startTestCluster } from './support/cluster.js';
import { until } from './support/crashable.js';
import { connectOn, createApiToken, setupAdmin } from './support/fixtures.js';
import { type Change, mutate } from './support/permissions.js';
import { wsClient } from './support/subscriptions.js';

/**
 * The metadata PostgreSQL (an external DATABASE_URL cluster, as the test app uses) is killed with SIGKILL and started
 * again while changes are made and subscribers listen. Subscribers that come back with their cursor lose and double
 * no event. A change is applied on its managed server first and recorded after, in one statement: what the design
 * guarantees of a change whose record fails is pinned here (it answers with no event id, and the failure is logged).
 */

let testApp: TestApp;
let admin: TestClient;
let adminToken: string;
let managed: EmbeddedCluster;
let shopId: string;

const TABLE = { kind: 'TABLE', schema: 's', name: 't' };
const EVENTS = `subscription($databaseId: ID, $after: BigCursor) {
  events(databaseId: $databaseId, after: $after) { cursor kind }
}`;

async function managedSql<R extends pg.QueryResultRow>(database: string, text: string): Promise<R[]> {
  const client = new pg.Client(managed.url(database));
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query<R>(text)).rows;
  } finally {
    await client.end();
  }
}

const tableAcl = async () =>
  (
    await managedSql<{ acl: string | null }>(
      'shop',
      `SELECT relacl::text AS acl FROM pg_class WHERE oid = 's.t'::regclass`,
    )
  )[0]?.acl ?? '';

const change = (granted: boolean, grantee: string) =>
  mutate(admin, shopId, granted ? 'grantPrivileges' : 'revokePrivileges', {
    object: TABLE,
    grantee,
    privileges: ['SELECT'],
  }).catch((error: unknown) => ({ __typename: `failed: ${String(error).slice(0, 200)}` }) as Change);

async function eventIds(after: string): Promise<string[]> {
  const uuid = Buffer.from(shopId, 'base64').toString().split(':')[1];
  const rows = await testApp.sql<{ id: string }>(
    'SELECT id::text FROM "Event" WHERE id > $1 AND "databaseId" = $2 ORDER BY "Event".id',
    [after, uuid],
    'rolecall_metadata',
  );
  return rows.map((row) => row.id);
}

/** A subscriber that, whenever its subscription ends or fails, subscribes again from the last cursor it saw. */
function resilientSubscriber(after: string) {
  const cursors: string[] = [];
  let current: { client: WsClient; again: () => void } | null = null;
  let stopped = false;
  let resubscriptions = 0;
  const subscribe = () => {
    if (stopped) return;
    const client = wsClient(testApp.url, adminToken, { retryAttempts: 0 });
    const again = () => {
      if (stopped || current?.client !== client) return;
      // Once per connection: disposing it ends its subscription too, which must not subscribe a second time.
      current = null;
      resubscriptions += 1;
      void client.dispose();
      // The client's back-off before it tries again (the metadata database may still be down).
      setTimeout(subscribe, 200);
    };
    client.subscribe<{ events: { cursor: string; kind: string } }>(
      { query: EVENTS, variables: { databaseId: shopId, after: cursors.at(-1) ?? after } },
      {
        next: (value) => {
          if (value.data && value.data.events.kind !== 'replay.caught_up') cursors.push(value.data.events.cursor);
        },
        error: again,
        complete: again,
      },
    );
    current = { client, again };
  };
  subscribe();
  return {
    cursors,
    resubscriptions: () => resubscriptions,
    /** Loses its connection, as a network failure would: it comes back from its last cursor. */
    drop: () => current?.again(),
    stop: async () => {
      stopped = true;
      await current?.client.dispose();
    },
  };
}

/**
 * SIGKILLs the metadata cluster's postmaster, as the kernel's OOM killer would; resolves once it is gone and its
 * orphaned backends have let go of its shared memory, so that it can start again.
 */
async function killMetadata(): Promise<void> {
  const [setting] = await testApp.sql<{ dir: string }>('SELECT current_setting($1) AS dir', ['data_directory']);
  const lines = (await readFile(join(setting?.dir ?? '', 'postmaster.pid'), 'utf8')).split('\n');
  const pid = Number(lines[0]);
  const shmid = lines[6]?.trim().split(/\s+/)[1];
  process.kill(pid, 'SIGKILL');
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  await until(() => !alive(), 5_000, 'the postmaster to die');
  const attached = async () =>
    (await readFile('/proc/sysvipc/shm', 'utf8'))
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .some((fields) => fields[1] === shmid && Number(fields[6]) > 0);
  await until(async () => !(await attached().catch(() => false)), 10_000, 'its backends to exit');
}

beforeAll(async () => {
  // No drift watcher: a change whose record failed would show as made outside Rolecall (see the second test).
  testApp = await startTestApp({ DRIFT_INTERVAL_MS: '3600000' }, { restartable: true });
  // A real metadata server commits for good before it answers: the test cluster's synchronous_commit=off would let a
  // SIGKILL take back events already delivered. Rolecall's sessions are re-made to take the setting.
  await testApp.sql('ALTER DATABASE rolecall_metadata SET synchronous_commit = on');
  await testApp.sql(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'rolecall-%'`);
  admin = testApp.client();
  await until(async () => (await admin.request('{ __typename }').catch(() => null)) !== null, 5_000, 'Rolecall');
  await setupAdmin(admin);
  adminToken = await createApiToken(admin, 'metadata-kill');
  managed = await startTestCluster();
  const password = secret('shop_owner');
  await managedSql('postgres', `CREATE ROLE shop_owner LOGIN CREATEROLE PASSWORD '${password}'`);
  await managedSql('postgres', 'CREATE DATABASE shop OWNER shop_owner');
  await managedSql('postgres', 'CREATE ROLE load_reader; CREATE ROLE held_reader');
  await managedSql(
    'shop',
    'CREATE SCHEMA s AUTHORIZATION shop_owner; CREATE TABLE s.t (id int); ALTER TABLE s.t OWNER TO shop_owner',
  );
  shopId = await connectOn(admin, managed.port, { database: 'shop', role: 'shop_owner', password });
});

afterAll(async () => {
  await testApp?.stop();
  await managed?.stop();
});

describe('the metadata database is killed (SIGKILL) and restarted', () => {
  it('under changes and subscribers: resumed subscribers lose and double nothing, no change is half-applied', async () => {
    const [start] = await testApp.sql<{ id: string }>(
      'SELECT coalesce(max(id), 0)::text AS id FROM "Event"',
      [],
      'rolecall_metadata',
    );
    const after = start?.id ?? '0';
    const subscribers = [resilientSubscriber(after), resilientSubscriber(after)];
    // Grants and revokes one after the other: the ACL's last word is the last change that applied.
    const answers: { granted: boolean; answer: Change }[] = [];
    let running = true;
    const changes = (async () => {
      while (running) {
        const applied = answers.filter(({ answer }) => answer.__typename === 'PermissionChange');
        const granted = !(applied.at(-1)?.granted ?? false);
        answers.push({ granted, answer: await change(granted, 'load_reader') });
      }
    })();
    const applied = () => answers.filter(({ answer }) => answer.__typename === 'PermissionChange').length;
    await until(() => applied() >= 3, 10_000, 'changes before the kill');

    await killMetadata();
    const down = answers.length;
    await testApp.restartCluster(async () => {
      // This one loses its connection while the metadata is down: it keeps trying, and replays when it is back.
      subscribers[1]?.drop();
      await until(() => answers.length > down, 10_000, 'an answer while the metadata is down');
    });
    const back = applied();
    await until(() => applied() >= back + 3, 15_000, 'changes after the restart');
    running = false;
    await changes;

    const outcomes = answers.map(({ answer }) =>
      answer.__typename === 'PermissionChange' && answer.eventId === null
        ? 'PermissionChange, no event'
        : answer.__typename,
    );
    console.info('metadata SIGKILL, answers:', outcomes.join(', '));
    // What the ACL shows is what the last applied change left: a refused change applied nothing.
    const last = answers.filter(({ answer }) => answer.__typename === 'PermissionChange').at(-1);
    expect((await tableAcl()).includes('load_reader=r/shop_owner')).toBe(last?.granted);
    // Each change answered with an event id has that one event; one answered without says its record failed.
    const logged = await eventIds(after);
    const recorded = answers.flatMap(({ answer }) => (answer.eventId ? [String(answer.eventId)] : []));
    expect(logged).toEqual(recorded);
    const unrecorded = outcomes.filter((outcome) => outcome === 'PermissionChange, no event').length;
    expect(testApp.logs.filter((line) => line.includes('event not recorded')).length).toBe(unrecorded);

    await until(
      () => subscribers.every((one) => one.cursors.at(-1) === logged.at(-1)),
      15_000,
      'the subscribers to catch up',
    );
    await Promise.all(subscribers.map((one) => one.stop()));
    console.info(`resubscriptions: ${subscribers.map((one) => one.resubscriptions())}`);
    for (const [n, one] of subscribers.entries()) expect(one.cursors, `subscriber ${n}`).toEqual(logged);
    expect(subscribers[1]?.resubscriptions()).toBeGreaterThan(0);
  });

  it('a change that commits while the metadata is down is recorded once, as soon as the metadata is back', async () => {
    // A DBA's open transaction holds the table: the grant waits in its transaction on the managed server, and commits
    // only once the metadata database is gone.
    const dba = new pg.Client(managed.url('shop'));
    dba.on('error', () => undefined);
    await dba.connect();
    await dba.query('BEGIN; LOCK TABLE s.t IN ACCESS EXCLUSIVE MODE');
    const held = change(true, 'held_reader');
    await until(
      async () =>
        (
          await managedSql(
            'postgres',
            `SELECT 1 FROM pg_stat_activity WHERE application_name = 'rolecall' AND wait_event_type = 'Lock'`,
          )
        ).length > 0,
      10_000,
      'the grant to wait on the lock',
    );
    await killMetadata();
    await testApp.restartCluster(async () => {
      await dba.query('ROLLBACK');
      // Applied on the managed server while its event cannot be written: the insert is tried again meanwhile.
      await until(async () => (await tableAcl()).includes('held_reader=r/shop_owner'), 10_000, 'the grant to commit');
      const retrying = (line: string) => line.includes('the event of a committed change: trying again');
      await until(async () => testApp.logs.some(retrying), 10_000, 'the event insert to be tried again');
    });
    await dba.end();
    const answer = await held;
    expect(answer).toMatchObject({ __typename: 'PermissionChange' });
    // Recorded once the metadata was back (asked first whether an earlier try had committed): one event, its id.
    const uuid = Buffer.from(shopId, 'base64').toString().split(':')[1];
    const rows = await testApp.sql<{ id: string }>(
      `SELECT id::text FROM "Event" WHERE "databaseId" = $1 AND payload::text LIKE '%held_reader%'`,
      [uuid],
      'rolecall_metadata',
    );
    expect(rows.map((row) => row.id)).toEqual([String(answer.eventId)]);
    // Rolecall carries on.
    expect((await change(false, 'held_reader')).__typename).toBe('PermissionChange');
  });

  it('while it is down, a request is answered 503 METADATA_UNAVAILABLE with a Retry-After, not a masked error', async () => {
    const ask = (query: string) =>
      fetch(`${testApp.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-rolecall-csrf': '1', authorization: `Bearer ${adminToken}` },
        body: JSON.stringify({ query }),
      });
    const unexpected = () => testApp.logs.filter((line) => line.includes('unexpected error')).length;
    const before = unexpected();
    await killMetadata();
    await testApp.restartCluster(async () => {
      // A read whose viewer must be looked up, and a change: each fails on the metadata database, typed.
      for (const query of [
        '{ viewer { id } }',
        `mutation { grantPrivileges(databaseId: "${shopId}", object: { kind: TABLE, schema: "s", name: "t" },
           grantee: "held_reader", privileges: ["SELECT"]) { __typename } }`,
      ]) {
        const response = await ask(query);
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toBe('5');
        const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
        expect(body.errors.map((error) => error.extensions.code)).toEqual(['METADATA_UNAVAILABLE']);
        expect(body.errors[0]?.message).toBe(
          "Rolecall's metadata database cannot be reached just now; try again in a few seconds.",
        );
      }
    });
    expect(unexpected()).toBe(before);
    expect(testApp.logs.some((line) => line.includes('the metadata database cannot be reached'))).toBe(true);
    // Nothing was granted while it was down, and Rolecall answers again once it is back.
    expect(await tableAcl()).not.toContain('held_reader=r/shop_owner');
    expect((await ask('{ viewer { id } }')).status).toBe(200);
  });
});
