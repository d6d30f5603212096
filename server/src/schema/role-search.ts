import { builder } from '../builder.js';
import { byRolname, type PgRole } from '../catalog/roles.js';
import { type CatalogShape, DatabaseCatalog } from './catalog.js';
import { listConnection } from './lists.js';
import { Role, rolesOf } from './role.js';

const RolePower = builder.enumType('RolePower', {
  description: 'A role attribute with powers beyond one database.',
  values: ['SUPERUSER', 'CREATEROLE', 'CREATEDB', 'REPLICATION', 'BYPASSRLS'] as const,
});
type Attribute = (typeof RolePower)['$inferType'];

const HAS: Record<Attribute, (row: PgRole) => boolean> = {
  SUPERUSER: (row) => row.rolsuper,
  CREATEROLE: (row) => row.rolcreaterole,
  CREATEDB: (row) => row.rolcreatedb,
  REPLICATION: (row) => row.rolreplication,
  BYPASSRLS: (row) => row.rolbypassrls,
};

const RoleFilter = builder.inputType('RoleFilter', {
  description: 'Roles matching all that is given.',
  fields: (t) => ({
    search: t.string({ description: 'Part of the name, in any case.' }),
    login: t.boolean({ description: 'true: LOGIN roles only; false: group roles (NOLOGIN) only.' }),
    memberOf: t.string({ description: 'Direct members of this role only.' }),
    notMemberOf: t.string({
      description: 'Roles that are not direct members of this role, nor the role itself: who may still be added to it.',
    }),
    configured: t.boolean({ description: 'Whether Rolecall stores a verified password for it.' }),
    power: t.field({ type: RolePower, description: 'Roles that have this attribute only.' }),
    predefined: t.boolean({ description: 'false: no built-in pg_* roles; true: only those.' }),
  }),
});

interface Filter {
  search?: string | null;
  login?: boolean | null;
  memberOf?: string | null;
  notMemberOf?: string | null;
  configured?: boolean | null;
  power?: Attribute | null;
  predefined?: boolean | null;
}

const given = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

/** The OIDs of a group's direct members (none for a role that does not exist), or undefined when not asked. */
async function membersOf(catalog: CatalogShape, group: string | null | undefined): Promise<Set<number> | undefined> {
  if (!group) return undefined;
  const [row, index] = await Promise.all([catalog.reader.roleByName(group), catalog.reader.membershipIndex()]);
  return new Set(row ? index.membersOf(row.oid).map((membership) => membership.member) : []);
}

interface Known {
  /** The names Rolecall stores passwords for. */
  configured: ReadonlySet<string>;
  membersOfMemberOf?: ReadonlySet<number>;
  membersOfNotMemberOf?: ReadonlySet<number>;
}

/** Whether a role passes every test the filter gives. */
function matches(row: PgRole, filter: Filter, known: Known): boolean {
  if (filter.search && !row.rolname.toLowerCase().includes(filter.search.toLowerCase())) return false;
  if (given(filter.login) && row.rolcanlogin !== filter.login) return false;
  if (given(filter.predefined) && row.is_predefined !== filter.predefined) return false;
  if (given(filter.configured) && known.configured.has(row.rolname) !== filter.configured) return false;
  if (filter.power && !HAS[filter.power](row)) return false;
  if (known.membersOfMemberOf && !known.membersOfMemberOf.has(row.oid)) return false;
  if (known.membersOfNotMemberOf && (row.rolname === filter.notMemberOf || known.membersOfNotMemberOf.has(row.oid)))
    return false;
  return true;
}

builder.objectField(DatabaseCatalog, 'rolesConnection', (t) =>
  t.connection({
    type: Role,
    description:
      'The server’s roles that match the filter, by name, a page at a time: what a list of thousands of roles shows and searches.',
    args: { filter: t.arg({ type: RoleFilter }) },
    resolve: async (catalog, args, context) => {
      const filter: Filter = args.filter ?? {};
      const [roles, configured, membersOfMemberOf, membersOfNotMemberOf] = await Promise.all([
        rolesOf(catalog),
        context.loaders.configuredRoleNames.load(catalog.databaseId),
        membersOf(catalog, filter.memberOf),
        membersOf(catalog, filter.notMemberOf),
      ]);
      const known: Known = { configured, membersOfMemberOf, membersOfNotMemberOf };
      const found = roles.where((row) => matches(row, filter, known)).sort((a, b) => byRolname(a.row, b.row));
      return listConnection(args, found);
    },
  }),
);
