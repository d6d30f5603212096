import type { ClientBase } from 'pg';
import type { AclLocation, OtherKind } from '../catalog/securables.js';
import { observeCatalog } from '../events/effects.js';
import type { ObjectState } from '../events/payloads.js';

/** The kinds pg_shdepend names by their catalog, as an AclLocation's kind. */
const OTHER_CATALOGS: Record<string, OtherKind> = {
  pg_proc: 'FUNCTION',
  pg_type: 'TYPE',
  pg_language: 'LANGUAGE',
  pg_foreign_data_wrapper: 'FOREIGN_DATA_WRAPPER',
  pg_foreign_server: 'FOREIGN_SERVER',
  pg_largeobject: 'LARGE_OBJECT',
  pg_tablespace: 'TABLESPACE',
  pg_parameter_acl: 'PARAMETER',
};

interface Dependent {
  catalog: string;
  oid: number;
  attnum: number;
  /** A schema's name, a parameter's. */
  name: string | null;
}

/**
 * What the roles own or are granted in this database (and of the server: tablespaces, parameters), from pg_shdepend
 * as REASSIGN OWNED and DROP OWNED find it: one indexed lookup, however many objects the database has. Built-in
 * roles are pinned and recorded nowhere: the schemas they own are looked up by owner.
 */
const DEPENDENTS = `
  SELECT c.relname AS catalog, d.objid::int AS oid, d.objsubid AS attnum,
         CASE WHEN c.relname = 'pg_namespace' THEN (SELECT n.nspname FROM pg_catalog.pg_namespace n WHERE n.oid = d.objid)
              WHEN c.relname = 'pg_parameter_acl' THEN (SELECT a.parname FROM pg_catalog.pg_parameter_acl a WHERE a.oid = d.objid)
         END AS name
    FROM pg_catalog.pg_shdepend d JOIN pg_catalog.pg_class c ON c.oid = d.classid
   WHERE d.refclassid = 'pg_catalog.pg_authid'::regclass AND d.refobjid = ANY($1::oid[]) AND d.deptype IN ('o', 'a')
     AND (d.dbid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database()) OR d.dbid = 0)
  UNION
  SELECT 'pg_namespace', n.oid::int, 0, n.nspname FROM pg_catalog.pg_namespace n
   WHERE n.nspowner = ANY($1::oid[]) AND n.nspowner < 16384`;

/** The owner and ACL of everything the roles own or are granted (read inside the change's transaction). */
export async function objectsOfRoles(
  client: ClientBase,
  roles: readonly number[],
  database: string,
): Promise<ObjectState[]> {
  if (roles.length === 0) return [];
  const { rows } = await client.query<Dependent>(DEPENDENTS, [roles]);
  let databases = false;
  const [schemas, relations, securables]: [string[], number[], AclLocation[]] = [[], [], []];
  for (const row of rows) {
    if (row.catalog === 'pg_database') databases = true;
    else if (row.catalog === 'pg_namespace' && row.name) schemas.push(row.name);
    else if (row.catalog === 'pg_class' && row.attnum === 0) relations.push(row.oid);
    else if (row.catalog === 'pg_class') securables.push({ catalog: 'column', oid: row.oid, attnum: row.attnum });
    else {
      const kind = OTHER_CATALOGS[row.catalog];
      if (kind) securables.push({ catalog: 'other', kind, oid: row.oid, name: row.name ?? '' });
    }
  }
  const state = await observeCatalog(client, { databases, schemas, relations, securables }, database);
  return [
    ...(state.objects ?? []),
    ...(state.databases ?? []).filter((found) => found.label === database),
    ...(state.serverWide ?? []),
  ];
}

/** How many objects of this database (and of the server) the roles own or are granted something on. */
export async function objectCountOfRoles(client: ClientBase, roles: readonly number[]): Promise<number> {
  if (roles.length === 0) return 0;
  const { rows } = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM (${DEPENDENTS}) d`, [
    roles,
  ]);
  return rows[0]?.count ?? 0;
}

/** Every object of the database (a role that becomes, or stops being, a superuser gains or loses them all). */
export async function everyObject(client: ClientBase, database: string): Promise<ObjectState[]> {
  const state = await observeCatalog(client, { everything: true, databases: true }, database);
  return [
    ...(state.objects ?? []),
    ...(state.databases ?? []).filter((found) => found.label === database),
    ...(state.serverWide ?? []),
  ];
}

/** The relations (owner and ACL) a column's privileges combine with. */
export async function relationsByOid(
  client: ClientBase,
  oids: readonly number[],
  database: string,
): Promise<ObjectState[]> {
  if (oids.length === 0) return [];
  const state = await observeCatalog(client, { relations: oids }, database);
  return (state.objects ?? []).filter((found) => found.objectKind === 'TABLE' || found.objectKind === 'SEQUENCE');
}
