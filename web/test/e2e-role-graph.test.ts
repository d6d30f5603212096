import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../server/test/support/app.js';
import { connect, createManagedDatabase, setupAdmin, signIn } from '../../server/test/support/fixtures.js';
import { chromiumAvailable, launchChromium, pageSignedInAs } from './support/browser.js';

const available = chromiumAvailable();
const PER_ROLE = 40;
const MEMBERS = 1_000;

let testApp: TestApp;
let browser: Browser;
let admin: Page;

const graph = () => admin.getByTestId('role-graph');
const node = (name: string) => graph().locator(`[data-role="${name}"]`);
const membersDrawn = (group: string) => graph().locator(`polyline.edge[data-group="${group}"]`).count();
const moreMembers = (group: string) => graph().locator(`[data-more-of="${group}"][data-more-kind="more-members"]`);

describe.skipIf(!available)('the role graph of a server with thousands of roles, in a real browser', () => {
  beforeAll(async () => {
    testApp = await startTestApp({ DRIFT_INTERVAL_MS: '500' });
    const shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
    // The viewer's role (shop_owner) is in `org`, whose members include `everyone` and three teams, and which is in
    // `company`. `everyone` gets its 1,000 login members, and 1,000 roles apart, once the small server was drawn whole.
    await testApp.sql(`CREATE ROLE company; CREATE ROLE org; CREATE ROLE everyone;
      GRANT company TO org; GRANT org TO everyone, shop_owner;
      CREATE ROLE team_1 IN ROLE org; CREATE ROLE team_2 IN ROLE org; CREATE ROLE team_3 IN ROLE org;
      CREATE ROLE person_0001 LOGIN; GRANT everyone TO person_0001 WITH ADMIN OPTION`);
    const client = testApp.client();
    const { password } = await setupAdmin(client);
    await signIn(client, 'admin', password);
    const shopId = await connect(client, testApp, shop);
    browser = await launchChromium();
    admin = await pageSignedInAs(browser, testApp.url, client);
    await admin.goto(`${testApp.url}/databases/${encodeURIComponent(shopId)}/roles`);
  });

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
  });

  it('draws the whole server on request while it is small, groups above their members', async () => {
    await graph().waitFor({ timeout: 15_000 });
    // As a person would: once the viewer's neighbourhood is drawn (its read, arriving later, would replace the
    // whole server asked for meanwhile).
    await expect.poll(() => node('shop_owner').isVisible(), { timeout: 15_000 }).toBe(true);
    const toggle = admin.getByRole('button', { name: 'Whole server' });
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    for (const name of ['company', 'org', 'everyone', 'team_1', 'team_2', 'team_3', 'person_0001', 'shop_owner'])
      await expect.poll(() => node(name).isVisible()).toBe(true);
    const y = async (name: string) => (await node(name).boundingBox())?.y ?? Number.NaN;
    expect(await y('company')).toBeLessThan(await y('org'));
    expect(await y('org')).toBeLessThan(await y('everyone'));
    expect(await y('everyone')).toBeLessThan(await y('person_0001'));
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');

    await testApp.sql(`DO $$ BEGIN
      FOR i IN 2..${MEMBERS} LOOP
        EXECUTE format('CREATE ROLE %I LOGIN IN ROLE everyone', 'person_' || lpad(i::text, 4, '0'));
      END LOOP;
      FOR i IN 1..${MEMBERS} LOOP EXECUTE format('CREATE ROLE %I', 'apart_' || lpad(i::text, 4, '0')); END LOOP;
    END $$`);
    // The drift watcher reports the 3,000 changes as one burst; the timing below is taken once it has.
    await admin
      .locator('.toast.external', { hasText: /Changed outside Rolecall: \d{4} changes/ })
      .first()
      .waitFor({ timeout: 20_000 });
    await admin.reload();
  });

  it("draws the viewer's role with its groups by default, each group showing how many neighbours it hides", async () => {
    await expect.poll(() => node('shop_owner').isVisible(), { timeout: 15_000 }).toBe(true);
    await expect
      .poll(() => node('org').getAttribute('aria-label'))
      .toBe('Role org (group), 4 more members, 1 more group not drawn');
    expect(await graph().locator('[data-role]').count()).toBe(2);
  });

  it('expanding a node adds its groups and members, laid out again', async () => {
    await node('org').dblclick();
    for (const name of ['company', 'everyone', 'team_1', 'team_2', 'team_3'])
      await expect.poll(() => node(name).isVisible()).toBe(true);
    await expect.poll(() => node('org').getAttribute('aria-label')).toBe('Role org (group)');
    // Groups above their members.
    const y = async (name: string) => (await node(name).boundingBox())?.y ?? Number.NaN;
    expect(await y('company')).toBeLessThan(await y('org'));
    expect(await y('org')).toBeLessThan(await y('everyone'));
  });

  it('finds a role in the graph and selecting it calls through to Explain', async () => {
    const find = admin.getByLabel('Find in graph');
    await find.fill('everyone');
    await expect.poll(() => admin.getByTestId('graph-find-status').textContent()).toBe('1 found');
    await expect.poll(() => node('everyone').getAttribute('class')).toContain('found');
    await find.press('Enter');
    await expect
      .poll(() => admin.evaluate(() => document.activeElement?.getAttribute('data-role') ?? null))
      .toBe('everyone');
    await admin.keyboard.press('Enter');
    await expect.poll(() => node('everyone').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => admin.getByTestId('explain').getByLabel('Role to explain').inputValue()).toBe('everyone');
    // What it inherits lights up: org and company above it.
    expect(await node('company').getAttribute('class')).toContain('inherited');
  });

  it(`draws the group of ${MEMBERS} members within a second: ${PER_ROLE} of them in rows and "+N more members"`, async () => {
    const started = Date.now();
    await admin.getByRole('button', { name: 'Centre here' }).click();
    await expect.poll(() => moreMembers('everyone').isVisible(), { timeout: 10_000, interval: 20 }).toBe(true);
    await expect.poll(() => membersDrawn('everyone'), { interval: 20 }).toBe(PER_ROLE);
    const took = Date.now() - started;
    console.log(`the neighbourhood of a group of ${MEMBERS} members was drawn ${took} ms after asking`);
    expect(took).toBeLessThan(3_000);

    expect(await moreMembers('everyone').textContent()).toContain(`+${MEMBERS - PER_ROLE} more members`);
    // Its members, its group (org) and itself; none of the 1,000 roles apart.
    expect(await graph().locator('[data-role]').count()).toBe(PER_ROLE + 2);
    expect(await graph().locator('[data-role^="apart_"]').count()).toBe(0);
    // Readable: rows of members, not a strip; the drawing stays within 2,500 px at scale 1.
    const width = await admin
      .getByTestId('graph-viewport')
      .evaluate((element) => (element as SVGGElement).getBBox().width);
    expect(width).toBeLessThanOrEqual(2_500);
    const rows = await graph()
      .locator('[data-role^="person_"]')
      .evaluateAll((found) => new Set(found.map((element) => element.getAttribute('transform')?.split(' ')[1])).size);
    expect(rows).toBeGreaterThan(3);
    // Membership options are drawn: person_0001 holds ADMIN OPTION on everyone.
    expect(await graph().locator('polyline[data-member="person_0001"]').getAttribute('class')).toContain('admin');
  });

  it('"+N more members" draws the next page and counts down (by keyboard: Tab brings a node into view)', async () => {
    await moreMembers('everyone').focus();
    await admin.keyboard.press('Enter');
    await expect.poll(() => membersDrawn('everyone')).toBe(2 * PER_ROLE);
    expect(await moreMembers('everyone').textContent()).toContain(`+${MEMBERS - 2 * PER_ROLE} more members`);
  });

  it('a membership granted in psql shows up in the graph drawn', async () => {
    await testApp.sql('CREATE ROLE aa_new_team; GRANT everyone TO aa_new_team');
    await expect.poll(() => node('aa_new_team').isVisible(), { timeout: 10_000 }).toBe(true);
  });

  it('refuses the whole server at 2,000 roles, saying why', async () => {
    const toggle = admin.getByRole('button', { name: 'Whole server' });
    await toggle.click();
    const refusal = admin.getByTestId('whole-server-refusal');
    await expect
      .poll(() => refusal.textContent())
      .toMatch(/The server has 2,0\d\d roles .*more than 150 cannot be read/);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await node('everyone').isVisible()).toBe(true);
  });
});
