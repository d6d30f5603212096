import { check, type Section } from './lib/report.js';
import { count, median, ms, ratio, timed } from './lib/stats.js';
import { groupName, type ScaleEnv, userName } from './scale.js';

/** Schemas users work with, exactly as server/src/catalog/objects.ts filters them. */
const USER_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'`;
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

interface Comparison {
  name: string;
  graphql: () => Promise<unknown>;
  raw: () => Promise<unknown>;
  /** What each side returned, to show they are the same data. */
  describe: (graphql: unknown, raw: unknown) => { size: string; same: string };
}

// --- a. role graph -------------------------------------------------------------------------------------------------

interface RoleGraphData {
  roles: { name: string; memberOf: { role: { name: string }; admin: boolean; inherit: boolean; set: boolean }[] }[];
}

const roleGraph = (env: ScaleEnv): Comparison => ({
  name: 'a. role graph (roles + memberOf)',
  graphql: () => catalogQuery<RoleGraphData>(env, 'roles { name memberOf { role { name } admin inherit set } }'),
  raw: async () => {
    const roles = await env.raw.query('SELECT rolname FROM pg_catalog.pg_roles ORDER BY rolname');
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
  describe: (graphql, raw) => {
    const g = graphql as RoleGraphData;
    const r = raw as { roles: unknown[]; memberships: { member: string; role: string; admin: boolean }[] };
    const edges = g.roles.reduce((sum, role) => sum + role.memberOf.length, 0);
    const rawKeys = new Set(r.memberships.map((m) => `${m.member}>${m.role}>${m.admin}`));
    const missing = g.roles.flatMap((role) =>
      role.memberOf.filter((m) => !rawKeys.has(`${role.name}>${m.role.name}>${m.admin}`)),
    ).length;
    return {
      size: `${count(g.roles.length)} roles, ${count(edges)} memberships`,
      same:
        g.roles.length === r.roles.length && edges === r.memberships.length && missing === 0
          ? 'same roles and memberships'
          : `DIFFERENT: raw ${r.roles.length} roles / ${r.memberships.length} memberships, ${missing} edges not in raw`,
    };
  },
});

// --- b. object ACLs ------------------------------------------------------------------------------------------------

interface Grants {
  grants: { isPublic: boolean; grantee: { name: string } | null; privileges: string[]; grantable: string[] }[];
}
interface AclData {
  schemas: (Grants & { name: string; owner: { name: string }; tables: (Grants & { name: string })[] })[];
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

const objectAcls = (env: ScaleEnv): Comparison => ({
  name: 'b. object ACLs (schemas + tables, owner, grants)',
  graphql: () => catalogQuery<AclData>(env, `schemas { name ${GRANTS} tables { name ${GRANTS} } }`),
  raw: async () => {
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
  describe: (graphql, raw) => {
    const g = graphql as AclData;
    const r = raw as { schemas: unknown[]; tables: unknown[] };
    const tables = g.schemas.flatMap((schema) => schema.tables);
    const schemaGrants = g.schemas.reduce((sum, schema) => sum + schema.grants.length, 0);
    const tableGrants = tables.reduce((sum, table) => sum + table.grants.length, 0);
    return {
      size: `${count(g.schemas.length)} schemas, ${count(tables.length)} tables, ${count(schemaGrants + tableGrants)} grants`,
      same:
        schemaGrants === r.schemas.length && tableGrants === r.tables.length
          ? 'same (object, grantee) grants'
          : `DIFFERENT: raw ${r.schemas.length} schema and ${r.tables.length} table grants`,
    };
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

const effective = (env: ScaleEnv): Comparison => {
  const roles = matrixRoles(env);
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
      return result.nodes;
    },
    raw: async () =>
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
    describe: (graphql, raw) => {
      const g = graphql as Cell[];
      const r = raw as Cell[];
      const key = (cell: Cell) =>
        `${cell.role} ${cell.schema}.${cell.table} ${cell.privileges.join(',')} / ${cell.grantable.join(',')}`;
      const rawKeys = new Set(r.map(key));
      const differing = g.filter((cell) => !rawKeys.has(key(cell)));
      const held = g.reduce((sum, cell) => sum + cell.privileges.length, 0);
      return {
        size: `${count(g.length)} role × table pairs, ${count(held)} privileges held`,
        same:
          g.length === r.length && differing.length === 0
            ? 'same privileges and grant options as PostgreSQL'
            : `DIFFERENT from has_table_privilege in ${differing.length} of ${g.length} pairs, e.g. ${differing
                .slice(0, 2)
                .map(key)
                .join('; ')}`,
      };
    },
  };
};

// --- the benchmark -------------------------------------------------------------------------------------------------

export async function catalogBenchmark(env: ScaleEnv, runs: number, log: (line: string) => void): Promise<Section> {
  const comparisons = [roleGraph(env), objectAcls(env), effective(env)];
  const rows: string[][] = [];
  const checks = [];
  const notes: string[] = [];
  for (const comparison of comparisons) {
    // Warm-up: pools, the server's JIT and PostgreSQL's caches; its results are the ones compared.
    const graphqlResult = await comparison.graphql();
    const rawResult = await comparison.raw();
    const { size, same } = comparison.describe(graphqlResult, rawResult);
    const graphqlMs: number[] = [];
    const rawMs: number[] = [];
    for (let run = 0; run < runs; run++) {
      // Side by side: each run times both, alternating which goes first.
      const order = run % 2 === 0 ? ['graphql', 'raw'] : ['raw', 'graphql'];
      for (const side of order) {
        if (side === 'graphql') graphqlMs.push((await timed(comparison.graphql)).ms);
        else rawMs.push((await timed(comparison.raw)).ms);
      }
    }
    const value = median(graphqlMs) / median(rawMs);
    log(`${comparison.name}: GraphQL ${ms(median(graphqlMs))}, raw ${ms(median(rawMs))}, ${ratio(value)}; ${same}`);
    rows.push([comparison.name, size, ms(median(graphqlMs)), ms(median(rawMs)), ratio(value), same]);
    checks.push(check(comparison.name.split(' (')[0] as string, value, '≤ 1.5×', value <= 1.5));
  }
  notes.push(
    `Catalog generated in ${(env.generateMs / 1000).toFixed(1)} s: ${count(env.counts.roles)} roles, ${count(env.counts.memberships)} memberships, ${count(env.counts.tables)} tables with ${count(env.counts.aclItems)} ACL items.`,
    `Both sides log in as \`${env.owner}\` (LOGIN CREATEROLE, owner of the database and its tables). GraphQL: a POST to a separate Rolecall process (\`server/src/main.ts\`) with an API token, timed until the JSON is parsed; raw: the same information through \`pg\` in the benchmark process, timed until the rows are parsed.`,
  );
  return {
    id: 'catalog',
    title: '1. Catalog reads at scale: GraphQL vs raw SQL',
    method: `Median of ${runs} runs each (after one warm-up), GraphQL and raw SQL alternating in the same run.`,
    header: ['read', 'returned', 'GraphQL', 'raw SQL', 'ratio', 'same data?'],
    rows,
    checks,
    notes,
  };
}
