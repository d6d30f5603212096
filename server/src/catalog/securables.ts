import type { ClientBase } from 'pg';
import { type AclItem, type PackedAclItem, USER_SCHEMAS, unpackItems } from './objects.js';
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
    where: USER_SCHEMAS,
  },
  TYPE: {
    from: 'pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace',
    oid: 't.oid',
    name: 'format_type(t.oid, NULL)',
    owner: 't.typowner',
    acl: 't.typacl',
    defaultKind: 'T',
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
}

/** Every object of one kind, by name. Parameters listed are those with privileges granted (pg_parameter_acl). */
export async function securables(client: ClientBase, kind: OtherKind): Promise<PgSecurable[]> {
  const source = SOURCES[kind];
  const { rows } = await client.query<Row>(
    `SELECT ${source.oid}::int AS oid, ${source.name} AS name, ${source.owner}::int AS owner,
            coalesce((SELECT json_agg(json_build_array(x.grantor::int, x.grantee::int, x.privilege_type, x.is_grantable))
                        FROM aclexplode(coalesce(${source.acl}, acldefault('${source.defaultKind}', ${source.owner}))) x),
                     '[]'::json) AS acl,
            ${source.acl} IS NULL AS acl_is_default
       FROM ${source.from} ${source.where ? `WHERE ${source.where}` : ''}
      ORDER BY 2`,
  );
  return rows.map(({ acl, ...row }) => ({ ...row, kind, acl: unpackItems(acl) }));
}

/** A column of a relation of the user schemas, with its own ACL (none by default: the table's privileges apply). */
export interface PgColumn {
  relid: number;
  attnum: number;
  attname: string;
  /** `schema.relation`, quoted as PostgreSQL would. */
  relation: string;
  acl: AclItem[];
}

export async function columns(client: ClientBase): Promise<PgColumn[]> {
  const { rows } = await client.query<Omit<PgColumn, 'acl'> & { acl: PackedAclItem[] }>(
    `SELECT c.oid::int AS relid, a.attnum::int AS attnum, a.attname, c.oid::regclass::text AS relation,
            coalesce((SELECT json_agg(json_build_array(x.grantor::int, x.grantee::int, x.privilege_type, x.is_grantable))
                        FROM aclexplode(a.attacl) x), '[]'::json) AS acl
       FROM pg_catalog.pg_attribute a
       JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ${USER_SCHEMAS}
      ORDER BY 4, 2`,
  );
  return rows.map(({ acl, ...row }) => ({ ...row, acl: unpackItems(acl) }));
}
