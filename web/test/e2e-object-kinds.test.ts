import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../server/test/support/app.js';
import { connect, createManagedDatabase, setupAdmin } from '../../server/test/support/fixtures.js';
import { chromiumAvailable, launchChromium, pageSignedInAs } from './support/browser.js';
import { pick } from './support/pickers.js';
import { screenshot } from './support/screenshots.js';
import { searchObjects } from './support/searches.js';

const available = chromiumAvailable();

/** Names that need quoting everywhere: spaces, both quotes, non-ASCII. */
const SCHEMA = 's p';
const FUNCTION = `f 'q' "é" 🦄`;
const TABLE = 'lé dger';
const COLUMN = 'am"ount';
const GRANTEE = 'ana lyst ü';

/** PostgreSQL's quoting of an identifier: always quoted, inner quotes doubled. */
const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

let testApp: TestApp;
let browser: Browser;
let databaseId: string;
let admin: Page;

const tab = (name: string) => `${testApp.url}/databases/${databaseId}/${name}`;

async function pgAnswer(sql: string, values: unknown[], database = 'shop'): Promise<unknown> {
  const rows = await testApp.sql<{ answer: unknown }>(`SELECT (${sql}) AS answer`, values, database);
  return rows[0]?.answer;
}

describe.skipIf(!available)('objects of every kind in a real browser', () => {
  beforeAll(async () => {
    testApp = await startTestApp();
    const shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
    // Made as shop_owner (one session: SET ROLE lasts), so it owns them and holds ADMIN on the role it creates.
    await testApp.sql(
      [
        'SET ROLE shop_owner',
        `CREATE ROLE ${q(GRANTEE)}`,
        `CREATE SCHEMA ${q(SCHEMA)}`,
        `CREATE FUNCTION ${q(SCHEMA)}.${q(FUNCTION)}(x int, y text) RETURNS int LANGUAGE sql AS 'SELECT 1'`,
        `REVOKE EXECUTE ON FUNCTION ${q(SCHEMA)}.${q(FUNCTION)}(int, text) FROM PUBLIC`,
        `CREATE TABLE ${q(SCHEMA)}.${q(TABLE)} (id int, ${q(COLUMN)} numeric)`,
        'RESET ROLE',
      ].join('; '),
      [],
      'shop',
    );
    await testApp.sql(`ALTER ROLE ${q(GRANTEE)} SET work_mem = '8MB'`);
    const adminClient = testApp.client();
    await setupAdmin(adminClient);
    databaseId = await connect(adminClient, testApp, shop);
    browser = await launchChromium();
    admin = await pageSignedInAs(browser, testApp.url, adminClient);
  });

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
  });

  it('grants EXECUTE on a function with a hostile name through the dialog, previewed first', async () => {
    const granted = () =>
      pgAnswer(`SELECT has_function_privilege($1, p.oid, 'EXECUTE') FROM pg_proc p WHERE p.proname = $2`, [
        GRANTEE,
        FUNCTION,
      ]);
    expect(await granted()).toBe(false);

    await admin.goto(tab('objects'));
    expect(await admin.getByLabel('Kind of object').inputValue()).toBe('FUNCTION');
    await admin.getByLabel('Search objects of this kind').fill('🦄');
    // Labelled as PostgreSQL names it: quoted where needed, with its argument types.
    const label = String(await pgAnswer('SELECT oid::regprocedure::text FROM pg_proc WHERE proname = $1', [FUNCTION]));
    const row = admin.locator('tr[data-object]', { hasText: label });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('function');
    await row.getByRole('button', { name: /^Permissions of / }).click();

    const dialog = admin.getByRole('dialog');
    await pick(dialog, 'Add a grantee', GRANTEE);
    await dialog.getByLabel(`EXECUTE for ${GRANTEE}`, { exact: true }).check();
    const apply = dialog.getByRole('button', { name: 'Apply' });
    expect(await apply.isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Preview SQL' }).click();
    const preview = dialog.getByTestId('sql-preview');
    await expect
      .poll(() => preview.textContent())
      .toContain(`GRANT EXECUTE ON ROUTINE ${label.replace(', ', ',')} TO ${q(GRANTEE)}`);
    expect(await granted()).toBe(false);
    // The grantee cannot use the function's schema: the dialog offers its USAGE, as it does for a table.
    await dialog.getByTestId('offers').getByLabel(`Also grant USAGE on the schema to ${GRANTEE}`).check();
    await dialog.getByRole('button', { name: 'Preview SQL' }).click();
    await expect.poll(() => preview.textContent()).toContain(`GRANT USAGE ON SCHEMA ${q(SCHEMA)} TO ${q(GRANTEE)}`);
    await screenshot(admin, 'other-objects-function-grant');

    await apply.click();
    await expect.poll(() => dialog.getByRole('status').first().textContent()).toContain('Applied');
    expect(await granted()).toBe(true);
    await dialog.getByRole('button', { name: 'Close' }).first().click();
  });

  it('lists every kind the API offers, each read from the catalog', async () => {
    await admin.goto(tab('objects'));
    await admin.getByLabel('Kind of object').selectOption('LANGUAGE');
    await expect.poll(() => admin.locator('tr[data-object="plpgsql"]').count()).toBe(1);
    await admin.getByLabel('Kind of object').selectOption('TYPE');
    await expect.poll(() => admin.getByTestId('catalog-object-count').textContent()).toMatch(/^\d+ of types/);
  });

  it('grants SELECT on one column from its table’s dialog', async () => {
    const granted = () =>
      pgAnswer('has_column_privilege($1, $2::regclass, $3, $4)', [
        GRANTEE,
        `${q(SCHEMA)}.${q(TABLE)}`,
        COLUMN,
        'SELECT',
      ]);
    expect(await granted()).toBe(false);

    await admin.goto(tab('overview'));
    await searchObjects(admin, 'dger');
    await admin.getByRole('button', { name: `Permissions of ${SCHEMA}.${TABLE}`, exact: true }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByRole('button', { name: `Permissions of column ${COLUMN}`, exact: true }).click();
    await expect
      .poll(() => dialog.getByRole('heading').textContent())
      .toBe(`Permissions of ${SCHEMA}.${TABLE}.${COLUMN}`);
    await pick(dialog, 'Add a grantee', GRANTEE);
    await dialog.getByLabel(`SELECT for ${GRANTEE}`, { exact: true }).check();
    await dialog.getByRole('button', { name: 'Preview SQL' }).click();
    const preview = dialog.getByTestId('sql-preview');
    await expect.poll(() => preview.textContent()).toContain(`GRANT SELECT (${q(COLUMN)})`);
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(granted).toBe(true);

    // Closing the column's dialog goes back to the table's, which lists the column's grant.
    await dialog.getByRole('button', { name: 'Close' }).first().click();
    const columnRow = admin.getByRole('dialog').locator('tr[data-column]', { hasText: COLUMN });
    await expect.poll(() => columnRow.textContent()).toContain(`${GRANTEE}: SELECT`);
  });

  it('shows a role’s settings, connections and SQL, and sets its comment after a preview', async () => {
    await admin.goto(tab('roles'));
    await admin.getByLabel('Search roles').fill('ana lyst');
    await admin.getByRole('button', { name: `Settings of ${GRANTEE}`, exact: true }).click();
    const settings = admin.getByTestId('role-settings');
    await expect.poll(() => settings.locator('tr[data-setting=":work_mem"]').textContent()).toContain('8MB');
    expect(await settings.getByTestId('connections').textContent()).toBe('0 (no limit)');
    expect(await settings.getByTestId('valid-until').textContent()).toBe('never expires');
    expect(await settings.getByTestId('definition-sql').textContent()).toContain(`CREATE ROLE ${q(GRANTEE)}`);

    await settings.getByLabel('Comment', { exact: true }).fill('reads the “ledger”');
    const save = settings.getByRole('button', { name: 'Save comment' });
    expect(await save.isDisabled()).toBe(true);
    await settings.getByRole('button', { name: 'Preview SQL' }).nth(1).click();
    await expect.poll(() => settings.getByTestId('sql-preview').textContent()).toContain('COMMENT ON ROLE');
    await save.click();
    await expect.poll(() => settings.getByTestId('comment').textContent()).toBe('reads the “ledger”');
    expect(
      await pgAnswer(
        "SELECT shobj_description(oid, 'pg_authid') FROM pg_roles WHERE rolname = $1",
        [GRANTEE],
        'postgres',
      ),
    ).toBe('reads the “ledger”');
  });
});
