import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secret, startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import { type CrashableCluster, startCrashableCluster, until } from './support/crashable.js';
import { type CuttingProxy, startCuttingProxy } from './support/cutting-proxy.js';
import { connectOn, setupAdmin } from './support/fixtures.js';
import { mutate } from './support/permissions.js';

/**
 * A change's COMMIT whose connection is lost before PostgreSQL answers: the change may have committed or not. Rolecall
 * asks the server what became of the transaction (pg_xact_status) and answers the truth: applied, answered as applied
 * and recorded as its own (never reported by the drift watcher as made outside Rolecall); or a typed error saying
 * nothing was applied; or, when the server cannot be asked, a typed error saying it may have been.
 *
 * A COMMIT that committed and was never answered: commits wait for a synchronous standby that does not exist
 * (synchronous_standby_names), so the change's COMMIT is written and waits there, and then its backend is terminated
 * or the server crashes. A COMMIT that never arrived: a proxy between Rolecall and the server cuts the connection as
 * it carries the COMMIT.
 */

let testApp: TestApp;
let admin: TestClient;
let managed: CrashableCluster;
let proxy: CuttingProxy;
let shopId: string;

const TABLES = ['t1', 't2', 't3', 't4', 'marker'];

/** The managed server as a DBA reaches it: through the proxy, where Rolecall reaches it (the port its events name). */
const psqlUrl = (database: string) => managed.url(database).replace(`:${managed.port}/`, `:${proxy.port}/`);

async function managedSql<R extends pg.QueryResultRow>(text: string, values: unknown[] = [], database = 'shop') {
  const client = new pg.Client(psqlUrl(database));
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

const grant = (table: string, grantee: string) =>
  mutate(admin, shopId, 'grantPrivileges', {
    object: { kind: 'TABLE', schema: 's', name: table },
    grantee,
    privileges: ['SELECT'],
  });

const aclOf = async (table: string) =>
  (
    await managedSql<{ acl: string | null }>('SELECT relacl::text AS acl FROM pg_class WHERE oid = $1::regclass', [
      `s.${table}`,
    ])
  )[0]?.acl ?? '';

async function eventsOf(source: 'ROLECALL' | 'EXTERNAL'): Promise<{ kind: string; object: string | null }[]> {
  return testApp.sql<{ kind: string; object: string | null }>(
    `SELECT kind, payload->>'object' AS object FROM "Event" WHERE source = $1::"EventSource" AND "databaseId" = $2::uuid ORDER BY id`,
    [source, Buffer.from(shopId, 'base64').toString().split(':')[1]],
    'rolecall_metadata',
  );
}

/** The pid of Rolecall's backend whose COMMIT waits for the (absent) synchronous standby. */
async function commitWaitingForStandby(): Promise<number | undefined> {
  const [row] = await managedSql<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE application_name = 'rolecall' AND wait_event = 'SyncRep'`,
    [],
    'postgres',
  );
  return row?.pid;
}

/**
 * Whether a commit now waits for the standby: a probe transaction that writes (one that does not never waits) commits,
 * and is found waiting (then terminated) or done. Not a temporary table: its backend would drop it as it exits, and
 * wait for the standby again there. The checkpointer applies synchronous_standby_names a moment after the reload.
 */
async function probeCommitWaits(): Promise<boolean> {
  const probe = new pg.Client(psqlUrl('postgres'));
  probe.on('error', () => undefined);
  await probe.connect();
  const [{ pid }] = (await probe.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows as [{ pid: number }];
  let done = false;
  const commit = probe.query(`COMMENT ON ROLE psql_reader IS 'a probe of synchronous commits'`).then(
    () => (done = true),
    () => (done = true),
  );
  let waits = false;
  await until(
    async () => {
      waits =
        (
          await managedSql(
            'SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND wait_event = $2',
            [pid, 'SyncRep'],
            'postgres',
          )
        ).length > 0;
      return done || waits;
    },
    5_000,
    'the probe commit to end or wait',
  );
  if (waits) await managedSql('SELECT pg_terminate_backend($1)', [pid], 'postgres');
  await commit;
  await probe.end().catch(() => undefined);
  return waits;
}

async function commitsWaitForAStandby(waiting: boolean): Promise<void> {
  await managedSql(
    waiting ? `ALTER SYSTEM SET synchronous_standby_names = 'nobody'` : 'ALTER SYSTEM RESET synchronous_standby_names',
    [],
    'postgres',
  );
  await managedSql('SELECT pg_reload_conf()', [], 'postgres');
  if (waiting) await until(probeCommitWaits, 10_000, 'commits to wait for the synchronous standby');
}

beforeAll(async () => {
  testApp = await startTestApp({ DRIFT_INTERVAL_MS: '300' });
  admin = testApp.client();
  await setupAdmin(admin);
  managed = await startCrashableCluster();
  proxy = await startCuttingProxy(managed.port);
  const password = secret('shop_owner');
  await managedSql(`CREATE ROLE shop_owner LOGIN CREATEROLE PASSWORD '${password}'`, [], 'postgres');
  await managedSql('CREATE DATABASE shop OWNER shop_owner', [], 'postgres');
  await managedSql(
    ['terminated', 'crashed', 'cut', 'unasked', 'psql'].map((role) => `CREATE ROLE ${role}_reader;`).join(' '),
    [],
    'postgres',
  );
  await managedSql(
    `CREATE SCHEMA s AUTHORIZATION shop_owner; SET ROLE shop_owner;
     ${TABLES.map((table) => `CREATE TABLE s.${table} (id int);`).join(' ')} RESET ROLE`,
  );
  shopId = await connectOn(admin, proxy.port, { database: 'shop', role: 'shop_owner', password });
});

afterAll(async () => {
  // A test that failed half-way may have left commits waiting for the standby.
  if (managed) await commitsWaitForAStandby(false).catch(() => undefined);
  await testApp?.stop();
  await proxy?.close();
  await managed?.stop();
});

describe('a COMMIT that committed but was never answered', () => {
  it.each([
    ['its backend is terminated', 't1', 'terminated_reader'],
    ['the server crashes (pg_ctl stop -m immediate) and restarts', 't2', 'crashed_reader'],
  ])('%s: the change is answered as applied and recorded once as Rolecall’s', async (how, table, grantee) => {
    const recorded = (await eventsOf('ROLECALL')).length;
    await commitsWaitForAStandby(true);
    const answer = grant(table, grantee);
    let pid: number | undefined;
    await until(
      async () => {
        pid = await commitWaitingForStandby();
        return pid !== undefined;
      },
      10_000,
      'the COMMIT to wait',
    );
    if (how.startsWith('its backend')) {
      await managedSql('SELECT pg_terminate_backend($1)', [pid], 'postgres');
      await until(async () => (await commitWaitingForStandby()) === undefined, 5_000, 'the backend to exit');
    } else {
      await managed.crash('pg_ctl stop -m immediate');
      await managed.start();
    }
    await commitsWaitForAStandby(false);

    const change = await answer;
    expect(change, JSON.stringify(change)).toMatchObject({ __typename: 'PermissionChange' });
    expect(change.eventId).toBeTruthy();
    expect(await aclOf(table)).toContain(`${grantee}=r/shop_owner`);
    expect((await eventsOf('ROLECALL')).length).toBe(recorded + 1);
    expect(
      testApp.logs.some((line) => line.includes('a COMMIT lost its connection') && line.includes('committed')),
    ).toBe(true);
  });
});

describe('a COMMIT cut on its way to the server', () => {
  it('answers a typed error saying nothing was applied, records nothing, and the same change goes through after', async () => {
    const recorded = (await eventsOf('ROLECALL')).length;
    const cut = proxy.cutBeforeCommit('TO "cut_reader"');
    const change = await grant('t3', 'cut_reader');
    await cut;
    expect(change).toMatchObject({ __typename: 'ServerUnavailableError', code: 'SERVER_UNAVAILABLE' });
    expect(change.message).toMatch(/did not commit, so nothing was applied/);
    expect(await aclOf('t3')).not.toContain('cut_reader');
    expect((await eventsOf('ROLECALL')).length).toBe(recorded);

    expect((await grant('t3', 'cut_reader')).__typename).toBe('PermissionChange');
    expect(await aclOf('t3')).toContain('cut_reader=r/shop_owner');
  });

  it('when the server cannot be asked, the error says the change may have been applied', async () => {
    const recorded = (await eventsOf('ROLECALL')).length;
    const cut = proxy.cutBeforeCommit('TO "unasked_reader"');
    void cut.then(() => {
      proxy.refusing = true;
    });
    const change = await grant('t4', 'unasked_reader');
    proxy.refusing = false;
    expect(change).toMatchObject({ __typename: 'ServerUnavailableError', code: 'SERVER_UNAVAILABLE' });
    expect(change.message).toMatch(/could not be asked whether it committed: it may have been applied/);
    // It was not (the COMMIT never arrived), and nothing was recorded.
    expect(await aclOf('t4')).not.toContain('unasked_reader');
    expect((await eventsOf('ROLECALL')).length).toBe(recorded);
  });
});

describe('the drift watcher', () => {
  it('reports none of these changes as made outside Rolecall', async () => {
    // A psql change after them: once it is reported, the polls that saw theirs have gone by.
    await managedSql('GRANT SELECT ON s.marker TO psql_reader');
    await until(
      async () => (await eventsOf('EXTERNAL')).some((event) => event.object === 's.marker'),
      15_000,
      "the report of psql's grant",
    );
    const external = (await eventsOf('EXTERNAL')).filter((event) => event.kind === 'privileges.changed');
    expect(external.map((event) => event.object)).toEqual(['s.marker']);
  });
});
