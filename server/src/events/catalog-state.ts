import type { ClientBase } from 'pg';
import { type AclItem, currentDatabase, type PgClass, type RoleOids, relations, schemas } from '../catalog/objects.js';
import { privilegesFor } from '../catalog/privileges.js';
import { allMemberships, allRoles } from '../catalog/roles.js';
import { serverFeatures } from '../catalog/server.js';
import type { ObjectState, ServerSnapshot } from './drift-diff.js';

/**
 * Runs the reads in one REPEATABLE READ transaction, so they agree with each other and with the snapshot returned:
 * which transactions' changes they include (see effects.ts `visibleIn`). `at`: when the read began.
 */
export async function readAtOneSnapshot<T>(
  client: ClientBase,
  read: (client: ClientBase) => Promise<T>,
): Promise<{ snapshot: string; state: T; at: Date }> {
  const at = new Date();
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const { rows } = await client.query<{ snapshot: string }>('SELECT pg_current_snapshot()::text AS snapshot');
    const state = await read(client);
    await client.query('COMMIT');
    return { snapshot: rows[0]?.snapshot ?? '0:0:', state, at };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Every database of the server, with owner and ACL: databases are shared objects, so a statement in one database
 * (DROP OWNED BY, REASSIGN OWNED BY) changes others' ACLs too.
 */
export async function readDatabaseStates(client: ClientBase): Promise<ObjectState[]> {
  const { rows } = await client.query<{ oid: number; datname: string; datdba: number; acl: AclItem[] }>(
    `SELECT d.oid::int AS oid, d.datname, d.datdba::int AS datdba,
            coalesce((SELECT json_agg(json_build_object('grantor', a.grantor::int, 'grantee', a.grantee::int,
                                                        'privilege_type', a.privilege_type, 'is_grantable', a.is_grantable))
                        FROM aclexplode(coalesce(d.datacl, acldefault('d', d.datdba))) a), '[]'::json) AS acl
       FROM pg_catalog.pg_database d ORDER BY d.oid`,
  );
  return rows.map((row) => ({
    oid: row.oid,
    objectKind: 'DATABASE' as const,
    label: row.datname,
    owner: row.datdba,
    acl: row.acl,
  }));
}

/** The schemas whose objects to read: every user schema, or these (with the database itself either way). */
export type SchemaScope = 'all' | readonly string[];

/** Roles and memberships: the server-wide half of what the drift watcher compares. */
export async function readServerState(client: ClientBase): Promise<ServerSnapshot> {
  const features = await serverFeatures(client);
  return { roles: await allRoles(client), memberships: await allMemberships(client, features) };
}

function relationState(relation: PgClass): ObjectState {
  return {
    oid: relation.oid,
    objectKind: relation.relkind === 'S' ? 'SEQUENCE' : 'TABLE',
    label: `${relation.nspname}.${relation.relname}`,
    owner: relation.relowner,
    acl: relation.acl,
  };
}

/**
 * The connected database, its schemas and their relations, with owner and ACL: the per-database half. With
 * `roleOids` (names of the roles just read) ACLs are read as text, cheaper for thousands of tables.
 */
export async function readObjectStates(
  client: ClientBase,
  scope: SchemaScope,
  roleOids?: RoleOids,
): Promise<ObjectState[]> {
  const features = await serverFeatures(client);
  const own = await currentDatabase(client, privilegesFor('DATABASE', features));
  const inScope = (name: string) => scope === 'all' || scope.includes(name);
  const spaces = (await schemas(client, privilegesFor('SCHEMA', features), roleOids)).filter((schema) =>
    inScope(schema.nspname),
  );
  const rels =
    scope === 'all' || scope.length > 0
      ? await relations(
          client,
          privilegesFor('TABLE', features),
          privilegesFor('SEQUENCE', features),
          scope === 'all' ? undefined : { schemas: scope },
          roleOids,
        )
      : [];
  return [
    { oid: own.oid, objectKind: 'DATABASE' as const, label: own.datname, owner: own.datdba, acl: own.acl },
    ...spaces.map((schema) => ({
      oid: schema.oid,
      objectKind: 'SCHEMA' as const,
      label: schema.nspname,
      owner: schema.nspowner,
      acl: schema.acl,
    })),
    ...rels.map(relationState),
  ];
}
