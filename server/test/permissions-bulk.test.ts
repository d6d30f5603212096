import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import { connect, createLoginRole, createManagedDatabase, setupAdmin } from './support/fixtures.js';
import {
  type Act,
  actor,
  collaboratorThrough,
  eventCount,
  expectApplied,
  expectDryRun,
  expectNothingChanged,
} from './support/permissions.js';

let testApp: TestApp;
let owner: Act;
let clerk: Act;

/** Schema names with a quote and a space: the SQL must quote them exactly. */
const SCHEMA = 'big "sales" 2026';

/** What PostgreSQL says `role` may do on each relation of the schema, by name. */
async function access(role: string): Promise<Record<string, boolean>> {
  const rows = await testApp.sql<{ name: string; ok: boolean }>(
    `SELECT c.relname AS name,
            CASE WHEN c.relkind = 'S' THEN has_sequence_privilege($1, c.oid, 'USAGE')
                 ELSE has_table_privilege($1, c.oid, 'SELECT') END AS ok
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $2 AND c.relkind IN ('r', 'v', 'm', 'p', 'f', 'S')
      ORDER BY c.relname`,
    [role, SCHEMA],
    'shop',
  );
  return Object.fromEntries(rows.map((row) => [row.name, row.ok]));
}

beforeAll(async () => {
  testApp = await startTestApp();
  const admin: TestClient = testApp.client();
  await setupAdmin(admin);
  const shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
  const clerkPassword = await createLoginRole(testApp, 'clerk');
  await testApp.sql(
    'CREATE ROLE analysts; CREATE ROLE other_owner; GRANT CONNECT ON DATABASE shop TO clerk',
    [],
    'shop',
  );
  await testApp.sql(
    `CREATE SCHEMA "big ""sales"" 2026" AUTHORIZATION shop_owner;
     SET ROLE shop_owner;
     CREATE TABLE "big ""sales"" 2026".orders (id serial PRIMARY KEY);
     CREATE TABLE "big ""sales"" 2026"."Line ""items""" (id int);
     CREATE VIEW "big ""sales"" 2026".totals AS SELECT count(*) FROM "big ""sales"" 2026".orders;
     RESET ROLE;
     CREATE TABLE "big ""sales"" 2026".not_ours (id int); ALTER TABLE "big ""sales"" 2026".not_ours OWNER TO other_owner;`,
    [],
    'shop',
  );
  const shopId = await connect(admin, testApp, shop);
  owner = actor(admin, shopId);
  clerk = actor(await collaboratorThrough(testApp, admin, shopId, 'carl', 'clerk', clerkPassword), shopId);
});

afterAll(async () => {
  await testApp?.stop();
});

describe('grantOnAllTables: every table and sequence of a schema in one previewed change', () => {
  const args = {
    schema: SCHEMA,
    grantee: 'analysts',
    privileges: ['SELECT'],
    sequencePrivileges: ['USAGE'],
    withSchemaUsage: true,
  };
  const sql = [
    'GRANT USAGE ON SCHEMA "big ""sales"" 2026" TO "analysts"',
    'GRANT SELECT ON ALL TABLES IN SCHEMA "big ""sales"" 2026" TO "analysts"',
    'GRANT USAGE ON ALL SEQUENCES IN SCHEMA "big ""sales"" 2026" TO "analysts"',
  ];
  // PostgreSQL's own verdict on a table the acting role may use but not grant on.
  const notOurs = 'no privileges were granted for "not_ours"';

  it('is refused as PostgreSQL refuses it when one table is not the role’s at all, in the preview as on apply', async () => {
    const events = await eventCount(testApp);
    for (const dryRun of [true, false]) {
      expect(await owner('grantOnAllTables', args, dryRun)).toMatchObject({
        __typename: 'PermissionDeniedError',
        sqlstate: '42501',
        message: 'permission denied for table not_ours',
      });
    }
    expect(Object.values(await access('analysts')).some(Boolean)).toBe(false);
    expect(await eventCount(testApp)).toBe(events);
  });

  it('previews the exact statements and PostgreSQL’s warning for a table it may use but not grant on', async () => {
    await testApp.sql('GRANT SELECT ON "big ""sales"" 2026".not_ours TO shop_owner', [], 'shop');
    expectDryRun(await owner('grantOnAllTables', args, true), sql, [notOurs]);
    expect(Object.values(await access('analysts')).some(Boolean)).toBe(false);
  });
  it('applies them in one change: every table, view and sequence it may grant on, one event', async () => {
    const events = await eventCount(testApp);
    await expectApplied(testApp, await owner('grantOnAllTables', args), sql, [notOurs]);
    expect(await eventCount(testApp)).toBe(events + 1);
    expect(await access('analysts')).toEqual({
      'Line "items"': true,
      not_ours: false,
      orders: true,
      orders_id_seq: true,
      totals: true,
    });
  });

  it('is NothingChanged when everything is granted already; a role with no rights there is refused', async () => {
    const again = ['GRANT SELECT ON ALL TABLES IN SCHEMA "big ""sales"" 2026" TO "analysts"'];
    const events = await eventCount(testApp);
    const repeat = await owner('grantOnAllTables', { schema: SCHEMA, grantee: 'analysts', privileges: ['SELECT'] });
    await expectNothingChanged(testApp, events, repeat, again, [notOurs]);
    const refused = await clerk('grantOnAllTables', { schema: SCHEMA, grantee: 'analysts', privileges: ['INSERT'] });
    expect(refused).toMatchObject({ __typename: 'PermissionDeniedError', sqlstate: '42501' });
    expect(await eventCount(testApp)).toBe(events);
  });

  it('refuses an unknown schema, a privilege tables do not have, and an empty request, changing nothing', async () => {
    expect(
      await owner('grantOnAllTables', { schema: 'nope', grantee: 'analysts', privileges: ['SELECT'] }),
    ).toMatchObject({ __typename: 'NotFoundError' });
    expect(
      await owner('grantOnAllTables', { schema: SCHEMA, grantee: 'analysts', privileges: ['USAGE'] }),
    ).toMatchObject({ __typename: 'ValidationError' });
    expect(await owner('grantOnAllTables', { schema: SCHEMA, grantee: 'analysts', privileges: [] })).toMatchObject({
      __typename: 'ValidationError',
      field: 'privileges',
    });
  });
});
