import type { CatalogReader } from '../catalog/reader.js';
import { RoleGraph } from '../catalog/role-graph.js';
import type { PgAuthMember } from '../catalog/roles.js';

/**
 * Membership graphs kept as long as the server's snapshot of roles and memberships they were built from (keyed by
 * its memberships, which a new snapshot replaces): the closures one review computes for thousands of roles serve
 * the next review too, where a request's own graph would walk them all again. Per database owner, whose implicit
 * membership of pg_database_owner the graph adds.
 */
const graphs = new WeakMap<readonly PgAuthMember[], Map<string, RoleGraph>>();

export async function sharedGraph(reader: CatalogReader): Promise<RoleGraph> {
  const [roles, memberships, database, features] = await Promise.all([
    reader.roles(),
    reader.memberships(),
    reader.database(),
    reader.features(),
  ]);
  let byOwner = graphs.get(memberships);
  if (!byOwner) {
    byOwner = new Map();
    graphs.set(memberships, byOwner);
  }
  const key = `${database.datdba} ${features.membershipOptions}`;
  let graph = byOwner.get(key);
  if (!graph) {
    graph = RoleGraph.of(roles, memberships, {
      databaseOwner: database.datdba,
      membershipOptions: features.membershipOptions,
    });
    byOwner.set(key, graph);
  }
  return graph;
}
