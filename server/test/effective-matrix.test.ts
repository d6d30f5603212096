import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import { testedPostgres } from './support/cluster.js';
import { connect, createManagedDatabase, ERROR_FIELDS, setupAdmin } from './support/fixtures.js';
import { catalogOf } from './support/permissions.js';

/**
 * The effective-privilege matrix for every kind (issue 15): each cell — role × object, held and grantable — equal to
 * PostgreSQL's has_*_privilege, asked about the very object the row names (so the row's name round-trips too). The
 * roles reach their privileges directly, through a group, through PUBLIC, as owner, or not at all (a NOINHERIT
 * membership); names are hostile. Also: what Explain's access gaps say of a large object's UPDATE and a function's
 * schema, held to what PostgreSQL lets the role do.
 */
let testApp: TestApp;
let admin: TestClient;
let mxId: string;

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
const SCHEMA = 's x "é"';
const TABLE = 't "q"';
const COLUMN = 'c é';
const FUNCTION = 'f n';
const TYPE = 'ty"pe';
const HOSTILE = 'm "x" 🦄';
const ROLES = ['mx_owner', 'mx_group', 'mx_reader', 'mx_cut', 'mx_stranger', HOSTILE];
let largeObject: string;

/** A NOINHERIT membership: per grant from 16, the member's attribute on 15. */
const grantWithoutInherit = (group: string, member: string) =>
  testedPostgres.membershipOptions
    ? `GRANT ${group} TO ${member} WITH INHERIT FALSE`
    : `ALTER ROLE ${member} NOINHERIT; GRANT ${group} TO ${member}`;

beforeAll(async () => {
  testApp = await startTestApp();
  admin = testApp.client();
  await setupAdmin(admin);
  const managed = await createManagedDatabase(testApp, 'mx', 'mx_super');
  await testApp.sql('ALTER ROLE mx_super SUPERUSER');
  mxId = await connect(admin, testApp, managed);
  await testApp.sql(
    [
      `CREATE ROLE mx_owner; CREATE ROLE mx_group; CREATE ROLE mx_reader; CREATE ROLE mx_cut; CREATE ROLE mx_stranger`,
      `CREATE ROLE ${q(HOSTILE)} IN ROLE mx_reader`,
      'GRANT mx_group TO mx_reader',
      grantWithoutInherit('mx_group', 'mx_cut'),
      'GRANT CREATE ON TABLESPACE pg_default TO mx_group',
      'GRANT SET ON PARAMETER work_mem TO mx_reader WITH GRANT OPTION',
      'GRANT ALTER SYSTEM ON PARAMETER log_min_duration_statement TO mx_group',
    ].join('; '),
  );
  await testApp.sql(
    [
      'GRANT CREATE ON DATABASE mx TO mx_group WITH GRANT OPTION',
      'REVOKE TEMPORARY ON DATABASE mx FROM PUBLIC',
      `CREATE SCHEMA ${q(SCHEMA)} AUTHORIZATION mx_owner`,
      'CREATE FOREIGN DATA WRAPPER "w x"',
      'CREATE SERVER "srv x" FOREIGN DATA WRAPPER "w x"',
      'GRANT USAGE ON FOREIGN DATA WRAPPER "w x" TO mx_group',
      'GRANT USAGE ON FOREIGN SERVER "srv x" TO mx_reader WITH GRANT OPTION',
      'REVOKE USAGE ON LANGUAGE plpgsql FROM PUBLIC',
      'GRANT USAGE ON LANGUAGE plpgsql TO mx_cut',
      'SET ROLE mx_owner',
      `GRANT USAGE ON SCHEMA ${q(SCHEMA)} TO mx_group WITH GRANT OPTION`,
      `CREATE TABLE ${q(SCHEMA)}.${q(TABLE)} (id int, ${q(COLUMN)} text, other text)`,
      `CREATE SEQUENCE ${q(SCHEMA)}.seq`,
      `CREATE VIEW ${q(SCHEMA)}.v AS SELECT id FROM ${q(SCHEMA)}.${q(TABLE)}`,
      `GRANT SELECT ON ${q(SCHEMA)}.${q(TABLE)} TO mx_group`,
      `GRANT UPDATE (${q(COLUMN)}) ON ${q(SCHEMA)}.${q(TABLE)} TO mx_reader WITH GRANT OPTION`,
      `GRANT INSERT (other) ON ${q(SCHEMA)}.${q(TABLE)} TO PUBLIC`,
      `GRANT SELECT ON ${q(SCHEMA)}.v TO ${q(HOSTILE)}`,
      `GRANT USAGE ON SEQUENCE ${q(SCHEMA)}.seq TO mx_group`,
      `CREATE TYPE ${q(SCHEMA)}.${q(TYPE)} AS ENUM ('a')`,
      `CREATE DOMAIN ${q(SCHEMA)}.positive AS int CHECK (VALUE > 0)`,
      `REVOKE USAGE ON TYPE ${q(SCHEMA)}.${q(TYPE)} FROM PUBLIC`,
      `GRANT USAGE ON TYPE ${q(SCHEMA)}.${q(TYPE)} TO mx_cut WITH GRANT OPTION`,
      `CREATE FUNCTION ${q(SCHEMA)}.${q(FUNCTION)}(a int, b ${q(SCHEMA)}.${q(TYPE)}) RETURNS int LANGUAGE sql AS 'SELECT 1'`,
      `REVOKE EXECUTE ON FUNCTION ${q(SCHEMA)}.${q(FUNCTION)}(int, ${q(SCHEMA)}.${q(TYPE)}) FROM PUBLIC`,
      `GRANT EXECUTE ON FUNCTION ${q(SCHEMA)}.${q(FUNCTION)}(int, ${q(SCHEMA)}.${q(TYPE)}) TO mx_group WITH GRANT OPTION`,
      `CREATE PROCEDURE ${q(SCHEMA)}.tidy() LANGUAGE sql AS 'SELECT 1'`,
      'RESET ROLE',
    ].join('; '),
    [],
    'mx',
  );
  const [created] = await testApp.sql<{ oid: string }>('SELECT lo_create(0)::text AS oid', [], 'mx');
  largeObject = created?.oid ?? '';
  await testApp.sql(
    `ALTER LARGE OBJECT ${largeObject} OWNER TO mx_owner; GRANT UPDATE ON LARGE OBJECT ${largeObject} TO mx_reader`,
    [],
    'mx',
  );
}, 120_000);

afterAll(async () => {
  await testApp?.stop();
});

interface Row {
  role: string;
  kind: string;
  schema: string | null;
  name: string;
  column: string | null;
  arguments: string | null;
  privileges: string[];
  grantable: string[];
}

async function matrix(args: string): Promise<Row[]> {
  const catalog = await catalogOf<{ effectivePrivilegesMatrix: { __typename: string; nodes: Row[] } }>(
    admin,
    mxId,
    `effectivePrivilegesMatrix(roles: ${JSON.stringify(ROLES)}, ${args}) { ${ERROR_FIELDS}
       ... on DatabaseCatalogEffectivePrivilegesMatrixConnection {
         nodes { role kind schema name column arguments privileges grantable } } }`,
  );
  expect(catalog.effectivePrivilegesMatrix.__typename).toBe('DatabaseCatalogEffectivePrivilegesMatrixConnection');
  return catalog.effectivePrivilegesMatrix.nodes;
}

/** How PostgreSQL is asked about the object a row names, with `r` the row (role, schema, name, col, args). */
const CHECKS: Record<string, (privilege: string) => string> = {
  DATABASE: (p) => `has_database_privilege(r.role, r.name, ${p})`,
  SCHEMA: (p) => `has_schema_privilege(r.role, r.name, ${p})`,
  TABLE: (p) => `has_table_privilege(r.role, format('%I.%I', r.schema, r.name), ${p})`,
  SEQUENCE: (p) => `has_sequence_privilege(r.role, format('%I.%I', r.schema, r.name), ${p})`,
  COLUMN: (p) => `has_column_privilege(r.role, format('%I.%I', r.schema, r.name), r.col, ${p})`,
  FUNCTION: (p) =>
    `has_function_privilege(r.role, to_regprocedure(format('%I.%I(%s)', r.schema, r.name, r.args))::oid, ${p})`,
  TYPE: (p) => `has_type_privilege(r.role, to_regtype(format('%I.%I', r.schema, r.name))::oid, ${p})`,
  LANGUAGE: (p) => `has_language_privilege(r.role, r.name, ${p})`,
  FOREIGN_DATA_WRAPPER: (p) => `has_foreign_data_wrapper_privilege(r.role, r.name, ${p})`,
  FOREIGN_SERVER: (p) => `has_server_privilege(r.role, r.name, ${p})`,
  TABLESPACE: (p) => `has_tablespace_privilege(r.role, r.name, ${p})`,
  PARAMETER: (p) => `has_parameter_privilege(r.role, r.name, ${p})`,
  // has_largeobject_privilege came with PostgreSQL 18.
  LARGE_OBJECT: (p) => `has_largeobject_privilege(r.role, r.name::oid, ${p})`,
};

/** The privileges a kind can carry on this version, in the order Rolecall lists them. */
const PRIVILEGES: Record<string, string[]> = {
  DATABASE: ['CONNECT', 'CREATE', 'TEMPORARY'],
  SCHEMA: ['USAGE', 'CREATE'],
  TABLE: testedPostgres.tablePrivileges,
  SEQUENCE: ['USAGE', 'SELECT', 'UPDATE'],
  COLUMN: ['SELECT', 'INSERT', 'UPDATE', 'REFERENCES'],
  FUNCTION: ['EXECUTE'],
  TYPE: ['USAGE'],
  LANGUAGE: ['USAGE'],
  FOREIGN_DATA_WRAPPER: ['USAGE'],
  FOREIGN_SERVER: ['USAGE'],
  TABLESPACE: ['CREATE'],
  PARAMETER: ['SET', 'ALTER SYSTEM'],
  LARGE_OBJECT: ['SELECT', 'UPDATE'],
};

/** PostgreSQL's answer for every row, in one query: held and grantable, each in the kind's order. */
async function postgresRows(kind: string, rows: readonly Row[]): Promise<Row[]> {
  const check = CHECKS[kind] as (privilege: string) => string;
  const ordered = (suffix: string) => `ARRAY(SELECT p FROM unnest($2::text[]) WITH ORDINALITY u(p, i)
      WHERE ${check(`p || '${suffix}'`)} ORDER BY i)`;
  const answers = await testApp.sql<{ held: string[]; grantable: string[] }>(
    `SELECT ${ordered('')} AS held, ${ordered(' WITH GRANT OPTION')} AS grantable
       FROM json_to_recordset($1::json) AS r(i int, role text, schema text, name text, col text, args text)
      ORDER BY r.i`,
    [JSON.stringify(rows.map((row, i) => ({ ...row, i, col: row.column, args: row.arguments }))), PRIVILEGES[kind]],
    'mx',
  );
  return rows.map((row, i) => ({ ...row, privileges: answers[i]?.held ?? [], grantable: answers[i]?.grantable ?? [] }));
}

const KINDS = Object.keys(CHECKS).filter((kind) => kind !== 'LARGE_OBJECT' || testedPostgres.version >= 18);

describe('effectivePrivilegesMatrix for every kind', () => {
  it.each(KINDS)('%s: every cell equals has_*_privilege for the object the row names', async (kind) => {
    const rows = await matrix(`kind: ${kind}`);
    expect(new Set(rows.map((row) => row.kind))).toEqual(new Set([kind]));
    expect(new Set(rows.map((row) => row.role))).toEqual(new Set(ROLES));
    expect(rows).toEqual(await postgresRows(kind, rows));
    // Roles differ in what they hold, so the comparison is not between two uniform answers.
    expect(rows.some((row) => row.privileges.length > 0)).toBe(true);
    expect(new Set(rows.map((row) => `${row.privileges} / ${row.grantable}`)).size).toBeGreaterThan(1);
  });

  it('names the objects of the test as an ObjectRef would, hostile names exactly', async () => {
    const inSchema = (row: Row) => row.schema === SCHEMA;
    const named = async (kind: string) =>
      [...new Set((await matrix(`kind: ${kind}, schema: ${JSON.stringify(SCHEMA)}`)).map(label))].sort();
    const label = (row: Row) => [row.name, row.column, row.arguments].filter((part) => part !== null).join(' / ');
    expect(await named('TABLE')).toEqual([TABLE, 'v']);
    expect(await named('SEQUENCE')).toEqual(['seq']);
    expect(await named('COLUMN')).toEqual([`${TABLE} / ${COLUMN}`, `${TABLE} / id`, `${TABLE} / other`, 'v / id']);
    expect(await named('FUNCTION')).toEqual([`${FUNCTION} / integer, ${q(SCHEMA)}.${q(TYPE)}`, 'tidy / ']);
    expect(await named('TYPE')).toEqual(['positive', TYPE]);
    const servers = await matrix('kind: FOREIGN_SERVER');
    expect(servers.filter((row) => row.role === HOSTILE)).toEqual([
      // Through mx_reader, which holds it with grant option.
      expect.objectContaining({ schema: null, name: 'srv x', privileges: ['USAGE'], grantable: ['USAGE'] }),
    ]);
    expect((await matrix('kind: FUNCTION')).every(inSchema)).toBe(true);
  });

  it('without a kind, every table, view and sequence as before; search and the first objects', async () => {
    const relations = await matrix('schema: "s x \\"é\\""');
    expect([...new Set(relations.map((row) => `${row.kind} ${row.name}`))]).toEqual([
      'SEQUENCE seq',
      `TABLE ${TABLE}`,
      'TABLE v',
    ]);
    expect(relations.find((row) => row.role === 'mx_reader' && row.name === TABLE)).toMatchObject({
      privileges: ['SELECT'],
      grantable: [],
    });
    // A column's own grant with the table's SELECT that comes through the group.
    const columns = await matrix(`kind: COLUMN, search: ${JSON.stringify(`${TABLE}.${COLUMN}`.toUpperCase())}`);
    expect(columns.filter((row) => row.role === 'mx_reader')).toEqual([
      expect.objectContaining({ column: COLUMN, privileges: ['SELECT', 'UPDATE'], grantable: ['UPDATE'] }),
    ]);
    expect(await matrix('kind: PARAMETER, search: "WORK_MEM", tables: 1')).toHaveLength(ROLES.length);
  });

  it('pages the cells role by role: the pages together are the whole matrix, in order', async () => {
    const whole = await matrix('kind: PARAMETER, search: "log_"');
    type Page = { nodes: Row[]; pageInfo: { endCursor: string | null; hasNextPage: boolean }; totalCount: number };
    const pages: Row[] = [];
    let after: string | null = null;
    for (;;) {
      const catalog: { effectivePrivilegesMatrix: Page } = await catalogOf(
        admin,
        mxId,
        `effectivePrivilegesMatrix(roles: ${JSON.stringify(ROLES)}, kind: PARAMETER, search: "log_", first: 7${
          after ? `, after: ${JSON.stringify(after)}` : ''
        }) { ... on DatabaseCatalogEffectivePrivilegesMatrixConnection {
          totalCount pageInfo { endCursor hasNextPage }
          nodes { role kind schema name column arguments privileges grantable } } }`,
      );
      const page = catalog.effectivePrivilegesMatrix;
      expect(page.totalCount).toBe(whole.length);
      expect(page.nodes.length).toBeLessThanOrEqual(7);
      pages.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(whole.length).toBeGreaterThan(60);
    expect(pages).toEqual(whole);
  });

  it('refuses a schema for a kind outside schemas, and an unknown schema, with typed errors', async () => {
    const refused = async (args: string) =>
      (
        await catalogOf<{ effectivePrivilegesMatrix: { __typename: string; field?: string } }>(
          admin,
          mxId,
          `effectivePrivilegesMatrix(roles: ["mx_group"], ${args}) { ${ERROR_FIELDS} ... on ValidationError { field } }`,
        )
      ).effectivePrivilegesMatrix;
    expect(await refused('kind: LANGUAGE, schema: "public"')).toMatchObject({
      __typename: 'ValidationError',
      field: 'schema',
    });
    expect(await refused('kind: DATABASE, schema: "public"')).toMatchObject({ __typename: 'ValidationError' });
    expect(await refused('kind: FUNCTION, schema: "nope"')).toMatchObject({ __typename: 'NotFoundError' });
  });
});

describe('access gaps for the new kinds', () => {
  async function gaps(role: string, object: Record<string, string>): Promise<{ privilege: string; on: string }[]> {
    const catalog = await catalogOf<{ accessGaps: { nodes: { privilege: string; on: string; fix: string }[] } }>(
      admin,
      mxId,
      `accessGaps(role: ${JSON.stringify(role)}, object: {${Object.entries(object)
        .map(([key, value]) => `${key}: ${key === 'kind' ? value : JSON.stringify(value)}`)
        .join(', ')}}) { ... on DatabaseCatalogAccessGapsConnection { nodes { privilege on fix } } }`,
    );
    return catalog.accessGaps.nodes;
  }

  /** Whether the role can write to the large object, by trying it (then undoing it). */
  async function canWrite(role: string): Promise<boolean> {
    const tried = `DO $$ BEGIN
        EXECUTE format('SET LOCAL ROLE %I', '${role}');
        PERFORM lo_put(${largeObject}, 0, 'x');
        RAISE EXCEPTION 'written' USING ERRCODE = 'P0001';
      END $$`;
    const code = await testApp.sql(tried, [], 'mx').then(
      () => 'none',
      (error: { code?: string }) => error.code,
    );
    expect(['P0001', '42501']).toContain(code);
    return code === 'P0001';
  }

  it('UPDATE on a large object without SELECT writes nothing: a SELECT gap, gone once granted', async () => {
    expect(await canWrite('mx_reader')).toBe(false);
    expect(await gaps('mx_reader', { kind: 'LARGE_OBJECT', name: largeObject })).toEqual([
      expect.objectContaining({
        privilege: 'SELECT',
        on: `large object ${largeObject}`,
        fix: `GRANT SELECT ON LARGE OBJECT ${largeObject} TO "mx_reader"`,
      }),
    ]);
    await testApp.sql(`GRANT SELECT ON LARGE OBJECT ${largeObject} TO mx_reader`, [], 'mx');
    expect(await canWrite('mx_reader')).toBe(true);
    expect(await gaps('mx_reader', { kind: 'LARGE_OBJECT', name: largeObject })).toEqual([]);
  });

  it("a function's and a column's schema without USAGE: a USAGE gap, as PostgreSQL refuses the call", async () => {
    const fn = { kind: 'FUNCTION', schema: SCHEMA, name: FUNCTION, arguments: `int, ${q(SCHEMA)}.${q(TYPE)}` };
    // mx_stranger is in no group: grant it EXECUTE alone, without USAGE on the schema.
    await testApp.sql(
      `GRANT EXECUTE ON FUNCTION ${q(SCHEMA)}.${q(FUNCTION)}(int, ${q(SCHEMA)}.${q(TYPE)}) TO mx_stranger`,
      [],
      'mx',
    );
    expect(await gaps('mx_stranger', fn)).toEqual([
      expect.objectContaining({ privilege: 'USAGE', on: `schema ${SCHEMA}` }),
    ]);
    await expect(
      testApp.sql(`SET ROLE mx_stranger; SELECT ${q(SCHEMA)}.${q(FUNCTION)}(1, NULL)`, [], 'mx'),
    ).rejects.toMatchObject({ code: '42501' });
    expect(await gaps('mx_reader', fn)).toEqual([]);
    const column = { kind: 'COLUMN', schema: SCHEMA, name: TABLE, column: COLUMN };
    expect(await gaps('mx_stranger', column)).toEqual([
      expect.objectContaining({ privilege: 'USAGE', on: `schema ${SCHEMA}` }),
    ]);
  });
});
