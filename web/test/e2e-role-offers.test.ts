import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../server/test/support/app.js';
import type { TestClient } from '../../server/test/support/client.js';
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

const available = chromiumAvailable();

const POWERFUL = 'shop_owner has superuser, CREATEROLE, BYPASSRLS or REPLICATION: only admins give such roles.';
const UNSETTABLE = 'Your role cannot SET ROLE to temp and no admin marked it assignable here: only admins can give it.';
const OWN_ROW = 'Managers cannot change their own collaboration; an admin can.';

let testApp: TestApp;
let browser: Browser;
let databaseId: string;

const tab = (name: string) => `${testApp.url}/databases/${encodeURIComponent(databaseId)}/${name}`;

/** The option of a role picker whose text starts with the role's name (refused ones carry why after it). */
const option = (select: Locator, rolname: string) =>
  select.locator('option').filter({ hasText: new RegExp(`^${rolname}\\b`) });

describe.skipIf(!available)('the roles a manager may give, in a real browser', () => {
  let admin: Page;
  let sam: Page;
  let mariaClient: TestClient;

  beforeAll(async () => {
    testApp = await startTestApp({ DRIFT_INTERVAL_MS: '500' });
    // The admin connects as shop_owner, which has CREATEROLE; sam manages the database through clerk, a plain role.
    const shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
    const clerkPassword = await createLoginRole(testApp, 'clerk');
    const tempPassword = await createLoginRole(testApp, 'temp');
    await testApp.sql('GRANT CONNECT ON DATABASE shop TO clerk, temp', [], 'shop');
    // So that PostgreSQL lets the admin's role change clerk's password: what is left to refuse is Rolecall's.
    await testApp.sql('GRANT clerk TO shop_owner WITH ADMIN OPTION');
    const adminClient = testApp.client();
    await setupAdmin(adminClient);
    databaseId = await connect(adminClient, testApp, shop);
    const clerk = await configureRole(adminClient, databaseId, 'clerk', clerkPassword);
    await configureRole(adminClient, databaseId, 'temp', tempPassword);
    const samUser = await createUser(adminClient, 'sam');
    await addCollaborator(adminClient, {
      databaseId,
      userId: samUser.id,
      configuredRoleId: String(clerk.id),
      access: 'MANAGER',
    });
    const samClient = testApp.client();
    await signIn(samClient, 'sam', samUser.password);
    // maria, no admin, works through shop_owner: her role may create roles, but storing a password is for admins.
    const owner = await adminClient.field<{ configuredRoles: { id: string; rolname: string }[] }>(
      'query($id: ID!) { database(id: $id) { ... on Database { configuredRoles { id rolname } } } }',
      { id: databaseId },
    );
    const mariaUser = await createUser(adminClient, 'maria');
    await addCollaborator(adminClient, {
      databaseId,
      userId: mariaUser.id,
      configuredRoleId: String(owner.configuredRoles.find((role) => role.rolname === 'shop_owner')?.id),
    });
    mariaClient = testApp.client();
    await signIn(mariaClient, 'maria', mariaUser.password);
    browser = await launchChromium();
    admin = await pageSignedInAs(browser, testApp.url, adminClient);
    sam = await pageSignedInAs(browser, testApp.url, samClient);
  });

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
  });

  it("offers a manager their own role and shows the admin's powerful role disabled, with the reason", async () => {
    await sam.goto(tab('collaborators'));
    const add = sam.getByRole('form', { name: 'Add a collaborator' });
    const picker = add.getByLabel('Configured role');
    await expect.poll(() => option(picker, 'clerk').count(), { timeout: 15_000 }).toBe(1);
    expect(await option(picker, 'clerk').isDisabled()).toBe(false);
    expect(await option(picker, 'clerk').textContent()).toBe('clerk');

    const powerful = option(picker, 'shop_owner');
    expect(await powerful.isDisabled()).toBe(true);
    expect(await powerful.textContent()).toContain('admins only');
    expect(await powerful.getAttribute('title')).toBe(POWERFUL);
    expect(await option(picker, 'temp').isDisabled()).toBe(true);
    expect(await option(picker, 'temp').getAttribute('title')).toBe(UNSETTABLE);

    // The reasons are on the page in words, and the picker is described by them.
    const refusals = sam.getByTestId('role-refusals');
    expect(await refusals.textContent()).toContain(POWERFUL);
    expect(await refusals.textContent()).toContain(UNSETTABLE);
    expect(await picker.getAttribute('aria-describedby')).toBe(await refusals.getAttribute('id'));

    const invite = sam.getByRole('form', { name: 'Invite by e-mail' }).getByLabel('Role for the invitee');
    expect(await option(invite, 'clerk').isDisabled()).toBe(false);
    expect(await option(invite, 'shop_owner').isDisabled()).toBe(true);
    expect(await option(invite, 'temp').isDisabled()).toBe(true);
  });

  it("shows the manager's own collaboration with its role and access disabled, with the reason, and Leave still open", async () => {
    const role = sam.getByLabel('Role of sam');
    const access = sam.getByLabel('Access of sam');
    expect(await role.isDisabled()).toBe(true);
    expect(await access.isDisabled()).toBe(true);
    expect(await role.getAttribute('title')).toBe(OWN_ROW);
    expect(await role.locator('option:checked').textContent()).toBe('clerk');
    expect(await access.inputValue()).toBe('MANAGER');
    const reason = sam.locator('tr[data-collaborator="sam"]').getByTestId('own-collaboration-reason');
    expect(await reason.textContent()).toBe(OWN_ROW);
    expect(await access.getAttribute('aria-describedby')).toBe(await reason.getAttribute('id'));
    expect(await sam.getByRole('button', { name: 'Leave' }).isEnabled()).toBe(true);
  });

  it('an admin marks a role assignable on Role configuration, and the manager is offered it live', async () => {
    await expect.poll(() => sam.getByTestId('connection').textContent(), { timeout: 10_000 }).toContain('Live');
    await admin.goto(tab('role-configuration'));
    const temp = admin.getByLabel('Managers may give temp here');
    await expect.poll(() => temp.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await temp.isChecked()).toBe(false);
    await temp.check();
    await expect.poll(() => temp.isChecked()).toBe(true);
    const marks = async () =>
      (await testApp.sql<{ n: number }>('SELECT count(*)::int AS n FROM "AssignableRole"', [], 'rolecall_metadata'))[0]
        ?.n;
    await expect.poll(marks).toBe(1);

    const picker = sam.getByRole('form', { name: 'Add a collaborator' }).getByLabel('Configured role');
    await expect.poll(() => option(picker, 'temp').isDisabled(), { timeout: 10_000 }).toBe(false);
    expect(await option(picker, 'temp').textContent()).toBe('temp');
    expect(await sam.getByTestId('role-refusals').textContent()).not.toContain('temp');
    expect(await option(picker, 'shop_owner').isDisabled()).toBe(true);
  });

  it('refuses to mark a role with server-wide powers, shows why and leaves the box unchecked', async () => {
    const owner = admin.getByLabel('Managers may give shop_owner here');
    await owner.click();
    await expect.poll(() => admin.getByRole('alert').first().textContent()).toContain(POWERFUL);
    await expect.poll(() => owner.isChecked()).toBe(false);
  });

  it('shows a manager the Role configuration toggles disabled, with the mark an admin made', async () => {
    await sam.goto(tab('role-configuration'));
    const temp = sam.getByLabel('Managers may give temp here');
    await expect.poll(() => temp.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await temp.isDisabled()).toBe(true);
    expect(await temp.isChecked()).toBe(true);
    expect(await temp.getAttribute('title')).toBe('Only Rolecall admins mark the roles managers may give.');
  });

  it("disables the password form of a configured role for a manager, with the reason, but not the admin's", async () => {
    const reason = "Rolecall stores this role's password for its collaborators: only admins change it.";
    await sam.goto(tab('roles'));
    const clerk = sam.locator('tr[data-role-row="clerk"]');
    await expect.poll(() => clerk.isVisible(), { timeout: 15_000 }).toBe(true);
    const change = clerk.getByRole('button', { name: 'Change password' });
    expect(await change.isDisabled()).toBe(true);
    expect(await change.getAttribute('title')).toBe(reason);
    expect(await clerk.getByTestId('role-reasons').textContent()).toContain(reason);

    await admin.goto(tab('roles'));
    const adminClerk = admin.locator('tr[data-role-row="clerk"]');
    await expect.poll(() => adminClerk.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await adminClerk.getByRole('button', { name: 'Change password' }).isDisabled()).toBe(false);
  });

  it('lets only admins store the password of a role they create, and says so to a collaborator whose role may create roles', async () => {
    const maria = await pageSignedInAs(browser, testApp.url, mariaClient);
    for (const [page, mayStore] of [
      [maria, false],
      [admin, true],
    ] as const) {
      await page.goto(tab('roles'));
      const form = page.getByRole('form', { name: 'Create a role' });
      await expect.poll(() => form.getByLabel('Role name').isEnabled(), { timeout: 15_000 }).toBe(true);
      await form.getByLabel('Login role').check();
      const store = form.getByLabel('store password in Rolecall');
      expect(await store.isEnabled()).toBe(mayStore);
      expect(await store.getAttribute('title')).toBe(
        mayStore ? null : 'Only Rolecall admins store role passwords in Rolecall.',
      );
    }
  });
});
