import { CatalogReader } from '../catalog/reader.js';
import type { Context } from '../context.js';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors.js';
import type { SslMode } from '../generated/prisma/client.js';
import { namedRead } from '../metadata/client.js';
import type { ConnectionTarget } from '../pools/managed.js';
import { targetFor, type ViewerConnection } from '../pools/targets.js';
import { collaboratorCache } from './collaborator-cache.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

/**
 * What this request read of databases is stale: a change committed, or (no database named) a stored password or
 * configured role changed, which no instance may then believe from memory either.
 */
export function forgetReads(context: Context, databaseId?: string): void {
  if (databaseId === undefined) collaboratorCache(context).forgetAll();
  for (const cache of [context.loaders.connections, context.loaders.catalogs]) {
    if (databaseId === undefined) cache.clear();
    else cache.delete(databaseId);
  }
}

/** What a viewer's connection to a database is made of: their collaborator row with its role, database and server. */
interface CollaboratorRow {
  rolname: string;
  encryptedPassword: string;
  name: string;
  serverId: string;
  host: string;
  port: number;
  sslMode: SslMode;
  caCertificate: string | null;
}

const COLLABORATOR_ROW = `SELECT r.rolname, r."encryptedPassword", d.name, d."serverId"::text AS "serverId", s.host, s.port,
       s."sslMode"::text AS "sslMode", s."caCertificate"
  FROM "Collaborator" c
  JOIN "ConfiguredRole" r ON r.id = c."configuredRoleId"
  JOIN "Database" d ON d.id = c."databaseId"
  JOIN "Server" s ON s.id = d."serverId"
 WHERE c."userId" = $1::uuid AND c."databaseId" = $2::uuid`;

/** One statement (the metadata client's relation loading would take four: one a table). */
async function collaboratorRow(context: Context, userId: string, databaseId: string): Promise<CollaboratorRow | null> {
  const [row] = await namedRead<CollaboratorRow>(context.metadata, 'rolecall_collaborator_row', COLLABORATOR_ROW, [
    userId,
    databaseId,
  ]);
  return row ?? null;
}

async function lookUpViewerConnection(context: Context, databaseId: string): Promise<ViewerConnection> {
  const userId = context.viewer?.user.id;
  if (!userId) throw new UnauthenticatedError();
  if (!UUID.test(databaseId)) throw new NotFoundError('database');
  const row = await collaboratorCache(context).read(`connection ${userId} ${databaseId}`, () =>
    collaboratorRow(context, userId, databaseId),
  );
  if (!row) {
    const visible =
      context.viewer?.user.isAdmin && (await context.metadata.database.count({ where: { id: databaseId } }));
    if (!visible) throw new NotFoundError('database');
    throw new ForbiddenError('You are not a collaborator on this database; admins can add themselves.');
  }
  const server = {
    id: row.serverId,
    host: row.host,
    port: row.port,
    sslMode: row.sslMode,
    caCertificate: row.caCertificate,
  };
  return {
    target: targetFor(context.secrets, server, row.name, row),
    databaseId,
    serverId: row.serverId,
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
