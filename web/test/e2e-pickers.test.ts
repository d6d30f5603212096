import type { Browser, Locator, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../server/test/support/app.js';
import { connectShop, setupAdmin } from '../../server/test/support/fixtures.js';
import { chromiumAvailable, launchChromium, pageSignedInAs } from './support/browser.js';
import { pick } from './support/pickers.js';

const available = chromiumAvailable();

/** The server's size: 2,000 roles by default; PICKER_ROLES=10000 measures the pickers on a larger one. */
const ROLES = Number(process.env.PICKER_ROLES ?? 2_000);
/** pk_role_0001 … pk_role_2000: names that sort as numbered, so what a search lists first is known. */
const roleName = (n: number) => `pk_role_${String(n).padStart(String(ROLES).length, '0')}`;

let testApp: TestApp;
let browser: Browser;
let databaseId: string;
let page: Page;

const tab = (name: string) => `${testApp.url}/databases/${databaseId}/${name}`;
/** The options of the open picker (a native <select>'s options are options too, outside any listbox). */
const options = (scope: Locator) => scope.getByRole('listbox').getByRole('option');

/** Opens the permission dialog of s.t from the Overview; prints how long the dialog took from the click. */
async function openTableDialog(): Promise<Locator> {
  await page.goto(tab('overview'));
  const button = page.getByRole('button', { name: 'Permissions of s.t', exact: true });
  await button.waitFor();
  const clicked = Date.now();
  await button.click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Add a grantee', exact: true }).waitFor();
  console.info(`permission dialog of s.t ready ${Date.now() - clicked} ms after the click (${ROLES} roles)`);
  return dialog;
}

/**
 * Starts timing in the page: resolves with the milliseconds from the last key pressed to the moment an option named
 * `name` is in the DOM. It also records the most options any listbox held meanwhile.
 */
function startTiming(name: string): Promise<void> {
  return page.evaluate((wanted) => {
    const state = { lastKey: 0, maxOptions: 0, elapsed: -1 };
    (window as unknown as { pickerTiming: typeof state }).pickerTiming = state;
    document.addEventListener('keydown', () => (state.lastKey = performance.now()), true);
    const observer = new MutationObserver(() => {
      const listed = [...document.querySelectorAll('[role="listbox"]')].map(
        (listbox) => listbox.querySelectorAll('[role="option"]').length,
      );
      state.maxOptions = Math.max(state.maxOptions, ...listed);
      const found = [...document.querySelectorAll('[role="option"]')].some((o) => o.textContent?.trim() === wanted);
      if (found && state.elapsed < 0) state.elapsed = performance.now() - state.lastKey;
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }, name);
}

/** A GraphQL request's document and variables, sent as GET (urql's default for short queries) or POST. */
function graphqlOperation(request: Request): { query: string; variables: Record<string, unknown> } | null {
  const url = new URL(request.url());
  if (!url.pathname.endsWith('/graphql')) return null;
  if (request.method() === 'GET')
    return {
      query: url.searchParams.get('query') ?? '',
      variables: JSON.parse(url.searchParams.get('variables') ?? '{}') as Record<string, unknown>,
    };
  const body = request.postDataJSON() as { query?: string; variables?: Record<string, unknown> } | null;
  return { query: body?.query ?? '', variables: body?.variables ?? {} };
}

const timing = () =>
  page.evaluate(() => (window as unknown as { pickerTiming: { elapsed: number; maxOptions: number } }).pickerTiming);

describe.skipIf(!available)(`the role and object pickers on a server of ${ROLES} roles, in a real browser`, () => {
  beforeAll(async () => {
    testApp = await startTestApp();
    const admin = testApp.client();
    await setupAdmin(admin);
    databaseId = await connectShop(testApp, admin, []);
    await testApp.sql(`DO $$ BEGIN
      FOR i IN 1..${ROLES} LOOP
        EXECUTE format('CREATE ROLE %I', 'pk_role_' || lpad(i::text, ${String(ROLES).length}, '0'));
      END LOOP;
    END $$`);
    browser = await launchChromium();
    page = await pageSignedInAs(browser, testApp.url, admin);
  });

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
  });

  it('lists a role typed in the grantee picker soon after the last key, never more than 20 at a time, and PUBLIC', async () => {
    const pickerRequests: Record<string, unknown>[] = [];
    const record = (request: Request) => {
      const operation = graphqlOperation(request);
      if (operation?.query.includes('query RolePicker')) pickerRequests.push(operation.variables);
    };
    page.on('request', record);
    const dialog = await openTableDialog();
    const grantee = dialog.getByRole('combobox', { name: 'Add a grantee' });

    const roles = await testApp.sql<{ count: number }>(
      "SELECT count(*)::int AS count FROM pg_roles WHERE rolname NOT LIKE 'pg\\_%'",
    );
    const count = roles[0]?.count ?? 0;
    await grantee.click();
    await expect
      .poll(() => dialog.getByText(/more — keep typing/).textContent())
      .toBe(`${count - 20} more — keep typing`);
    expect(await options(dialog).first().textContent()).toBe('PUBLIC');
    expect(await options(dialog).count()).toBe(21);

    const target = roleName(ROLES - 13);
    const typed = target.slice(0, -1);
    await startTiming(target);
    await grantee.pressSequentially(typed, { delay: 25 });
    await expect.poll(async () => (await timing()).elapsed, { timeout: 5_000 }).toBeGreaterThanOrEqual(0);
    const { elapsed, maxOptions } = await timing();
    console.info(`${target} listed ${elapsed.toFixed(0)} ms after the last key (${ROLES} roles on the server)`);
    expect(elapsed).toBeLessThan(1_000);
    expect(maxOptions).toBeLessThanOrEqual(21);
    expect(await options(dialog).allTextContents()).toEqual(Array.from({ length: 10 }, (_, i) => `${typed}${i}`));
    expect(await dialog.getByText(/more — keep typing/).count()).toBe(0);
    page.off('request', record);
    expect(pickerRequests.length).toBeGreaterThan(0);
    expect(pickerRequests.every((variables) => variables.first === 20)).toBe(true);

    await grantee.fill('pub');
    await expect.poll(() => options(dialog).allTextContents()).toEqual(['PUBLIC']);
    await page.keyboard.press('Escape');
    expect(await grantee.getAttribute('aria-expanded')).toBe('false');
    expect(await dialog.isVisible()).toBe(true);
  });

  it('picks a role with ArrowDown and Enter, and grants it through the dialog as PostgreSQL then shows', async () => {
    const dialog = await openTableDialog();
    const grantee = dialog.getByRole('combobox', { name: 'Add a grantee' });
    const prefix = roleName(ROLES - 13).slice(0, -1);
    await grantee.fill(prefix);
    await expect.poll(() => options(dialog).count()).toBe(10);
    await grantee.press('ArrowDown');
    await grantee.press('ArrowDown');
    const second = `${prefix}1`;
    const active = await grantee.getAttribute('aria-activedescendant');
    expect(await dialog.locator(`[id="${active}"]`).textContent()).toBe(second);
    expect(await options(dialog).filter({ hasText: second }).getAttribute('aria-selected')).toBe('true');
    await grantee.press('Enter');

    const row = dialog.locator(`tr[data-grantee="${second}"]`);
    await expect.poll(() => row.isVisible()).toBe(true);
    expect(await grantee.inputValue()).toBe('');
    await row.getByLabel(`Access of ${second}`).selectOption('READ');
    await dialog.getByRole('button', { name: 'Preview SQL' }).click();
    await expect
      .poll(() => dialog.getByTestId('sql-preview').textContent())
      .toContain(`GRANT SELECT ON TABLE "s"."t" TO "${second}"`);
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain('Applied 1 statement');
    const granted = await testApp.sql<{ grantee: string; privilege: string }>(
      `SELECT grantee::regrole::text AS grantee, privilege_type AS privilege
         FROM pg_class, aclexplode(relacl) WHERE oid = 's.t'::regclass AND grantee = $1::regrole`,
      [second],
      'shop',
    );
    expect(granted).toEqual([{ grantee: second, privilege: 'SELECT' }]);

    // The grantee now listed is not offered again.
    await grantee.fill(prefix);
    await expect.poll(() => options(dialog).count()).toBe(9);
    expect(await options(dialog).allTextContents()).not.toContain(second);
  });

  it('explains a role picked by typing on a table picked by typing', async () => {
    const role = roleName(42);
    await testApp.sql(`GRANT USAGE ON SCHEMA s TO ${role}; GRANT SELECT ON s.t TO ${role}`, [], 'shop');
    await page.goto(tab('roles'));
    const explain = page.getByTestId('explain');
    const rolePicker = explain.getByRole('combobox', { name: 'Role to explain' });
    await pick(explain, 'Role to explain', role);
    expect(await rolePicker.inputValue()).toBe(role);

    const objectPicker = explain.getByRole('combobox', { name: 'Object to explain' });
    await pick(explain, 'Object to explain', 'table s.t', 's.t');
    expect(await objectPicker.inputValue()).toBe('s.t');
    await expect
      .poll(() => explain.locator('li[data-privilege="SELECT"]').textContent(), { timeout: 10_000 })
      .toContain('granted');
    expect(await explain.locator('li[data-privilege]').count()).toBe(1);

    await objectPicker.fill('');
    await objectPicker.press('ArrowDown');
    await expect
      .poll(() => options(explain).allTextContents())
      .toEqual(['database shop', 'schema public', 'schema s', 'table s.t']);
  });
});
