import { builder } from '../builder.js';
import {
  checkDefaultedKind,
  type DefaultedKind,
  defaultedKinds,
  isSchemaless,
  kindWord,
  newObjectAcl,
  type PgDefaultAcl,
} from '../catalog/default-privileges.js';
import { checkIdentifier } from '../catalog/identifiers.js';
import { CatalogChangedError, NotFoundError, NothingChangedError, ValidationError } from '../errors.js';
import { setDefaultPrivileges } from '../operations/permissions/default-privileges.js';
import { type CatalogShape, DatabaseCatalog } from './catalog.js';
import { AS_VIEWER_ROLE } from './errors.js';
import { localId } from './ids.js';
import { Grant, grantsOfAcl, Preset } from './objects.js';
import { modeOf, PermissionChangeRef } from './permissions.js';
import { Role, roleShape } from './role.js';

const DefaultedObjectKind = builder.enumType('DefaultedObjectKind', {
  description:
    'The kinds of object ALTER DEFAULT PRIVILEGES sets the starting privileges of (FUNCTION: routines; LARGE_OBJECT: PostgreSQL 18+, see DatabaseCatalog.defaultedKinds).',
  values: ['TABLE', 'SEQUENCE', 'FUNCTION', 'TYPE', 'SCHEMA', 'LARGE_OBJECT'] as const,
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
  defaultedKinds: t.field({
    type: [DefaultedObjectKind],
    description: 'The kinds this server’s ALTER DEFAULT PRIVILEGES takes (LARGE_OBJECT from PostgreSQL 18).',
    resolve: async (catalog) => defaultedKinds(await catalog.reader.features()),
  }),
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
      'Who a new object of this kind will grant what to, when `creator` makes it in `schema` (none for a SCHEMA or a LARGE_OBJECT): the built-in default, or the creator’s default privileges, as PostgreSQL applies them.',
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
      const [entries, features] = await Promise.all([catalog.reader.defaultAcls(), catalog.reader.features()]);
      checkDefaultedKind(kind, features);
      if (isSchemaless(kind) && args.schema)
        throw new ValidationError('schema', `A ${kindWord(kind)} is not created in a schema.`);
      if (!isSchemaless(kind) && !args.schema)
        throw new ValidationError('schema', `A new ${kindWord(kind)} is made in a schema: say which.`);
      const schemaName = args.schema ? checkIdentifier(args.schema, 'schema') : null;
      const schema = schemaName ? (await catalog.reader.schemas()).find((s) => s.nspname === schemaName) : null;
      if (schemaName && !schema) throw new NotFoundError(`schema ${schemaName}`);
      return grantsOfAcl(kind, newObjectAcl(entries, kind, creator.oid, schema?.oid ?? null, features), catalog);
    },
  }),
}));

const DesiredDefaultGrantInput = builder.inputType('DesiredDefaultGrantInput', {
  description: 'What one grantee should get on the new objects: a preset, or exactly `privileges`.',
  fields: (t) => ({
    grantee: t.string({ description: 'A role name; null or omitted for PUBLIC.' }),
    preset: t.field({
      type: Preset,
      description:
        'Instead of privileges: NONE (nothing) or a preset of the kind (tables, sequences and large objects: READ, WRITE; schemas: READ, CREATE).',
    }),
    privileges: t.stringList({ description: 'Exactly these (a custom set); ignored when preset is given.' }),
    grantable: t.stringList({ description: 'Which of them WITH GRANT OPTION.' }),
  }),
});

builder.mutationField('setDefaultPrivileges', (t) =>
  t.field({
    type: PermissionChangeRef,
    errors: { types: [...AS_VIEWER_ROLE, ValidationError, CatalogChangedError, NothingChangedError] },
    description:
      'ALTER DEFAULT PRIVILEGES: makes what these grantees get on the objects of one kind that `creator` makes from now on exactly as asked (diffed against the entry, one transaction; grantees not named are left alone). Without a schema this is the creator’s global entry, whose absence means the built-in default (the creator holds everything, PUBLIC may execute functions and use types); in a schema it can only add to that, and a note says what stays.',
    args: {
      databaseId: t.arg.id({ required: true }),
      creator: t.arg.string({
        description:
          'The role whose new objects these are (FOR ROLE; you must be it or a member of it). Default: your own role.',
      }),
      schema: t.arg.string({ description: 'Only objects made in this schema (IN SCHEMA); omit for everywhere.' }),
      kind: t.arg({
        type: DefaultedObjectKind,
        required: true,
        description: 'SCHEMA and LARGE_OBJECT only without a schema; LARGE_OBJECT on PostgreSQL 18+.',
      }),
      grants: t.arg({ type: [DesiredDefaultGrantInput], required: true }),
      dryRun: t.arg.boolean({
        defaultValue: false,
        description:
          'Preview: run the statements as your role in a transaction that is rolled back, so the verdict is PostgreSQL’s.',
      }),
      previewToken: t.arg.string({
        description:
          'The token a successful preview of this same change returned: apply only if nothing it read or touches changed since (else CatalogChangedError, and nothing runs).',
      }),
    },
    resolve: (_root, args, context) =>
      setDefaultPrivileges(
        context,
        {
          databaseId: localId(String(args.databaseId), 'Database'),
          creator: args.creator,
          schema: args.schema,
          kind: args.kind,
          grants: args.grants,
        },
        modeOf(args),
      ),
  }),
);
