import { builder } from '../builder.js';
import { type CatalogShape, DatabaseCatalog } from './catalog.js';
import { Schema, schemaShape, Table, tableShape } from './objects.js';
import { Role } from './role.js';

/** The viewer's own role on a database: what PostgreSQL will let Rolecall do on their behalf. */
const ViewerRole = builder.objectRef<CatalogShape>('ViewerRole').implement({
  description:
    'The role the viewer works through here: its attributes, the groups whose privileges it has, what it owns and may do.',
  fields: (t) => ({
    role: t.field({
      type: Role,
      nullable: true,
      resolve: async (catalog) => {
        const row = await catalog.reader.viewerRole();
        return row ? { row, catalog } : null;
      },
    }),
    inheritsFrom: t.field({
      type: [Role],
      description: 'Every role whose privileges it has (through INHERIT memberships, transitively).',
      resolve: async (catalog) => {
        const [viewer, roles, graph] = await Promise.all([
          catalog.reader.viewerRole(),
          catalog.reader.roles(),
          catalog.reader.graph(),
        ]);
        if (!viewer) return [];
        return roles
          .filter((row) => row.oid !== viewer.oid && graph.hasPrivsOf(viewer.oid, row.oid))
          .map((row) => ({ row, catalog }));
      },
    }),
    ownedSchemas: t.field({
      type: [Schema],
      description: 'Schemas it owns or whose owner’s privileges it has.',
      resolve: async (catalog) =>
        (await catalog.reader.schemas())
          .filter((schema) => schema.viewer_owns)
          .map((schema) => schemaShape(schema, catalog)),
    }),
    ownedTables: t.field({
      type: [Table],
      description: 'Tables, views and sequences it owns or whose owner’s privileges it has.',
      resolve: async (catalog) =>
        (await catalog.reader.relations())
          .filter((relation) => relation.viewer_owns)
          .map((relation) => tableShape(relation, catalog)),
    }),
    canCreateRoles: t.boolean({
      resolve: async (catalog) => {
        const viewer = await catalog.reader.viewerRole();
        return Boolean(viewer?.rolcreaterole || viewer?.rolsuper);
      },
    }),
    canCreateSchemas: t.boolean({
      description: 'Holds CREATE on the database.',
      resolve: async (catalog) => (await catalog.reader.viewerDatabasePrivileges()).includes('CREATE'),
    }),
    databasePrivileges: t.stringList({
      description: 'CONNECT / CREATE / TEMPORARY as PostgreSQL decides them.',
      resolve: (catalog) => catalog.reader.viewerDatabasePrivileges(),
    }),
  }),
});

builder.objectField(DatabaseCatalog, 'viewerRole', (t) => t.field({ type: ViewerRole, resolve: (catalog) => catalog }));
