import { builder } from '../builder.js';
import { type DefaultedKind, newObjectAcl, type PgDefaultAcl } from '../catalog/default-privileges.js';
import { checkIdentifier } from '../catalog/identifiers.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { type CatalogShape, DatabaseCatalog } from './catalog.js';
import { AS_VIEWER_ROLE } from './errors.js';
import { Grant, grantsOfAcl } from './objects.js';
import { Role, roleShape } from './role.js';

const DefaultedObjectKind = builder.enumType('DefaultedObjectKind', {
  description: 'The kinds of object ALTER DEFAULT PRIVILEGES sets the starting privileges of (FUNCTION: routines).',
  values: ['TABLE', 'SEQUENCE', 'FUNCTION', 'TYPE', 'SCHEMA'] as const,
});

interface EntryShape {
  entry: PgDefaultAcl;
  catalog: CatalogShape;
}

const DefaultPrivilegeEntry = builder.objectRef<EntryShape>('DefaultPrivilegeEntry').implement({
  description:
    'What objects of one kind that one role creates start with (pg_default_acl): in one schema, added to the global entry, or everywhere, replacing the built-in default.',
  fields: (t) => ({
    creator: t.field({
      type: Role,
      nullable: true,
      description: 'The role whose new objects these apply to (ALTER DEFAULT PRIVILEGES FOR ROLE …).',
      resolve: ({ entry, catalog }) => roleShape(catalog, entry.defaclrole),
    }),
    schema: t.string({
      nullable: true,
      description: 'IN SCHEMA …; null for the global entry.',
      resolve: async ({ entry, catalog }) =>
        entry.defaclnamespace === 0
          ? null
          : ((await catalog.reader.schemas()).find((schema) => schema.oid === entry.defaclnamespace)?.nspname ?? null),
    }),
    objectKind: t.field({ type: DefaultedObjectKind, resolve: ({ entry }) => entry.kind }),
    grants: t.field({
      type: [Grant],
      description: 'The ACL as the entry keeps it, by grantee.',
      resolve: ({ entry, catalog }) => grantsOfAcl(entry.kind, entry.acl, catalog),
    }),
  }),
});

builder.objectFields(DatabaseCatalog, (t) => ({
  defaultPrivileges: t.field({
    type: [DefaultPrivilegeEntry],
    description: 'The default privileges of this database, by creator, schema and kind; `creator` keeps one role’s.',
    args: { creator: t.arg.string() },
    resolve: async (catalog, args) => {
      const entries = await catalog.reader.defaultAcls();
      const creator = args.creator ? await catalog.reader.roleByName(args.creator) : undefined;
      if (args.creator && !creator) return [];
      return entries
        .filter((entry) => !creator || entry.defaclrole === creator.oid)
        .map((entry) => ({ entry, catalog }));
    },
  }),
  newObjectGrants: t.field({
    type: [Grant],
    description:
      'Who a new object of this kind will grant what to, when `creator` makes it in `schema` (none for a SCHEMA): the built-in default, or the creator’s default privileges, as PostgreSQL applies them.',
    errors: { types: [...AS_VIEWER_ROLE, ValidationError] },
    args: {
      kind: t.arg({ type: DefaultedObjectKind, required: true }),
      creator: t.arg.string({ required: true }),
      schema: t.arg.string(),
    },
    resolve: async (catalog, args) => {
      const kind: DefaultedKind = args.kind;
      const creator = await catalog.reader.roleByName(checkIdentifier(args.creator, 'creator'));
      if (!creator) throw new NotFoundError(`role ${args.creator}`);
      if (kind === 'SCHEMA' && args.schema) throw new ValidationError('schema', 'A schema is not created in a schema.');
      if (kind !== 'SCHEMA' && !args.schema)
        throw new ValidationError('schema', `A new ${kind.toLowerCase()} is made in a schema: say which.`);
      const schemaName = args.schema ? checkIdentifier(args.schema, 'schema') : null;
      const schema = schemaName ? (await catalog.reader.schemas()).find((s) => s.nspname === schemaName) : null;
      if (schemaName && !schema) throw new NotFoundError(`schema ${schemaName}`);
      const [entries, features] = await Promise.all([catalog.reader.defaultAcls(), catalog.reader.features()]);
      return grantsOfAcl(kind, newObjectAcl(entries, kind, creator.oid, schema?.oid ?? null, features), catalog);
    },
  }),
}));
