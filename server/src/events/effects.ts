import type { ClientBase } from 'pg';
import { defaultAcls, type PgDefaultAcl } from '../catalog/default-privileges.js';
import { type AclLocation, columnStatesOf, SERVER_WIDE_KINDS, securableStates } from '../catalog/securables.js';
import { readServerState } from './catalog-state.js';
import { defaultAclKey } from './default-acl-drift.js';
import { attributeChanges, edgeKey, type ServerSnapshot } from './drift-diff.js';
import { type Effects, type ObjectState, objectKey, type Touched } from './payloads.js';
import { commentKey, settingKey } from './role-extras.js';
import { aclItemsOf } from './stored-effects.js';

export type { Effects, Touched } from './payloads.js';

/**
 * What a Rolecall change did to the catalog, observed inside its own transaction: each role (its settings and comment
 * included), membership, object and default-privilege entry it touched, as it was just before its statements and just
 * after (null: absent). The event carries them, and the drift watcher takes them out of what it sees between two polls
 * (see drift-segments.ts), so no effect of Rolecall's own change — a creator's implicit membership, REASSIGN OWNED, the
 * tables and sequences that went with a schema, the schema USAGE a grant brought along, the settings DROP ROLE takes
 * away — is ever reported as made outside it, while what psql did to the same items before or after it still is.
 */

/**
 * What a change may touch, so only that is read (and locked): roles and memberships; every database's own ACL and
 * owner; some schemas' own rows; some relations (with the sequences they own) or all of those schemas'; or every
 * schema and relation of the database (DROP OWNED, REASSIGN OWNED).
 */
export type EffectScope = {
  /** Roles, memberships, and the roles' settings and comments. */
  roles?: boolean;
  databases?: boolean;
  schemas?: readonly string[];
  relations?: readonly number[] | 'in-schemas';
  /** The relations' columns too (unset: yes); false for a change that only grants on relations (see touchedByGrants). */
  columns?: boolean;
  /** Columns, functions, types, … (tablespaces and parameters: the server's). */
  securables?: readonly AclLocation[];
  everything?: boolean;
  /** The database's default privileges (pg_default_acl); read with `everything` too (DROP OWNED removes entries). */
  defaultAcls?: boolean;
};

export interface CatalogState {
  database: string;
  server: ServerSnapshot | null;
  /** The connected database's schemas and relations in scope. */
  objects: ObjectState[] | null;
  /** Every database of the server (shared objects: DROP OWNED in one revokes grants on the others). */
  databases: ObjectState[] | null;
  /** Tablespaces and parameters in scope: the server's, seen from every database. */
  serverWide?: ObjectState[] | null;
  /** The database's default privileges, when the scope asks for them. */
  defaultAcls?: PgDefaultAcl[];
}

/**
 * An ACL exploded (NULL read as the default it means) as compact text: "grantee grantor privilege grantable" items
 * joined by commas, read back by aclItemsOf (events store ACLs in this form: stored-effects.ts). PostgreSQL builds
 * it in a third of the time JSON takes (a bulk change reads hundreds of tables' ACLs twice); concat_ws in four
 * fifths of the time a chain of || takes (the same text: aclexplode never yields NULLs).
 */
const ACL = (column: string, kind: string, owner: string) => `(
  SELECT string_agg(concat_ws(' ', a.grantee::int, a.grantor::int, a.privilege_type, a.is_grantable::int), ',')
    FROM aclexplode(coalesce(${column}, acldefault(${kind}, ${owner}))) a)`;

/** The schemas users work with, as the drift watcher reads them (catalog/objects.ts). */
const USER_SCHEMA = `(n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%')`;

const DATABASES = `
  SELECT 'DATABASE' AS "objectKind", d.oid::int AS oid, d.datname AS label, d.datdba::int AS owner,
         ${ACL('d.datacl', `'d'::"char"`, 'd.datdba')} AS acl
    FROM pg_catalog.pg_database d`;

const SCHEMAS = (where: string) => `
  SELECT 'SCHEMA' AS "objectKind", n.oid::int AS oid, n.nspname AS label, n.nspowner::int AS owner,
         ${ACL('n.nspacl', `'n'::"char"`, 'n.nspowner')} AS acl
    FROM pg_catalog.pg_namespace n WHERE ${where}`;

const RELATIONS = (where: string) => `
  SELECT CASE WHEN c.relkind = 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS "objectKind", c.oid::int AS oid,
         n.nspname || '.' || c.relname AS label, c.relowner::int AS owner,
         ${ACL('c.relacl', `CASE WHEN c.relkind = 'S' THEN 's'::"char" ELSE 'r'::"char" END`, 'c.relowner')} AS acl
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
   WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND ${where}`;

/** The relations named ($3), and the sequences they own (serial and identity columns'), found by OID (indexed). */
const NAMED_RELATIONS = `c.oid = ANY($3::oid[] || ARRAY(
  SELECT dep.objid FROM pg_catalog.pg_depend dep
   WHERE dep.classid = 'pg_catalog.pg_class'::regclass AND dep.refclassid = 'pg_catalog.pg_class'::regclass
     AND dep.refobjid = ANY($3::oid[]) AND dep.deptype IN ('a', 'i')))`;

/**
 * The scope's database rows, schemas and relations in one query (each part names its columns: any may come first),
 * of only the parts it has: a branch that would
 * select nothing still costs a scan of its catalog (pg_class holds thousands of rows).
 */
function objectsInScopeQuery(scope: EffectScope): string {
  const parts: string[] = [];
  if (scope.databases) parts.push(DATABASES);
  if (scope.everything) parts.push(SCHEMAS(USER_SCHEMA), RELATIONS(USER_SCHEMA));
  else {
    if (scope.schemas?.length) parts.push(SCHEMAS('n.nspname = ANY($2::text[])'));
    if (scope.relations === 'in-schemas') parts.push(RELATIONS('n.nspname = ANY($2::text[])'));
    else if (scope.relations?.length) parts.push(RELATIONS(NAMED_RELATIONS));
  }
  // Every part's parameters are passed (typed where a part leaves one unused): one parameter list for any scope.
  return `WITH unused AS (SELECT $1::boolean, $2::text[], $3::oid[]) ${parts.join('\n  UNION ALL')}`;
}

async function objectsInScope(client: ClientBase, scope: EffectScope): Promise<ObjectState[]> {
  const relations = Array.isArray(scope.relations) ? scope.relations : [];
  const { rows } = await client.query<Omit<ObjectState, 'acl'> & { acl: string | null }>(objectsInScopeQuery(scope), [
    scope.everything === true,
    scope.schemas ?? [],
    relations,
  ]);
  return rows.map((row) => ({ ...row, acl: aclItemsOf(row.acl) }));
}

const hasObjects = (scope: EffectScope) =>
  Boolean(scope.everything || scope.databases || scope.schemas?.length || (scope.relations?.length ?? 0) > 0);

/** The scope's columns, functions, types, …: every one for a change that may touch everything (DROP OWNED). */
async function securablesInScope(client: ClientBase, scope: EffectScope): Promise<ObjectState[]> {
  if (scope.everything) return securableStates(client);
  const [named, columns] = await Promise.all([
    scope.securables?.length ? securableStates(client, scope.securables) : [],
    columnsOfRelationsInScope(client, scope),
  ]);
  return [...named, ...columns];
}

/** The columns of the relations in scope: a table's REVOKE and new owner reach its columns' ACLs too. */
function columnsOfRelationsInScope(client: ClientBase, scope: EffectScope): Promise<ObjectState[]> {
  if (scope.columns === false) return Promise.resolve([]);
  if (scope.relations === 'in-schemas') return columnStatesOf(client, { schemas: scope.schemas ?? [] });
  if (scope.relations?.length) return columnStatesOf(client, scope.relations);
  return Promise.resolve([]);
}

const isServerWide = (object: ObjectState) => (SERVER_WIDE_KINDS as readonly string[]).includes(object.objectKind);

/**
 * The scope as it is now. Its reads are issued at once: inside a change's transaction they travel in one round trip
 * (pools/batched-queries.ts).
 */
export async function observeCatalog(client: ClientBase, scope: EffectScope, database: string): Promise<CatalogState> {
  const [objects, securables, server, acls] = await Promise.all([
    hasObjects(scope) ? objectsInScope(client, scope) : [],
    securablesInScope(client, scope),
    scope.roles ? readServerState(client) : null,
    scope.defaultAcls || scope.everything ? defaultAcls(client) : null,
  ]);
  return {
    database,
    server,
    objects: [
      ...objects.filter((object) => object.objectKind !== 'DATABASE'),
      ...securables.filter((object) => !isServerWide(object)),
    ],
    databases: objects.filter((object) => object.objectKind === 'DATABASE'),
    serverWide: securables.filter(isServerWide),
    ...(acls ? { defaultAcls: acls } : {}),
  };
}

/**
 * Takes, for the rest of the transaction, advisory locks on what the change may touch: two Rolecall changes to the
 * same items run one after the other, so each observes the state the previous one left as its "before" and their
 * effects chain exactly (changes to different items still run side by side). Keys are taken in one order (the
 * "everything" key, shared by any object change and exclusive for DROP OWNED, first), so two changes never deadlock.
 * Advisory locks belong to one database: role changes made through two databases at once are not ordered. Returns
 * the connected database's name (effects name each object's database).
 */
export async function lockScope(client: ClientBase, scope: EffectScope): Promise<string> {
  const keys: [number, number][] = [];
  if (scope.everything) keys.push([LOCK.everything, 0]);
  if (scope.roles) keys.push([LOCK.roles, 0]);
  if (scope.databases) keys.push([LOCK.databases, 0]);
  if (scope.defaultAcls) keys.push([LOCK.defaultAcls, 0]);
  for (const schema of scope.schemas ?? []) keys.push([LOCK.schema, hash(schema)]);
  for (const oid of Array.isArray(scope.relations) ? scope.relations : []) keys.push([LOCK.relation, oid]);
  for (const location of scope.securables ?? []) keys.push([LOCK.securable, hash(securableLockName(location))]);
  // DROP OWNED (everything) removes the role's default privileges too.
  const shared =
    !scope.everything && (hasObjects(scope) || scope.defaultAcls === true || (scope.securables?.length ?? 0) > 0);
  // One statement: the shared key in a subquery PostgreSQL runs first (a volatile one is never merged into the outer
  // query), then the others in their order.
  const { rows } = await client.query<{ database: string }>(
    `SELECT first.shared, current_database() AS database,
            (SELECT count(pg_advisory_xact_lock(k1, k2)::text)
               FROM (SELECT k1, k2 FROM unnest($3::int[], $4::int[]) AS t(k1, k2) ORDER BY k1, k2) ordered) AS exclusive
       FROM (SELECT CASE WHEN $2 THEN pg_advisory_xact_lock_shared($1, 0)::text END AS shared) first`,
    [LOCK.everything, shared, keys.map(([kind]) => kind), keys.map(([, id]) => id)],
  );
  return rows[0]?.database ?? '';
}

/** Lock key spaces, in the order they are taken. */
const LOCK = {
  everything: 7_215_100,
  roles: 7_215_101,
  databases: 7_215_102,
  defaultAcls: 7_215_103,
  schema: 7_215_104,
  relation: 7_215_105,
  securable: 7_215_106,
};

function securableLockName(location: AclLocation): string {
  if (location.catalog === 'column') return `column ${location.oid} ${location.attnum}`;
  if (location.catalog !== 'other') return `${location.catalog} ${location.oid}`;
  return `${location.kind} ${location.kind === 'PARAMETER' ? location.name : location.oid}`;
}

/** A 32-bit hash of a name, for an advisory lock key (collisions only make two changes wait for each other). */
function hash(name: string): number {
  let value = 0;
  for (const char of name) value = (Math.imul(value, 31) + (char.codePointAt(0) ?? 0)) | 0;
  return value;
}

/**
 * Whether two readings of an item hold the same data (plain values, arrays, objects and dates, as JSON would tell
 * them apart): compared in place, since a change to roles compares 10,000 roles and 50,000 memberships twice.
 */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const [left, right] = [a as Record<string, unknown>, b as Record<string, unknown>];
  // Counted with for…in rather than listed with Object.keys: two arrays fewer per item, half the time over 60,000.
  let keys = 0;
  for (const key in left) {
    if (!same(left[key], right[key])) return false;
    keys++;
  }
  for (const _ in right) keys--;
  return keys === 0;
}

/**
 * The items whose state differs between two readings, keyed by `key`. Two readings of a catalog come in the same
 * order but for what changed: the runs they share at both ends are passed over in place, and only what lies between is
 * matched by key (a change to one of 50,000 memberships compares them, and keys a handful).
 */
function touched<T>(before: readonly T[], after: readonly T[], key: (item: T) => string): Touched<T>[] {
  let start = 0;
  while (start < before.length && start < after.length && same(before[start], after[start])) start++;
  let [endBefore, endAfter] = [before.length, after.length];
  while (endBefore > start && endAfter > start && same(before[endBefore - 1], after[endAfter - 1])) {
    endBefore--;
    endAfter--;
  }
  const was = new Map(before.slice(start, endBefore).map((item) => [key(item), item]));
  const now = new Map(after.slice(start, endAfter).map((item) => [key(item), item]));
  const changes: Touched<T>[] = [];
  for (const id of new Set([...was.keys(), ...now.keys()])) {
    const [from, to] = [was.get(id) ?? null, now.get(id) ?? null];
    if (!same(from, to)) changes.push({ before: from, after: to });
  }
  return changes;
}

/** The id of the transaction the client is in (assigned now if it has none yet). */
export async function transactionId(client: ClientBase): Promise<string> {
  const { rows } = await client.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid');
  return rows[0]?.xid ?? '0';
}

/** The database an effect on a tablespace or parameter is recorded under: it shows from every database. */
export const SERVER_WIDE = '*';

/** What changed between two observations of the same database and server, inside transaction `xid`. */
export function effectsBetween(xid: string, before: CatalogState, after: CatalogState): Effects {
  const effects: Effects = { xid, roles: [], memberships: [], objects: [] };
  if (before.server && after.server) {
    effects.roles = touched(before.server.roles, after.server.roles, (role) => String(role.oid));
    effects.memberships = touched(before.server.memberships, after.server.memberships, edgeKey);
    effects.settings = touched(before.server.settings ?? [], after.server.settings ?? [], settingKey);
    effects.comments = touched(before.server.comments ?? [], after.server.comments ?? [], commentKey);
  }
  if (before.objects && after.objects)
    effects.objects = touched(before.objects, after.objects, objectKey).map((change) => ({
      ...change,
      database: after.database,
    }));
  if (before.databases && after.databases)
    for (const change of touched(before.databases, after.databases, objectKey))
      effects.objects.push({ ...change, database: (change.after ?? change.before)?.label ?? '' });
  if (before.defaultAcls && after.defaultAcls)
    effects.defaultAcls = touched(before.defaultAcls, after.defaultAcls, defaultAclKey).map((change) => ({
      ...change,
      database: after.database,
    }));
  if (before.serverWide && after.serverWide)
    for (const change of touched(before.serverWide, after.serverWide, objectKey))
      effects.objects.push({ ...change, database: SERVER_WIDE });
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

/** What changed of one role's attributes in these effects (by its oid). */
export function roleAttributesChanged(effects: readonly Effects[], oid: number): string[] {
  return effects
    .flatMap((effect) => effect.roles)
    .flatMap(({ before, after }) => (before && after && after.oid === oid ? attributeChanges(before, after) : []));
}

/** Who these effects made a member of role `oid`, and whose membership in it they removed (member oids). */
export function membersMoved(effects: readonly Effects[], oid: number): { added: number[]; removed: number[] } {
  const edges = effects.flatMap((effect) => effect.memberships);
  const inRole = (edge: { roleid: number } | null) => edge?.roleid === oid;
  return {
    added: edges.filter(({ before, after }) => !before && inRole(after)).map(({ after }) => after?.member ?? 0),
    removed: edges.filter(({ before, after }) => inRole(before) && !after).map(({ before }) => before?.member ?? 0),
  };
}
