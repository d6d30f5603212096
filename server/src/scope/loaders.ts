import DataLoader from 'dataloader';
import type { CatalogReader } from '../catalog/reader.js';
import type { User } from '../generated/prisma/client.js';
import type { Access } from '../generated/prisma/enums.js';
import type { Metadata } from '../metadata/client.js';
import type { ViewerConnection } from '../pools/targets.js';

/**
 * Per-request batching, so a list of databases costs one query for the viewer's access, not one per row. Each loader
 * is made on first use: a subscription's context lives as long as it does, and most never use any.
 */
export class Loaders {
  private made: {
    catalogs?: Map<string, CatalogReader>;
    connections?: Map<string, Promise<ViewerConnection>>;
    configuredRoleNames?: DataLoader<string, Set<string>>;
    users?: DataLoader<string, User | null>;
    viewerAccess?: DataLoader<string, Access | null>;
    viewerRoleNames?: DataLoader<string, string | null>;
  } = {};

  constructor(
    private readonly metadata: Metadata,
    private readonly viewerId: string | null,
  ) {}

  /** Live catalog readers by database id; dropped after a change so later fields re-read. */
  get catalogs(): Map<string, CatalogReader> {
    this.made.catalogs ??= new Map();
    return this.made.catalogs;
  }

  /** The viewer's connection to each database (see viewer-connections.ts), dropped with the readers. */
  get connections(): Map<string, Promise<ViewerConnection>> {
    this.made.connections ??= new Map();
    return this.made.connections;
  }

  /** Names of the configured roles on each database's server. */
  get configuredRoleNames(): DataLoader<string, Set<string>> {
    this.made.configuredRoleNames ??= new DataLoader(async (databaseIds) => {
      const databases = await this.metadata.database.findMany({
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
    });
    return this.made.configuredRoleNames;
  }

  /** Users by id (event actors: a page of the audit log costs one query). */
  get users(): DataLoader<string, User | null> {
    this.made.users ??= new DataLoader(async (ids) => {
      const users = await this.metadata.user.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(users.map((user) => [user.id, user]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    return this.made.users;
  }

  get viewerAccess(): DataLoader<string, Access | null> {
    this.made.viewerAccess ??= new DataLoader(async (databaseIds) => {
      const { viewerId } = this;
      if (!viewerId) return databaseIds.map(() => null);
      const rows = await this.metadata.collaborator.findMany({
        where: { userId: viewerId, databaseId: { in: [...databaseIds] } },
        select: { databaseId: true, access: true },
      });
      const byDatabase = new Map(rows.map((row) => [row.databaseId, row.access]));
      return databaseIds.map((id) => byDatabase.get(id) ?? null);
    });
    return this.made.viewerAccess;
  }

  /** The configured role the viewer works through on each database. */
  get viewerRoleNames(): DataLoader<string, string | null> {
    this.made.viewerRoleNames ??= new DataLoader(async (databaseIds) => {
      const { viewerId } = this;
      if (!viewerId) return databaseIds.map(() => null);
      const rows = await this.metadata.collaborator.findMany({
        where: { userId: viewerId, databaseId: { in: [...databaseIds] } },
        select: { databaseId: true, configuredRole: { select: { rolname: true } } },
      });
      const byDatabase = new Map(rows.map((row) => [row.databaseId, row.configuredRole.rolname]));
      return databaseIds.map((id) => byDatabase.get(id) ?? null);
    });
    return this.made.viewerRoleNames;
  }
}

export function createLoaders(metadata: Metadata, viewerId: string | null): Loaders {
  return new Loaders(metadata, viewerId);
}
