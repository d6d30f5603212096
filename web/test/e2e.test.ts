import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secret, startTestApp, type TestApp } from '../../server/test/support/app.js';
import { createLoginRole, createManagedDatabase, type ManagedDatabase } from '../../server/test/support/fixtures.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? new URL('../../docs/screenshots/', import.meta.url).pathname
  : null;
const available = existsSync(CHROMIUM);
if (!available) {
  if (process.env.ROLECALL_REQUIRE_CHROMIUM)
    throw new Error(`Chromium is required for the browser tests but ${CHROMIUM} does not exist.`);
  console.warn(
    `Skipping the browser tests: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).`,
  );
}

let testApp: TestApp;
let browser: Browser;
let shop: ManagedDatabase;
let clerkPassword: string;
const adminPassword = secret('admin');
const samPassword = secret('sam');

async function shot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

async function newPage(width = 1280): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: 860 } });
  const page = await context.newPage();
  return { context, page };
}

describe.skipIf(!available)('the admin UI in a real browser', () => {
  let admin: Page;
  let sam: Page;
  let databaseUrl: string;

  beforeAll(async () => {
    testApp = await startTestApp({ DRIFT_INTERVAL_MS: '500' });
    shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
    await testApp.sql(
      'CREATE SCHEMA s AUTHORIZATION shop_owner; CREATE TABLE s.t (id serial PRIMARY KEY, note text); ALTER TABLE s.t OWNER TO shop_owner; CREATE ROLE analysts',
      [],
      'shop',
    );
    clerkPassword = await createLoginRole(testApp, 'clerk');
    await testApp.sql(
      'GRANT CONNECT ON DATABASE shop TO clerk; GRANT USAGE ON SCHEMA s TO clerk; GRANT analysts TO clerk',
      [],
      'shop',
    );
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
    });
    admin = (await newPage()).page;
    sam = (await newPage()).page;
  });

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
  });

  it('first-run setup creates the admin and signs them in', async () => {
    await admin.goto(testApp.url);
    await admin.getByLabel('Username').fill('admin');
    await admin.getByLabel('E-mail').fill('admin@example.com');
    await admin.getByLabel('Password').fill(adminPassword);
    await shot(admin, 'setup');
    await admin.getByRole('button', { name: 'Create admin' }).click();
    await expect.poll(() => admin.getByRole('heading', { name: 'Databases' }).isVisible()).toBe(true);
  });

  it('connects a database after testing the connection, with a clear error for a wrong password', async () => {
    const form = admin.locator('form.connect-form');
    await form.getByLabel('Port').fill(String(testApp.cluster.port));
    await form.getByLabel('Database').fill('shop');
    await form.getByLabel('Role').fill('shop_owner');
    await form.getByLabel('Password').fill('wrong password');
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => admin.getByRole('alert').textContent()).toContain('password authentication failed');
    await form.getByLabel('Password').fill(shop.ownerPassword);
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => admin.getByRole('status').filter({ hasText: 'Connected as' }).textContent())
      .toContain('shop_owner');
    await form.getByRole('button', { name: 'Connect', exact: true }).click();
    await admin.getByRole('link', { name: 'shop' }).click();
    databaseUrl = admin.url();
    await expect.poll(() => admin.locator('tr[data-object="s.t"]').isVisible()).toBe(true);
    await shot(admin, 'overview');
  });

  it('configures a second role with its password, verified by a real login', async () => {
    await admin.getByRole('link', { name: 'Role configuration' }).click();
    const row = admin.locator('tr[data-login-role="clerk"]');
    await row.getByRole('button', { name: 'Configure' }).click();
    await row.getByLabel('Password of clerk').fill(clerkPassword);
    await row.getByRole('button', { name: 'Verify and store' }).click();
    await expect.poll(() => row.textContent()).toContain('verified');
  });

  it('creates a standard user and adds them as a collaborator through that role', async () => {
    await admin.getByRole('link', { name: 'Users' }).click();
    const form = admin.getByRole('form', { name: 'Create a user' });
    await form.getByLabel('Username').fill('sam');
    await form.getByLabel('E-mail').fill('sam@example.com');
    await form.getByLabel('Password').fill(samPassword);
    await form.getByRole('button', { name: 'Create user' }).click();
    await expect.poll(() => admin.locator('tr[data-user="sam"]').isVisible()).toBe(true);
    await admin.goto(`${databaseUrl.replace(/\/(overview)?$/, '')}/collaborators`);
    const add = admin.getByRole('form', { name: 'Add a collaborator' });
    await add.getByLabel('User').selectOption({ label: 'sam' });
    await add.getByLabel('Configured role').selectOption({ label: 'clerk' });
    await add.getByRole('button', { name: 'Add collaborator' }).click();
    await expect.poll(() => admin.locator('tr[data-collaborator="sam"]').isVisible()).toBe(true);
    await shot(admin, 'collaborators');
  });

  it('grants table Read through the dialog after checking the SQL preview, and another browser sees it live', async () => {
    await sam.goto(testApp.url);
    await sam.getByLabel('Username or e-mail').fill('sam');
    await sam.getByLabel('Password').fill(samPassword);
    await sam.getByRole('button', { name: 'Sign in' }).click();
    await sam.getByRole('link', { name: 'shop' }).click();
    const samRow = sam.locator('tr[data-object="s.t"]');
    await expect.poll(() => samRow.textContent()).toContain('—');
    await expect.poll(() => sam.getByTestId('connection').textContent()).toContain('Live');

    await admin.goto(databaseUrl);
    await admin.getByRole('button', { name: 'Permissions of s.t', exact: true }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('Add a grantee').selectOption('clerk');
    await dialog.getByLabel('Access of clerk').selectOption('READ');
    await dialog.getByRole('button', { name: 'Preview SQL' }).click();
    await expect
      .poll(() => dialog.getByTestId('sql-preview').textContent())
      .toContain('GRANT SELECT ON TABLE "s"."t" TO "clerk"');
    await shot(admin, 'permission-dialog');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain('Applied');
    const granted = await testApp.sql<{ ok: boolean }>(
      "SELECT has_table_privilege('clerk', 's.t', 'SELECT') AS ok",
      [],
      'shop',
    );
    expect(granted[0]?.ok).toBe(true);

    await expect.poll(() => samRow.textContent(), { timeout: 5_000 }).toContain('SELECT');
    await expect.poll(() => sam.getByTestId('toast').first().textContent(), { timeout: 5_000 }).toContain('admin');
  });

  it('shows a change made in psql live, marked as made outside Rolecall', async () => {
    await testApp.sql('GRANT INSERT ON s.t TO clerk', [], 'shop');
    const external = sam.locator('.toast.external');
    await expect.poll(() => external.first().textContent(), { timeout: 5_000 }).toContain('Changed outside Rolecall');
    await expect.poll(() => sam.locator('tr[data-object="s.t"]').textContent(), { timeout: 5_000 }).toContain('INSERT');
    await shot(sam, 'live-external-change');
  });

  it('renders the role graph and explains access with the path that grants it', async () => {
    await testApp.sql('GRANT SELECT ON s.t TO analysts', [], 'shop');
    await admin.goto(`${databaseUrl.replace(/\/(overview)?$/, '')}/roles`);
    const graph = admin.getByTestId('role-graph');
    await expect.poll(() => graph.locator('[data-role="clerk"]').isVisible()).toBe(true);
    await expect.poll(() => graph.locator('line.edge').count()).toBeGreaterThan(0);
    await graph.locator('[data-role="clerk"]').click();
    await expect.poll(() => graph.locator('[data-role="analysts"]').getAttribute('class')).toContain('inherited');
    const explain = admin.getByTestId('explain');
    await explain.getByLabel('Role to explain').selectOption('clerk');
    await explain.getByLabel('Object to explain').selectOption({ label: 's.t' });
    const select = explain.locator('li[data-privilege="SELECT"]');
    await expect.poll(() => select.textContent()).toContain('via clerk → analysts');
    await shot(admin, 'roles-graph-explain');
  });

  it("lists a group's members by name, whatever order PostgreSQL keeps them in", async () => {
    await testApp.sql('CREATE ROLE zoe_member; CREATE ROLE amy_member; GRANT analysts TO zoe_member, amy_member');
    await admin.goto(`${databaseUrl.replace(/\/(overview)?$/, '')}/roles`);
    const row = admin.locator('tr[data-role-row="analysts"]');
    await expect.poll(() => row.textContent()).toContain('zoe_member');
    const text = (await row.textContent()) ?? '';
    const positions = ['amy_member', 'clerk', 'zoe_member'].map((name) => text.indexOf(name));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(positions.every((position) => position >= 0)).toBe(true);
  });

  it('invites by e-mail; the invitee follows the link, creates an account and lands in the database', async () => {
    await admin.goto(`${databaseUrl.replace(/\/(overview)?$/, '')}/collaborators`);
    const invite = admin.getByRole('form', { name: 'Invite by e-mail' });
    await invite.getByLabel('E-mail to invite').fill('newcomer@example.com');
    await invite.getByLabel('Role for the invitee').selectOption({ label: 'clerk' });
    await invite.getByRole('button', { name: 'Invite' }).click();
    const link = await admin.getByTestId('invitation-link').locator('code').textContent();
    expect(link).toMatch(/\/invitations\/accept\?token=rci_/);
    await expect
      .poll(() => admin.locator('tr[data-invitation="newcomer@example.com"]').textContent())
      .toContain('PENDING');

    const { context, page } = await newPage();
    await page.goto(String(link));
    await page.getByLabel('Username').fill('newcomer');
    await page.getByLabel('Password').fill(secret('newcomer'));
    await page.getByRole('button', { name: 'Create account and join' }).click();
    await expect.poll(() => page.locator('tr[data-object="s.t"]').isVisible()).toBe(true);
    await expect.poll(() => admin.locator('tr[data-collaborator="newcomer"]').isVisible()).toBe(true);
    await context.close();
  });

  it('works on a narrow screen', async () => {
    const { context, page } = await newPage(390);
    await context.addCookies(await admin.context().cookies());
    await page.goto(databaseUrl);
    await expect.poll(() => page.locator('tr[data-object="s.t"]').isVisible()).toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThan(40);
    await shot(page, 'narrow');
    await context.close();
  });
});
