import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../server/test/support/app.js';
import { connect, createManagedDatabase, setupAdmin, signIn } from '../../server/test/support/fixtures.js';
import { chromiumAvailable, launchChromium, pageSignedInAs } from './support/browser.js';

/**
 * Changes made outside Rolecall, as a DBA sees them in Activity: each with what changed (object, role, privileges
 * added and removed), filterable by object and role, and a psql script's burst of 500 roles as one toast and one
 * Activity entry with counts, expandable, within 5 s of its commit (the drift watcher polls every 2 s by default).
 */

const available = chromiumAvailable();
const BURST = 500;

let testApp: TestApp;
let browser: Browser;
let page: Page;

const toastTexts = async () => page.getByTestId('toast').allTextContents();

describe.skipIf(!available)('changes outside Rolecall in Activity, in a real browser', () => {
  beforeAll(async () => {
    testApp = await startTestApp();
    const shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
    await testApp.sql('CREATE SCHEMA s AUTHORIZATION shop_owner; CREATE TABLE s.t (id int)', [], 'shop');
    await testApp.sql('ALTER TABLE s.t OWNER TO shop_owner', [], 'shop');
    const adminClient = testApp.client();
    const { password } = await setupAdmin(adminClient);
    await signIn(adminClient, 'admin', password);
    const shopId = await connect(adminClient, testApp, shop);
    browser = await launchChromium();
    page = await pageSignedInAs(browser, testApp.url, adminClient);
    await page.goto(`${testApp.url}/databases/${encodeURIComponent(shopId)}/activity`);
    await page.getByRole('region', { name: 'Activity' }).waitFor();
    // The watcher's first poll is its baseline: a role made in psql and shown here says it is watching.
    for (let attempt = 1; ; attempt++) {
      await testApp.sql(`CREATE ROLE watch_${attempt}`);
      const shown = page.locator('tr', { hasText: `role watch_${attempt} created` });
      if (
        await shown.waitFor({ timeout: 5_000 }).then(
          () => true,
          () => false,
        )
      )
        break;
      if (attempt === 5) throw new Error('the drift watcher never reported a role created in psql');
    }
  });

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
  });

  it('shows what a psql GRANT changed, and filters by object and by role', async () => {
    await testApp.sql('CREATE ROLE auditor');
    await page.locator('tr.external', { hasText: 'role auditor created' }).waitFor({ timeout: 10_000 });
    // Two changes in one psql statement: one poll finds both, one entry that opens to each.
    await testApp.sql(
      'GRANT SELECT, INSERT ON s.t TO auditor; REVOKE TEMPORARY ON DATABASE shop FROM PUBLIC',
      [],
      'shop',
    );
    const burst = page.locator('tr[data-kind="burst"]', { hasText: '2 changes' });
    await burst.waitFor({ timeout: 10_000 });
    await burst.locator('summary').click();
    await burst.locator('li', { hasText: 'table s.t: granted INSERT, SELECT to auditor' }).waitFor();
    await burst.locator('li', { hasText: 'database shop: revoked TEMPORARY from PUBLIC' }).waitFor();

    const filters = page.getByRole('form', { name: 'Filter the activity' });
    await filters.getByLabel('Filter by object').fill('s.t');
    await filters.getByLabel('Filter by object').press('Enter');
    await expect
      .poll(() => page.locator('table.activity tr[data-kind]').allTextContents())
      .toEqual([expect.stringContaining('table s.t: granted INSERT, SELECT to auditor')]);
    await filters.getByLabel('Filter by object').fill('');
    await filters.getByLabel('Filter by object').press('Enter');
    await filters.getByLabel('Filter by role').fill('auditor');
    await filters.getByLabel('Filter by role').press('Enter');
    await expect
      .poll(async () =>
        (await page.locator('table.activity tr[data-kind]').allTextContents()).map((text) => text.slice(0, 200)),
      )
      .toEqual([
        expect.stringContaining('granted INSERT, SELECT to auditor'),
        expect.stringContaining('role auditor created'),
      ]);
    await filters.getByLabel('Filter by role').fill('');
    await filters.getByLabel('Filter by role').press('Enter');
  });

  it(`shows a psql script creating ${BURST} roles as one toast and one Activity entry, within 5 s`, async () => {
    await testApp.sql(`DO $$ BEGIN
      FOR i IN 1..${BURST} LOOP EXECUTE format('CREATE ROLE burst_%s', i); END LOOP; END $$`);
    const committed = Date.now();
    const burstToast = page.getByTestId('toast').filter({ hasText: `${BURST} changes` });
    await burstToast.waitFor({ timeout: 5_000 });
    const arrivedAfter = Date.now() - committed;
    console.info(`a burst of ${BURST} roles made in psql was toasted ${arrivedAfter} ms after its commit`);
    expect(arrivedAfter).toBeLessThanOrEqual(5_000);
    const entry = page.locator('tr[data-kind="burst"]');
    await expect.poll(() => entry.count(), { timeout: 5_000 }).toBe(1);
    await expect.poll(() => entry.locator('summary').textContent()).toContain(`${BURST} changes`);
    expect(await entry.locator('summary').textContent()).toContain(`role created`);
    // Once every event has arrived: still one toast for all of them, and no toast per role.
    await expect.poll(async () => (await toastTexts()).filter((text) => text.includes('burst_')).length).toBe(0);
    expect((await toastTexts()).filter((text) => text.includes(`${BURST} changes`))).toHaveLength(1);
    expect(await burstToast.textContent()).toContain(`${BURST} changes (${BURST} role created)`);

    // The newest page holds 50 of them: the entry still counts all 500, and opens to those loaded.
    expect(await entry.locator('summary').textContent()).toContain('(50 loaded)');
    await entry.locator('summary').click();
    await expect.poll(() => entry.locator('li', { hasText: /role burst_\d+ created/ }).count()).toBe(50);
  });
  it('exports every event the filter selects, not only the page shown, as CSV and as JSON', async () => {
    const exported = async (name: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
      return readFile(String(await file.path()), 'utf8');
    };
    const csv = await exported('Export CSV');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('cursor,createdAt,source,kind,actor,actingRole,change,sql,burstId');
    expect(lines.filter((line) => line.includes(',role burst_') && line.includes(' created,')).length).toBe(BURST);
    expect(lines.some((line) => line.includes('table s.t: granted INSERT, SELECT to auditor'))).toBe(true);
    const json = JSON.parse(await exported('Export JSON')) as { kind: string; source: string; change: string }[];
    expect(json).toHaveLength(lines.length - 1);
    expect(json.filter((event) => event.kind === 'role.created' && event.source === 'EXTERNAL').length).toBeGreaterThan(
      BURST,
    );
  });
});
