import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../server/test/support/app.js';
import { testedPostgres } from '../../server/test/support/cluster.js';
import { untilDriftReported } from '../../server/test/support/drift.js';
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
import { screenshot } from './support/screenshots.js';

const available = chromiumAvailable();

/** Names that need quoting: spaces, a quote, non-ASCII. */
const SCHEMA = 's p';
const CREATOR = 'app "maker"';
const READER = 'rea der ü';
const LATER = 'la ter';

/** PostgreSQL's quoting of an identifier: always quoted, inner quotes doubled. */
const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
const FOR_CREATOR = `ALTER DEFAULT PRIVILEGES FOR ROLE ${q(CREATOR)}`;

let testApp: TestApp;
let browser: Browser;
let databaseId: string;
let admin: Page;
let sam: Page;

async function pgAnswer(sql: string, values: unknown[] = []): Promise<unknown> {
  const rows = await testApp.sql<{ answer: unknown }>(`SELECT (${sql}) AS answer`, values, 'shop');
  return rows[0]?.answer;
}

/** pg_default_acl of the database, one line per entry, as PostgreSQL prints it. */
const defaultAcls = () =>
  pgAnswer(
    `SELECT coalesce(string_agg(format('%s:%s:%s:%s', defaclrole::regrole, defaclnamespace::regnamespace, defaclobjtype, defaclacl), E'\\n' ORDER BY defaclrole, defaclnamespace, defaclobjtype), '')
       FROM pg_default_acl`,
  );

/** Whether the test made a change in psql (asCreator): the next waits until the drift watcher has reported it. */
let changedInPsql = false;

/** Runs `statement` as the creator, as someone working through that role would. */
const asCreator = (statement: string) => {
  changedInPsql = true;
  return testApp.sql(`SET ROLE ${q(CREATOR)}; ${statement}; RESET ROLE`, [], 'shop');
};

/** The Other objects tab with its default privileges opened, and the editor's target chosen. */
async function openDefaults(page: Page, target: { kind: string; schema: string | null }): Promise<Locator> {
  await page.goto(`${testApp.url}/databases/${databaseId}/objects`);
  const view = page.getByTestId('default-privileges');
  await view.locator('summary').click();
  await pick(view, 'Creator', CREATOR, 'maker');
  await view.getByLabel('Kind of new objects').selectOption(target.kind);
  if (target.schema) await pick(view, 'In schema', target.schema, 's p');
  return view;
}

describe.skipIf(!available)('default privileges in a real browser', () => {
  beforeAll(async () => {
    testApp = await startTestApp();
    const shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
    // shop_owner (the admin's role) may act for the creator: it is a member of it.
    await testApp.sql(`CREATE ROLE ${q(CREATOR)}; CREATE ROLE ${q(READER)}; CREATE ROLE ${q(LATER)}`);
    await testApp.sql(`GRANT ${q(CREATOR)} TO shop_owner`);
    await testApp.sql(
      `CREATE SCHEMA ${q(SCHEMA)} AUTHORIZATION shop_owner; GRANT USAGE, CREATE ON SCHEMA ${q(SCHEMA)} TO ${q(CREATOR)};
       CREATE TABLE ${q(SCHEMA)}.old (id serial); ALTER TABLE ${q(SCHEMA)}.old OWNER TO shop_owner`,
      [],
      'shop',
    );
    const clerkPassword = await createLoginRole(testApp, 'clerk');

    const adminClient = testApp.client();
    await setupAdmin(adminClient);
    databaseId = await connect(adminClient, testApp, shop);
    const clerk = await configureRole(adminClient, databaseId, 'clerk', clerkPassword);
    const samUser = await createUser(adminClient, 'sam');
    await addCollaborator(adminClient, {
      databaseId,
      userId: samUser.id,
      configuredRoleId: String(clerk.id),
      access: 'MEMBER',
    });
    const samClient = testApp.client();
    await signIn(samClient, 'sam', samUser.password);

    browser = await launchChromium();
    admin = await pageSignedInAs(browser, testApp.url, adminClient);
    sam = await pageSignedInAs(browser, testApp.url, samClient);
  });

  afterEach(async () => {
    if (changedInPsql) await untilDriftReported(testApp);
    changedInPsql = false;
  });

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
  });

  it('gives a reader Write with grant option on SELECT on the creator’s new tables of a schema, previewed first', async () => {
    const view = await openDefaults(admin, { kind: 'TABLE', schema: SCHEMA });
    const answer = view.getByTestId('new-object-grants');
    await expect
      .poll(() => answer.textContent())
      .toBe(`A new table made by ${CREATOR} in schema ${SCHEMA} will grant: ${CREATOR}: ${await tablePrivileges()}`);
    expect(await view.getByText(`No entry for schema ${SCHEMA}`).count()).toBe(1);

    await pick(view, 'Add a grantee of new objects', READER, 'rea der');
    await view.getByLabel(`Access of ${READER}`).selectOption('WRITE');
    await view.getByLabel(`SELECT with grant option for ${READER}`).check();
    const apply = view.getByRole('button', { name: 'Apply' });
    expect(await apply.isDisabled()).toBe(true);
    const acls = await defaultAcls();
    await view.getByRole('button', { name: 'Preview SQL' }).click();
    const inSchema = `${FOR_CREATOR} IN SCHEMA ${q(SCHEMA)}`;
    await expect
      .poll(() => view.getByTestId('sql-preview').locator('pre').textContent())
      .toBe(
        [
          `${inSchema} GRANT INSERT, UPDATE, DELETE ON TABLES TO ${q(READER)};`,
          `${inSchema} GRANT SELECT ON TABLES TO ${q(READER)} WITH GRANT OPTION;`,
        ].join('\n'),
      );
    expect(await defaultAcls()).toBe(acls);
    await screenshot(admin, 'default-privileges-preview');

    await apply.click();
    await expect.poll(() => view.getByRole('status').textContent()).toBe('Applied 2 statements.');
    await asCreator(`CREATE TABLE ${q(SCHEMA)}.fresh (id int)`);
    const relation = `${q(SCHEMA)}.fresh`;
    expect(await pgAnswer('has_table_privilege($1, $2, $3)', [READER, relation, 'SELECT WITH GRANT OPTION'])).toBe(
      true,
    );
    expect(await pgAnswer('has_table_privilege($1, $2, $3)', [READER, relation, 'DELETE'])).toBe(true);
    expect(await pgAnswer('has_table_privilege($1, $2, $3)', [READER, relation, 'TRUNCATE'])).toBe(false);
    const row = view.locator(`tr[data-default-privilege=${JSON.stringify(`${CREATOR}:${SCHEMA}:TABLE`)}]`);
    await expect.poll(() => row.textContent()).toContain(`${READER}: SELECT★, INSERT, UPDATE, DELETE`);
    await expect.poll(() => answer.textContent()).toContain(`${READER}: SELECT★, INSERT, UPDATE, DELETE`);
  });

  it('takes EXECUTE on every new function of the creator away from PUBLIC through its global entry', async () => {
    const view = await openDefaults(admin, { kind: 'FUNCTION', schema: null });
    expect(await view.getByText('Choose a schema to see what a new function made there will grant.').count()).toBe(1);
    expect(await view.getByText(`No entry: new functions made by ${CREATOR}`).count()).toBe(1);
    // The built-in default, as the level holds it: the creator may execute, and so may PUBLIC.
    await expect.poll(() => view.getByLabel('EXECUTE for PUBLIC', { exact: true }).isChecked()).toBe(true);
    expect(await view.getByLabel(`EXECUTE for ${CREATOR}`, { exact: true }).isChecked()).toBe(true);
    await view.getByLabel('Access of PUBLIC').selectOption('NONE');
    await view.getByRole('button', { name: 'Preview SQL' }).click();
    await expect
      .poll(() => view.getByTestId('sql-preview').locator('pre').textContent())
      .toBe(`${FOR_CREATOR} REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;`);
    await view.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => view.getByRole('status').textContent()).toBe('Applied 1 statement.');

    await asCreator(`CREATE FUNCTION ${q(SCHEMA)}.f() RETURNS int LANGUAGE sql AS 'SELECT 1'`);
    expect(await pgAnswer(`has_function_privilege($1, '${q(SCHEMA)}.f()', 'EXECUTE')`, [READER])).toBe(false);
    expect(await pgAnswer(`has_function_privilege($1, '${q(SCHEMA)}.f()', 'EXECUTE')`, [CREATOR])).toBe(true);

    // An entry of the list opens in the editor, its grantees as they are.
    await view.getByRole('button', { name: `Edit what new tables of ${CREATOR} grant in ${SCHEMA}` }).click();
    expect(await view.getByLabel('Kind of new objects').inputValue()).toBe('TABLE');
    await expect.poll(() => view.getByLabel(`Access of ${READER}`).inputValue()).toBe('WRITE');
    expect(await view.getByLabel(`SELECT with grant option for ${READER}`).isChecked()).toBe(true);
  });

  it('says what a schema’s entry cannot take away, and offers nothing to apply', async () => {
    const view = await openDefaults(admin, { kind: 'TYPE', schema: SCHEMA });
    await expect.poll(() => view.getByTestId('new-object-grants').textContent()).toContain('PUBLIC: USAGE');
    await pick(view, 'Add a grantee of new objects', 'PUBLIC');
    await view.getByRole('button', { name: 'Preview SQL' }).click();
    const preview = view.getByTestId('sql-preview');
    await expect.poll(() => preview.locator('pre').textContent()).toBe('-- nothing to change');
    expect(await preview.locator('.warning').textContent()).toBe(
      `⚠ Everyone (PUBLIC) still gets USAGE on types created by ${CREATOR} in schema ${SCHEMA}: ${CREATOR}'s default privileges for every schema (or PostgreSQL's built-in default) give it, and a schema's can only add to those. Change them for every schema to take it away.`,
    );
    expect(await view.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);
  });

  it('offers large objects on PostgreSQL 18 only, without a schema, and a new one grants what was set', async () => {
    const version = Number(await pgAnswer("current_setting('server_version_num')::int"));
    if (version < 180000) {
      const view = await openDefaults(admin, { kind: 'TABLE', schema: null });
      const kinds = await view.getByLabel('Kind of new objects').locator('option').allTextContents();
      expect(kinds).toEqual(['tables', 'sequences', 'functions', 'types', 'schemas']);
      return;
    }
    const view = await openDefaults(admin, { kind: 'LARGE_OBJECT', schema: null });
    expect(await view.getByRole('combobox', { name: 'In schema', exact: true }).isDisabled()).toBe(true);
    await expect
      .poll(() => view.getByTestId('new-object-grants').textContent())
      .toBe(`A new large object made by ${CREATOR} will grant: ${CREATOR}: SELECT, UPDATE`);
    await pick(view, 'Add a grantee of new objects', READER, 'rea der');
    await view.getByLabel(`Access of ${READER}`).selectOption('READ');
    await view.getByRole('button', { name: 'Preview SQL' }).click();
    await expect
      .poll(() => view.getByTestId('sql-preview').locator('pre').textContent())
      .toBe(`${FOR_CREATOR} GRANT SELECT ON LARGE OBJECTS TO ${q(READER)};`);
    await view.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => view.getByRole('status').textContent()).toBe('Applied 1 statement.');
    const row = view.locator(`tr[data-default-privilege=${JSON.stringify(`${CREATOR}::LARGE_OBJECT`)}]`);
    await expect.poll(() => row.textContent()).toContain(`${READER}: SELECT`);
    expect(await row.textContent()).toContain('large objects');

    await asCreator('SELECT lo_create(7400001)');
    expect(await pgAnswer('has_largeobject_privilege($1, 7400001, $2)', [READER, 'SELECT'])).toBe(true);
    expect(await pgAnswer('has_largeobject_privilege($1, 7400001, $2)', [READER, 'UPDATE'])).toBe(false);
  });

  it('shows PostgreSQL’s refusal to an insider whose role may not act for the creator, and changes nothing', async () => {
    const acls = await defaultAcls();
    const view = await openDefaults(sam, { kind: 'TABLE', schema: SCHEMA });
    await pick(view, 'Add a grantee of new objects', LATER, 'la ter');
    await view.getByLabel(`Access of ${LATER}`).selectOption('READ');
    await view.getByRole('button', { name: 'Preview SQL' }).click();
    // 15 words it as the membership it checks (the name as it is, inner quotes and all).
    const refusal = testedPostgres.membershipOptions
      ? 'permission denied to change default privileges'
      : `must be member of role "${CREATOR}"`;
    await expect.poll(() => view.getByRole('alert').textContent()).toBe(refusal);
    expect(await view.getByTestId('sql-preview').count()).toBe(0);
    expect(await view.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);
    expect(await defaultAcls()).toBe(acls);
  });

  it('grants on every table of a schema and on those the chosen creator makes later, previewed as one change', async () => {
    await admin.goto(`${testApp.url}/databases/${databaseId}/overview`);
    await admin.getByRole('button', { name: `Permissions of ${SCHEMA}`, exact: true }).click();
    const bulk = admin.getByRole('dialog').getByRole('region', { name: 'Grant on every table' });
    await pick(bulk, 'Grantee for every table', LATER, 'la ter');
    await bulk.getByLabel('Access on every table').selectOption('READ');
    await bulk.getByLabel('and future ones').check();
    expect(await bulk.getByTestId('future-creator-note').textContent()).toContain("the schema's owner, shop_owner");
    const previewButton = bulk.getByRole('button', { name: 'Preview the SQL for every table' });
    await previewButton.click();
    const sql = bulk.getByTestId('sql-preview').locator('pre');
    await expect
      .poll(() => sql.textContent())
      .toContain(
        `ALTER DEFAULT PRIVILEGES FOR ROLE "shop_owner" IN SCHEMA ${q(SCHEMA)} GRANT SELECT ON TABLES TO ${q(LATER)}`,
      );

    await pick(bulk, 'Creator of the future tables', CREATOR, 'maker');
    const grant = bulk.getByRole('button', { name: 'Grant on every table' });
    expect(await grant.isDisabled()).toBe(true);
    await previewButton.click();
    const inSchema = `${FOR_CREATOR} IN SCHEMA ${q(SCHEMA)}`;
    await expect
      .poll(() => sql.textContent())
      .toBe(
        [
          `GRANT USAGE ON SCHEMA ${q(SCHEMA)} TO ${q(LATER)};`,
          `GRANT SELECT ON ALL TABLES IN SCHEMA ${q(SCHEMA)} TO ${q(LATER)};`,
          `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${q(SCHEMA)} TO ${q(LATER)};`,
          `${inSchema} GRANT SELECT ON TABLES TO ${q(LATER)};`,
          `${inSchema} GRANT USAGE, SELECT ON SEQUENCES TO ${q(LATER)};`,
        ].join('\n'),
      );
    await grant.click();
    await expect.poll(() => bulk.getByRole('status').textContent()).toContain('and on those made there later');

    expect(await pgAnswer('has_table_privilege($1, $2, $3)', [LATER, `${q(SCHEMA)}.old`, 'SELECT'])).toBe(true);
    await asCreator(`CREATE TABLE ${q(SCHEMA)}.later (id serial)`);
    expect(await pgAnswer('has_table_privilege($1, $2, $3)', [LATER, `${q(SCHEMA)}.later`, 'SELECT'])).toBe(true);
    expect(await pgAnswer('has_sequence_privilege($1, $2, $3)', [LATER, `${q(SCHEMA)}.later_id_seq`, 'USAGE'])).toBe(
      true,
    );
  });
});

/** Every table privilege this server has, as the creator of a new table holds them (MAINTAIN from PostgreSQL 17). */
async function tablePrivileges(): Promise<string> {
  const maintain = Number(await pgAnswer("current_setting('server_version_num')::int")) >= 170000;
  return [
    'SELECT',
    'INSERT',
    'UPDATE',
    'DELETE',
    'TRUNCATE',
    'REFERENCES',
    'TRIGGER',
    ...(maintain ? ['MAINTAIN'] : []),
  ].join(', ');
}
