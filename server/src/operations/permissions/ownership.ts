import { checkIdentifier } from '../../catalog/identifiers.js';
import * as sql from '../../catalog/statements.js';
import type { Context } from '../../context.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import type { EffectScope } from '../../events/effects.js';
import { requireViewer } from '../../policy/capabilities.js';
import { catalogFor, viewerTarget } from '../../scope/viewer-connections.js';
import { applyChange, type ChangeMode, type PermissionChange } from './change.js';
import { type ObjectRefInput, type ResolvedObject, relationName, resolveObject } from './objects.js';

/**
 * ALTER TABLE finds a table through its schema, which the acting role may no longer enter once the schema is the new
 * owner's; and a table's new owner must be able to create in the table's schema. So tables go first when the new
 * owner already may create there, else after the schema (which works when the acting role keeps USAGE on it).
 */
async function tablesFirst(context: Context, databaseId: string, schemaOid: number, ownerOid: number) {
  const target = await viewerTarget(context, databaseId);
  return context.pools.withClient(target, async (client) => {
    const { rows } = await client.query<{ ok: boolean }>(
      "SELECT has_schema_privilege($1::oid, $2::oid, 'CREATE') AS ok",
      [ownerOid, schemaOid],
    );
    return rows[0]?.ok ?? false;
  });
}

function touchedByTransfer(object: ResolvedObject, withTables: boolean): EffectScope {
  if (object.location.catalog === 'column' || object.location.catalog === 'other')
    return { securables: [object.location] };
  if (object.catalog === 'database') return { databases: true };
  if (object.catalog === 'schema') return { schemas: [object.name.name], relations: withTables ? 'in-schemas' : [] };
  return { relations: [object.oid] };
}

export interface TransferOwnershipInput {
  databaseId: string;
  object: ObjectRefInput;
  newOwner: string;
  /** For a schema: the tables that go with it. */
  tables: string[];
}

/**
 * ALTER … OWNER TO as the viewer's role. For a schema, `tables` names some of its tables to transfer in the same
 * transaction; each must be owned by a role the viewer has the privileges of (its own or one of its groups).
 */
export async function transferOwnership(
  context: Context,
  input: TransferOwnershipInput,
  mode: ChangeMode,
): Promise<PermissionChange> {
  const { databaseId, object: ref, newOwner: newOwnerName, tables } = input;
  requireViewer(context.viewer);
  const catalog = catalogFor(context, databaseId);
  const object = await resolveObject(catalog, ref);
  if (!sql.hasOwner(object.kind))
    throw new ValidationError('object', `A ${object.kind.toLowerCase()} has no owner of its own to transfer.`);
  const newOwner = await catalog.roleByName(checkIdentifier(newOwnerName, 'newOwner'));
  if (!newOwner) throw new NotFoundError(`role ${newOwnerName}`);
  if (tables.length > 0 && object.kind !== 'SCHEMA')
    throw new ValidationError('tables', 'Only a schema transfer can take tables along.');
  const relations = tables.length > 0 ? await catalog.relations() : [];
  const alongside = tables.map((tableName) => {
    const name = checkIdentifier(tableName, 'tables');
    const relation = relations.find((candidate) => candidate.relnamespace === object.oid && candidate.relname === name);
    if (!relation) throw new NotFoundError(`table ${object.label}.${name}`);
    if (!relation.viewer_owns)
      throw new ValidationError('tables', `${object.label}.${name} is not owned by your role or one of its groups.`);
    return relation;
  });
  const own = sql.alterOwner(object.name, newOwner.rolname);
  const tablesToo = alongside.map((relation) => sql.alterOwner(relationName(relation), newOwner.rolname));
  const statements =
    tablesToo.length > 0 && (await tablesFirst(context, databaseId, object.oid, newOwner.oid))
      ? [...tablesToo, own]
      : [own, ...tablesToo];
  return applyChange(context, {
    databaseId,
    kind: 'ownership.transferred',
    statements,
    // The owner's own grants move with the object; a table's sequences follow it, a schema's tables when asked.
    touches: touchedByTransfer(object, tables.length > 0),
    moves: [object.owner, newOwner.oid],
    payload: {
      object: object.label,
      objectKind: object.kind,
      previousOwner: (await catalog.roleByOid(object.owner))?.rolname ?? null,
      newOwner: newOwner.rolname,
      tables: alongside.map((relation) => relation.relname),
    },
    ...mode,
  });
}

export interface CreateSchemaInput {
  databaseId: string;
  name: string;
  /** Its owner: the acting role when absent. */
  owner?: string | null;
}

/** CREATE SCHEMA owned by the viewer's role, or by a role it may SET to (PostgreSQL checks). */
export async function createSchema(
  context: Context,
  input: CreateSchemaInput,
  mode: ChangeMode,
): Promise<PermissionChange> {
  const { databaseId, name: nameInput, owner: ownerName } = input;
  requireViewer(context.viewer);
  const name = checkIdentifier(nameInput, 'name');
  const catalog = catalogFor(context, databaseId);
  const owner = ownerName ? await catalog.roleByName(checkIdentifier(ownerName, 'owner')) : undefined;
  if (ownerName && !owner) throw new NotFoundError(`role ${ownerName}`);
  return applyChange(context, {
    databaseId,
    kind: 'schema.created',
    touches: { schemas: [name] },
    statements: [sql.createSchema(name, owner?.rolname ?? null)],
    payload: { object: name, objectKind: 'SCHEMA', owner: owner?.rolname ?? (await catalog.currentRole()) },
    ...mode,
  });
}
