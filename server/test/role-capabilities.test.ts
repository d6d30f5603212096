import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import { connect, createManagedDatabase, setupAdmin } from './support/fixtures.js';

/**
 * Role.dependencies on the embedded cluster, as `dba` (CREATEROLE, owner of `shop`) sees it. Role.viewerCan, compared
 * with PostgreSQL itself on PostgreSQL 15, 16, 17 and 18, is in role-capabilities-versions.test.ts.
 */
let testApp: TestApp;
let admin: TestClient;
let shopId: string;

beforeAll(async () => {
  testApp = await startTestApp();
  admin = testApp.client();
  await setupAdmin(admin);
  const shop = await createManagedDatabase(testApp, 'shop', 'dba');
  shopId = await connect(admin, testApp, shop);
});

afterAll(async () => {
  await testApp?.stop();
});

describe('Role.dependencies', () => {
  it('counts the objects a role owns in each database, which DROP ROLE needs reassigned first', async () => {
    await testApp.sql(
      'CREATE ROLE table_owner; CREATE TABLE owned (id int); ALTER TABLE owned OWNER TO table_owner',
      [],
      'shop',
    );
    const data = await admin.field<{
      catalog: { role: { dependencies: { database: string; owned: number; privileges: number }[] } };
    }>(
      `query($id: ID!) { database(id: $id) { ... on Database { catalog { ... on DatabaseCatalog {
        role(name: "table_owner") { dependencies { database owned privileges } } } } } } }`,
      { id: shopId },
    );
    expect(data.catalog.role.dependencies).toEqual([{ database: 'shop', owned: 1, privileges: 0 }]);
  });
});
