import { readFile } from 'node:fs/promises';
import type { Browser, Page, Request } from 'playwright-core';
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
import { pick } from './support/pickers.js';

const available = chromiumAvailable();

let testApp: TestApp;
let browser: Browser;
let databaseId: string;

const tab = (name: string) => `${testApp.url}/databases/${databaseId}/${name}`;

async function ownerOf(relation: string): Promise<string> {
  const rows = await testApp.sql<{ owner: string }>(
    'SELECT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE oid = $1::regclass',
    [relation],
    'shop',
  );
  return rows[0]?.owner ?? '';
}

describe.skipIf(!available)('the permission dialogs in a real browser', () => {
  let admin: Page;
  let sam: Page;
  let adminClient: TestClient;

  beforeAll(async () => {
    testApp = await startTestApp({ DRIFT_INTERVAL_MS: '500' });
    const shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
    await testApp.sql(
      `CREATE SCHEMA s AUTHORIZATION shop_owner; CREATE TABLE s.t (id serial PRIMARY KEY); ALTER TABLE s.t OWNER TO shop_owner;
       CREATE SCHEMA moving AUTHORIZATION shop_owner;
       CREATE TABLE moving.a (id int); CREATE TABLE moving.b (id int); CREATE TABLE moving.c (id int);
       ALTER TABLE moving.a OWNER TO shop_owner; ALTER TABLE moving.b OWNER TO shop_owner; ALTER TABLE moving.c OWNER TO shop_owner`,
      [],
      'shop',
    );
    // ALTER … OWNER TO needs the acting role to be able to become the new owner.
    await testApp.sql(
      'CREATE ROLE analysts; CREATE ROLE heir; GRANT heir TO shop_owner; CREATE ROLE row_watcher; CREATE ROLE bulk_reader',
    );
    const clerkPassword = await createLoginRole(testApp, 'clerk');
    await testApp.sql('GRANT CONNECT ON DATABASE shop TO clerk; GRANT USAGE ON SCHEMA s TO clerk', [], 'shop');

    adminClient = testApp.client();
    await setupAdmin(adminClient);
    databaseId = await connect(adminClient, testApp, shop);
    const clerk = await configureRole(adminClient, databaseId, 'clerk', clerkPassword);
    await configureRole(adminClient, databaseId, 'temp', await createLoginRole(testApp, 'temp'));
    const samUser = await createUser(adminClient, 'sam');
    await addCollaborator(adminClient, { databaseId, userId: samUser.id, configuredRoleId: String(clerk.id) });
    const samClient = testApp.client();
    await signIn(samClient, 'sam', samUser.password);

    browser = await launchChromium();
    admin = await pageSignedInAs(browser, testApp.url, adminClient);
    sam = await pageSignedInAs(browser, testApp.url, samClient);
  });

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
  });

  it('the schema dialog offers Read and Create, shows PUBLIC as a grantee and the grant option', async () => {
    await admin.goto(tab('overview'));
    await admin.getByRole('button', { name: 'Permissions of s', exact: true }).click();
    const dialog = admin.getByRole('dialog');
    const access = dialog.getByLabel('Access of clerk');
    expect(await access.inputValue()).toBe('READ');
    expect(await access.locator('option').allTextContents()).toEqual(['No access', 'Read', 'Create', 'Custom']);
    await access.selectOption('CREATE');
    expect(await dialog.getByLabel('USAGE for clerk').isChecked()).toBe(true);
    expect(await dialog.getByLabel('CREATE for clerk').isChecked()).toBe(true);
    expect(await dialog.getByLabel('USAGE with grant option for clerk').isVisible()).toBe(true);

    await pick(dialog, 'Add a grantee', 'PUBLIC');
    const publicRow = dialog.locator('tr[data-grantee="PUBLIC"]');
    await publicRow.getByLabel('Access of PUBLIC').selectOption('READ');
    expect(await publicRow.getByLabel('USAGE with grant option for PUBLIC').isDisabled()).toBe(true);
    expect(await publicRow.getByLabel('USAGE with grant option for PUBLIC').getAttribute('title')).toContain(
      'PUBLIC cannot hold a grant option',
    );
    await dialog.getByRole('button', { name: 'Preview SQL' }).click();
    const preview = dialog.getByTestId('sql-preview');
    await expect.poll(() => preview.textContent()).toContain('GRANT CREATE ON SCHEMA "s" TO "clerk"');
    expect(await preview.textContent()).toContain('GRANT USAGE ON SCHEMA "s" TO PUBLIC');
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('the database dialog offers Connect and Create', async () => {
    await admin.getByRole('button', { name: 'Permissions of shop', exact: true }).click();
    const dialog = admin.getByRole('dialog');
    const access = dialog.getByLabel('Access of clerk');
    expect(await access.inputValue()).toBe('CONNECT');
    expect(await access.locator('option').allTextContents()).toEqual(['No access', 'Connect', 'Create', 'Custom']);
    await access.selectOption('CREATE');
    expect(await dialog.getByLabel('CONNECT for clerk').isChecked()).toBe(true);
    expect(await dialog.getByLabel('CREATE for clerk').isChecked()).toBe(true);
    expect(await dialog.getByLabel('TEMPORARY for clerk').isChecked()).toBe(false);
    expect(await dialog.locator('tr[data-grantee="PUBLIC"]').isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('transfers a schema with exactly the tables chosen, and only after previewing that choice', async () => {
    await admin.goto(tab('overview'));
    await admin.getByRole('button', { name: 'Permissions of moving', exact: true }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByText('Transfer ownership').click();
    await pick(dialog, 'New owner', 'heir');
    await dialog.getByLabel('Also transfer a', { exact: true }).check();
    await dialog.getByLabel('Also transfer c', { exact: true }).check();
    const transfer = dialog.getByRole('button', { name: 'Transfer' });
    expect(await transfer.isDisabled()).toBe(true);
    const previewButton = dialog.locator('details.transfer').getByRole('button', { name: 'Preview SQL' });
    await previewButton.click();
    const preview = dialog.locator('details.transfer').getByTestId('sql-preview');
    await expect.poll(() => preview.textContent()).toContain('ALTER SCHEMA "moving" OWNER TO "heir"');
    expect(await preview.textContent()).toContain('"moving"."a"');
    expect(await preview.textContent()).toContain('"moving"."c"');
    expect(await preview.textContent()).not.toContain('"moving"."b"');
    expect(await transfer.isEnabled()).toBe(true);

    await pick(dialog, 'New owner', 'analysts');
    expect(await transfer.isDisabled()).toBe(true);
    expect(await preview.count()).toBe(0);
    await pick(dialog, 'New owner', 'heir');
    expect(await transfer.isDisabled()).toBe(true);
    await previewButton.click();
    await expect.poll(() => transfer.isEnabled()).toBe(true);
    await transfer.click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain('Ownership transferred');

    const schemaOwner = await testApp.sql<{ owner: string }>(
      "SELECT pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = 'moving'",
      [],
      'shop',
    );
    expect(schemaOwner[0]?.owner).toBe('heir');
    expect([await ownerOf('moving.a'), await ownerOf('moving.b'), await ownerOf('moving.c')]).toEqual([
      'heir',
      'shop_owner',
      'heir',
    ]);
    await expect.poll(() => dialog.getByTestId('owner').textContent()).toBe('heir');
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('creates a schema from the overview after previewing its SQL', async () => {
    await admin.goto(tab('overview'));
    await admin.getByText('Create schema', { exact: true }).click();
    const form = admin.getByRole('form', { name: 'Create a schema' });
    await form.getByLabel('Schema name').fill('reports');
    const create = form.getByRole('button', { name: 'Create' });
    expect(await create.isDisabled()).toBe(true);
    await form.getByRole('button', { name: 'Preview SQL' }).click();
    await expect
      .poll(() => admin.locator('details.create-schema').getByTestId('sql-preview').textContent())
      .toContain('CREATE SCHEMA "reports"');
    await create.click();
    await expect.poll(() => admin.locator('tr[data-object="reports"]').isVisible()).toBe(true);
    const found = await testApp.sql<{ owner: string }>(
      "SELECT pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = 'reports'",
      [],
      'shop',
    );
    expect(found[0]?.owner).toBe('shop_owner');
  });

  it('says the catalog changed, and applies nothing, when what was previewed moved before Create', async () => {
    await admin.goto(tab('overview'));
    await admin.getByText('Create schema', { exact: true }).click();
    const form = admin.getByRole('form', { name: 'Create a schema' });
    await form.getByLabel('Schema name').fill('raced');
    await form.getByRole('button', { name: 'Preview SQL' }).click();
    const section = admin.locator('details.create-schema');
    await expect.poll(() => section.getByTestId('sql-preview').textContent()).toContain('CREATE SCHEMA "raced"');
    // Someone makes it in psql between the preview and Create.
    await testApp.sql('CREATE SCHEMA raced AUTHORIZATION heir', [], 'shop');
    await form.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => section.getByRole('alert').textContent()).toContain('changed since this was previewed');
    expect(await section.getByRole('alert').textContent()).toContain('nothing was applied');
    const owner = await testApp.sql<{ owner: string }>(
      "SELECT pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = 'raced'",
      [],
      'shop',
    );
    expect(owner).toEqual([{ owner: 'heir' }]);
  });

  it('shows a collaborator without manage rights the add form and Create schema disabled, with the reason', async () => {
    await sam.goto(tab('collaborators'));
    const add = sam.getByRole('form', { name: 'Add a collaborator' });
    await expect.poll(() => add.getByRole('button', { name: 'Add collaborator' }).isDisabled()).toBe(true);
    expect(await add.textContent()).toContain("Only admins and this database's managers add collaborators");
    expect(await sam.getByRole('button', { name: 'Leave' }).isEnabled()).toBe(true);

    await sam.goto(tab('overview'));
    await sam.getByText('Create schema', { exact: true }).click();
    const create = sam.getByRole('form', { name: 'Create a schema' });
    expect(await create.getByLabel('Schema name').isDisabled()).toBe(true);
    expect(await sam.locator('details.create-schema').textContent()).toContain('lacks CREATE on this database');
  });

  it("asks before changing a collaborator's role: Cancel changes nothing, Change role applies it", async () => {
    const changes = async () =>
      (
        await testApp.sql<{ role: string }>(
          `SELECT payload->>'role' AS role FROM "Event" WHERE kind = 'collaborator.changed' AND payload->>'user' = 'sam' ORDER BY id`,
          [],
          'rolecall_metadata',
        )
      ).map((event) => event.role);
    const before = await changes();
    await admin.goto(tab('collaborators'));
    const role = admin.getByLabel('Role of sam');
    const shown = () => role.locator('option:checked').textContent();
    await expect.poll(shown).toBe('clerk');

    await role.selectOption({ label: 'temp' });
    const dialog = admin.getByRole('dialog');
    const message = dialog.getByTestId('confirm-message');
    await expect.poll(() => message.textContent()).toContain('sam');
    expect(await message.textContent()).toContain('clerk');
    expect(await message.textContent()).toContain('temp');
    expect(await dialog.getByRole('button', { name: 'Change role' }).getAttribute('class')).toContain('danger');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(shown).toBe('clerk');
    await admin.reload();
    await expect.poll(shown).toBe('clerk');
    expect(await changes()).toEqual(before);

    await role.selectOption({ label: 'temp' });
    await dialog.getByRole('button', { name: 'Change role' }).click();
    await expect.poll(() => changes()).toEqual([...before, 'temp']);
    await expect.poll(shown).toBe('temp');
    await admin.reload();
    await expect.poll(shown).toBe('temp');

    // Back to clerk (confirmed too), as the tests below expect.
    await role.selectOption({ label: 'clerk' });
    await expect.poll(() => message.textContent()).toContain('instead of temp');
    await dialog.getByRole('button', { name: 'Change role' }).click();
    await expect.poll(() => changes()).toEqual([...before, 'temp', 'clerk']);
    await expect.poll(shown).toBe('clerk');
  });

  it('shows the real role again when the server refuses a change of collaborator role', async () => {
    await testApp.sql('ALTER ROLE temp NOLOGIN');
    await admin.goto(tab('collaborators'));
    const role = admin.getByLabel('Role of sam');
    await expect.poll(() => role.locator('option:checked').textContent()).toBe('clerk');
    await role.selectOption({ label: 'temp' });
    await admin.getByRole('dialog').getByRole('button', { name: 'Change role' }).click();
    await expect.poll(() => admin.getByRole('alert').first().textContent()).toMatch(/temp|login|authentication/i);
    await expect.poll(() => role.locator('option:checked').textContent()).toBe('clerk');
  });

  it('an open dialog without edits follows a live change; with edits it says the object changed', async () => {
    await admin.goto(tab('overview'));
    await expect.poll(() => admin.getByTestId('connection').textContent()).toContain('Live');
    await admin.getByRole('button', { name: 'Permissions of s.t', exact: true }).click();
    const dialog = admin.getByRole('dialog');
    await testApp.sql('GRANT SELECT ON s.t TO clerk', [], 'shop');
    await expect.poll(() => dialog.locator('tr[data-grantee="clerk"]').isVisible(), { timeout: 8_000 }).toBe(true);
    expect(await dialog.getByLabel('Access of clerk').inputValue()).toBe('READ');
    expect(await dialog.getByTestId('stale-notice').count()).toBe(0);

    await pick(dialog, 'Add a grantee', 'analysts');
    await dialog.getByLabel('Access of analysts').selectOption('READ');
    await testApp.sql('GRANT INSERT ON s.t TO clerk', [], 'shop');
    await expect
      .poll(() => admin.locator('tr[data-object="s.t"]').getAttribute('data-changed'), { timeout: 8_000 })
      .toBe('true');
    await expect
      .poll(() => dialog.getByTestId('stale-notice').textContent(), { timeout: 8_000 })
      .toContain('changed while you were editing');
    expect(await dialog.getByLabel('Access of clerk').inputValue()).toBe('READ');
    await dialog.getByTestId('stale-notice').getByRole('button', { name: 'Reload' }).click();
    expect(await dialog.getByTestId('stale-notice').count()).toBe(0);
    expect(await dialog.getByLabel('Access of clerk').inputValue()).toBe('CUSTOM');
    expect(await dialog.locator('tr[data-grantee="analysts"]').count()).toBe(0);
  });

  it('offers USAGE on the sequence and the schema per grantee, and applies the accepted ones with the grants in one change', async () => {
    const dialog = admin.getByRole('dialog');
    for (const grantee of ['analysts', 'heir']) {
      await pick(dialog, 'Add a grantee', grantee);
      await dialog.getByLabel(`Access of ${grantee}`).selectOption('WRITE');
    }
    await dialog.getByRole('button', { name: 'Preview SQL' }).click();
    const offers = dialog.getByTestId('offers');
    await expect.poll(() => offers.textContent()).toContain('Also grant USAGE on the sequences to analysts');
    for (const offer of ['schema to analysts', 'sequences to heir', 'schema to heir'])
      expect(await offers.textContent()).toContain(`Also grant USAGE on the ${offer}`);
    await offers.getByLabel('Also grant USAGE on the sequences to analysts').check();
    await offers.getByLabel('Also grant USAGE on the schema to heir').check();
    expect(await dialog.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Preview SQL' }).click();
    const sql = [
      'GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "s"."t" TO "analysts"',
      'GRANT USAGE ON SEQUENCE "s"."t_id_seq" TO "analysts"',
      'GRANT USAGE ON SCHEMA "s" TO "heir"',
      'GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "s"."t" TO "heir"',
    ];
    await expect.poll(() => dialog.getByTestId('sql-preview').textContent()).toContain(sql[1]);
    const preview = (await dialog.getByTestId('sql-preview').textContent()) ?? '';
    for (const statement of sql) expect(preview).toContain(statement);
    expect(preview).not.toContain('SEQUENCE "s"."t_id_seq" TO "heir"');
    expect(preview).not.toContain('SCHEMA "s" TO "analysts"');

    const changes = () =>
      testApp.sql<{ sql: string[] }>(
        `SELECT sql FROM "Event" WHERE kind = 'privileges.changed' AND source = 'ROLECALL' ORDER BY id DESC`,
        [],
        'rolecall_metadata',
      );
    const before = await changes();
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain('Applied 4 statements');
    const after = await changes();
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]?.sql).toEqual(sql);
    const access = await testApp.sql<Record<string, boolean>>(
      `SELECT has_sequence_privilege('analysts', 's.t_id_seq', 'USAGE') AS "analystsSequence",
              has_schema_privilege('analysts', 's', 'USAGE') AS "analystsSchema",
              has_sequence_privilege('heir', 's.t_id_seq', 'USAGE') AS "heirSequence",
              has_schema_privilege('heir', 's', 'USAGE') AS "heirSchema",
              has_table_privilege('heir', 's.t', 'INSERT') AS "heirInsert"`,
      [],
      'shop',
    );
    expect(access[0]).toEqual({
      analystsSequence: true,
      analystsSchema: false,
      heirSequence: false,
      heirSchema: true,
      heirInsert: true,
    });
  });

  it('a live grant re-reads only the rows it changed; a change the rows cannot show re-reads the catalog', async () => {
    await admin.goto(tab('overview'));
    await expect.poll(() => admin.locator('tr[data-object="s.t"]').isVisible()).toBe(true);
    await expect.poll(() => admin.getByTestId('connection').textContent()).toContain('Live');
    const operations: string[] = [];
    const record = (request: Request) => {
      if (!new URL(request.url()).pathname.endsWith('/graphql')) return;
      const asked = request.method() === 'GET' ? new URL(request.url()).searchParams.get('query') : request.postData();
      const name = /(?:query|mutation)\s+(\w+)/.exec(asked ?? '')?.[1];
      if (name) operations.push(name);
    };
    admin.on('request', record);
    try {
      await testApp.sql('GRANT UPDATE ON s.t TO row_watcher', [], 'shop');
      await expect.poll(() => operations, { timeout: 8_000 }).toContain('OverviewTableRow');
      await expect
        .poll(() => admin.locator('tr[data-object="s.t"]').getAttribute('data-changed'), { timeout: 8_000 })
        .toBe('true');
      await testApp.sql('GRANT USAGE ON SCHEMA moving TO row_watcher', [], 'shop');
      await expect.poll(() => operations, { timeout: 8_000 }).toContain('OverviewSchemaRow');
      await expect
        .poll(() => admin.locator('tr[data-object="moving"]').getAttribute('data-changed'), { timeout: 8_000 })
        .toBe('true');
      expect(operations).not.toContain('Overview');
      expect(operations).not.toContain('OverviewObjects');

      await testApp.sql('CREATE ROLE overview_newcomer');
      await expect.poll(() => operations, { timeout: 8_000 }).toContain('Overview');
      await expect.poll(() => operations, { timeout: 8_000 }).toContain('OverviewObjects');
    } finally {
      admin.off('request', record);
    }
  });

  it('pages the activity with "Load older" and filters it by kind and by actor', async () => {
    const grant = `mutation($id: ID!, $privileges: [String!]!) {
      setPrivileges(databaseId: $id, object: { kind: TABLE, schema: "s", name: "t" },
        grants: [{ grantee: "heir", privileges: $privileges }]) { __typename } }`;
    for (let round = 0; round < 30; round++) {
      await adminClient.field(grant, { id: databaseId, privileges: ['SELECT'] });
      await adminClient.field(grant, { id: databaseId, privileges: [] });
    }
    const total = await testApp.sql<{ count: string }>('SELECT count(*) FROM "Event"', [], 'rolecall_metadata');
    await admin.goto(tab('activity'));
    // The rows are virtualized: the count says how many are loaded, the page holds those in view.
    const loaded = async () => Number(/^(\d+) events? shown/.exec((await shownCount.textContent()) ?? '')?.[1] ?? 0);
    const shownCount = admin.getByTestId('activity-count');
    const items = admin.locator('table.activity tr[data-kind]');
    await expect.poll(loaded).toBe(50);
    await admin.getByRole('button', { name: 'Load older' }).click();
    await expect.poll(loaded).toBeGreaterThan(50);
    expect(await loaded()).toBeLessThanOrEqual(Number(total[0]?.count));

    await admin.getByLabel('Filter by kind').selectOption('schema.created');
    await expect.poll(loaded).toBe(1);
    expect(await items.count()).toBe(1);
    expect(await items.first().getAttribute('data-kind')).toBe('schema.created');
    await admin.getByLabel('Filter by kind').selectOption('');
    await admin.getByLabel('Filter by actor').selectOption({ label: 'admin' });
    await expect.poll(loaded).toBe(50);
    expect(await items.count()).toBeGreaterThan(0);
    expect(await admin.locator('table.activity tr.external').count()).toBe(0);
    expect(await admin.locator('table.activity tr[data-kind]:not(:has-text("by admin"))').count()).toBe(0);
  });
  it('grants on every table of a schema in one change, after previewing PostgreSQL’s ALL TABLES statement', async () => {
    await admin.goto(tab('overview'));
    await admin.getByRole('button', { name: 'Permissions of s', exact: true }).click();
    const bulk = admin.getByRole('dialog').getByRole('region', { name: 'Grant on every table' });
    await pick(bulk, 'Grantee for every table', 'bulk_reader');
    await bulk.getByLabel('Access on every table').selectOption('READ');
    expect(await bulk.getByRole('button', { name: 'Grant on every table' }).isDisabled()).toBe(true);
    await bulk.getByRole('button', { name: 'Preview the SQL for every table' }).click();
    await expect
      .poll(() => bulk.getByTestId('sql-preview').textContent())
      .toContain('GRANT SELECT ON ALL TABLES IN SCHEMA "s" TO "bulk_reader"');
    expect(await bulk.getByTestId('sql-preview').textContent()).toContain(
      'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "s" TO "bulk_reader"',
    );
    const reads = () =>
      testApp.sql<{ ok: boolean }>(
        "SELECT has_table_privilege('bulk_reader', 's.t', 'SELECT') AND has_sequence_privilege('bulk_reader', 's.t_id_seq', 'USAGE') AS ok",
        [],
        'shop',
      );
    expect((await reads())[0]?.ok).toBe(false);
    await bulk.getByRole('button', { name: 'Grant on every table' }).click();
    await expect.poll(() => bulk.getByRole('status').textContent()).toContain('Granted on every table of s');
    expect((await reads())[0]?.ok).toBe(true);
    await admin.keyboard.press('Escape');
  });
  it('lists who can access a table, from PostgreSQL’s effective privileges, and searches them', async () => {
    await admin.goto(tab('overview'));
    await admin.getByRole('button', { name: 'Permissions of s.t', exact: true }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByText('Who can access this').click();
    const privilegesOf = (role: string) =>
      dialog.locator(`tr[data-access-role="${role}"] [data-testid="access-privileges"]`).textContent();
    await expect.poll(() => privilegesOf('shop_owner')).toContain('SELECT★');
    await dialog.getByLabel('Search who can access').fill('BULK_');
    await expect
      .poll(() =>
        dialog
          .locator('tr[data-access-role]')
          .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-access-role'))),
      )
      .toEqual(['bulk_reader']);
    expect(await privilegesOf('bulk_reader')).toBe('SELECT');
    // The export holds every match, with each privilege's sources.
    const [file] = await Promise.all([
      admin.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect((await readFile(String(await file.path()), 'utf8')).split('\r\n')).toEqual([
      'role,superuser,privileges,grantable,sources,collaborators',
      expect.stringMatching(/^bulk_reader,false,SELECT,,SELECT: GRANT bulk_reader,$/),
      '',
    ]);
    await admin.keyboard.press('Escape');
  });
});
