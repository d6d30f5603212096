import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../server/test/support/app.js';
import type { TestClient } from '../../server/test/support/client.js';
import { testedPostgres } from '../../server/test/support/cluster.js';
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
import { searchObjects } from './support/searches.js';

/**
 * The rest of the role surface in a real browser (issue 15): REPLICATION and BYPASSRLS offered at CREATE ROLE only
 * where the viewer's role may give them, and PostgreSQL's refusal when it may no longer; VALID UNTIL 'infinity' told
 * apart from no VALID UNTIL and set, replaced by a day and set again; partitions opened under their parent in the
 * Overview, each with its own permission dialog. `shop_owner` (CREATEROLE, no REPLICATION) is the admin's role;
 * `keeper` (CREATEROLE REPLICATION) is kim's. Each version's CREATEROLE rules: from 16 a role gives REPLICATION only
 * if it has it; on 15 only a superuser gives REPLICATION or BYPASSRLS, and any CREATEROLE role gives CREATEDB.
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

/**
 * Searches the Roles tab and waits for the answer: a row clicked before the search's result arrives is re-rendered
 * away with the editor it opened.
 */
async function searchRoles(page: Page, name: string): Promise<void> {
  await page.getByLabel('Search roles').fill(name);
  const names = () =>
    page.locator('tr[data-role-row]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-role-row')));
  await expect.poll(names).toEqual([name]);
}

async function attributesOf(name: string) {
  const rows = await testApp.sql<{ rolreplication: boolean; rolbypassrls: boolean; rolcreatedb: boolean }>(
    'SELECT rolreplication, rolbypassrls, rolcreatedb FROM pg_roles WHERE rolname = $1',
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

/** Why a CREATEROLE role may not give `keyword`: 16+, without it itself; 15, ever (only a superuser may). */
const cannotGive = (keyword: string) =>
  testedPostgres.createRoleGivesOnlyItsOwn
    ? `${keyword}: Only a role that has ${keyword} itself can give ${keyword}.`
    : `${keyword}: Only a superuser can give ${keyword} (PostgreSQL 15).`;

/**
 * An attribute a CREATEROLE role may give at CREATE ROLE on the tested version, who gives it, and how it stops being
 * able to between the offer and the preview: REPLICATION by kim (keeper has it) from 16; on 15, CREATEDB by the admin,
 * whose role stops being able to give any attribute when it loses CREATEROLE.
 */
const giving = testedPostgres.createRoleGivesOnlyItsOwn
  ? {
      attribute: 'REPLICATION',
      giver: () => kim,
      column: 'rolreplication' as const,
      lose: 'ALTER ROLE keeper NOREPLICATION',
      restore: null,
      refusal:
        'permission denied to create role: Only roles with the REPLICATION attribute may create roles with the REPLICATION attribute.',
      lostReason: { testId: 'attribute-locks', text: cannotGive('REPLICATION') },
      // A ticked attribute the role may no longer give stays enabled until unticked.
      untickedFirst: true,
    }
  : {
      attribute: 'CREATEDB',
      giver: () => admin,
      column: 'rolcreatedb' as const,
      lose: 'ALTER ROLE shop_owner NOCREATEROLE',
      restore: 'ALTER ROLE shop_owner CREATEROLE',
      refusal: 'permission denied to create role',
      lostReason: {
        testId: 'create-role-reason',
        text: 'Your role "shop_owner" lacks CREATEROLE: PostgreSQL lets it create no roles.',
      },
      // Without CREATEROLE the whole form is locked once the live change arrives, the ticked box with it.
      untickedFirst: false,
    };

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
    // 15: CREATEROLE gives CREATEDB though shop_owner lacks it.
    if (!testedPostgres.createRoleGivesOnlyItsOwn)
      expect(await form.getByLabel('CREATEDB', { exact: true }).isEnabled()).toBe(true);

    await rolesTab(kim);
    const kimForm = createForm(kim);
    const replicationOffered = testedPostgres.createRoleGivesOnlyItsOwn;
    expect(await kimForm.getByLabel('REPLICATION', { exact: true }).isEnabled()).toBe(replicationOffered);
    expect(await kimForm.getByLabel('BYPASSRLS', { exact: true }).isDisabled()).toBe(true);
    const kimLocks = await kimForm.getByTestId('attribute-locks').textContent();
    expect(kimLocks).toContain(cannotGive('BYPASSRLS'));
    if (replicationOffered) expect(kimLocks).not.toContain('REPLICATION');
    else expect(kimLocks).toContain(cannotGive('REPLICATION'));
  });

  it('an insider with CREATEROLE but not REPLICATION asking the API for it gets a typed refusal and nothing is made', async () => {
    const input = { name: 'sneaky', replication: true };
    for (const dryRun of [true, false]) {
      const refused = await mutate(adminClient, databaseId, 'createRole', { input }, dryRun);
      expectRefused(refused, 'PermissionDeniedError', '42501');
    }
    expect(await roleExists(testApp, 'sneaky')).toBe(false);
  });

  it(`creates a ${giving.attribute} role after previewing its exact SQL, as a role that may give it`, async () => {
    const page = giving.giver();
    await rolesTab(page);
    const form = createForm(page);
    await form.getByLabel('Role name').fill('standby');
    await form.getByLabel(giving.attribute, { exact: true }).check();
    const create = form.getByRole('button', { name: 'Create role' });
    expect(await create.isDisabled()).toBe(true);
    await form.getByRole('button', { name: 'Preview SQL' }).click();
    await expect.poll(() => previewSql(createSection(page))).toBe(`CREATE ROLE "standby" NOLOGIN ${giving.attribute};`);
    expect(await roleExists(testApp, 'standby')).toBe(false);
    await create.click();
    await expect.poll(() => createSection(page).getByRole('status').textContent()).toContain('Created standby');
    expect(await attributesOf('standby')).toMatchObject({ [giving.column]: true, rolbypassrls: false });
  });

  it('edits REPLICATION through ALTER ROLE where the viewer may, and shows it locked with the reason where not', async () => {
    await rolesTab(admin);
    await searchRoles(admin, 'app_login');
    await roleRow(admin, 'app_login').getByRole('button', { name: 'Edit attributes' }).click();
    const adminEditor = admin.getByRole('form', { name: 'Attributes of app_login' });
    expect(await adminEditor.getByLabel('REPLICATION', { exact: true }).isDisabled()).toBe(true);
    expect(await adminEditor.getByTestId('attribute-locks').textContent()).toContain('REPLICATION: Only a');

    const page = giving.giver();
    await rolesTab(page);
    await searchRoles(page, 'standby');
    await roleRow(page, 'standby').getByRole('button', { name: 'Edit attributes' }).click();
    const editor = page.getByRole('form', { name: 'Attributes of standby' });
    await editor.getByLabel(giving.attribute, { exact: true }).uncheck();
    await editor.getByRole('button', { name: 'Preview SQL' }).click();
    await expect.poll(() => previewSql(editor)).toBe(`ALTER ROLE "standby" NO${giving.attribute};`);
    expect(await attributesOf('standby')).toMatchObject({ [giving.column]: true });
    await editor.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(async () => (await attributesOf('standby'))?.[giving.column]).toBe(false);
  });

  it(`a ${giving.attribute} the role may no longer give since the form offered it: the preview shows PostgreSQL’s typed refusal and nothing is made`, async () => {
    const page = giving.giver();
    await rolesTab(page);
    const form = createForm(page);
    await form.getByLabel('Role name').fill('standby2');
    const attribute = form.getByLabel(giving.attribute, { exact: true });
    await attribute.check();
    // Out of band, between the offer and the preview.
    await testApp.sql(giving.lose);
    try {
      const answer = page.waitForResponse((response) => (response.request().postData() ?? '').includes('CreateRole'));
      await form.getByRole('button', { name: 'Preview SQL' }).click();
      const body = (await (await answer).json()) as { data: { createRole: { __typename: string } } };
      expect(body.data.createRole.__typename).toBe('PermissionDeniedError');
      const refusal = createSection(page).getByRole('alert');
      await expect.poll(() => refusal.textContent()).toBe(giving.refusal);
      expect(await createSection(page).getByTestId('sql-preview').count()).toBe(0);
      expect(await form.getByRole('button', { name: 'Create role' }).isDisabled()).toBe(true);
      expect(await roleExists(testApp, 'standby2')).toBe(false);

      // Unticked where the form still lets it (16+), it is not offered again once the live change has reached it.
      if (giving.untickedFirst) await attribute.uncheck();
      await expect.poll(() => attribute.isDisabled(), { timeout: 8_000 }).toBe(true);
      const reason = createSection(page).getByTestId(giving.lostReason.testId);
      expect(await reason.textContent()).toContain(giving.lostReason.text);
    } finally {
      if (giving.restore) await testApp.sql(giving.restore);
    }
  });

  it('tells VALID UNTIL infinity from none, and sets infinity, a day, then infinity again, each previewed', async () => {
    await rolesTab(admin);
    await searchRoles(admin, 'app_login');
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
    await searchObjects(admin, 'measurements');
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
    await searchObjects(kim, 'measurements');
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
    await searchObjects(admin, 's.events');
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
