import { builder } from '../builder.js';
import type { CatalogReader } from '../catalog/reader.js';
import type { PgAuthMember, PgRole } from '../catalog/roles.js';
import { type CatalogShape, DatabaseCatalog } from './catalog.js';

/** A role of the server, with the catalog it was read from (to resolve its memberships). */
export interface RoleShape {
  row: PgRole;
  catalog: CatalogShape;
}

interface MembershipShape {
  role: RoleShape;
  member: RoleShape;
  grants: PgAuthMember[];
  /** The options any of the grants confers, as PostgreSQL combines them. */
  admin: boolean;
  inherit: boolean;
  set: boolean;
  catalog: CatalogShape;
}

export const Role = builder.objectRef<RoleShape>('Role');
const RoleMembership = builder.objectRef<MembershipShape>('RoleMembership');
const MembershipGrant = builder.objectRef<{ grant: PgAuthMember; catalog: CatalogShape }>('MembershipGrant');

/**
 * Role and membership shapes, built once per request: a graph of 10,000 roles is asked for 50,000 edges, field by
 * field, and each edge's roles are the same objects. Once built they are handed out synchronously (a promise per
 * role's memberOf shows at that size).
 */
interface Built<T> {
  promise: Promise<T>;
  value?: T;
}
type Side = 'roleid' | 'member';
const roleShapes = new WeakMap<CatalogReader, Built<Map<number, RoleShape>>>();
const edgeShapes = new WeakMap<CatalogReader, Built<Record<Side, Map<number, MembershipShape[]>>>>();

function once<T>(
  cache: WeakMap<CatalogReader, Built<T>>,
  catalog: CatalogShape,
  build: () => Promise<T>,
): T | Promise<T> {
  let built = cache.get(catalog.reader);
  if (!built) {
    const promise = build();
    const entry: Built<T> = { promise };
    promise.then(
      (value) => {
        entry.value = value;
      },
      () => undefined,
    );
    cache.set(catalog.reader, entry);
    built = entry;
  }
  return built.value ?? built.promise;
}

function then<T, R>(value: T | Promise<T>, next: (value: T) => R): R | Promise<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}

function rolesOf(catalog: CatalogShape): Map<number, RoleShape> | Promise<Map<number, RoleShape>> {
  return once(
    roleShapes,
    catalog,
    async () => new Map((await catalog.reader.roles()).map((row) => [row.oid, { row, catalog }])),
  );
}

/** Each membership (role, member) once, with every grantor's grant, combined as PostgreSQL combines them. */
function edgesOf(
  catalog: CatalogShape,
): Record<Side, Map<number, MembershipShape[]>> | Promise<Record<Side, Map<number, MembershipShape[]>>> {
  return once(edgeShapes, catalog, async () => {
    const [roles, grants] = await Promise.all([rolesOf(catalog), catalog.reader.memberships()]);
    const edges: Record<Side, Map<number, MembershipShape[]>> = { roleid: new Map(), member: new Map() };
    const add = (side: Side, oid: number, edge: MembershipShape) => {
      const list = edges[side].get(oid);
      if (list) list.push(edge);
      else edges[side].set(oid, [edge]);
    };
    let last: MembershipShape | undefined;
    // The grants of one pair come next to each other (allMemberships orders them).
    for (const grant of grants) {
      if (last?.role.row.oid === grant.roleid && last.member.row.oid === grant.member) {
        last.grants.push(grant);
        last.admin ||= grant.admin_option;
        last.inherit ||= grant.inherit_option;
        last.set ||= grant.set_option;
        continue;
      }
      const role = roles.get(grant.roleid);
      const member = roles.get(grant.member);
      if (!role || !member) continue;
      last = {
        role,
        member,
        grants: [grant],
        admin: grant.admin_option,
        inherit: grant.inherit_option,
        set: grant.set_option,
        catalog,
      };
      add('roleid', grant.roleid, last);
      add('member', grant.member, last);
    }
    return edges;
  });
}

export function roleShape(catalog: CatalogShape, oid: number): RoleShape | null | Promise<RoleShape | null> {
  return then(rolesOf(catalog), (roles) => roles.get(oid) ?? null);
}

function memberships(catalog: CatalogShape, side: Side, oid: number): MembershipShape[] | Promise<MembershipShape[]> {
  return then(edgesOf(catalog), (edges) => edges[side].get(oid) ?? []);
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
    memberOf: t.field({
      type: [RoleMembership],
      description: 'Roles this role is a member of.',
      resolve: (role) => memberships(role.catalog, 'member', role.row.oid),
    }),
    members: t.field({
      type: [RoleMembership],
      description: 'Members of this role.',
      resolve: (role) => memberships(role.catalog, 'roleid', role.row.oid),
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
      resolve: (edge) => edge.grants.map((grant) => ({ grant, catalog: edge.catalog })),
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
    resolve: (catalog) => then(rolesOf(catalog), (roles) => [...roles.values()]),
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
