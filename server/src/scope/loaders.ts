import DataLoader from 'dataloader';
import type { CatalogReader } from '../catalog/reader.js';
import type { User } from '../generated/prisma/client.js';
import type { Access } from '../generated/prisma/enums.js';
import type { Metadata } from '../metadata/client.js';
import type { ViewerConnection } from '../pools/targets.js';

/** Per-request batching, so a list of databases costs one query for the viewer's access, not one per row. */
export function createLoaders(metadata: Metadata, viewerId: string | null) {
  return {
    /** Live catalog readers by database id; dropped after a change so later fields re-read. */
    catalogs: new Map<string, CatalogReader>(),
    /** The viewer's connection to each database (see viewer-connections.ts), dropped with the readers. */
    connections: new Map<string, Promise<ViewerConnection>>(),
    /** Names of the configured roles on each database's server. */
    configuredRoleNames: new DataLoader<string, Set<string>>(async (databaseIds) => {
      const databases = await metadata.database.findMany({
        where: { id: { in: [...databaseIds] } },
        select: { id: true, server: { select: { configuredRoles: { select: { rolname: true } } } } },
      });
      const byId = new Map(
        databases.map((database) => [
          database.id,
          new Set(database.server.configuredRoles.map((role) => role.rolname)),
        ]),
      );
      return databaseIds.map((id) => byId.get(id) ?? new Set<string>());
    }),
    /** Users by id (event actors: a page of the audit log costs one query). */
    users: new DataLoader<string, User | null>(async (ids) => {
      const users = await metadata.user.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(users.map((user) => [user.id, user]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    viewerAccess: new DataLoader<string, Access | null>(async (databaseIds) => {
      if (!viewerId) return databaseIds.map(() => null);
      const rows = await metadata.collaborator.findMany({
        where: { userId: viewerId, databaseId: { in: [...databaseIds] } },
        select: { databaseId: true, access: true },
      });
      const byDatabase = new Map(rows.map((row) => [row.databaseId, row.access]));
      return databaseIds.map((id) => byDatabase.get(id) ?? null);
    }),
    /** The configured role the viewer works through on each database. */
    viewerRoleNames: new DataLoader<string, string | null>(async (databaseIds) => {
      if (!viewerId) return databaseIds.map(() => null);
      const rows = await metadata.collaborator.findMany({
        where: { userId: viewerId, databaseId: { in: [...databaseIds] } },
        select: { databaseId: true, configuredRole: { select: { rolname: true } } },
      });
      const byDatabase = new Map(rows.map((row) => [row.databaseId, row.configuredRole.rolname]));
      return databaseIds.map((id) => byDatabase.get(id) ?? null);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
