import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secret, startTestApp, type TestApp } from '../../server/test/support/app.js';
import { untilDriftReported } from '../../server/test/support/drift.js';
import {
  createLoginRole,
  createManagedDatabase,
  createUser,
  ERROR_FIELDS,
  type ManagedDatabase,
  signIn,
} from '../../server/test/support/fixtures.js';
import { chromiumAvailable, launchChromium, newTestContext, pageSignedInAs } from './support/browser.js';
import { pick } from './support/pickers.js';
import { screenshot } from './support/screenshots.js';

const available = chromiumAvailable();

let testApp: TestApp;
let browser: Browser;
let shop: ManagedDatabase;
let clerkPassword: string;
const adminPassword = secret('admin');
const samPassword = secret('sam');

async function newPage(width = 1280): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newTestContext(browser, width, 860);
  const page = await context.newPage();
  return { context, page };
}

/** How far the page (and an open dialog) reach past the viewport's right edge, in CSS pixels. */
function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const overflows = [root.scrollWidth - root.clientWidth];
    for (const dialog of document.querySelectorAll<HTMLElement>('[role="dialog"]')) {
      overflows.push(Math.ceil(dialog.getBoundingClientRect().right - root.clientWidth));
      overflows.push(dialog.scrollWidth - dialog.clientWidth);
    }
    return Math.max(...overflows);
  });
}

/** Every text the connection indicator shows from now on, in order. */
async function recordConnectionStates(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const indicator = document.querySelector('[data-testid="connection"]');
    const states: string[] = [indicator?.textContent?.trim() ?? ''];
    (window as unknown as { connectionStates: string[] }).connectionStates = states;
    if (!indicator) return;
    new MutationObserver(() => {
      const text = indicator.textContent?.trim() ?? '';
      if (states.at(-1) !== text) states.push(text);
    }).observe(indicator, { subtree: true, characterData: true, childList: true });
  });
  return () => page.evaluate(() => (window as unknown as { connectionStates: string[] }).connectionStates);
}

/** A fresh page's first render, on a machine that other test runs load too. */
const LOADED = { timeout: 15_000 };

const tabUrl = (databaseUrl: string, tab: string) => `${databaseUrl.replace(/\/(overview)?$/, '')}/${tab}`;

describe.skipIf(!available)('the admin UI in a real browser', () => {
  let admin: Page;
  let sam: Page;
  let databaseUrl: string;

  beforeAll(async () => {
    testApp = await startTestApp({ DRIFT_INTERVAL_MS: '500' });
    shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
    await testApp.sql(
      'CREATE SCHEMA s AUTHORIZATION shop_owner; CREATE TABLE s.t (id serial PRIMARY KEY, note text); ALTER TABLE s.t OWNER TO shop_owner; CREATE ROLE analysts',
      [],
      'shop',
    );
    clerkPassword = await createLoginRole(testApp, 'clerk');
    await testApp.sql(
      'GRANT CONNECT ON DATABASE shop TO clerk; GRANT USAGE ON SCHEMA s TO clerk; GRANT analysts TO clerk',
      [],
      'shop',
    );
    browser = await launchChromium();
    admin = (await newPage()).page;
    sam = (await newPage()).page;
  });

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
  });

  it('first-run setup creates the admin and signs them in', async () => {
    await admin.goto(testApp.url);
    await admin.getByLabel('Username').fill('admin');
    await admin.getByLabel('E-mail').fill('admin@example.com');
    await admin.getByLabel('Password').fill(adminPassword);
    await screenshot(admin, 'setup');
    await admin.getByRole('button', { name: 'Create admin' }).click();
    await expect.poll(() => admin.getByRole('heading', { name: 'Databases' }).isVisible()).toBe(true);
  });

  it('connects a database after testing the connection, with a clear error for a wrong password', async () => {
    const form = admin.locator('form.connect-form');
    await form.getByLabel('Port').fill(String(testApp.cluster.port));
    await form.getByLabel('Database').fill('shop');
    await form.getByLabel('Role').fill('shop_owner');
    await form.getByLabel('Password').fill('wrong password');
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => admin.getByRole('alert').textContent()).toContain('password authentication failed');
    await form.getByLabel('Password').fill(shop.ownerPassword);
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => admin.getByRole('status').filter({ hasText: 'Connected as' }).textContent())
      .toContain('shop_owner');
    await form.getByRole('button', { name: 'Connect', exact: true }).click();
    const row = admin.locator('tr[data-database="shop"]');
    await expect.poll(() => row.textContent()).toContain('shop_owner');
    expect(await row.textContent()).toContain('MANAGER');
    if (!(await form.isVisible())) await admin.getByText('Connect a database', { exact: true }).click();
    await screenshot(admin, 'databases');
    await admin.getByRole('link', { name: 'shop' }).click();
    await expect.poll(() => new URL(admin.url()).pathname).toMatch(/^\/databases\/[^/]+$/);
    databaseUrl = admin.url();
    await expect.poll(() => admin.locator('tr[data-object="s.t"]').isVisible()).toBe(true);
    // A first read is the baseline: no row is marked as just changed.
    expect(await admin.locator('tr[data-changed="true"]').count()).toBe(0);
    await screenshot(admin, 'overview');
  });

  it('marks the Overview tab current at /databases/:id, without a tab in the URL', async () => {
    expect(new URL(databaseUrl).pathname).toMatch(/^\/databases\/[^/]+$/);
    const tabs = admin.getByRole('navigation', { name: 'Database sections' });
    const overview = tabs.getByRole('link', { name: 'Overview' });
    await expect.poll(() => overview.getAttribute('aria-current')).toBe('page');
    expect(await overview.getAttribute('class')).toContain('active');
    expect(await tabs.locator('a[aria-current="page"]').count()).toBe(1);
    expect(await tabs.locator('a.active').count()).toBe(1);
  });

  it('configures a second role with its password, verified by a real login', async () => {
    await admin.getByRole('link', { name: 'Role configuration' }).click();
    await expect.poll(() => admin.getByTestId('role-configuration-intro').textContent()).toContain('configured roles');
    const row = admin.locator('tr[data-login-role="clerk"]');
    await row.getByRole('button', { name: 'Configure' }).click();
    // A visible label, not only an aria-label.
    expect(await row.locator('label').filter({ hasText: 'Password of clerk' }).isVisible()).toBe(true);
    // A wrong password keeps the form open with PostgreSQL's answer, to try again.
    await row.getByLabel('Password of clerk').fill('not the password of clerk');
    await row.getByRole('button', { name: 'Verify and store' }).click();
    await expect
      .poll(() => admin.getByRole('alert').filter({ hasText: 'password authentication failed' }).count())
      .toBe(1);
    expect(await row.getByLabel('Password of clerk').isVisible()).toBe(true);
    expect(await row.textContent()).not.toContain('verified');
    await row.getByLabel('Password of clerk').fill(clerkPassword);
    await row.getByRole('button', { name: 'Verify and store' }).click();
    await expect.poll(() => row.textContent()).toContain('verified');
    await screenshot(admin, 'role-configuration');
  });

  it('creates a standard user and adds them as a collaborator through that role', async () => {
    await admin.getByRole('link', { name: 'Users' }).click();
    const form = admin.getByRole('form', { name: 'Create a user' });
    await form.getByLabel('Username').fill('sam');
    await form.getByLabel('E-mail').fill('sam@example.com');
    await form.getByLabel('Password').fill(samPassword);
    await form.getByRole('button', { name: 'Create user' }).click();
    await expect.poll(() => admin.locator('tr[data-user="sam"]').isVisible()).toBe(true);
    await screenshot(admin, 'users');
    await admin.goto(`${tabUrl(databaseUrl, 'collaborators')}`);
    const add = admin.getByRole('form', { name: 'Add a collaborator' });
    await add.getByLabel('User').selectOption({ label: 'sam' });
    await add.getByLabel('Configured role').selectOption({ label: 'clerk' });
    await add.getByRole('button', { name: 'Add collaborator' }).click();
    await expect.poll(() => admin.locator('tr[data-collaborator="sam"]').isVisible()).toBe(true);
    await screenshot(admin, 'collaborators');
  });

  it('grants table Read through the dialog after checking the SQL preview, and another browser sees it live', async () => {
    await sam.goto(testApp.url);
    await expect.poll(() => sam.getByRole('heading', { name: 'Sign in to Rolecall' }).isVisible()).toBe(true);
    await screenshot(sam, 'login');
    await sam.getByLabel('Username or e-mail').fill('sam');
    await sam.getByLabel('Password').fill(samPassword);
    await sam.getByRole('button', { name: 'Sign in' }).click();
    await sam.getByRole('link', { name: 'shop' }).click();
    const samRow = sam.locator('tr[data-object="s.t"]');
    await expect.poll(() => samRow.textContent()).toContain('—');
    await expect.poll(() => sam.getByTestId('connection').textContent()).toContain('Live');

    await admin.goto(databaseUrl);
    await admin.getByRole('button', { name: 'Permissions of s.t', exact: true }).click();
    const dialog = admin.getByRole('dialog');
    await pick(dialog, 'Add a grantee', 'clerk');
    await dialog.getByLabel('Access of clerk').selectOption('READ');
    await dialog.getByRole('button', { name: 'Preview SQL' }).click();
    await expect
      .poll(() => dialog.getByTestId('sql-preview').textContent())
      .toContain('GRANT SELECT ON TABLE "s"."t" TO "clerk"');
    await screenshot(admin, 'permission-dialog');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain('Applied');
    const granted = await testApp.sql<{ ok: boolean }>(
      "SELECT has_table_privilege('clerk', 's.t', 'SELECT') AS ok",
      [],
      'shop',
    );
    expect(granted[0]?.ok).toBe(true);

    await expect.poll(() => samRow.textContent(), { timeout: 5_000 }).toContain('SELECT');
    await expect.poll(() => sam.getByTestId('toast').first().textContent(), { timeout: 5_000 }).toContain('admin');
  });

  it('shows a change made in psql live, marked as made outside Rolecall', async () => {
    await testApp.sql('GRANT INSERT ON s.t TO clerk', [], 'shop');
    const external = sam.locator('.toast.external');
    await expect.poll(() => external.first().textContent(), { timeout: 5_000 }).toContain('Changed outside Rolecall');
    await expect.poll(() => sam.locator('tr[data-object="s.t"]').textContent(), { timeout: 5_000 }).toContain('INSERT');
    await screenshot(sam, 'live-external-change');
  });

  it('renders the role graph and explains access with the path that grants it', async () => {
    await testApp.sql('GRANT SELECT ON s.t TO analysts', [], 'shop');
    await admin.goto(`${tabUrl(databaseUrl, 'roles')}`);
    const graph = admin.getByTestId('role-graph');
    // The graph opens on the viewer's role; choosing clerk in the list draws the neighbourhood of clerk.
    await admin.locator('tr[data-role-row="clerk"] button.role-name').click();
    await expect.poll(() => graph.locator('[data-role="clerk"]').isVisible()).toBe(true);
    await expect.poll(() => graph.locator('polyline.edge').count()).toBeGreaterThan(0);
    await graph.locator('[data-role="clerk"]').click();
    await expect.poll(() => graph.locator('[data-role="analysts"]').getAttribute('class')).toContain('inherited');
    const explain = admin.getByTestId('explain');
    await pick(explain, 'Role to explain', 'clerk');
    await pick(explain, 'Object to explain', 'table s.t', 's.t');
    const select = explain.locator('li[data-privilege="SELECT"]');
    await expect.poll(() => select.textContent()).toContain('via clerk → analysts');
    await screenshot(admin, 'roles-graph-explain');
  });

  it("lists a group's members by name, whatever order PostgreSQL keeps them in", async () => {
    await testApp.sql('CREATE ROLE zoe_member; CREATE ROLE amy_member; GRANT analysts TO zoe_member, amy_member');
    await admin.goto(`${tabUrl(databaseUrl, 'roles')}`);
    const row = admin.locator('tr[data-role-row="analysts"]');
    await expect.poll(() => row.textContent()).toContain('zoe_member');
    const text = (await row.textContent()) ?? '';
    const positions = ['amy_member', 'clerk', 'zoe_member'].map((name) => text.indexOf(name));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(positions.every((position) => position >= 0)).toBe(true);
  });

  it('invites by e-mail; the invitee follows the link, creates an account and lands in the database', async () => {
    await admin.goto(`${tabUrl(databaseUrl, 'collaborators')}`);
    const invite = admin.getByRole('form', { name: 'Invite by e-mail' });
    await invite.getByLabel('E-mail to invite').fill('newcomer@example.com');
    await invite.getByLabel('Role for the invitee').selectOption({ label: 'clerk' });
    // A live refresh while the form is filled in (a role made in psql) must not reset what was chosen. The drift
    // watcher's poll finds the role: under the whole suite's load on 2 cores that once took over 10 s. The roles the
    // test before made in psql are reported first: one poll's changes are one toast, which names a change only when
    // it is alone, so made_while_inviting must not share a poll with them.
    await untilDriftReported(testApp);
    await testApp.sql('CREATE ROLE made_while_inviting');
    await expect
      .poll(() => admin.getByTestId('toast').filter({ hasText: 'made_while_inviting' }).count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    const chosen = invite.getByLabel('Role for the invitee').locator('option:checked');
    await expect.poll(() => chosen.textContent()).toBe('clerk');
    await invite.getByRole('button', { name: 'Invite' }).click();
    const link = await admin.getByTestId('invitation-link').locator('code').textContent();
    expect(link).toMatch(/\/invitations\/accept\?token=rci_/);
    const pending = admin.locator('tr[data-invitation="newcomer@example.com"]');
    await expect.poll(() => pending.textContent()).toContain('PENDING');

    // The forms say what they are for, and a pending row's columns line up with the collaborators' above it.
    expect(await admin.getByRole('heading', { name: 'Invite someone by e-mail' }).isVisible()).toBe(true);
    expect(await admin.getByRole('heading', { name: 'Add a Rolecall user' }).isVisible()).toBe(true);
    const roleHeader = admin.locator('table.people:not(.pending) thead th').filter({ hasText: /^Role$/ });
    const headerBox = await roleHeader.boundingBox();
    const pendingRoleBox = await pending.locator('td').nth(2).boundingBox();
    expect(await pending.locator('td').nth(2).textContent()).toBe('clerk');
    expect(headerBox).not.toBeNull();
    expect(pendingRoleBox).not.toBeNull();
    expect(Math.abs((pendingRoleBox?.x ?? 0) - (headerBox?.x ?? 1e6))).toBeLessThanOrEqual(1);

    const { context, page } = await newPage();
    await page.goto(String(link));
    const details = page.getByTestId('invitation-details');
    await expect.poll(() => details.textContent(), LOADED).toContain('newcomer@example.com');
    const said = (await details.textContent()) ?? '';
    for (const fact of ['admin', 'shop', `127.0.0.1:${testApp.cluster.port}`, 'clerk', 'member access'])
      expect(said).toContain(fact);
    expect(await page.getByRole('button', { name: 'Decline the invitation' }).isVisible()).toBe(true);
    await page.getByLabel('Username').fill('newcomer');
    await page.getByLabel('Password').fill(secret('newcomer'));
    await page.getByRole('button', { name: 'Create account and join' }).click();
    await expect.poll(() => page.locator('tr[data-object="s.t"]').isVisible()).toBe(true);
    await expect.poll(() => admin.locator('tr[data-collaborator="newcomer"]').isVisible()).toBe(true);
    await context.close();
  });

  it('declines an invitation from its link without an account: the pending row goes, and the link opens nothing', async () => {
    await admin.goto(`${tabUrl(databaseUrl, 'collaborators')}`);
    const invite = admin.getByRole('form', { name: 'Invite by e-mail' });
    await invite.getByLabel('E-mail to invite').fill('decliner@example.com');
    await invite.getByLabel('Role for the invitee').selectOption({ label: 'clerk' });
    await invite.getByRole('button', { name: 'Invite' }).click();
    const code = admin.getByTestId('invitation-link').locator('code');
    await expect.poll(() => code.textContent()).toMatch(/\/invitations\/accept\?token=rci_/);
    const link = String(await code.textContent());
    const pending = admin.locator('tr[data-invitation="decliner@example.com"]');
    await expect.poll(() => pending.textContent()).toContain('PENDING');
    await expect.poll(() => admin.getByTestId('connection').textContent()).toContain('Live');

    const { context, page } = await newPage();
    await page.goto(link);
    await expect
      .poll(() => page.getByTestId('invitation-details').textContent(), LOADED)
      .toContain('decliner@example.com');
    await page.getByRole('button', { name: 'Decline the invitation' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Declined');
    expect(await page.getByRole('button', { name: 'Create account and join' }).count()).toBe(0);
    const [declined] = await testApp.sql<{ status: string }>(
      `SELECT status::text FROM "Invitation" WHERE email = 'decliner@example.com'`,
      [],
      'rolecall_metadata',
    );
    expect(declined?.status).toBe('DECLINED');
    // Live, without a reload of the admin's page.
    await expect.poll(() => pending.count(), { timeout: 8_000 }).toBe(0);

    await page.goto(link);
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'declined' }).textContent(), LOADED)
      .toContain('This invitation was declined.');
    expect(await page.getByTestId('invitation-details').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Decline the invitation' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Create account and join' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Accept' }).count()).toBe(0);
    await context.close();
  });

  it('shows a role created in psql live on an open Roles tab, marked as made outside Rolecall, without a reload', async () => {
    await admin.goto(tabUrl(databaseUrl, 'roles'));
    await expect.poll(() => admin.locator('tr[data-role-row="analysts"]').isVisible(), LOADED).toBe(true);
    await expect.poll(() => admin.getByTestId('connection').textContent()).toContain('Live');
    await admin.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });
    await testApp.sql('CREATE ROLE reporting_from_psql');
    await expect
      .poll(() => admin.locator('tr[data-role-row="reporting_from_psql"]').isVisible(), { timeout: 8_000 })
      .toBe(true);
    const toast = admin.locator('.toast.external').filter({ hasText: 'reporting_from_psql' });
    await expect.poll(() => toast.first().textContent()).toContain('Changed outside Rolecall');
    expect(await admin.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await screenshot(admin, 'roles');
  });

  it('after the live connection drops it shows reconnecting, then replays what changed meanwhile and is live again', async () => {
    const { context, page } = await newPage();
    await context.addCookies(await sam.context().cookies());
    let offline = false;
    const sockets: WebSocketRoute[] = [];
    // Stands between the page and the server's WebSocket: drops it, and refuses new ones while "offline".
    await page.routeWebSocket(/\/graphql$/, async (socket) => {
      if (offline) return socket.close({ code: 1012, reason: 'offline' });
      socket.connectToServer();
      sockets.push(socket);
    });
    await page.goto(databaseUrl);
    const row = page.locator('tr[data-object="s.t"]');
    await expect.poll(() => row.isVisible(), LOADED).toBe(true);
    await expect.poll(() => page.getByTestId('connection').textContent()).toContain('Live');
    const states = await recordConnectionStates(page);
    const [last] = await testApp.sql<{ latest: string }>(
      'SELECT coalesce(max(id), 0)::text AS latest FROM "Event"',
      [],
      'rolecall_metadata',
    );
    const latest = last?.latest ?? '0';

    offline = true;
    for (const socket of sockets.splice(0)) await socket.close({ code: 1012, reason: 'network dropped' });
    await expect.poll(() => page.getByTestId('connection').textContent()).toContain('Reconnecting');
    await testApp.sql('GRANT TRUNCATE ON s.t TO clerk', [], 'shop');
    // The drift watcher logs the change while the page is cut off.
    await expect
      .poll(
        async () =>
          (
            await testApp.sql<{ n: number }>(
              `SELECT count(*)::int AS n FROM "Event" WHERE id > $1 AND kind = 'privileges.changed' AND payload->>'grantee' = 'clerk'`,
              [latest],
              'rolecall_metadata',
            )
          )[0]?.n,
        { timeout: 8_000 },
      )
      .toBe(1);
    expect(await row.textContent()).not.toContain('TRUNCATE');

    offline = false;
    await expect.poll(() => page.getByTestId('connection').textContent(), { timeout: 15_000 }).toContain('Live');
    await expect.poll(() => row.textContent()).toContain('TRUNCATE');
    const external = page.locator('.toast.external').filter({ hasText: 'clerk' });
    await expect.poll(() => external.count()).toBeGreaterThan(0);
    const seen = await states();
    const order = ['Reconnecting', 'Replaying', 'Live'].map((state) =>
      seen.findIndex((text, index) => text.startsWith(state) && index > 0),
    );
    expect(order.every((index) => index > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    await context.close();
  });

  it('shows Idle, not Reconnecting, after leaving a database page for one with nothing live', async () => {
    await admin.goto(databaseUrl);
    await expect.poll(() => admin.getByTestId('connection').textContent()).toContain('Live');
    // In-app navigation, as a link would do: the page's subscription ends and the idle socket closes.
    await admin.evaluate(() => {
      history.pushState({}, '', '/invitations/accept?token=none');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    // An unknown token: the page says so, with nothing to accept (and nothing live).
    await expect
      .poll(() => admin.getByRole('alert').filter({ hasText: 'This invitation link is not valid.' }).isVisible())
      .toBe(true);
    await expect.poll(() => admin.getByTestId('connection').textContent()).toContain('Idle');
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect(await admin.getByTestId('connection').textContent()).toContain('Idle');
  });

  it('updates the databases list and the Users page live when an admin changes them elsewhere', async () => {
    const api = testApp.client();
    await signIn(api, 'admin', adminPassword);
    await sam.goto(testApp.url);
    const samRow = sam.locator('tr[data-database="shop"]');
    await expect.poll(() => samRow.textContent(), LOADED).toContain('MEMBER');
    expect(await samRow.textContent()).toContain('clerk');
    await expect.poll(() => sam.getByRole('button', { name: 'Disconnect' }).isDisabled()).toBe(true);
    await expect.poll(() => sam.getByText('Only admins connect and disconnect databases.').isVisible()).toBe(true);
    await admin.getByRole('link', { name: 'Users' }).click();
    await expect.poll(() => admin.locator('tr[data-user="sam"]').isVisible()).toBe(true);
    await expect.poll(() => sam.getByTestId('connection').textContent()).toContain('Live');
    await expect.poll(() => admin.getByTestId('connection').textContent()).toContain('Live');

    const shopInfo = await api.field(
      '{ databases { ... on QueryDatabasesConnection { nodes { collaborators { id user { username } } } } } }',
    );
    const collaborators = (shopInfo.nodes as { collaborators: { id: string; user: { username: string } }[] }[]).flatMap(
      (database) => database.collaborators,
    );
    const samCollaborator = collaborators.find((collaborator) => collaborator.user.username === 'sam');
    const changed = await api.field(
      `mutation($id: ID!) { updateCollaborator(id: $id, input: { access: MANAGER }) { ${ERROR_FIELDS} } }`,
      { id: samCollaborator?.id },
    );
    expect(changed.__typename).toBe('Collaborator');
    await expect.poll(() => samRow.textContent()).toContain('MANAGER');

    const created = await api.field(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { ${ERROR_FIELDS} } }`,
      { input: { username: 'lee', email: 'lee@example.com', password: secret('lee') } },
    );
    expect(created.__typename).toBe('User');
    await expect.poll(() => admin.locator('tr[data-user="lee"]').isVisible()).toBe(true);
    await expect.poll(() => admin.getByTestId('toast').filter({ hasText: 'lee' }).count()).toBeGreaterThan(0);
  });

  it('shows the audit log and the account page', async () => {
    await admin.goto(tabUrl(databaseUrl, 'activity'));
    const entry = admin.locator('table.activity tr').filter({ hasText: 'privileges.changed' });
    await expect.poll(() => entry.first().isVisible(), LOADED).toBe(true);
    await screenshot(admin, 'activity');
    await admin.getByRole('link', { name: 'Account' }).click();
    await expect.poll(() => admin.getByRole('heading', { name: 'Account' }).isVisible()).toBe(true);
    await screenshot(admin, 'account');
  });

  it('keeps tables as tables at 1280 px', async () => {
    await admin.goto(databaseUrl);
    await expect.poll(() => admin.locator('tr[data-object="s.t"]').isVisible(), LOADED).toBe(true);
    expect(
      await admin
        .locator('table')
        .first()
        .evaluate((table) => getComputedStyle(table).display),
    ).toBe('table');
    expect(await horizontalOverflow(admin)).toBe(0);
  });

  it('never overflows sideways on a 390 px screen: Overview, Roles, Collaborators and a permission dialog', async () => {
    const { context, page } = await newPage(390);
    await context.addCookies(await admin.context().cookies());
    await page.goto(databaseUrl);
    await expect.poll(() => page.locator('tr[data-object="s.t"]').isVisible(), LOADED).toBe(true);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'narrow');

    await page.getByRole('button', { name: 'Permissions of s.t', exact: true }).click();
    await expect.poll(() => page.getByRole('dialog').isVisible(), LOADED).toBe(true);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    await page.goto(tabUrl(databaseUrl, 'roles'));
    await expect.poll(() => page.locator('tr[data-role-row="analysts"]').isVisible(), LOADED).toBe(true);
    expect(await horizontalOverflow(page)).toBe(0);

    await page.goto(tabUrl(databaseUrl, 'collaborators'));
    await expect.poll(() => page.locator('tr[data-collaborator="sam"]').isVisible(), LOADED).toBe(true);
    expect(await horizontalOverflow(page)).toBe(0);
    await context.close();
  });

  it('keeps keyboard focus inside a permission dialog and returns it to the button that opened it', async () => {
    await admin.goto(databaseUrl);
    const opener = admin.getByRole('button', { name: 'Permissions of s.t', exact: true });
    await opener.focus();
    await admin.keyboard.press('Enter');
    const dialog = admin.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const focusInDialog = () => admin.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')));
    expect(await focusInDialog()).toBe(true);
    for (const key of [...Array(30).fill('Tab'), ...Array(10).fill('Shift+Tab')]) {
      await admin.keyboard.press(key);
      expect(await focusInDialog()).toBe(true);
    }
    await admin.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await opener.evaluate((element) => element === document.activeElement)).toBe(true);
  });

  it("asks before an admin removes their own admin rights, then starts again as a standard user; another admin's box applies at once", async () => {
    const api = testApp.client();
    await signIn(api, 'admin', adminPassword);
    const deputy = await createUser(api, 'deputy', true);
    await createUser(api, 'backup_admin', true);
    const deputyClient = testApp.client();
    await signIn(deputyClient, 'deputy', deputy.password);
    const page = await pageSignedInAs(browser, testApp.url, deputyClient);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const isAdmin = async (username: string) =>
      (
        await testApp.sql<{ isAdmin: boolean }>(
          'SELECT "isAdmin" FROM "User" WHERE username = $1',
          [username],
          'rolecall_metadata',
        )
      )[0]?.isAdmin;

    await page.goto(`${testApp.url}/users`);
    const usersLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' });
    const box = page.getByLabel('deputy is admin');
    await expect.poll(() => box.isChecked(), LOADED).toBe(true);
    expect(await usersLink.isVisible()).toBe(true);

    await box.uncheck();
    const dialog = page.getByRole('dialog', { name: 'Remove your own admin rights?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await box.isChecked()).toBe(true);
    expect(await isAdmin('deputy')).toBe(true);
    expect(await usersLink.isVisible()).toBe(true);

    await box.uncheck();
    await dialog.getByRole('button', { name: 'Remove my admin rights' }).click();
    await expect.poll(() => isAdmin('deputy')).toBe(false);
    await expect.poll(() => new URL(page.url()).pathname, LOADED).toBe('/');
    await expect.poll(() => page.getByRole('heading', { name: 'Databases' }).isVisible(), LOADED).toBe(true);
    await expect.poll(() => usersLink.count()).toBe(0);
    expect(
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).isVisible(),
    ).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();

    // Another admin's box: no question, applied at once; the main admin stays admin.
    await admin.goto(`${testApp.url}/users`);
    const other = admin.getByLabel('backup_admin is admin');
    await expect.poll(() => other.isChecked(), LOADED).toBe(true);
    await other.uncheck();
    await expect.poll(() => isAdmin('backup_admin')).toBe(false);
    expect(await admin.getByRole('dialog').count()).toBe(0);
    expect(await other.isChecked()).toBe(false);
    expect(await isAdmin('admin')).toBe(true);
  });

  it('signs out from the header: the sign-in form shows, with no page error', async () => {
    const { context, page } = await newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(testApp.url);
    await page.getByLabel('Username or e-mail').fill('sam');
    await page.getByLabel('Password').fill(samPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const signOut = page.getByRole('button', { name: 'Sign out' });
    await expect.poll(() => signOut.isVisible(), LOADED).toBe(true);

    await signOut.click();
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in to Rolecall' }).isVisible(), LOADED).toBe(true);
    expect(await page.getByLabel('Username or e-mail').isVisible()).toBe(true);
    expect(await page.getByLabel('Password').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    // The session really ended: a reload stays signed out.
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in to Rolecall' }).isVisible(), LOADED).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
