import { builder } from '../builder.js';
import { effectivePrivilegesOn } from '../catalog/effective.js';
import type { PgClass } from '../catalog/objects.js';
import { OTHER_KINDS, type OtherKind, type PgColumn, type PgSecurable } from '../catalog/securables.js';
import { type CatalogShape, DatabaseCatalog } from './catalog.js';
import { listConnection, matcher } from './lists.js';
import { type Securable, SecurableInterface, Table, tableShape } from './objects.js';

/**
 * What the viewer's role may do with an object read without has_*_privilege: owner's rights (a member of the owner,
 * or superuser) and what it holds WITH GRANT OPTION, from the effective-privilege engine (equal to PostgreSQL's
 * answers, see effective.test.ts).
 */
async function viewerRights(
  catalog: CatalogShape,
  object: Pick<Securable, 'kind' | 'owner' | 'acl' | 'table'>,
): Promise<Pick<Securable, 'viewer_owns' | 'viewer_grant_options'>> {
  const [viewer, graph, features] = await Promise.all([
    catalog.reader.viewerRole(),
    catalog.reader.graph(),
    catalog.reader.features(),
  ]);
  if (!viewer) return { viewer_owns: false, viewer_grant_options: [] };
  const owns = viewer.rolsuper || graph.hasPrivsOf(viewer.oid, object.table?.owner ?? object.owner);
  const privileges = effectivePrivilegesOn(graph, viewer.oid, object, features);
  return {
    viewer_owns: owns,
    viewer_grant_options: privileges.filter((found) => found.grantable).map((found) => found.privilege),
  };
}

type OtherObjectShape = { row: Securable; catalog: CatalogShape; securable: PgSecurable };

/** The objects of one kind whose name, as PostgreSQL quotes it or as people type it (schema.name), has `search`. */
export async function catalogObjectsOf(
  catalog: CatalogShape,
  kind: OtherKind,
  search?: string | null,
): Promise<OtherObjectShape[]> {
  const matches = matcher(search);
  const found = (await catalog.reader.securables(kind)).filter(
    (securable) =>
      matches(securable.name) || (securable.schema !== null && matches(`${securable.schema}.${securable.bare_name}`)),
  );
  return Promise.all(found.map((securable) => otherObjectShape(securable, catalog)));
}

async function otherObjectShape(securable: PgSecurable, catalog: CatalogShape): Promise<OtherObjectShape> {
  const base = { kind: securable.kind, owner: securable.owner, acl: securable.acl };
  const row = { ...base, acl_is_default: securable.acl_is_default, ...(await viewerRights(catalog, base)) };
  return { row, catalog, securable };
}

export const OtherKindEnum = builder.enumType('CatalogObjectKind', {
  description: 'The kinds listed as catalog objects (databases, schemas, tables and columns have their own types).',
  values: OTHER_KINDS,
});

/** prokind and typtype in words. */
const SUBKINDS: Record<string, string> = {
  f: 'FUNCTION',
  p: 'PROCEDURE',
  a: 'AGGREGATE',
  w: 'WINDOW FUNCTION',
  b: 'BASE TYPE',
  c: 'COMPOSITE TYPE',
  d: 'DOMAIN',
  e: 'ENUM',
  r: 'RANGE',
};

const CatalogObject = builder.objectRef<OtherObjectShape>('CatalogObject').implement({
  description:
    'A function (procedure, aggregate), type (domain), language, foreign-data wrapper, foreign server, large object, tablespace or configuration parameter.',
  interfaces: [SecurableInterface],
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'securable' in value,
  fields: (t) => ({
    name: t.string({
      description:
        'As PostgreSQL names it: a function with its argument types, a type as format_type writes it, a large object by its OID.',
      resolve: ({ securable }) => securable.name,
    }),
    schemaName: t.string({
      nullable: true,
      description: 'Functions and types: their schema.',
      resolve: ({ securable }) => securable.schema,
    }),
    localName: t.string({
      description: 'Its own name in its schema (proname, typname): with `schema` and `arguments`, an ObjectRef.',
      resolve: ({ securable }) => securable.bare_name,
    }),
    arguments: t.string({
      nullable: true,
      description: 'A function’s argument types, as an ObjectRef takes them.',
      resolve: ({ securable }) => securable.arguments,
    }),
    subkind: t.string({
      nullable: true,
      description: 'FUNCTION, PROCEDURE, AGGREGATE, WINDOW FUNCTION; BASE TYPE, COMPOSITE TYPE, DOMAIN, ENUM, RANGE.',
      resolve: ({ securable }) => (securable.subkind ? (SUBKINDS[securable.subkind] ?? null) : null),
    }),
  }),
});

type ColumnShape = { row: Securable; catalog: CatalogShape; column: PgColumn };

const Column = builder.objectRef<ColumnShape>('Column').implement({
  description:
    'A column: its own grants (SELECT, INSERT, UPDATE, REFERENCES), which add to what its table grants (has_column_privilege).',
  interfaces: [SecurableInterface],
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'column' in value,
  fields: (t) => ({
    name: t.string({ resolve: ({ column }) => column.attname }),
    position: t.int({ resolve: ({ column }) => column.attnum }),
  }),
});

async function columnShape(relation: PgClass, column: PgColumn, catalog: CatalogShape): Promise<ColumnShape> {
  const base = {
    kind: 'COLUMN' as const,
    owner: relation.relowner,
    acl: column.acl,
    table: { owner: relation.relowner, acl: relation.acl },
  };
  const row = { ...base, acl_is_default: column.acl.length === 0, ...(await viewerRights(catalog, base)) };
  return { row, catalog, column };
}

builder.objectFields(Table, (t) => ({
  columns: t.field({
    type: [Column],
    description: 'Its columns in order, each with the privileges granted on it alone (none for a sequence).',
    resolve: async ({ relation, catalog }) => {
      if (relation.relkind === 'S') return [];
      const found = await catalog.reader.columnsOf(relation.oid);
      return Promise.all(found.map((column) => columnShape(relation, column, catalog)));
    },
  }),
  partitions: t.field({
    type: [Table],
    description:
      'A partitioned table’s partitions, each with its own privileges (queries through the parent check the parent’s).',
    resolve: async ({ relation, catalog }) =>
      relation.relkind === 'p'
        ? (await catalog.reader.partitionsOf(relation.oid)).map((partition) => tableShape(partition, catalog))
        : [],
  }),
}));

builder.objectField(DatabaseCatalog, 'catalogObjects', (t) =>
  t.connection({
    type: CatalogObject,
    description:
      'Functions, types, languages, foreign-data wrappers, foreign servers, large objects, tablespaces or parameters, by name, a page at a time. Functions and types: those of the user schemas. Parameters: every one the role can see, granted on or not. `search`: part of the name, in any case.',
    args: { kind: t.arg({ type: OtherKindEnum, required: true }), search: t.arg.string() },
    resolve: async (catalog, args) => listConnection(args, await catalogObjectsOf(catalog, args.kind, args.search)),
  }),
);
