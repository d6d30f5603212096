import type { PgDefaultAcl } from '../catalog/default-privileges.js';
import { defaultAclDrift, defaultAclKey } from './default-acl-drift.js';
import {
  type DatabaseSnapshot,
  type Drift,
  edgeKey,
  membershipDrift,
  objectDrift,
  roleDrift,
  type ServerSnapshot,
} from './drift-diff.js';
import { type ObjectState, objectKey, type RoleCommentState, type RoleSettingState, type Touched } from './payloads.js';
import { commentDrift, commentKey, settingDrift, settingKey } from './role-extras.js';

type Diff<T> = (before: T[], after: T[]) => Drift[];

const listOf = <T>(item: T | null | undefined): T[] => (item ? [item] : []);

/**
 * What others did to a set of items between two polls, given what Rolecall's own changes in between did to some of
 * them (each as it was just before and just after, in the order they ran). An item no change touched is compared
 * poll to poll. A touched one is compared in the segments outside Rolecall's changes — previous poll → first
 * change's before, one change's after → the next one's before, … last after → now — so psql's changes to the same
 * item before, between or after Rolecall's are still found, and Rolecall's own never are.
 */
function segmented<T>(
  previous: readonly T[],
  now: readonly T[],
  changes: readonly Touched<T>[],
  key: (item: T) => string,
  diff: Diff<T>,
): Drift[] {
  const byKey = new Map<string, Touched<T>[]>();
  for (const change of changes) {
    const item = (change.before ?? change.after) as T;
    byKey.set(key(item), [...(byKey.get(key(item)) ?? []), change]);
  }
  const untouched = (items: readonly T[]) => items.filter((item) => !byKey.has(key(item)));
  const drifts = diff(untouched(previous), untouched(now));
  const was = new Map(previous.map((item) => [key(item), item]));
  const is = new Map(now.map((item) => [key(item), item]));
  for (const [id, itsChanges] of byKey) {
    let from: T | null = was.get(id) ?? null;
    for (const change of itsChanges) {
      drifts.push(...diff(listOf(from), listOf(change.before)));
      from = change.after;
    }
    drifts.push(...diff(listOf(from), listOf(is.get(id))));
  }
  return drifts;
}

/** Roles, memberships, tablespaces and parameters others changed between two polls of a server. */
export function serverDrift(
  previous: ServerSnapshot,
  now: ServerSnapshot,
  roles: readonly Touched<ServerSnapshot['roles'][number]>[],
  memberships: readonly Touched<ServerSnapshot['memberships'][number]>[],
  names: (oid: number) => string,
  objects: readonly Touched<ObjectState>[] = [],
): Drift[] {
  return [
    ...segmented(previous.roles, now.roles, roles, (role) => String(role.oid), roleDrift),
    ...segmented(previous.memberships, now.memberships, memberships, edgeKey, (before, after) =>
      membershipDrift(before, after, names),
    ),
    ...segmented(previous.objects ?? [], now.objects ?? [], objects, objectKey, (before, after) =>
      objectDrift(before, after, names),
    ),
  ];
}

/** Objects of one database others created, dropped, gave away or granted on between two polls. */
export function databaseDrift(
  previous: readonly ObjectState[],
  now: readonly ObjectState[],
  objects: readonly Touched<ObjectState>[],
  names: (oid: number) => string,
): Drift[] {
  // A dropped relation's columns and partitions go with it: its drop is the news, not each of theirs.
  const remaining = new Set(now.map(objectKey));
  const ofDropped = (state: ObjectState) => state.parent !== undefined && !remaining.has(String(state.parent));
  return segmented(
    previous.filter((state) => !ofDropped(state)),
    now,
    objects,
    objectKey,
    (before, after) => objectDrift(before, after, names),
  );
}

/** Role settings and comments others changed between two polls of a server. */
export function roleExtrasDrift(
  previous: ServerSnapshot,
  now: ServerSnapshot,
  settings: readonly Touched<RoleSettingState>[],
  comments: readonly Touched<RoleCommentState>[],
  names: (oid: number) => string,
): Drift[] {
  const living = new Set(now.roles.map((role) => role.oid));
  return [
    ...segmented(previous.settings ?? [], now.settings ?? [], settings, settingKey, (before, after) =>
      settingDrift(before, after, names, living),
    ),
    ...segmented(previous.comments ?? [], now.comments ?? [], comments, commentKey, (before, after) =>
      commentDrift(before, after, names, living),
    ),
  ];
}

/** Default privileges others changed in one database between two polls; `living`: the server's roles now. */
export function defaultPrivilegeDrift(
  previous: DatabaseSnapshot,
  now: DatabaseSnapshot,
  changes: readonly Touched<PgDefaultAcl>[],
  names: (oid: number) => string,
  living: ReadonlySet<number>,
): Drift[] {
  const schemas = (snapshot: DatabaseSnapshot) => snapshot.objects.filter((object) => object.objectKind === 'SCHEMA');
  const schemaNames = new Map([...schemas(previous), ...schemas(now)].map((schema) => [schema.oid, schema.label]));
  const remaining = new Set(schemas(now).map((schema) => schema.oid));
  const context = {
    names,
    schemaName: (oid: number) => schemaNames.get(oid) ?? String(oid),
    wentWithItsOwner: (entry: PgDefaultAcl) =>
      !living.has(entry.defaclrole) || (entry.defaclnamespace !== 0 && !remaining.has(entry.defaclnamespace)),
    features: now.features,
  };
  return segmented(previous.defaultAcls, now.defaultAcls, changes, defaultAclKey, (before, after) =>
    defaultAclDrift(before, after, context),
  );
}
