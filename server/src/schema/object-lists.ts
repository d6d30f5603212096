import { builder } from '../builder.js';
import { effectivePrivileges } from '../catalog/effective.js';
import type { PgClass, PgNamespace } from '../catalog/objects.js';
import { type CatalogShape, DatabaseCatalog } from './catalog.js';
import { EffectivePrivilegeRef, KIND } from './effective.js';
import { listConnection, matcher } from './lists.js';
import {
  databaseShape,
  Grant,
  grantsOf,
  Schema,
  SecurableInterface,
  type SecurableShape,
  schemaShape,
  Table,
  tableShape,
} from './objects.js';

const labelOf = (relation: PgClass) => `${relation.nspname}.${relation.relname}`;

/**
 * The database, then each schema followed by its relations, by name: the Overview's rows. A schema stays when one
 * of its relations matches, so a match is always shown under its schema.
 */
export async function catalogObjects(catalog: CatalogShape, search?: string | null): Promise<SecurableShape[]> {
  const matches = matcher(search);
  const [database, schemas] = await Promise.all([catalog.reader.database(), catalog.reader.schemas()]);
  const rows: SecurableShape[] = matches(database.datname) ? [databaseShape(database, catalog)] : [];
  for (const schema of sortedByName(schemas)) {
    const relations = (await catalog.reader.relationsIn(schema.oid)).filter((relation) => matches(labelOf(relation)));
    if (relations.length === 0 && !matches(schema.nspname)) continue;
    rows.push(schemaShape(schema, catalog), ...relations.map((relation) => tableShape(relation, catalog)));
  }
  return rows;
}

function sortedByName(schemas: readonly PgNamespace[]): PgNamespace[] {
  return [...schemas].sort((a, b) => (a.nspname < b.nspname ? -1 : a.nspname > b.nspname ? 1 : 0));
}

builder.objectFields(DatabaseCatalog, (t) => ({
  objectsConnection: t.connection({
    type: SecurableInterface,
    description:
      'The database, then each schema followed by its tables, views and sequences, by name, a page at a time: the rows of an overview. `search` keeps rows whose name (schema.table for a relation) contains it, in any case, and the schemas of the relations it keeps.',
    args: { search: t.arg.string() },
    resolve: async (catalog, args) => listConnection(args, await catalogObjects(catalog, args.search)),
  }),
  schemasConnection: t.connection({
    type: Schema,
    description: 'Schemas by name, a page at a time; `search`: part of the name, in any case.',
    args: { search: t.arg.string() },
    resolve: async (catalog, args) => {
      const matches = matcher(args.search);
      const schemas = sortedByName(await catalog.reader.schemas()).filter((schema) => matches(schema.nspname));
      return listConnection(
        args,
        schemas.map((schema) => schemaShape(schema, catalog)),
      );
    },
  }),
  tablesConnection: t.connection({
    type: Table,
    description:
      'Tables, views and sequences by schema and name, a page at a time; `schema` keeps one schema, `search` relations whose schema.name contains it, in any case.',
    args: { schema: t.arg.string(), search: t.arg.string() },
    resolve: async (catalog, args) => {
      const matches = matcher(args.search);
      const relations: PgClass[] = [];
      for (const schema of sortedByName(await catalog.reader.schemas())) {
        if (args.schema != null && schema.nspname !== args.schema) continue;
        relations.push(
          ...(await catalog.reader.relationsIn(schema.oid)).filter((relation) => matches(labelOf(relation))),
        );
      }
      return listConnection(
        args,
        relations.map((relation) => tableShape(relation, catalog)),
      );
    },
  }),
}));

/** What a role holds on an object, effective: inheritance, PUBLIC, ownership, predefined roles and superuser. */
export async function privilegesOn(shape: SecurableShape, roleOid: number) {
  const { reader } = shape.catalog;
  const [graph, features] = await Promise.all([reader.graph(), reader.features()]);
  const kind = KIND[shape.row.kind] ?? 'table';
  return effectivePrivileges(graph, roleOid, { kind, owner: shape.row.owner, acl: shape.row.acl }, features);
}

builder.interfaceFields(SecurableInterface, (t) => ({
  viewerPrivileges: t.field({
    type: [EffectivePrivilegeRef],
    description:
      "What the viewer's role (current_user) can really do here, and why: direct grants, inherited ones, PUBLIC, ownership, predefined roles, superuser.",
    resolve: async (shape) => {
      const viewer = await shape.catalog.reader.viewerRole();
      if (!viewer) return [];
      return (await privilegesOn(shape, viewer.oid)).map((privilege) => ({ privilege, catalog: shape.catalog }));
    },
  }),
  grantsConnection: t.connection({
    type: Grant,
    description: "The object's grantees (PUBLIC included), a page at a time; `search`: part of the grantee's name.",
    args: { search: t.arg.string() },
    resolve: async (shape, args) => {
      const matches = matcher(args.search);
      const grants = (await grantsOf(shape)).filter((grant) => matches(grant.role?.rolname ?? 'PUBLIC'));
      return listConnection(args, grants);
    },
  }),
}));
