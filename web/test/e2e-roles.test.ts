import type { Browser, Locator, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, testedPostgres } from '../../server/test/support/app.js';
import type { TestClient } from '../../server/test/support/client.js';
import {
  connect,
  createLoginRole,
  createManagedDatabase,
  setupAdmin,
  signIn,
} from '../../server/test/support/fixtures.js';
import { collaboratorThrough, relationOwner, roleExists } from '../../server/test/support/permissions.js';
import { chromiumAvailable, launchChromium, pageSignedInAs } from './support/browser.js';
import { pick } from './support/pickers.js';

const available = chromiumAvailable();

let testApp: TestApp;
let browser: Browser;
let rolesUrl: string;

/** A browser page signed in as the user of `client` (its session cookie), on the Roles tab of `shop`. */
async function pageAs(client: TestClient): Promise<Page> {
  const page = await pageSignedInAs(browser, testApp.url, client);
  await page.goto(rolesUrl);
  await page.getByTestId('role-graph').waitFor();
  return page;
}

const row = (page: Page, name: string) => page.locator(`tr[data-role-row="${name}"]`);
const editor = (page: Page, name: string) => page.locator(`tr[data-role-editor="${name}"]`);
const previewOf = (scope: Locator) => scope.getByTestId('sql-preview').textContent();

async function rolname(name: string) {
  const rows = await testApp.sql<{ rolcanlogin: boolean; rolcreaterole: boolean; rolconnlimit: number }>(
    'SELECT rolcanlogin, rolcreaterole, rolconnlimit FROM pg_roles WHERE rolname = $1',
    [name],
  );
  return rows[0];
}

describe.skipIf(!available)('the Roles tab in a real browser', () => {
  let admin: Page;
  let sam: Page;

  beforeAll(async () => {
    testApp = await startTestApp({ DRIFT_INTERVAL_MS: '500' });
    const shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
    await testApp.sql('CREATE SCHEMA s AUTHORIZATION shop_owner', [], 'shop');
    const clerkPassword = await createLoginRole(testApp, 'clerk');
    await testApp.sql('GRANT CONNECT ON DATABASE shop TO clerk', [], 'shop');
    const adminClient = testApp.client();
    const { password } = await setupAdmin(adminClient);
    await signIn(adminClient, 'admin', password);
    const shopId = await connect(adminClient, testApp, shop);
    const samClient = await collaboratorThrough(testApp, adminClient, shopId, 'sam', 'clerk', clerkPassword);
    rolesUrl = `${testApp.url}/databases/${encodeURIComponent(shopId)}/roles`;
    browser = await launchChromium();
    admin = await pageAs(adminClient);
    sam = await pageAs(samClient);
  });

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
  });

  it('creates a group role and a login role, each after checking its SQL preview', async () => {
    const section = admin.getByRole('region', { name: 'Create a role' });
    const form = admin.getByRole('form', { name: 'Create a role' });
    await form.getByLabel('Role name').fill('readers');
    await form.getByRole('button', { name: 'Preview SQL' }).click();
    await expect.poll(() => previewOf(section)).toContain('CREATE ROLE "readers" NOLOGIN');
    await form.getByRole('button', { name: 'Create role' }).click();
    await expect.poll(() => section.getByRole('status').textContent()).toContain('Created readers');
    await expect.poll(() => row(admin, 'readers').isVisible()).toBe(true);
    expect(await rolname('readers')).toMatchObject({ rolcanlogin: false });

    const password = 'Reporter-Password-1';
    await form.getByLabel('Login role').check();
    await form.getByLabel('Role name').fill('reporter');
    await form.getByLabel('Password', { exact: true }).fill(password);
    await expect.poll(() => form.getByRole('button', { name: 'Create role' }).isDisabled()).toBe(true);
    await form.getByRole('button', { name: 'Preview SQL' }).click();
    await expect.poll(() => previewOf(section)).toContain(`CREATE ROLE "reporter" LOGIN PASSWORD '********'`);
    expect(await previewOf(section)).toContain('GRANT CONNECT, CREATE ON DATABASE "shop" TO "reporter"');
    expect(await admin.content()).not.toContain(password);
    await form.getByRole('button', { name: 'Create role' }).click();
    await expect.poll(() => row(admin, 'reporter').isVisible()).toBe(true);
    expect(await rolname('reporter')).toMatchObject({ rolcanlogin: true });
  });

  it('refuses a role name over 63 bytes, counted in UTF-8 as PostgreSQL does, instead of cutting it', async () => {
    const section = admin.getByRole('region', { name: 'Create a role' });
    const form = admin.getByRole('form', { name: 'Create a role' });
    await form.getByLabel('Group role (NOLOGIN)').check();
    const name = form.getByLabel('Role name');
    const problem = section.getByRole('alert').filter({ hasText: 'Too long' });
    const previews: string[] = [];
    const record = (request: Request) => {
      const body = request.postData() ?? '';
      if (!body.includes('mutation CreateRole')) return;
      previews.push(String((JSON.parse(body) as { variables: { input: { name: string } } }).variables.input.name));
    };
    admin.on('request', record);
    try {
      const long = 'a'.repeat(64);
      await name.fill(long);
      // The whole name stays in the input: nothing is cut silently.
      expect(await name.inputValue()).toBe(long);
      await expect
        .poll(() => problem.textContent())
        .toBe('Too long: PostgreSQL names are at most 63 bytes, and this one is 64.');
      expect(await name.getAttribute('aria-invalid')).toBe('true');
      await form.getByRole('button', { name: 'Preview SQL' }).click();
      expect(await section.getByTestId('sql-preview').count()).toBe(0);

      // Short in characters, long in bytes: 22 three-byte characters are 66 bytes.
      await name.fill('€'.repeat(22));
      await expect.poll(() => problem.textContent()).toContain('this one is 66.');
      await form.getByRole('button', { name: 'Preview SQL' }).click();
      expect(await section.getByTestId('sql-preview').count()).toBe(0);

      const fits = '€'.repeat(21);
      await name.fill(fits);
      await expect.poll(() => problem.count()).toBe(0);
      expect(await name.getAttribute('aria-invalid')).toBeNull();
      await form.getByRole('button', { name: 'Preview SQL' }).click();
      await expect.poll(() => previewOf(section)).toContain(`CREATE ROLE "${fits}" NOLOGIN`);
      // Only this preview reached the server (the refused ones, clicked before it, sent nothing).
      expect(previews).toEqual([fits]);
      await form.getByRole('button', { name: 'Create role' }).click();
      await expect.poll(() => row(admin, fits).isVisible()).toBe(true);
      expect(await roleExists(testApp, fits)).toBe(true);
    } finally {
      admin.off('request', record);
    }
  });

  it('edits an attribute after previewing the ALTER ROLE; one the server refuses fails at its preview', async () => {
    await row(admin, 'readers').getByRole('button', { name: 'Edit attributes' }).click();
    const form = editor(admin, 'readers');
    // shop_owner has no CREATEDB, so PostgreSQL 16+ will not let it give CREATEDB: disabled, with the reason. On 15
    // CREATEROLE gives CREATEDB freely.
    const givesOnlyItsOwn = testedPostgres.createRoleGivesOnlyItsOwn;
    expect(await form.getByLabel('CREATEDB', { exact: true }).isDisabled()).toBe(givesOnlyItsOwn);
    const reason = 'Only a role that has CREATEDB itself can change CREATEDB.';
    if (givesOnlyItsOwn) expect(await form.textContent()).toContain(reason);
    else expect(await form.textContent()).not.toContain(reason);
    await form.getByLabel('CREATEROLE', { exact: true }).check();
    await form.getByRole('button', { name: 'Preview SQL' }).click();
    await expect.poll(() => previewOf(form)).toContain('ALTER ROLE "readers" CREATEROLE');
    await form.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toContain('Applied');
    expect(await rolname('readers')).toMatchObject({ rolcreaterole: true });

    // PostgreSQL refuses a connection limit below -1: the preview runs the ALTER and says so, with nothing to apply.
    await form.getByLabel('LOGIN', { exact: true }).check();
    await form.getByLabel('Connection limit').fill('-5');
    await form.getByRole('button', { name: 'Preview SQL' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('connection limit');
    expect(await form.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);
    expect(await rolname('readers')).toMatchObject({ rolcanlogin: false, rolconnlimit: -1 });
    await form.getByRole('button', { name: 'Close' }).click();
  });

  it('renames a role through the inline form after previewing the SQL', async () => {
    await row(admin, 'readers').getByRole('button', { name: 'Rename' }).click();
    const form = editor(admin, 'readers');
    await form.getByLabel('New name for readers').fill('report readers');
    await form.getByRole('button', { name: 'Preview SQL' }).click();
    await expect.poll(() => previewOf(form)).toContain('ALTER ROLE "readers" RENAME TO "report readers"');
    await form.getByRole('button', { name: 'Rename' }).click();
    await expect.poll(() => row(admin, 'report readers').isVisible()).toBe(true);
    expect(await roleExists(testApp, 'report readers')).toBe(true);
    expect(await roleExists(testApp, 'readers')).toBe(false);
  });

  it('the rename form refuses a name over 63 bytes: Preview disabled, with the reason', async () => {
    await row(admin, 'reporter').getByRole('button', { name: 'Rename' }).click();
    const form = editor(admin, 'reporter');
    const input = form.getByLabel('New name for reporter');
    const long = 'r'.repeat(64);
    await input.fill(long);
    expect(await input.inputValue()).toBe(long);
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toBe('Too long: PostgreSQL names are at most 63 bytes, and this one is 64.');
    expect(await form.getByRole('button', { name: 'Preview SQL' }).isDisabled()).toBe(true);
    expect(await form.getByRole('button', { name: 'Rename' }).isDisabled()).toBe(true);
    await input.fill('r'.repeat(63));
    await expect.poll(() => form.getByRole('alert').count()).toBe(0);
    expect(await form.getByRole('button', { name: 'Preview SQL' }).isEnabled()).toBe(true);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => form.count()).toBe(0);
    expect(await roleExists(testApp, 'reporter')).toBe(true);
  });

  it('warns, in the password form of a login role, that everyone logging in as it needs the new password', async () => {
    await row(admin, 'reporter').getByRole('button', { name: 'Change password' }).click();
    const form = editor(admin, 'reporter');
    const warning = form.getByTestId('shared-password-warning');
    await expect.poll(() => warning.isVisible()).toBe(true);
    expect(await warning.textContent()).toContain('reporter');
    await form.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => form.count()).toBe(0);
  });

  it('lists the groups each role is a direct member of, or a dash', async () => {
    await testApp.sql(
      'CREATE ROLE group_b; CREATE ROLE group_a; CREATE ROLE in_two_groups; GRANT group_b, group_a TO in_two_groups',
    );
    await admin.reload();
    const memberOf = (name: string) => row(admin, name).getByTestId('member-of');
    await expect.poll(() => memberOf('in_two_groups').textContent()).toBe('group_a, group_b');
    expect(await memberOf('group_a').textContent()).toBe('—');
    expect(await memberOf('group_b').textContent()).toBe('—');
    const headers = await admin.locator('table:has(tr[data-role-row]) thead th').allTextContents();
    expect(headers).toContain('Member of');
  });

  it('opens what a role can access from its row, in a dialog, and closes it with Escape', async () => {
    await row(admin, 'reporter').getByRole('button', { name: 'What can reporter access' }).click();
    const dialog = admin.getByRole('dialog', { name: 'What reporter can access' });
    // reporter was created with CONNECT and CREATE on shop.
    await expect.poll(() => dialog.locator('tr[data-accessible-object="shop"]').textContent()).toContain('CONNECT');
    await admin.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('cancelling a drop changes nothing', async () => {
    await row(admin, 'reporter').getByRole('button', { name: 'Drop' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Drop role reporter' });
    await expect.poll(() => dialog.getByTestId('drop-owns').textContent()).toContain('owns no objects');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await roleExists(testApp, 'reporter')).toBe(true);
  });

  it('drops a role that owns a table, reassigning the table through the dialog after checking the preview', async () => {
    await testApp.sql(
      `CREATE ROLE doomed; GRANT doomed TO shop_owner WITH ADMIN OPTION;
       CREATE TABLE s.ledger (id int); ALTER TABLE s.ledger OWNER TO doomed`,
      [],
      'shop',
    );
    await admin.reload();
    await row(admin, 'doomed').getByRole('button', { name: 'Drop' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Drop role doomed' });
    await expect.poll(() => dialog.getByTestId('drop-owns').textContent()).toContain('owns 1 object(s) in shop');
    expect(await dialog.getByRole('button', { name: 'Confirm drop' }).isDisabled()).toBe(true);
    await pick(dialog, 'Reassign owned objects to', 'shop_owner');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect
      .poll(() => previewOf(dialog))
      .toContain('REASSIGN OWNED BY "doomed" TO "shop_owner";\nDROP OWNED BY "doomed";\nDROP ROLE "doomed";');
    expect(await relationOwner(testApp, 'shop', 's', 'ledger')).toBe('doomed');
    await dialog.getByRole('button', { name: 'Confirm drop' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await relationOwner(testApp, 'shop', 's', 'ledger')).toBe('shop_owner');
    expect(await roleExists(testApp, 'doomed')).toBe(false);
    await expect.poll(() => row(admin, 'doomed').count()).toBe(0);
  });

  it('shows a collaborator whose role lacks CREATEROLE the create, rename and drop controls disabled, with the reason', async () => {
    await sam.reload();
    await expect.poll(() => row(sam, 'reporter').isVisible()).toBe(true);
    const reason = sam.getByTestId('create-role-reason');
    expect(await reason.textContent()).toContain('Your role "clerk" lacks CREATEROLE');
    expect(await sam.getByRole('form', { name: 'Create a role' }).getByLabel('Role name').isDisabled()).toBe(true);
    expect(await sam.getByRole('button', { name: 'Create role' }).isDisabled()).toBe(true);
    const reporter = row(sam, 'reporter');
    expect(await reporter.getByRole('button', { name: 'Rename' }).isDisabled()).toBe(true);
    expect(await reporter.getByRole('button', { name: 'Drop' }).isDisabled()).toBe(true);
    expect(await reporter.getByRole('button', { name: 'Edit attributes' }).isDisabled()).toBe(true);
    expect(await reporter.getByTestId('role-reasons').textContent()).toContain('Your role "clerk" lacks CREATEROLE.');
    // PostgreSQL lets a plain role change its own password, but Rolecall stores clerk's: only admins change it.
    const clerk = row(sam, 'clerk');
    expect(await clerk.getByRole('button', { name: 'Change password' }).isDisabled()).toBe(true);
    expect(await clerk.getByTestId('role-reasons').textContent()).toContain(
      "Rolecall stores this role's password for its collaborators: only admins change it.",
    );
  });

  it('is usable from the keyboard: Tab to a role, Enter selects it for Explain, the zoom button and arrow keys move the view', async () => {
    await admin.getByRole('button', { name: 'Reset view' }).focus();
    await admin.keyboard.press('Tab');
    const focused = await admin.evaluate(() => document.activeElement?.getAttribute('data-role') ?? null);
    expect(focused).not.toBeNull();
    await admin.keyboard.press('Enter');
    const explain = admin.getByTestId('explain');
    await expect.poll(() => explain.getByLabel('Role to explain').inputValue()).toBe(focused);
    const node = admin.getByTestId('role-graph').locator(`[data-role="${focused}"]`);
    expect(await node.getAttribute('aria-pressed')).toBe('true');

    const viewport = admin.getByTestId('graph-viewport');
    const before = await viewport.getAttribute('transform');
    await admin.getByRole('button', { name: 'Zoom in' }).focus();
    await admin.keyboard.press('Enter');
    await expect.poll(() => viewport.getAttribute('transform')).toContain('scale(1.2)');
    expect(await viewport.getAttribute('transform')).not.toBe(before);

    await node.focus();
    await admin.keyboard.press('ArrowRight');
    await expect.poll(() => viewport.getAttribute('transform')).toContain('translate(-40 0)');
  });
  it('reads the roles a page at a time as the list scrolls, searched by name and kind on the server', async () => {
    await testApp.sql(`DO $$ BEGIN
      FOR i IN 1..450 LOOP
        EXECUTE format('CREATE ROLE %I %s', 'bulk_' || i, CASE WHEN i % 2 = 0 THEN 'LOGIN' ELSE 'NOLOGIN' END);
      END LOOP;
    END $$`);
    await admin.goto(rolesUrl);
    const shown = admin.getByTestId('roles-shown');
    await expect.poll(() => shown.textContent(), { timeout: 15_000 }).toMatch(/^\d+ roles$/);
    expect(Number.parseInt((await shown.textContent()) ?? '', 10)).toBeGreaterThan(450);
    const rows = admin.locator('tr[data-role-row]');
    // Only the rows in view (and a few around them) are in the page.
    expect(await rows.count()).toBeLessThan(100);

    await admin.getByLabel('Search roles').fill('BULK_42');
    await expect.poll(() => shown.textContent()).toBe('11 roles');
    const names = () => rows.evaluateAll((found) => found.map((row) => row.getAttribute('data-role-row')));
    await expect
      .poll(async () => (await names()).sort())
      .toEqual(['bulk_42', ...Array.from({ length: 10 }, (_, i) => `bulk_42${i}`)].sort());

    await admin.getByLabel('Search roles').fill('bulk_');
    await admin.getByLabel('Kind of role').selectOption('LOGIN');
    await expect.poll(() => shown.textContent()).toBe('225 roles');
    const attributes = await admin.locator('tr[data-role-row] [data-testid="attributes"]').allTextContents();
    expect(attributes.every((text) => text.includes('LOGIN') && !text.includes('NOLOGIN'))).toBe(true);
    // By name the last login role is bulk_98, past the first page of 100: scrolling to the end reads the rest.
    const box = admin.locator('.virtual-rows').filter({ has: rows });
    await expect
      .poll(async () => {
        await box.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
        return row(admin, 'bulk_98').count();
      })
      .toBe(1);
    expect(await rows.count()).toBeLessThan(100);
  });
  it('explains what a role lacks on the way to a table, with the GRANT that fixes it', async () => {
    await testApp.sql('CREATE ROLE no_usage');
    await testApp.sql(
      'SET ROLE shop_owner; CREATE TABLE s.gap_t (id int); GRANT SELECT ON s.gap_t TO no_usage',
      [],
      'shop',
    );
    await admin.goto(rolesUrl);
    const explain = admin.getByTestId('explain');
    await pick(explain, 'Role to explain', 'no_usage');
    await pick(explain, 'Object to explain', 'table s.gap_t', 's.gap_t');
    await expect.poll(() => explain.getByTestId('access-gaps').textContent()).toContain('Missing USAGE on schema s');
    expect(await explain.getByTestId('access-gaps').textContent()).toContain('GRANT USAGE ON SCHEMA "s" TO "no_usage"');
  });
});
