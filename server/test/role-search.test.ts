import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import { configureRole, connect, createLoginRole, createManagedDatabase, setupAdmin } from './support/fixtures.js';

let testApp: TestApp;
let admin: TestClient;
let shopId: string;

const SEARCH = `query($id: ID!, $filter: RoleFilter, $first: Int, $after: String) {
  database(id: $id) { ... on Database { catalog { ... on DatabaseCatalog {
    rolesConnection(filter: $filter, first: $first, after: $after) {
      totalCount nodes { name } pageInfo { hasNextPage endCursor }
    }
  } } } } }`;

interface Page {
  totalCount: number;
  nodes: { name: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function search(filter: Record<string, unknown>, first?: number, after?: string): Promise<Page> {
  const result = await admin.request<{ database: { catalog: { rolesConnection: Page } } }>(SEARCH, {
    id: shopId,
    filter,
    first,
    after,
  });
  expect(result.errors).toBeUndefined();
  return result.data?.database.catalog.rolesConnection as Page;
}

/** PostgreSQL's own answer: the role names `where` selects from pg_roles, in byte order as Rolecall sorts them. */
async function pgRoles(where: string, values: unknown[] = []): Promise<string[]> {
  const rows = await testApp.sql<{ rolname: string }>(
    `SELECT rolname FROM pg_roles r WHERE ${where} ORDER BY rolname COLLATE "C"`,
    values,
  );
  return rows.map((row) => row.rolname);
}

beforeAll(async () => {
  testApp = await startTestApp();
  admin = testApp.client();
  await setupAdmin(admin);
  const shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
  // 600 roles: groups and logins, some with powers, a few members of two groups, names in mixed case and unicode.
  await testApp.sql(`DO $$ BEGIN
    FOR i IN 1..600 LOOP
      EXECUTE format('CREATE ROLE %I %s %s', CASE WHEN i % 7 = 0 THEN 'Sales_' || i ELSE 'team_' || i || '_é' END,
        CASE WHEN i % 3 = 0 THEN 'LOGIN' ELSE 'NOLOGIN' END,
        CASE WHEN i % 50 = 0 THEN 'CREATEDB' WHEN i % 97 = 0 THEN 'BYPASSRLS' ELSE '' END);
    END LOOP;
    CREATE ROLE "Reporting Group"; CREATE ROLE auditors;
    FOR i IN 1..600 BY 11 LOOP
      EXECUTE format('GRANT "Reporting Group" TO %I', CASE WHEN i % 7 = 0 THEN 'Sales_' || i ELSE 'team_' || i || '_é' END);
    END LOOP;
  END $$`);
  shopId = await connect(admin, testApp, shop);
  await configureRole(admin, shopId, 'clerk', await createLoginRole(testApp, 'clerk'));
});

afterAll(async () => {
  await testApp?.stop();
});

describe('rolesConnection: the roles a filter selects, as PostgreSQL lists them', () => {
  it('finds by part of the name in any case, the unicode letters too', async () => {
    const found = await search({ search: 'SALES_' });
    expect(found.nodes.map((node) => node.name)).toEqual(await pgRoles("rolname ILIKE '%sales\\_%'"));
    expect(found.totalCount).toBe(found.nodes.length);
    expect(found.totalCount).toBeGreaterThan(80);
    expect((await search({ search: '_É' })).totalCount).toBe((await pgRoles("rolname LIKE '%\\_é%'")).length);
  });

  it('filters LOGIN and group roles, powers, predefined ones and those Rolecall has configured', async () => {
    const names = async (filter: Record<string, unknown>) => (await search(filter)).nodes.map((node) => node.name);
    expect(await names({ login: true, predefined: false })).toEqual(
      await pgRoles("rolcanlogin AND rolname NOT LIKE 'pg\\_%'"),
    );
    expect(await names({ login: false, predefined: false })).toEqual(
      await pgRoles("NOT rolcanlogin AND rolname NOT LIKE 'pg\\_%'"),
    );
    expect(await names({ predefined: true })).toEqual(await pgRoles("rolname LIKE 'pg\\_%'"));
    expect(await names({ power: 'CREATEDB' })).toEqual(await pgRoles('rolcreatedb'));
    expect(await names({ power: 'BYPASSRLS' })).toEqual(await pgRoles('rolbypassrls'));
    expect(await names({ power: 'SUPERUSER' })).toEqual(await pgRoles('rolsuper'));
    expect(await names({ configured: true })).toEqual(['clerk', 'shop_owner']);
    expect(await names({ configured: true, search: 'CLERK' })).toEqual(['clerk']);
  });

  it('lists the direct members of a group, combined with the other filters', async () => {
    const members = `r.oid IN (SELECT member FROM pg_auth_members
       WHERE roleid = (SELECT oid FROM pg_roles WHERE rolname = 'Reporting Group'))`;
    const found = await search({ memberOf: 'Reporting Group' });
    expect(found.nodes.map((node) => node.name)).toEqual(await pgRoles(members));
    expect(found.totalCount).toBe(55);
    const logins = await search({ memberOf: 'Reporting Group', login: true });
    expect(logins.nodes.map((node) => node.name)).toEqual(await pgRoles(`${members} AND rolcanlogin`));
    expect((await search({ memberOf: 'nobody by this name' })).totalCount).toBe(0);
  });

  it('lists who may still be added to a group: neither a direct member nor the group itself', async () => {
    const members = `r.oid IN (SELECT member FROM pg_auth_members
       WHERE roleid = (SELECT oid FROM pg_roles WHERE rolname = 'Reporting Group'))`;
    const found = await search({ notMemberOf: 'Reporting Group', search: '_1' });
    const expected = await pgRoles(`NOT ${members} AND rolname <> 'Reporting Group' AND strpos(rolname, '_1') > 0`);
    expect(found.nodes.map((node) => node.name)).toEqual(expected);
    expect(found.totalCount).toBe(expected.length);
    const everyone = await search({ notMemberOf: 'Reporting Group' });
    expect(everyone.nodes.map((node) => node.name)).not.toContain('Reporting Group');
    expect(everyone.totalCount + 55 + 1).toBe((await pgRoles('true')).length);
  });

  it('pages through every match exactly once, totalCount counting them all', async () => {
    const all = await pgRoles("rolname NOT LIKE 'pg\\_%'");
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await search({ predefined: false }, 100, after);
      expect(page.totalCount).toBe(all.length);
      expect(page.nodes.length).toBeLessThanOrEqual(100);
      seen.push(...page.nodes.map((node) => node.name));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor ?? undefined;
    }
    expect(seen).toEqual(all);
  });
});
