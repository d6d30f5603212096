import type { DefaultConnectionArguments } from '@pothos/plugin-relay';
import { builder } from '../builder.js';
import { effectivePrivilegesOn } from '../catalog/effective.js';
import type { PgClass, PgNamespace, RelationName } from '../catalog/objects.js';
import { type CatalogShape, DatabaseCatalog } from './catalog.js';
import { EffectivePrivilegeRef } from './effective.js';
import { listConnection, loadedConnection, matcher } from './lists.js';
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

const labelOf = (relation: RelationName) => `${relation.nspname}.${relation.relname}`;

/** A row of the Overview before its ACL is read: the database, a schema, or a relation (its name is enough here). */
type OverviewRow<Relation> = { database: true } | { schema: PgNamespace } | { relation: Relation };

/**
 * The database, then each schema followed by its relations, by name: the Overview's rows. A schema stays when one
 * of its relations matches, so a match is always shown under its schema.
 */
async function overviewRows<Relation extends RelationName>(
  catalog: CatalogShape,
  search: string | null | undefined,
  relations: readonly Relation[],
): Promise<OverviewRow<Relation>[]> {
  const matches = matcher(search);
  const [database, schemas] = await Promise.all([catalog.reader.database(), catalog.reader.schemas()]);
  const bySchema = new Map<number, Relation[]>();
  for (const relation of relations) {
    if (!matches(labelOf(relation))) continue;
    const inSchema = bySchema.get(relation.relnamespace);
    if (inSchema) inSchema.push(relation);
    else bySchema.set(relation.relnamespace, [relation]);
  }
  const rows: OverviewRow<Relation>[] = matches(database.datname) ? [{ database: true }] : [];
  for (const schema of sortedByName(schemas)) {
    const kept = bySchema.get(schema.oid) ?? [];
    if (kept.length === 0 && !matches(schema.nspname)) continue;
    rows.push({ schema }, ...kept.map((relation) => ({ relation })));
  }
  return rows;
}

/** The rows with their ACLs; `relations` holds every relation of the rows, read in full. */
async function shapesOf(
  catalog: CatalogShape,
  rows: readonly OverviewRow<RelationName>[],
  relations: ReadonlyMap<number, PgClass>,
): Promise<SecurableShape[]> {
  const database = rows.some((row) => 'database' in row) ? await catalog.reader.database() : null;
  return rows.flatMap((row): SecurableShape[] => {
    if ('schema' in row) return [schemaShape(row.schema, catalog)];
    if ('relation' in row) {
      const relation = relations.get(row.relation.oid);
      // Dropped between the two reads: the page shows what is left.
      return relation ? [tableShape(relation, catalog)] : [];
    }
    return database ? [databaseShape(database, catalog)] : [];
  });
}

/** Every row of the Overview with its ACL (for what must look at all of them, such as a role's accessible objects). */
export async function catalogObjects(catalog: CatalogShape, search?: string | null): Promise<SecurableShape[]> {
  const relations = await catalog.reader.relations();
  const rows = await overviewRows(catalog, search, relations);
  return shapesOf(catalog, rows, new Map(relations.map((relation) => [relation.oid, relation])));
}

/** One page of the Overview: names are searched and ordered, and only the page's relations are read with ACLs. */
async function objectsPage(catalog: CatalogShape, args: DefaultConnectionArguments, search?: string | null) {
  const rows = await overviewRows(catalog, search, await catalog.reader.relationNames());
  return loadedConnection(args, rows, async (page) => {
    const oids = page.flatMap((row) => ('relation' in row ? [row.relation.oid] : []));
    const relations = await catalog.reader.relationsByOid(oids);
    return shapesOf(catalog, page, new Map(relations.map((relation) => [relation.oid, relation])));
  });
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
    resolve: (catalog, args) => objectsPage(catalog, args, args.search),
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
  return effectivePrivilegesOn(graph, roleOid, shape.row, features);
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
