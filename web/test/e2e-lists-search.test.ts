import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secret, startTestApp, type TestApp } from '../../server/test/support/app.js';
import { connect, createManagedDatabase, createUser, setupAdmin, signIn } from '../../server/test/support/fixtures.js';
import { chromiumAvailable, launchChromium, pageSignedInAs } from './support/browser.js';

const available = chromiumAvailable();

/** LOGIN roles of this test: ls_00001 … ls_02000 (ROLECALL_SCALE_ROLES=9000 for issue 14's catalog). */
const ROLES = Number(process.env.ROLECALL_SCALE_ROLES ?? 2_000);
const name = (index: number) => `ls_${String(index).padStart(5, '0')}`;
/** The role configured through the UI: a DBA gave it a password. */
const TARGET = name(1234);
const targetPassword = secret(TARGET);

let testApp: TestApp;
let browser: Browser;
let page: Page;
let tabUrl: string;

const section = () => page.getByRole('region', { name: 'Role configuration' });
const shown = () => page.getByTestId('login-roles-shown');
const loginRow = (role: string) => page.locator(`tr[data-login-role="${role}"]`);
const renderedRows = () => page.locator('tr[data-login-role]').count();
const countIn = async (text: Promise<string | null>) => Number(((await text) ?? '').replace(/\D/g, ''));

/** The roles Rolecall stores a password for, by its metadata, in the order the list shows them. */
async function storedRoles(): Promise<string[]> {
  const rows = await testApp.sql<{ rolname: string }>(
    'SELECT rolname FROM "ConfiguredRole" ORDER BY rolname COLLATE "C"',
    [],
    'rolecall_metadata',
  );
  return rows.map((row) => row.rolname);
}

/** Logs in to PostgreSQL as `role`: the password is the role's own, whatever Rolecall says. */
async function postgresLogin(role: string, password: string): Promise<string> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port: testApp.cluster.port,
    database: 'shop',
    user: role,
    password,
  });
  await client.connect();
  try {
    return (await client.query<{ current_user: string }>('SELECT current_user')).rows[0]?.current_user ?? '';
  } finally {
    await client.end();
  }
}

describe.skipIf(!available)('a search box on every list, and Role configuration at thousands of LOGIN roles', () => {
  beforeAll(async () => {
    testApp = await startTestApp({ DRIFT_INTERVAL_MS: '500' });
    const shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
    const warehouse = await createManagedDatabase(testApp, 'warehouse', 'warehouse_owner');
    await testApp.sql(`DO $$ BEGIN
      FOR i IN 1..${ROLES} LOOP
        EXECUTE format('CREATE ROLE %I LOGIN', 'ls_' || lpad(i::text, 5, '0'));
      END LOOP;
    END $$`);
    await testApp.sql(`ALTER ROLE ${TARGET} PASSWORD '${targetPassword}'`);
    const adminClient = testApp.client();
    const { password } = await setupAdmin(adminClient);
    await signIn(adminClient, 'admin', password);
    const shopId = await connect(adminClient, testApp, shop);
    await connect(adminClient, testApp, warehouse);
    for (const username of ['ana', 'bob', 'carla']) await createUser(adminClient, username);
    tabUrl = `${testApp.url}/databases/${encodeURIComponent(shopId)}/role-configuration`;
    browser = await launchChromium();
    page = await pageSignedInAs(browser, testApp.url, adminClient);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
  });

  it('holds at most 300 login role rows in the page while its count says there are thousands, scrolled to the end too', async () => {
    await page.goto(tabUrl);
    await expect.poll(() => shown().textContent(), { timeout: 30_000 }).toMatch(/^[\d,]+ login roles$/);
    expect(await countIn(shown().textContent())).toBeGreaterThanOrEqual(ROLES);
    await loginRow(name(1)).waitFor();
    expect(await renderedRows()).toBeLessThanOrEqual(300);
    expect(await page.getByTestId('role-configuration-intro').textContent()).toContain('configured roles');

    // Scrolling down reads the next pages; the page still holds only the rows in view.
    const box = section().locator('.virtual-rows');
    const scrolledRows = async () => {
      await box.evaluate((element) => {
        element.scrollTop = element.scrollHeight;
      });
      return page.locator('tr[data-login-role^="ls_005"]').count();
    };
    await expect.poll(scrolledRows, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await loginRow(name(1)).count()).toBe(0);
    expect(await renderedRows()).toBeLessThanOrEqual(300);
  });

  it('finds one login role by part of its name, in any case', async () => {
    await page.getByLabel('Search login roles').fill(TARGET.toUpperCase());
    await expect.poll(() => shown().textContent()).toBe(`1 login role matching “${TARGET.toUpperCase()}”`);
    await loginRow(TARGET).waitFor();
    expect(await renderedRows()).toBe(1);
    expect(await loginRow(TARGET).textContent()).toContain('no');

    await page.getByLabel('Search login roles').fill('no such role');
    await expect.poll(() => section().getByText('No login role matches.').isVisible()).toBe(true);
    expect(await renderedRows()).toBe(0);
  });

  it('configures the found role with its password: PostgreSQL refuses a wrong one and accepts it, and the row says stored', async () => {
    await page.getByLabel('Search login roles').fill(TARGET);
    const row = loginRow(TARGET);
    await row.getByRole('button', { name: 'Configure' }).click();
    await row.getByLabel(`Password of ${TARGET}`).fill('not the password');
    await row.getByRole('button', { name: 'Verify and store' }).click();
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'password authentication failed' }).count())
      .toBe(1);
    expect(await row.getByLabel(`Password of ${TARGET}`).isVisible()).toBe(true);
    expect(await storedRoles()).not.toContain(TARGET);

    await row.getByLabel(`Password of ${TARGET}`).fill(targetPassword);
    await row.getByRole('button', { name: 'Verify and store' }).click();
    await expect.poll(() => row.textContent()).toContain('stored, verified');
    expect(await row.getByRole('button', { name: 'Change password' }).isVisible()).toBe(true);
    expect(await storedRoles()).toContain(TARGET);
    const [stored] = await testApp.sql<{ verified: boolean }>(
      'SELECT "verifiedAt" IS NOT NULL AS verified FROM "ConfiguredRole" WHERE rolname = $1',
      [TARGET],
      'rolecall_metadata',
    );
    expect(stored?.verified).toBe(true);
    expect(await postgresLogin(TARGET, targetPassword)).toBe(TARGET);
  });

  it('lists only the configured login roles with "configured only", and all of them again without it', async () => {
    await page.getByLabel('Search login roles').fill('');
    await page.getByLabel('configured only').check();
    const stored = await storedRoles();
    expect(stored).toEqual(['ls_01234', 'shop_owner', 'warehouse_owner']);
    await expect
      .poll(() => shown().textContent())
      .toBe(`${stored.length} configured login role${stored.length === 1 ? '' : 's'}`);
    await expect
      .poll(() => page.locator('tr[data-login-role]').evaluateAll((rows) => rows.map((row) => row.dataset.loginRole)))
      .toEqual(stored);

    await page.getByLabel('Search login roles').fill('owner');
    await expect.poll(() => shown().textContent()).toBe('2 configured login roles matching “owner”');

    await page.getByLabel('Search login roles').fill('');
    await page.getByLabel('configured only').uncheck();
    await expect.poll(() => shown().textContent()).toMatch(/^[\d,]+ login roles$/);
    expect(await countIn(shown().textContent())).toBeGreaterThanOrEqual(ROLES);
  });

  it('shows a LOGIN role created in psql on the open, searched tab, without a reload', async () => {
    await page.getByLabel('Search login roles').fill('ls_made_in_psql');
    await expect.poll(() => section().getByText('No login role matches.').isVisible()).toBe(true);
    await testApp.sql('CREATE ROLE ls_made_in_psql LOGIN');
    await expect.poll(() => loginRow('ls_made_in_psql').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await shown().textContent()).toBe('1 login role matching “ls_made_in_psql”');
  });

  it('searches the databases by name or by server host', async () => {
    await page.goto(testApp.url);
    const rows = () =>
      page.locator('tr[data-database]').evaluateAll((found) => found.map((row) => row.dataset.database));
    await expect.poll(rows).toEqual(['shop', 'warehouse']);
    const search = page.getByLabel('Search databases');
    await search.fill('WARE');
    await expect.poll(rows).toEqual(['warehouse']);
    expect(await page.getByTestId('databases-shown').textContent()).toBe('1 of 2 databases');
    await search.fill('127.0.0');
    await expect.poll(rows).toEqual(['shop', 'warehouse']);
    await search.fill('nowhere');
    await expect.poll(rows).toEqual([]);
    expect(await page.getByText('No database matches.').isVisible()).toBe(true);
    await search.fill('');
    await expect.poll(rows).toEqual(['shop', 'warehouse']);
  });

  it('searches the users by username or by e-mail', async () => {
    await page.goto(`${testApp.url}/users`);
    const rows = () => page.locator('tr[data-user]').evaluateAll((found) => found.map((row) => row.dataset.user));
    await expect.poll(rows).toEqual(['admin', 'ana', 'bob', 'carla']);
    const search = page.getByLabel('Search users');
    await search.fill('ANA');
    await expect.poll(rows).toEqual(['ana']);
    expect(await page.getByTestId('users-shown').textContent()).toBe('1 of 4 users');
    await search.fill('bob@example');
    await expect.poll(rows).toEqual(['bob']);
    await search.fill('nobody');
    await expect.poll(rows).toEqual([]);
    expect(await page.getByText('No user matches.').isVisible()).toBe(true);
    await search.fill('');
    await expect.poll(rows).toEqual(['admin', 'ana', 'bob', 'carla']);
  });
});
