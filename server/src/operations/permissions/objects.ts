import { checkIdentifier } from '../../catalog/identifiers.js';
import type { AclItem, PgClass, Relkind } from '../../catalog/objects.js';
import type { ObjectKind } from '../../catalog/privileges.js';
import type { CatalogReader } from '../../catalog/reader.js';
import { checkSettingName } from '../../catalog/role-settings.js';
import { type AclLocation, OTHER_KINDS, type OtherKind, type PgSecurable } from '../../catalog/securables.js';
import type { ObjectName } from '../../catalog/statements.js';
import { NotFoundError, ValidationError } from '../../errors.js';

export interface ObjectRefInput {
  /** A sequence or view may be named as a TABLE, as GRANT … ON TABLE does. */
  kind: ObjectKind;
  schema?: string | null;
  /** The object's name; a column's table; a large object's OID. */
  name?: string | null;
  /** COLUMN: the column. */
  column?: string | null;
  /** FUNCTION: its argument types (`integer, text`), as PostgreSQL reads them. */
  arguments?: string | null;
}

/** An object a permission change is about, with what the catalog says of it now. */
export interface ResolvedObject {
  name: ObjectName;
  /** Which privileges apply: a sequence named as a TABLE takes sequence privileges. */
  kind: ObjectKind;
  catalog: AclLocation['catalog'];
  location: AclLocation;
  oid: number;
  owner: number;
  acl: AclItem[];
  schemaOid: number | null;
  label: string;
  /** COLUMN: its table's ACL, which its privileges combine with (has_column_privilege). */
  table?: { owner: number; acl: AclItem[] };
}

const RELATION_KEYWORDS: Record<Relkind, string> = {
  r: 'TABLE',
  p: 'TABLE',
  v: 'VIEW',
  m: 'MATERIALIZED VIEW',
  f: 'FOREIGN TABLE',
  S: 'SEQUENCE',
};

/** How a relation is named in statements: a sequence takes sequence privileges, a view is altered as a VIEW. */
export function relationName(relation: PgClass): ObjectName {
  const kind = relation.relkind === 'S' ? 'SEQUENCE' : 'TABLE';
  return {
    kind,
    schema: relation.nspname,
    name: relation.relname,
    relationKeyword: RELATION_KEYWORDS[relation.relkind],
  };
}

function relationObject(relation: PgClass): ResolvedObject {
  const name = relationName(relation);
  return {
    name,
    kind: name.kind,
    catalog: 'relation',
    location: { catalog: 'relation', oid: relation.oid },
    oid: relation.oid,
    owner: relation.relowner,
    acl: relation.acl,
    schemaOid: relation.relnamespace,
    label: `${relation.nspname}.${relation.relname}`,
  };
}

export async function resolveObject(catalog: CatalogReader, ref: ObjectRefInput): Promise<ResolvedObject> {
  // A database the caller cannot reach is NotFound whatever the reference says: reach it before judging the input.
  await catalog.features();
  if (ref.kind === 'COLUMN') return resolveColumn(catalog, ref);
  if (isOtherKind(ref.kind)) return resolveSecurable(catalog, ref.kind, ref);
  if (ref.kind === 'DATABASE') {
    const database = await catalog.database();
    if (ref.name && ref.name !== database.datname)
      throw new ValidationError('object', 'Only the connected database itself can be changed here.');
    return {
      name: { kind: 'DATABASE', name: database.datname },
      kind: 'DATABASE',
      catalog: 'database',
      location: { catalog: 'database', oid: database.oid },
      oid: database.oid,
      owner: database.datdba,
      acl: database.acl,
      schemaOid: null,
      label: database.datname,
    };
  }
  const schemaName = checkIdentifier(ref.kind === 'SCHEMA' ? (ref.name ?? '') : (ref.schema ?? ''), 'schema');
  if (ref.kind === 'SCHEMA') {
    const schema = (await catalog.schemas()).find((candidate) => candidate.nspname === schemaName);
    if (!schema) throw new NotFoundError(`schema ${schemaName}`);
    return {
      name: { kind: 'SCHEMA', name: schema.nspname },
      kind: 'SCHEMA',
      catalog: 'schema',
      location: { catalog: 'schema', oid: schema.oid },
      oid: schema.oid,
      owner: schema.nspowner,
      acl: schema.acl,
      schemaOid: schema.oid,
      label: schema.nspname,
    };
  }
  const relation = await namedRelation(catalog, schemaName, ref);
  if (ref.kind === 'SEQUENCE' && relation.relkind !== 'S')
    throw new ValidationError('object', `${relation.nspname}.${relation.relname} is not a sequence.`);
  return relationObject(relation);
}

async function namedRelation(catalog: CatalogReader, schemaName: string, ref: ObjectRefInput): Promise<PgClass> {
  const tableName = checkIdentifier(ref.name ?? '', 'name');
  const relation = await catalog.relationNamed(schemaName, tableName);
  if (!relation) throw new NotFoundError(`table ${schemaName}.${tableName}`);
  return relation;
}

/** A column: its own ACL, and its table's, which has_column_privilege combines with it. */
async function resolveColumn(catalog: CatalogReader, ref: ObjectRefInput): Promise<ResolvedObject> {
  const relation = await namedRelation(catalog, checkIdentifier(ref.schema ?? '', 'schema'), ref);
  if (relation.relkind === 'S') throw new ValidationError('object', 'A sequence has no columns to grant on.');
  const columnName = checkIdentifier(ref.column ?? '', 'column');
  const column = (await catalog.columnsOf(relation.oid)).find((candidate) => candidate.attname === columnName);
  if (!column) throw new NotFoundError(`column ${relation.nspname}.${relation.relname}.${columnName}`);
  return {
    name: { kind: 'COLUMN', schema: relation.nspname, name: relation.relname, column: column.attname },
    kind: 'COLUMN',
    catalog: 'column',
    location: { catalog: 'column', oid: relation.oid, attnum: column.attnum },
    oid: relation.oid,
    owner: relation.relowner,
    acl: column.acl,
    schemaOid: relation.relnamespace,
    label: `${relation.nspname}.${relation.relname}.${column.attname}`,
    table: { owner: relation.relowner, acl: relation.acl },
  };
}

function isOtherKind(kind: ObjectKind): kind is OtherKind {
  return (OTHER_KINDS as readonly ObjectKind[]).includes(kind);
}

/**
 * A function, type, language, foreign-data wrapper, foreign server, large object, tablespace or parameter, labelled
 * as PostgreSQL names it (a function by its signature, a type as format_type writes it).
 */
async function resolveSecurable(catalog: CatalogReader, kind: OtherKind, ref: ObjectRefInput): Promise<ResolvedObject> {
  const schema = kind === 'FUNCTION' || kind === 'TYPE' ? checkIdentifier(ref.schema ?? '', 'schema') : null;
  const name =
    kind === 'PARAMETER' ? checkSettingName(ref.name ?? '').toLowerCase() : checkIdentifier(ref.name ?? '', 'name');
  const found = await catalog.securableNamed(kind, { schema, name, arguments: ref.arguments ?? '' });
  if (!found) throw new NotFoundError(`${kind.toLowerCase().replaceAll('_', ' ')} ${describeRef(kind, ref)}`);
  return {
    name: securableName(found, name),
    kind,
    catalog: 'other',
    location: { catalog: 'other', kind, oid: found.oid, name: found.name },
    oid: found.oid,
    owner: found.owner,
    acl: found.acl,
    schemaOid: found.schema === null ? null : await schemaOid(catalog, found.schema),
    label: found.name,
  };
}

async function schemaOid(catalog: CatalogReader, name: string): Promise<number | null> {
  return (await catalog.schemas()).find((schema) => schema.nspname === name)?.oid ?? null;
}

/** How statements name it: a function by PostgreSQL's signature, a type by schema and name, the rest by name. */
function securableName(found: PgSecurable, name: string): ObjectName {
  if (found.kind === 'FUNCTION') return { kind: 'FUNCTION', name, signature: found.name };
  if (found.kind === 'TYPE') return { kind: 'TYPE', schema: found.schema ?? '', name };
  return { kind: found.kind, name: found.name };
}

function describeRef(kind: OtherKind, ref: ObjectRefInput): string {
  const name = ref.schema ? `${ref.schema}.${ref.name ?? ''}` : (ref.name ?? '');
  return kind === 'FUNCTION' ? `${name}(${ref.arguments ?? ''})` : name;
}
