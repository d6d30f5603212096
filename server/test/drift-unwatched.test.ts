import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import { connect, createManagedDatabase, setupAdmin } from './support/fixtures.js';

/**
 * One database the drift watcher cannot read must not blind it to the others of its server: each database is read
 * as a role of its own collaborators, one that cannot be read is shown as unwatched (with the reason) and the others
 * are still watched, and it is watched again once it can be read.
 */

let testApp: TestApp;
let admin: TestClient;
let alphaId: string;
let betaId: string;

const WATCH = `query($id: ID!) { database(id: $id) { ... on Database { changesWatched unwatchedReason } } }`;

async function watchOf(databaseId: string): Promise<{ changesWatched: boolean; unwatchedReason: string | null }> {
  return admin.field(WATCH, { id: databaseId });
}

async function externalGrantsTo(grantee: string): Promise<number> {
  const rows = await testApp.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Event" WHERE source = 'EXTERNAL' AND kind = 'privileges.changed'
       AND payload->>'grantee' = $1`,
    [grantee],
    'rolecall_metadata',
  );
  return rows[0]?.n ?? 0;
}

async function endSessionsOn(database: string): Promise<void> {
  await testApp.sql(
    'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
    [database],
  );
}

beforeAll(async () => {
  testApp = await startTestApp({ DRIFT_INTERVAL_MS: '300' });
  admin = testApp.client();
  await setupAdmin(admin);
  alphaId = await connect(admin, testApp, await createManagedDatabase(testApp, 'alpha', 'alpha_owner'));
  betaId = await connect(admin, testApp, await createManagedDatabase(testApp, 'beta', 'beta_owner'));
  await testApp.sql('CREATE ROLE watcher_probe_a; CREATE ROLE watcher_probe_b; CREATE ROLE watcher_probe_c');
  await testApp.sql('CREATE TABLE t (id int)', [], 'beta');
  await testApp.sql('CREATE TABLE t (id int)', [], 'alpha');
});

afterAll(async () => {
  await testApp?.stop();
});

describe('a database the drift watcher cannot read', () => {
  it('is shown as unwatched with the reason, while changes in the other databases are still reported', async () => {
    expect(await watchOf(alphaId)).toEqual({ changesWatched: true, unwatchedReason: null });
    // Nobody Rolecall logs in as may connect to alpha any more, its owner included.
    await testApp.sql('REVOKE CONNECT ON DATABASE alpha FROM PUBLIC, alpha_owner, beta_owner');
    // CONNECT is checked when a session starts: end the ones Rolecall's pools hold open.
    await endSessionsOn('alpha');
    await expect.poll(() => watchOf(alphaId), { timeout: 20_000 }).toMatchObject({ changesWatched: false });
    // A poll may first meet a pooled session the test ended; the next one meets the refusal itself.
    await expect
      .poll(async () => (await watchOf(alphaId)).unwatchedReason, { timeout: 20_000 })
      .toMatch(/permission denied for database "?alpha"?/);
    expect(await watchOf(betaId)).toEqual({ changesWatched: true, unwatchedReason: null });

    await testApp.sql('GRANT SELECT ON t TO watcher_probe_a', [], 'beta');
    await expect.poll(() => externalGrantsTo('watcher_probe_a'), { timeout: 20_000 }).toBe(1);
  });

  it('is watched again, by itself, once it can be read, and its changes are reported again', async () => {
    await testApp.sql('GRANT CONNECT ON DATABASE alpha TO alpha_owner');
    await expect.poll(() => watchOf(alphaId), { timeout: 20_000 }).toMatchObject({ changesWatched: true });
    expect((await watchOf(alphaId)).unwatchedReason).toBeNull();
    await testApp.sql('GRANT SELECT ON t TO watcher_probe_b', [], 'alpha');
    await expect.poll(() => externalGrantsTo('watcher_probe_b'), { timeout: 20_000 }).toBe(1);
  });

  it('is read as a role of its own collaborators, so another database losing CONNECT for its role blinds nothing', async () => {
    // beta's own role may not connect to alpha: alpha is still read, as alpha_owner.
    await testApp.sql('REVOKE CONNECT ON DATABASE alpha FROM beta_owner');
    await endSessionsOn('alpha');
    await testApp.sql('GRANT SELECT ON t TO watcher_probe_c', [], 'alpha');
    await expect.poll(() => externalGrantsTo('watcher_probe_c'), { timeout: 20_000 }).toBe(1);
    expect(await watchOf(alphaId)).toEqual({ changesWatched: true, unwatchedReason: null });
    expect(await watchOf(betaId)).toEqual({ changesWatched: true, unwatchedReason: null });
  });
});
