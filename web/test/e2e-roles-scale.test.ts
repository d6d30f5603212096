import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../server/test/support/app.js';
import { connect, createManagedDatabase, setupAdmin, signIn } from '../../server/test/support/fixtures.js';
import { chromiumAvailable, launchChromium, pageSignedInAs } from './support/browser.js';

const available = chromiumAvailable();

/**
 * Roles of this test: sc_00001 … sc_02000 (odd ones groups, even ones LOGIN and each a member of 10 groups), and
 * sc_big_group. ROLECALL_SCALE_ROLES=10000 measures the same at 10,000 roles and 50,000 memberships.
 */
const ROLES = Number(process.env.ROLECALL_SCALE_ROLES ?? 2_000);
const name = (index: number) => `sc_${String(index).padStart(5, '0')}`;
const count = (value: number) => value.toLocaleString('en-US');
const BIG = 'sc_big_group';

let testApp: TestApp;
let browser: Browser;
let page: Page;
let rolesUrl: string;

const row = (role: string) => page.locator(`tr[data-role-row="${role}"]`);
const editor = (role: string) => page.locator(`tr[data-role-editor="${role}"]`);
const shown = () => page.getByTestId('roles-shown');
const renderedRows = () => page.locator('tr[data-role-row]').count();

/** Milliseconds from `start` until `ready` holds, polled on every animation frame in the page. */
async function msUntil(start: number, ready: () => Promise<unknown>): Promise<number> {
  await ready();
  return Date.now() - start;
}

/**
 * Types `text` key by key into the roles search and returns the time, measured in the page, from its last key until
 * `role`'s row is in the document (it must not be there before).
 */
async function msToShow(text: string, role: string): Promise<number> {
  const search = page.getByLabel('Search roles');
  await search.fill('');
  await search.pressSequentially(text.slice(0, -1));
  await page.evaluate((selector) => {
    const watched = window as unknown as { rowShown?: Promise<number> };
    watched.rowShown = new Promise<number>((resolve) => {
      let lastKey = 0;
      document.querySelector('input[aria-label="Search roles"]')?.addEventListener('input', () => {
        lastKey = performance.now();
      });
      const observer = new MutationObserver(() => {
        if (!lastKey || !document.querySelector(selector)) return;
        observer.disconnect();
        resolve(Math.round(performance.now() - lastKey));
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
  }, `tr[data-role-row="${role}"]`);
  await search.press(text.at(-1) as string);
  return page.evaluate(() => (window as unknown as { rowShown: Promise<number> }).rowShown);
}

/** Searches for one role by its whole name, until it is the only row. */
async function showOnly(role: string): Promise<void> {
  await page.getByLabel('Search roles').fill(role);
  await expect.poll(() => shown().textContent()).toBe('1 role');
  await row(role).waitFor();
}

/** urql sends a short query as a GET and a long one as a POST. */
const isRolesQuery = (request: Request) =>
  /query Roles\b/.test(request.postData() ?? decodeURIComponent(request.url().replaceAll('+', ' ')));

async function membersOfBigGroup(): Promise<string[]> {
  const rows = await testApp.sql<{ member: string }>(
    `SELECT m.rolname AS member FROM pg_auth_members a
       JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member WHERE g.rolname = $1`,
    [BIG],
  );
  return rows.map((found) => found.member);
}

describe.skipIf(!available)('the Roles tab of a server with thousands of roles, in a real browser', () => {
  beforeAll(async () => {
    testApp = await startTestApp({ DRIFT_INTERVAL_MS: '500' });
    const shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
    // One statement for every role and membership: the roles, 10 groups for each login role, and a group of 999 of
    // them plus shop_owner, its admin (Rolecall works as shop_owner). shop_owner grants the 999, so its REVOKE
    // takes them away.
    await testApp.sql(`DO $$ BEGIN
      FOR i IN 1..${ROLES} LOOP
        EXECUTE format('CREATE ROLE %I %s', 'sc_' || lpad(i::text, 5, '0'), CASE WHEN i % 2 = 0 THEN 'LOGIN' ELSE 'NOLOGIN' END);
      END LOOP;
      FOR i IN 2..${ROLES} BY 2 LOOP
        FOR k IN 1..10 LOOP
          EXECUTE format('GRANT %I TO %I', 'sc_' || lpad(((i + k * 74) % ${ROLES} + 1)::text, 5, '0'), 'sc_' || lpad(i::text, 5, '0'));
        END LOOP;
      END LOOP;
      CREATE ROLE ${BIG};
      GRANT ${BIG} TO shop_owner WITH ADMIN OPTION;
      FOR i IN 1..999 LOOP
        EXECUTE format('GRANT ${BIG} TO %I GRANTED BY shop_owner', 'sc_' || lpad(i::text, 5, '0'));
      END LOOP;
      GRANT ${name(1500)} TO shop_owner WITH ADMIN OPTION;
    END $$`);
    const adminClient = testApp.client();
    const { password } = await setupAdmin(adminClient);
    await signIn(adminClient, 'admin', password);
    const shopId = await connect(adminClient, testApp, shop);
    rolesUrl = `${testApp.url}/databases/${encodeURIComponent(shopId)}/roles`;
    browser = await launchChromium();
    page = await pageSignedInAs(browser, testApp.url, adminClient);
    // Warm the app's bundle and the server's first catalog read, so the timing below is the tab's own.
    await page.goto(rolesUrl);
    await page.locator('tr[data-role-row]').first().waitFor({ timeout: 30_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
  });

  it('shows the first rows within seconds, and holds a few dozen rows in the page while it counts them all', async () => {
    const start = Date.now();
    await page.goto(rolesUrl);
    const firstRows = await msUntil(start, () => page.locator('tr[data-role-row]').first().waitFor());
    console.log(`first role rows shown ${firstRows} ms after opening the Roles tab (${count(ROLES)} roles)`);
    expect(firstRows).toBeLessThan(3_000);
    await expect.poll(() => shown().textContent()).toMatch(/^[\d,]+ roles$/);
    const total = Number(((await shown().textContent()) ?? '').replace(/\D/g, ''));
    expect(total).toBeGreaterThanOrEqual(ROLES);
    expect(await renderedRows()).toBeLessThanOrEqual(300);
  });

  it('shows a role whose name is typed in the search box, and only it', async () => {
    expect(await row(name(1234)).count()).toBe(0);
    const ms = await msToShow(name(1234), name(1234));
    console.log(`role row shown ${ms} ms after the last key`);
    expect(ms).toBeLessThan(2_000);
    await expect.poll(() => shown().textContent()).toBe('1 role');
    expect(await renderedRows()).toBe(1);
  });

  it('filters by kind on the server: group roles, then login roles', async () => {
    await page.getByLabel('Search roles').fill('sc_');
    const kind = page.getByLabel('Kind of role');
    await kind.selectOption('GROUP');
    // The odd roles and the big group.
    await expect.poll(() => shown().textContent()).toBe(`${count(ROLES / 2 + 1)} roles`);
    const groups = await page.locator('tr[data-role-row] [data-testid="attributes"]').allTextContents();
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.every((text) => text.includes('NOLOGIN'))).toBe(true);
    await kind.selectOption('LOGIN');
    await expect.poll(() => shown().textContent()).toBe(`${count(ROLES / 2)} roles`);
    await expect.poll(() => row(name(2)).isVisible()).toBe(true);
    const logins = await page.locator('tr[data-role-row] [data-testid="attributes"]').allTextContents();
    expect(logins.every((text) => text.includes('LOGIN') && !text.includes('NOLOGIN'))).toBe(true);
    await kind.selectOption('ALL');
    await expect.poll(() => shown().textContent()).toBe(`${count(ROLES + 1)} roles`);
  });

  it('loads the next pages as the list is scrolled to its end, keeping only the rows in view in the page', async () => {
    const box = page.locator('.virtual-rows').filter({ has: page.locator('tr[data-role-row]') });
    const furthest = async () => {
      const names = await page
        .locator('tr[data-role-row]')
        .evaluateAll((rows) => rows.map((found) => found.getAttribute('data-role-row') ?? ''));
      return names.sort().at(-1) ?? '';
    };
    // Four pages of 100 in: reached only by scrolling to the end of the list again and again.
    const far = name(350);
    expect((await furthest()) < far).toBe(true);
    const started = Date.now();
    while ((await furthest()) < far) {
      expect(Date.now() - started).toBeLessThan(30_000);
      await box.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
      await page.waitForTimeout(50);
      expect(await renderedRows()).toBeLessThanOrEqual(300);
    }
    expect(await row(name(1)).count()).toBe(0);
    await box.evaluate((element) => element.scrollTo({ top: 0 }));
    await expect.poll(() => row(name(1)).count()).toBe(1);
  });

  it('says how many members a group of 1,000 has with the first few names, and opens its editor quickly', async () => {
    await showOnly(BIG);
    const members = row(BIG).getByTestId('members');
    const text = (await members.textContent()) ?? '';
    expect(text).toBe(`1,000 members: ${name(1)}, ${name(3)}, ${name(5)} …`);
    expect(text.length).toBeLessThan(100);

    const start = Date.now();
    await row(BIG).getByRole('button', { name: 'Edit members' }).click();
    const panel = editor(BIG);
    const ms = await msUntil(start, () => panel.locator('tr[data-member]').first().waitFor());
    console.log(`member editor of a 1,000-member group shown ${ms} ms after the click`);
    expect(ms).toBeLessThan(2_000);
    expect(await panel.getByTestId('members-shown').textContent()).toBe('1,000 members');
    const rendered = await panel.locator('tr[data-member]').count();
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThanOrEqual(100);
  });

  it('finds a member with the search inside the editor, removes it after the preview, and PostgreSQL follows', async () => {
    const panel = editor(BIG);
    const gone = name(501);
    expect(await membersOfBigGroup()).toContain(gone);
    await panel.getByLabel(`Search members of ${BIG}`).fill(gone);
    await expect.poll(() => panel.getByTestId('members-shown').textContent()).toBe('1 of 1,000 members');
    expect(await panel.locator('tr[data-member]').count()).toBe(1);
    await panel.getByRole('button', { name: `Remove ${gone}` }).click();
    await expect.poll(() => panel.getByTestId('members-shown').textContent()).toBe('0 of 999 members');
    await panel.getByRole('button', { name: 'Preview SQL' }).click();
    await expect.poll(() => panel.getByTestId('sql-preview').textContent()).toContain(`REVOKE "${BIG}" FROM "${gone}"`);
    expect(await membersOfBigGroup()).toContain(gone);
    await panel.getByRole('button', { name: 'Save members' }).click();
    await expect.poll(() => panel.count(), { timeout: 10_000 }).toBe(0);
    const after = await membersOfBigGroup();
    expect(after).not.toContain(gone);
    expect(after).toHaveLength(999);
    await expect.poll(() => row(BIG).getByTestId('members').textContent()).toMatch(/^999 members: /);
  });

  it('edits the attributes of a role found by searching, after previewing the ALTER ROLE, through a live re-read', async () => {
    const target = name(1500);
    await showOnly(target);
    await row(target).getByRole('button', { name: 'Edit attributes' }).click();
    const form = editor(target);
    await form.getByLabel('Connection limit').fill('7');
    // A role made in psql meanwhile: the list is read again, and the open editor keeps what was typed in it.
    const reread = page.waitForResponse((response) => isRolesQuery(response.request()), { timeout: 15_000 });
    await testApp.sql('CREATE ROLE sc_made_meanwhile');
    await reread;
    expect(await form.getByLabel('Connection limit').inputValue()).toBe('7');
    await form.getByRole('button', { name: 'Preview SQL' }).click();
    await expect
      .poll(() => form.getByTestId('sql-preview').textContent())
      .toContain(`ALTER ROLE "${target}" CONNECTION LIMIT 7`);
    await form.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toContain('Applied');
    const [found] = await testApp.sql<{ rolconnlimit: number }>(
      'SELECT rolconnlimit FROM pg_roles WHERE rolname = $1',
      [target],
    );
    expect(found?.rolconnlimit).toBe(7);
    await expect.poll(() => row(target).getByTestId('attributes').textContent()).toContain('CONNECTION LIMIT 7');
  });
});
