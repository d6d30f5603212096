import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secret, startTestApp, type TestApp, testedPostgres } from './support/app.js';
import type { TestClient } from './support/client.js';
import { connect, createManagedDatabase, ERROR_FIELDS, setupAdmin } from './support/fixtures.js';
import {
  CHANGE_FIELDS,
  type Change,
  collaboratorThrough,
  eventCount,
  expectApplied,
  expectDryRun,
  expectRefused,
} from './support/permissions.js';

let testApp: TestApp;
let admin: TestClient;
let ivy: TestClient;
let shopId: string;
let creatorPassword: string;

/** Names that need quoting, with quotes, spaces and non-ASCII letters: they must come back exactly everywhere. */
const CREATOR = 'app "owner" é';
const SCHEMA = 'Sales "EU" ü';
const FUTURE_SCHEMA = 'Future "s" ñ';
const READER = 'read "er" ü';
const WRITER = 'writer';
/** The insider's role: a collaborator of shop, not a member of the creator. */
const WEAK = 'weak';

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
const FOR_CREATOR = `ALTER DEFAULT PRIVILEGES FOR ROLE ${q(CREATOR)}`;
const IN_SCHEMA = `${FOR_CREATOR} IN SCHEMA ${q(SCHEMA)}`;

const SET_DEFAULTS = `mutation($databaseId: ID!, $creator: String, $schema: String, $kind: DefaultedObjectKind!,
    $grants: [DesiredDefaultGrantInput!]!, $dryRun: Boolean, $previewToken: String) {
  setDefaultPrivileges(databaseId: $databaseId, creator: $creator, schema: $schema, kind: $kind, grants: $grants,
      dryRun: $dryRun, previewToken: $previewToken) {
    ${CHANGE_FIELDS} ... on NothingChanged { dryRun sql warnings } } }`;

const GRANT_ON_ALL = `mutation($databaseId: ID!, $schema: String!, $grantee: String, $privileges: [String!]!,
    $sequencePrivileges: [String!], $withSchemaUsage: Boolean, $andFuture: Boolean, $futureCreator: String,
    $dryRun: Boolean) {
  grantOnAllTables(databaseId: $databaseId, schema: $schema, grantee: $grantee, privileges: $privileges,
      sequencePrivileges: $sequencePrivileges, withSchemaUsage: $withSchemaUsage, andFuture: $andFuture,
      futureCreator: $futureCreator, dryRun: $dryRun) {
    ${CHANGE_FIELDS} ... on NothingChanged { dryRun sql warnings } } }`;

interface DefaultsArgs {
  creator?: string;
  schema?: string | null;
  kind: string;
  grants: Record<string, unknown>[];
  previewToken?: string | null;
}

const setDefaults = (client: TestClient, args: DefaultsArgs, dryRun = false) =>
  client.field<Change>(SET_DEFAULTS, { databaseId: shopId, ...args, dryRun });

const grantOnAll = (client: TestClient, args: Record<string, unknown>, dryRun = false) =>
  client.field<Change>(GRANT_ON_ALL, { databaseId: shopId, ...args, dryRun });

/** Every default-privilege entry of shop, as the superuser reads it: equal before and after means nothing changed. */
async function defaultsOfShop(): Promise<string> {
  const rows = await testApp.sql(
    `SELECT pg_get_userbyid(d.defaclrole) AS creator, n.nspname AS schema, d.defaclobjtype AS kind,
            d.defaclacl::text AS acl
       FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace ORDER BY 1, 2, 3`,
    [],
    'shop',
  );
  return JSON.stringify(rows);
}

interface GrantView {
  grantee: { name: string } | null;
  privileges: string[];
  grantable: string[];
}

const line = (who: string, privileges: string[], grantable: string[]) =>
  `${who}: ${[...privileges].sort().join(',')} / ${[...grantable].sort().join(',')}`;

/** What the API predicts a new object of `kind` that the creator makes in `schema` will grant, one line per grantee. */
async function predicted(kind: string, schema: string | null): Promise<string[]> {
  const catalog = await admin.field<{ catalog: { newObjectGrants: { __typename: string; data: GrantView[] } } }>(
    `query($id: ID!, $kind: DefaultedObjectKind!, $creator: String!, $schema: String) {
      database(id: $id) { ... on Database { catalog { ... on DatabaseCatalog {
        newObjectGrants(kind: $kind, creator: $creator, schema: $schema) { ${ERROR_FIELDS}
          ... on DatabaseCatalogNewObjectGrantsSuccess { data { grantee { name } privileges grantable } } } } } } } }`,
    { id: shopId, kind, creator: CREATOR, schema },
  );
  const result = catalog.catalog.newObjectGrants;
  expect(result.__typename).toBe('DatabaseCatalogNewObjectGrantsSuccess');
  return result.data.map((grant) => line(grant.grantee?.name ?? 'PUBLIC', grant.privileges, grant.grantable)).sort();
}

let made = 0;
/** The OIDs this file's large objects are made with (lo_create takes the one asked for). */
const LARGE_OBJECTS = 7_300_000;

/** How each kind is made, and where its ACL is read (NULL: the default it stands for). */
function objectOf(kind: string, schema: string | null) {
  made += 1;
  // Plain names, written unquoted: the drift watcher labels routines and types in SQL form (`s.f()`), which the
  // suite's scan of external events finds in a statement only as written so (the schema's name is hostile enough).
  const name = `new_${kind.toLowerCase()}_${made}`;
  const qualified = schema === null ? name : `${q(schema)}.${name}`;
  const relation = (letter: string) =>
    `SELECT coalesce(relacl, acldefault('${letter}', relowner)) AS acl FROM pg_class WHERE oid = $1::regclass`;
  const cases: Record<string, { create: string; acl: string; ref: string }> = {
    TABLE: { create: `CREATE TABLE ${qualified} (id int)`, acl: relation('r'), ref: qualified },
    SEQUENCE: { create: `CREATE SEQUENCE ${qualified}`, acl: relation('s'), ref: qualified },
    FUNCTION: {
      create: `CREATE FUNCTION ${qualified}() RETURNS int LANGUAGE sql AS 'SELECT 1'`,
      acl: `SELECT coalesce(proacl, acldefault('f', proowner)) AS acl FROM pg_proc WHERE oid = $1::regprocedure`,
      ref: `${qualified}()`,
    },
    TYPE: {
      create: `CREATE TYPE ${qualified} AS ENUM ('a')`,
      acl: `SELECT coalesce(typacl, acldefault('T', typowner)) AS acl FROM pg_type WHERE oid = $1::regtype`,
      ref: qualified,
    },
    SCHEMA: {
      create: `CREATE SCHEMA ${qualified}`,
      acl: `SELECT coalesce(nspacl, acldefault('n', nspowner)) AS acl FROM pg_namespace WHERE nspname = $1`,
      ref: name,
    },
    LARGE_OBJECT: {
      create: `SELECT lo_create(${LARGE_OBJECTS + made})`,
      acl: `SELECT coalesce(lomacl, acldefault('L', lomowner)) AS acl FROM pg_largeobject_metadata WHERE oid = $1::oid`,
      ref: String(LARGE_OBJECTS + made),
    },
  };
  return cases[kind] as { create: string; acl: string; ref: string };
}

/** Runs SQL as the creator itself, as an application connecting with its own role would. */
async function asCreator(sql: string): Promise<void> {
  const url = new URL(testApp.cluster.url('shop'));
  url.username = CREATOR;
  url.password = creatorPassword;
  const creator = new pg.Client(url.toString());
  creator.on('error', () => undefined);
  await creator.connect();
  try {
    await creator.query(sql);
  } finally {
    await creator.end();
  }
}

/** What PostgreSQL gave an object of `kind` the creator really made in `schema`: the truth predictions are held to. */
async function grantsOfMade(kind: string, schema: string | null): Promise<string[]> {
  const object = objectOf(kind, schema);
  await asCreator(object.create);
  const rows = await testApp.sql<{ grantee: string; privileges: string[]; grantable: string[] }>(
    `SELECT coalesce(r.rolname, 'PUBLIC') AS grantee, array_agg(a.privilege_type) AS privileges,
            array_remove(array_agg(CASE WHEN a.is_grantable THEN a.privilege_type END), NULL) AS grantable
       FROM (${object.acl}) o CROSS JOIN LATERAL aclexplode(o.acl) a LEFT JOIN pg_roles r ON r.oid = a.grantee
      GROUP BY 1`,
    [object.ref],
    'shop',
  );
  return rows.map((row) => line(row.grantee, row.privileges, row.grantable)).sort();
}

/** The prediction holds: what a new object will grant is what PostgreSQL gives one the creator makes. */
async function expectPredictionHolds(kind: string, schema: string | null): Promise<string[]> {
  const expected = await predicted(kind, schema);
  const actual = await grantsOfMade(kind, schema);
  expect(actual, `${kind} in ${schema ?? 'a new schema'}`).toEqual(expected);
  return actual;
}

interface GrantEntry {
  grantee: string;
  privileges: string[];
  grantable: string[];
}
const entries = (grants: GrantEntry[] = []) =>
  grants.map((grant) => line(grant.grantee, grant.privileges, grant.grantable)).sort();

beforeAll(async () => {
  testApp = await startTestApp();
  admin = testApp.client();
  await setupAdmin(admin);
  const shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
  creatorPassword = secret('creator');
  const weakPassword = secret('weak');
  await testApp.sql(
    `CREATE ROLE ${q(CREATOR)} LOGIN PASSWORD '${creatorPassword}'; CREATE ROLE ${q(READER)}; CREATE ROLE ${WRITER};
     CREATE ROLE ${WEAK} LOGIN PASSWORD '${weakPassword}'; GRANT ${q(CREATOR)} TO shop_owner`,
  );
  await testApp.sql(
    `GRANT CREATE ON DATABASE shop TO ${q(CREATOR)};
     CREATE SCHEMA ${q(SCHEMA)}; GRANT USAGE, CREATE ON SCHEMA ${q(SCHEMA)} TO ${q(CREATOR)};
     CREATE SCHEMA ${q(FUTURE_SCHEMA)} AUTHORIZATION ${q(CREATOR)};
     CREATE TABLE ${q(FUTURE_SCHEMA)}.existing (id serial); ALTER TABLE ${q(FUTURE_SCHEMA)}.existing OWNER TO ${q(CREATOR)}`,
    [],
    'shop',
  );
  shopId = await connect(admin, testApp, shop);
  ivy = await collaboratorThrough(testApp, admin, shopId, 'ivy', WEAK, weakPassword);
});

afterAll(async () => {
  await testApp?.stop();
});

describe('setDefaultPrivileges: what new objects start with, as PostgreSQL keeps it', () => {
  it('previews the exact SQL in a rolled-back transaction, then applies exactly that preview, recorded with its names intact', async () => {
    const args = {
      creator: CREATOR,
      schema: SCHEMA,
      kind: 'TABLE',
      grants: [
        { grantee: READER, preset: 'READ' },
        { grantee: WRITER, privileges: ['insert', 'UPDATE'], grantable: ['INSERT'] },
      ],
    };
    const sql = [
      `${IN_SCHEMA} GRANT SELECT ON TABLES TO ${q(READER)}`,
      `${IN_SCHEMA} GRANT UPDATE ON TABLES TO "writer"`,
      `${IN_SCHEMA} GRANT INSERT ON TABLES TO "writer" WITH GRANT OPTION`,
    ];
    const [defaultsBefore, eventsBefore] = [await defaultsOfShop(), await eventCount(testApp)];
    const preview = await setDefaults(admin, args, true);
    expectDryRun(preview, sql);
    expect(await defaultsOfShop()).toBe(defaultsBefore);
    expect(await eventCount(testApp)).toBe(eventsBefore);

    const applied = await setDefaults(admin, { ...args, previewToken: preview.previewToken });
    const event = await expectApplied(testApp, applied, sql);
    expect(event?.kind).toBe('default_privileges.changed');
    const payload = event?.payload as Record<string, unknown>;
    expect(payload).toMatchObject({
      creator: CREATOR,
      schema: SCHEMA,
      objectKind: 'TABLE',
      grantees: [READER, WRITER],
    });
    expect(entries(payload.grantsBefore as GrantEntry[])).toEqual([]);
    expect(entries(payload.grants as GrantEntry[])).toEqual([
      line(READER, ['SELECT'], []),
      line(WRITER, ['INSERT', 'UPDATE'], ['INSERT']),
    ]);
    const stored = await testApp.sql<{ creator: string; schema: string }>(
      `SELECT pg_get_userbyid(defaclrole) AS creator, n.nspname AS schema
         FROM pg_default_acl d JOIN pg_namespace n ON n.oid = d.defaclnamespace WHERE d.defaclobjtype = 'r'`,
      [],
      'shop',
    );
    expect(stored).toEqual([{ creator: CREATOR, schema: SCHEMA }]);

    const made = await expectPredictionHolds('TABLE', SCHEMA);
    expect(made).toContain(line(READER, ['SELECT'], []));
    expect(made).toContain(line(WRITER, ['INSERT', 'UPDATE'], ['INSERT']));
    // Asked again, the entry already is as asked: nothing to run, nothing recorded.
    expect(await setDefaults(admin, args)).toMatchObject({ __typename: 'PermissionChange', sql: [], eventId: null });
  });

  it('shows the change in the audit log as a DefaultPrivilegeEvent', async () => {
    const log = await admin.field<{ events: Record<string, unknown>[] }>(
      `query { auditLog(kinds: ["default_privileges.changed"], first: 1) { __typename ... on EventPage { events {
        kind sql ... on DefaultPrivilegeEvent { creator schema objectKind grantees
          grantChanges { grantee granted grantOptionGranted } } } } } }`,
    );
    expect(log.events).toHaveLength(1);
    expect(log.events[0]).toMatchObject({
      kind: 'default_privileges.changed',
      creator: CREATOR,
      schema: SCHEMA,
      objectKind: 'TABLE',
      grantees: [READER, WRITER],
    });
    expect(log.events[0]?.grantChanges).toContainEqual({
      grantee: READER,
      granted: ['SELECT'],
      grantOptionGranted: [],
    });
  });

  it.each([
    {
      kind: 'SEQUENCE',
      schema: SCHEMA,
      grants: [
        { grantee: READER, preset: 'WRITE', grantable: ['USAGE'] },
        { grantee: WRITER, preset: 'CUSTOM', privileges: ['SELECT'] },
      ],
      sql: [
        `${IN_SCHEMA} GRANT SELECT, UPDATE ON SEQUENCES TO ${q(READER)}`,
        `${IN_SCHEMA} GRANT USAGE ON SEQUENCES TO ${q(READER)} WITH GRANT OPTION`,
        `${IN_SCHEMA} GRANT SELECT ON SEQUENCES TO "writer"`,
      ],
    },
    {
      kind: 'FUNCTION',
      schema: SCHEMA,
      grants: [{ grantee: READER, privileges: ['EXECUTE'], grantable: ['EXECUTE'] }],
      sql: [`${IN_SCHEMA} GRANT EXECUTE ON FUNCTIONS TO ${q(READER)} WITH GRANT OPTION`],
    },
    {
      kind: 'TYPE',
      schema: null,
      grants: [{ grantee: WRITER, privileges: ['USAGE'] }],
      sql: [`${FOR_CREATOR} GRANT USAGE ON TYPES TO "writer"`],
    },
    {
      kind: 'SCHEMA',
      schema: null,
      grants: [{ grantee: READER, preset: 'CREATE', grantable: ['CREATE'] }],
      sql: [
        `${FOR_CREATOR} GRANT USAGE ON SCHEMAS TO ${q(READER)}`,
        `${FOR_CREATOR} GRANT CREATE ON SCHEMAS TO ${q(READER)} WITH GRANT OPTION`,
      ],
    },
  ])(
    'sets $kind defaults (presets, custom sets, grant options) and a new one gets what was predicted',
    async (test) => {
      const applied = await setDefaults(admin, {
        creator: CREATOR,
        schema: test.schema,
        kind: test.kind,
        grants: test.grants,
      });
      await expectApplied(testApp, applied, test.sql);
      const madeIn = test.kind === 'SCHEMA' ? null : SCHEMA;
      const made = await expectPredictionHolds(test.kind, madeIn);
      const first = test.grants[0] as { grantee: string };
      expect(made.some((entry) => entry.startsWith(`${first.grantee}: `))).toBe(true);
    },
  );

  it('takes EXECUTE on new functions from PUBLIC with a global REVOKE: the built-in default gave it', async () => {
    const grants = [{ grantee: null, preset: 'NONE' }];
    const change = await setDefaults(admin, { creator: CREATOR, kind: 'FUNCTION', grants });
    const event = await expectApplied(testApp, change, [`${FOR_CREATOR} REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC`]);
    const payload = event?.payload as { grantsBefore: GrantEntry[]; grants: GrantEntry[]; schema: string | null };
    expect(payload.schema).toBeNull();
    expect(entries(payload.grantsBefore)).toEqual(
      [line(CREATOR, ['EXECUTE'], []), line('PUBLIC', ['EXECUTE'], [])].sort(),
    );
    expect(entries(payload.grants)).toEqual([line(CREATOR, ['EXECUTE'], [])]);
    const made = await expectPredictionHolds('FUNCTION', SCHEMA);
    expect(made.some((entry) => entry.startsWith('PUBLIC'))).toBe(false);
  });

  it('says what a schema’s entry cannot take away (the global level gives it) instead of pretending', async () => {
    // PUBLIC's USAGE on new types is the built-in default's: the schema's entry has nothing to revoke.
    const typeArgs = { creator: CREATOR, schema: SCHEMA, kind: 'TYPE', grants: [{ grantee: null, preset: 'NONE' }] };
    const defaultsBefore = await defaultsOfShop();
    const untouched = await setDefaults(admin, typeArgs);
    expect(untouched).toMatchObject({ __typename: 'PermissionChange', sql: [], eventId: null });
    expect(untouched.notes).toEqual([
      {
        code: 'GLOBAL_DEFAULT_REMAINS',
        grantee: null,
        object: `types created by ${CREATOR} in schema ${SCHEMA}`,
        subjects: ['USAGE'],
        grantor: CREATOR,
        fixOption: null,
      },
    ]);
    expect(await defaultsOfShop()).toBe(defaultsBefore);
    expect(await expectPredictionHolds('TYPE', SCHEMA)).toContain(line('PUBLIC', ['USAGE'], []));

    // SELECT granted to the reader globally stays on new tables in the schema, though its entry there loses it.
    const global = await setDefaults(admin, {
      creator: CREATOR,
      kind: 'TABLE',
      grants: [{ grantee: READER, preset: 'READ' }],
    });
    await expectApplied(testApp, global, [`${FOR_CREATOR} GRANT SELECT ON TABLES TO ${q(READER)}`]);
    const inSchema = await setDefaults(admin, {
      creator: CREATOR,
      schema: SCHEMA,
      kind: 'TABLE',
      grants: [{ grantee: READER, preset: 'NONE' }],
    });
    await expectApplied(
      testApp,
      inSchema,
      [`${IN_SCHEMA} REVOKE SELECT ON TABLES FROM ${q(READER)}`],
      [expect.stringContaining("a schema's default privileges can only add") as unknown as string],
    );
    expect(inSchema.notes).toMatchObject([{ code: 'GLOBAL_DEFAULT_REMAINS', grantee: READER, subjects: ['SELECT'] }]);
    expect(await expectPredictionHolds('TABLE', SCHEMA)).toContain(line(READER, ['SELECT'], []));
  });

  it('refuses an insider whose role may not act for the creator, as PostgreSQL decides, and changes nothing', async () => {
    const args = { creator: CREATOR, schema: SCHEMA, kind: 'TABLE', grants: [{ grantee: WEAK, preset: 'WRITE' }] };
    const [defaultsBefore, eventsBefore] = [await defaultsOfShop(), await eventCount(testApp)];
    expectRefused(await setDefaults(ivy, args, true), 'PermissionDeniedError', '42501');
    expectRefused(await setDefaults(ivy, args), 'PermissionDeniedError', '42501');
    expect(await defaultsOfShop()).toBe(defaultsBefore);
    expect(await eventCount(testApp)).toBe(eventsBefore);
    // Without a creator, it is the insider's own role: that PostgreSQL allows.
    const own = await setDefaults(ivy, { kind: 'TABLE', grants: [{ grantee: READER, preset: 'READ' }] }, true);
    expectDryRun(own, [`ALTER DEFAULT PRIVILEGES FOR ROLE "weak" GRANT SELECT ON TABLES TO ${q(READER)}`]);
  });

  it.each([
    [
      'an unknown privilege',
      { kind: 'TABLE', grants: [{ grantee: READER, privileges: ['SELECT', 'DROP'] }] },
      'privileges',
    ],
    [
      'SQL in a privilege',
      { kind: 'TABLE', grants: [{ grantee: READER, privileges: ['SELECT ON TABLES TO PUBLIC; --'] }] },
      'privileges',
    ],
    [
      'a grant option on a kind without it',
      { kind: 'TYPE', grants: [{ grantee: READER, grantable: ['EXECUTE'] }] },
      'privileges',
    ],
    ['SCHEMA in a schema', { kind: 'SCHEMA', schema: SCHEMA, grants: [{ grantee: READER, preset: 'READ' }] }, 'schema'],
    ['a preset the kind has not', { kind: 'FUNCTION', grants: [{ grantee: READER, preset: 'WRITE' }] }, 'preset'],
    [
      'a grantee named twice',
      {
        kind: 'TABLE',
        grants: [
          { grantee: READER, preset: 'READ' },
          { grantee: READER, preset: 'NONE' },
        ],
      },
      'grants',
    ],
  ])('answers %s with a typed ValidationError and changes nothing', async (_what, args, field) => {
    const [defaultsBefore, eventsBefore] = [await defaultsOfShop(), await eventCount(testApp)];
    for (const dryRun of [true, false]) {
      const change = await setDefaults(admin, { creator: CREATOR, ...args }, dryRun);
      expect(change).toMatchObject({ __typename: 'ValidationError', code: 'INVALID_INPUT', field });
    }
    expect(await defaultsOfShop()).toBe(defaultsBefore);
    expect(await eventCount(testApp)).toBe(eventsBefore);
  });

  it('answers an unknown creator or schema with NotFoundError', async () => {
    const grants = [{ grantee: READER, preset: 'READ' }];
    expect(await setDefaults(admin, { creator: 'nobody "here"', kind: 'TABLE', grants })).toMatchObject({
      __typename: 'NotFoundError',
    });
    expect(await setDefaults(admin, { creator: CREATOR, schema: 'no such', kind: 'TABLE', grants })).toMatchObject({
      __typename: 'NotFoundError',
    });
  });
});

describe('default privileges on large objects: new in PostgreSQL 18, refused before it', () => {
  const NEW_OBJECT_GRANTS = `query($id: ID!, $kind: DefaultedObjectKind!, $creator: String!, $schema: String) {
    database(id: $id) { ... on Database { catalog { ... on DatabaseCatalog { defaultedKinds
      newObjectGrants(kind: $kind, creator: $creator, schema: $schema) {
        ${ERROR_FIELDS} ... on ValidationError { field } } } } } } }`;
  const catalogAnswer = (schema: string | null = null) =>
    admin.field<{ catalog: { defaultedKinds: string[]; newObjectGrants: Record<string, unknown> } }>(
      NEW_OBJECT_GRANTS,
      { id: shopId, kind: 'LARGE_OBJECT', creator: CREATOR, schema },
    );
  const has = async (role: string, oid: string, privilege: string) => {
    const rows = await testApp.sql<{ ok: boolean }>(
      'SELECT has_largeobject_privilege($1, $2::oid, $3) AS ok',
      [role, oid, privilege],
      'shop',
    );
    return rows[0]?.ok;
  };

  it.runIf(testedPostgres.version >= 18)(
    'sets what new large objects grant (a preset with grant option, PUBLIC, the creator’s own) without IN SCHEMA, and one the creator makes gets it',
    async () => {
      expect((await catalogAnswer()).catalog.defaultedKinds).toContain('LARGE_OBJECT');
      const args = {
        creator: CREATOR,
        kind: 'LARGE_OBJECT',
        grants: [
          { grantee: READER, preset: 'READ', grantable: ['SELECT'] },
          { grantee: null, privileges: ['UPDATE'] },
          { grantee: CREATOR, preset: 'CUSTOM', privileges: ['SELECT'] },
        ],
      };
      const sql = [
        `${FOR_CREATOR} GRANT SELECT ON LARGE OBJECTS TO ${q(READER)} WITH GRANT OPTION`,
        `${FOR_CREATOR} GRANT UPDATE ON LARGE OBJECTS TO PUBLIC`,
        `${FOR_CREATOR} REVOKE UPDATE ON LARGE OBJECTS FROM ${q(CREATOR)}`,
      ];
      const [defaultsBefore, eventsBefore] = [await defaultsOfShop(), await eventCount(testApp)];
      const preview = await setDefaults(admin, args, true);
      expectDryRun(preview, sql);
      expect(await defaultsOfShop()).toBe(defaultsBefore);
      expect(await eventCount(testApp)).toBe(eventsBefore);

      const event = await expectApplied(
        testApp,
        await setDefaults(admin, { ...args, previewToken: preview.previewToken }),
        sql,
      );
      const payload = event?.payload as { grantsBefore: GrantEntry[]; grants: GrantEntry[] };
      expect(event?.payload).toMatchObject({ creator: CREATOR, schema: null, objectKind: 'LARGE_OBJECT' });
      expect(entries(payload.grantsBefore)).toEqual([line(CREATOR, ['SELECT', 'UPDATE'], [])]);
      expect(entries(payload.grants)).toEqual(
        [line(CREATOR, ['SELECT'], []), line(READER, ['SELECT'], ['SELECT']), line('PUBLIC', ['UPDATE'], [])].sort(),
      );
      const stored = await testApp.sql<{ kind: string; schema: string }>(
        `SELECT defaclobjtype::text AS kind, defaclnamespace::int AS schema FROM pg_default_acl WHERE defaclobjtype = 'L'`,
        [],
        'shop',
      );
      expect(stored).toEqual([{ kind: 'L', schema: 0 }]);

      await expectPredictionHolds('LARGE_OBJECT', null);
      const oid = String(LARGE_OBJECTS + made);
      expect(await has(READER, oid, 'SELECT WITH GRANT OPTION')).toBe(true);
      expect(await has(WRITER, oid, 'UPDATE')).toBe(true);
      expect(await has(WRITER, oid, 'SELECT')).toBe(false);
      expect(await has(CREATOR, oid, 'SELECT')).toBe(true);

      // Back to the built-in default: PostgreSQL deletes the entry, and PUBLIC no longer writes new ones.
      const back = await setDefaults(admin, {
        creator: CREATOR,
        kind: 'LARGE_OBJECT',
        grants: [
          { grantee: READER, preset: 'NONE' },
          { grantee: null, preset: 'NONE' },
          { grantee: CREATOR, preset: 'WRITE' },
        ],
      });
      await expectApplied(testApp, back, [
        `${FOR_CREATOR} REVOKE SELECT ON LARGE OBJECTS FROM ${q(READER)}`,
        `${FOR_CREATOR} REVOKE UPDATE ON LARGE OBJECTS FROM PUBLIC`,
        `${FOR_CREATOR} GRANT UPDATE ON LARGE OBJECTS TO ${q(CREATOR)}`,
      ]);
      expect(await expectPredictionHolds('LARGE_OBJECT', null)).toEqual([line(CREATOR, ['SELECT', 'UPDATE'], [])]);
      expect(await defaultsOfShop()).not.toContain('"kind":"L"');
    },
  );

  it.runIf(testedPostgres.version >= 18)(
    'answers IN SCHEMA for large objects with a typed ValidationError, as PostgreSQL would refuse it',
    async () => {
      const defaultsBefore = await defaultsOfShop();
      const grants = [{ grantee: READER, preset: 'READ' }];
      for (const dryRun of [true, false]) {
        const change = await setDefaults(
          admin,
          { creator: CREATOR, schema: SCHEMA, kind: 'LARGE_OBJECT', grants },
          dryRun,
        );
        expect(change).toMatchObject({ __typename: 'ValidationError', field: 'schema' });
      }
      expect((await catalogAnswer(SCHEMA)).catalog.newObjectGrants).toMatchObject({
        __typename: 'ValidationError',
        field: 'schema',
      });
      expect(await defaultsOfShop()).toBe(defaultsBefore);
    },
  );

  it.runIf(testedPostgres.version < 18)(
    'refuses large objects before PostgreSQL 18 with a typed ValidationError, sending PostgreSQL nothing',
    async () => {
      const answer = await catalogAnswer();
      expect(answer.catalog.defaultedKinds).not.toContain('LARGE_OBJECT');
      expect(answer.catalog.newObjectGrants).toMatchObject({ __typename: 'ValidationError', field: 'kind' });
      const [defaultsBefore, eventsBefore] = [await defaultsOfShop(), await eventCount(testApp)];
      const grants = [{ grantee: READER, preset: 'READ' }];
      for (const dryRun of [true, false]) {
        const change = await setDefaults(admin, { creator: CREATOR, kind: 'LARGE_OBJECT', grants }, dryRun);
        expect(change).toMatchObject({
          __typename: 'ValidationError',
          code: 'INVALID_INPUT',
          field: 'kind',
          message: expect.stringContaining('PostgreSQL 18'),
        });
      }
      expect(await defaultsOfShop()).toBe(defaultsBefore);
      expect(await eventCount(testApp)).toBe(eventsBefore);
    },
  );
});

describe('grantOnAllTables andFuture: the tables there now, and those made later, in one change', () => {
  // The reader's SELECT on the creator's new tables is global by now: the writer has nothing there yet.
  const args = {
    schema: FUTURE_SCHEMA,
    grantee: WRITER,
    privileges: ['SELECT'],
    sequencePrivileges: ['USAGE'],
    withSchemaUsage: true,
    andFuture: true,
  };
  const inFuture = `${FOR_CREATOR} IN SCHEMA ${q(FUTURE_SCHEMA)}`;
  const sql = [
    `GRANT USAGE ON SCHEMA ${q(FUTURE_SCHEMA)} TO "writer"`,
    `GRANT SELECT ON ALL TABLES IN SCHEMA ${q(FUTURE_SCHEMA)} TO "writer"`,
    `GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${q(FUTURE_SCHEMA)} TO "writer"`,
    `${inFuture} GRANT SELECT ON TABLES TO "writer"`,
    `${inFuture} GRANT USAGE ON SEQUENCES TO "writer"`,
  ];

  it('previews the default privileges of the schema owner’s future tables with the grants, then a table it makes later is granted', async () => {
    const defaultsBefore = await defaultsOfShop();
    expectDryRun(await grantOnAll(admin, args, true), sql);
    expect(await defaultsOfShop()).toBe(defaultsBefore);

    const event = await expectApplied(testApp, await grantOnAll(admin, args), sql);
    expect(event?.payload).toMatchObject({ object: `${FUTURE_SCHEMA}.*`, futureCreator: CREATOR });
    const has = async (check: string, relation: string, privilege: string) => {
      const rows = await testApp.sql<{ ok: boolean }>(
        `SELECT ${check}($1, $2, $3) AS ok`,
        [WRITER, `${q(FUTURE_SCHEMA)}.${relation}`, privilege],
        'shop',
      );
      return rows[0]?.ok;
    };
    expect(await has('has_table_privilege', 'existing', 'SELECT')).toBe(true);
    await asCreator(`CREATE TABLE ${q(FUTURE_SCHEMA)}.later (id int); CREATE SEQUENCE ${q(FUTURE_SCHEMA)}.later_seq`);
    expect(await has('has_table_privilege', 'later', 'SELECT')).toBe(true);
    expect(await has('has_table_privilege', 'later', 'INSERT')).toBe(false);
    expect(await has('has_sequence_privilege', 'later_seq', 'USAGE')).toBe(true);
  });

  it('is NothingChanged when the tables and the future ones already have it all', async () => {
    const eventsBefore = await eventCount(testApp);
    const { withSchemaUsage: _, ...again } = args;
    expect(await grantOnAll(admin, again)).toMatchObject({ __typename: 'NothingChanged', dryRun: false });
    expect(await eventCount(testApp)).toBe(eventsBefore);
  });

  it('means the database owner for a schema of pg_database_owner, and refuses all of it for a creator the role cannot act for', async () => {
    const publicArgs = { schema: 'public', grantee: WRITER, privileges: ['SELECT'], andFuture: true };
    expectDryRun(await grantOnAll(admin, publicArgs, true), [
      'GRANT SELECT ON ALL TABLES IN SCHEMA "public" TO "writer"',
      'ALTER DEFAULT PRIVILEGES FOR ROLE "shop_owner" IN SCHEMA "public" GRANT SELECT ON TABLES TO "writer"',
    ]);
    const [defaultsBefore, eventsBefore] = [await defaultsOfShop(), await eventCount(testApp)];
    const refused = await grantOnAll(admin, { ...args, grantee: READER, futureCreator: WEAK });
    expectRefused(refused, 'PermissionDeniedError', '42501');
    expect(await defaultsOfShop()).toBe(defaultsBefore);
    expect(await eventCount(testApp)).toBe(eventsBefore);
  });
});
