import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secret, startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import { readExternalEvents, unexplainedExternalEvents } from './support/external-scan.js';
import { setupAdmin } from './support/fixtures.js';
import { type Act, actor } from './support/permissions.js';
import {
  clusterPerVersion,
  connectOn,
  type PostgresVersion,
  sqlOn,
  type VersionedCluster,
} from './support/versions.js';

/**
 * Rolecall's own changes are never reported as made outside it, side effects included: a CREATEROLE role's implicit
 * membership in what it creates (and createrole_self_grant's), REASSIGN OWNED and DROP OWNED in other databases, the
 * tables and sequences that go with a schema's owner, the schema and sequence USAGE a grant brings along, grants
 * CASCADE takes away, a column's grants a table's REVOKE takes with it. Every kind of change is made through the API
 * as a superuser and as a CREATEROLE non-superuser, on PostgreSQL 15, 16, 17 and 18; psql changes made in the same
 * intervals are still reported, with only what psql did.
 */

const VERSIONS: PostgresVersion[] = [15, 16, 17, 18];

let testApp: TestApp;
let admin: TestClient;
const clusters: VersionedCluster[] = [];

beforeAll(async () => {
  testApp = await startTestApp({ DRIFT_INTERVAL_MS: '300' });
  admin = testApp.client();
  await setupAdmin(admin);
});

afterAll(async () => {
  await testApp?.stop();
  await Promise.all(clusters.map((cluster) => cluster.stop()));
});

/** Databases `one` (connected as the superuser `boss`) and `two` (as `maker`, CREATEROLE, owner of `two`). */
async function prepare(cluster: VersionedCluster): Promise<void> {
  await sqlOn(cluster, 'CREATE ROLE boss LOGIN SUPERUSER; CREATE ROLE maker LOGIN CREATEROLE');
  // 16+: a role a CREATEROLE role creates is granted to it WITH ADMIN, plus what createrole_self_grant asks for.
  if (cluster.version >= 16) await sqlOn(cluster, "ALTER ROLE maker SET createrole_self_grant = 'set, inherit'");
  await sqlOn(cluster, 'CREATE DATABASE one OWNER boss');
  await sqlOn(cluster, 'CREATE DATABASE two OWNER maker');
  const tables = `CREATE SCHEMA sales; CREATE TABLE sales.orders (id serial PRIMARY KEY, total int);
    CREATE TABLE sales.items (id serial PRIMARY KEY); CREATE SCHEMA spare`;
  await sqlOn(cluster, `SET ROLE boss; ${tables}`, [], { database: 'one' });
  await sqlOn(cluster, `SET ROLE maker; ${tables}`, [], { database: 'two' });
}

async function applied(act: Act, ...call: Parameters<Act>): Promise<void> {
  const change = await act(...call);
  expect(change.__typename, `${call[0]}: ${JSON.stringify(change)}`).toBe('PermissionChange');
}

const table = (name: string) => ({ kind: 'TABLE', schema: 'sales', name });

/**
 * Every kind of change Rolecall makes, through `act`, with role names starting with `p`; `joinTeam` (the acting role)
 * is made a member of the roles objects go to, as ALTER … OWNER TO requires, where PostgreSQL 15 does not do it.
 */
async function everyKindOfChange(act: Act, p: string, joinTeam?: string): Promise<void> {
  await applied(act, 'createRole', { input: { name: `${p}_app`, login: true, password: secret('app') } });
  await applied(act, 'createRole', { input: { name: `${p}_team` } });
  await applied(act, 'createRole', { input: { name: `${p}_tmp` } });
  if (joinTeam) {
    await applied(act, 'grantMembership', { role: `${p}_team`, membership: { member: joinTeam } });
    await applied(act, 'grantMembership', { role: `${p}_tmp`, membership: { member: joinTeam } });
  }
  await applied(act, 'grantMembership', { role: `${p}_team`, membership: { member: `${p}_app`, admin: false } });
  await applied(act, 'alterRole', { name: `${p}_app`, attributes: { connectionLimit: 5 } });
  await applied(act, 'renameRole', { name: `${p}_tmp`, newName: `${p}_temp` });
  await applied(act, 'createSchema', { name: `${p}_schema` });
  await applied(act, 'grantPrivileges', {
    object: table('orders'),
    grantee: `${p}_app`,
    privileges: ['SELECT', 'INSERT'],
    withGrantOption: true,
    withSchemaUsage: true,
    withSequenceUsage: true,
  });
  // A grant made by p_app from its grant option, which REVOKE … CASCADE then takes away too.
  await applied(act, 'grantPrivileges', { object: table('items'), grantee: `${p}_team`, privileges: ['SELECT'] });
  await applied(act, 'revokePrivileges', {
    object: table('orders'),
    grantee: `${p}_app`,
    privileges: ['INSERT'],
    cascade: true,
  });
  await applied(act, 'setPrivileges', {
    object: table('items'),
    grants: [{ grantee: `${p}_app`, privileges: ['SELECT', 'UPDATE'], withSchemaUsage: true }],
  });
  // A column's own grant, which the table's REVOKE in a setPrivileges then takes with it (a table GRANT never does).
  await applied(act, 'grantPrivileges', {
    object: { kind: 'COLUMN', schema: 'sales', name: 'items', column: 'id' },
    grantee: `${p}_app`,
    privileges: ['UPDATE'],
  });
  await applied(act, 'grantPrivileges', { object: table('items'), grantee: `${p}_app`, privileges: ['INSERT'] });
  await applied(act, 'setPrivileges', {
    object: table('items'),
    grants: [{ grantee: `${p}_app`, privileges: ['SELECT'] }],
  });
  await applied(act, 'grantPrivileges', {
    object: { kind: 'SCHEMA', name: 'spare' },
    grantee: `${p}_temp`,
    privileges: ['USAGE'],
  });
  await applied(act, 'setGroupMembers', {
    role: `${p}_team`,
    members: [{ member: `${p}_app` }, { member: `${p}_temp` }, ...(joinTeam ? [{ member: joinTeam }] : [])],
  });
  await applied(act, 'revokeMembership', { role: `${p}_team`, member: `${p}_temp` });
  // The schema goes to p_team with both tables (their owner's grants, and their serial sequences, move too).
  await applied(act, 'transferOwnership', {
    object: { kind: 'SCHEMA', name: 'sales' },
    newOwner: `${p}_team`,
    tables: ['orders', 'items'],
  });
  await applied(act, 'transferOwnership', { object: { kind: 'SCHEMA', name: `${p}_schema` }, newOwner: `${p}_temp` });
  await applied(act, 'dropRole', { name: `${p}_temp`, reassignTo: `${p}_team` });
}

/** Whether the watcher reported the role created in psql within `ms`. */
async function reported(cluster: VersionedCluster, marker: string, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!(await externalOf(cluster)).some((event) => event.payload.name === marker)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

/** A role created in psql, awaited as an EXTERNAL event: the watcher has then read everything done before it. */
async function caughtUp(cluster: VersionedCluster, marker: string): Promise<void> {
  await sqlOn(cluster, `CREATE ROLE ${marker}`);
  if (!(await reported(cluster, marker, 15_000))) throw new Error(`the drift watcher never reported ${marker}`);
}

/** The watcher's first poll of a server is its baseline: markers until one is reported show it has one. */
async function watching(cluster: VersionedCluster): Promise<void> {
  for (let attempt = 1; attempt <= 20; attempt++) {
    await sqlOn(cluster, `CREATE ROLE ready_${attempt}_marker`);
    if (await reported(cluster, `ready_${attempt}_marker`, 1_000)) return;
  }
  throw new Error('the drift watcher never began watching');
}

/** The EXTERNAL events reported from now on (`since()` returns them). */
async function from(cluster: VersionedCluster) {
  const earlier = new Set((await externalOf(cluster)).map((event) => event.id));
  return async () => (await externalOf(cluster)).filter((event) => !earlier.has(event.id));
}

async function externalOf(cluster: VersionedCluster) {
  const events = await readExternalEvents(testApp.cluster.url('rolecall_metadata'));
  return events.filter((event) => event.port === cluster.port);
}

const notMarker = (event: { kind: string; name?: unknown }) =>
  !(event.kind === 'role.created' && String(event.name).endsWith('_marker'));

const described = (events: Awaited<ReturnType<typeof externalOf>>) =>
  events.map((event) => {
    const { observedSince: _, acl: __, ...rest } = event.payload;
    return { kind: event.kind, ...rest };
  });

describe.each(VERSIONS)('PostgreSQL %i: Rolecall’s own changes are never reported as outside it', (version) => {
  let cluster: VersionedCluster;
  let one: string;
  let two: string;

  const { unavailable } = clusterPerVersion(version, clusters, async (started) => {
    cluster = started;
    await prepare(cluster);
    one = await connectOn(admin, cluster, 'one', 'boss');
    two = await connectOn(admin, cluster, 'two', 'maker');
    await watching(cluster);
  });

  it('as a superuser: every kind of change, REASSIGN OWNED and DROP OWNED in another database included', async (test) => {
    if (unavailable(test)) return;
    const since = await from(cluster);
    // s_temp also holds a privilege in `two`, so dropping it cleans up there first.
    await applied(actor(admin, one), 'createRole', { input: { name: 's_other' } });
    await applied(actor(admin, two), 'grantPrivileges', {
      object: { kind: 'SCHEMA', name: 'spare' },
      grantee: 's_other',
      privileges: ['USAGE'],
    });
    await applied(actor(admin, one), 'dropRole', { name: 's_other' });
    await everyKindOfChange(actor(admin, one), 's');
    await caughtUp(cluster, 's_marker');
    expect(described(await since()).filter(notMarker)).toEqual([]);
  });

  it('as a CREATEROLE role that is not a superuser', async (test) => {
    if (unavailable(test)) return;
    const since = await from(cluster);
    // 16+ made maker a member of what it creates (createrole_self_grant); 15 needs it granted.
    await everyKindOfChange(actor(admin, two), 'm', version === 15 ? 'maker' : undefined);
    await caughtUp(cluster, 'm_marker');
    expect(described(await since()).filter(notMarker)).toEqual([]);
  });

  it('reports what psql did to the same role and object in the same interval, and only that', async (test) => {
    if (unavailable(test)) return;
    const since = await from(cluster);
    const act = actor(admin, one);
    await applied(act, 'createRole', { input: { name: 'x_role' } });
    await applied(act, 'alterRole', { name: 'x_role', attributes: { connectionLimit: 3 } });
    await sqlOn(cluster, 'ALTER ROLE x_role CREATEDB');
    await applied(act, 'grantPrivileges', { object: table('items'), grantee: 'x_role', privileges: ['SELECT'] });
    await sqlOn(cluster, 'GRANT UPDATE ON sales.items TO x_role', [], { database: 'one' });
    await caughtUp(cluster, 'x_marker');
    const external = described(await since()).filter(notMarker);
    expect(external).toEqual([
      expect.objectContaining({ kind: 'role.altered', name: 'x_role', changes: ['CREATEDB'] }),
      expect.objectContaining({
        kind: 'privileges.changed',
        object: 'sales.items',
        grantee: 'x_role',
        granted: ['UPDATE'],
        revoked: [],
      }),
    ]);
  });
});

describe('the suite-wide check', () => {
  it('catches a change Rolecall made without observing it: an EXTERNAL event no psql statement explains', async () => {
    const started = clusters[0];
    if (!started) return;
    // Runs as Rolecall's own connections do (application_name rolecall), so the check records no psql statement.
    const rolecall = new pg.Client({ connectionString: started.url(), application_name: 'rolecall' });
    await rolecall.connect();
    await rolecall.query('CREATE ROLE planted_unattributed');
    await rolecall.end();
    await caughtUp(started, 'planted_marker');
    const planted = (await externalOf(started)).filter((event) => event.payload.name === 'planted_unattributed');
    expect(planted).toHaveLength(1);
    expect(unexplainedExternalEvents(planted)).toEqual(planted);
    // Had psql run it in the event's interval, it would be explained.
    const at = Date.parse(String(planted[0]?.payload.observedSince)) + 1;
    const psqlDidIt = [{ port: started.port, text: 'CREATE ROLE planted_unattributed', at }];
    expect(unexplainedExternalEvents(planted, psqlDidIt)).toEqual([]);
    // Taken out of the log, or this file's own check would (rightly) fail on it.
    await testApp.sql('DELETE FROM "Event" WHERE id = $1', [planted[0]?.id], 'rolecall_metadata');
  });
});
