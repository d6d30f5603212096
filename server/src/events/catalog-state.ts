import type { ClientBase } from 'pg';
import { defaultAcls } from '../catalog/default-privileges.js';
import { currentDatabase, type PgClass, type RoleOids, relations, schemas } from '../catalog/objects.js';
import { allMemberships, allRoles } from '../catalog/roles.js';
import { DATABASE_KINDS, SERVER_WIDE_KINDS, securableStates } from '../catalog/securables.js';
import { serverFeatures } from '../catalog/server.js';
import type { DatabaseSnapshot, ServerSnapshot } from './drift-diff.js';
import type { ObjectState } from './payloads.js';
import { roleCommentStates, roleSettingStates } from './role-extras.js';

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

/** Roles, memberships, and the roles' settings and comments: the server-wide half of what the drift watcher compares. */
export async function readServerState(client: ClientBase): Promise<ServerSnapshot> {
  // Issued at once: inside a change's transaction they travel together (pools/batched-queries.ts).
  const [roles, memberships, settings, comments] = await Promise.all([
    allRoles(client),
    serverFeatures(client).then((features) => allMemberships(client, features)),
    roleSettingStates(client),
    roleCommentStates(client),
  ]);
  return { roles, memberships, settings, comments };
}

/** The above, and tablespaces and parameters with privileges granted: what the drift watcher compares per server. */
export async function readServerStateWithObjects(client: ClientBase): Promise<ServerSnapshot> {
  const objects = await securableStates(client, undefined, { kinds: SERVER_WIDE_KINDS, withColumns: false });
  return { ...(await readServerState(client)), objects };
}

function relationState(relation: PgClass, parent: number | undefined): ObjectState {
  return {
    oid: relation.oid,
    objectKind: relation.relkind === 'S' ? 'SEQUENCE' : 'TABLE',
    label: `${relation.nspname}.${relation.relname}`,
    owner: relation.relowner,
    acl: relation.acl,
    ...(parent === undefined ? {} : { parent }),
  };
}

/** Each partition's parent: a partitioned table dropped takes its partitions with it (one drop, not one each). */
async function partitionParents(client: ClientBase): Promise<Map<number, number>> {
  const { rows } = await client.query<{ child: number; parent: number }>(
    `SELECT i.inhrelid::int AS child, i.inhparent::int AS parent
       FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
      WHERE c.relispartition`,
  );
  return new Map(rows.map((row) => [row.child, row.parent]));
}

const NO_PRIVILEGES: readonly string[] = [];

/**
 * The connected database, its schemas and their relations (partitions too: each has its own ACL), the columns with privileges of their own, functions,
 * types, languages, foreign-data wrappers and servers, and large objects, with owner and ACL: the per-database half. With
 * `roleOids` (names of the roles just read) ACLs are read as text, cheaper for thousands of tables. What the connected
 * role may grant is not asked (no privileges to check): only owners and ACLs are compared, and for thousands of
 * tables a has_table_privilege per privilege was half of the read.
 */
async function readObjectStates(client: ClientBase, roleOids?: RoleOids): Promise<ObjectState[]> {
  const own = await currentDatabase(client, NO_PRIVILEGES);
  const spaces = await schemas(client, NO_PRIVILEGES, roleOids);
  const rels = await relations(client, NO_PRIVILEGES, NO_PRIVILEGES, { withPartitions: true }, roleOids);
  const parents = await partitionParents(client);
  return [
    { oid: own.oid, objectKind: 'DATABASE' as const, label: own.datname, owner: own.datdba, acl: own.acl },
    ...spaces.map((schema) => ({
      oid: schema.oid,
      objectKind: 'SCHEMA' as const,
      label: schema.nspname,
      owner: schema.nspowner,
      acl: schema.acl,
    })),
    ...rels.map((relation) => relationState(relation, parents.get(relation.oid))),
    ...(await securableStates(client, undefined, { kinds: DATABASE_KINDS })),
  ];
}

/** A database's objects and default privileges: what the drift watcher compares per database. */
export async function readDatabaseState(client: ClientBase, roleOids?: RoleOids): Promise<DatabaseSnapshot> {
  return {
    objects: await readObjectStates(client, roleOids),
    defaultAcls: await defaultAcls(client),
    features: await serverFeatures(client),
  };
}
