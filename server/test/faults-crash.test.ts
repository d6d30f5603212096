import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secret, startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import { type CrashableCluster, type CrashKind, startCrashableCluster, until } from './support/crashable.js';
import { connectOn, createApiToken, ERROR_FIELDS, setupAdmin } from './support/fixtures.js';
import { mutate } from './support/permissions.js';
import { collectLive, wsClient } from './support/subscriptions.js';

/**
 * A managed server crashes for real — `pg_ctl stop -m immediate`, and SIGKILL of its postmaster — while reads, grants
 * and a subscription run, and is started again: Rolecall stays up, answers typed errors meanwhile, and recovers by
 * itself (no restart, no reconnect by hand). An uncaught exception or unhandled rejection anywhere fails the test
 * (support/unhandled.setup.ts).
 */

let testApp: TestApp;
let admin: TestClient;
let token: string;
let managed: CrashableCluster;
let extId: string;

const TABLE = { kind: 'TABLE', schema: 's', name: 't' };
const EVENTS = `subscription($databaseId: ID, $after: BigCursor) {
  events(databaseId: $databaseId, after: $after) { cursor kind source }
}`;
// A read whose every level has an error union: the catalog (connecting) and who can access the table (its query).
// Plain list fields such as rolesConnection have none, and a server lost between the two answers a masked error there.
const READ = `query($id: ID!) { database(id: $id) { ${ERROR_FIELDS} ... on Database { catalog { ${ERROR_FIELDS}
  ... on DatabaseCatalog { whoCanAccess(object: { kind: TABLE, schema: "s", name: "t" }, first: 5) { ${ERROR_FIELDS}
    ... on DatabaseCatalogWhoCanAccessConnection { totalCount } } } } } } }`;

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

const grant = (grantee: string) =>
  mutate(admin, extId, 'grantPrivileges', { object: TABLE, grantee, privileges: ['SELECT'] });

/** What a read answered: who can access the table, or a typed error's name, or the GraphQL errors (never acceptable). */
async function read(): Promise<string> {
  type Answer = { database: { catalog?: { __typename: string; whoCanAccess?: { __typename: string } } } };
  const answer = await admin.request<Answer>(READ, { id: extId });
  if (answer.errors?.length) return `GraphQL errors: ${JSON.stringify(answer.errors)}`;
  const catalog = answer.data?.database.catalog;
  return catalog?.whoCanAccess?.__typename ?? catalog?.__typename ?? `no catalog: ${JSON.stringify(answer.data)}`;
}

/** Reads the catalog over and over until stopped, counting what each read answered. */
function readContinuously() {
  const answers = new Map<string, number>();
  let running = true;
  const done = (async () => {
    while (running) {
      const answer = await read().catch((error: unknown) => `request failed: ${String(error)}`);
      answers.set(answer, (answers.get(answer) ?? 0) + 1);
    }
  })();
  return {
    answers,
    stop: async () => {
      running = false;
      await done;
      return Object.fromEntries(answers);
    },
  };
}

beforeAll(async () => {
  testApp = await startTestApp({ DRIFT_INTERVAL_MS: '300' });
  admin = testApp.client();
  await setupAdmin(admin);
  token = await createApiToken(admin, 'crash');
  managed = await startCrashableCluster();
  const password = secret('crash_owner');
  await managedSql('postgres', `CREATE ROLE crash_owner LOGIN CREATEROLE PASSWORD '${password}'`);
  await managedSql('postgres', 'CREATE DATABASE crash OWNER crash_owner');
  await managedSql(
    'postgres',
    ['held', 'down', 'after'].flatMap((phase) => [1, 2].map((n) => `CREATE ROLE ${phase}_${n};`)).join(' '),
  );
  await managedSql(
    'crash',
    'CREATE SCHEMA s AUTHORIZATION crash_owner; CREATE TABLE s.t (id int); ALTER TABLE s.t OWNER TO crash_owner',
  );
  extId = await connectOn(admin, managed.port, { database: 'crash', role: 'crash_owner', password });
});

afterAll(async () => {
  await testApp?.stop();
  await managed?.stop();
});

const tableAcl = async () =>
  (
    await managedSql<{ acl: string | null }>(
      'crash',
      `SELECT relacl::text AS acl FROM pg_class WHERE oid = 's.t'::regclass`,
    )
  )[0]?.acl ?? '';

describe.each([
  ['pg_ctl stop -m immediate', 1],
  ['SIGKILL of the postmaster', 2],
] as [CrashKind, number][])('a managed server crashes (%s) and restarts', (how, n) => {
  it('Rolecall answers typed errors while it is down and recovers by itself, with its subscribers', async () => {
    expect((await grant(`held_${n}`)).__typename, 'the pools hold connections to the server').toBe('PermissionChange');
    await managedSql('crash', `REVOKE ALL ON s.t FROM held_${n}`);
    const subscriber = await collectLive<{ cursor: string; kind: string; source: string }>(
      testApp,
      wsClient(testApp.url, token),
      EVENTS,
      {
        databaseId: extId,
      },
    );
    const reads = readContinuously();
    // A DBA's open transaction has changed the table's ACL: a grant waits for it, in the middle of its own
    // transaction, when the server dies (a LOCK TABLE would not do everywhere: on 15 a GRANT does not wait for it).
    const dba = new pg.Client(managed.url('crash'));
    dba.on('error', () => undefined);
    await dba.connect();
    await dba.query('BEGIN; GRANT SELECT ON s.t TO PUBLIC');
    const held = grant(`held_${n}`);
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

    await managed.crash(how);
    const interrupted = await held;
    await dba.end().catch(() => undefined);
    expect(interrupted).toMatchObject({ __typename: 'ServerUnavailableError', code: 'SERVER_UNAVAILABLE' });
    const whileDown = await grant(`down_${n}`);
    expect(whileDown).toMatchObject({ __typename: 'ServerUnavailableError', code: 'SERVER_UNAVAILABLE' });
    await until(async () => (reads.answers.get('ServerUnavailableError') ?? 0) > 0, 10_000, 'a read while it is down');
    expect(await read()).toBe('ServerUnavailableError');

    const restarting = Date.now();
    await managed.start();
    await until(
      async () => (await grant(`after_${n}`)).__typename === 'PermissionChange',
      15_000,
      'a grant to go through again',
    );
    const recoveredMs = Date.now() - restarting;
    await until(
      async () => (await read()) === 'DatabaseCatalogWhoCanAccessConnection',
      10_000,
      'a read to answer again',
    );
    const answers = await reads.stop();
    console.info(
      `${how}: a grant went through ${recoveredMs} ms after the restart began; reads: ${JSON.stringify(answers)}`,
    );

    // Every read answered who can access the table or a typed error: never a GraphQL error, never a failed request.
    const unexpected = testApp.logs.filter((line) => line.includes('unexpected error'));
    expect(Object.keys(answers).sort(), unexpected.join('\n')).toEqual([
      'DatabaseCatalogWhoCanAccessConnection',
      'ServerUnavailableError',
    ]);
    // Nothing of the interrupted transaction or the refused grant applied; the grant after the restart did.
    const acl = await tableAcl();
    expect(acl).not.toContain(`held_${n}=`);
    expect(acl).not.toContain(`down_${n}=`);
    expect(acl).toContain(`after_${n}=r/crash_owner`);
    // The subscription lived through it on its first connection and tells the grant after the restart.
    const after = await subscriber.waitForItem(
      (event) => event.kind === 'privileges.changed' && event.source === 'ROLECALL',
      'the grant after the restart',
    );
    expect(after.cursor).toBeTruthy();
    expect(subscriber.error).toBeUndefined();
    expect(subscriber.completed).toBe(false);
    subscriber.stop();
    // Rolecall's own health: it serves as before.
    expect((await admin.request<{ viewer: { id: string } }>('{ viewer { id } }')).data?.viewer.id).toBeTruthy();
  });
});
