import { builder } from '../builder.js';
import type { RoleDependencies } from '../catalog/dependencies.js';
import { DerivedKey } from '../catalog/reader.js';
import type { PgAuthMember, PgRole } from '../catalog/roles.js';
import { type CatalogShape, DatabaseCatalog } from './catalog.js';
import { asksFor } from './lookahead.js';

/**
 * A role of the server, with the catalog it was read from. The request's one shape per role (rolesOf) has its
 * memberships filled in once the request asks for any (buildMemberships).
 */
export interface RoleShape {
  row: PgRole;
  catalog: CatalogShape;
  memberOf?: MembershipShape[];
  members?: MembershipShape[];
}

export interface MembershipShape {
  role: RoleShape;
  member: RoleShape;
  /** The first grant, and any by other grantors (rare: an array each would be 50,000 arrays in a large graph). */
  grant: PgAuthMember;
  moreGrants: PgAuthMember[] | undefined;
  /** The options any of the grants confers, as PostgreSQL combines them. */
  admin: boolean;
  inherit: boolean;
  set: boolean;
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
 * Role and membership shapes, built once per request (kept by its catalog reader): a graph of 10,000 roles is asked
 * for 50,000 edges, field by field, and each edge's roles are the same objects. Once built they are handed out
 * synchronously (a promise per role's memberOf shows at that size).
 */
type Roles = Map<number, RoleShape>;
const ROLE_SHAPES = new DerivedKey<Roles>('role shapes');
const WITH_MEMBERSHIPS = new DerivedKey<Roles>('role shapes with their memberships');

function then<T, R>(value: T | Promise<T>, next: (value: T) => R): R | Promise<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}

export function rolesOf(catalog: CatalogShape): Roles | Promise<Roles> {
  return catalog.reader.derived(
    ROLE_SHAPES,
    async () =>
      new Map(
        (await catalog.reader.roles()).map((row) => [
          row.oid,
          { row, catalog, memberOf: undefined, members: undefined },
        ]),
      ),
  );
}

function append<T>(list: T[] | undefined, item: T): T[] {
  if (!list) return [item];
  list.push(item);
  return list;
}

/**
 * Each membership (role, member) once, with every grantor's grant, combined as PostgreSQL combines them, listed on
 * both its roles. A plain function, not a closure per request: V8 keeps its optimised code from one request to the
 * next.
 */
function buildMemberships(roles: Roles, grants: readonly PgAuthMember[]): void {
  // A pair granted by several grantors is one edge; the grants come in no particular order.
  const byPair = new Map<number, Map<number, MembershipShape>>();
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
    const role = roles.get(grant.roleid);
    const member = roles.get(grant.member);
    if (!role || !member) continue;
    const edge: MembershipShape = {
      role,
      member,
      grant,
      moreGrants: undefined,
      admin: grant.admin_option,
      inherit: grant.inherit_option,
      set: grant.set_option,
    };
    ofRole.set(grant.member, edge);
    role.members = append(role.members, edge);
    member.memberOf = append(member.memberOf, edge);
  }
}

/** The roles with their memberships filled in. */
export function rolesWithMemberships(catalog: CatalogShape): Roles | Promise<Roles> {
  return catalog.reader.derived(WITH_MEMBERSHIPS, async () => {
    const [roles, grants] = await Promise.all([rolesOf(catalog), catalog.reader.memberships()]);
    buildMemberships(roles, grants);
    return roles;
  });
}

export function roleShape(catalog: CatalogShape, oid: number): RoleShape | null | Promise<RoleShape | null> {
  return then(rolesOf(catalog), (roles) => roles.get(oid) ?? null);
}

export function memberships(
  role: RoleShape,
  side: 'memberOf' | 'members',
): MembershipShape[] | Promise<MembershipShape[]> {
  return then(rolesWithMemberships(role.catalog), (roles) => roles.get(role.row.oid)?.[side] ?? []);
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
    admin: t.exposeBoolean('admin'),
    inherit: t.exposeBoolean('inherit'),
    set: t.exposeBoolean('set'),
    grants: t.field({
      type: [MembershipGrant],
      resolve: (edge) =>
        [edge.grant, ...(edge.moreGrants ?? [])].map((grant) => ({ grant, catalog: edge.role.catalog })),
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
      then(asksFor(info, ['memberOf', 'members']) ? rolesWithMemberships(catalog) : rolesOf(catalog), (roles) => [
        ...roles.values(),
      ]),
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
