import { readFile } from 'node:fs/promises';
import type { Browser, Page, Request } from 'playwright-core';
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

/**
 * Issue 14 at scale, in a real browser: a database of 20 schemas × 100 tables on a server of 2,000 more roles. The
 * Overview puts only the rows in view in the page, searches, loads later pages as it scrolls, and shows what the
 * viewer's role can really do on each object and why; a collaborator's accessible objects list what it reaches only
 * through a group.
 */

const available = chromiumAvailable();
const SCHEMAS = 20;
const TABLES = 100;
const ROLES = 2_000;
/** "A few hundred rows" at most in the page, whatever the catalog holds. */
const MAX_ROWS_IN_DOM = 300;
const LOADED = { timeout: 15_000 };

let testApp: TestApp;
let browser: Browser;
let databaseId: string;
let admin: Page;
let ana: Page;

const tab = (name: string) => `${testApp.url}/databases/${databaseId}/${name}`;
const objectRows = (page: Page) => page.locator('tr[data-object]');

describe.skipIf(!available)('the Overview and access views on a catalog of 2,000 tables and 2,000 roles', () => {
  beforeAll(async () => {
    testApp = await startTestApp({ DRIFT_INTERVAL_MS: '500' });
    const big = await createManagedDatabase(testApp, 'big', 'big_owner');
    await testApp.sql(
      `DO $$
       BEGIN
         FOR s IN 0..${SCHEMAS - 1} LOOP
           EXECUTE format('CREATE SCHEMA %I AUTHORIZATION big_owner', 's' || lpad(s::text, 2, '0'));
           FOR t IN 0..${TABLES - 1} LOOP
             EXECUTE format('CREATE TABLE %I.%I (id int)', 's' || lpad(s::text, 2, '0'), 't' || lpad(t::text, 3, '0'));
             EXECUTE format('ALTER TABLE %I.%I OWNER TO big_owner', 's' || lpad(s::text, 2, '0'), 't' || lpad(t::text, 3, '0'));
           END LOOP;
         END LOOP;
       END $$`,
      [],
      'big',
    );
    await testApp.sql(
      `DO $$
       BEGIN
         FOR i IN 1..${ROLES} LOOP
           EXECUTE format('CREATE ROLE %I', 'scale_role_' || lpad(i::text, 4, '0'));
         END LOOP;
       END $$`,
    );
    // ana works as ana_login, which reaches s07.t042 only through the group readers; s03.t003 is everyone's.
    const anaPassword = await createLoginRole(testApp, 'ana_login');
    await testApp.sql('CREATE ROLE readers; GRANT readers TO ana_login');
    await testApp.sql(
      `GRANT USAGE ON SCHEMA s07 TO readers; GRANT SELECT ON s07.t042 TO readers;
       GRANT USAGE ON SCHEMA s03 TO PUBLIC; GRANT SELECT ON s03.t003 TO PUBLIC`,
      [],
      'big',
    );

    const adminClient = testApp.client();
    const { password } = await setupAdmin(adminClient);
    await signIn(adminClient, 'admin', password);
    databaseId = await connect(adminClient, testApp, big);
    const anaRole = await configureRole(adminClient, databaseId, 'ana_login', anaPassword);
    const anaUser = await createUser(adminClient, 'ana');
    await addCollaborator(adminClient, { databaseId, userId: anaUser.id, configuredRoleId: String(anaRole.id) });
    const anaClient = testApp.client();
    await signIn(anaClient, 'ana', anaUser.password);

    browser = await launchChromium();
    admin = await pageSignedInAs(browser, testApp.url, adminClient);
    ana = await pageSignedInAs(browser, testApp.url, anaClient);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
  });

  it('puts only the rows in view in the page while counting every object', async () => {
    const started = Date.now();
    await admin.goto(tab('overview'));
    await expect.poll(() => admin.locator('tr[data-object="big"]').isVisible(), LOADED).toBe(true);
    const firstRowsAfter = Date.now() - started;
    await expect.poll(() => admin.getByTestId('object-count').textContent(), LOADED).toMatch(/^2,0\d\d objects$/);
    const count = Number((await admin.getByTestId('object-count').textContent())?.replace(/\D/g, ''));
    expect(count).toBe(1 + SCHEMAS * (1 + TABLES) + 1); // the database, public, 20 schemas and their tables
    expect(await objectRows(admin).count()).toBeLessThanOrEqual(MAX_ROWS_IN_DOM);
    expect(await admin.getByRole('row').count()).toBeLessThanOrEqual(MAX_ROWS_IN_DOM + 1);
    // The page does not grow with the list: the rows scroll inside their own box.
    expect(await admin.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(3_000);
    // A first visit also starts the app's connection to the database; a reload shows what a user sees afterwards.
    const reloaded = Date.now();
    await admin.reload();
    await expect.poll(() => admin.locator('tr[data-object="big"]').isVisible(), LOADED).toBe(true);
    console.info(
      `Overview of ${count} objects: first rows after ${firstRowsAfter} ms (first visit), ${Date.now() - reloaded} ms (reload)`,
    );
  });

  it('finds a table by name with the search box', async () => {
    await admin.goto(tab('overview'));
    await admin.getByLabel('Search objects').fill('s13.t077');
    await expect.poll(() => admin.locator('tr[data-object="s13.t077"]').isVisible(), LOADED).toBe(true);
    // The match stays under its schema.
    expect(await objectRows(admin).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-object')))).toEqual([
      's13',
      's13.t077',
    ]);
    await expect.poll(() => admin.getByTestId('object-count').textContent()).toContain('2 objects match');
  });

  it('loads the later pages as the list scrolls to its end, still holding only the rows in view', async () => {
    await admin.goto(tab('overview'));
    await expect.poll(() => admin.locator('tr[data-object="big"]').isVisible(), LOADED).toBe(true);
    const box = admin.locator('.virtual-rows');
    const last = admin.locator('tr[data-object="s19.t099"]');
    for (let step = 0; step < 200 && !(await last.isVisible()); step++) {
      await box.evaluate((element) => {
        element.scrollTop = element.scrollHeight;
      });
      await admin.waitForTimeout(100);
    }
    await expect.poll(() => last.isVisible(), LOADED).toBe(true);
    expect(await admin.locator('tr[data-object="big"]').count()).toBe(0);
    expect(await objectRows(admin).count()).toBeLessThanOrEqual(MAX_ROWS_IN_DOM);
  });

  it('patches a live grant into its row when loaded, and reads nothing for a table not loaded', async () => {
    await admin.goto(tab('overview'));
    await expect.poll(() => admin.locator('tr[data-object="s00.t001"]').isVisible(), LOADED).toBe(true);
    await expect.poll(() => admin.getByTestId('connection').textContent(), LOADED).toContain('Live');
    const operations: string[] = [];
    const record = (request: Request) => {
      if (!new URL(request.url()).pathname.endsWith('/graphql')) return;
      const asked = request.method() === 'GET' ? new URL(request.url()).searchParams.get('query') : request.postData();
      const name = /(?:query|mutation)\s+(\w+)/.exec(asked ?? '')?.[1];
      // The page header re-reads itself on any event; what the Overview reads is what counts here.
      if (name?.startsWith('Overview')) operations.push(name);
    };
    admin.on('request', record);
    try {
      await testApp.sql('GRANT SELECT ON s00.t001 TO scale_role_0001', [], 'big');
      await expect
        .poll(() => admin.locator('tr[data-object="s00.t001"]').getAttribute('data-changed'), LOADED)
        .toBe('true');
      expect(operations).toEqual(['OverviewTableRow']);
      // s15.t015 is on a page not loaded yet: nothing to patch, nothing to read.
      await testApp.sql('GRANT SELECT ON s15.t015 TO scale_role_0001', [], 'big');
      await expect
        .poll(() => admin.getByTestId('toast').filter({ hasText: 's15.t015' }).count(), LOADED)
        .toBeGreaterThan(0);
      expect(operations).toEqual(['OverviewTableRow']);
    } finally {
      admin.off('request', record);
    }
  });

  it("marks the viewer's inherited privilege with its path and a PUBLIC one as PUBLIC", async () => {
    await ana.goto(tab('overview'));
    const search = ana.getByLabel('Search objects');
    await search.fill('s07.t042');
    const inherited = ana.locator('tr[data-object="s07.t042"] [data-testid="viewer-access"] [data-source="GRANT"]');
    await expect.poll(() => inherited.textContent(), LOADED).toBe('SELECT (via readers)');
    expect(await inherited.getAttribute('title')).toContain('ana_login → readers');

    await search.fill('s03.t003');
    const everyone = ana.locator('tr[data-object="s03.t003"] [data-testid="viewer-access"] [data-source="PUBLIC"]');
    await expect.poll(() => everyone.textContent(), LOADED).toBe('SELECT (PUBLIC)');
    // A table nobody granted it: nothing.
    await search.fill('s03.t004');
    await expect
      .poll(() => ana.locator('tr[data-object="s03.t004"] [data-testid="viewer-access"]').textContent(), LOADED)
      .toBe('—');
  });

  it('lists everything a collaborator can access, an object reached only through a group included, and exports it', async () => {
    await admin.goto(tab('collaborators'));
    await admin.getByLabel('Search collaborators').fill('ANA');
    await admin.getByRole('button', { name: 'What can ana access' }).click();
    const dialog = admin.getByRole('dialog', { name: 'What ana can access (as ana_login)' });
    const throughGroup = dialog.locator('tr[data-accessible-object="s07.t042"] [data-source="GRANT"]');
    await expect.poll(() => throughGroup.textContent(), LOADED).toBe('SELECT (via readers)');
    expect(await throughGroup.getAttribute('title')).toContain('ana_login → readers');
    expect(await dialog.locator('tr[data-accessible-object="s03.t003"] [data-source="PUBLIC"]').textContent()).toBe(
      'SELECT (PUBLIC)',
    );
    await dialog.getByLabel('Search accessible objects').fill('s07');
    await expect
      .poll(() =>
        dialog
          .locator('tr[data-accessible-object]')
          .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-accessible-object'))),
      )
      .toEqual(['s07', 's07.t042']);

    const [file] = await Promise.all([
      admin.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const lines = (await readFile(String(await file.path()), 'utf8')).trimEnd().split('\r\n');
    expect(lines).toEqual([
      'object,kind,privileges,grantable,sources',
      's07,schema,USAGE,,USAGE: via readers (ana_login → readers)',
      's07.t042,table,SELECT,,SELECT: via readers (ana_login → readers)',
    ]);
    await dialog.getByLabel('Search accessible objects').fill('');
    await expect.poll(() => dialog.locator('tr[data-accessible-object="big"]').isVisible(), LOADED).toBe(true);
    const [all] = await Promise.all([
      admin.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    const objects = JSON.parse(await readFile(String(await all.path()), 'utf8')) as { object: string }[];
    expect(objects.map((row) => row.object)).toEqual(['big', 'public', 's03', 's03.t003', 's07', 's07.t042']);
    await admin.keyboard.press('Escape');
  });

  it('shows the activity as rows, a change made in psql arriving live', async () => {
    await admin.goto(tab('activity'));
    const log = admin.getByRole('table', { name: 'Activity log' });
    await expect.poll(() => log.locator('tr[data-kind="collaborator.added"]').count(), LOADED).toBe(1);
    await testApp.sql('GRANT SELECT ON s11.t011 TO readers', [], 'big');
    await expect
      .poll(() => log.locator('tr.external', { hasText: 'table s11.t011: granted SELECT to readers' }).count(), LOADED)
      .toBe(1);
    await expect.poll(() => admin.getByTestId('activity-count').textContent()).toMatch(/\d+ events? shown/);
  });
});
