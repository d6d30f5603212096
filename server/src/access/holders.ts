import {
  type AnyObject,
  type EffectivePrivilege,
  effectivePrivilegesOn,
  PREDEFINED,
  privilegedKind,
} from '../catalog/effective.js';
import type { MembershipIndex } from '../catalog/memberships.js';
import { PUBLIC_OID } from '../catalog/objects.js';
import type { RoleGraph } from '../catalog/role-graph.js';
import type { PgRole } from '../catalog/roles.js';
import type { ServerFeatures } from '../catalog/server.js';

export interface Holders {
  /** Roles that hold something on the object other than (or besides) through PUBLIC, with all they hold. */
  roles: Map<number, EffectivePrivilege[]>;
  /** What every other role holds there: PUBLIC's privileges alone (empty when nothing is granted to PUBLIC). */
  everyoneElse: EffectivePrivilege[];
}

/**
 * Who holds what on objects, found from the objects' side: only the roles that reach a grantee, the owner or a
 * predefined role (a reverse walk of the memberships) and superusers are asked the engine; the other roles of the
 * server (thousands of them) hold what PUBLIC holds, computed once. The answers are the engine's (effective.ts).
 */
export class HolderIndex {
  /**
   * A role with no membership at all: what it holds on an object is exactly what PUBLIC is granted there, which is
   * what every role outside an object's reverse closure holds.
   */
  static readonly NOBODY = -1;

  private readonly superusers: number[];
  private readonly reached = new Map<number, Set<number>>();

  constructor(
    private readonly graph: RoleGraph,
    private readonly memberships: MembershipIndex,
    roles: readonly PgRole[],
    private readonly features: ServerFeatures,
    /** datdba: an implicit member of pg_database_owner, a membership the catalog does not list. */
    private readonly databaseOwner: number,
  ) {
    this.superusers = roles.filter((role) => role.rolsuper).map((role) => role.oid);
  }

  holders(object: AnyObject): Holders {
    const roles = new Map<number, EffectivePrivilege[]>();
    for (const oid of this.candidates(object)) {
      const privileges = effectivePrivilegesOn(this.graph, oid, object, this.features);
      if (privileges.some((privilege) => privilege.held)) roles.set(oid, privileges);
    }
    const everyoneElse = hasPublicItem(object)
      ? effectivePrivilegesOn(this.graph, HolderIndex.NOBODY, object, this.features)
      : [];
    return { roles, everyoneElse };
  }

  /** What one role holds there. */
  privilegesOf(holders: Holders, roleOid: number): EffectivePrivilege[] {
    return holders.roles.get(roleOid) ?? holders.everyoneElse;
  }

  /** Every role that may hold something there beyond PUBLIC's: a superset, the engine decides. */
  private candidates(object: AnyObject): Set<number> {
    const targets = new Set<number>([object.owner]);
    if (object.table) targets.add(object.table.owner);
    for (const item of [...object.acl, ...(object.table?.acl ?? [])]) {
      if (item.grantee !== PUBLIC_OID) targets.add(item.grantee);
    }
    // A column's come through its table.
    for (const [, rolname] of PREDEFINED[object.table ? 'table' : privilegedKind(object.kind)]) {
      const role = this.graph.roleNamed(rolname);
      if (role?.is_predefined) targets.add(role.oid);
    }
    const found = new Set<number>(this.superusers);
    for (const target of targets) for (const member of this.membersReaching(target)) found.add(member);
    return found;
  }

  /** The role and every role that is a member of it, directly or not, through memberships of any kind. */
  private membersReaching(role: number): Set<number> {
    const cached = this.reached.get(role);
    if (cached) return cached;
    const reached = new Set<number>([role]);
    const queue = [role];
    for (let next = 0; next < queue.length; next++) {
      const current = queue[next] as number;
      const members = this.memberships.membersOf(current).map((membership) => membership.member);
      if (this.graph.role(current)?.rolname === 'pg_database_owner') members.push(this.databaseOwner);
      for (const member of members) {
        if (reached.has(member)) continue;
        reached.add(member);
        queue.push(member);
      }
    }
    this.reached.set(role, reached);
    return reached;
  }
}

function hasPublicItem(object: AnyObject): boolean {
  return [...object.acl, ...(object.table?.acl ?? [])].some((item) => item.grantee === PUBLIC_OID);
}
