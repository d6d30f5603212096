import { USER_SCHEMAS } from '../server/src/catalog/objects.js';
import { httpRequest } from './lib/http-client.js';
import { check, type Section } from './lib/report.js';
import { startScript } from './lib/server.js';
import { count, median, ms, ratio, timed } from './lib/stats.js';
import { groupName, type ScaleEnv, userName } from './scale.js';

const RELATIONS = `c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND NOT c.relispartition AND ${USER_SCHEMAS}`;

const inCatalog = (
  selection: string,
  variables = '',
) => `query($id: ID!${variables}) { database(id: $id) { __typename ... on Database {
  catalog { __typename ... on DatabaseCatalog { ${selection} } ... on Error { message } } } ... on Error { message } } }`;

interface CatalogData<T> {
  database: { catalog: T & { __typename: string; message?: string } };
}

async function catalogQuery<T>(
  env: ScaleEnv,
  selection: string,
  variables: Record<string, unknown> = {},
  definitions = '',
) {
  const data = await env.api.client.request<CatalogData<T>>(inCatalog(selection, definitions), {
    id: env.api.databaseId,
    ...variables,
  });
  const catalog = data.database?.catalog;
  if (catalog?.__typename !== 'DatabaseCatalog') throw new Error(`catalog: ${JSON.stringify(catalog)}`);
  return catalog;
}

/** What a read returned, as both its GraphQL answer and the fair baseline's JSON shape it. */
interface Comparison<T> {
  name: string;
  graphql: () => Promise<T>;
  /** The fair baseline: Rolecall's SQL behind a bare node:http JSON endpoint (bench/servers/catalog-raw.ts). */
  fair: () => Promise<T>;
  /** The naive baseline a DBA would write: raw rows through `pg` in the benchmark process. */
  naive: () => Promise<unknown>;
  size: (answer: T) => string;
  /** The answer in one order (lists PostgreSQL or the API give in no particular order, sorted). */
  canonical: (answer: T) => unknown;
  /** Whether the naive rows say the same as the GraphQL answer, as far as they go. */
  naiveAgrees: (graphql: T, naive: unknown) => string;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await httpRequest(url);
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${response.body.slice(0, 500)}`);
  return JSON.parse(response.body) as T;
}

/** Where two JSON values first differ (a path and both values), or null when they are the same. */
function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (Object.is(a, b)) return null;
  const shown = () =>
    `${path || 'answer'}: GraphQL ${JSON.stringify(a)?.slice(0, 200)}, baseline ${JSON.stringify(b)?.slice(0, 200)}`;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return shown();
  if (Array.isArray(a) !== Array.isArray(b)) return shown();
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path || 'answer'}: GraphQL ${a.length} items, baseline ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const found = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const found = firstDifference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      `${path}.${key}`,
    );
    if (found) return found;
  }
  return null;
}

const byName = <T extends { name: string }>(list: readonly T[]) =>
  [...list].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));

// --- a. role graph -------------------------------------------------------------------------------------------------

const ROLE_ATTRIBUTES =
  'name oid isSuperuser canLogin inherit createRole createDb replication bypassRls connectionLimit validUntil isPredefined';

interface RoleRow {
  name: string;
  memberOf: { role: { name: string }; admin: boolean; inherit: boolean; set: boolean }[];
}
interface RoleGraphData {
  roles: RoleRow[];
}

const roleGraph = (env: ScaleEnv, fairUrl: string): Comparison<RoleGraphData> => ({
  name: 'a. role graph (roles + memberOf)',
  graphql: () =>
    catalogQuery<RoleGraphData>(env, `roles { ${ROLE_ATTRIBUTES} memberOf { role { name } admin inherit set } }`),
  fair: () => getJson<RoleGraphData>(`${fairUrl}/roles`),
  naive: async () => {
    const roles = await env.raw.query(
      `SELECT oid::int, rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication,
              rolbypassrls, rolconnlimit, rolvaliduntil FROM pg_catalog.pg_roles ORDER BY rolname`,
    );
    // A membership granted by several grantors is one edge whose options any grant confers, as the API shows it.
    const memberships = await env.raw.query(
      `SELECT mr.rolname AS member, r.rolname AS role, bool_or(m.admin_option) AS admin,
              bool_or(m.inherit_option) AS inherit, bool_or(m.set_option) AS set
         FROM pg_catalog.pg_auth_members m
         JOIN pg_catalog.pg_roles r ON r.oid = m.roleid JOIN pg_catalog.pg_roles mr ON mr.oid = m.member
        GROUP BY mr.rolname, r.rolname`,
    );
    return { roles: roles.rows, memberships: memberships.rows };
  },
  size: (answer) =>
    `${count(answer.roles.length)} roles, ${count(answer.roles.reduce((sum, role) => sum + role.memberOf.length, 0))} memberships`,
  canonical: (answer) =>
    byName(answer.roles).map((role) => ({
      ...role,
      memberOf: [...role.memberOf].sort((x, y) => (x.role.name < y.role.name ? -1 : x.role.name > y.role.name ? 1 : 0)),
    })),
  naiveAgrees: (g, raw) => {
    const r = raw as { roles: unknown[]; memberships: { member: string; role: string; admin: boolean }[] };
    const edges = g.roles.reduce((sum, role) => sum + role.memberOf.length, 0);
    const rawKeys = new Set(r.memberships.map((m) => `${m.member}>${m.role}>${m.admin}`));
    const missing = g.roles.flatMap((role) =>
      role.memberOf.filter((m) => !rawKeys.has(`${role.name}>${m.role.name}>${m.admin}`)),
    ).length;
    return g.roles.length === r.roles.length && edges === r.memberships.length && missing === 0
      ? 'same roles and memberships'
      : `DIFFERENT: raw ${r.roles.length} roles / ${r.memberships.length} memberships, ${missing} edges not in raw`;
  },
});

// --- b. object ACLs ------------------------------------------------------------------------------------------------

interface Grant {
  isPublic: boolean;
  grantee: { name: string } | null;
  privileges: string[];
  grantable: string[];
}
interface Grants {
  owner: { name: string } | null;
  grants: Grant[];
}
interface AclData {
  schemas: (Grants & { name: string; tables: (Grants & { name: string })[] })[];
}

const GRANTS = 'owner { name } grants { isPublic grantee { name } privileges grantable }';

/** One row per (object, grantee), as the API groups an ACL: what PUBLIC or a role holds, from any grantor. */
const aclQuery = (from: string, acl: string, where: string, order: string) =>
  `SELECT ${order}, o.rolname AS owner, a.grantee = 0 AS is_public, g.rolname AS grantee,
          array_agg(DISTINCT a.privilege_type) AS privileges,
          coalesce(array_agg(DISTINCT a.privilege_type) FILTER (WHERE a.is_grantable), '{}') AS grantable
     FROM ${from} CROSS JOIN LATERAL aclexplode(${acl}) a
     LEFT JOIN pg_catalog.pg_roles g ON g.oid = a.grantee
    WHERE ${where}
    GROUP BY ${order}, o.rolname, a.grantee, g.rolname ORDER BY ${order}`;

/** Grants in one order: PUBLIC first, then by grantee. */
const sortedGrants = <T extends Grants>(object: T): T => ({
  ...object,
  grants: [...object.grants].sort((x, y) => {
    const [a, b] = [x.grantee?.name ?? '', y.grantee?.name ?? ''];
    return a < b ? -1 : a > b ? 1 : 0;
  }),
});

const objectAcls = (env: ScaleEnv, fairUrl: string): Comparison<AclData> => ({
  name: 'b. object ACLs (schemas + tables, owner, grants)',
  graphql: () => catalogQuery<AclData>(env, `schemas { name ${GRANTS} tables { name ${GRANTS} } }`),
  fair: () => getJson<AclData>(`${fairUrl}/acls`),
  naive: async () => {
    const schemas = await env.raw.query(
      aclQuery(
        'pg_catalog.pg_namespace n JOIN pg_catalog.pg_roles o ON o.oid = n.nspowner',
        "coalesce(n.nspacl, acldefault('n', n.nspowner))",
        USER_SCHEMAS,
        'n.nspname',
      ),
    );
    const tables = await env.raw.query(
      aclQuery(
        `pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
           JOIN pg_catalog.pg_roles o ON o.oid = c.relowner`,
        `coalesce(c.relacl, acldefault(CASE WHEN c.relkind = 'S' THEN 's'::"char" ELSE 'r'::"char" END, c.relowner))`,
        RELATIONS,
        'n.nspname, c.relname',
      ),
    );
    return { schemas: schemas.rows, tables: tables.rows };
  },
  size: (answer) => {
    const tables = answer.schemas.flatMap((schema) => schema.tables);
    const grants = [...answer.schemas, ...tables].reduce((sum, object) => sum + object.grants.length, 0);
    return `${count(answer.schemas.length)} schemas, ${count(tables.length)} tables, ${count(grants)} grants`;
  },
  canonical: (answer) =>
    byName(answer.schemas).map((schema) => ({
      ...sortedGrants(schema),
      tables: byName(schema.tables).map(sortedGrants),
    })),
  naiveAgrees: (g, raw) => {
    const r = raw as { schemas: unknown[]; tables: unknown[] };
    const schemaGrants = g.schemas.reduce((sum, schema) => sum + schema.grants.length, 0);
    const tableGrants = g.schemas.flatMap((schema) => schema.tables).reduce((sum, t) => sum + t.grants.length, 0);
    return schemaGrants === r.schemas.length && tableGrants === r.tables.length
      ? 'same (object, grantee) grants'
      : `DIFFERENT: raw ${r.schemas.length} schema and ${r.tables.length} table grants`;
  },
});

// --- c. effective privileges ---------------------------------------------------------------------------------------

interface Cell {
  role: string;
  schema: string;
  table: string;
  privileges: string[];
  grantable: string[];
}

/** 100 roles: the owner, a user holding pg_read_all_data, users (some with non-inheriting memberships) and groups. */
export function matrixRoles(env: ScaleEnv, wanted = 100): string[] {
  const { users, groups } = env.size;
  const names = new Set([env.owner, userName(7), userName(10)]);
  for (let k = 0; names.size < wanted - 20; k++) names.add(userName(1 + ((k * 89) % users)));
  for (let k = 0; names.size < wanted; k++) names.add(groupName(1 + ((k * 37) % groups)));
  return [...names];
}

const MATRIX_TABLES = 1_000;
const TABLE_PRIVILEGES = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER', 'MAINTAIN'];

interface Matrix {
  nodes: Cell[];
}

const cellKey = (cell: Cell) =>
  `${cell.role} ${cell.schema}.${cell.table} ${cell.privileges.join(',')} / ${cell.grantable.join(',')}`;

const effective = (env: ScaleEnv, fairUrl: string): Comparison<Matrix> => {
  const roles = matrixRoles(env);
  const query = new URLSearchParams([...roles.map((role) => ['role', role]), ['tables', String(MATRIX_TABLES)]]);
  return {
    name: `c. effective privileges (${roles.length} roles × ${MATRIX_TABLES} tables)`,
    graphql: async () => {
      const catalog = await catalogQuery<{
        effectivePrivilegesMatrix: { __typename: string; nodes?: Cell[]; message?: string };
      }>(
        env,
        `effectivePrivilegesMatrix(roles: $roles, tables: $tables) { __typename
           ... on DatabaseCatalogEffectivePrivilegesMatrixConnection { nodes { role schema table privileges grantable } }
           ... on Error { message } }`,
        { roles, tables: MATRIX_TABLES },
        ', $roles: [String!]!, $tables: Int',
      );
      const result = catalog.effectivePrivilegesMatrix;
      if (!result.nodes) throw new Error(`effectivePrivilegesMatrix: ${JSON.stringify(result)}`);
      return { nodes: result.nodes };
    },
    fair: () => getJson<Matrix>(`${fairUrl}/effective?${query}`),
    naive: async () =>
      (
        await env.raw.query<Cell>(
          `WITH roles AS (
             SELECT r.oid, r.rolname, q.ord FROM unnest($1::text[]) WITH ORDINALITY q(name, ord)
               JOIN pg_catalog.pg_roles r ON r.rolname = q.name),
           tables AS (
             SELECT c.oid, n.nspname, c.relname FROM pg_catalog.pg_class c
               JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              WHERE ${RELATIONS} ORDER BY n.nspname, c.relname LIMIT $3)
           SELECT roles.rolname AS role, tables.nspname AS schema, tables.relname AS table,
                  ARRAY(SELECT p FROM unnest($2::text[]) p WHERE has_table_privilege(roles.oid, tables.oid, p)) AS privileges,
                  ARRAY(SELECT p FROM unnest($2::text[]) p
                         WHERE has_table_privilege(roles.oid, tables.oid, p || ' WITH GRANT OPTION')) AS grantable
             FROM roles CROSS JOIN tables ORDER BY roles.ord, tables.nspname, tables.relname`,
          [roles, TABLE_PRIVILEGES, MATRIX_TABLES],
        )
      ).rows,
    size: ({ nodes }) =>
      `${count(nodes.length)} role × table pairs, ${count(nodes.reduce((sum, cell) => sum + cell.privileges.length, 0))} privileges held`,
    canonical: ({ nodes }) => nodes,
    // The fair baseline computes with Rolecall's own engine: PostgreSQL's has_table_privilege is what proves it right.
    naiveAgrees: ({ nodes }, raw) => {
      const r = raw as Cell[];
      const rawKeys = new Set(r.map(cellKey));
      const differing = nodes.filter((cell) => !rawKeys.has(cellKey(cell)));
      if (nodes.length !== r.length || differing.length > 0)
        throw new Error(
          `effective privileges: GraphQL differs from has_table_privilege in ${differing.length} of ${nodes.length} pairs (PostgreSQL: ${r.length}), e.g. ${differing.slice(0, 2).map(cellKey).join('; ')}`,
        );
      return 'same privileges and grant options as has_table_privilege';
    },
  };
};

// --- the benchmark -------------------------------------------------------------------------------------------------

const SIDES = ['graphql', 'fair', 'naive'] as const;
type Side = (typeof SIDES)[number];

/** A median with its range: `12.3 ms (11.9–14.0)`. */
function spread(values: readonly number[]): string {
  return `${ms(median(values))} (${ms(Math.min(...values))}–${ms(Math.max(...values))})`;
}

/** Fails the run unless GraphQL and the fair baseline gave the very same answer. */
function assertSame<T>(comparison: Comparison<T>, graphql: T, fair: T): void {
  const difference = firstDifference(comparison.canonical(graphql), comparison.canonical(fair));
  if (difference) throw new Error(`${comparison.name}: GraphQL and the fair baseline differ at ${difference}`);
}

async function measure<T>(comparison: Comparison<T>, runs: number) {
  // Warm-up: pools, both servers' JIT, the role snapshots and PostgreSQL's caches; its answers are the ones compared.
  const graphql = await comparison.graphql();
  const fair = await comparison.fair();
  assertSame(comparison, graphql, fair);
  const naiveAgrees = comparison.naiveAgrees(graphql, await comparison.naive());
  const times: Record<Side, number[]> = { graphql: [], fair: [], naive: [] };
  for (let run = 0; run < runs; run++) {
    // Side by side: each run times all three, the first of them moving round from run to run.
    for (let k = 0; k < SIDES.length; k++) {
      const side = SIDES[(run + k) % SIDES.length] as Side;
      times[side].push((await timed(comparison[side])).ms);
    }
  }
  return { size: comparison.size(graphql), times, naiveAgrees };
}

export async function catalogBenchmark(env: ScaleEnv, runs: number, log: (line: string) => void): Promise<Section> {
  const fairServer = await startScript('bench/servers/catalog-raw.ts', [], {
    CATALOG_RAW_URL: env.raw.options.connectionString as string,
  });
  try {
    const comparisons = [
      roleGraph(env, fairServer.url),
      objectAcls(env, fairServer.url),
      effective(env, fairServer.url),
    ];
    const rows: string[][] = [];
    const checks = [];
    for (const comparison of comparisons as Comparison<unknown>[]) {
      const { size, times, naiveAgrees } = await measure(comparison, runs);
      const [graphql, fair, naive] = [median(times.graphql), median(times.fair), median(times.naive)];
      log(
        `${comparison.name}: GraphQL ${spread(times.graphql)}, fair ${spread(times.fair)} (${ratio(graphql / fair)}), naive ${spread(times.naive)} (${ratio(graphql / naive)})`,
      );
      rows.push(
        [
          comparison.name,
          size,
          spread(times.graphql),
          'fair',
          spread(times.fair),
          ratio(graphql / fair),
          'same full answer',
        ],
        ['', '', '', 'naive', spread(times.naive), ratio(graphql / naive), naiveAgrees],
      );
      checks.push(
        check(comparison.name.split(' (')[0] as string, graphql / fair, '≤ 1.5× fair', graphql / fair <= 1.5),
      );
    }
    return {
      id: 'catalog',
      title: '1. Catalog reads at scale: GraphQL vs raw SQL',
      method: `Median (min–max) of ${runs} runs each after one warm-up; in each run GraphQL, the fair baseline and the naive baseline are timed one after another, the first of them moving round from run to run. Ratios are GraphQL's median ÷ the baseline's; the target is against the fair baseline.`,
      header: ['read', 'returned', 'GraphQL', 'baseline', 'baseline time', 'GraphQL ÷ baseline', 'same data?'],
      rows,
      checks,
      notes: [
        `Catalog generated in ${(env.generateMs / 1000).toFixed(1)} s: ${count(env.counts.roles)} roles, ${count(env.counts.memberships)} memberships, ${count(env.counts.tables)} tables with ${count(env.counts.aclItems)} ACL items.`,
        `Every side logs in as \`${env.owner}\` (LOGIN CREATEROLE, owner of the database and its tables) and is timed in the benchmark process until its answer is parsed. GraphQL: a POST to a separate Rolecall process (\`server/src/main.ts\`) with an API token.`,
        "Fair baseline: `bench/servers/catalog-raw.ts`, a bare `node:http` server in its own process answering GET /roles, /acls and /effective with JSON shaped as the GraphQL answer, fetched and parsed like it. It runs the same SQL as Rolecall — the functions of `server/src/catalog/` (`RoleSnapshots` with `allRoles`/`allMemberships`, `schemas`, `relations`, `currentDatabase`), at once on separate connections of a 4-connection pool where Rolecall runs them at once — and, like Rolecall, keeps the server's roles and memberships between requests, checking their fingerprint each time. No GraphQL, authentication or metadata database. Its effective privileges are computed with Rolecall's own engine (`effectivePrivilegesOn` over `RoleGraph`), the work Rolecall does for that answer; PostgreSQL's `has_table_privilege` (the naive row) checks that engine.",
        'Naive baseline: what a DBA would write, raw rows through `pg` in the benchmark process, timed until parsed: `pg_roles` + `pg_auth_members` grouped by pair; an `aclexplode` query grouped by grantee; `has_table_privilege` over every pair of the matrix. No target: a reference.',
        "Same data: the run fails unless GraphQL and the fair baseline return the same full answer (every role with every attribute and membership; every schema and table with its owner and every grantee's privileges and grant options; every cell of the matrix), and unless every cell of the matrix is what `has_table_privilege` says.",
      ],
    };
  } finally {
    await fairServer.stop();
  }
}
