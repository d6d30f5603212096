import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../server/test/support/app.js';
import type { TestClient } from '../../server/test/support/client.js';
import {
  connect,
  createLoginRole,
  createManagedDatabase,
  setupAdmin,
  signIn,
} from '../../server/test/support/fixtures.js';
import {
  collaboratorThrough,
  expectRefused,
  hasTablePrivilege,
  mutate,
  roleExists,
} from '../../server/test/support/permissions.js';
import { chromiumAvailable, launchChromium, pageSignedInAs } from './support/browser.js';
import { pick } from './support/pickers.js';
import { screenshot } from './support/screenshots.js';

/**
 * The rest of the role surface in a real browser (issue 15): REPLICATION and BYPASSRLS offered at CREATE ROLE only
 * where the viewer's role may give them, and PostgreSQL's refusal when it may no longer; VALID UNTIL 'infinity' told
 * apart from no VALID UNTIL and set, replaced by a day and set again; partitions opened under their parent in the
 * Overview, each with its own permission dialog. `shop_owner` (CREATEROLE, no REPLICATION) is the admin's role;
 * `keeper` (CREATEROLE REPLICATION) is kim's. PostgreSQL 16+'s CREATEROLE rules (the embedded 18): a role gives
 * REPLICATION only if it has it (role-capabilities-versions.test.ts checks the rules of each version).
 */

const available = chromiumAvailable();
const PARTITIONS = 400;

let testApp: TestApp;
let browser: Browser;
let adminClient: TestClient;
let databaseId: string;
let admin: Page;
let kim: Page;

const tab = (name: string) => `${testApp.url}/databases/${encodeURIComponent(databaseId)}/${name}`;
const createForm = (page: Page) => page.getByRole('form', { name: 'Create a role' });
const createSection = (page: Page) => page.getByRole('region', { name: 'Create a role' });
/** The statements a preview shows, as one text (each ends with a semicolon). */
const previewSql = (scope: Locator) => scope.getByTestId('sql-preview').locator('pre').textContent();
const roleRow = (page: Page, name: string) => page.locator(`tr[data-role-row="${name}"]`);
const objectRow = (page: Page, label: string) => page.locator(`tr[data-object="${label}"]`);

async function rolesTab(page: Page): Promise<void> {
  await page.goto(tab('roles'));
  await createForm(page).getByLabel('Role name').waitFor();
}

async function attributesOf(name: string) {
  const rows = await testApp.sql<{ rolreplication: boolean; rolbypassrls: boolean }>(
    'SELECT rolreplication, rolbypassrls FROM pg_roles WHERE rolname = $1',
    [name],
  );
  return rows[0];
}

/** VALID UNTIL as PostgreSQL keeps it: null (never set), 'infinity', or the time in UTC. */
async function validUntilOf(name: string): Promise<string | null> {
  const rows = await testApp.sql<{ at: string | null }>(
    `SELECT CASE WHEN isfinite(rolvaliduntil) THEN to_char(rolvaliduntil AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')
                 ELSE rolvaliduntil::text END AS at
       FROM pg_roles WHERE rolname = $1`,
    [name],
  );
  return rows[0]?.at ?? null;
}

/** Why a CREATEROLE role without `keyword` may not give it (16+; on 15 only superusers give these). */
const cannotGive = (keyword: string) => `${keyword}: Only a role that has ${keyword} itself can give ${keyword}.`;

describe.skipIf(!available)('role attributes and partitions in a real browser', () => {
  beforeAll(async () => {
    testApp = await startTestApp({ DRIFT_INTERVAL_MS: '500' });
    const shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
    const keeperPassword = await createLoginRole(testApp, 'keeper');
    await testApp.sql('ALTER ROLE keeper CREATEROLE REPLICATION');
    // Made as shop_owner (one session: SET ROLE lasts), so it owns them and holds ADMIN OPTION on the roles.
    await testApp.sql(
      [
        'SET ROLE shop_owner',
        'CREATE ROLE app_login LOGIN',
        'CREATE ROLE analyst',
        'CREATE SCHEMA s',
        'GRANT USAGE ON SCHEMA s TO analyst',
        'CREATE TABLE s.measurements (id int, at date) PARTITION BY RANGE (at)',
        `CREATE TABLE s.measurements_2024 PARTITION OF s.measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')`,
        `CREATE TABLE s.measurements_2025 PARTITION OF s.measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')
           PARTITION BY RANGE (id)`,
        'CREATE TABLE s.measurements_2025_low PARTITION OF s.measurements_2025 FOR VALUES FROM (0) TO (1000)',
        'CREATE TABLE s.events (id int) PARTITION BY RANGE (id)',
        `DO $$ BEGIN FOR i IN 0..${PARTITIONS - 1} LOOP
           EXECUTE format('CREATE TABLE s.%I PARTITION OF s.events FOR VALUES FROM (%s) TO (%s)',
                          'events_p' || lpad(i::text, 3, '0'), i * 10, i * 10 + 10);
         END LOOP; END $$`,
        'RESET ROLE',
      ].join('; '),
      [],
      'shop',
    );
    adminClient = testApp.client();
    const { password } = await setupAdmin(adminClient);
    await signIn(adminClient, 'admin', password);
    databaseId = await connect(adminClient, testApp, shop);
    const kimClient = await collaboratorThrough(testApp, adminClient, databaseId, 'kim', 'keeper', keeperPassword);
    browser = await launchChromium();
    admin = await pageSignedInAs(browser, testApp.url, adminClient);
    kim = await pageSignedInAs(browser, testApp.url, kimClient);
  });

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
  });

  it('offers REPLICATION and BYPASSRLS at CREATE ROLE only to a role that may give them, with the reason', async () => {
    await rolesTab(admin);
    const form = createForm(admin);
    expect(await form.getByLabel('REPLICATION', { exact: true }).isDisabled()).toBe(true);
    expect(await form.getByLabel('BYPASSRLS', { exact: true }).isDisabled()).toBe(true);
    const locks = await form.getByTestId('attribute-locks').textContent();
    expect(locks).toContain(cannotGive('REPLICATION'));
    expect(locks).toContain(cannotGive('BYPASSRLS'));

    await rolesTab(kim);
    const kimForm = createForm(kim);
    expect(await kimForm.getByLabel('REPLICATION', { exact: true }).isEnabled()).toBe(true);
    expect(await kimForm.getByLabel('BYPASSRLS', { exact: true }).isDisabled()).toBe(true);
    const kimLocks = await kimForm.getByTestId('attribute-locks').textContent();
    expect(kimLocks).toContain(cannotGive('BYPASSRLS'));
    expect(kimLocks).not.toContain('REPLICATION');
  });

  it('an insider with CREATEROLE but not REPLICATION asking the API for it gets a typed refusal and nothing is made', async () => {
    const input = { name: 'sneaky', replication: true };
    for (const dryRun of [true, false]) {
      const refused = await mutate(adminClient, databaseId, 'createRole', { input }, dryRun);
      expectRefused(refused, 'PermissionDeniedError', '42501');
    }
    expect(await roleExists(testApp, 'sneaky')).toBe(false);
  });

  it('creates a REPLICATION role after previewing its exact SQL, as a role that has REPLICATION', async () => {
    await rolesTab(kim);
    const form = createForm(kim);
    await form.getByLabel('Role name').fill('standby');
    await form.getByLabel('REPLICATION', { exact: true }).check();
    const create = form.getByRole('button', { name: 'Create role' });
    expect(await create.isDisabled()).toBe(true);
    await form.getByRole('button', { name: 'Preview SQL' }).click();
    await expect.poll(() => previewSql(createSection(kim))).toBe('CREATE ROLE "standby" NOLOGIN REPLICATION;');
    expect(await roleExists(testApp, 'standby')).toBe(false);
    await create.click();
    await expect.poll(() => createSection(kim).getByRole('status').textContent()).toContain('Created standby');
    expect(await attributesOf('standby')).toEqual({ rolreplication: true, rolbypassrls: false });
  });

  it('edits REPLICATION through ALTER ROLE where the viewer may, and shows it locked with the reason where not', async () => {
    await rolesTab(admin);
    await admin.getByLabel('Search roles').fill('app_login');
    await roleRow(admin, 'app_login').getByRole('button', { name: 'Edit attributes' }).click();
    const adminEditor = admin.getByRole('form', { name: 'Attributes of app_login' });
    expect(await adminEditor.getByLabel('REPLICATION', { exact: true }).isDisabled()).toBe(true);
    expect(await adminEditor.getByTestId('attribute-locks').textContent()).toContain('REPLICATION: Only a');

    await rolesTab(kim);
    await kim.getByLabel('Search roles').fill('standby');
    await roleRow(kim, 'standby').getByRole('button', { name: 'Edit attributes' }).click();
    const editor = kim.getByRole('form', { name: 'Attributes of standby' });
    await editor.getByLabel('REPLICATION', { exact: true }).uncheck();
    await editor.getByRole('button', { name: 'Preview SQL' }).click();
    await expect.poll(() => previewSql(editor)).toBe('ALTER ROLE "standby" NOREPLICATION;');
    expect(await attributesOf('standby')).toMatchObject({ rolreplication: true });
    await editor.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(async () => (await attributesOf('standby'))?.rolreplication).toBe(false);
  });

  it('a REPLICATION the role lost since the form offered it: the preview shows PostgreSQL’s typed refusal and nothing is made', async () => {
    await rolesTab(kim);
    const form = createForm(kim);
    await form.getByLabel('Role name').fill('standby2');
    const replication = form.getByLabel('REPLICATION', { exact: true });
    await replication.check();
    // Out of band, between the offer and the preview.
    await testApp.sql('ALTER ROLE keeper NOREPLICATION');
    const answer = kim.waitForResponse((response) => (response.request().postData() ?? '').includes('CreateRole'));
    await form.getByRole('button', { name: 'Preview SQL' }).click();
    const body = (await (await answer).json()) as { data: { createRole: { __typename: string } } };
    expect(body.data.createRole.__typename).toBe('PermissionDeniedError');
    const refusal = createSection(kim).getByRole('alert');
    await expect
      .poll(() => refusal.textContent())
      .toBe(
        'permission denied to create role: Only roles with the REPLICATION attribute may create roles with the REPLICATION attribute.',
      );
    expect(await createSection(kim).getByTestId('sql-preview').count()).toBe(0);
    expect(await form.getByRole('button', { name: 'Create role' }).isDisabled()).toBe(true);
    expect(await roleExists(testApp, 'standby2')).toBe(false);

    // Unticked, it is not offered again once the live change has reached the form.
    await replication.uncheck();
    await expect.poll(() => replication.isDisabled(), { timeout: 8_000 }).toBe(true);
    expect(await form.getByTestId('attribute-locks').textContent()).toContain(cannotGive('REPLICATION'));
  });

  it('tells VALID UNTIL infinity from none, and sets infinity, a day, then infinity again, each previewed', async () => {
    await rolesTab(admin);
    await admin.getByLabel('Search roles').fill('app_login');
    await admin.getByRole('button', { name: 'Settings of app_login', exact: true }).click();
    const settings = admin.getByTestId('role-settings');
    const shown = settings.getByTestId('valid-until');
    await expect.poll(() => shown.textContent()).toBe('never expires');
    expect(await validUntilOf('app_login')).toBeNull();

    const form = settings.getByRole('form', { name: 'VALID UNTIL of app_login' });
    const set = form.getByRole('button', { name: 'Set VALID UNTIL' });
    const setTo = async (sql: string) => {
      expect(await set.isDisabled()).toBe(true);
      await form.getByRole('button', { name: 'Preview SQL' }).click();
      await expect.poll(() => previewSql(form)).toBe(sql);
      await set.click();
      await expect.poll(() => form.getByRole('status').textContent()).toBe('VALID UNTIL set.');
    };

    await form.getByLabel('never expires (infinity)').check();
    await setTo(`ALTER ROLE "app_login" VALID UNTIL 'infinity';`);
    expect(await validUntilOf('app_login')).toBe('infinity');
    await expect.poll(() => shown.textContent()).toBe('never expires (infinity)');

    await form.getByLabel('Expiry day').fill('2031-02-03');
    await setTo(`ALTER ROLE "app_login" VALID UNTIL '2031-02-03T00:00:00.000Z';`);
    expect(await validUntilOf('app_login')).toBe('2031-02-03 00:00:00');
    await expect.poll(() => shown.textContent()).toBe('2031-02-03T00:00:00.000Z');
    await screenshot(admin, 'role-settings');

    await form.getByLabel('never expires (infinity)').check();
    await setTo(`ALTER ROLE "app_login" VALID UNTIL 'infinity';`);
    expect(await validUntilOf('app_login')).toBe('infinity');
    await expect.poll(() => shown.textContent()).toBe('never expires (infinity)');
  });

  it('shows partitions only under their opened parent, and grants on a partition through its own dialog', async () => {
    await admin.goto(tab('overview'));
    await admin.getByLabel('Search objects').fill('measurements');
    const parent = objectRow(admin, 's.measurements');
    await expect.poll(() => parent.textContent()).toContain('partitioned table');
    // Not listed flat: a partition is reached through its parent.
    expect(await objectRow(admin, 's.measurements_2024').count()).toBe(0);

    await parent.getByRole('button', { name: 'Partitions of s.measurements', exact: true }).click();
    await expect.poll(() => parent.getByTestId('partition-count').textContent()).toBe('2 partitions');
    const labels = () =>
      admin.locator('tr[data-object]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-object')));
    expect(await labels()).toEqual(['s', 's.measurements', 's.measurements_2024', 's.measurements_2025']);
    const partition = objectRow(admin, 's.measurements_2024');
    expect(await partition.getAttribute('data-partition-of')).toBe('s.measurements');
    expect(await partition.textContent()).toContain('partition of s.measurements');
    expect(await partition.textContent()).toContain('shop_owner');

    // A partition partitioned again opens under it in turn.
    await objectRow(admin, 's.measurements_2025')
      .getByRole('button', { name: 'Partitions of s.measurements_2025' })
      .click();
    await expect
      .poll(labels)
      .toEqual(['s', 's.measurements', 's.measurements_2024', 's.measurements_2025', 's.measurements_2025_low']);
    expect(await objectRow(admin, 's.measurements_2025_low').getAttribute('data-partition-of')).toBe(
      's.measurements_2025',
    );
    await screenshot(admin, 'partitions');

    const granted = () => hasTablePrivilege(testApp, 'shop', 'analyst', 's.measurements_2024', 'SELECT');
    expect(await granted()).toBe(false);
    await partition.getByRole('button', { name: 'Permissions of s.measurements_2024', exact: true }).click();
    const dialog = admin.getByRole('dialog');
    await pick(dialog, 'Add a grantee', 'analyst');
    await dialog.getByLabel('Access of analyst').selectOption('READ');
    await dialog.getByRole('button', { name: 'Preview SQL' }).click();
    await expect.poll(() => previewSql(dialog)).toBe('GRANT SELECT ON TABLE "s"."measurements_2024" TO "analyst";');
    expect(await granted()).toBe(false);
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(granted).toBe(true);
    // On the partition alone: its parent and its sibling keep their own ACLs.
    expect(await hasTablePrivilege(testApp, 'shop', 'analyst', 's.measurements', 'SELECT')).toBe(false);
    expect(await hasTablePrivilege(testApp, 'shop', 'analyst', 's.measurements_2025', 'SELECT')).toBe(false);
    await dialog.getByRole('button', { name: 'Close' }).first().click();
  });

  it('shows a grant made elsewhere on an open partition in its row, live', async () => {
    await kim.goto(tab('overview'));
    await kim.getByLabel('Search objects').fill('measurements');
    await objectRow(kim, 's.measurements').getByRole('button', { name: 'Partitions of s.measurements' }).click();
    const partition = objectRow(kim, 's.measurements_2025');
    await partition.waitFor();
    await expect.poll(() => kim.getByTestId('connection').textContent()).toContain('Live');
    const object = { kind: 'TABLE', schema: 's', name: 'measurements_2025' };
    const granted = await mutate(adminClient, databaseId, 'grantPrivileges', {
      object,
      grantee: 'analyst',
      privileges: ['SELECT'],
    });
    expect(granted.__typename).toBe('PermissionChange');
    await expect.poll(() => partition.getAttribute('data-changed')).toBe('true');
  });

  it(`opens a table of ${PARTITIONS} partitions with only the rows in view in the page`, async () => {
    await admin.goto(tab('overview'));
    await admin.getByLabel('Search objects').fill('s.events');
    const parent = objectRow(admin, 's.events');
    await parent.getByRole('button', { name: 'Partitions of s.events', exact: true }).click();
    await expect.poll(() => parent.getByTestId('partition-count').textContent()).toBe(`${PARTITIONS} partitions`);
    const partitionRows = admin.locator('tr[data-partition-of="s.events"]');
    await expect.poll(() => partitionRows.count()).toBeGreaterThan(0);
    expect(await partitionRows.count()).toBeLessThan(100);

    const last = objectRow(admin, `s.events_p${String(PARTITIONS - 1).padStart(3, '0')}`);
    const box = admin.locator('.virtual-rows');
    await expect
      .poll(async () => {
        await box.evaluate((element) => {
          element.scrollTop = element.scrollHeight;
        });
        return last.isVisible();
      })
      .toBe(true);
    expect(await partitionRows.count()).toBeLessThan(100);
  });
});
