import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import { connect, createLoginRole, createManagedDatabase, ERROR_FIELDS, setupAdmin } from './support/fixtures.js';
import { catalogOf, collaboratorThrough } from './support/permissions.js';

/** Short enough to watch eviction, long enough that a busy machine checks a pool before it goes. */
const IDLE_MS = 1_000;

const CURRENT_ROLE = `query($id: ID!) { database(id: $id) { ... on Database {
  catalog { ${ERROR_FIELDS} ... on DatabaseCatalog { currentRole } } } } }`;

interface Backend {
  pid: number;
  usename: string;
  superuser: boolean;
}

let testApp: TestApp;
let shopId: string;
let admin: TestClient;
let clerk: TestClient;
let auditor: TestClient;

/** The connections Rolecall holds to the managed database, as PostgreSQL lists them. */
async function rolecallBackends(): Promise<Backend[]> {
  return testApp.sql<Backend>(
    `SELECT a.pid, a.usename, r.rolsuper AS superuser FROM pg_stat_activity a JOIN pg_roles r ON r.oid = a.usesysid
      WHERE a.application_name = 'rolecall' AND a.datname = 'shop' ORDER BY a.usename, a.pid`,
  );
}

const pools = () => testApp.app.services.pools;

async function currentRole(client: TestClient): Promise<unknown> {
  const database = await client.field<{ catalog: { currentRole?: string } }>(CURRENT_ROLE, { id: shopId });
  return database.catalog.currentRole;
}

async function expectAllClosed(): Promise<void> {
  await expect.poll(rolecallBackends, { timeout: 10 * IDLE_MS }).toEqual([]);
  await expect.poll(() => pools().size, { timeout: 10 * IDLE_MS }).toBe(0);
}

beforeAll(async () => {
  // No drift polling: its reads would open pools of their own while the test counts them.
  testApp = await startTestApp({ POOL_IDLE_MS: String(IDLE_MS), DRIFT_INTERVAL_MS: String(3_600_000) });
  admin = testApp.client();
  await setupAdmin(admin);
  const shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
  shopId = await connect(admin, testApp, shop);
  clerk = await collaboratorThrough(testApp, admin, shopId, 'carl', 'clerk', await createLoginRole(testApp, 'clerk'));
  auditor = await collaboratorThrough(
    testApp,
    admin,
    shopId,
    'ada',
    'auditor',
    await createLoginRole(testApp, 'auditor'),
  );
});

afterAll(async () => {
  await testApp?.stop();
});

describe('pools of connections to a managed server', () => {
  it("a collaborator's catalog read opens a pool of their role, which closes its connections and goes once idle", async () => {
    // The logins that proved the passwords were single connections, not pools: nothing is open yet.
    await expectAllClosed();
    expect(await catalogOf(clerk, shopId, 'schemas { name }')).toMatchObject({
      schemas: expect.arrayContaining([{ name: 'public' }]),
    });
    const [pool] = pools().openPools();
    expect(pools().openPools()).toEqual([
      {
        host: '127.0.0.1',
        port: testApp.cluster.port,
        database: 'shop',
        role: 'clerk',
        connections: expect.any(Number),
      },
    ]);
    // Its resolvers read in parallel, so the pool may hold more than one connection: all of them as clerk.
    const open = await rolecallBackends();
    expect(open).toHaveLength(pool?.connections ?? -1);
    expect(open.every(({ usename, superuser }) => usename === 'clerk' && !superuser)).toBe(true);

    await expectAllClosed();

    expect(await currentRole(clerk)).toBe('clerk');
    const reopened = await rolecallBackends();
    expect(reopened).toEqual([{ pid: expect.any(Number), usename: 'clerk', superuser: false }]);
    expect(open.map((backend) => backend.pid)).not.toContain(reopened[0]?.pid);
    expect(pools().openPools()).toMatchObject([{ database: 'shop', role: 'clerk' }]);
    await expectAllClosed();
  });

  it('collaborators with different roles get separate pools, each logged in as its own role and no other', async () => {
    const [clerkRole, auditorRole] = await Promise.all([currentRole(clerk), currentRole(auditor)]);
    expect({ clerkRole, auditorRole }).toEqual({ clerkRole: 'clerk', auditorRole: 'auditor' });
    const roles = pools()
      .openPools()
      .map((pool) => `${pool.database} as ${pool.role}`)
      .sort();
    expect(roles).toEqual(['shop as auditor', 'shop as clerk']);
    // The login role of every connection: never the owner that connected the database, never a superuser.
    const logins = (await rolecallBackends()).map(({ usename, superuser }) => ({ usename, superuser }));
    expect([...new Set(logins.map((login) => login.usename))]).toEqual(['auditor', 'clerk']);
    expect(logins.every((login) => !login.superuser)).toBe(true);
  });

  it("disconnecting a database closes Rolecall's pools and connections to it at once", async () => {
    await Promise.all([currentRole(clerk), currentRole(auditor)]);
    expect(pools().size).toBe(2);
    const result = await admin.field(`mutation($id: ID!) { disconnectDatabase(id: $id) { ${ERROR_FIELDS} } }`, {
      id: shopId,
    });
    expect(result.__typename).toBe('Removed');
    expect(pools().openPools()).toEqual([]);
    // pg_stat_activity lists a backend until it has finished exiting.
    await expect.poll(rolecallBackends, { timeout: 1_000 }).toEqual([]);
  });
});
