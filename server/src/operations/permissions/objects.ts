import { checkIdentifier } from '../../catalog/identifiers.js';
import type { AclItem, PgClass, Relkind } from '../../catalog/objects.js';
import type { ObjectKind } from '../../catalog/privileges.js';
import type { CatalogReader } from '../../catalog/reader.js';
import type { ObjectName } from '../../catalog/statements.js';
import { NotFoundError, ValidationError } from '../../errors.js';

export interface ObjectRefInput {
  /** A sequence or view is named as a TABLE, as GRANT … ON TABLE does. */
  kind: Exclude<ObjectKind, 'SEQUENCE'>;
  schema?: string | null;
  name?: string | null;
}

/** An object a permission change is about, with what the catalog says of it now. */
export interface ResolvedObject {
  name: ObjectName;
  /** Which privileges apply: a sequence named as a TABLE takes sequence privileges. */
  kind: ObjectKind;
  catalog: 'database' | 'schema' | 'relation';
  oid: number;
  owner: number;
  acl: AclItem[];
  schemaOid: number | null;
  label: string;
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
    oid: relation.oid,
    owner: relation.relowner,
    acl: relation.acl,
    schemaOid: relation.relnamespace,
    label: `${relation.nspname}.${relation.relname}`,
  };
}

export async function resolveObject(catalog: CatalogReader, ref: ObjectRefInput): Promise<ResolvedObject> {
  if (ref.kind === 'DATABASE') {
    const database = await catalog.database();
    if (ref.name && ref.name !== database.datname)
      throw new ValidationError('object', 'Only the connected database itself can be changed here.');
    return {
      name: { kind: 'DATABASE', name: database.datname },
      kind: 'DATABASE',
      catalog: 'database',
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
      oid: schema.oid,
      owner: schema.nspowner,
      acl: schema.acl,
      schemaOid: schema.oid,
      label: schema.nspname,
    };
  }
  const tableName = checkIdentifier(ref.name ?? '', 'name');
  const relation = await catalog.relationNamed(schemaName, tableName);
  if (!relation) throw new NotFoundError(`table ${schemaName}.${tableName}`);
  return relationObject(relation);
}
