import { CatalogReader } from '../catalog/reader.js';
import type { Context } from '../context.js';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors.js';
import type { ConnectionTarget } from '../pools/managed.js';
import { targetFor, type ViewerConnection } from '../pools/targets.js';

/**
 * The connection of the viewer's own configured role on a database: the only way Rolecall reads or changes it for
 * them. Looked up once per request and database (a permission change needs it several times).
 */
export function viewerConnection(context: Context, databaseId: string): Promise<ViewerConnection> {
  let connection = context.loaders.connections.get(databaseId);
  if (!connection) {
    connection = lookUpViewerConnection(context, databaseId);
    context.loaders.connections.set(databaseId, connection);
  }
  return connection;
}

/** What this request read of databases is stale: a change committed, or a stored password changed. */
export function forgetReads(context: Context, databaseId?: string): void {
  for (const cache of [context.loaders.connections, context.loaders.catalogs]) {
    if (databaseId === undefined) cache.clear();
    else cache.delete(databaseId);
  }
}

async function lookUpViewerConnection(context: Context, databaseId: string): Promise<ViewerConnection> {
  const userId = context.viewer?.user.id;
  if (!userId) throw new UnauthenticatedError();
  const collaborator = await context.metadata.collaborator.findUnique({
    where: { userId_databaseId: { userId, databaseId } },
    include: { configuredRole: true, database: { include: { server: true } } },
  });
  if (!collaborator) {
    const visible =
      context.viewer?.user.isAdmin && (await context.metadata.database.count({ where: { id: databaseId } }));
    if (!visible) throw new NotFoundError('database');
    throw new ForbiddenError('You are not a collaborator on this database; admins can add themselves.');
  }
  const { database } = collaborator;
  return {
    target: targetFor(context.secrets, database.server, database.name, collaborator.configuredRole),
    databaseId,
    serverId: database.serverId,
  };
}

export async function viewerTarget(context: Context, databaseId: string): Promise<ConnectionTarget> {
  return (await viewerConnection(context, databaseId)).target;
}

/** The request's reader of a database's live catalog, as the viewer's role (one per database per request). */
export function catalogFor(context: Context, databaseId: string): CatalogReader {
  const existing = context.loaders.catalogs.get(databaseId);
  if (existing) return existing;
  const reader = new CatalogReader(
    async (work) => context.pools.withClient(await viewerTarget(context, databaseId), work),
    {
      snapshots: context.roleSnapshots,
      serverId: async () => (await viewerConnection(context, databaseId)).serverId,
    },
  );
  context.loaders.catalogs.set(databaseId, reader);
  return reader;
}
