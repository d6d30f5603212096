import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, testedPostgres } from './support/app.js';
import type { TestClient } from './support/client.js';
import {
  addCollaborator,
  connect,
  createLoginRole,
  createManagedDatabase,
  createUser,
  setupAdmin,
} from './support/fixtures.js';
import { collaboratorThrough } from './support/permissions.js';

let testApp: TestApp;
let admin: TestClient;
let clerk: TestClient;
let root: TestClient;
let listsId: string;

const DB = 'w5 Lists';
const ODD = 'Odd "Quoted" Schéma';
const DATABASE_PRIVILEGES = ['CONNECT', 'CREATE', 'TEMPORARY'];
const SCHEMA_PRIVILEGES = ['USAGE', 'CREATE'];
/** MAINTAIN from PostgreSQL 17 on; has_table_privilege does not know the word before. */
const TABLE_PRIVILEGES = testedPostgres.tablePrivileges;
const SEQUENCE_PRIVILEGES = ['USAGE', 'SELECT', 'UPDATE'];

interface Page<N> {
  totalCount: number;
  nodes: N[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
interface ObjectNode {
  __typename: 'DatabaseObject' | 'Schema' | 'Table';
  name: string;
  schema?: string;
}
interface Source {
  kind: string;
  path: string[];
  grantee: { name: string } | null;
  predefinedRole: string | null;
}
interface Privilege {
  privilege: string;
  held: boolean;
  grantable: boolean;
  sources: Source[];
}

const OBJECT = '__typename ... on DatabaseObject { name } ... on Schema { name } ... on Table { schema name }';
const PRIVILEGE = 'privilege held grantable sources { kind path grantee { name } predefinedRole }';
const PAGE = 'totalCount pageInfo { hasNextPage endCursor }';

const labelOf = (node: ObjectNode) => (node.__typename === 'Table' ? `${node.schema}.${node.name}` : node.name);

/** Reads `selection` inside the catalog of `w5 Lists` as `client`, with `variables` declared as `declarations`. */
async function inCatalog<T>(
  client: TestClient,
  selection: string,
  declarations = '',
  variables: Record<string, unknown> = {},
  databaseId = listsId,
): Promise<T> {
  const result = await client.request<{ database: { catalog: T } }>(
    `query($id: ID!${declarations ? `, ${declarations}` : ''}) {
      database(id: $id) { ... on Database { catalog { ... on DatabaseCatalog { ${selection} } } } } }`,
    { id: databaseId, ...variables },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.database.catalog as T;
}

/** Every node of a connection, page by page, each page checked to count them all. */
async function pageThrough<N>(read: (after?: string) => Promise<Page<N>>): Promise<N[]> {
  const seen: N[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await read(after);
    seen.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return seen;
    after = page.pageInfo.endCursor ?? undefined;
  }
}

interface Paging {
  first?: number;
  after?: string;
  last?: number;
  before?: string;
}

async function objects(search?: string, paging: Paging = {}, databaseId?: string) {
  const found = await inCatalog<{ objectsConnection: Page<ObjectNode> & { pageInfo: { startCursor: string } } }>(
    admin,
    `objectsConnection(search: $search, first: $first, after: $after, last: $last, before: $before) {
      ${PAGE} pageInfo { startCursor hasPreviousPage } nodes { ${OBJECT} } }`,
    '$search: String, $first: Int, $after: String, $last: Int, $before: String',
    { search, ...paging },
    databaseId,
  );
  return found.objectsConnection;
}

const labels = async (search?: string) => (await objects(search)).nodes.map(labelOf);

interface PgObject {
  type: ObjectNode['__typename'];
  label: string;
  schema?: string;
  held: string[];
  grantable: string[];
}

const USER_SCHEMA = "n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'";
const RELATION_KINDS = "c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND NOT c.relispartition";

/** The privileges of `list` that `check` grants, and those it grants WITH GRANT OPTION, as SQL columns. */
const heldAndGrantable = (list: string, check: (privilege: string) => string) => `
  array(SELECT p FROM unnest(${list}) p WHERE ${check('p')}) AS held,
  array(SELECT p FROM unnest(${list}) p WHERE ${check("p || ' WITH GRANT OPTION'")}) AS grantable`;

/**
 * PostgreSQL's own answer: every object of the database in the Overview's order (byte order), each with what
 * `role` holds and may grant there by has_database_privilege / has_schema_privilege / has_table_privilege /
 * has_sequence_privilege.
 */
async function pgObjects(role: string): Promise<PgObject[]> {
  type Row = { name: string; schema: string; held: string[]; grantable: string[] };
  const [database] = await testApp.sql<Row>(
    `SELECT current_database() AS name,
            ${heldAndGrantable('$2::text[]', (p) => `has_database_privilege($1::name, current_database(), ${p})`)}`,
    [role, DATABASE_PRIVILEGES],
    DB,
  );
  const schemas = await testApp.sql<Row>(
    `SELECT n.nspname AS name, ${heldAndGrantable('$2::text[]', (p) => `has_schema_privilege($1::name, n.oid, ${p})`)}
       FROM pg_namespace n WHERE ${USER_SCHEMA} ORDER BY n.nspname COLLATE "C"`,
    [role, SCHEMA_PRIVILEGES],
    DB,
  );
  const relations = await testApp.sql<Row>(
    `SELECT n.nspname AS schema, c.relname AS name,
            ${heldAndGrantable(
              "CASE WHEN c.relkind = 'S' THEN $3::text[] ELSE $2::text[] END",
              (p) => `CASE WHEN c.relkind = 'S' THEN has_sequence_privilege($1::name, c.oid, ${p})
                           ELSE has_table_privilege($1::name, c.oid, ${p}) END`,
            )}
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${RELATION_KINDS} AND ${USER_SCHEMA}
      ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C"`,
    [role, TABLE_PRIVILEGES, SEQUENCE_PRIVILEGES],
    DB,
  );
  if (!database) throw new Error(`no database ${DB}`);
  const found: PgObject[] = [{ type: 'DatabaseObject', label: database.name, ...privileges(database) }];
  for (const schema of schemas) {
    found.push({ type: 'Schema', label: schema.name, ...privileges(schema) });
    for (const relation of relations.filter((candidate) => candidate.schema === schema.name))
      found.push({
        type: 'Table',
        label: `${relation.schema}.${relation.name}`,
        schema: relation.schema,
        ...privileges(relation),
      });
  }
  return found;
}

const privileges = ({ held, grantable }: { held: string[]; grantable: string[] }) => ({ held, grantable });

beforeAll(async () => {
  testApp = await startTestApp();
  admin = testApp.client();
  await setupAdmin(admin);
  const lists = await createManagedDatabase(testApp, DB, 'w5_owner');
  const clerkPassword = await createLoginRole(testApp, 'w5_clerk');
  const rootPassword = await createLoginRole(testApp, 'w5_root');
  await testApp.sql(
    `ALTER ROLE w5_root SUPERUSER; CREATE ROLE w5_staff; CREATE ROLE w5_noinherit LOGIN NOINHERIT;
     CREATE ROLE w5_reader LOGIN; CREATE ROLE w5_nobody LOGIN; CREATE ROLE w5_publisher;
     GRANT w5_staff TO w5_clerk; GRANT w5_staff TO w5_noinherit; GRANT pg_read_all_data TO w5_reader;`,
  );
  await testApp.sql(
    `CREATE SCHEMA alpha AUTHORIZATION w5_owner; CREATE SCHEMA beta AUTHORIZATION w5_owner;
     CREATE SCHEMA "Odd ""Quoted"" Schéma" AUTHORIZATION w5_owner; CREATE SCHEMA empty AUTHORIZATION w5_owner;
     SET ROLE w5_owner;
     CREATE TABLE alpha.orders (id int); CREATE TABLE alpha."Customers" (id int);
     CREATE VIEW alpha.order_totals AS SELECT count(*) FROM alpha.orders; CREATE SEQUENCE alpha.order_seq;
     CREATE TABLE beta.items (id int); CREATE TABLE beta.clerk_notes (id int);
     CREATE TABLE beta.events (id int) PARTITION BY RANGE (id);
     CREATE TABLE beta.events_1 PARTITION OF beta.events FOR VALUES FROM (0) TO (10); CREATE TABLE public.notes (id int);
     CREATE TABLE "Odd ""Quoted"" Schéma"."100% sure" (id int); CREATE TABLE "Odd ""Quoted"" Schéma".a_b (id int);
     CREATE TABLE "Odd ""Quoted"" Schéma"."aXb" (id int); CREATE TABLE "Odd ""Quoted"" Schéma"."with space" (id int);
     CREATE TABLE "Odd ""Quoted"" Schéma"."日本語 Ünïcode" (id int);
     GRANT USAGE ON SCHEMA alpha TO w5_staff; GRANT SELECT ON alpha.orders TO w5_staff;
     GRANT USAGE ON SEQUENCE alpha.order_seq TO w5_staff; GRANT UPDATE ON alpha."Customers" TO w5_noinherit;
     GRANT SELECT, INSERT ON beta.items TO PUBLIC; GRANT SELECT ON beta.items TO w5_publisher;
     RESET ROLE; ALTER TABLE beta.clerk_notes OWNER TO w5_clerk;`,
    [],
    DB,
  );
  listsId = await connect(admin, testApp, lists);
  clerk = await collaboratorThrough(testApp, admin, listsId, 'w5_carl', 'w5_clerk', clerkPassword);
  root = await collaboratorThrough(testApp, admin, listsId, 'w5_rita', 'w5_root', rootPassword);
});

afterAll(async () => {
  await testApp?.stop();
});

describe('objectsConnection: the Overview rows, searched and paged', () => {
  it('lists the database, then each schema by name followed by its relations by name, as the catalog has them', async () => {
    const all = await objects();
    expect(all.nodes.map(labelOf)).toEqual((await pgObjects('w5_owner')).map((object) => object.label));
    expect(all.nodes.map(labelOf).slice(0, 9)).toEqual([
      DB,
      ODD,
      `${ODD}.100% sure`,
      `${ODD}.aXb`,
      `${ODD}.a_b`,
      `${ODD}.with space`,
      `${ODD}.日本語 Ünïcode`,
      'alpha',
      'alpha.Customers',
    ]);
    expect(all.totalCount).toBe(all.nodes.length);
    expect(all.nodes.map((node) => node.__typename).slice(0, 3)).toEqual(['DatabaseObject', 'Schema', 'Table']);
  });

  it('pages with first/after through exactly the whole list, whatever the page size', async () => {
    const whole = await labels();
    for (const size of [1, 4, 7]) {
      const paged = await pageThrough(async (after) => {
        const page = await objects(undefined, { first: size, after });
        expect(page.totalCount).toBe(whole.length);
        expect(page.nodes.length).toBeLessThanOrEqual(size);
        return page;
      });
      expect(paged.map(labelOf)).toEqual(whole);
    }
    const tail = await objects(undefined, { last: 3 });
    expect(tail.nodes.map(labelOf)).toEqual(whole.slice(-3));
    const before = await objects(undefined, { last: 2, before: tail.pageInfo.startCursor });
    expect(before.nodes.map(labelOf)).toEqual(whole.slice(-5, -3));
  });

  it('searches schema.table, schema and database names in any case, keeping a matching relation’s schema', async () => {
    expect(await labels('ORDER')).toEqual(['alpha', 'alpha.order_seq', 'alpha.order_totals', 'alpha.orders']);
    expect(await labels('alpha.c')).toEqual(['alpha', 'alpha.Customers']);
    expect(await labels('LISTS')).toEqual([DB]);
    expect(await labels('empty')).toEqual(['empty']);
    expect(await labels('nothing like it')).toEqual([]);
    expect((await objects('beta')).totalCount).toBe(4);
    // A partition is listed only through its partitioned table.
    expect(await labels('EVENTS')).toEqual(['beta', 'beta.events']);
  });

  it('takes hostile searches literally: quotes, unicode, spaces, % and _ are not patterns', async () => {
    expect(await labels('%')).toEqual([ODD, `${ODD}.100% sure`]);
    expect(await labels('a_b')).toEqual([ODD, `${ODD}.a_b`]);
    expect(await labels('"quoted" SCHÉMA.with SPACE')).toEqual([ODD, `${ODD}.with space`]);
    expect(await labels('ünÏcode')).toEqual([ODD, `${ODD}.日本語 Ünïcode`]);
    expect(await labels('日本')).toEqual([ODD, `${ODD}.日本語 Ünïcode`]);
    expect(await labels('"QUOTED"')).toEqual(
      (await pgObjects('w5_owner')).map((o) => o.label).filter((l) => l.startsWith(ODD)),
    );
    expect(await labels("'; DROP TABLE alpha.orders; --")).toEqual([]);
  });
});

describe('schemasConnection, tablesConnection and grantsConnection', () => {
  const SCHEMAS = `schemasConnection(search: $search, first: $first, after: $after) { ${PAGE} nodes { name } }`;
  const TABLES = `tablesConnection(schema: $schema, search: $search, first: $first, after: $after) {
    ${PAGE} nodes { schema name tableKind } }`;

  async function schemas(search?: string, first?: number, after?: string) {
    const found = await inCatalog<{ schemasConnection: Page<{ name: string }> }>(
      admin,
      SCHEMAS,
      '$search: String, $first: Int, $after: String',
      { search, first, after },
    );
    return found.schemasConnection;
  }

  async function tables(filter: { schema?: string; search?: string }, first?: number, after?: string) {
    const found = await inCatalog<{
      tablesConnection: Page<{ schema: string; name: string; tableKind: string }>;
    }>(admin, TABLES, '$schema: String, $search: String, $first: Int, $after: String', { ...filter, first, after });
    return found.tablesConnection;
  }

  it('lists schemas by name, searched in any case and paged', async () => {
    const all = await schemas();
    expect(all.nodes.map((node) => node.name)).toEqual([ODD, 'alpha', 'beta', 'empty', 'public']);
    expect((await schemas('A')).nodes.map((node) => node.name)).toEqual([ODD, 'alpha', 'beta']);
    expect((await schemas('é')).nodes.map((node) => node.name)).toEqual([ODD]);
    const paged = await pageThrough((after) => schemas(undefined, 2, after));
    expect(paged).toEqual(all.nodes);
  });

  it('lists relations by schema then name, one schema or all, searched on schema.name and paged', async () => {
    const pg = (await pgObjects('w5_owner')).filter((object) => object.type === 'Table').map((object) => object.label);
    const all = await tables({});
    expect(all.nodes.map((node) => `${node.schema}.${node.name}`)).toEqual(pg);
    const alpha = await tables({ schema: 'alpha' });
    expect(alpha.nodes).toEqual([
      { schema: 'alpha', name: 'Customers', tableKind: 'TABLE' },
      { schema: 'alpha', name: 'order_seq', tableKind: 'SEQUENCE' },
      { schema: 'alpha', name: 'order_totals', tableKind: 'VIEW' },
      { schema: 'alpha', name: 'orders', tableKind: 'TABLE' },
    ]);
    expect((await tables({ search: 'BETA.' })).nodes).toEqual([
      { schema: 'beta', name: 'clerk_notes', tableKind: 'TABLE' },
      { schema: 'beta', name: 'events', tableKind: 'PARTITIONED_TABLE' },
      { schema: 'beta', name: 'items', tableKind: 'TABLE' },
    ]);
    expect((await tables({ schema: 'ghost' })).totalCount).toBe(0);
    expect((await tables({ schema: 'beta', search: 'item' })).nodes.map((node) => node.name)).toEqual(['items']);
    expect((await tables({ schema: 'alpha', search: 'beta' })).totalCount).toBe(0);
    expect((await tables({ search: 'a_b' })).nodes.map((node) => node.name)).toEqual(['a_b']);
    expect((await tables({ schema: 'empty' })).totalCount).toBe(0);
    expect(await pageThrough((after) => tables({}, 3, after))).toEqual(all.nodes);
  });

  it("searches an object's grantees by name, PUBLIC included", async () => {
    type Grant = { isPublic: boolean; grantee: { name: string } | null; privileges: string[] };
    const grants = async (search?: string, first?: number) =>
      (
        await inCatalog<{ table: { grantsConnection: Page<Grant> } }>(
          admin,
          `table(schema: "beta", name: "items") { grantsConnection(search: $search, first: $first) {
            ${PAGE} nodes { isPublic grantee { name } privileges } } }`,
          '$search: String, $first: Int',
          { search, first },
        )
      ).table.grantsConnection;
    const name = (grant: Grant) => grant.grantee?.name ?? 'PUBLIC';
    const all = await grants();
    expect(all.nodes.map(name).sort()).toEqual(['PUBLIC', 'w5_owner', 'w5_publisher']);
    expect((await grants('pub')).nodes.map(name)).toEqual(all.nodes.map(name).filter((n) => n !== 'w5_owner'));
    expect((await grants('PUBLIC')).nodes).toEqual([
      { isPublic: true, grantee: null, privileges: ['SELECT', 'INSERT'] },
    ]);
    expect((await grants('OWNER')).nodes.map(name)).toEqual(['w5_owner']);
    const first = await grants(undefined, 1);
    expect(first.nodes).toHaveLength(1);
    expect(first.totalCount).toBe(3);
    // PostgreSQL's defaults for a database: PUBLIC may CONNECT and make TEMPORARY tables.
    const database = await inCatalog<{ database: { grantsConnection: Page<Grant> } }>(
      admin,
      `database { grantsConnection(search: "public") { ${PAGE} nodes { isPublic grantee { name } privileges } } }`,
    );
    expect(database.database.grantsConnection.nodes).toEqual([
      { isPublic: true, grantee: null, privileges: ['CONNECT', 'TEMPORARY'] },
    ]);
  });
});

/** The search rule of the Overview: a row whose label contains it, and the schema of a relation that does. */
function searched(all: PgObject[], search?: string): PgObject[] {
  const wanted = search?.toLowerCase() ?? '';
  const hit = (object: PgObject) => object.label.toLowerCase().includes(wanted);
  return all.filter(
    (object) =>
      hit(object) ||
      (object.type === 'Schema' && all.some((relation) => relation.schema === object.label && hit(relation))),
  );
}

type Held = { label: string; held: string[]; grantable: string[] };
const heldOn = (object: ObjectNode, privileges: Privilege[]): Held => ({
  label: labelOf(object),
  held: privileges.filter((privilege) => privilege.held).map((privilege) => privilege.privilege),
  grantable: privileges.filter((privilege) => privilege.grantable).map((privilege) => privilege.privilege),
});
const pgHeld = ({ label, held, grantable }: PgObject): Held => ({ label, held, grantable });
const PUBLIC_SOURCE = { kind: 'PUBLIC', path: [], grantee: null, predefinedRole: null };

describe('viewerPrivileges: what the viewer’s role can do on each object, as PostgreSQL checks current_user', () => {
  type Viewed = ObjectNode & { viewerPrivileges: Privilege[] };
  async function viewed(client: TestClient): Promise<Viewed[]> {
    const found = await inCatalog<{ objectsConnection: Page<Viewed> }>(
      client,
      `objectsConnection { ${PAGE} nodes { ${OBJECT} viewerPrivileges { ${PRIVILEGE} } } }`,
    );
    return found.objectsConnection.nodes;
  }
  const sourcesOf = (nodes: Viewed[], label: string, privilege: string) =>
    nodes.find((node) => labelOf(node) === label)?.viewerPrivileges.find((found) => found.privilege === privilege)
      ?.sources;

  it('through a weak role: has_*_privilege on every object, inherited through its group, PUBLIC or owned', async () => {
    const nodes = await viewed(clerk);
    expect(nodes.map((node) => heldOn(node, node.viewerPrivileges))).toEqual((await pgObjects('w5_clerk')).map(pgHeld));
    const throughStaff = {
      kind: 'GRANT',
      path: ['w5_clerk', 'w5_staff'],
      grantee: { name: 'w5_staff' },
      predefinedRole: null,
    };
    expect(sourcesOf(nodes, 'alpha.orders', 'SELECT')).toEqual([throughStaff]);
    expect(sourcesOf(nodes, 'alpha.order_seq', 'USAGE')).toEqual([throughStaff]);
    expect(sourcesOf(nodes, 'alpha', 'USAGE')).toEqual([throughStaff]);
    expect(sourcesOf(nodes, 'beta.items', 'INSERT')).toEqual([PUBLIC_SOURCE]);
    expect(sourcesOf(nodes, DB, 'CONNECT')).toEqual([PUBLIC_SOURCE]);
    expect(sourcesOf(nodes, 'public', 'USAGE')).toEqual([PUBLIC_SOURCE]);
    expect(sourcesOf(nodes, 'beta.clerk_notes', 'SELECT')?.map((source) => [source.kind, source.path])).toEqual([
      ['OWNER', ['w5_clerk']],
      ['OWNER_GRANT_OPTION', ['w5_clerk']],
    ]);
    expect(nodes.find((node) => labelOf(node) === 'alpha.Customers')?.viewerPrivileges).toEqual([]);
  });

  it('through the owner and through a superuser role: the same as PostgreSQL, the superuser’s from SUPERUSER', async () => {
    const owned = await viewed(admin);
    expect(owned.map((node) => heldOn(node, node.viewerPrivileges))).toEqual((await pgObjects('w5_owner')).map(pgHeld));
    const nodes = await viewed(root);
    expect(nodes.map((node) => heldOn(node, node.viewerPrivileges))).toEqual((await pgObjects('w5_root')).map(pgHeld));
    // The newest table privilege the server knows comes from SUPERUSER too.
    expect(sourcesOf(nodes, 'alpha.orders', testedPostgres.maintain ? 'MAINTAIN' : 'TRIGGER')).toEqual([
      { kind: 'SUPERUSER', path: [], grantee: null, predefinedRole: null },
    ]);
    for (const node of nodes) {
      expect(node.viewerPrivileges.length).toBeGreaterThan(0);
      for (const privilege of node.viewerPrivileges)
        expect(privilege.sources.map((source) => source.kind)).toContain('SUPERUSER');
    }
    expect(nodes.find((node) => labelOf(node) === 'alpha.order_seq')?.viewerPrivileges.map((p) => p.privilege)).toEqual(
      SEQUENCE_PRIVILEGES,
    );
  });
});

describe('accessibleObjects: everything a role can use, as has_*_privilege answers for that role', () => {
  type Access = { object: ObjectNode; privileges: Privilege[] };
  type Result = { __typename: string; field?: string; totalCount: number; nodes: Access[] };
  async function accessible(role: string, search?: string): Promise<Result> {
    const found = await inCatalog<{ accessibleObjects: Result }>(
      admin,
      `accessibleObjects(role: $role, search: $search) {
        __typename ... on Error { code message } ... on ValidationError { field }
        ... on DatabaseCatalogAccessibleObjectsConnection { totalCount nodes { object { ${OBJECT} } privileges { ${PRIVILEGE} } } }
      }`,
      '$role: String!, $search: String',
      { role, search },
    );
    return found.accessibleObjects;
  }
  const held = (result: Result) => result.nodes.map((node) => heldOn(node.object, node.privileges));
  const pgAccessible = async (role: string, search?: string) =>
    searched(await pgObjects(role), search)
      .filter((object) => object.held.length > 0)
      .map(pgHeld);

  const ROLES = ['w5_clerk', 'w5_noinherit', 'w5_reader', 'w5_root', 'w5_nobody', 'w5_owner', 'w5_staff'];
  it.each(ROLES)('%s: the objects and privileges PostgreSQL says it holds, searched too', async (role) => {
    for (const search of [undefined, 'ALPHA', 'a_b', 'beta.items']) {
      const result = await accessible(role, search);
      expect(result.__typename).toBe('DatabaseCatalogAccessibleObjectsConnection');
      expect(held(result)).toEqual(await pgAccessible(role, search));
      expect(result.totalCount).toBe(result.nodes.length);
    }
  });

  it('names why: only PUBLIC for a role with nothing, a NOINHERIT member its own grant, pg_read_all_data', async () => {
    const nobody = await accessible('w5_nobody');
    expect(held(nobody)).toEqual([
      { label: DB, held: ['CONNECT', 'TEMPORARY'], grantable: [] },
      { label: 'beta.items', held: ['SELECT', 'INSERT'], grantable: [] },
      { label: 'public', held: ['USAGE'], grantable: [] },
    ]);
    for (const node of nobody.nodes) for (const p of node.privileges) expect(p.sources).toEqual([PUBLIC_SOURCE]);
    const noinherit = await accessible('w5_noinherit', 'alpha');
    expect(held(noinherit)).toEqual([{ label: 'alpha.Customers', held: ['UPDATE'], grantable: [] }]);
    const reader = await accessible('w5_reader');
    const relations = reader.nodes.filter((node) => node.object.__typename === 'Table');
    expect(relations.length).toBe((await pgObjects('w5_reader')).filter((object) => object.type === 'Table').length);
    for (const node of relations)
      expect(node.privileges.find((p) => p.privilege === 'SELECT')?.sources).toContainEqual({
        kind: 'PREDEFINED_ROLE',
        path: ['w5_reader', 'pg_read_all_data'],
        grantee: null,
        predefinedRole: 'pg_read_all_data',
      });
    expect((await accessible('w5_root')).totalCount).toBe((await pgObjects('w5_root')).length);
  });

  it('an unknown role is a typed NotFoundError; an empty or too long name a ValidationError', async () => {
    expect(await accessible('w5_ghost')).toMatchObject({ __typename: 'NotFoundError' });
    expect(await accessible('')).toMatchObject({ __typename: 'ValidationError', field: 'role' });
    expect(await accessible('x'.repeat(64))).toMatchObject({ __typename: 'ValidationError', field: 'role' });
    // 32 two-byte letters: 64 bytes, past PostgreSQL's 63 however few characters.
    expect(await accessible('é'.repeat(32))).toMatchObject({ __typename: 'ValidationError', field: 'role' });
  });
});

describe('collaboratorsConnection and effectivePrivilegesMatrix(search)', () => {
  type Collaborators = Page<{ user: { username: string }; role: { rolname: string } }>;
  async function collaborators(search?: string, role?: string, client = admin): Promise<string[]> {
    const result = await client.request<{ database: { collaboratorsConnection: Collaborators } }>(
      `query($id: ID!, $search: String, $role: String) { database(id: $id) { ... on Database {
        collaboratorsConnection(search: $search, role: $role) { ${PAGE} nodes { user { username } role { rolname } } }
      } } }`,
      { id: listsId, search, role },
    );
    expect(result.errors).toBeUndefined();
    const found = result.data?.database.collaboratorsConnection as Collaborators;
    expect(found.totalCount).toBe(found.nodes.length);
    return found.nodes.map((node) => `${node.user.username}/${node.role.rolname}`);
  }

  it('finds collaborators by username or by role name, in any case, or by the role they work through', async () => {
    const roles = await admin.request<{ database: { configuredRoles: { id: string; rolname: string }[] } }>(
      'query($id: ID!) { database(id: $id) { ... on Database { configuredRoles { id rolname } } } }',
      { id: listsId },
    );
    const clerkRole = roles.data?.database.configuredRoles.find((role) => role.rolname === 'w5_clerk');
    const cleo = await createUser(admin, 'w5_cleo');
    expect(
      await addCollaborator(admin, { databaseId: listsId, userId: cleo.id, configuredRoleId: clerkRole?.id as string }),
    ).toMatchObject({ __typename: 'Collaborator' });

    expect(await collaborators()).toEqual([
      'admin/w5_owner',
      'w5_carl/w5_clerk',
      'w5_rita/w5_root',
      'w5_cleo/w5_clerk',
    ]);
    expect(await collaborators('CARL')).toEqual(['w5_carl/w5_clerk']);
    expect(await collaborators('clerk')).toEqual(['w5_carl/w5_clerk', 'w5_cleo/w5_clerk']);
    expect(await collaborators('W5_R')).toEqual(['w5_rita/w5_root']);
    expect(await collaborators(undefined, 'w5_clerk')).toEqual(['w5_carl/w5_clerk', 'w5_cleo/w5_clerk']);
    expect(await collaborators('cleo', 'w5_clerk')).toEqual(['w5_cleo/w5_clerk']);
    expect(await collaborators(undefined, 'w5_nobody')).toEqual([]);
    expect(await collaborators('%')).toEqual([]);
    // A collaborator who does not manage the database sees the same collaborators as through `collaborators`.
    const listed = await clerk.request<{ database: { collaborators: { user: { username: string } }[] } }>(
      'query($id: ID!) { database(id: $id) { ... on Database { collaborators { user { username } } } } }',
      { id: listsId },
    );
    expect((await collaborators(undefined, undefined, clerk)).map((entry) => entry.split('/')[0])).toEqual(
      listed.data?.database.collaborators.map((collaborator) => collaborator.user.username),
    );
  });

  it('effectivePrivilegesMatrix(search) keeps only the tables whose schema.name contains it', async () => {
    type Row = { role: string; schema: string; table: string; privileges: string[] };
    const matrix = async (search: string) =>
      (
        await inCatalog<{ effectivePrivilegesMatrix: { __typename: string; nodes: Row[] } }>(
          admin,
          `effectivePrivilegesMatrix(roles: ["w5_clerk", "w5_staff"], search: $search) { __typename
            ... on DatabaseCatalogEffectivePrivilegesMatrixConnection { nodes { role schema table privileges } } }`,
          '$search: String',
          { search },
        )
      ).effectivePrivilegesMatrix.nodes;
    expect(await matrix('ALPHA.ORDERS')).toEqual([
      { role: 'w5_clerk', schema: 'alpha', table: 'orders', privileges: ['SELECT'] },
      { role: 'w5_staff', schema: 'alpha', table: 'orders', privileges: ['SELECT'] },
    ]);
    expect((await matrix('%')).map((row) => `${row.role} ${row.schema}.${row.table}`)).toEqual([
      `w5_clerk ${ODD}.100% sure`,
      `w5_staff ${ODD}.100% sure`,
    ]);
    const alpha = (await pgObjects('w5_clerk')).filter((object) => object.label.startsWith('alpha.'));
    expect(
      (await matrix('alpha.'))
        .filter((row) => row.role === 'w5_clerk')
        .map((row) => ({ label: `${row.schema}.${row.table}`, held: row.privileges })),
    ).toEqual(alpha.map((object) => ({ label: object.label, held: object.held })));
  });
});

describe('on a database whose collation is not C', () => {
  it('orders schemas and relations alike, by name in byte order, in objectsConnection and tablesConnection', async () => {
    const owner = 'w5_icu_owner';
    const ownerPassword = await createLoginRole(testApp, owner);
    await testApp.sql(`ALTER ROLE ${owner} CREATEROLE`);
    await testApp.sql(
      `CREATE DATABASE w5_icu OWNER ${owner} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C'`,
    );
    await testApp.sql(
      `CREATE SCHEMA b AUTHORIZATION ${owner}; CREATE SCHEMA "B" AUTHORIZATION ${owner}; SET ROLE ${owner};
       CREATE TABLE b.orders (id int); CREATE TABLE b.order_seq (id int); CREATE TABLE b."Customers" (id int);
       CREATE TABLE b.a (id int); CREATE TABLE "B".x (id int); CREATE TABLE "B"."X" (id int);`,
      [],
      'w5_icu',
    );
    const icuId = await connect(admin, testApp, { database: 'w5_icu', owner, ownerPassword });
    const order = ['B.X', 'B.x', 'b.Customers', 'b.a', 'b.order_seq', 'b.orders'];
    expect((await objects(undefined, {}, icuId)).nodes.map(labelOf)).toEqual([
      'w5_icu',
      'B',
      ...order.slice(0, 2),
      'b',
      ...order.slice(2),
      'public',
    ]);
    const tables = await inCatalog<{ tablesConnection: Page<{ schema: string; name: string }> }>(
      admin,
      `tablesConnection { ${PAGE} nodes { schema name } }`,
      '',
      {},
      icuId,
    );
    expect(tables.tablesConnection.nodes.map((node) => `${node.schema}.${node.name}`)).toEqual(order);
  });
});
