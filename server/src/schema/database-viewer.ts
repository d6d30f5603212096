import DataLoader from 'dataloader';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { Database } from './database.js';

/** Per request (keyed by its context): a list of databases costs one query for the viewer's roles, not one per row. */
const roleLoaders = new WeakMap<Context, DataLoader<string, string | null>>();

function viewerRoles(context: Context): DataLoader<string, string | null> {
  let loader = roleLoaders.get(context);
  if (!loader) {
    const viewerId = context.viewer?.user.id ?? null;
    loader = new DataLoader(async (databaseIds) => {
      if (!viewerId) return databaseIds.map(() => null);
      const rows = await context.metadata.collaborator.findMany({
        where: { userId: viewerId, databaseId: { in: [...databaseIds] } },
        select: { databaseId: true, configuredRole: { select: { rolname: true } } },
      });
      const byDatabase = new Map(rows.map((row) => [row.databaseId, row.configuredRole.rolname]));
      return databaseIds.map((id) => byDatabase.get(id) ?? null);
    });
    roleLoaders.set(context, loader);
  }
  return loader;
}

builder.objectField(Database, 'viewerRoleName', (t) =>
  t.string({
    nullable: true,
    description:
      'The configured PostgreSQL role the viewer works through on this database, or null when not a collaborator.',
    resolve: (database, _args, context) => viewerRoles(context).load(database.id),
  }),
);
