import type { AnyObject } from '../catalog/effective.js';
import type { PgClass, PgNamespace } from '../catalog/objects.js';
import type { ObjectKind } from '../catalog/privileges.js';
import type { CatalogReader } from '../catalog/reader.js';
import { OTHER_KINDS, type OtherKind, type PgColumn, type PgSecurable } from '../catalog/securables.js';
import { NotFoundError } from '../errors.js';
import { type ObjectRefInput, resolveObject } from '../operations/permissions/objects.js';

/** An object as a report names it (the way an ObjectRef does), kept in snapshots: names only, no OIDs. */
export interface ObjectLabel {
  kind: ObjectKind;
  /** A relation's, column's, function's or type's schema; a schema's own name. */
  schema: string | null;
  /** A relation's, a column's table's, a function's or type's own name; a large object's OID. */
  name: string;
  column: string | null;
  /** FUNCTION: its argument types, as PostgreSQL writes them. */
  arguments: string | null;
  /** How people read it: `db`, `schema`, `schema.table`, `schema.table.column`, `schema.function(arguments)`. */
  label: string;
}

/** An object of a report with what its privileges are computed from. */
export interface ReportObject extends ObjectLabel {
  privileged: AnyObject;
}

function databaseObject(database: Awaited<ReturnType<CatalogReader['database']>>): ReportObject {
  return {
    kind: 'DATABASE',
    schema: null,
    name: database.datname,
    column: null,
    arguments: null,
    label: database.datname,
    privileged: { kind: 'DATABASE', owner: database.datdba, acl: database.acl },
  };
}

function schemaObject(schema: PgNamespace): ReportObject {
  return {
    kind: 'SCHEMA',
    schema: schema.nspname,
    name: schema.nspname,
    column: null,
    arguments: null,
    label: schema.nspname,
    privileged: { kind: 'SCHEMA', owner: schema.nspowner, acl: schema.acl },
  };
}

function relationObject(relation: PgClass): ReportObject {
  const kind = relation.relkind === 'S' ? 'SEQUENCE' : 'TABLE';
  return {
    kind,
    schema: relation.nspname,
    name: relation.relname,
    column: null,
    arguments: null,
    label: `${relation.nspname}.${relation.relname}`,
    privileged: { kind, owner: relation.relowner, acl: relation.acl },
  };
}

/** A column with privileges of its own, combined with its table's as has_column_privilege does. */
function columnObject(column: PgColumn, table: PgClass): ReportObject {
  return {
    kind: 'COLUMN',
    schema: column.nspname,
    name: column.relname,
    column: column.attname,
    arguments: null,
    label: `${column.nspname}.${column.relname}.${column.attname}`,
    privileged: {
      kind: 'COLUMN',
      owner: table.relowner,
      acl: column.acl,
      table: { owner: table.relowner, acl: table.acl },
    },
  };
}

function securableObject(securable: PgSecurable): ReportObject {
  const inSchema = securable.schema !== null;
  return {
    kind: securable.kind,
    schema: securable.schema,
    name: inSchema ? securable.bare_name : securable.name,
    column: null,
    arguments: securable.arguments,
    label: inSchema
      ? `${securable.schema}.${securable.bare_name}${securable.arguments === null ? '' : `(${securable.arguments})`}`
      : securable.name,
    privileged: { kind: securable.kind, owner: securable.owner, acl: securable.acl },
  };
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** What schemas hold, read once: relations by schema, columns with grants of their own, functions and types. */
async function contentsReader(reader: CatalogReader): Promise<(schema: PgNamespace) => Promise<ReportObject[]>> {
  const [columns, functions, types] = await Promise.all([
    reader.columnsWithAcl(),
    reader.securables('FUNCTION'),
    reader.securables('TYPE'),
  ]);
  const columnsOf = new Map<number, PgColumn[]>();
  for (const column of columns) columnsOf.set(column.relid, [...(columnsOf.get(column.relid) ?? []), column]);
  const securablesOf = new Map<string, PgSecurable[]>();
  for (const securable of [...functions, ...types]) {
    const schema = securable.schema ?? '';
    securablesOf.set(schema, [...(securablesOf.get(schema) ?? []), securable]);
  }
  return async (schema) => {
    const relations = [...(await reader.relationsIn(schema.oid))].sort((a, b) => byName(a.relname, b.relname));
    const objects: ReportObject[] = [];
    for (const relation of relations) {
      objects.push(relationObject(relation));
      for (const column of columnsOf.get(relation.oid) ?? []) objects.push(columnObject(column, relation));
    }
    for (const securable of securablesOf.get(schema.nspname) ?? []) objects.push(securableObject(securable));
    return objects;
  };
}

/** Kinds that are not in a schema. Parameters: only those with privileges granted (pg_parameter_acl). */
const SCHEMALESS: OtherKind[] = OTHER_KINDS.filter((kind) => kind !== 'FUNCTION' && kind !== 'TYPE');

/**
 * Every object of the database a role could hold privileges on, in a review's order: the database, each schema
 * followed by its contents, then languages, wrappers, servers, large objects, tablespaces and granted parameters.
 */
export async function everyObject(reader: CatalogReader): Promise<ReportObject[]> {
  const [database, schemas, contentsOf, others] = await Promise.all([
    reader.database(),
    reader.schemas(),
    contentsReader(reader),
    Promise.all(SCHEMALESS.map((kind) => reader.securables(kind))),
  ]);
  const objects = [databaseObject(database)];
  for (const schema of [...schemas].sort((a, b) => byName(a.nspname, b.nspname))) {
    objects.push(schemaObject(schema), ...(await contentsOf(schema)));
  }
  for (const securable of others.flat()) {
    if (securable.kind === 'PARAMETER' && securable.acl_is_default) continue;
    objects.push(securableObject(securable));
  }
  return objects;
}

/** A schema and everything in it. */
export async function schemaAndContents(reader: CatalogReader, name: string): Promise<ReportObject[]> {
  const schema = (await reader.schemas()).find((candidate) => candidate.nspname === name);
  if (!schema) throw new NotFoundError(`schema ${name}`);
  return [schemaObject(schema), ...(await (await contentsReader(reader))(schema))];
}

/** The one object an ObjectRef names, labelled as every report labels it. */
export async function namedObject(reader: CatalogReader, ref: ObjectRefInput): Promise<ReportObject> {
  const resolved = await resolveObject(reader, ref);
  const privileged: AnyObject = {
    kind: resolved.kind,
    owner: resolved.owner,
    acl: resolved.acl,
    table: resolved.table,
  };
  switch (resolved.kind) {
    case 'DATABASE':
      return { ...databaseObject(await reader.database()), privileged };
    case 'SCHEMA':
    case 'TABLE':
    case 'SEQUENCE':
    case 'COLUMN': {
      const { schema = resolved.name.name, name, column = null } = resolved.name;
      return { kind: resolved.kind, schema, name, column, arguments: null, label: resolved.label, privileged };
    }
    default: {
      const kind = resolved.kind as OtherKind;
      const found = (await reader.securables(kind)).find((securable) =>
        kind === 'PARAMETER' ? securable.name === resolved.label : securable.oid === resolved.oid,
      );
      if (!found) throw new NotFoundError(`${kind.toLowerCase().replaceAll('_', ' ')} ${resolved.label}`);
      return { ...securableObject(found), privileged };
    }
  }
}
