import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secret, startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import { connect, createManagedDatabase, ERROR_FIELDS, setupAdmin } from './support/fixtures.js';

let testApp: TestApp;
let admin: TestClient;
let shopId: string;
/** The creator's password, to make objects as it. */
let creatorPassword: string;

/** A creator and a schema whose names need quoting. */
const CREATOR = 'app "owner" é';
const SCHEMA = 'Sales "EU"';
const READER = 'reader_dp';

const CATALOG = (variables: string, fields: string) => `query($id: ID!, ${variables}) {
  database(id: $id) { ... on Database { catalog { ... on DatabaseCatalog { ${fields} } } } } }`;

interface GrantView {
  isPublic: boolean;
  grantee: { name: string } | null;
  privileges: string[];
  grantable: string[];
}

const byGrantee = (grants: GrantView[]) =>
  grants
    .map((grant) => `${grant.grantee?.name ?? 'PUBLIC'}: ${grant.privileges.join(',')} / ${grant.grantable.join(',')}`)
    .sort();

async function newObjectGrants(kind: string, schema: string | null) {
  const result = await admin.request<{
    database: { catalog: { newObjectGrants: GrantView[] & { __typename: string } } };
  }>(
    CATALOG(
      '$creator: String!, $kind: DefaultedObjectKind!, $schema: String',
      `newObjectGrants(kind: $kind, creator: $creator, schema: $schema) {
      ${ERROR_FIELDS}
      ... on DatabaseCatalogNewObjectGrantsSuccess { data { isPublic grantee { name } privileges grantable } }
    }`,
    ),
    { id: shopId, creator: CREATOR, kind, schema },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.database.catalog.newObjectGrants as unknown as { __typename: string; data?: GrantView[] };
}

/** What PostgreSQL gave an object the creator really made: the truth the prediction is held to. */
async function grantsOfMade(sql: string, aclQuery: string): Promise<string[]> {
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
  const rows = await testApp.sql<{ grantee: string; privileges: string[]; grantable: string[] }>(
    `SELECT coalesce(r.rolname, 'PUBLIC') AS grantee,
            array_agg(a.privilege_type ORDER BY a.privilege_type) AS privileges,
            array_remove(array_agg(CASE WHEN a.is_grantable THEN a.privilege_type END ORDER BY a.privilege_type), NULL) AS grantable
       FROM (${aclQuery}) o CROSS JOIN LATERAL aclexplode(o.acl) a LEFT JOIN pg_roles r ON r.oid = a.grantee
      GROUP BY 1`,
    [],
    'shop',
  );
  return rows.map((row) => `${row.grantee}: ${row.privileges.join(',')} / ${row.grantable.join(',')}`).sort();
}

const sortedList = (list: string[]) =>
  list
    .map((line) => {
      const [who, rest = ''] = line.split(': ');
      const [held = '', options = ''] = rest.split(' / ');
      const sort = (text: string) => text.split(',').filter(Boolean).sort().join(',');
      return `${who}: ${sort(held)} / ${sort(options)}`;
    })
    .sort();

beforeAll(async () => {
  testApp = await startTestApp();
  admin = testApp.client();
  await setupAdmin(admin);
  const shop = await createManagedDatabase(testApp, 'shop', 'shop_owner');
  shopId = await connect(admin, testApp, shop);
  creatorPassword = secret('creator');
  await testApp.sql(`CREATE ROLE "app ""owner"" é" LOGIN PASSWORD '${creatorPassword}'; CREATE ROLE ${READER}`);
  await testApp.sql(
    `CREATE SCHEMA "Sales ""EU"""; GRANT USAGE, CREATE ON SCHEMA "Sales ""EU""" TO "app ""owner"" é";
     ALTER DEFAULT PRIVILEGES FOR ROLE "app ""owner"" é" GRANT SELECT ON TABLES TO ${READER};
     ALTER DEFAULT PRIVILEGES FOR ROLE "app ""owner"" é" IN SCHEMA "Sales ""EU""" GRANT INSERT ON TABLES TO ${READER} WITH GRANT OPTION;
     ALTER DEFAULT PRIVILEGES FOR ROLE "app ""owner"" é" REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
     ALTER DEFAULT PRIVILEGES FOR ROLE "app ""owner"" é" IN SCHEMA "Sales ""EU""" GRANT USAGE ON TYPES TO ${READER}`,
    [],
    'shop',
  );
});

afterAll(async () => {
  await testApp?.stop();
});

describe('default privileges through the API', () => {
  it('lists each entry with its creator, schema, kind and grants, as pg_default_acl has them', async () => {
    const result = await admin.request<{
      database: {
        catalog: {
          defaultPrivileges: {
            creator: { name: string };
            schema: string | null;
            objectKind: string;
            grants: GrantView[];
          }[];
        };
      };
    }>(
      CATALOG(
        '$creator: String',
        'defaultPrivileges(creator: $creator) { creator { name } schema objectKind grants { isPublic grantee { name } privileges grantable } }',
      ),
      {
        id: shopId,
        creator: CREATOR,
        kind: 'TABLE',
      },
    );
    expect(result.errors).toBeUndefined();
    const entries = result.data?.database.catalog.defaultPrivileges ?? [];
    const shown = entries
      .map((entry) => `${entry.objectKind} ${entry.schema ?? '(global)'}: ${byGrantee(entry.grants).join('; ')}`)
      .sort();
    const rows = await testApp.sql<{ line: string }>(
      `SELECT CASE d.defaclobjtype WHEN 'r' THEN 'TABLE' WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FUNCTION' WHEN 'T' THEN 'TYPE' ELSE 'SCHEMA' END
              || ' ' || coalesce(n.nspname, '(global)') AS line
         FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace
        WHERE d.defaclrole = (SELECT oid FROM pg_roles WHERE rolname = $1)`,
      [CREATOR],
      'shop',
    );
    expect(entries.map((entry) => `${entry.objectKind} ${entry.schema ?? '(global)'}`).sort()).toEqual(
      rows.map((row) => row.line).sort(),
    );
    expect(shown).toContain(`TABLE ${SCHEMA}: ${READER}: INSERT / INSERT`);
    expect(entries.every((entry) => entry.creator.name === CREATOR)).toBe(true);
  });

  it('predicts what a new table, function and type will grant, equal to what PostgreSQL gives when the creator makes them', async () => {
    const cases = [
      {
        kind: 'TABLE',
        schema: SCHEMA,
        sql: 'CREATE TABLE "Sales ""EU""".t1 (id int)',
        acl: `SELECT coalesce(relacl, acldefault('r', relowner)) AS acl FROM pg_class WHERE oid = '"Sales ""EU""".t1'::regclass`,
      },
      {
        kind: 'TABLE',
        schema: 'public',
        sql: 'CREATE TABLE public.t2 (id int)',
        acl: `SELECT coalesce(relacl, acldefault('r', relowner)) AS acl FROM pg_class WHERE oid = 'public.t2'::regclass`,
      },
      {
        kind: 'FUNCTION',
        schema: SCHEMA,
        sql: `CREATE FUNCTION "Sales ""EU""".f() RETURNS int LANGUAGE sql AS 'SELECT 1'`,
        acl: `SELECT coalesce(proacl, acldefault('f', proowner)) AS acl FROM pg_proc WHERE oid = '"Sales ""EU""".f()'::regprocedure`,
      },
      {
        kind: 'TYPE',
        schema: SCHEMA,
        sql: `CREATE TYPE "Sales ""EU""".e AS ENUM ('a')`,
        acl: `SELECT coalesce(typacl, acldefault('T', typowner)) AS acl FROM pg_type WHERE oid = '"Sales ""EU""".e'::regtype`,
      },
    ];
    await testApp.sql('GRANT CREATE ON SCHEMA public TO "app ""owner"" é"', [], 'shop');
    for (const { kind, schema, sql, acl } of cases) {
      const predicted = await newObjectGrants(kind, schema);
      expect(predicted.__typename, `${kind} in ${schema}`).toBe('DatabaseCatalogNewObjectGrantsSuccess');
      expect(sortedList(byGrantee(predicted.data ?? [])), `${kind} in ${schema}`).toEqual(
        sortedList(await grantsOfMade(sql, acl)),
      );
    }
  });

  it('answers an unknown creator or schema, and a schema for a SCHEMA, with typed errors', async () => {
    const unknownSchema = await newObjectGrants('TABLE', 'no such schema');
    expect(unknownSchema).toMatchObject({ __typename: 'NotFoundError' });
    expect((await newObjectGrants('SCHEMA', SCHEMA)).__typename).toBe('ValidationError');
    expect((await newObjectGrants('TABLE', null)).__typename).toBe('ValidationError');
  });
});
