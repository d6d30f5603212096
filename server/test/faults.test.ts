import type { Client as WsClient } from 'graphql-ws';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../src/app.js';
import type { EmbeddedCluster } from '../src/embedded/cluster.js';
import { secret, startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import { type RestartableCluster, startRestartableCluster, startTestCluster } from './support/cluster.js';
import {
  addCollaborator,
  configureRole,
  connect,
  createApiToken,
  createManagedDatabase,
  createUser,
  ERROR_FIELDS,
  setupAdmin,
  signIn,
} from './support/fixtures.js';
import { type Change, mutate } from './support/permissions.js';
import { wsClient } from './support/subscriptions.js';

/**
 * Fault injection: a managed server going away in the middle of a change, the metadata database restarting under
 * a running Rolecall with subscribers attached, and 50 conflicting changes to one object at once.
 */

let testApp: TestApp;
let admin: TestClient;
let adminToken: string;
let localId: string;

const TABLE = { kind: 'TABLE', schema: 's', name: 't' };
const until = async (check: () => Promise<boolean>, timeoutMs: number, what: string) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    // A poll interval with a deadline (lock waits, recovery): none of these has an event to wait for.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

async function superuser(cluster: EmbeddedCluster, database: string): Promise<pg.Client> {
  const client = new pg.Client(cluster.url(database));
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** Runs SQL on a cluster as its superuser, on a connection of its own. */
async function psql<R extends pg.QueryResultRow>(
  cluster: EmbeddedCluster,
  database: string,
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = await superuser(cluster, database);
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

const grantSelect = (databaseId: string, grantee: string, withSchemaUsage = false) =>
  mutate(admin, databaseId, 'grantPrivileges', {
    object: TABLE,
    grantee,
    privileges: ['SELECT'],
    withSchemaUsage,
  });

beforeAll(async () => {
  testApp = await startTestApp({ DRIFT_INTERVAL_MS: '500' }, { restartable: true });
  admin = testApp.client();
  await setupAdmin(admin);
  adminToken = await createApiToken(admin, 'faults');
  const local = await createManagedDatabase(testApp, 'local', 'local_owner');
  await testApp.sql(
    'CREATE ROLE local_reader; CREATE ROLE local_writer; CREATE ROLE restart_reader; CREATE ROLE restart_writer; CREATE ROLE after_reader; CREATE ROLE after_writer; CREATE ROLE last_reader',
  );
  await testApp.sql(
    'CREATE SCHEMA s AUTHORIZATION local_owner; CREATE TABLE s.t (id int); ALTER TABLE s.t OWNER TO local_owner',
    [],
    'local',
  );
  localId = await connect(admin, testApp, local);
});

afterAll(async () => {
  await testApp?.stop();
});

describe('a managed server stops during a mutation', () => {
  let managed: RestartableCluster;
  let extId: string;

  beforeAll(async () => {
    managed = await startRestartableCluster();
    const password = secret('ext_owner');
    await psql(
      managed,
      'postgres',
      `CREATE ROLE ext_owner LOGIN CREATEROLE PASSWORD '${password}'; CREATE ROLE ext_reader; CREATE ROLE blocker_role`,
    );
    await psql(managed, 'postgres', 'CREATE DATABASE ext OWNER ext_owner');
    await psql(
      managed,
      'ext',
      'CREATE SCHEMA s AUTHORIZATION ext_owner; CREATE TABLE s.t (id int); ALTER TABLE s.t OWNER TO ext_owner',
    );
    const database = await admin.field(
      `mutation($input: ConnectDatabaseInput!) { connectDatabase(input: $input) { ${ERROR_FIELDS} ... on Database { id } } }`,
      { input: { host: '127.0.0.1', port: managed.port, database: 'ext', role: 'ext_owner', password } },
    );
    expect(database.__typename).toBe('Database');
    extId = database.id as string;
    // The pool now holds a connection to the server that is about to go away.
    expect((await grantSelect(extId, 'blocker_role')).__typename).toBe('PermissionChange');
    await psql(managed, 'ext', 'REVOKE ALL ON s.t FROM blocker_role');
  });

  afterAll(async () => {
    await managed?.stop();
  });

  const aclOf = async (query: string) => (await psql<{ acl: string | null }>(managed, 'ext', query))[0]?.acl ?? null;
  const schemaAcl = () => aclOf(`SELECT nspacl::text AS acl FROM pg_namespace WHERE nspname = 's'`);
  const tableAcl = () => aclOf(`SELECT relacl::text AS acl FROM pg_class WHERE oid = 's.t'::regclass`);

  it('answers ServerUnavailableError, leaves no half change, keeps other databases working, and recovers', async () => {
    const schemaBefore = await schemaAcl();
    const tableBefore = await tableAcl();
    // A DBA's open transaction holds the table's catalog row, so the second statement of the change waits on it.
    const dba = await superuser(managed, 'ext');
    await dba.query('BEGIN');
    await dba.query('GRANT SELECT ON s.t TO blocker_role');
    const pending = grantSelect(extId, 'ext_reader', true);
    await until(
      async () =>
        (
          await psql(
            managed,
            'postgres',
            `SELECT 1 FROM pg_stat_activity WHERE application_name = 'rolecall' AND wait_event_type = 'Lock'`,
          )
        ).length > 0,
      10_000,
      'the change to wait on the lock',
    );

    let interrupted: Change | undefined;
    await managed.restart(async () => {
      interrupted = await pending;
      const started = Date.now();
      const whileDown = await grantSelect(extId, 'ext_reader');
      expect(whileDown).toMatchObject({ __typename: 'ServerUnavailableError', code: 'SERVER_UNAVAILABLE' });
      expect(Date.now() - started).toBeLessThan(6_000);
      expect((await grantSelect(localId, 'local_reader')).__typename).toBe('PermissionChange');
    });
    await dba.end().catch(() => undefined);

    expect(interrupted).toMatchObject({ __typename: 'ServerUnavailableError', code: 'SERVER_UNAVAILABLE' });
    // PostgreSQL's own word (the backend's FATAL), or, when the socket closed before it was read, the driver's: never
    // a masked internal error.
    expect(interrupted?.message).toMatch(/terminating connection|could not be reached/);
    expect(await schemaAcl()).toBe(schemaBefore);
    expect(await tableAcl()).toBe(tableBefore);

    const again = await grantSelect(extId, 'ext_reader', true);
    expect(again, JSON.stringify(again)).toMatchObject({ __typename: 'PermissionChange' });
    expect(await schemaAcl()).toContain('ext_reader=U/ext_owner');
    expect(await tableAcl()).toContain('ext_reader=r/ext_owner');
  });
});

const EVENTS = `subscription($databaseId: ID, $after: BigCursor) {
  events(databaseId: $databaseId, after: $after) { cursor kind }
}`;

/** A subscriber that, whenever its subscription ends or fails, subscribes again from the last cursor it saw. */
function resilientSubscriber(databaseId: string, after: string) {
  const cursors: string[] = [];
  let current: { client: WsClient; again: () => void } | null = null;
  let stopped = false;
  let caughtUp = false;
  let resubscriptions = 0;
  const subscribe = () => {
    if (stopped) return;
    const client = wsClient(testApp.url, adminToken, { retryAttempts: 0 });
    const again = () => {
      if (stopped || current?.client !== client) return;
      current = null;
      resubscriptions += 1;
      void client.dispose();
      // A client's back-off before it tries again (the metadata database may still be down), not a wait for events.
      setTimeout(subscribe, 200);
    };
    current = { client, again };
    client.subscribe<{ events: { cursor: string; kind: string } }>(
      { query: EVENTS, variables: { databaseId, after: cursors.at(-1) ?? after } },
      {
        next: (value) => {
          // The replay marker repeats the last cursor replayed: it is not an event, but says the subscription is live.
          if (value.data?.events.kind === 'replay.caught_up') caughtUp = true;
          else if (value.data) cursors.push(value.data.events.cursor);
        },
        error: again,
        complete: again,
      },
    );
  };
  subscribe();
  return {
    cursors,
    /** Its first subscription's replay has caught up: it is live. */
    caughtUp: () => caughtUp,
    resubscriptions: () => resubscriptions,
    /** Loses the connection, as a network failure would; the subscriber comes back from its last cursor. */
    drop: () => current?.again(),
    stop: async () => {
      stopped = true;
      await current?.client.dispose();
    },
  };
}

async function latestEventId(): Promise<string> {
  const rows = await testApp.sql<{ id: string }>(
    'SELECT coalesce(max(id), 0)::text AS id FROM "Event"',
    [],
    'rolecall_metadata',
  );
  return rows[0]?.id ?? '0';
}

describe('the metadata database restarts under a running Rolecall', () => {
  it('serves again within seconds, and subscribers lose and double no event', async () => {
    const start = await latestEventId();
    const subscriber = resilientSubscriber(localId, start);
    const reconnecting = resilientSubscriber(localId, start);
    await until(async () => subscriber.caughtUp() && reconnecting.caughtUp(), 5_000, 'the replay markers');
    expect((await grantSelect(localId, 'restart_reader')).__typename).toBe('PermissionChange');
    expect((await grantSelect(localId, 'restart_writer')).__typename).toBe('PermissionChange');
    await until(
      async () => subscriber.cursors.length >= 2 && reconnecting.cursors.length >= 2,
      5_000,
      'the events before the restart',
    );

    await testApp.restartCluster(async () => {
      // This one loses its connection while the metadata is down: it keeps trying, and replays when it is back.
      reconnecting.drop();
      const started = Date.now();
      const response = await fetch(`${testApp.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1', authorization: `Bearer ${adminToken}` },
        body: JSON.stringify({ query: '{ viewer { id } }' }),
      });
      const body = await response.text();
      expect(body).not.toContain('"viewer":{"id"');
      expect(Date.now() - started).toBeLessThan(10_000);
    });

    const back = Date.now();
    await until(
      async () => {
        const answer = await admin.request<{ viewer: { id: string } | null }>('{ viewer { id } }').catch(() => null);
        return Boolean(answer?.data?.viewer?.id);
      },
      10_000,
      'Rolecall to serve again',
    );
    const recoveredMs = Date.now() - back;
    expect(recoveredMs).toBeLessThan(5_000);
    await until(
      async () => (await grantSelect(localId, 'after_reader')).__typename === 'PermissionChange',
      10_000,
      'a change to go through again',
    );
    expect((await grantSelect(localId, 'after_writer')).__typename).toBe('PermissionChange');
    // A last change: events arrive in log order, so once it is there, an event lost or doubled would show before it.
    const last = await grantSelect(localId, 'last_reader');
    expect(last.__typename).toBe('PermissionChange');

    const localUuid = Buffer.from(localId, 'base64').toString().split(':')[1];
    const logged = async () =>
      (
        await testApp.sql<{ cursor: string }>(
          'SELECT id::text AS cursor FROM "Event" WHERE id > $1 AND "databaseId" = $2 ORDER BY "Event".id',
          [start, localUuid],
          'rolecall_metadata',
        )
      ).map((row) => row.cursor);
    const expected = await logged();
    expect(expected.at(-1)).toBe(last.eventId);
    const subscribers = [subscriber, reconnecting];
    await until(
      async () => subscribers.every((one) => one.cursors.includes(last.eventId as string)),
      10_000,
      'the subscribers to catch up',
    );
    await Promise.all(subscribers.map((one) => one.stop()));
    console.info(
      `metadata restart: serving again ${recoveredMs} ms after; resubscriptions ${subscribers.map((one) => one.resubscriptions())}`,
    );
    for (const one of subscribers) expect(one.cursors).toEqual(expected);
    expect(reconnecting.resubscriptions()).toBeGreaterThan(0);
    expect(expected.length).toBeGreaterThanOrEqual(5);
  });
});

/** The initial state of the contested objects, set up the same way on Rolecall's cluster and on the replay one. */
const CONTEST_ROLES = `
  CREATE ROLE granter_a LOGIN PASSWORD '%a'; CREATE ROLE granter_b LOGIN PASSWORD '%b';
  CREATE ROLE g1; CREATE ROLE g2; CREATE ROLE g3; CREATE ROLE team; CREATE ROLE m1; CREATE ROLE m2; CREATE ROLE m3;
  GRANT team TO granter_a, granter_b WITH ADMIN TRUE;
  GRANT team TO contest_owner WITH ADMIN TRUE, INHERIT FALSE, SET FALSE;
  GRANT team TO m1 WITH INHERIT TRUE`;
const CONTEST_OBJECTS = `
  CREATE SCHEMA s AUTHORIZATION contest_owner; CREATE TABLE s.t (id int); ALTER TABLE s.t OWNER TO contest_owner;
  GRANT USAGE ON SCHEMA s TO granter_a, granter_b;
  GRANT SELECT, INSERT, UPDATE, DELETE ON s.t TO granter_a, granter_b WITH GRANT OPTION;
  GRANT SELECT ON s.t TO g1`;

const GRANTEES = ['g1', 'g2', 'g3'];
const MEMBERS = ['m1', 'm2', 'm3'];
const PRIVILEGES = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];

/** A small seeded generator, so a failing mix can be replayed. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const some = <T>(items: readonly T[]): T[] => {
    const chosen = items.filter(() => next() < 0.5);
    return chosen.length > 0 ? chosen : [pick(items)];
  };
  return { next, pick, some };
}

type Operation = { mutation: Parameters<typeof mutate>[2]; args: Record<string, unknown> };

function randomOperation(random: ReturnType<typeof generator>): Operation {
  switch (random.pick(['grant', 'revoke', 'set', 'join', 'leave'] as const)) {
    case 'grant':
      return {
        mutation: 'grantPrivileges',
        args: { object: TABLE, grantee: random.pick(GRANTEES), privileges: random.some(PRIVILEGES) },
      };
    case 'revoke':
      return {
        mutation: 'revokePrivileges',
        args: { object: TABLE, grantee: random.pick(GRANTEES), privileges: random.some(PRIVILEGES) },
      };
    case 'set':
      return {
        mutation: 'setPrivileges',
        args: { object: TABLE, grants: [{ grantee: random.pick(GRANTEES), privileges: random.some(PRIVILEGES) }] },
      };
    case 'join':
      return {
        mutation: 'grantMembership',
        args: {
          role: 'team',
          membership: { member: random.pick(MEMBERS), inherit: random.next() < 0.5, set: random.next() < 0.5 },
        },
      };
    case 'leave':
      return { mutation: 'revokeMembership', args: { role: 'team', member: random.pick(MEMBERS) } };
  }
}

/** The ACL of s.t and s and the memberships of team, by name, in a form both clusters can be compared in. */
async function contestedState(cluster: EmbeddedCluster): Promise<string[]> {
  const acl = await psql<{ row: string }>(
    cluster,
    'contest',
    `SELECT format('%s %s: %s by %s%s', kind, object, coalesce(pg_get_userbyid(nullif(a.grantee, 0)), 'PUBLIC'),
                   pg_get_userbyid(a.grantor), CASE WHEN a.is_grantable THEN ' grantable' ELSE '' END)
              || ' ' || a.privilege_type AS row
       FROM (SELECT 'table' AS kind, 's.t' AS object, relacl AS acl FROM pg_class WHERE oid = 's.t'::regclass
             UNION ALL SELECT 'schema', 's', nspacl FROM pg_namespace WHERE nspname = 's') o,
            aclexplode(o.acl) a ORDER BY 1`,
  );
  const members = await psql<{ row: string }>(
    cluster,
    'contest',
    `SELECT format('team: %s by %s admin=%s inherit=%s set=%s', pg_get_userbyid(member), pg_get_userbyid(grantor),
                   admin_option, inherit_option, set_option) AS row
       FROM pg_auth_members WHERE roleid = 'team'::regrole ORDER BY 1`,
  );
  return [...acl, ...members].map((row) => row.row);
}

describe('50 concurrent conflicting changes to one table and one group', () => {
  let owner: TestClient;
  let collaboratorA: TestClient;
  let collaboratorB: TestClient;
  let contestId: string;
  const passwords = { a: secret('granter_a'), b: secret('granter_b') };

  async function collaboratorThrough(role: string, password: string, username: string): Promise<TestClient> {
    const configured = await configureRole(admin, contestId, role, password);
    expect(configured.__typename).toBe('ConfiguredRole');
    const user = await createUser(admin, username);
    const added = await addCollaborator(admin, {
      databaseId: contestId,
      userId: user.id,
      configuredRoleId: configured.id as string,
    });
    expect(added.__typename).toBe('Collaborator');
    const client = testApp.client();
    await signIn(client, username, user.password);
    return client;
  }

  beforeAll(async () => {
    const contest = await createManagedDatabase(testApp, 'contest', 'contest_owner');
    await testApp.sql(CONTEST_ROLES.replace('%a', passwords.a).replace('%b', passwords.b));
    await testApp.sql(CONTEST_OBJECTS, [], 'contest');
    contestId = await connect(admin, testApp, contest);
    owner = admin;
    collaboratorA = await collaboratorThrough('granter_a', passwords.a, 'alice');
    collaboratorB = await collaboratorThrough('granter_b', passwords.b, 'bob');
  });

  it('each applies or is refused with a typed error, and replaying the event log gives the final catalog', async () => {
    const seed = Number(process.env.CONTEST_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const random = generator(seed);
    const start = await latestEventId();
    const actors = [owner, collaboratorA, collaboratorB];
    const operations = Array.from({ length: 50 }, () => ({ actor: random.pick(actors), ...randomOperation(random) }));
    const results = await Promise.all(
      operations.map(({ actor, mutation, args }) => mutate(actor, contestId, mutation, args)),
    );

    const context = `seed ${seed} (CONTEST_SEED=${seed} replays it)`;
    const outcomes = new Map<string, number>();
    for (const result of results) {
      const outcome = result.sqlstate ? `${result.__typename} ${result.sqlstate}` : result.__typename;
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    console.info(`contest ${context}:`, Object.fromEntries(outcomes));
    expect(
      outcomes.has('PostgresError XX000'),
      `${context}: a race on one catalog row is a ConcurrentChangeError`,
    ).toBe(false);
    for (const result of results) {
      expect(result.message ?? '', context).not.toMatch(/unexpected/i);
      if (result.__typename !== 'PermissionChange')
        expect(result.code, `${context}: ${JSON.stringify(result)}`).toBeTruthy();
    }
    // setPrivileges finds nothing to change when the ACL already is as asked: no statement, no event.
    const applied = results.filter((result) => result.__typename === 'PermissionChange' && result.sql?.length);
    expect(applied.length, context).toBeGreaterThan(10);

    const contestUuid = Buffer.from(contestId, 'base64').toString().split(':')[1];
    const events = await testApp.sql<{ id: string; sql: string[]; role: string }>(
      `SELECT id::text, sql, payload->>'actingRole' AS role FROM "Event"
        WHERE id > $1 AND "databaseId" = $2 AND source = 'ROLECALL' ORDER BY "Event".id`,
      [start, contestUuid],
      'rolecall_metadata',
    );
    expect(events.map((event) => event.id).sort(), context).toEqual(
      applied.map((result) => result.eventId as string).sort(),
    );

    const replay = await startTestCluster();
    try {
      await psql(replay, 'postgres', 'CREATE ROLE contest_owner LOGIN CREATEROLE');
      await psql(replay, 'postgres', 'CREATE DATABASE contest OWNER contest_owner');
      await psql(replay, 'postgres', CONTEST_ROLES.replace('%a', 'x').replace('%b', 'x'));
      await psql(replay, 'contest', CONTEST_OBJECTS);
      const session = await superuser(replay, 'contest');
      for (const event of events) {
        await session.query(`BEGIN; SET LOCAL ROLE "${event.role}"`);
        for (const statement of event.sql) await session.query(statement);
        await session.query('COMMIT');
      }
      await session.end();
      expect(await contestedState(testApp.cluster), context).toEqual(await contestedState(replay));
    } finally {
      await replay.stop();
    }
  });
});
