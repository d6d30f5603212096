import type { ClientBase } from 'pg';
import type { PgAuthMember, PgRole } from '../catalog/roles.js';
import { readDatabaseStates, readObjectStates, readServerState, type SchemaScope } from './catalog-state.js';
import { edgeKey, type ObjectState, type ServerSnapshot } from './drift-diff.js';

/**
 * What a Rolecall change did to the catalog, observed inside its own transaction: each role, membership and object
 * it touched, as it was just before its statements and just after (null: absent). The event carries them, and the
 * drift watcher takes them out of what it sees between two polls (see drift-segments.ts), so no effect of Rolecall's
 * own change — a creator's implicit membership, REASSIGN OWNED, the tables and sequences that went with a schema,
 * the schema USAGE a grant brought along — is ever reported as made outside it, while what psql did to the same
 * items before or after it still is.
 */

/** What a change may touch, so only that is read: roles and memberships, and/or some schemas' objects. */
export type EffectScope = {
  roles?: boolean;
  schemas?: SchemaScope;
};

/** One item as it was before a change and after it; null where it did not exist. */
export type Touched<T> = { before: T | null; after: T | null };

export type Effects = {
  /** The transaction's id (xid8, as text): whether a poll's snapshot saw this change is then exact. */
  xid: string;
  roles: Touched<PgRole>[];
  memberships: Touched<PgAuthMember>[];
  /** Objects of the database named: its schemas and relations, or the database itself (any of the server's). */
  objects: (Touched<ObjectState> & { database: string })[];
};

export interface CatalogState {
  database: string;
  server: ServerSnapshot | null;
  /** The connected database's schemas and relations in scope. */
  objects: ObjectState[] | null;
  /** Every database of the server (shared objects: DROP OWNED in one revokes grants on the others). */
  databases: ObjectState[] | null;
}

export async function observeCatalog(client: ClientBase, scope: EffectScope): Promise<CatalogState> {
  const { rows } = await client.query<{ database: string }>('SELECT current_database() AS database');
  return {
    database: rows[0]?.database ?? '',
    server: scope.roles ? await readServerState(client) : null,
    objects: scope.schemas
      ? (await readObjectStates(client, scope.schemas)).filter((object) => object.objectKind !== 'DATABASE')
      : null,
    databases: scope.schemas ? await readDatabaseStates(client) : null,
  };
}

/** The items whose state differs between two readings, keyed by `key`. */
function touched<T>(before: readonly T[], after: readonly T[], key: (item: T) => string): Touched<T>[] {
  const was = new Map(before.map((item) => [key(item), item]));
  const now = new Map(after.map((item) => [key(item), item]));
  const changes: Touched<T>[] = [];
  for (const id of new Set([...was.keys(), ...now.keys()])) {
    const [from, to] = [was.get(id) ?? null, now.get(id) ?? null];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.push({ before: from, after: to });
  }
  return changes;
}

/** The id of the transaction the client is in (assigned now if it has none yet). */
export async function transactionId(client: ClientBase): Promise<string> {
  const { rows } = await client.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid');
  return rows[0]?.xid ?? '0';
}

/** What changed between two observations of the same database and server, inside transaction `xid`. */
export function effectsBetween(xid: string, before: CatalogState, after: CatalogState): Effects {
  const effects: Effects = { xid, roles: [], memberships: [], objects: [] };
  if (before.server && after.server) {
    effects.roles = touched(before.server.roles, after.server.roles, (role) => String(role.oid));
    effects.memberships = touched(before.server.memberships, after.server.memberships, edgeKey);
  }
  const byOid = (object: ObjectState) => String(object.oid);
  if (before.objects && after.objects)
    effects.objects = touched(before.objects, after.objects, byOid).map((change) => ({
      ...change,
      database: after.database,
    }));
  if (before.databases && after.databases)
    for (const change of touched(before.databases, after.databases, byOid))
      effects.objects.push({ ...change, database: (change.after ?? change.before)?.label ?? '' });
  return effects;
}

/**
 * A catalog snapshot as `pg_current_snapshot()` gives it, `xmin:xmax:xip,…`: whether a committed transaction's
 * changes are in what was read under it (PostgreSQL's own rule, as pg_visible_in_snapshot applies it).
 */
export function visibleIn(snapshot: string, xid: string): boolean {
  const [xmin = '0', xmax = '0', inProgress = ''] = snapshot.split(':');
  const id = BigInt(xid);
  if (id < BigInt(xmin)) return true;
  if (id >= BigInt(xmax)) return false;
  return !inProgress
    .split(',')
    .filter(Boolean)
    .some((running) => BigInt(running) === id);
}
