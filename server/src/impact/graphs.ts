import type { CatalogReader } from '../catalog/reader.js';
import { RoleGraph } from '../catalog/role-graph.js';
import type { PgAuthMember, PgRole } from '../catalog/roles.js';
import type { ServerFeatures } from '../catalog/server.js';
import type { CatalogState } from '../events/effects.js';
import { ReverseMemberships } from './reverse-memberships.js';

/** The roles and memberships on one side of a change, indexed both ways. */
export interface Side {
  graph: RoleGraph;
  reverse: ReverseMemberships;
  roles: ReadonlyMap<number, PgRole>;
  databaseOwner: number;
}

/** Both sides of a change, and what the reader shared (its graph is the "before" of a change to objects only). */
export interface Sides {
  before: Side;
  after: Side;
  features: ServerFeatures;
  database: string;
}

/** The connected database's owner as one observation read it (the reader's when that one did not). */
function ownerIn(state: CatalogState, fallback: number): number {
  return state.databases?.find((database) => database.label === state.database)?.owner ?? fallback;
}

function side(
  roles: readonly PgRole[] | ReadonlyMap<number, PgRole>,
  memberships: readonly PgAuthMember[],
  databaseOwner: number,
  features: ServerFeatures,
  shared?: RoleGraph,
): Side {
  const byOid = Array.isArray(roles) ? new Map(roles.map((role) => [role.oid, role])) : (roles as Map<number, PgRole>);
  // Only without the shared graph (its index knows every role by name) is a list of every role needed.
  const list = () => (Array.isArray(roles) ? (roles as PgRole[]) : [...byOid.values()]);
  const options = { databaseOwner, membershipOptions: features.membershipOptions };
  const predefined = shared
    ? shared.roleNamed('pg_database_owner')
    : list().find((role) => role.rolname === 'pg_database_owner');
  // PostgreSQL 15 follows the owner's INHERIT attribute for this implicit membership too (role-graph.ts).
  const inherits = features.membershipOptions || byOid.get(databaseOwner)?.rolinherit !== false;
  return {
    graph: shared ?? RoleGraph.of(list(), memberships, options),
    reverse: new ReverseMemberships(
      memberships,
      predefined?.is_predefined && inherits ? { role: predefined.oid, member: databaseOwner } : null,
    ),
    roles: byOid,
    databaseOwner,
  };
}

/**
 * The role graphs before and after a change: before, the reader's (shared by every request on the server, and read
 * just before the change); after, as the change itself observed the server's roles and memberships inside its
 * transaction when it may touch roles, else the same.
 */
export async function sidesOf(reader: CatalogReader, before: CatalogState, after: CatalogState): Promise<Sides> {
  const [features, database, graph, roles, memberships] = await Promise.all([
    reader.features(),
    reader.database(),
    reader.graph(),
    reader.rolesByOid(),
    reader.memberships(),
  ]);
  const [ownerBefore, ownerAfter] = [ownerIn(before, database.datdba), ownerIn(after, database.datdba)];
  const make = (owner: number) =>
    side(roles, memberships, owner, features, owner === database.datdba ? graph : undefined);
  // The before side is the shared graph (its closures kept across requests): building one from the change's own
  // before-read would cost a tenth of a second at 50,000 memberships. A role changed by another session between the
  // request's snapshot check and the change's locks would then count in this change's impact (a known limit).
  const was = make(ownerBefore);
  const is =
    before.server && after.server
      ? side(after.server.roles, after.server.memberships, ownerAfter, features)
      : ownerAfter === ownerBefore
        ? was
        : make(ownerAfter);
  return { before: was, after: is, features, database: database.datname };
}
