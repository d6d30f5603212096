import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../server/test/support/app.js';
import {
  addCollaborator,
  configureRole,
  connect,
  createLoginRole,
  createManagedDatabase,
  createUser,
  setupAdmin,
  signIn,
} from '../../server/test/support/fixtures.js';
import { chromiumAvailable, launchChromium, pageSignedInAs } from './support/browser.js';
import { screenshot } from './support/screenshots.js';

const available = chromiumAvailable();

let testApp: TestApp;
let browser: Browser;
let databaseId: string;

const overview = () => `${testApp.url}/databases/${databaseId}/overview`;

async function holds(role: string, table: string, privilege: string): Promise<boolean> {
  const rows = await testApp.sql<{ held: boolean }>(
    'SELECT has_table_privilege($1, $2, $3) AS held',
    [role, table, privilege],
    'shop',
  );
  return rows[0]?.held ?? false;
}

describe.skipIf(!available)('the impact of a change, shown before Apply in a real browser', () => {
  let admin: Page;
  let ana: Page;

  beforeAll(async () => {
    testApp = await startTestApp();
    const shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
    await testApp.sql(
      'CREATE ROLE impact_reporting; CREATE ROLE impact_analysts; GRANT impact_reporting TO impact_analysts',
    );
    const anaPassword = await createLoginRole(testApp, 'impact_ana');
    const bobPassword = await createLoginRole(testApp, 'impact_bob');
    await testApp.sql('GRANT impact_analysts TO impact_ana; GRANT impact_reporting TO impact_bob');
    await testApp.sql(
      `CREATE SCHEMA sales AUTHORIZATION shop_owner;
       CREATE TABLE sales.orders (id int); ALTER TABLE sales.orders OWNER TO shop_owner;
       GRANT USAGE ON SCHEMA sales TO impact_reporting, impact_ana;
       GRANT SELECT ON sales.orders TO impact_reporting;
       CREATE TABLE sales.notes (id int); ALTER TABLE sales.notes OWNER TO impact_ana;
       GRANT SELECT ON sales.notes TO impact_reporting`,
      [],
      'shop',
    );

    const adminClient = testApp.client();
    await setupAdmin(adminClient);
    databaseId = await connect(adminClient, testApp, shop);
    const anaClient = testApp.client();
    for (const [username, role, password] of [
      ['ana', 'impact_ana', anaPassword],
      ['bob', 'impact_bob', bobPassword],
    ] as const) {
      const configured = await configureRole(adminClient, databaseId, role, password);
      const user = await createUser(adminClient, username);
      await addCollaborator(adminClient, { databaseId, userId: user.id, configuredRoleId: String(configured.id) });
      if (username === 'ana') await signIn(anaClient, 'ana', user.password);
    }
    browser = await launchChromium();
    admin = await pageSignedInAs(browser, testApp.url, adminClient);
    ana = await pageSignedInAs(browser, testApp.url, anaClient);
  });

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
  });

  it("a revoke's impact names the collaborators who lose access and their membership paths before Apply", async () => {
    await admin.goto(overview());
    await expect.poll(() => admin.getByTestId('connection').textContent()).toContain('Live');
    await admin.getByRole('button', { name: 'Permissions of sales.orders', exact: true }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('Access of impact_reporting').selectOption('NONE');
    await dialog.getByRole('button', { name: 'Preview SQL' }).click();

    const impact = dialog.getByTestId('impact');
    const loss = impact.locator('.impact-group[data-direction="LOSS"]', { hasText: 'SELECT on sales.orders' });
    await expect.poll(() => loss.locator('summary').textContent()).toContain('lose SELECT on sales.orders');
    const summary = (await loss.locator('summary').textContent()) ?? '';
    expect(summary).toContain('4 roles and 2 collaborators (ana and bob)');
    // Losing SELECT on one table is not losing all access: ana's role owns sales.notes, bob's reads it.
    expect(await impact.locator('.callout[data-code="COLLABORATOR_LOSES_ALL_ACCESS"]').count()).toBe(0);
    // Expanded: each role with its collaborator and the way it held the privilege.
    await loss.locator('summary').click();
    const roles = await loss.locator('.impact-roles li').allTextContents();
    expect(roles).toContain('impact_ana (ana): impact_ana → impact_analysts → impact_reporting');
    expect(roles).toContain('impact_bob (bob): impact_bob → impact_reporting');
    expect(roles).toContain('impact_analysts: impact_analysts → impact_reporting');
    expect(roles).toContain('impact_reporting: granted directly');
    expect(await holds('impact_ana', 'sales.orders', 'SELECT')).toBe(true);
    await screenshot(admin, 'impact-preview');

    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain('Applied 1 statement');
    expect(await holds('impact_ana', 'sales.orders', 'SELECT')).toBe(false);
    expect(await holds('impact_bob', 'sales.orders', 'SELECT')).toBe(false);
    // The live feed carries the applied change's impact: its toast says it in one line.
    await expect
      .poll(() => admin.getByTestId('toast').allTextContents())
      .toContainEqual(expect.stringContaining('4 roles and 2 collaborators (ana and bob) lose SELECT on sales.orders'));
  });

  it("shows an applied revoke's impact on the Activity page, read when its row is opened", async () => {
    await admin.goto(`${testApp.url}/databases/${databaseId}/activity`);
    const row = admin.locator('tr[data-kind="privileges.changed"]', { hasText: 'sales.orders' }).first();
    await row.waitFor();
    const opened = row.locator('details.event-impact');
    await opened.locator('summary', { hasText: 'Impact on access' }).click();
    const loss = opened.locator('.impact-group[data-direction="LOSS"]', { hasText: 'SELECT on sales.orders' });
    await expect
      .poll(() => loss.locator('summary').textContent())
      .toContain('4 roles and 2 collaborators (ana and bob) lose SELECT on sales.orders');
    await loss.locator('summary').click();
    expect(await loss.locator('.impact-roles li').allTextContents()).toContain(
      'impact_bob (bob): impact_bob → impact_reporting',
    );
  });

  it("calls out the viewer's own role losing access before Apply", async () => {
    await ana.goto(overview());
    await ana.getByRole('button', { name: 'Permissions of sales.notes', exact: true }).click();
    const dialog = ana.getByRole('dialog');
    await dialog.getByLabel('Access of impact_ana').selectOption('NONE');
    await dialog.getByRole('button', { name: 'Preview SQL' }).click();

    const callout = dialog.getByTestId('impact').locator('.callout[data-code="ACTOR_LOSES_ACCESS"]');
    await expect.poll(() => callout.textContent()).toContain('You will lose');
    const text = (await callout.textContent()) ?? '';
    expect(text).toContain('UPDATE on sales.notes');
    // SELECT stays: impact_ana also holds it through impact_analysts → impact_reporting.
    expect(text).not.toContain('SELECT');
    expect(text).toContain('through your role impact_ana');
    expect(await callout.getAttribute('role')).toBe('alert');
    // Shown, not applied: the owner still holds it until Apply.
    expect(await holds('impact_ana', 'sales.notes', 'SELECT')).toBe(true);
  });
});
