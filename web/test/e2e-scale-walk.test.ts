import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../server/test/support/app.js';
import type { TestClient } from '../../server/test/support/client.js';
import { connect, createManagedDatabase, setupAdmin, signIn } from '../../server/test/support/fixtures.js';
import { chromiumAvailable, launchChromium, pageSignedInAs } from './support/browser.js';
import { pick } from './support/pickers.js';
import { screenshot } from './support/screenshots.js';
import { searchObjects } from './support/searches.js';

/**
 * Issue 14's walk, as a new user takes it on a real-size server (2,000 roles, 2,000 tables): find a role and see the
 * graph around it, see who can access a table, grant on every table of a schema after a preview, sign out.
 * `npm run screenshots` also takes the pictures of these views for the README.
 */

const available = chromiumAvailable();
const SCHEMAS = 20;
const TABLES = 100;
const ROLES = 2_000;
const LOADED = { timeout: 20_000 };

let testApp: TestApp;
let browser: Browser;
let adminClient: TestClient;
let page: Page;
let databaseId: string;

const walker = (i: number) => `walker_${String(i).padStart(4, '0')}`;
const tab = (name: string) => `${testApp.url}/databases/${encodeURIComponent(databaseId)}/${name}`;

const shot = (name: string) => screenshot(page, name, { fullPage: false });

async function hasTablePrivilege(role: string, table: string, privilege: string): Promise<boolean> {
  const rows = await testApp.sql<{ held: boolean }>(
    'SELECT has_table_privilege($1, $2, $3) AS held',
    [role, table, privilege],
    'walk',
  );
  return rows[0]?.held ?? false;
}

describe.skipIf(!available)('a walk through a server of 2,000 roles and 2,000 tables', () => {
  beforeAll(async () => {
    testApp = await startTestApp({ DRIFT_INTERVAL_MS: '500' });
    const walk = await createManagedDatabase(testApp, 'walk', 'walk_owner');
    await testApp.sql(
      `DO $$ BEGIN
         FOR i IN 1..${ROLES} LOOP
           EXECUTE format('CREATE ROLE %I LOGIN', 'walker_' || lpad(i::text, 4, '0'));
         END LOOP;
         CREATE ROLE crew; CREATE ROLE staff;
         GRANT staff TO crew;
         FOR i IN 1..50 LOOP EXECUTE format('GRANT crew TO %I', 'walker_' || lpad(i::text, 4, '0')); END LOOP;
       END $$`,
    );
    await testApp.sql(
      `DO $$ BEGIN
         FOR s IN 0..${SCHEMAS - 1} LOOP
           EXECUTE format('CREATE SCHEMA %I AUTHORIZATION walk_owner', 's' || lpad(s::text, 2, '0'));
           FOR t IN 0..${TABLES - 1} LOOP
             EXECUTE format('CREATE TABLE %I.%I (id serial)', 's' || lpad(s::text, 2, '0'), 't' || lpad(t::text, 3, '0'));
             EXECUTE format('ALTER TABLE %I.%I OWNER TO walk_owner', 's' || lpad(s::text, 2, '0'), 't' || lpad(t::text, 3, '0'));
           END LOOP;
         END LOOP;
       END $$;
       GRANT USAGE ON SCHEMA s05 TO crew; GRANT SELECT ON s05.t005 TO crew;`,
      [],
      'walk',
    );
    adminClient = testApp.client();
    const { password } = await setupAdmin(adminClient);
    await signIn(adminClient, 'admin', password);
    databaseId = await connect(adminClient, testApp, walk);
    browser = await launchChromium();
    page = await pageSignedInAs(browser, testApp.url, adminClient);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
  });

  it('finds a role by searching, and shows the graph around it', async () => {
    await page.goto(tab('roles'));
    await expect.poll(() => page.getByTestId('roles-shown').textContent(), LOADED).toMatch(/^2,0\d\d roles$/);
    await page.getByLabel('Search roles').fill(walker(7));
    const row = page.locator(`tr[data-role-row="${walker(7)}"]`);
    await row.waitFor(LOADED);
    await expect.poll(() => page.locator('tr[data-role-row]').count()).toBe(1);
    await row.getByRole('button', { name: walker(7), exact: true }).click();
    const graph = page.getByTestId('role-graph');
    // Its neighbourhood: the role and its group, not the 2,000 roles of the server.
    await graph.locator(`[data-role="${walker(7)}"]`).waitFor(LOADED);
    await graph.locator('[data-role="crew"]').waitFor(LOADED);
    expect(await graph.locator('[data-role]').count()).toBeLessThan(10);
    await shot('roles-search-graph');
  });

  it('lists everything a role can access, and through what', async () => {
    await page.getByRole('button', { name: `What can ${walker(7)} access` }).click();
    const dialog = page.getByRole('dialog');
    const table = dialog.locator('tr', { hasText: 's05.t005' });
    await table.waitFor(LOADED);
    expect(await table.textContent()).toContain('SELECT');
    expect(await table.textContent()).toContain('via crew');
    await shot('accessible-objects');
    await dialog.getByRole('button', { name: 'Close' }).first().click();
  });

  it("shows who can access a table, the group's members included, with the path", async () => {
    await page.goto(tab('overview'));
    await searchObjects(page, 's05.t005', LOADED);
    await page.getByRole('button', { name: 'Permissions of s05.t005', exact: true }).click(LOADED);
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Who can access this').click();
    await dialog.getByLabel('Search who can access').fill(walker(7));
    const access = dialog.locator(`tr[data-access-role="${walker(7)}"]`);
    await access.waitFor(LOADED);
    expect(await access.getByTestId('access-privileges').textContent()).toContain('SELECT');
    expect(await access.getByTestId('access-privileges').getAttribute('title')).toContain('crew');
    // A role outside the group holds nothing there.
    await dialog.getByLabel('Search who can access').fill(walker(1999));
    await expect.poll(() => dialog.getByTestId('who-can-access-count').textContent(), LOADED).toMatch(/^0 roles/);
    await dialog.getByLabel('Search who can access').fill('');
    await shot('who-can-access');
    await dialog.getByRole('button', { name: 'Close' }).first().click();
  });

  it('grants on every table of a schema in one previewed change', async () => {
    await page.goto(tab('overview'));
    await searchObjects(page, 's09', LOADED);
    await page.getByRole('button', { name: 'Permissions of s09', exact: true }).click(LOADED);
    const bulk = page.getByRole('dialog').getByRole('region', { name: 'Grant on every table' });
    await pick(bulk, 'Grantee for every table', walker(2000));
    await bulk.getByLabel('and USAGE on the schema').check();
    await bulk.getByRole('button', { name: 'Preview the SQL for every table' }).click();
    const preview = bulk.getByTestId('sql-preview');
    await preview.waitFor(LOADED);
    expect(await preview.textContent()).toContain(`ON ALL TABLES IN SCHEMA "s09" TO "${walker(2000)}"`);
    // The preview ran in a rolled-back transaction: nothing is granted yet.
    expect(await hasTablePrivilege(walker(2000), 's09.t050', 'SELECT')).toBe(false);
    await shot('bulk-grant-preview');
    await bulk.getByRole('button', { name: 'Grant on every table' }).click();
    await expect.poll(() => hasTablePrivilege(walker(2000), 's09.t050', 'SELECT'), LOADED).toBe(true);
    expect(await hasTablePrivilege(walker(2000), 's09.t099', 'SELECT')).toBe(true);
    expect(await hasTablePrivilege(walker(2000), 's08.t050', 'SELECT')).toBe(false);
  });

  it('signs out: the sign-in form shows and the session is gone', async () => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(tab('roles'));
    await page.getByRole('button', { name: 'Sign out' }).click(LOADED);
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in to Rolecall' }).isVisible(), LOADED).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in to Rolecall' }).isVisible(), LOADED).toBe(true);
    expect(errors).toEqual([]);
  });
});
