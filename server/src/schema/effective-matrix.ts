import type { DefaultConnectionArguments } from '@pothos/plugin-relay';
import { builder } from '../builder.js';
import { type AnyObject, effectivePrivilegesOn } from '../catalog/effective.js';
import { checkIdentifier } from '../catalog/identifiers.js';
import type { PgClass } from '../catalog/objects.js';
import type { ObjectKind } from '../catalog/privileges.js';
import type { PgRole } from '../catalog/roles.js';
import type { OtherKind } from '../catalog/securables.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { type CatalogShape, DatabaseCatalog } from './catalog.js';
import { AS_VIEWER_ROLE } from './errors.js';
import { computedConnection, matcher } from './lists.js';
import { ObjectKindEnum } from './objects.js';

/** An object of the matrix, named as an ObjectRef names it, with what its privileges are computed from. */
interface MatrixObject {
  kind: ObjectKind;
  schema: string | null;
  name: string;
  column: string | null;
  arguments: string | null;
  /** What `search` matches: `schema.name`, `schema.table.column`, `schema.function(arguments)`. */
  label: string;
  privileged: AnyObject;
}

/** What one role can do on one object: a cell of an access matrix. */
interface EffectiveRow {
  role: string;
  object: MatrixObject;
  privileges: string[];
  grantable: string[];
}

/** Enough for an admin screen's matrix; a whole server's roles would be one request too many. */
const MAX_ROLES = 1_000;
/** Cells made for one request at most (100 roles × 1,000 tables): more are read page by page (first / after). */
const MAX_CELLS = 100_000;

const EffectivePrivilegeRow = builder.objectRef<EffectiveRow>('EffectivePrivilegeRow').implement({
  description:
    'What a role can really do on an object, as PostgreSQL’s has_*_privilege answers it (has_column_privilege for a column: its own grants and its table’s).',
  fields: (t) => ({
    role: t.exposeString('role'),
    kind: t.field({ type: ObjectKindEnum, resolve: (row) => row.object.kind }),
    schema: t.string({
      nullable: true,
      description: 'The object’s schema (a table’s, a column’s table’s, a function’s, a type’s); a schema’s own name.',
      resolve: (row) => row.object.schema,
    }),
    name: t.string({
      description:
        'As an ObjectRef names it: a relation’s, a column’s table’s, a function’s or type’s name in its schema, a large object’s OID.',
      resolve: (row) => row.object.name,
    }),
    column: t.string({ nullable: true, resolve: (row) => row.object.column }),
    arguments: t.string({
      nullable: true,
      description: 'FUNCTION: its argument types, as PostgreSQL writes them.',
      resolve: (row) => row.object.arguments,
    }),
    table: t.string({
      nullable: true,
      deprecationReason: 'Use name (and column).',
      resolve: (row) => (row.object.kind === 'COLUMN' || isRelationKind(row.object.kind) ? row.object.name : null),
    }),
    privileges: t.exposeStringList('privileges', { description: 'Privileges the role holds, in PostgreSQL’s order.' }),
    grantable: t.exposeStringList('grantable', { description: 'Privileges the role may grant to others.' }),
  }),
});

function isRelationKind(kind: ObjectKind): boolean {
  return kind === 'TABLE' || kind === 'SEQUENCE';
}

async function rolesNamed(catalog: CatalogShape, names: readonly string[]): Promise<PgRole[]> {
  if (names.length > MAX_ROLES) throw new ValidationError('roles', `At most ${MAX_ROLES} roles at a time.`);
  return Promise.all(
    names.map(async (name) => {
      const role = await catalog.reader.roleByName(checkIdentifier(name, 'roles'));
      if (!role) throw new NotFoundError(`role ${name}`);
      return role;
    }),
  );
}

async function relationsOf(catalog: CatalogShape, schema: string | null): Promise<PgClass[]> {
  if (schema === null) return catalog.reader.relations();
  const found = (await catalog.reader.schemas()).find((candidate) => candidate.nspname === schema);
  if (!found) throw new NotFoundError(`schema ${schema}`);
  return catalog.reader.relationsIn(found.oid);
}

function relationObject(relation: PgClass): MatrixObject {
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

/** Tables (views, sequences …): all of them without a kind, as before kinds were asked for. */
async function relationObjects(catalog: CatalogShape, kind: ObjectKind | null, schema: string | null) {
  const relations = await relationsOf(catalog, schema);
  return relations.map(relationObject).filter((object) => kind === null || object.kind === kind);
}

/** Each column of the tables (views …), its own ACL combined with its table’s: only the tables' columns are read. */
async function columnObjects(catalog: CatalogShape, schema: string | null): Promise<MatrixObject[]> {
  const tables = (await relationsOf(catalog, schema)).filter((relation) => relation.relkind !== 'S');
  const columns = await Promise.all(tables.map((table) => catalog.reader.columnsOf(table.oid)));
  return tables.flatMap((table, i) =>
    (columns[i] ?? []).map(
      (column): MatrixObject => ({
        kind: 'COLUMN',
        schema: table.nspname,
        name: table.relname,
        column: column.attname,
        arguments: null,
        label: `${table.nspname}.${table.relname}.${column.attname}`,
        privileged: {
          kind: 'COLUMN',
          owner: table.relowner,
          acl: column.acl,
          table: { owner: table.relowner, acl: table.acl },
        },
      }),
    ),
  );
}

async function schemaObjects(catalog: CatalogShape, schema: string | null): Promise<MatrixObject[]> {
  const schemas = (await catalog.reader.schemas()).filter((found) => schema === null || found.nspname === schema);
  if (schema !== null && schemas.length === 0) throw new NotFoundError(`schema ${schema}`);
  return schemas.map((found) => ({
    kind: 'SCHEMA',
    schema: found.nspname,
    name: found.nspname,
    column: null,
    arguments: null,
    label: found.nspname,
    privileged: { kind: 'SCHEMA', owner: found.nspowner, acl: found.acl },
  }));
}

async function databaseObjects(catalog: CatalogShape): Promise<MatrixObject[]> {
  const database = await catalog.reader.database();
  return [
    {
      kind: 'DATABASE',
      schema: null,
      name: database.datname,
      column: null,
      arguments: null,
      label: database.datname,
      privileged: { kind: 'DATABASE', owner: database.datdba, acl: database.acl },
    },
  ];
}

/** Functions and types live in a schema; languages, wrappers, servers, large objects, tablespaces and parameters not. */
async function securableObjects(catalog: CatalogShape, kind: OtherKind, schema: string | null) {
  if (schema !== null && kind !== 'FUNCTION' && kind !== 'TYPE')
    throw new ValidationError('schema', `A ${kind.toLowerCase().replaceAll('_', ' ')} is not in a schema.`);
  if (schema !== null && !(await catalog.reader.schemas()).some((found) => found.nspname === schema))
    throw new NotFoundError(`schema ${schema}`);
  const found = (await catalog.reader.securables(kind)).filter((object) => schema === null || object.schema === schema);
  return found.map(
    (object): MatrixObject => ({
      kind,
      schema: object.schema,
      name: object.schema === null ? object.name : object.bare_name,
      column: null,
      arguments: object.arguments,
      label:
        object.schema === null ? object.name : `${object.schema}.${object.bare_name}${argumentList(object.arguments)}`,
      privileged: { kind, owner: object.owner, acl: object.acl },
    }),
  );
}

function argumentList(types: string | null): string {
  return types === null ? '' : `(${types})`;
}

/** The objects of one kind (every relation when none is asked for), of one schema or of all, in the catalog's order. */
async function objectsOf(catalog: CatalogShape, kind: ObjectKind | null, schema: string | null) {
  switch (kind) {
    case null:
    case 'TABLE':
    case 'SEQUENCE':
      return relationObjects(catalog, kind, schema);
    case 'COLUMN':
      return columnObjects(catalog, schema);
    case 'SCHEMA':
      return schemaObjects(catalog, schema);
    case 'DATABASE':
      if (schema !== null) throw new ValidationError('schema', 'A database is not in a schema.');
      return databaseObjects(catalog);
    default:
      return securableObjects(catalog, kind, schema);
  }
}

interface MatrixArgs extends DefaultConnectionArguments {
  roles: readonly string[];
  kind?: ObjectKind | null;
  schema?: string | null;
  tables?: number | null;
  search?: string | null;
}

/**
 * Roles × objects from one read of the catalog, role by role: the membership graph is built once and its closures
 * are shared by every cell, so a 100 × 1,000 matrix costs the same few queries as one cell. Only the cells of the
 * page asked for are computed.
 */
async function matrix(catalog: CatalogShape, args: MatrixArgs) {
  const roles = await rolesNamed(catalog, args.roles);
  const schema = args.schema == null ? null : checkIdentifier(args.schema, 'schema');
  const matches = matcher(args.search);
  const found = (await objectsOf(catalog, args.kind ?? null, schema)).filter((object) => matches(object.label));
  const objects = args.tables == null ? found : found.slice(0, Math.max(0, args.tables));
  const [graph, features] = await Promise.all([catalog.reader.graph(), catalog.reader.features()]);
  const cell = (position: number): EffectiveRow => {
    const role = roles[Math.floor(position / objects.length)] as PgRole;
    const object = objects[position % objects.length] as MatrixObject;
    const row: EffectiveRow = { role: role.rolname, object, privileges: [], grantable: [] };
    for (const privilege of effectivePrivilegesOn(graph, role.oid, object.privileged, features)) {
      if (privilege.held) row.privileges.push(privilege.privilege);
      if (privilege.grantable) row.grantable.push(privilege.privilege);
    }
    return row;
  };
  return computedConnection(args, roles.length * objects.length, MAX_CELLS, cell);
}

builder.objectField(DatabaseCatalog, 'effectivePrivilegesMatrix', (t) =>
  t.connection({
    type: EffectivePrivilegeRow,
    description:
      'What each of these roles can do on each object of one kind (every table, view and sequence when no kind is given), of one schema or of all, role by role, objects in the catalog’s order; `tables` keeps the first objects only. At most 100,000 cells a page: page with first / after beyond that.',
    errors: { types: [...AS_VIEWER_ROLE, ValidationError] },
    args: {
      roles: t.arg.stringList({ required: true }),
      kind: t.arg({
        type: ObjectKindEnum,
        description:
          'TABLE: tables, views and other relations but sequences; COLUMN: every column of those; none: every relation.',
      }),
      schema: t.arg.string({
        description: 'Only objects in this schema (tables, sequences, columns, functions, types).',
      }),
      tables: t.arg.int({ description: 'Only the first this many objects.' }),
      search: t.arg.string({
        description:
          'Only objects whose name contains this, in any case: schema.name, schema.table.column, schema.function(arguments).',
      }),
    },
    resolve: (catalog, args) => matrix(catalog, args),
  }),
);
