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
  catalog: CatalogShape;
}

export const Role = builder.objectRef<RoleShape>('Role');
const RoleMembership = builder.objectRef<MembershipShape>('RoleMembership');
const MembershipGrant = builder.objectRef<{ grant: PgAuthMember; catalog: CatalogShape }>('MembershipGrant');

/**
 * Role and membership shapes, built once per request: a graph of 10,000 roles is asked for 50,000 edges, field by
 * field, and each edge's roles are the same objects.
 */
const roleShapes = new WeakMap<CatalogReader, Promise<Map<number, RoleShape>>>();
const edgeShapes = new WeakMap<CatalogReader, Promise<Record<Side, Map<number, MembershipShape[]>>>>();
type Side = 'roleid' | 'member';

function once<T>(
  cache: WeakMap<CatalogReader, Promise<T>>,
  catalog: CatalogShape,
  build: () => Promise<T>,
): Promise<T> {
  let value = cache.get(catalog.reader);
  if (!value) {
    value = build();
    cache.set(catalog.reader, value);
  }
  return value;
}

function rolesOf(catalog: CatalogShape): Promise<Map<number, RoleShape>> {
  return once(
    roleShapes,
    catalog,
    async () => new Map((await catalog.reader.roles()).map((row) => [row.oid, { row, catalog }])),
  );
}

/** Each membership (role, member) once, with every grantor's grant, combined as PostgreSQL combines them. */
function edgesOf(catalog: CatalogShape): Promise<Record<Side, Map<number, MembershipShape[]>>> {
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
        continue;
      }
      const role = roles.get(grant.roleid);
      const member = roles.get(grant.member);
      if (!role || !member) continue;
      last = { role, member, grants: [grant], catalog };
      add('roleid', grant.roleid, last);
      add('member', grant.member, last);
    }
    return edges;
  });
}

export async function roleShape(catalog: CatalogShape, oid: number): Promise<RoleShape | null> {
  return (await rolesOf(catalog)).get(oid) ?? null;
}

async function memberships(catalog: CatalogShape, side: Side, oid: number): Promise<MembershipShape[]> {
  return (await edgesOf(catalog))[side].get(oid) ?? [];
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
    admin: t.boolean({ resolve: (edge) => edge.grants.some((grant) => grant.admin_option) }),
    inherit: t.boolean({ resolve: (edge) => edge.grants.some((grant) => grant.inherit_option) }),
    set: t.boolean({ resolve: (edge) => edge.grants.some((grant) => grant.set_option) }),
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
    resolve: async (catalog) => [...(await rolesOf(catalog)).values()],
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
