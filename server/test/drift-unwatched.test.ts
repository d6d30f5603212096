import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import { setupAdmin } from './support/fixtures.js';
import { externalGrantsTo } from './support/permissions.js';
import {
  clusterPerVersion,
  connectOn,
  type PostgresVersion,
  sqlOn,
  type VersionedCluster,
} from './support/versions.js';

/**
 * One database the drift watcher cannot read must not blind it to the others of its server: each database is read
 * as a role of its own collaborators, one that cannot be read is shown as unwatched (with the reason) and the others
 * are still watched, and it is watched again once it can be read. On PostgreSQL 15, 16, 17 and 18.
 */

const VERSIONS: PostgresVersion[] = [15, 16, 17, 18];

let testApp: TestApp;
let admin: TestClient;
const clusters: VersionedCluster[] = [];

const WATCH = `query($id: ID!) { database(id: $id) { ... on Database { changesWatched unwatchedReason } } }`;

async function watchOf(databaseId: string): Promise<{ changesWatched: boolean; unwatchedReason: string | null }> {
  return admin.field(WATCH, { id: databaseId });
}

beforeAll(async () => {
  testApp = await startTestApp({ DRIFT_INTERVAL_MS: '300' });
  admin = testApp.client();
  await setupAdmin(admin);
});

afterAll(async () => {
  await testApp?.stop();
  await Promise.all(clusters.map((cluster) => cluster.stop()));
});

describe.each(VERSIONS)('PostgreSQL %i: a database the drift watcher cannot read', (version) => {
  let alphaId: string;
  let betaId: string;
  // Events of every version's cluster go to one log: probes are named per version.
  const probe = (letter: string) => `watcher_probe_${letter}_${version}`;

  const { cluster, unavailable } = clusterPerVersion(version, clusters, async (started) => {
    await sqlOn(started, 'CREATE ROLE alpha_owner LOGIN CREATEROLE; CREATE ROLE beta_owner LOGIN CREATEROLE');
    await sqlOn(started, 'CREATE DATABASE alpha OWNER alpha_owner');
    await sqlOn(started, 'CREATE DATABASE beta OWNER beta_owner');
    await sqlOn(started, ['w', 'a', 'b', 'c'].map((letter) => `CREATE ROLE ${probe(letter)}`).join('; '));
    await sqlOn(started, 'CREATE TABLE t (id int)', [], { database: 'alpha' });
    await sqlOn(started, 'CREATE TABLE t (id int)', [], { database: 'beta' });
    alphaId = await connectOn(admin, started, 'alpha', 'alpha_owner');
    betaId = await connectOn(admin, started, 'beta', 'beta_owner');
  });

  /** CONNECT is checked when a session starts: end the ones Rolecall's pools hold open. */
  const endSessionsOn = (database: string) =>
    sqlOn(
      cluster(),
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [database],
    );

  it('is shown as unwatched with the reason, while changes in the other databases are still reported', async (test) => {
    if (unavailable(test)) return;
    // A change is found against the watcher's first read of a database (one made before it is the state it starts
    // from): psql grants, one more each try, until one is reported say beta has been read.
    const privileges = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'];
    const reported = async () => {
      const next = privileges.shift();
      if (next) await sqlOn(cluster(), `GRANT ${next} ON t TO ${probe('w')}`, [], { database: 'beta' });
      return externalGrantsTo(testApp, probe('w'));
    };
    await expect.poll(reported, { timeout: 20_000, interval: 700 }).toBeGreaterThan(0);
    expect(await watchOf(alphaId)).toEqual({ changesWatched: true, unwatchedReason: null });
    // Nobody Rolecall logs in as may connect to alpha any more, its owner included.
    await sqlOn(cluster(), 'REVOKE CONNECT ON DATABASE alpha FROM PUBLIC, alpha_owner, beta_owner');
    await endSessionsOn('alpha');
    await expect.poll(() => watchOf(alphaId), { timeout: 20_000 }).toMatchObject({ changesWatched: false });
    // A poll may first meet a pooled session the test ended; the next one meets the refusal itself.
    await expect
      .poll(async () => (await watchOf(alphaId)).unwatchedReason, { timeout: 20_000 })
      .toMatch(/permission denied for database "?alpha"?/);
    expect(await watchOf(betaId)).toEqual({ changesWatched: true, unwatchedReason: null });

    await sqlOn(cluster(), `GRANT SELECT ON t TO ${probe('a')}`, [], { database: 'beta' });
    await expect.poll(() => externalGrantsTo(testApp, probe('a')), { timeout: 20_000 }).toBe(1);
  });

  it('is watched again, by itself, once it can be read, and its changes are reported again', async (test) => {
    if (unavailable(test)) return;
    await sqlOn(cluster(), 'GRANT CONNECT ON DATABASE alpha TO alpha_owner');
    await expect.poll(() => watchOf(alphaId), { timeout: 20_000 }).toMatchObject({ changesWatched: true });
    expect((await watchOf(alphaId)).unwatchedReason).toBeNull();
    await sqlOn(cluster(), `GRANT SELECT ON t TO ${probe('b')}`, [], { database: 'alpha' });
    await expect.poll(() => externalGrantsTo(testApp, probe('b')), { timeout: 20_000 }).toBe(1);
  });

  it('is read as a role of its own collaborators, so another database losing CONNECT for its role blinds nothing', async (test) => {
    if (unavailable(test)) return;
    // beta's own role may not connect to alpha: alpha is still read, as alpha_owner.
    await sqlOn(cluster(), 'REVOKE CONNECT ON DATABASE alpha FROM beta_owner');
    await endSessionsOn('alpha');
    await sqlOn(cluster(), `GRANT SELECT ON t TO ${probe('c')}`, [], { database: 'alpha' });
    await expect.poll(() => externalGrantsTo(testApp, probe('c')), { timeout: 20_000 }).toBe(1);
    expect(await watchOf(alphaId)).toEqual({ changesWatched: true, unwatchedReason: null });
    expect(await watchOf(betaId)).toEqual({ changesWatched: true, unwatchedReason: null });
  });
});
