import { builder } from '../builder.js';
import { checkIdentifier } from '../catalog/identifiers.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { type CatalogShape, DatabaseCatalog } from './catalog.js';
import { AS_VIEWER_ROLE } from './errors.js';
import { listConnection, matcher } from './lists.js';
import {
  type MembershipShape,
  memberships,
  membershipsOf,
  Role,
  RoleMembership,
  type RoleShape,
  rolesWithMemberships,
  type Side,
} from './role.js';

const otherEnd = (edge: MembershipShape, side: Side) => (side === 'members' ? edge.member : edge.role);

/** Groups (NOLOGIN) before login roles, then by name: the order people scan a long list of members in. */
function byKindThenName(side: Side) {
  return (a: MembershipShape, b: MembershipShape) => {
    const left = otherEnd(a, side).row;
    const right = otherEnd(b, side).row;
    if (left.rolcanlogin !== right.rolcanlogin) return left.rolcanlogin ? 1 : -1;
    return left.rolname < right.rolname ? -1 : left.rolname > right.rolname ? 1 : 0;
  };
}

async function sortedMemberships(role: RoleShape, side: Side, search?: string | null) {
  const matches = matcher(search);
  return (await memberships(role, side))
    .filter((edge) => matches(otherEnd(edge, side).row.rolname))
    .sort(byKindThenName(side));
}

builder.objectFields(Role, (t) => ({
  memberCount: t.int({
    description: 'How many direct members it has.',
    resolve: async (role) => (await memberships(role, 'members')).length,
  }),
  memberOfCount: t.int({
    description: 'How many roles it is a direct member of.',
    resolve: async (role) => (await memberships(role, 'memberOf')).length,
  }),
  membersConnection: t.connection({
    type: RoleMembership,
    description: 'Its direct members, groups first then by name, a page at a time; `search`: part of the name.',
    args: { search: t.arg.string() },
    resolve: async (role, args) => listConnection(args, await sortedMemberships(role, 'members', args.search)),
  }),
  memberOfConnection: t.connection({
    type: RoleMembership,
    description: 'The roles it is a direct member of, groups first then by name, a page at a time.',
    args: { search: t.arg.string() },
    resolve: async (role, args) => listConnection(args, await sortedMemberships(role, 'memberOf', args.search)),
  }),
}));

interface Neighbourhood {
  center: RoleShape;
  roles: RoleShape[];
  memberships: MembershipShape[];
  truncated: boolean;
}

const MAX_DEPTH = 5;
const MAX_PER_ROLE = 500;

/**
 * The role, its groups up to `depth` steps and its members down to `depth` steps, each role showing at most
 * `perRole` of its groups and members: a readable graph around one role, however large the server.
 */
async function neighbourhood(catalog: CatalogShape, name: string, depth: number, perRole: number) {
  if (depth < 0 || depth > MAX_DEPTH) throw new ValidationError('depth', `depth must be 0 to ${MAX_DEPTH}.`);
  if (perRole < 1 || perRole > MAX_PER_ROLE)
    throw new ValidationError('perRole', `perRole must be 1 to ${MAX_PER_ROLE}.`);
  const row = await catalog.reader.roleByName(checkIdentifier(name, 'role'));
  if (!row) throw new NotFoundError(`role ${name}`);
  const roles = await rolesWithMemberships(catalog);
  const center = roles.byOid.get(row.oid) as RoleShape;
  const found: Neighbourhood = { center, roles: [center], memberships: [], truncated: false };
  const included = new Set<RoleShape>([center]);
  for (const side of ['memberOf', 'members'] as const) {
    let frontier = [center];
    for (let step = 0; step < depth && frontier.length > 0; step++) {
      const next: RoleShape[] = [];
      for (const role of frontier) {
        const edges = [...membershipsOf(roles, role, side)].sort(byKindThenName(side));
        if (edges.length > perRole) found.truncated = true;
        for (const edge of edges.slice(0, perRole)) {
          const other = otherEnd(edge, side);
          if (included.has(other)) continue;
          included.add(other);
          found.roles.push(other);
          next.push(other);
        }
      }
      frontier = next;
    }
  }
  // Every membership between the roles shown, not only those walked: a member also granted a group directly.
  for (const role of found.roles)
    for (const edge of membershipsOf(roles, role, 'members'))
      if (included.has(edge.member)) found.memberships.push(edge);
  return found;
}

const RoleNeighbourhood = builder.objectRef<Neighbourhood>('RoleNeighbourhood').implement({
  description: 'A role with its groups above and its members below, to a depth: what a readable role graph shows.',
  fields: (t) => ({
    center: t.field({ type: Role, resolve: (found) => found.center }),
    roles: t.field({ type: [Role], description: 'The role first, then the others.', resolve: (found) => found.roles }),
    memberships: t.field({
      type: [RoleMembership],
      description: 'Every membership between the roles listed.',
      resolve: (found) => found.memberships,
    }),
    truncated: t.boolean({
      description: 'Some role had more groups or members than perRole: memberCount and memberOfCount say how many.',
      resolve: (found) => found.truncated,
    }),
  }),
});

builder.objectField(DatabaseCatalog, 'roleNeighbourhood', (t) =>
  t.field({
    type: RoleNeighbourhood,
    description:
      'A role, the groups it belongs to up to `depth` steps up and its members up to `depth` steps down, each role showing at most `perRole` groups and members (groups first, then by name).',
    errors: { types: [...AS_VIEWER_ROLE, ValidationError] },
    args: {
      role: t.arg.string({ required: true }),
      depth: t.arg.int({ defaultValue: 1 }),
      perRole: t.arg.int({ defaultValue: 40 }),
    },
    resolve: (catalog, args) => neighbourhood(catalog, args.role, args.depth ?? 1, args.perRole ?? 40),
  }),
);
