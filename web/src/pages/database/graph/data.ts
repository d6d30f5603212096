import { graphql } from '../../../gql';
import { errorMessage, query } from '../../../graphql/client';
import { formatCount } from '../../../lib/numbers';
import { member } from '../../../lib/result';
import {
  type GraphMembership,
  type GraphRole,
  type Neighbourhood,
  type RoleGraph,
  wholeGraph,
} from '../../../lib/role-graph';

export const GraphRoleFields = graphql(`
  fragment GraphRoleFields on Role { name canLogin isSuperuser memberCount memberOfCount }
`);

const NeighbourhoodQuery = graphql(`
  query RoleNeighbourhood($id: ID!, $role: String!, $depth: Int!, $perRole: Int!) {
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        catalog {
          __typename
          ... on Error { message }
          ... on DatabaseCatalog {
            roleNeighbourhood(role: $role, depth: $depth, perRole: $perRole) {
              __typename
              ... on Error { message }
              ... on RoleNeighbourhood {
                center { name }
                roles { ...GraphRoleFields }
                memberships { role { name } member { name } admin inherit set }
              }
            }
          }
        }
      }
    }
  }
`);

const ViewerRoleQuery = graphql(`
  query GraphViewerRole($id: ID!) {
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        catalog {
          __typename
          ... on Error { message }
          ... on DatabaseCatalog { viewerRole { role { name } } }
        }
      }
    }
  }
`);

const ServerRolesQuery = graphql(`
  query ServerRoleGraph($id: ID!, $first: Int!, $withRoles: Boolean!) {
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        catalog {
          __typename
          ... on Error { message }
          ... on DatabaseCatalog {
            rolesConnection(filter: { predefined: false }, first: $first) {
              totalCount
              nodes @include(if: $withRoles) {
                ...GraphRoleFields
                members { member { name } admin inherit set }
              }
            }
          }
        }
      }
    }
  }
`);

/** The catalog of an answer, or an Error with the typed error that stands in its place. */
function catalogOf<Catalog extends { __typename?: string }>(data: {
  database: { __typename?: string } | { __typename?: 'Database'; catalog: Catalog };
}): Extract<Catalog, { __typename?: 'DatabaseCatalog' }> {
  const database = data.database.__typename === 'Database' ? (data.database as { catalog: Catalog }) : undefined;
  const catalog = member(database?.catalog, 'DatabaseCatalog');
  if (!catalog)
    throw new Error(
      errorMessage(data.database) ?? errorMessage(database?.catalog) ?? 'The catalog of this database cannot be read.',
    );
  return catalog;
}

/** A role's neighbourhood: its groups `depth` steps up, its members `depth` steps down, `perRole` of each at most. */
export async function readNeighbourhood(
  databaseId: string,
  role: string,
  depth: number,
  perRole: number,
): Promise<Neighbourhood> {
  const data = await query(NeighbourhoodQuery, { id: databaseId, role, depth, perRole });
  const result = catalogOf(data).roleNeighbourhood;
  const found = member(result, 'RoleNeighbourhood');
  if (!found) throw new Error(errorMessage(result) ?? `The graph of ${role} cannot be read.`);
  return {
    center: found.center.name,
    depth,
    roles: found.roles,
    memberships: found.memberships.map(
      (edge): GraphMembership => ({
        role: edge.role.name,
        member: edge.member.name,
        admin: edge.admin,
        inherit: edge.inherit,
        set: edge.set,
      }),
    ),
  };
}

/** The role the viewer works through on this database, or null (not a collaborator of it). */
export async function readViewerRole(databaseId: string): Promise<string | null> {
  const data = await query(ViewerRoleQuery, { id: databaseId });
  return catalogOf(data).viewerRole.role?.name ?? null;
}

/** Above this many roles (predefined ones aside) the whole server is not drawn: no layout keeps it readable. */
export const MAX_SERVER_ROLES = 150;

/** Every non-predefined role and membership of the server, or why not (more than MAX_SERVER_ROLES roles). */
export async function readServerGraph(databaseId: string): Promise<{ graph: RoleGraph } | { refused: string }> {
  const counted = await query(ServerRolesQuery, { id: databaseId, first: 1, withRoles: false });
  const total = catalogOf(counted).rolesConnection.totalCount;
  if (total > MAX_SERVER_ROLES)
    return {
      refused: `The server has ${formatCount(total)} roles (predefined ones aside): a graph of more than ${MAX_SERVER_ROLES} cannot be read, so it shows one role's neighbourhood. Find a role, or expand nodes, to see more.`,
    };
  const data = await query(ServerRolesQuery, { id: databaseId, first: MAX_SERVER_ROLES, withRoles: true });
  const nodes = catalogOf(data).rolesConnection.nodes ?? [];
  const roles = nodes.map(({ members: _members, ...role }): GraphRole => role);
  const memberships = nodes.flatMap((group) =>
    group.members.map((edge) => ({
      role: group.name,
      member: edge.member.name,
      admin: edge.admin,
      inherit: edge.inherit,
      set: edge.set,
    })),
  );
  return { graph: wholeGraph(roles, memberships) };
}
