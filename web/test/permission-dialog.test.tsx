// @vitest-environment happy-dom
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createSignal } from 'solid-js';
import { render } from 'solid-js/web';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { presetsOf } from '../../server/src/catalog/privileges.js';
import { PermissionDialog, type SecurableView } from '../src/pages/database/permissions/PermissionDialog';

/**
 * The permission dialog rendered in a DOM, talking to a real Rolecall (started in a child process, see
 * support/dialog-server.ts) through the app's own GraphQL client, signed in with a session cookie like a browser.
 */

interface Server {
  url: string;
  databaseId: string;
  login: string;
  password: string;
}

const TABLE_PRIVILEGES = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER', 'MAINTAIN'];

let child: ChildProcess;
let server: Server;

async function startServer(): Promise<Server> {
  child = spawn(process.execPath, ['--import', 'tsx', 'web/test/support/dialog-server.ts'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) return JSON.parse(line) as Server;
  throw new Error('the Rolecall test server exited before it was ready');
}

async function graphqlRequest<T>(text: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-rolecall-csrf': '1' },
    body: JSON.stringify({ query: text, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** The table s.t as the Overview reads it. */
async function readTable(): Promise<SecurableView> {
  const data = await graphqlRequest<{
    database: { catalog: { schemas: { name: string; tables: (SecurableView & { name: string })[] }[] } };
  }>(
    `query($id: ID!) { database(id: $id) { ... on Database { catalog { ... on DatabaseCatalog {
      schemas { name tables { name kind owner { name } grants { grantee { name } privileges grantable }
        viewerCan { changePrivileges grantablePrivileges transferOwnership reason } } } } } } } }`,
    { id: server.databaseId },
  );
  const table = data.database.catalog.schemas.find((schema) => schema.name === 's')?.tables.find((t) => t.name === 't');
  if (!table) throw new Error('s.t is missing');
  return { ...table, label: 's.t', ref: { kind: 'TABLE', schema: 's', name: 't' } };
}

/** Who holds USAGE on schema s, as the Overview reads it. */
async function schemaUsageHolders(): Promise<string[]> {
  const data = await graphqlRequest<{
    database: {
      catalog: { schemas: { name: string; grants: { grantee: { name: string } | null; privileges: string[] }[] }[] };
    };
  }>(
    `query($id: ID!) { database(id: $id) { ... on Database { catalog { ... on DatabaseCatalog {
      schemas { name grants { grantee { name } privileges } } } } } } }`,
    { id: server.databaseId },
  );
  const grants = data.database.catalog.schemas.find((schema) => schema.name === 's')?.grants ?? [];
  return grants
    .filter((grant) => grant.privileges.includes('USAGE'))
    .map((grant) => grant.grantee?.name ?? 'PUBLIC')
    .sort();
}

/** The statements of every privilege change recorded for the database, newest first. */
async function privilegeEvents(): Promise<string[][]> {
  const data = await graphqlRequest<{ auditLog: { events: { sql: string[] }[] } }>(
    `query($id: ID!) { auditLog(databaseId: $id, kinds: ["privileges.changed"]) { ... on EventPage { events { sql } } } }`,
    { id: server.databaseId },
  );
  return data.auditLog.events.map((event) => event.sql);
}

let host: HTMLDivElement;
let dispose: (() => void) | undefined;

async function openDialog(): Promise<void> {
  const [object, setObject] = createSignal(await readTable());
  host = document.createElement('div');
  document.body.append(host);
  dispose = render(
    () => (
      <PermissionDialog
        databaseId={server.databaseId}
        object={object()}
        privilegesByKind={[{ kind: 'TABLE', privileges: TABLE_PRIVILEGES, presets: presetsOf('TABLE') }]}
        schemaTables={[]}
        viewerRole="shop_owner"
        onClose={() => undefined}
        onApplied={async () => setObject(await readTable())}
      />
    ),
    host,
  );
}

const q = <E extends Element>(selector: string): E => {
  const found = host.querySelector<E>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};
const button = (label: string) =>
  [...host.querySelectorAll('button')].find(
    (candidate) => candidate.textContent?.trim() === label,
  ) as HTMLButtonElement;
const offer = (label: string) => q<HTMLInputElement>(`input[aria-label="${label}"]`);
const accessOf = (grantee: string) => q<HTMLSelectElement>(`select[aria-label="Access of ${grantee}"]`);
const box = (privilege: string, grantee: string) =>
  q<HTMLInputElement>(`input[aria-label="${privilege} for ${grantee}"]`);
const ticked = (grantee: string) => TABLE_PRIVILEGES.filter((privilege) => box(privilege, grantee).checked);

function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

function tick(input: HTMLInputElement, on: boolean): void {
  input.checked = on;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Adds a grantee as a user does: types its name in the "Add a grantee" picker, then clicks the option found. */
async function addGrantee(name: string): Promise<void> {
  const label = [...host.querySelectorAll('label')].find((found) => found.textContent?.trim() === 'Add a grantee');
  const input = document.getElementById(label?.htmlFor ?? '') as HTMLInputElement;
  input.value = name;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  const option = () =>
    [...host.querySelectorAll<HTMLElement>('[role="option"]')].find((found) => found.textContent?.trim() === name);
  await expect.poll(option).toBeDefined();
  option()?.click();
  expect(host.querySelector(`tr[data-grantee="${name}"]`)).not.toBeNull();
}

async function addClerk(): Promise<void> {
  await openDialog();
  await addGrantee('clerk');
}

describe('the permission dialog in a DOM', () => {
  beforeAll(async () => {
    server = await startServer();
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(server.url);
    await graphqlRequest('mutation($l: String!, $p: String!) { login(login: $l, password: $p) { __typename } }', {
      l: server.login,
      p: server.password,
    });
  });

  afterAll(async () => {
    dispose?.();
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child?.stdin?.end();
    await exited;
  });

  beforeEach(() => {
    dispose?.();
    document.body.innerHTML = '';
  });

  it('choosing a preset ticks exactly its privileges', async () => {
    await addClerk();
    choose(accessOf('clerk'), 'WRITE');
    expect(ticked('clerk')).toEqual(['SELECT', 'INSERT', 'UPDATE', 'DELETE']);
    choose(accessOf('clerk'), 'READ');
    expect(ticked('clerk')).toEqual(['SELECT']);
  });

  it('ticking privileges equal to a preset shows that preset, and any other set shows Custom', async () => {
    await addClerk();
    tick(box('SELECT', 'clerk'), true);
    expect(accessOf('clerk').value).toBe('READ');
    tick(box('INSERT', 'clerk'), true);
    expect(accessOf('clerk').value).toBe('CUSTOM');
    tick(box('UPDATE', 'clerk'), true);
    tick(box('DELETE', 'clerk'), true);
    expect(accessOf('clerk').value).toBe('WRITE');
    tick(box('TRUNCATE', 'clerk'), true);
    expect(accessOf('clerk').value).toBe('CUSTOM');
  });

  it('choosing Custom keeps the ticked set and shows the preset it still equals', async () => {
    await addClerk();
    choose(accessOf('clerk'), 'READ');
    choose(accessOf('clerk'), 'CUSTOM');
    expect(ticked('clerk')).toEqual(['SELECT']);
    expect(accessOf('clerk').value).toBe('READ');
  });

  it('"No access" clears every privilege and its grant option', async () => {
    await addClerk();
    choose(accessOf('clerk'), 'WRITE');
    tick(q<HTMLInputElement>('input[aria-label="SELECT with grant option for clerk"]'), true);
    choose(accessOf('clerk'), 'NONE');
    expect(ticked('clerk')).toEqual([]);
    expect(host.querySelector('input[aria-label="SELECT with grant option for clerk"]')).toBeNull();
  });

  it('enables Apply only while the SQL preview matches the input, and applies again from the fresh state', async () => {
    await addClerk();
    choose(accessOf('clerk'), 'READ');
    expect(button('Apply').disabled).toBe(true);
    button('Preview SQL').click();
    await expect
      .poll(() => host.querySelector('[data-testid="sql-preview"]')?.textContent)
      .toContain('GRANT SELECT ON TABLE "s"."t" TO "clerk"');
    expect(button('Apply').disabled).toBe(false);

    tick(box('INSERT', 'clerk'), true);
    expect(button('Apply').disabled).toBe(true);
    expect(host.querySelector('[data-testid="sql-preview"]')).toBeNull();
    button('Preview SQL').click();
    await expect.poll(() => host.querySelector('[data-testid="sql-preview"]')?.textContent).toContain('INSERT');
    button('Apply').click();
    await expect.poll(() => host.querySelector('[role="status"]')?.textContent).toContain('Applied');
    expect((await readTable()).grants.find((grant) => grant.grantee?.name === 'clerk')?.privileges.sort()).toEqual([
      'INSERT',
      'SELECT',
    ]);

    expect(accessOf('clerk').value).toBe('CUSTOM');
    expect(button('Apply').disabled).toBe(true);
    choose(accessOf('clerk'), 'NONE');
    button('Preview SQL').click();
    await expect.poll(() => host.querySelector('[data-testid="sql-preview"]')?.textContent).toContain('REVOKE');
    button('Apply').click();
    await expect.poll(() => host.querySelector('[role="status"]')?.textContent).toContain('Applied 1 statement');
    expect((await readTable()).grants.some((grant) => grant.grantee?.name === 'clerk')).toBe(false);
    expect(host.querySelector('tr[data-grantee="clerk"]')).toBeNull();
  });

  it('applies the accepted schema USAGE offer with the table grants of every grantee in one change', async () => {
    expect(await schemaUsageHolders()).toEqual(['clerk', 'shop_owner']);
    await openDialog();
    await addGrantee('analysts');
    choose(accessOf('analysts'), 'READ');
    await addGrantee('clerk');
    choose(accessOf('clerk'), 'READ');
    button('Preview SQL').click();
    await expect
      .poll(() => host.querySelector('[data-testid="offers"]')?.textContent)
      .toContain('Also grant USAGE on the schema to analysts');
    // clerk already holds USAGE on s: only analysts is offered it.
    expect(host.querySelectorAll('[data-testid="offers"] input')).toHaveLength(1);

    tick(offer('Also grant USAGE on the schema to analysts'), true);
    expect(button('Apply').disabled).toBe(true);
    expect(host.querySelector('[data-testid="sql-preview"]')).toBeNull();
    button('Preview SQL').click();
    const sql = [
      'GRANT USAGE ON SCHEMA "s" TO "analysts"',
      'GRANT SELECT ON TABLE "s"."t" TO "analysts"',
      'GRANT SELECT ON TABLE "s"."t" TO "clerk"',
    ];
    await expect.poll(() => host.querySelector('[data-testid="sql-preview"]')?.textContent).toContain(sql[0]);
    const preview = host.querySelector('[data-testid="sql-preview"]')?.textContent ?? '';
    expect(sql.map((statement) => preview.indexOf(statement))).toEqual(
      sql.map((statement) => preview.indexOf(statement)).sort((a, b) => a - b),
    );
    expect(offer('Also grant USAGE on the schema to analysts').checked).toBe(true);

    const before = await privilegeEvents();
    button('Apply').click();
    await expect.poll(() => host.querySelector('[role="status"]')?.textContent).toContain('Applied 3 statements');
    const after = await privilegeEvents();
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]).toEqual(sql);
    expect(await schemaUsageHolders()).toEqual(['analysts', 'clerk', 'shop_owner']);
    const table = await readTable();
    for (const grantee of ['analysts', 'clerk'])
      expect(table.grants.find((grant) => grant.grantee?.name === grantee)?.privileges).toEqual(['SELECT']);
  });
});
