import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secret, startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import { connect, createManagedDatabase, setupAdmin } from './support/fixtures.js';
import { type Act, actor, catalogOf, collaboratorThrough, expectApplied, expectDryRun } from './support/permissions.js';

/**
 * Every object kind beyond databases, schemas and relations, through the API: listed with owner and grants, granted
 * and revoked (dry run first), owned, explained — each answer held to PostgreSQL's own (has_*_privilege, the ACL).
 * `shop` is run through its CREATEROLE owner `dba`; `ops` through a superuser (tablespaces, parameters, FDWs).
 */
let testApp: TestApp;
let admin: TestClient;
let shopId: string;
let opsId: string;
let dba: Act;
let ops: Act;

const SCHEMA = 's "p" é';
const TYPE = 't"y';
const FUNCTION = 'f n';
const COLUMN = 'co"l é';
const GRANTEE = 'gr "ee" 🦄';
const WEAK = 'weak_member';

/** PostgreSQL's quoting of an identifier: always quoted, inner quotes doubled. */
const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
const SIGNATURE = `${q(SCHEMA)}.${q(FUNCTION)}(${q(SCHEMA)}.${q(TYPE)},integer)`;

let largeObject: string;
const weakPassword = secret(WEAK);

async function pgAnswer(sql: string, values: unknown[], database = 'shop'): Promise<unknown> {
  const rows = await testApp.sql<{ answer: unknown }>(`SELECT (${sql}) AS answer`, values, database);
  return rows[0]?.answer;
}

const functionRef = { kind: 'FUNCTION', schema: SCHEMA, name: FUNCTION, arguments: `${q(SCHEMA)}.${q(TYPE)}, int` };

beforeAll(async () => {
  testApp = await startTestApp();
  admin = testApp.client();
  await setupAdmin(admin);
  shopId = await connect(admin, testApp, await createManagedDatabase(testApp, 'shop', 'dba'));
  const opsDatabase = await createManagedDatabase(testApp, 'ops', 'ops_super');
  await testApp.sql('ALTER ROLE ops_super SUPERUSER');
  opsId = await connect(admin, testApp, opsDatabase);
  dba = actor(admin, shopId);
  ops = actor(admin, opsId);
  await testApp.sql(`CREATE ROLE ${q(GRANTEE)}`);
  await testApp.sql(`CREATE ROLE ${WEAK} LOGIN PASSWORD '${weakPassword}'`);
  // Made as dba (one session: SET ROLE lasts), PUBLIC's default USAGE and EXECUTE taken from all but `f n`.
  await testApp.sql(`CREATE SCHEMA ${q(SCHEMA)} AUTHORIZATION dba`, [], 'shop');
  await testApp.sql(
    [
      'SET ROLE dba',
      `CREATE TYPE ${q(SCHEMA)}.${q(TYPE)} AS (a int)`,
      `CREATE DOMAIN ${q(SCHEMA)}.positive AS int CHECK (VALUE > 0)`,
      `CREATE TYPE ${q(SCHEMA)}.mood AS ENUM ('ok')`,
      `CREATE FUNCTION ${q(SCHEMA)}.${q(FUNCTION)}(x ${q(SCHEMA)}.${q(TYPE)}, y int) RETURNS int LANGUAGE sql AS 'SELECT 1'`,
      `CREATE PROCEDURE ${q(SCHEMA)}.tidy() LANGUAGE sql AS 'SELECT 1'`,
      `CREATE AGGREGATE ${q(SCHEMA)}.total(int) (sfunc = int4pl, stype = int)`,
      `CREATE TABLE ${q(SCHEMA)}.orders (id int, ${q(COLUMN)} text, secret text) PARTITION BY RANGE (id)`,
      `CREATE TABLE ${q(SCHEMA)}.orders_2026 PARTITION OF ${q(SCHEMA)}.orders FOR VALUES FROM (0) TO (100)`,
      `REVOKE USAGE ON TYPE ${q(SCHEMA)}.${q(TYPE)}, ${q(SCHEMA)}.positive, ${q(SCHEMA)}.mood FROM PUBLIC`,
      `REVOKE EXECUTE ON ROUTINE ${q(SCHEMA)}.tidy() FROM PUBLIC`,
      'RESET ROLE',
    ].join('; '),
    [],
    'shop',
  );
  const [created] = await testApp.sql<{ oid: string }>('SELECT lo_create(0)::text AS oid', [], 'shop');
  largeObject = created?.oid ?? '';
  await testApp.sql(`ALTER LARGE OBJECT ${largeObject} OWNER TO dba`, [], 'shop');
  await testApp.sql('CREATE FOREIGN DATA WRAPPER "w r"', [], 'ops');
  await testApp.sql('CREATE SERVER "srv 1" FOREIGN DATA WRAPPER "w r"', [], 'ops');
}, 120_000);

afterAll(async () => {
  await testApp?.stop();
});

interface Listed {
  name: string;
  schemaName: string | null;
  localName: string;
  arguments: string | null;
  subkind: string | null;
  owner: { name: string } | null;
  grants: { isPublic: boolean; grantee: { name: string } | null; privileges: string[]; grantable: string[] }[];
  viewerCan: { changePrivileges: boolean; grantablePrivileges: string[]; transferOwnership: boolean };
}

async function listed(databaseId: string, kind: string, search?: string): Promise<Listed[]> {
  const catalog = await catalogOf<{ catalogObjects: { nodes: Listed[] } }>(
    admin,
    databaseId,
    `catalogObjects(kind: ${kind}${search ? `, search: ${JSON.stringify(search)}` : ''}) {
       ... on DatabaseCatalogCatalogObjectsConnection { nodes {
         name schemaName localName arguments subkind owner { name }
         grants { isPublic grantee { name } privileges grantable }
         viewerCan { changePrivileges grantablePrivileges transferOwnership } } } }`,
  );
  return catalog.catalogObjects.nodes;
}

/** An ACL as `grantee: privileges` lines, from PostgreSQL or from the API. */
const aclLines = (grants: Listed['grants']) =>
  grants.map((grant) => `${grant.grantee?.name ?? 'PUBLIC'}: ${[...grant.privileges].sort().join(',')}`).sort();

async function pgAcl(sql: string, values: unknown[], database = 'shop'): Promise<string[]> {
  const rows = await testApp.sql<{ line: string }>(
    `SELECT coalesce(r.rolname, 'PUBLIC') || ': ' || string_agg(DISTINCT a.privilege_type, ',' ORDER BY a.privilege_type) AS line
       FROM (${sql}) o CROSS JOIN LATERAL aclexplode(o.acl) a LEFT JOIN pg_roles r ON r.oid = a.grantee
      GROUP BY r.rolname`,
    values,
    database,
  );
  return rows.map((row) => row.line).sort();
}

describe('every kind is listed as PostgreSQL names it, with its owner and grants', () => {
  it('functions, procedures and aggregates by signature, with the PUBLIC EXECUTE default', async () => {
    const routines = await listed(shopId, 'FUNCTION', SCHEMA);
    expect(routines.map((routine) => [routine.name, routine.subkind])).toEqual([
      [SIGNATURE, 'FUNCTION'],
      [`${q(SCHEMA)}.tidy()`, 'PROCEDURE'],
      [`${q(SCHEMA)}.total(integer)`, 'AGGREGATE'],
    ]);
    const fn = routines[0];
    expect(fn).toMatchObject({ schemaName: SCHEMA, localName: FUNCTION, owner: { name: 'dba' } });
    expect(aclLines(fn?.grants ?? [])).toEqual(
      await pgAcl(
        `SELECT coalesce(proacl, acldefault('f', proowner)) AS acl FROM pg_proc WHERE oid = $1::regprocedure`,
        [SIGNATURE],
      ),
    );
    expect(aclLines(fn?.grants ?? [])).toContain('PUBLIC: EXECUTE');
    expect(fn?.viewerCan).toEqual({
      changePrivileges: true,
      grantablePrivileges: ['EXECUTE'],
      transferOwnership: true,
    });
  });

  it('types and domains, but not their array types; languages, large objects, tablespaces, parameters', async () => {
    const types = await listed(shopId, 'TYPE', SCHEMA);
    expect(types.map((type) => [type.name, type.subkind])).toEqual([
      [`${q(SCHEMA)}.mood`, 'ENUM'],
      [`${q(SCHEMA)}.positive`, 'DOMAIN'],
      [`${q(SCHEMA)}.${q(TYPE)}`, 'COMPOSITE TYPE'],
    ]);
    expect((await listed(shopId, 'LANGUAGE')).map((language) => language.name)).toContain('plpgsql');
    expect((await listed(shopId, 'LARGE_OBJECT')).map((object) => [object.name, object.owner?.name])).toEqual([
      [largeObject, 'dba'],
    ]);
    expect((await listed(shopId, 'TABLESPACE')).map((space) => space.name)).toEqual(['pg_default', 'pg_global']);
    const workMem = (await listed(shopId, 'PARAMETER', 'work_mem')).find((found) => found.name === 'work_mem');
    expect(workMem).toMatchObject({
      name: 'work_mem',
      viewerCan: { changePrivileges: false, transferOwnership: false },
    });
    expect((await listed(opsId, 'FOREIGN_SERVER')).map((server) => server.name)).toEqual(['srv 1']);
    expect((await listed(opsId, 'FOREIGN_DATA_WRAPPER')).map((wrapper) => wrapper.name)).toEqual(['w r']);
  });

  it('a partitioned table lists its partitions, and every table its columns with their own grants', async () => {
    await testApp.sql(`GRANT SELECT (${q(COLUMN)}) ON ${q(SCHEMA)}.orders TO ${q(GRANTEE)}`, [], 'shop');
    const catalog = await catalogOf<{
      table: { partitions: { name: string }[]; columns: { name: string; grants: Listed['grants'] }[] };
    }>(
      admin,
      shopId,
      `table(schema: ${JSON.stringify(SCHEMA)}, name: "orders") {
         partitions { name } columns { name grants { isPublic grantee { name } privileges grantable } } }`,
    );
    expect(catalog.table.partitions).toEqual([{ name: 'orders_2026' }]);
    expect(catalog.table.columns.map((column) => [column.name, aclLines(column.grants)])).toEqual([
      ['id', []],
      [COLUMN, [`${GRANTEE}: SELECT`]],
      ['secret', []],
    ]);
    await testApp.sql(`REVOKE SELECT (${q(COLUMN)}) ON ${q(SCHEMA)}.orders FROM ${q(GRANTEE)}`, [], 'shop');
  });
});

describe('grants and revokes on every kind, previewed, applied as the acting role, and held to PostgreSQL', () => {
  const noSchemaUsage = expect.stringContaining(`has no USAGE on schema ${SCHEMA}`) as unknown as string;
  const cases = [
    {
      what: 'a function named by its argument types (as PostgreSQL reads them)',
      ref: functionRef,
      privileges: ['EXECUTE'],
      target: `ROUTINE ${SIGNATURE}`,
      // PUBLIC holds EXECUTE on it by default: the grantee's own ACL item is what changes.
      check: `EXISTS (SELECT 1 FROM pg_proc p, aclexplode(p.proacl) a
                       WHERE p.oid = '${SIGNATURE.replaceAll("'", "''")}'::regprocedure
                         AND a.grantee = (SELECT oid FROM pg_roles WHERE rolname = $1))`,
    },
    {
      what: 'a procedure',
      ref: { kind: 'FUNCTION', schema: SCHEMA, name: 'tidy', arguments: '' },
      privileges: ['EXECUTE'],
      target: `ROUTINE ${q(SCHEMA)}.tidy()`,
      check: `has_function_privilege($1, '${`${q(SCHEMA)}.tidy()`.replaceAll("'", "''")}', 'EXECUTE')`,
    },
    {
      what: 'a type with a quote in its name',
      ref: { kind: 'TYPE', schema: SCHEMA, name: TYPE },
      privileges: ['USAGE'],
      target: `TYPE ${q(SCHEMA)}.${q(TYPE)}`,
      check: `has_type_privilege($1, '${`${q(SCHEMA)}.${q(TYPE)}`.replaceAll("'", "''")}', 'USAGE')`,
    },
    {
      what: 'a domain',
      ref: { kind: 'TYPE', schema: SCHEMA, name: 'positive' },
      privileges: ['USAGE'],
      target: `TYPE ${q(SCHEMA)}.${q('positive')}`,
      check: `has_type_privilege($1, '${`${q(SCHEMA)}.positive`.replaceAll("'", "''")}', 'USAGE')`,
    },
    {
      what: 'a column with a quote and unicode in its name',
      ref: { kind: 'COLUMN', schema: SCHEMA, name: 'orders', column: COLUMN },
      privileges: ['SELECT', 'UPDATE'],
      privilegeSql: `SELECT (${q(COLUMN)}), UPDATE (${q(COLUMN)})`,
      target: `TABLE ${q(SCHEMA)}.${q('orders')}`,
      check: `has_column_privilege($1, '${`${q(SCHEMA)}.orders`.replaceAll("'", "''")}', '${COLUMN.replaceAll("'", "''")}', 'UPDATE')`,
    },
    {
      what: 'a large object',
      ref: () => ({ kind: 'LARGE_OBJECT', name: largeObject }),
      privileges: ['SELECT'],
      target: () => `LARGE OBJECT ${largeObject}`,
      check: null,
    },
  ] as const;

  for (const testCase of cases) {
    it(`${testCase.what}`, async () => {
      const ref = typeof testCase.ref === 'function' ? testCase.ref() : testCase.ref;
      const target = typeof testCase.target === 'function' ? testCase.target() : testCase.target;
      const privilegeSql = 'privilegeSql' in testCase ? testCase.privilegeSql : testCase.privileges.join(', ');
      const grant = [`GRANT ${privilegeSql} ON ${target} TO ${q(GRANTEE)}`];
      const holds = () => (ref.kind === 'LARGE_OBJECT' ? largeObjectReadable(GRANTEE) : pgHolds(testCase, GRANTEE));
      expect(await holds()).toBe(false);
      const args = { object: ref, grantee: GRANTEE, privileges: [...testCase.privileges] };
      // The grantee has no USAGE on the schema: a grant on anything in it says so (see the schema USAGE tests below).
      const warnings = ref.kind === 'LARGE_OBJECT' ? [] : [noSchemaUsage];
      expectDryRun(await dba('grantPrivileges', args, true), grant, warnings);
      expect(await holds()).toBe(false);
      const event = await expectApplied(testApp, await dba('grantPrivileges', args), grant, warnings);
      expect(await holds()).toBe(true);
      expect(event?.payload).toMatchObject({ grantee: GRANTEE, objectKind: ref.kind });
      const revoke = [`REVOKE ${privilegeSql} ON ${target} FROM ${q(GRANTEE)}`];
      await expectApplied(testApp, await dba('revokePrivileges', args), revoke);
      expect(await holds()).toBe(false);
    });
  }

  async function pgHolds(testCase: { check: string | null }, role: string): Promise<boolean> {
    return (await pgAnswer(testCase.check ?? 'false', [role])) === true;
  }

  /** A large object's ACL holds SELECT for the role (has_largeobject_privilege exists only from 18). */
  async function largeObjectReadable(role: string): Promise<boolean> {
    const rows = await testApp.sql<{ ok: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM pg_largeobject_metadata m, aclexplode(m.lomacl) a
                       WHERE m.oid = $1::oid AND a.grantee = $2::regrole AND a.privilege_type = 'SELECT') AS ok`,
      [largeObject, q(role)],
      'shop',
    );
    return rows[0]?.ok ?? false;
  }

  it('a table REVOKE takes its columns’ grants too, and the feed never calls that outside Rolecall', async () => {
    const column = { kind: 'COLUMN', schema: SCHEMA, name: 'orders', column: COLUMN };
    await expectApplied(
      testApp,
      await dba('grantPrivileges', { object: column, grantee: GRANTEE, privileges: ['SELECT'] }),
      [`GRANT SELECT (${q(COLUMN)}) ON TABLE ${q(SCHEMA)}.${q('orders')} TO ${q(GRANTEE)}`],
      [noSchemaUsage],
    );
    const table = { kind: 'TABLE', schema: SCHEMA, name: 'orders' };
    await dba('revokePrivileges', { object: table, grantee: GRANTEE, privileges: ['SELECT'] });
    expect(
      await pgAnswer('has_column_privilege($1, $2, $3, $4)', [GRANTEE, `${q(SCHEMA)}.orders`, COLUMN, 'SELECT']),
    ).toBe(false);
  });

  it('a table GRANT leaves its columns’ grants; a setPrivileges that revokes takes them, never called outside Rolecall', async () => {
    const column = { kind: 'COLUMN', schema: SCHEMA, name: 'orders', column: COLUMN };
    const table = { kind: 'TABLE', schema: SCHEMA, name: 'orders' };
    const columnHolds = async (privilege: string) =>
      pgAnswer('has_column_privilege($1, $2, $3, $4)', [GRANTEE, `${q(SCHEMA)}.orders`, COLUMN, privilege]);
    await dba('grantPrivileges', { object: column, grantee: GRANTEE, privileges: ['UPDATE'] });
    // A GRANT on the table (a change that reads no column: touchedByGrants) leaves the column's own grant as it was.
    await expectApplied(
      testApp,
      await dba('grantPrivileges', { object: table, grantee: GRANTEE, privileges: ['SELECT'] }),
      [`GRANT SELECT ON TABLE ${q(SCHEMA)}.${q('orders')} TO ${q(GRANTEE)}`],
      [noSchemaUsage],
    );
    expect(await columnHolds('UPDATE')).toBe(true);
    // Holding UPDATE on the table too, then nothing: the REVOKE of the table's UPDATE takes the column's.
    await dba('grantPrivileges', { object: table, grantee: GRANTEE, privileges: ['UPDATE'] });
    await dba('setPrivileges', { object: table, grants: [{ grantee: GRANTEE, privileges: [] }] });
    expect(await columnHolds('UPDATE')).toBe(false);
    expect(await columnHolds('SELECT')).toBe(false);
  });

  it('a function’s listed arguments name it again in an ObjectRef', async () => {
    const [fn] = await listed(shopId, 'FUNCTION', FUNCTION);
    expect(fn?.arguments).toBe(`${q(SCHEMA)}.${q(TYPE)}, integer`);
    const args = {
      object: { kind: 'FUNCTION', schema: fn?.schemaName, name: fn?.localName, arguments: fn?.arguments },
      grantee: GRANTEE,
      privileges: ['EXECUTE'],
    };
    expectDryRun(
      await dba('grantPrivileges', args, true),
      [`GRANT EXECUTE ON ROUTINE ${SIGNATURE} TO ${q(GRANTEE)}`],
      [noSchemaUsage],
    );
  });

  it('a tablespace, a parameter and a foreign-data wrapper, granted by a superuser', async () => {
    const grants = [
      { ref: { kind: 'TABLESPACE', name: 'pg_default' }, privilege: 'CREATE', sql: 'TABLESPACE "pg_default"' },
      { ref: { kind: 'PARAMETER', name: 'Work_Mem' }, privilege: 'SET', sql: 'PARAMETER "work_mem"' },
      { ref: { kind: 'FOREIGN_DATA_WRAPPER', name: 'w r' }, privilege: 'USAGE', sql: 'FOREIGN DATA WRAPPER "w r"' },
      { ref: { kind: 'FOREIGN_SERVER', name: 'srv 1' }, privilege: 'USAGE', sql: 'FOREIGN SERVER "srv 1"' },
    ];
    const checks: Record<string, string> = {
      TABLESPACE: "has_tablespace_privilege($1, 'pg_default', 'CREATE')",
      PARAMETER: "has_parameter_privilege($1, 'work_mem', 'SET')",
      FOREIGN_DATA_WRAPPER: "has_foreign_data_wrapper_privilege($1, 'w r', 'USAGE')",
      FOREIGN_SERVER: "has_server_privilege($1, 'srv 1', 'USAGE')",
    };
    for (const { ref, privilege, sql } of grants) {
      const holds = async () => (await pgAnswer(checks[ref.kind] ?? 'false', [GRANTEE], 'ops')) === true;
      expect(await holds()).toBe(false);
      const args = { object: ref, grantee: GRANTEE, privileges: [privilege] };
      await expectApplied(testApp, await ops('grantPrivileges', args), [
        `GRANT ${privilege} ON ${sql} TO ${q(GRANTEE)}`,
      ]);
      expect(await holds()).toBe(true);
      const entry = (await listed(opsId, ref.kind, ref.name)).find((found) => found.name === ref.name.toLowerCase());
      expect(entry?.grants.find((g) => g.grantee?.name === GRANTEE)?.privileges).toEqual([privilege]);
      await expectApplied(testApp, await ops('revokePrivileges', args), [
        `REVOKE ${privilege} ON ${sql} FROM ${q(GRANTEE)}`,
      ]);
      expect(await holds()).toBe(false);
    }
  });
});

describe('a grant on a function, a type or a column brings its schema’s USAGE along, as one on a table does', () => {
  const USAGE_SCHEMA = 'u "sage" ü';
  const USER = 'us"er ✓ né';
  const ROUTINE = 'f "x"';
  const DOMAIN = 'd"om é';
  const FIELD = 'c"ol ½';
  const schemaGrant = `GRANT USAGE ON SCHEMA ${q(USAGE_SCHEMA)} TO ${q(USER)}`;
  const schemaRevoke = `REVOKE USAGE ON SCHEMA ${q(USAGE_SCHEMA)} FROM ${q(USER)}`;

  /** Runs statements as the user (SET ROLE in a session of its own): the last one's rows, if PostgreSQL allows them. */
  async function asUser(statements: readonly string[]): Promise<unknown> {
    const client = new pg.Client(testApp.cluster.url('shop'));
    client.on('error', () => undefined);
    await client.connect();
    try {
      await client.query(`SET ROLE ${q(USER)}`);
      let rows: unknown[] = [];
      for (const statement of statements) rows = (await client.query(statement)).rows;
      return rows;
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await testApp.sql(`CREATE ROLE ${q(USER)}`);
    await testApp.sql(
      [
        `CREATE SCHEMA ${q(USAGE_SCHEMA)} AUTHORIZATION dba`,
        'SET ROLE dba',
        `CREATE FUNCTION ${q(USAGE_SCHEMA)}.${q(ROUTINE)}(int) RETURNS int LANGUAGE sql AS 'SELECT $1 + 1'`,
        `CREATE DOMAIN ${q(USAGE_SCHEMA)}.${q(DOMAIN)} AS int`,
        `CREATE TABLE ${q(USAGE_SCHEMA)}.items (id int, ${q(FIELD)} text)`,
        `INSERT INTO ${q(USAGE_SCHEMA)}.items VALUES (1, 'one')`,
        `REVOKE EXECUTE ON FUNCTION ${q(USAGE_SCHEMA)}.${q(ROUTINE)}(int) FROM PUBLIC`,
        `REVOKE USAGE ON DOMAIN ${q(USAGE_SCHEMA)}.${q(DOMAIN)} FROM PUBLIC`,
        'RESET ROLE',
      ].join('; '),
      [],
      'shop',
    );
  });

  const signature = `${q(USAGE_SCHEMA)}.${q(ROUTINE)}(integer)`;
  const cases = [
    {
      what: 'a function: callable by the grantee once its schema’s USAGE came with EXECUTE',
      ref: { kind: 'FUNCTION', schema: USAGE_SCHEMA, name: ROUTINE, arguments: 'int' },
      privileges: ['EXECUTE'],
      label: signature,
      grant: `GRANT EXECUTE ON ROUTINE ${signature} TO ${q(USER)}`,
      revoke: `REVOKE EXECUTE ON ROUTINE ${signature} FROM ${q(USER)}`,
      use: [`SELECT ${signature.replace('(integer)', '(41)')} AS answer`],
      used: [{ answer: 42 }],
    },
    {
      what: 'a domain: usable in a cast and a column by the grantee once its schema’s USAGE came with its own',
      ref: { kind: 'TYPE', schema: USAGE_SCHEMA, name: DOMAIN },
      privileges: ['USAGE'],
      label: `${q(USAGE_SCHEMA)}.${q(DOMAIN)}`,
      grant: `GRANT USAGE ON TYPE ${q(USAGE_SCHEMA)}.${q(DOMAIN)} TO ${q(USER)}`,
      revoke: `REVOKE USAGE ON TYPE ${q(USAGE_SCHEMA)}.${q(DOMAIN)} FROM ${q(USER)}`,
      // A type's USAGE is asked for where it types something new: a temporary table's column.
      use: [
        `CREATE TEMP TABLE uses_domain (x ${q(USAGE_SCHEMA)}.${q(DOMAIN)})`,
        `SELECT 7::${q(USAGE_SCHEMA)}.${q(DOMAIN)} AS answer`,
      ],
      used: [{ answer: 7 }],
    },
    {
      what: 'a column: selectable by the grantee once its table’s schema’s USAGE came with SELECT on it',
      ref: { kind: 'COLUMN', schema: USAGE_SCHEMA, name: 'items', column: FIELD },
      privileges: ['SELECT'],
      label: `${USAGE_SCHEMA}.items.${FIELD}`,
      grant: `GRANT SELECT (${q(FIELD)}) ON TABLE ${q(USAGE_SCHEMA)}.${q('items')} TO ${q(USER)}`,
      revoke: `REVOKE SELECT (${q(FIELD)}) ON TABLE ${q(USAGE_SCHEMA)}.${q('items')} FROM ${q(USER)}`,
      use: [`SELECT ${q(FIELD)} AS answer FROM ${q(USAGE_SCHEMA)}.items`],
      used: [{ answer: 'one' }],
    },
  ];

  it.each(cases)('$what; revoked, its schema’s USAGE goes too when asked', async (test) => {
    const note = (code: string, fixOption: string) => ({
      code,
      grantee: USER,
      object: test.label,
      subjects: [USAGE_SCHEMA],
      grantor: null,
      fixOption,
    });
    const args = { object: test.ref, grantee: USER, privileges: test.privileges };
    const warned = await dba('grantPrivileges', args, true);
    expect(warned.sql).toEqual([test.grant]);
    expect(warned.notes).toEqual([note('SCHEMA_USAGE_MISSING', 'withSchemaUsage')]);
    await expect(asUser(test.use)).rejects.toMatchObject({ code: '42501' });

    const withUsage = { ...args, withSchemaUsage: true };
    expectDryRun(await dba('grantPrivileges', withUsage, true), [schemaGrant, test.grant]);
    const event = await expectApplied(testApp, await dba('grantPrivileges', withUsage), [schemaGrant, test.grant]);
    expect(event?.payload).toMatchObject({ object: test.label, grantee: USER, objectKind: test.ref.kind });
    expect(await asUser(test.use)).toEqual(test.used);

    // setPrivileges (the dialog's) to nothing: the schema's USAGE granted with it is offered, then revoked too.
    const none = { object: test.ref, grants: [{ grantee: USER, preset: 'NONE' }] };
    const offered = await dba('setPrivileges', none, true);
    expect(offered.sql).toEqual([test.revoke]);
    expect(offered.notes).toEqual([note('SCHEMA_USAGE_REMAINS', 'withoutSchemaUsage')]);
    const without = { object: test.ref, grants: [{ grantee: USER, preset: 'NONE', withoutSchemaUsage: true }] };
    expectDryRun(await dba('setPrivileges', without, true), [test.revoke, schemaRevoke]);
    await expectApplied(testApp, await dba('setPrivileges', without), [test.revoke, schemaRevoke]);
    expect(await pgAnswer('has_schema_privilege($1, $2, $3)', [USER, USAGE_SCHEMA, 'USAGE'])).toBe(false);
    await expect(asUser(test.use)).rejects.toMatchObject({ code: '42501' });
  });

  it('taking EXECUTE from PUBLIC on a function of schema public never offers to take PUBLIC’s USAGE there', async () => {
    await testApp.sql(
      `SET ROLE dba; CREATE FUNCTION public.rv_open() RETURNS int LANGUAGE sql AS 'SELECT 1'; RESET ROLE`,
      [],
      'shop',
    );
    const ref = { kind: 'FUNCTION', schema: 'public', name: 'rv_open', arguments: '' };
    const none = await dba('setPrivileges', { object: ref, grants: [{ grantee: null, preset: 'NONE' }] }, true);
    expect(none.sql).toEqual(['REVOKE EXECUTE ON ROUTINE public.rv_open() FROM PUBLIC']);
    expect(none.notes).toEqual([]);
  });

  it('says nothing of the schema when the grantee has its USAGE, nor on a column whose table it still reads', async () => {
    await testApp.sql(`GRANT USAGE ON SCHEMA ${q(USAGE_SCHEMA)} TO ${q(USER)}`, [], 'shop');
    const column = { kind: 'COLUMN', schema: USAGE_SCHEMA, name: 'items', column: FIELD };
    const granted = await dba('grantPrivileges', { object: column, grantee: USER, privileges: ['UPDATE'] });
    expect(granted.notes).toEqual([]);
    await testApp.sql(`GRANT SELECT ON ${q(USAGE_SCHEMA)}.items TO ${q(USER)}`, [], 'shop');
    const none = await dba('setPrivileges', { object: column, grants: [{ grantee: USER, preset: 'NONE' }] }, true);
    expect(none.sql).toEqual([`REVOKE UPDATE (${q(FIELD)}) ON TABLE ${q(USAGE_SCHEMA)}.${q('items')} FROM ${q(USER)}`]);
    expect(none.notes).toEqual([]);
    await testApp.sql(
      `REVOKE ALL ON ${q(USAGE_SCHEMA)}.items FROM ${q(USER)}; REVOKE USAGE ON SCHEMA ${q(USAGE_SCHEMA)} FROM ${q(USER)}`,
      [],
      'shop',
    );
  });
});

describe('ownership, explanations and refusals', () => {
  it('a function, a type and a large object change owner; a column and a parameter have none to give', async () => {
    await testApp.sql(`GRANT ${q(GRANTEE)} TO dba`);
    await testApp.sql(`GRANT CREATE ON SCHEMA ${q(SCHEMA)} TO ${q(GRANTEE)}`, [], 'shop');
    const transfers = [
      { ref: functionRef, sql: `ALTER ROUTINE ${SIGNATURE} OWNER TO ${q(GRANTEE)}` },
      {
        ref: { kind: 'TYPE', schema: SCHEMA, name: 'mood' },
        sql: `ALTER TYPE ${q(SCHEMA)}."mood" OWNER TO ${q(GRANTEE)}`,
      },
      {
        ref: { kind: 'LARGE_OBJECT', name: largeObject },
        sql: `ALTER LARGE OBJECT ${largeObject} OWNER TO ${q(GRANTEE)}`,
      },
    ];
    for (const { ref, sql } of transfers) {
      const args = { object: ref, newOwner: GRANTEE };
      expectDryRun(await dba('transferOwnership', args, true), [sql]);
      await expectApplied(testApp, await dba('transferOwnership', args), [sql]);
      await expectApplied(testApp, await dba('transferOwnership', { object: ref, newOwner: 'dba' }), [
        sql.replace(`OWNER TO ${q(GRANTEE)}`, 'OWNER TO "dba"'),
      ]);
    }
    expect(
      await pgAnswer(`SELECT proowner::regrole::text FROM pg_proc WHERE oid = $1::regprocedure`, [SIGNATURE]),
    ).toBe('dba');
    for (const ref of [
      { kind: 'COLUMN', schema: SCHEMA, name: 'orders', column: COLUMN },
      { kind: 'PARAMETER', name: 'work_mem' },
    ])
      expect(await dba('transferOwnership', { object: ref, newOwner: GRANTEE })).toMatchObject({
        __typename: 'ValidationError',
        field: 'object',
      });
    await testApp.sql(`REVOKE ${q(GRANTEE)} FROM dba`);
    await testApp.sql(`REVOKE CREATE ON SCHEMA ${q(SCHEMA)} FROM ${q(GRANTEE)}`, [], 'shop');
  });

  it('who can access a column and Explain combine its grants with its table’s, as has_column_privilege does', async () => {
    await testApp.sql(`GRANT SELECT ON ${q(SCHEMA)}.orders TO ${q(GRANTEE)}`, [], 'shop');
    await testApp.sql(`GRANT UPDATE (${q(COLUMN)}) ON ${q(SCHEMA)}.orders TO ${q(GRANTEE)}`, [], 'shop');
    const column = { kind: 'COLUMN', schema: SCHEMA, name: 'orders', column: COLUMN };
    const explained = await admin.field<{
      catalog: { effectivePrivileges: { nodes: { privilege: string; held: boolean; sources: { kind: string }[] }[] } };
    }>(
      `query($id: ID!, $object: ObjectRef!, $role: String!) { database(id: $id) { ... on Database { catalog {
         ... on DatabaseCatalog { effectivePrivileges(role: $role, object: $object) {
           ... on DatabaseCatalogEffectivePrivilegesConnection { nodes { privilege held sources { kind } } } } } } } } }`,
      { id: shopId, object: column, role: GRANTEE },
    );
    const held = explained.catalog.effectivePrivileges.nodes
      .filter((found) => found.held)
      .map((found) => found.privilege);
    const truth: string[] = [];
    for (const privilege of ['SELECT', 'INSERT', 'UPDATE', 'REFERENCES'])
      if (await pgAnswer('has_column_privilege($1, $2, $3, $4)', [GRANTEE, `${q(SCHEMA)}.orders`, COLUMN, privilege]))
        truth.push(privilege);
    expect(held).toEqual(truth);
    expect(truth).toEqual(['SELECT', 'UPDATE']);
    const who = await admin.field<{
      catalog: { whoCanAccess: { nodes: { role: { name: string }; privileges: { privilege: string }[] }[] } };
    }>(
      `query($id: ID!, $object: ObjectRef!) { database(id: $id) { ... on Database { catalog {
         ... on DatabaseCatalog { whoCanAccess(object: $object, search: "🦄") {
           ... on DatabaseCatalogWhoCanAccessConnection { nodes { role { name } privileges { privilege } } } } } } } } }`,
      { id: shopId, object: column },
    );
    expect(who.catalog.whoCanAccess.nodes.map((node) => node.role.name)).toEqual([GRANTEE]);
    await testApp.sql(`REVOKE SELECT ON ${q(SCHEMA)}.orders FROM ${q(GRANTEE)}`, [], 'shop');
    await testApp.sql(`REVOKE UPDATE (${q(COLUMN)}) ON ${q(SCHEMA)}.orders FROM ${q(GRANTEE)}`, [], 'shop');
  });

  it('everything a role can use includes functions and types when asked, as has_*_privilege answers', async () => {
    await testApp.sql(`GRANT EXECUTE ON ROUTINE ${q(SCHEMA)}.tidy() TO ${q(GRANTEE)}`, [], 'shop');
    const access = await admin.field<{
      catalog: { accessibleObjects: { nodes: { object: { name: string }; privileges: { privilege: string }[] }[] } };
    }>(
      `query($id: ID!, $role: String!) { database(id: $id) { ... on Database { catalog {
         ... on DatabaseCatalog { accessibleObjects(role: $role, kinds: [FUNCTION, TYPE]) {
           ... on DatabaseCatalogAccessibleObjectsConnection { nodes { object { ... on CatalogObject { name } }
             privileges { privilege } } } } } } } } }`,
      { id: shopId, role: GRANTEE },
    );
    const routinesAndTypes = access.catalog.accessibleObjects.nodes
      .map((node) => node.object.name)
      .filter((name) => name?.startsWith(q(SCHEMA)));
    const truth = await testApp.sql<{ name: string }>(
      `SELECT p.oid::regprocedure::text AS name FROM pg_proc p
        WHERE p.pronamespace = $2::regnamespace AND has_function_privilege($1, p.oid, 'EXECUTE')
       UNION ALL
       SELECT format_type(t.oid, NULL) FROM pg_type t
        WHERE t.typnamespace = $2::regnamespace AND t.typtype IN ('c', 'd', 'e') AND t.typrelid IN (0, (SELECT c.oid FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind = 'c'))
          AND has_type_privilege($1, t.oid, 'USAGE')`,
      [GRANTEE, q(SCHEMA)],
      'shop',
    );
    expect([...routinesAndTypes].sort()).toEqual(truth.map((row) => row.name).sort());
    expect(routinesAndTypes).toContain(`${q(SCHEMA)}.tidy()`);
    await testApp.sql(`REVOKE EXECUTE ON ROUTINE ${q(SCHEMA)}.tidy() FROM ${q(GRANTEE)}`, [], 'shop');
  });

  it('an insider with a weak role cannot grant on the owner’s function: PostgreSQL’s verdict, nothing changed', async () => {
    const insider = await collaboratorThrough(testApp, admin, shopId, 'insider', WEAK, weakPassword);
    await testApp.sql(`GRANT USAGE ON SCHEMA ${q(SCHEMA)} TO ${WEAK}`, [], 'shop');
    const before = await pgAcl(
      `SELECT coalesce(proacl, acldefault('f', proowner)) AS acl FROM pg_proc WHERE oid = $1::regprocedure`,
      [SIGNATURE],
    );
    const change = await actor(insider, shopId)('grantPrivileges', {
      object: functionRef,
      grantee: WEAK,
      privileges: ['EXECUTE'],
      withGrantOption: true,
    });
    // PostgreSQL answers a GRANT by a role without the grant option with a WARNING alone: nothing was granted.
    expect(change).toMatchObject({ __typename: 'NothingChanged', code: 'NOTHING_CHANGED' });
    expect(
      await pgAcl(
        `SELECT coalesce(proacl, acldefault('f', proowner)) AS acl FROM pg_proc WHERE oid = $1::regprocedure`,
        [SIGNATURE],
      ),
    ).toEqual(before);
  });

  it('bad references and privileges are typed errors that change nothing', async () => {
    const refusals: [Record<string, unknown>, string[], string][] = [
      [{ kind: 'FUNCTION', schema: SCHEMA, name: FUNCTION, arguments: 'int, (' }, ['EXECUTE'], 'NotFoundError'],
      [{ kind: 'FUNCTION', schema: SCHEMA, name: FUNCTION, arguments: 'text' }, ['EXECUTE'], 'NotFoundError'],
      [functionRef, ['SELECT'], 'ValidationError'],
      [{ kind: 'PARAMETER', name: 'work_mem; DROP ROLE dba' }, ['SET'], 'ValidationError'],
      [{ kind: 'LARGE_OBJECT', name: '12abc' }, ['SELECT'], 'NotFoundError'],
      [{ kind: 'COLUMN', schema: SCHEMA, name: 'orders', column: 'nope' }, ['SELECT'], 'NotFoundError'],
      [{ kind: 'TYPE', schema: SCHEMA, name: '_mood' }, ['USAGE'], 'NotFoundError'],
    ];
    for (const [object, privileges, typename] of refusals)
      expect((await dba('grantPrivileges', { object, grantee: GRANTEE, privileges })).__typename).toBe(typename);
  });
});

describe('changes made in psql to any kind are reported, with detail; Rolecall’s own never are', () => {
  async function externalEvents(objectKind: string): Promise<{ object: string; grantee: string; granted: string[] }[]> {
    return testApp.sql(
      `SELECT payload->>'object' AS object, payload->>'grantee' AS grantee,
              ARRAY(SELECT jsonb_array_elements_text(payload->'granted')) AS granted
         FROM "Event" WHERE source = 'EXTERNAL' AND kind = 'privileges.changed' AND payload->>'objectKind' = $1
        ORDER BY id`,
      [objectKind],
      'rolecall_metadata',
    );
  }

  it('a parameter’s ALTER SYSTEM with its grant option, granted through Rolecall, is not reported as psql’s', async () => {
    const args = {
      object: { kind: 'PARAMETER', name: 'work_mem' },
      grantee: GRANTEE,
      privileges: ['ALTER SYSTEM'],
      withGrantOption: true,
    };
    await expectApplied(testApp, await ops('grantPrivileges', args), [
      `GRANT ALTER SYSTEM ON PARAMETER "work_mem" TO ${q(GRANTEE)} WITH GRANT OPTION`,
    ]);
    // A change in psql after it: once that is reported, the drift watcher has read the catalog past Rolecall's grant.
    await testApp.sql('GRANT SET ON PARAMETER maintenance_work_mem TO dba', [], 'ops');
    await expect
      .poll(async () => (await externalEvents('PARAMETER')).map((event) => event.object), { timeout: 15_000 })
      .toContain('maintenance_work_mem');
    expect((await externalEvents('PARAMETER')).filter((event) => event.object === 'work_mem')).toEqual([]);
    const { withGrantOption: _, ...revoked } = args;
    await expectApplied(testApp, await ops('revokePrivileges', revoked), [
      `REVOKE ALTER SYSTEM ON PARAMETER "work_mem" FROM ${q(GRANTEE)}`,
    ]);
    await testApp.sql('REVOKE SET ON PARAMETER maintenance_work_mem FROM dba', [], 'ops');
  });

  it('a function, a column, a type and a parameter granted in psql', async () => {
    await testApp.sql(`GRANT EXECUTE ON FUNCTION ${SIGNATURE} TO ${q(GRANTEE)}`, [], 'shop');
    await testApp.sql(`GRANT INSERT (${q(COLUMN)}) ON ${q(SCHEMA)}.orders TO ${q(GRANTEE)}`, [], 'shop');
    await testApp.sql(`GRANT USAGE ON TYPE ${q(SCHEMA)}.mood TO ${q(GRANTEE)}`, [], 'shop');
    await testApp.sql(`GRANT SET ON PARAMETER work_mem TO ${q(GRANTEE)}`, [], 'ops');
    const expected = [
      ['FUNCTION', SIGNATURE, 'EXECUTE'],
      ['COLUMN', `${SCHEMA}.orders.${COLUMN}`, 'INSERT'],
      ['TYPE', `${q(SCHEMA)}.mood`, 'USAGE'],
      ['PARAMETER', 'work_mem', 'SET'],
    ] as const;
    for (const [kind, object, privilege] of expected)
      await expect
        .poll(async () => (await externalEvents(kind)).filter((event) => event.object === object), { timeout: 15_000 })
        .toContainEqual({ object, grantee: GRANTEE, granted: [privilege] });
    // A parameter is the server's: one event for the server, not one per watched database (shop and ops).
    const parameterEvents = await testApp.sql<{ databaseId: string | null }>(
      `SELECT "databaseId" FROM "Event" WHERE source = 'EXTERNAL' AND payload->>'objectKind' = 'PARAMETER'
          AND payload->>'grantee' = $1`,
      [GRANTEE],
      'rolecall_metadata',
    );
    expect(parameterEvents).toEqual([{ databaseId: null }]);
    await testApp.sql(`REVOKE EXECUTE ON FUNCTION ${SIGNATURE} FROM ${q(GRANTEE)}`, [], 'shop');
    await testApp.sql(`REVOKE INSERT (${q(COLUMN)}) ON ${q(SCHEMA)}.orders FROM ${q(GRANTEE)}`, [], 'shop');
    await testApp.sql(`REVOKE USAGE ON TYPE ${q(SCHEMA)}.mood FROM ${q(GRANTEE)}`, [], 'shop');
    await testApp.sql(`REVOKE SET ON PARAMETER work_mem FROM ${q(GRANTEE)}`, [], 'ops');
    // The column's and the parameter's ACL went back to their defaults (listed no more): still a revoke, not a drop.
    await expect
      .poll(
        async () =>
          testApp.sql(
            `SELECT payload->>'objectKind' AS kind FROM "Event" WHERE source = 'EXTERNAL' AND kind = 'privileges.changed'
                AND payload->'revoked' IS NOT NULL AND jsonb_array_length(payload->'revoked') > 0 ORDER BY 1`,
            [],
            'rolecall_metadata',
          ),
        { timeout: 15_000 },
      )
      .toEqual(
        expect.arrayContaining([{ kind: 'COLUMN' }, { kind: 'PARAMETER' }, { kind: 'FUNCTION' }, { kind: 'TYPE' }]),
      );
    const dropped = await testApp.sql(
      `SELECT 1 FROM "Event" WHERE kind = 'object.dropped' AND payload->>'objectKind' IN ('COLUMN', 'PARAMETER')`,
      [],
      'rolecall_metadata',
    );
    expect(dropped).toEqual([]);
  });
});

describe('partitions carry their own ACL: watched like any table', () => {
  const PARTITION = `${q(SCHEMA)}.orders_2026`;

  it('a partition granted in psql is reported; Rolecall’s grant on it, and on every table of its schema, never are', async () => {
    await testApp.sql(`GRANT DELETE ON ${PARTITION} TO ${q(GRANTEE)}`, [], 'shop');
    await expect
      .poll(
        () =>
          testApp.sql(
            `SELECT payload->>'object' AS object, payload->'granted' AS granted FROM "Event"
              WHERE source = 'EXTERNAL' AND kind = 'privileges.changed' AND payload->>'grantee' = $1
                AND payload->>'object' LIKE '%orders_2026'`,
            [GRANTEE],
            'rolecall_metadata',
          ),
        { timeout: 15_000 },
      )
      .toEqual([{ object: `${SCHEMA}.orders_2026`, granted: ['DELETE'] }]);
    const partition = { kind: 'TABLE', schema: SCHEMA, name: 'orders_2026' };
    const granted = await dba('grantPrivileges', { object: partition, grantee: GRANTEE, privileges: ['TRUNCATE'] });
    expect(granted).toMatchObject({
      __typename: 'PermissionChange',
      sql: [`GRANT TRUNCATE ON TABLE ${q(SCHEMA)}."orders_2026" TO ${q(GRANTEE)}`],
    });
    expect(await pgAnswer(`has_table_privilege($1, '${PARTITION}', 'TRUNCATE')`, [GRANTEE])).toBe(true);
    // GRANT … ON ALL TABLES IN SCHEMA reaches partitions too: the change's effects must include them.
    const bulk = await dba('grantOnAllTables', { schema: SCHEMA, grantee: GRANTEE, privileges: ['REFERENCES'] });
    expect(bulk).toMatchObject({ __typename: 'PermissionChange' });
    expect(await pgAnswer(`has_table_privilege($1, '${PARTITION}', 'REFERENCES')`, [GRANTEE])).toBe(true);
    // A psql change after both, reported: the polls that saw Rolecall's two changes have run, and external-scan.setup.ts
    // fails this file had either been reported as external.
    await testApp.sql(`REVOKE DELETE ON ${PARTITION} FROM ${q(GRANTEE)}`, [], 'shop');
    await expect
      .poll(
        () =>
          testApp.sql(
            `SELECT payload->'revoked' AS revoked FROM "Event"
              WHERE source = 'EXTERNAL' AND kind = 'privileges.changed' AND payload->>'grantee' = $1
                AND payload->>'object' LIKE '%orders_2026'`,
            [GRANTEE],
            'rolecall_metadata',
          ),
        { timeout: 15_000 },
      )
      .toContainEqual({ revoked: ['DELETE'] });
  });

  it('a partitioned table dropped in psql is one drop: its partitions went with it', async () => {
    const logs = `${q(SCHEMA)}.logs`;
    await testApp.sql(
      `CREATE TABLE ${logs} (id int) PARTITION BY RANGE (id);
       CREATE TABLE ${q(SCHEMA)}.logs_1 PARTITION OF ${logs} FOR VALUES FROM (0) TO (10)
         PARTITION BY RANGE (id);
       CREATE TABLE ${q(SCHEMA)}.logs_1a PARTITION OF ${q(SCHEMA)}.logs_1 FOR VALUES FROM (0) TO (5)`,
      [],
      'shop',
    );
    const external = (kind: string) =>
      testApp.sql<{ object: string }>(
        `SELECT payload->>'object' AS object FROM "Event"
          WHERE source = 'EXTERNAL' AND kind = $1 AND payload->>'object' LIKE '%.logs%' ORDER BY 1`,
        [kind],
        'rolecall_metadata',
      );
    const labels = [`${SCHEMA}.logs`, `${SCHEMA}.logs_1`, `${SCHEMA}.logs_1a`].map((object) => ({ object }));
    await expect.poll(() => external('object.created'), { timeout: 15_000 }).toEqual(labels);
    await testApp.sql(`DROP TABLE ${logs}`, [], 'shop');
    // One poll finds the whole drop: once the table's is recorded, any of its partitions' would be too.
    await expect.poll(() => external('object.dropped'), { timeout: 15_000 }).toEqual([{ object: `${SCHEMA}.logs` }]);
  });

  it("VALID UNTIL 'infinity' set in psql is a change, though the role never expired before either", async () => {
    await testApp.sql(`ALTER ROLE ${q(GRANTEE)} VALID UNTIL 'infinity'`);
    await expect
      .poll(
        () =>
          testApp.sql(
            `SELECT payload->'changes' AS changes FROM "Event"
              WHERE source = 'EXTERNAL' AND kind = 'role.altered' AND payload->>'name' = $1`,
            [GRANTEE],
            'rolecall_metadata',
          ),
        { timeout: 15_000 },
      )
      .toEqual([{ changes: ['VALID UNTIL infinity'] }]);
  });
});
