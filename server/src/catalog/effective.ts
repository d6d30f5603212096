import { type AclItem, PUBLIC_OID, type Relkind } from './objects.js';
import { type ObjectKind, privilegesFor } from './privileges.js';
import type { RoleGraph } from './role-graph.js';
import type { ServerFeatures } from './server.js';

export type PrivilegedKind =
  | 'database'
  | 'schema'
  | 'table'
  | 'sequence'
  | 'column'
  | 'function'
  | 'type'
  | 'language'
  | 'foreign_data_wrapper'
  | 'foreign_server'
  | 'large_object'
  | 'tablespace'
  | 'parameter';

/**
 * An object as far as privileges go: its owner and its ACL (defaults already expanded). A column's ACL is its own
 * (attacl); effectiveColumnPrivileges adds its table's.
 */
export interface PrivilegedObject {
  kind: PrivilegedKind;
  owner: number;
  acl: readonly AclItem[];
}

/** Why a role holds a privilege, or may grant it. */
export type Source =
  /** PostgreSQL checks nothing for a superuser: every privilege, with grant option. */
  | { kind: 'SUPERUSER' }
  /**
   * An ACL item granted to the object's owner, whose privileges the role has. The default ACL's items carry no grant
   * option: the owner's grant options are implicit (OWNER_GRANT_OPTION).
   */
  | { kind: 'OWNER'; owner: number; grantor: number; grantable: boolean; path: readonly number[] }
  /** Whoever has the owner's privileges may grant every privilege, even one revoked from the owner itself. */
  | { kind: 'OWNER_GRANT_OPTION'; owner: number; path: readonly number[] }
  /** An ACL item granted to the role, or to a role whose privileges it inherits (`path` leads there). */
  | { kind: 'GRANT'; grantee: number; grantor: number; grantable: boolean; path: readonly number[] }
  | { kind: 'PUBLIC'; grantor: number; grantable: boolean }
  /** pg_read_all_data, pg_write_all_data or pg_maintain, whose privileges the role has. */
  | { kind: 'PREDEFINED_ROLE'; role: number; rolname: string; path: readonly number[] };

export interface EffectivePrivilege {
  privilege: string;
  /** False only when the role holds nothing but the owner's implicit grant option for it. */
  held: boolean;
  grantable: boolean;
  sources: Source[];
}

const OBJECT_KINDS: Record<PrivilegedKind, ObjectKind> = {
  database: 'DATABASE',
  schema: 'SCHEMA',
  table: 'TABLE',
  sequence: 'SEQUENCE',
  column: 'COLUMN',
  function: 'FUNCTION',
  type: 'TYPE',
  language: 'LANGUAGE',
  foreign_data_wrapper: 'FOREIGN_DATA_WRAPPER',
  foreign_server: 'FOREIGN_SERVER',
  large_object: 'LARGE_OBJECT',
  tablespace: 'TABLESPACE',
  parameter: 'PARAMETER',
};

/** The engine's name for a kind of the catalog's vocabulary. */
export function privilegedKind(kind: ObjectKind): PrivilegedKind {
  return kind.toLowerCase() as PrivilegedKind;
}

/** The privileges an object of this kind can carry on this server, in PostgreSQL's order (the allow-list's). */
export function privilegesOf(kind: PrivilegedKind, features: ServerFeatures): readonly string[] {
  return privilegesFor(OBJECT_KINDS[kind], features);
}

export function kindOfRelation(relkind: Relkind): PrivilegedKind {
  return relkind === 'S' ? 'sequence' : 'table';
}

/**
 * The predefined roles that bypass ACLs (aclchk.c): they add the privilege itself, never its grant option, and
 * apply to every relation, sequences included.
 */
export const PREDEFINED: Record<PrivilegedKind, ReadonlyArray<[privilege: string, rolname: string]>> = {
  database: [],
  schema: [
    ['USAGE', 'pg_read_all_data'],
    ['USAGE', 'pg_write_all_data'],
  ],
  table: [
    ['SELECT', 'pg_read_all_data'],
    ['INSERT', 'pg_write_all_data'],
    ['UPDATE', 'pg_write_all_data'],
    ['DELETE', 'pg_write_all_data'],
    ['MAINTAIN', 'pg_maintain'],
  ],
  sequence: [
    ['SELECT', 'pg_read_all_data'],
    ['UPDATE', 'pg_write_all_data'],
  ],
  // A column's come through its table (effectiveColumnPrivileges); the other kinds have none.
  column: [],
  function: [],
  type: [],
  language: [],
  foreign_data_wrapper: [],
  foreign_server: [],
  large_object: [],
  tablespace: [],
  parameter: [],
};

const SUPERUSER: Source = Object.freeze({ kind: 'SUPERUSER' });

/** What `roleOid` may do with `object`, and every reason why, as PostgreSQL's `has_*_privilege` decide it. */
export function effectivePrivileges(
  graph: RoleGraph,
  roleOid: number,
  object: PrivilegedObject,
  features: ServerFeatures,
): EffectivePrivilege[] {
  const privileges = privilegesOf(object.kind, features);
  const found: Source[][] = privileges.map(() => []);
  const add = (privilege: string, source: Source) => found[privileges.indexOf(privilege)]?.push(source);

  if (graph.isSuperuser(roleOid)) for (const privilege of privileges) add(privilege, SUPERUSER);
  for (const item of object.acl) {
    const source = aclSource(graph, roleOid, object.owner, item);
    if (source) add(item.privilege_type, source);
  }
  const ownerPath = graph.inheritPath(roleOid, object.owner);
  if (ownerPath) {
    const ownerGrantOption: Source = { kind: 'OWNER_GRANT_OPTION', owner: object.owner, path: ownerPath };
    for (const privilege of privileges) add(privilege, ownerGrantOption);
  }
  for (const [privilege, rolname] of PREDEFINED[object.kind]) {
    const source = predefinedSource(graph, roleOid, rolname);
    if (source) add(privilege, source);
  }

  const result: EffectivePrivilege[] = [];
  privileges.forEach((privilege, i) => {
    const sources = unique(found[i] ?? []);
    const held = sources.some((source) => source.kind !== 'OWNER_GRANT_OPTION');
    const grantable = sources.some(confersGrantOption);
    if (held || grantable) result.push({ privilege, held, grantable, sources });
  });
  return result;
}

/**
 * A column's privileges: its table's (SELECT, INSERT, UPDATE, REFERENCES, however held) and those granted on the
 * column itself, as `has_column_privilege` combines them. `column.acl` is the column's own ACL only.
 */
export function effectiveColumnPrivileges(
  graph: RoleGraph,
  roleOid: number,
  table: PrivilegedObject,
  column: Pick<PrivilegedObject, 'acl'>,
  features: ServerFeatures,
): EffectivePrivilege[] {
  const privileges = privilegesOf('column', features);
  const fromTable = new Map(
    effectivePrivileges(graph, roleOid, table, features).map((found) => [found.privilege, found]),
  );
  const own = effectivePrivileges(graph, roleOid, { kind: 'column', owner: table.owner, acl: column.acl }, features);
  const fromColumn = new Map(own.map((found) => [found.privilege, found]));
  const result: EffectivePrivilege[] = [];
  for (const privilege of privileges) {
    const [a, b] = [fromTable.get(privilege), fromColumn.get(privilege)];
    if (!a && !b) continue;
    const sources = unique([...(a?.sources ?? []), ...(b?.sources ?? [])]);
    result.push({
      privilege,
      held: Boolean(a?.held || b?.held),
      grantable: Boolean(a?.grantable || b?.grantable),
      sources,
    });
  }
  return result;
}

function aclSource(graph: RoleGraph, roleOid: number, owner: number, item: AclItem): Source | null {
  const { grantor, grantee, is_grantable: grantable } = item;
  if (grantee === PUBLIC_OID) return { kind: 'PUBLIC', grantor, grantable };
  const path = graph.inheritPath(roleOid, grantee);
  if (!path) return null;
  return grantee === owner
    ? { kind: 'OWNER', owner, grantor, grantable, path }
    : { kind: 'GRANT', grantee, grantor, grantable, path };
}

function predefinedSource(graph: RoleGraph, roleOid: number, rolname: string): Source | null {
  const role = graph.roleNamed(rolname);
  const path = role?.is_predefined ? graph.inheritPath(roleOid, role.oid) : null;
  return role && path ? { kind: 'PREDEFINED_ROLE', role: role.oid, rolname, path } : null;
}

function confersGrantOption(source: Source): boolean {
  switch (source.kind) {
    case 'SUPERUSER':
    case 'OWNER_GRANT_OPTION':
      return true;
    case 'PREDEFINED_ROLE':
      return false;
    default:
      return source.grantable;
  }
}

/** The path follows from the role reached, so it need not be part of the identity of a source. */
function sourceKey(source: Source): string {
  switch (source.kind) {
    case 'SUPERUSER':
      return source.kind;
    case 'OWNER_GRANT_OPTION':
      return `${source.kind} ${source.owner}`;
    case 'PREDEFINED_ROLE':
      return `${source.kind} ${source.role}`;
    case 'PUBLIC':
      return `${source.kind} ${source.grantor} ${source.grantable}`;
    case 'OWNER':
      return `${source.kind} ${source.owner} ${source.grantor} ${source.grantable}`;
    case 'GRANT':
      return `${source.kind} ${source.grantee} ${source.grantor} ${source.grantable}`;
  }
}

function unique(sources: Source[]): Source[] {
  if (sources.length < 2) return sources;
  const seen = new Set<string>();
  return sources.filter((source) => {
    const key = sourceKey(source);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** An object of any kind as the API names it: a column comes with its table's owner and ACL. */
export interface AnyObject {
  kind: ObjectKind;
  owner: number;
  acl: readonly AclItem[];
  table?: { owner: number; acl: readonly AclItem[] };
}

/** effectivePrivileges for any kind, a column's combined with its table's as has_column_privilege does. */
export function effectivePrivilegesOn(
  graph: RoleGraph,
  roleOid: number,
  object: AnyObject,
  features: ServerFeatures,
): EffectivePrivilege[] {
  if (object.kind === 'COLUMN' && object.table) {
    const table = { kind: 'table' as const, owner: object.table.owner, acl: object.table.acl };
    return effectiveColumnPrivileges(graph, roleOid, table, { acl: object.acl }, features);
  }
  return effectivePrivileges(
    graph,
    roleOid,
    { kind: privilegedKind(object.kind), owner: object.owner, acl: object.acl },
    features,
  );
}
