import type { PgAuthMember } from '../catalog/roles.js';

/** Each role's members through inheriting memberships, built once per list of memberships (a snapshot's is shared). */
const indexed = new WeakMap<readonly PgAuthMember[], Map<number, number[]>>();

function membersByRole(memberships: readonly PgAuthMember[]): Map<number, number[]> {
  let membersOf = indexed.get(memberships);
  if (!membersOf) {
    membersOf = new Map();
    for (const edge of memberships) {
      if (!edge.inherit_option) continue;
      const members = membersOf.get(edge.roleid);
      if (members) members.push(edge.member);
      else membersOf.set(edge.roleid, [edge.member]);
    }
    indexed.set(memberships, membersOf);
  }
  return membersOf;
}

/**
 * Who inherits from whom, walked the other way: for a grantee or owner, every role that has its privileges through
 * inheriting memberships (itself included). The database owner's implicit membership of pg_database_owner counts.
 * Closures are walked on demand, so a change that touches a few roles never walks the whole graph.
 */
export class ReverseMemberships {
  private readonly membersOf: ReadonlyMap<number, number[]>;

  constructor(
    memberships: readonly PgAuthMember[],
    /** The database owner, an implicit member of pg_database_owner (when that membership inherits). */
    private readonly implicit: { role: number; member: number } | null,
  ) {
    this.membersOf = membersByRole(memberships);
  }

  private membersOfRole(role: number): readonly number[] {
    const members = this.membersOf.get(role) ?? [];
    return this.implicit?.role === role ? [...members, this.implicit.member] : members;
  }

  /** Every role that has the privileges of one of `roles` (they themselves included). */
  inheritors(roles: Iterable<number>, into: Set<number> = new Set()): Set<number> {
    const queue: number[] = [];
    for (const role of roles)
      if (!into.has(role)) {
        into.add(role);
        queue.push(role);
      }
    for (let next = 0; next < queue.length; next++) {
      for (const member of this.membersOfRole(queue[next] as number)) {
        if (into.has(member)) continue;
        into.add(member);
        queue.push(member);
      }
    }
    return into;
  }
}
