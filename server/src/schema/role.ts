import { builder } from '../builder.js';
import type { PgAuthMember, PgRole } from '../catalog/roles.js';
import { type CatalogShape, DatabaseCatalog } from './catalog.js';

/** A role of the server, with the catalog it was read from (to resolve its memberships). */
export interface RoleShape {
  row: PgRole;
  catalog: CatalogShape;
}

interface MembershipShape {
  role: PgRole;
  member: PgRole;
  grants: PgAuthMember[];
  catalog: CatalogShape;
}

export const Role = builder.objectRef<RoleShape>('Role');
const RoleMembership = builder.objectRef<MembershipShape>('RoleMembership');
const MembershipGrant = builder.objectRef<{ grant: PgAuthMember; catalog: CatalogShape }>('MembershipGrant');

export async function roleShape(catalog: CatalogShape, oid: number): Promise<RoleShape | null> {
  const row = await catalog.reader.roleByOid(oid);
  return row ? { row, catalog } : null;
}

/** One membership (role, member) with every grantor's grant, combined as PostgreSQL combines them. */
async function memberships(catalog: CatalogShape, side: 'roleid' | 'member', oid: number): Promise<MembershipShape[]> {
  const [edges, roles] = await Promise.all([catalog.reader.membershipsWhere(side, oid), catalog.reader.rolesByOid()]);
  const byPair = new Map<number, PgAuthMember[]>();
  for (const edge of edges) {
    const other = side === 'roleid' ? edge.member : edge.roleid;
    const grants = byPair.get(other);
    if (grants) grants.push(edge);
    else byPair.set(other, [edge]);
  }
  // Synchronous from here: a role graph has tens of thousands of memberships, and a promise each shows.
  const shapes: MembershipShape[] = [];
  for (const grants of byPair.values()) {
    const first = grants[0] as PgAuthMember;
    const role = roles.get(first.roleid);
    const member = roles.get(first.member);
    if (role && member) shapes.push({ role, member, grants, catalog });
  }
  return shapes;
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
    role: t.field({ type: Role, resolve: (edge) => ({ row: edge.role, catalog: edge.catalog }) }),
    member: t.field({ type: Role, resolve: (edge) => ({ row: edge.member, catalog: edge.catalog }) }),
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
    resolve: async (catalog) => (await catalog.reader.roles()).map((row) => ({ row, catalog })),
  }),
  role: t.field({
    type: Role,
    nullable: true,
    args: { name: t.arg.string({ required: true }) },
    resolve: async (catalog, { name }) => {
      const row = await catalog.reader.roleByName(name);
      return row ? { row, catalog } : null;
    },
  }),
}));
