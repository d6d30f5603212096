import { builder } from '../builder.js';
import type { RoleDependencies } from '../catalog/dependencies.js';
import type { Membership, MembershipIndex } from '../catalog/memberships.js';
import { DerivedKey } from '../catalog/reader.js';
import type { PgAuthMember, PgRole } from '../catalog/roles.js';
import { type CatalogShape, DatabaseCatalog } from './catalog.js';
import { asksFor } from './lookahead.js';

/**
 * A role of the server, with the catalog it was read from. The request's one shape per role (rolesOf) has its
 * memberships of each side filled in when first asked (membershipsOf).
 */
export interface RoleShape {
  row: PgRole;
  catalog: CatalogShape;
  memberOf?: MembershipShape[];
  members?: MembershipShape[];
}

/** A membership (catalog/memberships.ts) between two role shapes of one request. */
export interface MembershipShape {
  role: RoleShape;
  member: RoleShape;
  membership: Membership;
}

export const Role = builder.objectRef<RoleShape>('Role');
export const RoleMembership = builder.objectRef<MembershipShape>('RoleMembership');
const MembershipGrant = builder.objectRef<{ grant: PgAuthMember; catalog: CatalogShape }>('MembershipGrant');
const RoleDependency = builder.objectRef<RoleDependencies>('RoleDependency').implement({
  description: 'Where a role owns objects or holds privileges (pg_shdepend): what DROP ROLE has to clean up first.',
  fields: (t) => ({
    database: t.string({ resolve: (dependency) => dependency.datname }),
    owned: t.exposeInt('owned', { description: 'Objects it owns there: DROP ROLE needs them reassigned first.' }),
    privileges: t.exposeInt('privileges', { description: 'Privileges granted to it there: DROP OWNED revokes them.' }),
  }),
});

/**
 * The request's role shapes, one per role and made when first asked for: a search among 10,000 roles shapes the
 * page it returns, and a graph of 10,000 roles asked for 50,000 edges, field by field, gets the same objects for
 * each edge's roles. Handed out synchronously once read (a promise per role's memberOf shows at that size).
 */
export class RoleShapes {
  private readonly shapes = new Map<number, RoleShape>();

  constructor(
    private readonly catalog: CatalogShape,
    private readonly rows: ReadonlyMap<number, PgRole>,
  ) {}

  get(oid: number): RoleShape | undefined {
    let shape = this.shapes.get(oid);
    if (!shape) {
      const row = this.rows.get(oid);
      if (!row) return undefined;
      shape = { row, catalog: this.catalog, memberOf: undefined, members: undefined };
      this.shapes.set(oid, shape);
    }
    return shape;
  }

  /** Every role, in no particular order. */
  all(): RoleShape[] {
    return Array.from(this.rows.keys(), (oid) => this.get(oid) as RoleShape);
  }

  /** The roles whose row passes `test`, shaped. */
  where(test: (row: PgRole) => boolean): RoleShape[] {
    const found: RoleShape[] = [];
    for (const [oid, row] of this.rows) if (test(row)) found.push(this.get(oid) as RoleShape);
    return found;
  }
}

const ROLE_SHAPES = new DerivedKey<RoleShapes>('role shapes');

function then<T, R>(value: T | Promise<T>, next: (value: T) => R): R | Promise<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}

export function rolesOf(catalog: CatalogShape): RoleShapes | Promise<RoleShapes> {
  return catalog.reader.derived(ROLE_SHAPES, async () => new RoleShapes(catalog, await catalog.reader.rolesByOid()));
}

/** The roles of a request, and the server's memberships they are joined by (each side of a role when first asked). */
export interface RolesWithMemberships {
  byOid: RoleShapes;
  index: MembershipIndex;
}

const WITH_MEMBERSHIPS = new DerivedKey<RolesWithMemberships>('role shapes and the membership index');

export function rolesWithMemberships(catalog: CatalogShape): RolesWithMemberships | Promise<RolesWithMemberships> {
  return catalog.reader.derived(WITH_MEMBERSHIPS, async () => {
    const [byOid, index] = await Promise.all([rolesOf(catalog), catalog.reader.membershipIndex()]);
    return { byOid, index };
  });
}

/**
 * A role's memberships on one side, as shapes of its request's roles. A plain function, not a closure per request:
 * V8 keeps its optimised code from one request to the next.
 */
export function membershipsOf(roles: RolesWithMemberships, role: RoleShape, side: Side): MembershipShape[] {
  const known = role[side];
  if (known) return known;
  const found: MembershipShape[] = [];
  const memberships = side === 'members' ? roles.index.membersOf(role.row.oid) : roles.index.groupsOf(role.row.oid);
  for (const membership of memberships) {
    const group = roles.byOid.get(membership.roleid);
    const member = roles.byOid.get(membership.member);
    if (group && member) found.push({ role: group, member, membership });
  }
  role[side] = found;
  return found;
}

export type Side = 'memberOf' | 'members';

export function roleShape(catalog: CatalogShape, oid: number): RoleShape | null | Promise<RoleShape | null> {
  return then(rolesOf(catalog), (roles) => roles.get(oid) ?? null);
}

export function memberships(role: RoleShape, side: Side): MembershipShape[] | Promise<MembershipShape[]> {
  return then(rolesWithMemberships(role.catalog), (roles) => membershipsOf(roles, role, side));
}

Role.implement({
  description: 'A role of the server (roles are cluster-wide), live from pg_roles.',
  fields: (t) => ({
    name: t.string({ resolve: (role) => role.row.rolname }),
    oid: t.int({ resolve: (role) => role.row.oid }),
    isSuperuser: t.boolean({ resolve: (role) => role.row.rolsuper }),
    canLogin: t.boolean({ resolve: (role) => role.row.rolcanlogin }),
    inherit: t.boolean({
      description: 'INHERIT: on 16+ the default for new memberships; on 15 how all its memberships behave.',
      resolve: (role) => role.row.rolinherit,
    }),
    createRole: t.boolean({ resolve: (role) => role.row.rolcreaterole }),
    createDb: t.boolean({ resolve: (role) => role.row.rolcreatedb }),
    replication: t.boolean({ resolve: (role) => role.row.rolreplication }),
    bypassRls: t.boolean({ resolve: (role) => role.row.rolbypassrls }),
    connectionLimit: t.int({ description: '-1 means no limit.', resolve: (role) => role.row.rolconnlimit }),
    validUntil: t.field({ type: 'DateTime', nullable: true, resolve: (role) => role.row.rolvaliduntil }),
    isPredefined: t.boolean({
      description: 'A built-in role such as pg_read_all_data.',
      resolve: (role) => role.row.is_predefined,
    }),
    isConfigured: t.boolean({
      description: 'Rolecall stores a verified password for it, so collaborators can work through it.',
      resolve: async (role, _args, context) =>
        (await context.loaders.configuredRoleNames.load(role.catalog.databaseId)).has(role.row.rolname),
    }),
    dependencies: t.field({
      type: [RoleDependency],
      description:
        'Databases of the server where it owns objects or holds privileges. Asked of many roles (a whole graph), it is read for all of them in one query.',
      resolve: (role) => role.catalog.reader.roleDependencies(role.row.oid),
    }),
    memberOf: t.field({
      type: [RoleMembership],
      description: 'Roles this role is a member of, in no particular order.',
      resolve: (role) => memberships(role, 'memberOf'),
    }),
    members: t.field({
      type: [RoleMembership],
      description: 'Members of this role, in no particular order.',
      resolve: (role) => memberships(role, 'members'),
    }),
  }),
});

RoleMembership.implement({
  description:
    'member is a member of role. On 16+ each grantor has its own grant; the options are combined as PostgreSQL does (any grant that has one).',
  fields: (t) => ({
    role: t.field({ type: Role, resolve: (edge) => edge.role }),
    member: t.field({ type: Role, resolve: (edge) => edge.member }),
    admin: t.boolean({ resolve: (edge) => edge.membership.admin }),
    inherit: t.boolean({ resolve: (edge) => edge.membership.inherit }),
    set: t.boolean({ resolve: (edge) => edge.membership.set }),
    grants: t.field({
      type: [MembershipGrant],
      resolve: ({ membership, role }) =>
        [membership.grant, ...(membership.moreGrants ?? [])].map((grant) => ({ grant, catalog: role.catalog })),
    }),
  }),
});

MembershipGrant.implement({
  description: 'One grant of a membership, by one grantor.',
  fields: (t) => ({
    grantor: t.field({ type: Role, nullable: true, resolve: (edge) => roleShape(edge.catalog, edge.grant.grantor) }),
    admin: t.boolean({ resolve: (edge) => edge.grant.admin_option }),
    inherit: t.boolean({ resolve: (edge) => edge.grant.inherit_option }),
    set: t.boolean({ resolve: (edge) => edge.grant.set_option }),
  }),
});

builder.objectFields(DatabaseCatalog, (t) => ({
  roles: t.field({
    type: [Role],
    description: 'Every role of the server, predefined ones included (marked).',
    // Memberships asked for are read alongside the roles: a large graph's memberOf would otherwise wait for them.
    resolve: (catalog, _args, _context, info) =>
      asksFor(info, ['memberOf', 'members'])
        ? then(rolesWithMemberships(catalog), (roles) => roles.byOid.all())
        : then(rolesOf(catalog), (roles) => roles.all()),
  }),
  role: t.field({
    type: Role,
    nullable: true,
    args: { name: t.arg.string({ required: true }) },
    resolve: async (catalog, { name }) => {
      const row = await catalog.reader.roleByName(name);
      return row ? roleShape(catalog, row.oid) : null;
    },
  }),
}));
