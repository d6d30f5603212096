import { builder } from '../builder.js';
import { Database } from './database.js';

builder.objectField(Database, 'viewerRoleName', (t) =>
  t.string({
    nullable: true,
    description:
      'The configured PostgreSQL role the viewer works through on this database, or null when not a collaborator.',
    resolve: (database, _args, context) => context.loaders.viewerRoleNames.load(database.id),
  }),
);
