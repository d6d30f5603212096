import type { PgAuthMember, PgRole } from './roles.js';

export interface RoleGraphOptions {
  /** `datdba` of the connected database: PostgreSQL makes it an implicit member of `pg_database_owner`. */
  databaseOwner?: number;
  /** PostgreSQL 16+ (`ServerFeatures.membershipOptions`); on 15 the implicit membership follows the owner's rolinherit. */
  membershipOptions?: boolean;
}

/** What `member` may do with `roleid`, over all the grantors of that membership. */
interface Edge {
  roleid: number;
  inherit_option: boolean;
  set_option: boolean;
  admin_option: boolean;
}

/** The three walks of PostgreSQL's `roles_is_member_of`: which edges each one follows. */
type Walk = 'privs' | 'members' | 'setrole';

const FOLLOWS: Record<Walk, (edge: Edge) => boolean> = {
  privs: (edge) => edge.inherit_option,
  members: () => true,
  setrole: (edge) => edge.set_option,
};

/** Every role a member reaches, mapped to the role it was first reached from (breadth first, so paths are shortest). */
type Closure = Map<number, number>;

/**
 * The roles and memberships of one server indexed for walking: built once per snapshot of them (RoleSnapshot) and
 * shared by every request's RoleGraph.
 */
export class RoleGraphIndex {
  readonly rolesByOid = new Map<number, PgRole>();
  readonly rolesByName = new Map<string, PgRole>();
  /** Each member's memberships, one per role whatever the grantors, with the options any of them confers. */
  readonly edgesByMember = new Map<number, Edge[]>();

  constructor(roles: readonly PgRole[], memberships: readonly PgAuthMember[]) {
    for (const role of roles) {
      this.rolesByOid.set(role.oid, role);
      this.rolesByName.set(role.rolname, role);
    }
    for (const membership of memberships) this.addEdge(membership);
  }

  private addEdge(membership: PgAuthMember): void {
    const edges = this.edgesByMember.get(membership.member) ?? [];
    const existing = edges.find((edge) => edge.roleid === membership.roleid);
    if (existing) {
      // Since PostgreSQL 16 one membership may be granted by several grantors, each with its own options.
      existing.inherit_option ||= membership.inherit_option;
      existing.set_option ||= membership.set_option;
      existing.admin_option ||= membership.admin_option;
    } else {
      edges.push({
        roleid: membership.roleid,
        inherit_option: membership.inherit_option,
        set_option: membership.set_option,
        admin_option: membership.admin_option,
      });
      this.edgesByMember.set(membership.member, edges);
    }
  }
}

/**
 * The role membership graph of one server, seen from one database, answering PostgreSQL's membership questions
 * (`has_privs_of_role`, `is_member_of_role`, `member_can_set_role`, `is_admin_of_role`). Closures are computed
 * per member on first use and kept, so asking about many objects for a few roles stays cheap.
 */
export class RoleGraph {
  private readonly rolesByOid: Map<number, PgRole>;
  private readonly rolesByName: Map<string, PgRole>;
  private readonly edgesByMember: ReadonlyMap<number, readonly Edge[]>;
  private readonly databaseOwner: { owner: number; edges: readonly Edge[] } | null;
  private readonly closures: Record<Walk, Map<number, Closure>> = {
    privs: new Map(),
    members: new Map(),
    setrole: new Map(),
  };
  private readonly adminOf = new Map<number, Set<number>>();
  private readonly paths: Record<Walk, Map<number, Map<number, readonly number[]>>> = {
    privs: new Map(),
    members: new Map(),
    setrole: new Map(),
  };

  /** A graph of its own, index included (a caller without a shared snapshot: tests, one-off checks). */
  static of(roles: readonly PgRole[], memberships: readonly PgAuthMember[], options: RoleGraphOptions = {}): RoleGraph {
    return new RoleGraph(new RoleGraphIndex(roles, memberships), options);
  }

  constructor(index: RoleGraphIndex, options: RoleGraphOptions = {}) {
    this.rolesByOid = index.rolesByOid;
    this.rolesByName = index.rolesByName;
    this.edgesByMember = index.edgesByMember;
    this.databaseOwner = this.databaseOwnerEdges(index.edgesByMember, options);
  }

  role(oid: number): PgRole | undefined {
    return this.rolesByOid.get(oid);
  }

  roleNamed(rolname: string): PgRole | undefined {
    return this.rolesByName.get(rolname);
  }

  isSuperuser(oid: number): boolean {
    return this.rolesByOid.get(oid)?.rolsuper === true;
  }

  /** `has_privs_of_role`: `member` uses the privileges of `role` without SET ROLE. */
  hasPrivsOf(member: number, role: number): boolean {
    return member === role || this.isSuperuser(member) || this.closure('privs', member).has(role);
  }

  /** `is_member_of_role`: through any membership, inheriting or not. */
  isMemberOf(member: number, role: number): boolean {
    return member === role || this.isSuperuser(member) || this.closure('members', member).has(role);
  }

  /** `member_can_set_role`: a chain of memberships that all carry SET. */
  canSet(member: number, role: number): boolean {
    return member === role || this.isSuperuser(member) || this.closure('setrole', member).has(role);
  }

  /** `is_admin_of_role`: ADMIN OPTION on `role` held by `member` or by any role it is a member of. */
  isAdminOf(member: number, role: number): boolean {
    if (this.isSuperuser(member)) return true;
    // PostgreSQL's policy (15 included): no role holds ADMIN OPTION on itself, not even the session user.
    if (member === role) return false;
    return this.adminRoles(member).has(role);
  }

  /**
   * PostgreSQL 16+ `select_best_admin`: `member`, or a role whose privileges it inherits, holds ADMIN OPTION on `role`.
   * GRANT and REVOKE of `role` need such a grantor; ADMIN OPTION reached only through a membership without INHERIT
   * passes `is_admin_of_role` and still fails with "no possible grantors".
   */
  hasInheritedAdminOf(member: number, role: number): boolean {
    if (this.isSuperuser(member)) return true;
    if (member === role) return false;
    for (const held of this.closure('privs', member).keys()) {
      if (this.edgesOf(held)?.some((edge) => edge.admin_option && edge.roleid === role)) return true;
    }
    return false;
  }

  /**
   * The shortest chain `[member, …, role]` of inheriting memberships that gives `member` the privileges of `role`;
   * `[member]` when they are the same role, null when there is none (a superuser needs none, and gets none).
   */
  inheritPath(member: number, role: number): readonly number[] | null {
    return this.path('privs', member, role);
  }

  /** Every role whose privileges `member` has through inheriting memberships, itself first (no superuser shortcut). */
  inheritedRoles(member: number): Iterable<number> {
    return this.closure('privs', member).keys();
  }

  /** The shortest chain of memberships of any kind from `member` to `role`, or null. */
  memberPath(member: number, role: number): readonly number[] | null {
    return this.path('members', member, role);
  }

  /** The database owner's implicit membership of `pg_database_owner`, kept beside the shared index, never in it. */
  private databaseOwnerEdges(
    edges: Map<number, Edge[]>,
    { databaseOwner, membershipOptions = true }: RoleGraphOptions,
  ): { owner: number; edges: Edge[] } | null {
    const databaseOwnerRole = this.rolesByName.get('pg_database_owner');
    if (databaseOwner === undefined || !databaseOwnerRole?.is_predefined) return null;
    // PostgreSQL 15 skips every membership of a NOINHERIT role for privileges, this implicit one included.
    const inherit = membershipOptions || this.rolesByOid.get(databaseOwner)?.rolinherit !== false;
    const implicit: Edge = {
      roleid: databaseOwnerRole.oid,
      inherit_option: inherit,
      set_option: true,
      admin_option: false,
    };
    return { owner: databaseOwner, edges: [...(edges.get(databaseOwner) ?? []), implicit] };
  }

  private edgesOf(member: number): readonly Edge[] | undefined {
    if (member === this.databaseOwner?.owner) return this.databaseOwner.edges;
    return this.edgesByMember.get(member);
  }

  private closure(walk: Walk, member: number): Closure {
    const cached = this.closures[walk].get(member);
    if (cached) return cached;
    const reached: Closure = new Map([[member, member]]);
    const queue = [member];
    for (let next = 0; next < queue.length; next++) {
      const from = queue[next] as number;
      for (const edge of this.edgesOf(from) ?? []) {
        if (!FOLLOWS[walk](edge) || reached.has(edge.roleid)) continue;
        reached.set(edge.roleid, from);
        queue.push(edge.roleid);
      }
    }
    this.closures[walk].set(member, reached);
    return reached;
  }

  private path(walk: Walk, member: number, role: number): readonly number[] | null {
    let cache = this.paths[walk].get(member);
    if (!cache) {
      cache = new Map();
      this.paths[walk].set(member, cache);
    }
    const known = cache.get(role);
    if (known) return known;
    const path = this.tracePath(this.closure(walk, member), member, role);
    // No path is found at once in the closure: kept, a graph shared for long would hold a pair per role asked about.
    if (path) cache.set(role, path);
    return path;
  }

  private tracePath(reached: Closure, member: number, role: number): readonly number[] | null {
    if (!reached.has(role)) return null;
    const path = [role];
    for (let current = role; current !== member; ) {
      current = reached.get(current) as number;
      path.push(current);
    }
    return Object.freeze(path.reverse());
  }

  private adminRoles(member: number): Set<number> {
    const cached = this.adminOf.get(member);
    if (cached) return cached;
    const administered = new Set<number>();
    for (const role of this.closure('members', member).keys()) {
      for (const edge of this.edgesOf(role) ?? []) {
        if (edge.admin_option) administered.add(edge.roleid);
      }
    }
    this.adminOf.set(member, administered);
    return administered;
  }
}
