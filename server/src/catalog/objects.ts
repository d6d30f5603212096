import type { ClientBase } from 'pg';
import { type AclItem, decodeAcl } from './acl-text.js';

/** One item of an ACL, as `aclexplode` gives it; grantee 0 is PUBLIC. */
// An ACL's items are defined beside the aclitem text they are decoded from; objects carry them.
export { type AclItem, PUBLIC_OID, sameAcl, sameAclItem } from './acl-text.js';

interface WithAcl {
  /** The ACL, with NULL read as the default it means (`acldefault`). */
  acl: AclItem[];
  /** True when the catalog holds NULL: nobody has changed the privileges yet. */
  acl_is_default: boolean;
  /** The connected role has the owner's privileges (owner, member of the owner, or superuser). */
  viewer_owns: boolean;
  /** Privileges the connected role holds WITH GRANT OPTION, so may grant and revoke. */
  viewer_grant_options: string[];
}

export interface PgDatabase extends WithAcl {
  oid: number;
  datname: string;
  datdba: number;
}

export interface PgNamespace extends WithAcl {
  oid: number;
  nspname: string;
  nspowner: number;
}

/** r table, p partitioned table, v view, m materialized view, f foreign table, S sequence. */
export type Relkind = 'r' | 'p' | 'v' | 'm' | 'f' | 'S';

export interface PgClass extends WithAcl {
  oid: number;
  relnamespace: number;
  nspname: string;
  relname: string;
  relkind: Relkind;
  relowner: number;
}

/**
 * The exploded ACL as JSON arrays `[grantor, grantee, privilege_type, is_grantable]`, turned into AclItems by
 * `unpackAcl`: building and parsing an object per item cost twice as much (5,000 tables carry 130,000 items).
 */
const EXPLODED_ACL = (column: string, kind: string, owner: string) => `
  coalesce((SELECT json_agg(json_build_array(a.grantor::int, a.grantee::int, a.privilege_type, a.is_grantable))
              FROM aclexplode(coalesce(${column}, acldefault(${kind}, ${owner}))) a), '[]'::json) AS acl,
  ${ACL_FACTS(column, owner)}`;

/**
 * The ACL as aclitem text (names, not OIDs) joined with commas, for `decodeAcl`: a fifth of aclexplode's cost in
 * PostgreSQL, and half of a text[]'s in Node.
 */
const ACL_TEXT = (column: string, kind: string, owner: string) => `
  array_to_string(coalesce(${column}, acldefault(${kind}, ${owner}))::text[], ',') AS acl_text,
  ${ACL_FACTS(column, owner)}`;

const ACL_FACTS = (column: string, owner: string) => `${column} IS NULL AS acl_is_default,
  pg_has_role(${owner}, 'USAGE') AS viewer_owns`;

export type PackedAclItem = [grantor: number, grantee: number, privilege_type: string, is_grantable: boolean];
type AclRow<T extends WithAcl> = Omit<T, 'acl'> & { acl?: PackedAclItem[]; acl_text?: string };

/**
 * Role OIDs by name, for reading ACLs as text (awaited only once the rows are in, so the roles may be read at the
 * same time); without them ACLs are exploded in PostgreSQL.
 */
export type RoleOids = Promise<ReadonlyMap<string, number>>;

export function unpackItems(packed: PackedAclItem[]): AclItem[] {
  return packed.map(([grantor, grantee, privilege_type, is_grantable]) => ({
    grantor,
    grantee,
    privilege_type,
    is_grantable,
  }));
}

/**
 * Rows as EXPLODED_ACL or ACL_TEXT return them, their `acl` made AclItems; null when a text ACL names a role not in
 * `roleOids` (created after the roles were read).
 */
function unpackAcl<T extends WithAcl>(rows: AclRow<T>[], roleOids?: ReadonlyMap<string, number>): T[] | null {
  const unpacked: T[] = [];
  for (const { acl, acl_text, ...row } of rows) {
    const items = acl_text === undefined ? unpackItems(acl ?? []) : decodeAcl(acl_text, (name) => roleOids?.get(name));
    if (!items) return null;
    unpacked.push({ ...row, acl: items } as unknown as T);
  }
  return unpacked;
}

/** `check(privilege)` is a has_*_privilege call for one row, asked of the connected role. */
const GRANT_OPTIONS = (check: string) =>
  `ARRAY(SELECT p FROM unnest($1::text[]) p WHERE ${check}) AS viewer_grant_options`;

/** Schemas users work with: not the system ones, not other sessions' temporary ones. */
export const USER_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'`;

export async function currentDatabase(client: ClientBase, privileges: readonly string[]): Promise<PgDatabase> {
  const { rows } = await client.query(
    `SELECT d.oid::int AS oid, d.datname, d.datdba::int AS datdba, ${EXPLODED_ACL('d.datacl', "'d'", 'd.datdba')},
            ${GRANT_OPTIONS("has_database_privilege(d.oid, p || ' WITH GRANT OPTION')")}
       FROM pg_catalog.pg_database d WHERE d.datname = current_database()`,
    [privileges],
  );
  const database = unpackAcl<PgDatabase>(rows)?.[0];
  if (!database) throw new Error('current_database() is not in pg_database');
  return database;
}

type AclRead<T> = (acl: typeof ACL_TEXT) => Promise<T[] | null>;

/**
 * Reads rows with their ACLs: with `roleOids`, as text, unless one names a role created since the roles were read
 * (then all again, exploded); without, exploded at once.
 */
async function readWithAcls<T>(read: AclRead<T>, roleOids: RoleOids | undefined): Promise<T[]> {
  // Awaited after the rows arrive: if those fail first, the roles' failure must not go unhandled meanwhile.
  roleOids?.catch(() => undefined);
  const asText = roleOids ? await read(ACL_TEXT) : null;
  return asText ?? ((await read(EXPLODED_ACL)) as T[]);
}

/** The schemas users work with; with `roleOids`, their ACLs are read as text (cheaper for many rows). */
export async function schemas(
  client: ClientBase,
  privileges: readonly string[],
  roleOids?: RoleOids,
): Promise<PgNamespace[]> {
  return readWithAcls(async (acl) => {
    const { rows } = await client.query(
      `SELECT n.oid::int AS oid, n.nspname, n.nspowner::int AS nspowner, ${acl('n.nspacl', "'n'", 'n.nspowner')},
              ${GRANT_OPTIONS("has_schema_privilege(n.oid, p || ' WITH GRANT OPTION')")}
         FROM pg_catalog.pg_namespace n WHERE ${USER_SCHEMAS} ORDER BY n.nspname`,
      [privileges],
    );
    return unpackAcl<PgNamespace>(rows, await roleOids);
  }, roleOids);
}

/**
 * One relation by name (a mutation names one of maybe thousands), those of a page by OID, or the partitions of a
 * partitioned table (listed nowhere else: they are shown under their parent).
 */
export type OnlyRelations =
  | { schema: string; name: string }
  | { oids: readonly number[] }
  | { partitionsOf: number }
  /** Partitions too, which lists show only under their parent: every relation that carries an ACL. */
  | { withPartitions: true };

const RELATIONS_OF_USER_SCHEMAS = `FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND ${USER_SCHEMAS}`;

function onlyFilter(only: OnlyRelations | undefined): [string, unknown[]] {
  if (!only) return ['AND NOT c.relispartition', []];
  if ('withPartitions' in only) return ['', []];
  if ('partitionsOf' in only)
    return [
      'AND c.oid IN (SELECT i.inhrelid FROM pg_catalog.pg_inherits i WHERE i.inhparent = $3::oid)',
      [only.partitionsOf],
    ];
  if ('oids' in only) return ['AND NOT c.relispartition AND c.oid = ANY($3::oid[])', [only.oids]];
  // A partition too: it may be granted on by name, though it is listed only under its parent.
  return ['AND n.nspname = $3 AND c.relname = $4', [only.schema, only.name]];
}

/** A relation's name and kind only: enough to search, order and page thousands before reading a page's ACLs. */
export type RelationName = Pick<PgClass, 'oid' | 'relnamespace' | 'nspname' | 'relname' | 'relkind'>;

export async function relationNames(client: ClientBase): Promise<RelationName[]> {
  const { rows } = await client.query<RelationName>(
    `SELECT c.oid::int AS oid, c.relnamespace::int AS relnamespace, n.nspname, c.relname, c.relkind::text AS relkind
       ${RELATIONS_OF_USER_SCHEMAS} AND NOT c.relispartition
      ORDER BY n.nspname, c.relname`,
  );
  return rows;
}

/** The OIDs of every relation of one schema, partitions too (GRANT … ON ALL TABLES IN SCHEMA reaches them). */
export async function relationOidsIn(client: ClientBase, schemaOid: number): Promise<number[]> {
  const { rows } = await client.query<{ oid: number }>(
    `SELECT c.oid::int AS oid FROM pg_catalog.pg_class c
      WHERE c.relnamespace = $1::oid AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')`,
    [schemaOid],
  );
  return rows.map((row) => row.oid);
}

/**
 * Tables, views, materialized views, partitioned and foreign tables, and sequences of the user schemas; with `only`,
 * just those. With `roleOids`, ACLs are read as text.
 */
export async function relations(
  client: ClientBase,
  tablePrivileges: readonly string[],
  sequencePrivileges: readonly string[],
  only?: OnlyRelations,
  roleOids?: RoleOids,
): Promise<PgClass[]> {
  const [filter, values] = onlyFilter(only);
  return readWithAcls(async (acl) => {
    const { rows } = await client.query(
      `SELECT c.oid::int AS oid, c.relnamespace::int AS relnamespace, n.nspname, c.relname, c.relkind::text AS relkind,
              c.relowner::int AS relowner,
              ${acl('c.relacl', "CASE WHEN c.relkind = 'S' THEN 's'::\"char\" ELSE 'r'::\"char\" END", 'c.relowner')},
              CASE WHEN c.relkind = 'S'
                THEN ARRAY(SELECT p FROM unnest($2::text[]) p WHERE has_sequence_privilege(c.oid, p || ' WITH GRANT OPTION'))
                ELSE ARRAY(SELECT p FROM unnest($1::text[]) p WHERE has_table_privilege(c.oid, p || ' WITH GRANT OPTION'))
              END AS viewer_grant_options
         ${RELATIONS_OF_USER_SCHEMAS}
          ${filter}
        ORDER BY n.nspname, c.relname`,
      [tablePrivileges, sequencePrivileges, ...values],
    );
    return unpackAcl<PgClass>(rows, await roleOids);
  }, roleOids);
}

const ACL_SOURCES = {
  database: ['pg_catalog.pg_database', 'datacl', 'datdba', "'d'"],
  schema: ['pg_catalog.pg_namespace', 'nspacl', 'nspowner', "'n'"],
  relation: [
    'pg_catalog.pg_class',
    'relacl',
    'relowner',
    "CASE WHEN relkind = 'S' THEN 's'::\"char\" ELSE 'r'::\"char\" END",
  ],
} as const;

/** An ACL item with its roles' names (null for PUBLIC). */
export interface NamedAclItem extends AclItem {
  grantor_name: string | null;
  grantee_name: string | null;
}

/** The current ACL of one object with its roles' names (after a change, to see what really happened). */
export async function aclOf(
  client: ClientBase,
  catalog: keyof typeof ACL_SOURCES,
  oid: number,
): Promise<NamedAclItem[]> {
  const [table, column, owner, kind] = ACL_SOURCES[catalog];
  const { rows } = await client.query<NamedAclItem>(
    `SELECT a.grantor::int AS grantor, a.grantee::int AS grantee, a.privilege_type, a.is_grantable,
            grantor.rolname AS grantor_name, grantee.rolname AS grantee_name
       FROM ${table} o CROSS JOIN LATERAL aclexplode(coalesce(o.${column}, acldefault(${kind}, o.${owner}))) a
       LEFT JOIN pg_catalog.pg_roles grantor ON grantor.oid = a.grantor
       LEFT JOIN pg_catalog.pg_roles grantee ON grantee.oid = a.grantee
      WHERE o.oid = $1`,
    [oid],
  );
  return rows;
}

/** Sequences that feed a table's serial columns: INSERT through their defaults needs USAGE on them. */
export async function serialSequences(
  client: ClientBase,
  tableOid: number,
): Promise<{ nspname: string; relname: string }[]> {
  const { rows } = await client.query<{ nspname: string; relname: string }>(
    `SELECT n.nspname, s.relname
       FROM pg_catalog.pg_depend d
       JOIN pg_catalog.pg_class s ON s.oid = d.objid AND s.relkind = 'S'
       JOIN pg_catalog.pg_namespace n ON n.oid = s.relnamespace
      WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.refclassid = 'pg_catalog.pg_class'::regclass
        AND d.refobjid = $1 AND d.deptype = 'a'
      ORDER BY s.relname`,
    [tableOid],
  );
  return rows;
}
