import type { ClientBase } from 'pg';
import { type AclItem, aclOf, type NamedAclItem, type PackedAclItem, USER_SCHEMAS, unpackItems } from './objects.js';
import type { ObjectKind } from './privileges.js';

/** The kinds read here: every kind with an ACL of its own but databases, schemas and relations (objects.ts). */
export type OtherKind = Extract<
  ObjectKind,
  | 'FUNCTION'
  | 'TYPE'
  | 'LANGUAGE'
  | 'FOREIGN_DATA_WRAPPER'
  | 'FOREIGN_SERVER'
  | 'LARGE_OBJECT'
  | 'TABLESPACE'
  | 'PARAMETER'
>;

/** An object of one of those kinds: its owner and its ACL, NULL read as the default it means (acldefault). */
export interface PgSecurable {
  kind: OtherKind;
  oid: number;
  /** How PostgreSQL names it: a function with its argument types (regprocedure), a type as format_type writes it. */
  name: string;
  owner: number;
  acl: AclItem[];
  acl_is_default: boolean;
  /** FUNCTION: 'f' function, 'p' procedure, 'a' aggregate, 'w' window; TYPE: 'd' domain, 'c' composite, 'e' enum…. */
  subkind: string | null;
  /** FUNCTION and TYPE: the schema it is in, and its own name (proname, typname) there. */
  schema: string | null;
  bare_name: string;
  /** FUNCTION: its argument types as PostgreSQL writes them (pg_get_function_identity_arguments). */
  arguments: string | null;
}

/** A parameter has no owner: PostgreSQL checks its ACL as if the bootstrap superuser owned it. */
const BOOTSTRAP_SUPERUSER = 10;

interface Source {
  from: string;
  oid: string;
  name: string;
  owner: string;
  acl: string;
  /** acldefault's letter for the kind. */
  defaultKind: string;
  subkind?: string;
  schema?: string;
  bare?: string;
  arguments?: string;
  where?: string;
}

/** Where each kind lives in the catalog. Functions and types: those of the user schemas. */
const SOURCES: Record<OtherKind, Source> = {
  FUNCTION: {
    from: 'pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace',
    oid: 'p.oid',
    name: 'p.oid::regprocedure::text',
    owner: 'p.proowner',
    acl: 'p.proacl',
    defaultKind: 'f',
    subkind: 'p.prokind::text',
    schema: 'n.nspname',
    bare: 'p.proname',
    // The types alone, as regprocedure writes them (identity arguments carry names and modes to_regprocedure rejects).
    arguments: 'pg_catalog.oidvectortypes(p.proargtypes)',
    where: USER_SCHEMAS,
  },
  TYPE: {
    from: 'pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace',
    oid: 't.oid',
    name: 'format_type(t.oid, NULL)',
    owner: 't.typowner',
    acl: 't.typacl',
    defaultKind: 'T',
    subkind: 't.typtype::text',
    schema: 'n.nspname',
    bare: 't.typname',
    // Arrays follow their element type, multiranges their range, a table's row type its table: none takes a GRANT.
    where: `${USER_SCHEMAS} AND t.typtype <> 'm'
            AND NOT (t.typelem <> 0 AND t.typsubscript = 'pg_catalog.array_subscript_handler'::pg_catalog.regproc)
            AND (t.typrelid = 0 OR (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid) = 'c')`,
  },
  LANGUAGE: {
    from: 'pg_catalog.pg_language l',
    oid: 'l.oid',
    name: 'l.lanname',
    owner: 'l.lanowner',
    acl: 'l.lanacl',
    defaultKind: 'l',
  },
  FOREIGN_DATA_WRAPPER: {
    from: 'pg_catalog.pg_foreign_data_wrapper w',
    oid: 'w.oid',
    name: 'w.fdwname',
    owner: 'w.fdwowner',
    acl: 'w.fdwacl',
    defaultKind: 'F',
  },
  FOREIGN_SERVER: {
    from: 'pg_catalog.pg_foreign_server s',
    oid: 's.oid',
    name: 's.srvname',
    owner: 's.srvowner',
    acl: 's.srvacl',
    defaultKind: 'S',
  },
  LARGE_OBJECT: {
    from: 'pg_catalog.pg_largeobject_metadata o',
    oid: 'o.oid',
    name: 'o.oid::text',
    owner: 'o.lomowner',
    acl: 'o.lomacl',
    defaultKind: 'L',
  },
  TABLESPACE: {
    from: 'pg_catalog.pg_tablespace s',
    oid: 's.oid',
    name: 's.spcname',
    owner: 's.spcowner',
    acl: 's.spcacl',
    defaultKind: 't',
  },
  PARAMETER: {
    from: 'pg_catalog.pg_parameter_acl a',
    oid: 'a.oid',
    name: 'a.parname',
    owner: `${BOOTSTRAP_SUPERUSER}::oid`,
    acl: 'a.paracl',
    defaultKind: 'p',
  },
};

/** Every kind read here (parameters took ACLs in PostgreSQL 15, the oldest version Rolecall supports). */
export const OTHER_KINDS = Object.keys(SOURCES) as OtherKind[];

interface Row {
  oid: number;
  name: string;
  owner: number;
  acl: PackedAclItem[];
  acl_is_default: boolean;
  subkind: string | null;
  schema: string | null;
  bare_name: string;
  arguments: string | null;
}

/** Rows of one kind with `where` (and its values) added to the kind's own condition. */
async function readSecurables(
  client: ClientBase,
  kind: OtherKind,
  where: string | null,
  values: unknown[],
  source: Source = SOURCES[kind],
): Promise<PgSecurable[]> {
  const conditions = [source.where, where].filter(Boolean);
  const { rows } = await client.query<Row>(
    `SELECT ${source.oid}::int AS oid, ${source.name} AS name, ${source.owner}::int AS owner,
            coalesce((SELECT json_agg(json_build_array(x.grantor::int, x.grantee::int, x.privilege_type, x.is_grantable))
                        FROM aclexplode(coalesce(${source.acl}, acldefault('${source.defaultKind}', ${source.owner}))) x),
                     '[]'::json) AS acl,
            ${source.acl} IS NULL AS acl_is_default,
            ${source.subkind ?? 'NULL::text'} AS subkind, ${source.schema ?? 'NULL::text'} AS schema,
            ${source.bare ?? source.name} AS bare_name, ${source.arguments ?? 'NULL::text'} AS arguments
       FROM ${source.from} ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
      ORDER BY schema NULLS FIRST, bare_name, name`,
    values,
  );
  return rows.map(({ acl, ...row }) => ({ ...row, kind, acl: unpackItems(acl) }));
}

/** Every object of one kind, by name. Parameters listed are those with privileges granted (pg_parameter_acl). */
export function securables(client: ClientBase, kind: OtherKind): Promise<PgSecurable[]> {
  return readSecurables(client, kind, null, []);
}

/** One object by OID (a large object's is its name), or null when there is none. */
export async function securableByOid(client: ClientBase, kind: OtherKind, oid: number): Promise<PgSecurable | null> {
  return (await readSecurables(client, kind, `${SOURCES[kind].oid} = $1`, [oid]))[0] ?? null;
}

/** How an API names an object of these kinds: functions by schema, name and argument types; types by schema. */
export interface SecurableName {
  schema?: string | null;
  name: string;
  /** FUNCTION: its argument types, as PostgreSQL reads them (`integer, "s p"."my type"`). */
  arguments?: string | null;
}

/**
 * One object by its name, or null. A function is looked up by PostgreSQL itself (to_regprocedure), so `int` and
 * `integer` name the same one; its statements then use the signature PostgreSQL writes back.
 */
export async function securableNamed(
  client: ClientBase,
  kind: OtherKind,
  name: SecurableName,
): Promise<PgSecurable | null> {
  switch (kind) {
    case 'FUNCTION':
      return (await readSecurables(client, kind, 'p.oid = $1::oid', [await routineOid(client, name)]))[0] ?? null;
    case 'TYPE':
      return (
        (await readSecurables(client, kind, 'n.nspname = $1 AND t.typname = $2', [name.schema, name.name]))[0] ?? null
      );
    case 'LARGE_OBJECT':
      return /^[0-9]{1,10}$/.test(name.name) ? securableByOid(client, kind, Number(name.name)) : null;
    case 'PARAMETER':
      return parameterNamed(client, name.name);
    default:
      return (await readSecurables(client, kind, `${SOURCES[kind].name} = $1`, [name.name]))[0] ?? null;
  }
}

/** The routine's OID as text (OIDs pass 2^31 on old clusters), or '0' when PostgreSQL finds none. */
async function routineOid(client: ClientBase, name: SecurableName): Promise<string> {
  try {
    const { rows } = await client.query<{ oid: string | null }>(
      `SELECT to_regprocedure(format('%I.%I(%s)', $1::text, $2::text, $3::text))::oid::text AS oid`,
      [name.schema ?? '', name.name, name.arguments ?? ''],
    );
    return rows[0]?.oid ?? '0';
  } catch (error) {
    // PostgreSQL 15 raises a syntax error (42601) or invalid name (22…, 42…) on an argument list it cannot parse
    // (16+ answers NULL): no such function either way. Anything else is a real failure.
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('42') || code.startsWith('22')) return '0';
    throw error;
  }
}

/**
 * A configuration parameter, with or without privileges granted yet: PostgreSQL keeps a pg_parameter_acl row only
 * while its ACL differs from the default. Names are case-insensitive; a custom one (`ext.name`) may not exist yet.
 */
async function parameterNamed(client: ClientBase, input: string): Promise<PgSecurable | null> {
  const name = input.toLowerCase();
  const known = `(a.oid IS NOT NULL OR p.parname LIKE '%.%'
                  OR EXISTS (SELECT 1 FROM pg_catalog.pg_settings s WHERE lower(s.name) = p.parname))`;
  return (await readSecurables(client, 'PARAMETER', known, [name], ONE_PARAMETER))[0] ?? null;
}

/** A column of a relation of the user schemas, with its own ACL (none by default: the table's privileges apply). */
export interface PgColumn {
  relid: number;
  attnum: number;
  attname: string;
  /** `schema.relation`, quoted as PostgreSQL would. */
  relation: string;
  nspname: string;
  relname: string;
  relowner: number;
  acl: AclItem[];
}

const COLUMN_ROWS = (where: string) => `
    SELECT c.oid::int AS relid, a.attnum::int AS attnum, a.attname, c.oid::regclass::text AS relation,
           n.nspname, c.relname, c.relowner::int AS relowner,
           coalesce((SELECT json_agg(json_build_array(x.grantor::int, x.grantee::int, x.privilege_type, x.is_grantable))
                       FROM aclexplode(a.attacl) x), '[]'::json) AS acl
      FROM pg_catalog.pg_attribute a
      JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ${USER_SCHEMAS}
       AND ${where}`;

async function readColumns(client: ClientBase, where: string, values: unknown[]): Promise<PgColumn[]> {
  const { rows } = await client.query<Omit<PgColumn, 'acl'> & { acl: PackedAclItem[] }>(
    `${COLUMN_ROWS(where)} ORDER BY 4, 2`,
    values,
  );
  return rows.map(({ acl, ...row }) => ({ ...row, acl: unpackItems(acl) }));
}

/** Every column of the user schemas' relations. */
export function columns(client: ClientBase): Promise<PgColumn[]> {
  return readColumns(client, 'true', []);
}

/** The columns of some relations, each relation's in their order. */
export function columnsOf(client: ClientBase, relids: readonly number[]): Promise<PgColumn[]> {
  return readColumns(client, 'c.oid = ANY($1::oid[])', [relids]);
}

/** Columns that carry privileges of their own (the drift watcher compares only those). */
export function columnsWithAcl(client: ClientBase): Promise<PgColumn[]> {
  return readColumns(client, 'a.attacl IS NOT NULL', []);
}

/**
 * The columns with privileges of their own of some relations, or of every relation of some schemas: a REVOKE on a
 * table revokes the same privilege on its columns, and a new owner rewrites their ACLs.
 */
export async function columnStatesOf(
  client: ClientBase,
  relations: readonly number[] | { schemas: readonly string[] },
): Promise<SecurableState[]> {
  const [where, value] = Array.isArray(relations)
    ? ['c.oid = ANY($1::oid[])', relations]
    : ['n.nspname = ANY($1::text[])', (relations as { schemas: readonly string[] }).schemas];
  return (await readColumns(client, `a.attacl IS NOT NULL AND ${where}`, [value])).map(columnState);
}

/** Every parameter the connected role can see (pg_settings, lowercased as ACLs keep names) and every one granted. */
const EVERY_PARAMETER: Source = {
  ...SOURCES.PARAMETER,
  from: `(SELECT lower(name) AS parname FROM pg_catalog.pg_settings
          UNION SELECT parname FROM pg_catalog.pg_parameter_acl) p
         LEFT JOIN pg_catalog.pg_parameter_acl a ON a.parname = p.parname`,
  oid: 'coalesce(a.oid, 0)',
  name: 'p.parname',
};

/** One parameter by name ($1), granted on or not: its default ACL when pg_parameter_acl has no row for it. */
const ONE_PARAMETER: Source = {
  ...EVERY_PARAMETER,
  from: `(SELECT $1::text AS parname) p LEFT JOIN pg_catalog.pg_parameter_acl a ON a.parname = p.parname`,
};

/** Every configuration parameter, with privileges granted or not (securables lists only those with). */
export function everyParameter(client: ClientBase): Promise<PgSecurable[]> {
  return readSecurables(client, 'PARAMETER', null, [], EVERY_PARAMETER);
}

/** Where an object's ACL is read again after a change. */
export type AclLocation =
  | { catalog: 'database' | 'schema' | 'relation'; oid: number }
  | { catalog: 'column'; oid: number; attnum: number }
  | { catalog: 'other'; kind: OtherKind; oid: number; name: string };

const NAMED_ITEMS = `x.grantor::int AS grantor, x.grantee::int AS grantee, x.privilege_type, x.is_grantable,
            grantor.rolname AS grantor_name, grantee.rolname AS grantee_name`;
const NAMED_ROLES = `LEFT JOIN pg_catalog.pg_roles grantor ON grantor.oid = x.grantor
       LEFT JOIN pg_catalog.pg_roles grantee ON grantee.oid = x.grantee`;

/** The current ACL of one object with its roles' names (after a change, to see what really happened). */
export async function aclAt(client: ClientBase, location: AclLocation): Promise<NamedAclItem[]> {
  if (location.catalog === 'column') {
    const { rows } = await client.query<NamedAclItem>(
      `SELECT ${NAMED_ITEMS}
         FROM pg_catalog.pg_attribute o CROSS JOIN LATERAL aclexplode(o.attacl) x ${NAMED_ROLES}
        WHERE o.attrelid = $1 AND o.attnum = $2`,
      [location.oid, location.attnum],
    );
    return rows;
  }
  if (location.catalog !== 'other') return aclOf(client, location.catalog, location.oid);
  const source = location.kind === 'PARAMETER' ? ONE_PARAMETER : SOURCES[location.kind];
  // A parameter's pg_parameter_acl row comes and goes with its grants: it is found by name.
  const [where, value] =
    location.kind === 'PARAMETER' ? ['p.parname = $1', location.name] : [`${source.oid} = $1`, location.oid];
  const { rows } = await client.query<NamedAclItem>(
    `SELECT ${NAMED_ITEMS}
       FROM ${source.from}
       CROSS JOIN LATERAL aclexplode(coalesce(${source.acl}, acldefault('${source.defaultKind}', ${source.owner}))) x
       ${NAMED_ROLES}
      WHERE ${where}`,
    [value],
  );
  return rows;
}

/** An object's owner and ACL as the drift watcher compares them (events/payloads.ts ObjectState). */
export interface SecurableState {
  oid: number;
  objectKind: ObjectKind;
  label: string;
  owner: number;
  acl: AclItem[];
  key: string;
  parent?: number;
}

/** Tablespaces and parameters belong to the server, not to one database. */
export const SERVER_WIDE_KINDS: readonly OtherKind[] = ['TABLESPACE', 'PARAMETER'];

/** The kinds each database has of its own. */
export const DATABASE_KINDS: readonly OtherKind[] = OTHER_KINDS.filter((kind) => !SERVER_WIDE_KINDS.includes(kind));

/** Columns and parameters are listed only while they carry privileges of their own; absent, their ACL is the default. */
export const LISTED_WHILE_GRANTED: readonly ObjectKind[] = ['COLUMN', 'PARAMETER'];

function securableState(found: PgSecurable): SecurableState {
  const id = found.kind === 'PARAMETER' ? found.name : String(found.oid);
  return {
    oid: found.oid,
    objectKind: found.kind,
    label: found.name,
    owner: found.owner,
    acl: found.acl,
    key: `${found.kind}:${id}`,
  };
}

function columnState(column: PgColumn): SecurableState {
  return {
    oid: column.relid,
    objectKind: 'COLUMN',
    label: `${column.nspname}.${column.relname}.${column.attname}`,
    owner: column.relowner,
    acl: column.acl,
    key: `COLUMN:${column.relid}:${column.attnum}`,
    parent: column.relid,
  };
}

/**
 * The owner and ACL of every object of the kinds read here, and of every column with privileges of its own; with
 * `only`, of just those objects (a change's scope).
 */
export async function securableStates(
  client: ClientBase,
  only?: readonly AclLocation[],
  { kinds = OTHER_KINDS, withColumns = true }: { kinds?: readonly OtherKind[]; withColumns?: boolean } = {},
): Promise<SecurableState[]> {
  const states: SecurableState[] = [];
  for (const kind of kinds) {
    const wanted = only?.filter((location) => location.catalog === 'other' && location.kind === kind) ?? null;
    if (wanted?.length === 0) continue;
    const found = wanted
      ? await readSecurables(
          client,
          kind,
          kind === 'PARAMETER' ? 'a.parname = ANY($1::text[])' : `${SOURCES[kind].oid} = ANY($1::oid[])`,
          [wanted.map((location) => (kind === 'PARAMETER' && 'name' in location ? location.name : location.oid))],
        )
      : await securables(client, kind);
    states.push(...found.map(securableState));
  }
  const columnsWanted = withColumns ? (only?.filter((location) => location.catalog === 'column') ?? null) : [];
  if (columnsWanted === null) states.push(...(await columnsWithAcl(client)).map(columnState));
  else if (columnsWanted.length > 0) {
    const found = await readColumns(client, '(c.oid, a.attnum) IN (SELECT * FROM unnest($1::oid[], $2::int[]))', [
      columnsWanted.map((location) => location.oid),
      columnsWanted.map((location) => ('attnum' in location ? location.attnum : 0)),
    ]);
    states.push(...found.filter((column) => column.acl.length > 0).map(columnState));
  }
  return states;
}
