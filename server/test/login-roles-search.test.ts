import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secret, startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import { configureRole, connect, createLoginRole, createManagedDatabase, setupAdmin } from './support/fixtures.js';

let testApp: TestApp;
let admin: TestClient;
let shopId: string;

const LOGIN_ROLES = `query($id: ID!, $search: String, $configured: Boolean, $first: Int, $after: String) {
  database(id: $id) { ... on Database {
    loginRoles(search: $search, configured: $configured, first: $first, after: $after) {
      __typename ... on Error { message }
      ... on DatabaseLoginRolesConnection {
        totalCount nodes { rolname isConfigured } pageInfo { hasNextPage endCursor }
      }
    }
  } } }`;

interface Page {
  totalCount: number;
  nodes: { rolname: string; isConfigured: boolean }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

interface Filter {
  search?: string;
  configured?: boolean;
}

async function loginRoles(filter: Filter, first?: number, after?: string): Promise<Page> {
  const result = await admin.request<{ database: { loginRoles: Page } }>(LOGIN_ROLES, {
    id: shopId,
    ...filter,
    first,
    after,
  });
  expect(result.errors).toBeUndefined();
  const connection = result.data?.database.loginRoles as Page & { __typename: string };
  expect(connection.__typename).toBe('DatabaseLoginRolesConnection');
  return connection;
}

const names = async (filter: Filter) => (await loginRoles(filter)).nodes.map((node) => node.rolname);

/** PostgreSQL's own answer: the LOGIN roles `where` also selects, in byte order as Rolecall lists them. */
async function pgLoginRoles(where = 'true', values: unknown[] = []): Promise<string[]> {
  const rows = await testApp.sql<{ rolname: string }>(
    `SELECT rolname FROM pg_roles WHERE rolcanlogin AND (${where}) ORDER BY rolname COLLATE "C"`,
    values,
  );
  return rows.map((row) => row.rolname);
}

/** The roles whose password Rolecall stores, as its metadata says. */
async function storedRoles(): Promise<string[]> {
  const rows = await testApp.sql<{ rolname: string }>('SELECT rolname FROM "ConfiguredRole"', [], 'rolecall_metadata');
  return rows.map((row) => row.rolname);
}

beforeAll(async () => {
  testApp = await startTestApp();
  admin = testApp.client();
  await setupAdmin(admin);
  const shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
  // 400 roles, two thirds of them LOGIN, names in mixed case and with a non-ASCII letter.
  await testApp.sql(`DO $$ BEGIN
    FOR i IN 1..400 LOOP
      EXECUTE format('CREATE ROLE %I %s', CASE WHEN i % 5 = 0 THEN 'Clerk_' || i ELSE 'user_' || i || '_é' END,
        CASE WHEN i % 3 = 0 THEN 'NOLOGIN' ELSE 'LOGIN' END);
    END LOOP;
  END $$`);
  shopId = await connect(admin, testApp, shop);
  for (const role of ['clerk_one', 'Clerk_two', 'auditor']) {
    await configureRole(admin, shopId, role, await createLoginRole(testApp, role));
  }
}, 60_000);

afterAll(async () => {
  await testApp?.stop();
});

describe("loginRoles: the server's LOGIN roles a search and `configured` select, as PostgreSQL lists them", () => {
  it('lists every LOGIN role, and no other, without arguments', async () => {
    const everything = await loginRoles({});
    expect(everything.nodes.map((node) => node.rolname)).toEqual(await pgLoginRoles());
    expect(everything.totalCount).toBe(everything.nodes.length);
    expect(everything.totalCount).toBeGreaterThan(260);
  });

  it('finds by part of the name in any case, the non-ASCII letters too', async () => {
    expect(await names({ search: 'CLERK_' })).toEqual(await pgLoginRoles("rolname ILIKE '%clerk\\_%'"));
    expect((await names({ search: 'CLERK_' })).length).toBeGreaterThan(50);
    expect(await names({ search: '_É' })).toEqual(await pgLoginRoles("rolname LIKE '%\\_é%'"));
    expect(await names({ search: 'user_17_' })).toEqual(['user_17_é']);
    expect(await loginRoles({ search: 'no such role' })).toMatchObject({ totalCount: 0, nodes: [] });
  });

  it('keeps only the configured roles, or only the others', async () => {
    const stored = await storedRoles();
    expect(stored).toEqual(expect.arrayContaining(['shop_owner', 'clerk_one', 'Clerk_two', 'auditor']));
    const configured = await loginRoles({ configured: true });
    expect(configured.nodes.map((node) => node.rolname)).toEqual(await pgLoginRoles('rolname = ANY($1)', [stored]));
    expect(configured.nodes.every((node) => node.isConfigured)).toBe(true);
    const others = await loginRoles({ configured: false });
    expect(others.nodes.map((node) => node.rolname)).toEqual(await pgLoginRoles('rolname <> ALL($1)', [stored]));
    expect(others.nodes.some((node) => node.isConfigured)).toBe(false);
    expect(configured.totalCount + others.totalCount).toBe((await loginRoles({})).totalCount);
  });

  it('applies the search and `configured` together', async () => {
    const stored = await storedRoles();
    expect(await names({ search: 'clerk', configured: true })).toEqual(['Clerk_two', 'clerk_one']);
    expect(await names({ search: 'clerk', configured: false })).toEqual(
      await pgLoginRoles("rolname ILIKE '%clerk%' AND rolname <> ALL($1)", [stored]),
    );
  });

  it('pages through a search: the pages put together are the whole list, and each counts all of it', async () => {
    const whole = await names({ search: 'user' });
    const paged: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await loginRoles({ search: 'user' }, 50, after);
      expect(page.totalCount).toBe(whole.length);
      expect(page.nodes.length).toBeLessThanOrEqual(50);
      paged.push(...page.nodes.map((node) => node.rolname));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor ?? undefined;
    }
    expect(paged).toEqual(whole);
    expect(paged.length).toBeGreaterThan(200);
  });

  it('shows a role configured a moment ago among the configured ones at once', async () => {
    await configureRole(admin, shopId, 'user_1_é', await alterPassword('user_1_é'));
    expect(await names({ search: 'user_1_é', configured: true })).toEqual(['user_1_é']);
    expect(await names({ search: 'user_1_é', configured: false })).toEqual([]);
  });
});

/** Gives an existing LOGIN role a known password, as a DBA would before configuring it. */
async function alterPassword(role: string): Promise<string> {
  const password = secret('login');
  await testApp.sql(`ALTER ROLE "${role}" PASSWORD '${password}'`);
  return password;
}
