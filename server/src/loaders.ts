import DataLoader from 'dataloader';
import type { Access } from './generated/prisma/enums.js';
import type { Metadata } from './metadata/client.js';

/** Per-request batching, so a list of databases costs one query for the viewer's access, not one per row. */
export function createLoaders(metadata: Metadata, viewerId: string | null) {
  return {
    viewerAccess: new DataLoader<string, Access | null>(async (databaseIds) => {
      if (!viewerId) return databaseIds.map(() => null);
      const rows = await metadata.collaborator.findMany({
        where: { userId: viewerId, databaseId: { in: [...databaseIds] } },
        select: { databaseId: true, access: true },
      });
      const byDatabase = new Map(rows.map((row) => [row.databaseId, row.access]));
      return databaseIds.map((id) => byDatabase.get(id) ?? null);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
