import type { PgAuthMember } from './roles.js';

/** `member` is a member of `roleid`: every grantor's grant of it, with the options any of them confers. */
export interface Membership {
  roleid: number;
  member: number;
  /** The first grant, and any by other grantors (rare: an array each would be 50,000 arrays in a large graph). */
  grant: PgAuthMember;
  moreGrants: PgAuthMember[] | undefined;
  admin: boolean;
  inherit: boolean;
  set: boolean;
}

function append<T>(list: T[] | undefined, item: T): T[] {
  if (!list) return [item];
  list.push(item);
  return list;
}

const NONE: readonly Membership[] = Object.freeze([]);

/**
 * Each membership (role, member) once, listed under both its roles: the members of a group and the groups of a
 * member without a walk over every grant. Built once per snapshot of the server's roles (RoleSnapshot).
 */
export class MembershipIndex {
  private readonly byRole = new Map<number, Membership[]>();
  private readonly byMember = new Map<number, Membership[]>();

  constructor(grants: readonly PgAuthMember[]) {
    // A pair granted by several grantors is one membership; the grants come in no particular order.
    const byPair = new Map<number, Map<number, Membership>>();
    for (const grant of grants) {
      let ofRole = byPair.get(grant.roleid);
      if (!ofRole) {
        ofRole = new Map();
        byPair.set(grant.roleid, ofRole);
      }
      const known = ofRole.get(grant.member);
      if (known) {
        known.moreGrants = append(known.moreGrants, grant);
        known.admin ||= grant.admin_option;
        known.inherit ||= grant.inherit_option;
        known.set ||= grant.set_option;
        continue;
      }
      const membership: Membership = {
        roleid: grant.roleid,
        member: grant.member,
        grant,
        moreGrants: undefined,
        admin: grant.admin_option,
        inherit: grant.inherit_option,
        set: grant.set_option,
      };
      ofRole.set(grant.member, membership);
      this.byRole.set(grant.roleid, append(this.byRole.get(grant.roleid), membership));
      this.byMember.set(grant.member, append(this.byMember.get(grant.member), membership));
    }
  }

  /** The memberships whose role is `roleOid`: its members. */
  membersOf(roleOid: number): readonly Membership[] {
    return this.byRole.get(roleOid) ?? NONE;
  }

  /** The memberships whose member is `memberOid`: the roles it belongs to. */
  groupsOf(memberOid: number): readonly Membership[] {
    return this.byMember.get(memberOid) ?? NONE;
  }
}
