import { builder } from '../builder.js';
import { OBJECT_KINDS, type ObjectKind, privilegesFor } from '../catalog/privileges.js';
import type { CatalogReader } from '../catalog/reader.js';
import { catalogFor } from '../scope/viewer-connections.js';
import { Database } from './database.js';
import { AS_VIEWER_ROLE } from './errors.js';

/** A database's live catalog as the viewer's configured role sees it. */
export interface CatalogShape {
  databaseId: string;
  reader: CatalogReader;
}

export const PrivilegeList = builder.objectRef<{ kind: ObjectKind; privileges: string[] }>('PrivilegeList').implement({
  fields: (t) => ({ kind: t.exposeString('kind'), privileges: t.exposeStringList('privileges') }),
});

export const DatabaseCatalog = builder.objectRef<CatalogShape>('DatabaseCatalog').implement({
  description: "The live catalog of a database, read as the viewer's configured role (never copied into Rolecall).",
  fields: (t) => ({
    serverVersion: t.int({
      description: 'server_version_num, e.g. 180004.',
      resolve: async (catalog) => (await catalog.reader.features()).versionNum,
    }),
    currentRole: t.string({
      description: "`current_user` on the viewer's connection: the role PostgreSQL sees them as.",
      resolve: (catalog) => catalog.reader.currentRole(),
    }),
    membershipOptionsPerGrant: t.boolean({
      description:
        'PostgreSQL 16+: memberships carry their own INHERIT and SET options (on 15 inheritance follows the member).',
      resolve: async (catalog) => (await catalog.reader.features()).membershipOptions,
    }),
    privilegesByKind: t.field({
      type: [PrivilegeList],
      description: 'The privilege keywords each kind of object takes on this server.',
      resolve: async (catalog) => {
        const features = await catalog.reader.features();
        return OBJECT_KINDS.map((kind) => ({
          kind,
          privileges: [...privilegesFor(kind, features)],
        }));
      },
    }),
  }),
});

builder.objectField(Database, 'catalog', (t) =>
  t.field({
    type: DatabaseCatalog,
    description: "The live catalog, read as the viewer's role; needs the viewer to collaborate on the database.",
    errors: { types: AS_VIEWER_ROLE },
    resolve: async (database, _args, context) => {
      const reader = catalogFor(context, database.id);
      // Connect now, so an unreachable server or a missing collaboration comes back as a typed error here.
      await reader.currentRole();
      return { databaseId: database.id, reader };
    },
  }),
);
