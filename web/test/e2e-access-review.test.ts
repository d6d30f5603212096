import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../server/test/support/app.js';
import { connect, createManagedDatabase, setupAdmin } from '../../server/test/support/fixtures.js';
import { mutate } from '../../server/test/support/permissions.js';
import { chromiumAvailable, launchChromium, pageSignedInAs } from './support/browser.js';
import { pick } from './support/pickers.js';
import { screenshot } from './support/screenshots.js';

const available = chromiumAvailable();

let testApp: TestApp;
let browser: Browser;
let databaseId: string;

describe.skipIf(!available)('the access review in a real browser', () => {
  let admin: Page;
  let adminClient: ReturnType<TestApp['client']>;

  beforeAll(async () => {
    testApp = await startTestApp();
    const shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
    await testApp.sql('CREATE ROLE review_team; CREATE ROLE review_reader; GRANT review_team TO review_reader');
    await testApp.sql(
      `CREATE SCHEMA sales AUTHORIZATION shop_owner;
       CREATE TABLE sales.orders (id int); ALTER TABLE sales.orders OWNER TO shop_owner;
       GRANT USAGE ON SCHEMA sales TO review_team`,
      [],
      'shop',
    );
    adminClient = testApp.client();
    await setupAdmin(adminClient);
    databaseId = await connect(adminClient, testApp, shop);
    browser = await launchChromium();
    admin = await pageSignedInAs(browser, testApp.url, adminClient);
  });

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
  });

  it("shows a role's effective privileges with their paths and downloads them as CSV", async () => {
    await admin.goto(`${testApp.url}/databases/${databaseId}/access-review`);
    const review = admin.getByRole('region', { name: 'Access review' });
    await pick(review, 'Role to review', 'review_reader');
    const usage = review.locator('tr[data-access-row="sales|role:review_reader|USAGE"]');
    await expect.poll(() => usage.textContent()).toContain('review_reader → review_team');

    const [file] = await Promise.all([
      admin.waitForEvent('download'),
      review.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const csv = await readFile((await file.path()) ?? '', 'utf8');
    expect(csv).toContain('review_reader');
    expect(csv).toContain('USAGE');
  });

  it('saves a snapshot, and after a change the diff shows the privilege gained and the event behind it', async () => {
    const review = admin.getByRole('region', { name: 'Access review' });
    await review.getByLabel('Snapshot note').fill('before the grant');
    await review.getByRole('button', { name: 'Save snapshot' }).click();
    await expect
      .poll(() => review.getByRole('status').allTextContents())
      .toContainEqual(expect.stringContaining('Snapshot saved'));

    const granted = await mutate(adminClient, databaseId, 'grantPrivileges', {
      object: { kind: 'TABLE', schema: 'sales', name: 'orders' },
      grantee: 'review_team',
      privileges: ['SELECT'],
    });
    expect(granted.__typename).toBe('PermissionChange');

    const compare = review.getByRole('form', { name: 'Compare snapshots' });
    expect(await compare.getByLabel('Compare from').locator('option:checked').textContent()).toContain(
      'before the grant',
    );
    await compare.getByRole('button', { name: 'Compare' }).click();
    const diff = review.getByTestId('access-diff');
    const gained = diff.locator('tr[data-access-row="sales.orders|role:review_reader|SELECT"]');
    await expect.poll(() => gained.getAttribute('data-change')).toBe('GAINED');
    expect(await gained.textContent()).toContain('review_reader → review_team');
    expect(await diff.getByRole('status').textContent()).toContain('1 gained, 0 lost');
    expect(await diff.getByTestId('access-diff-events').textContent()).toContain('admin:');
    expect(await diff.getByTestId('access-diff-events').textContent()).toContain('SELECT');
    await screenshot(admin, 'access-review-diff');
  });
});
