import type { EffectivePrivilege, Source } from '../catalog/effective.js';
import type { PgRole } from '../catalog/roles.js';
import type { ObjectLabel } from './objects.js';

/**
 * Who a report's rows are of: a role, or PUBLIC — the privileges every role holds through PUBLIC alone, named PUBLIC
 * and told apart by `isPublic` (a role may be named "PUBLIC" too).
 */
export interface Holder {
  role: string;
  collaborators: string[];
  isPublic: boolean;
}

export const EVERY_ROLE: Holder = Object.freeze({ role: 'PUBLIC', collaborators: [], isPublic: true });

/** One reason a role holds a privilege: the kind of source, the chain of roles to it, who granted it. */
export interface AccessPath {
  source: Source['kind'];
  /** From the role to the one holding the grant (or the owner, or the predefined role); empty for PUBLIC and SUPERUSER. */
  roles: string[];
  /** The grant's grantor; null for SUPERUSER, OWNER_GRANT_OPTION and PREDEFINED_ROLE. */
  grantor: string | null;
  grantable: boolean;
}

/** One effective privilege of one role on one object, with every path to it: the one row model of access reviews. */
export interface AccessRow {
  role: string;
  /** The row is PUBLIC's: every role holds it (see Holder). */
  isPublic: boolean;
  /** Usernames of the database's collaborators who work through the role. */
  collaborators: string[];
  object: ObjectLabel;
  privilege: string;
  /** The role may grant it to others (has_*_privilege … WITH GRANT OPTION). */
  grantable: boolean;
  paths: AccessPath[];
}

/** Role names by OID, and each path's names once (the engine hands out one frozen path per role pair). */
export class RoleNames {
  private readonly paths = new WeakMap<readonly number[], string[]>();

  constructor(private readonly byOid: ReadonlyMap<number, PgRole>) {}

  name(oid: number): string {
    return this.byOid.get(oid)?.rolname ?? String(oid);
  }

  path(path: readonly number[]): string[] {
    let names = this.paths.get(path);
    if (!names) {
      names = path.map((oid) => this.name(oid));
      this.paths.set(path, names);
    }
    return names;
  }

  accessPath(source: Source): AccessPath {
    switch (source.kind) {
      case 'SUPERUSER':
        return { source: source.kind, roles: [], grantor: null, grantable: true };
      case 'OWNER_GRANT_OPTION':
        return { source: source.kind, roles: this.path(source.path), grantor: null, grantable: true };
      case 'PREDEFINED_ROLE':
        return { source: source.kind, roles: this.path(source.path), grantor: null, grantable: false };
      case 'PUBLIC':
        return { source: source.kind, roles: [], grantor: this.name(source.grantor), grantable: source.grantable };
      case 'OWNER':
      case 'GRANT':
        return {
          source: source.kind,
          roles: this.path(source.path),
          grantor: this.name(source.grantor),
          grantable: source.grantable,
        };
    }
  }
}

/** Privileges a role holds only because they are granted to PUBLIC: a report shows them once, as PUBLIC's. */
export function onlyThroughPublic(privilege: EffectivePrivilege): boolean {
  return privilege.sources.every((source) => source.kind === 'PUBLIC');
}

/** The rows of what one holder (a role, or PUBLIC) holds on one object, skipping privileges `skip` rules out. */
export function rowsOf(
  { role, collaborators, isPublic }: Holder,
  object: ObjectLabel,
  privileges: readonly EffectivePrivilege[],
  names: RoleNames,
  skip: (privilege: EffectivePrivilege) => boolean = () => false,
): AccessRow[] {
  const rows: AccessRow[] = [];
  for (const privilege of privileges) {
    if (!privilege.held || skip(privilege)) continue;
    rows.push({
      role,
      isPublic,
      collaborators,
      object,
      privilege: privilege.privilege,
      grantable: privilege.grantable,
      paths: privilege.sources.map((source) => names.accessPath(source)),
    });
  }
  return rows;
}

/** The object and the privilege of a row, whoever holds it. */
export function privilegeKey(row: AccessRow): string {
  const { kind, schema, name, column, arguments: args } = row.object;
  return JSON.stringify([kind, schema, name, column, args, row.privilege]);
}

/** What tells two rows apart (the object and the role's privilege on it), for diffs. */
export function rowKey(row: AccessRow): string {
  return JSON.stringify([row.role, row.isPublic, privilegeKey(row)]);
}
