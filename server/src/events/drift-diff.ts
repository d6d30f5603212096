import type { PgDefaultAcl } from '../catalog/default-privileges.js';
import type { AclItem } from '../catalog/objects.js';
import { PUBLIC_OID, sameAcl } from '../catalog/objects.js';
import { privilegesFor } from '../catalog/privileges.js';
import type { PgAuthMember, PgRole } from '../catalog/roles.js';
import { LISTED_WHILE_GRANTED } from '../catalog/securables.js';
import type { ServerFeatures } from '../catalog/server.js';
import type { EventKind, PayloadOf } from './kinds.js';
import {
  type GrantEntry,
  type ObjectState,
  objectKey,
  type RoleCommentState,
  type RoleSettingState,
} from './payloads.js';

/** What the watcher remembers of a server between two polls. */
export interface ServerSnapshot {
  roles: PgRole[];
  memberships: PgAuthMember[];
  settings?: RoleSettingState[];
  comments?: RoleCommentState[];
  /** Tablespaces and parameters with privileges granted (the drift watcher's reads; a change's effects skip them). */
  objects?: ObjectState[];
}

/** What the watcher remembers of one connected database between two polls. */
export interface DatabaseSnapshot {
  objects: ObjectState[];
  defaultAcls: PgDefaultAcl[];
  /** What a creator's missing global entry stands for depends on the version (acldefault: MAINTAIN from 17). */
  features: ServerFeatures;
}

/** A change found between two reads of the catalog, as its event will carry it. */
export type Drift = { [K in EventKind]: { kind: K; payload: PayloadOf<K> } }[EventKind];

const ATTRIBUTES: [keyof PgRole, string][] = [
  ['rolsuper', 'SUPERUSER'],
  ['rolinherit', 'INHERIT'],
  ['rolcreaterole', 'CREATEROLE'],
  ['rolcreatedb', 'CREATEDB'],
  ['rolcanlogin', 'LOGIN'],
  ['rolreplication', 'REPLICATION'],
  ['rolbypassrls', 'BYPASSRLS'],
];

/** A role's attributes as they changed, in ALTER ROLE's words. */
export function attributeChanges(before: PgRole, after: PgRole): string[] {
  const changes = ATTRIBUTES.filter(([key]) => before[key] !== after[key]).map(([key, word]) =>
    after[key] ? word : `NO${word}`,
  );
  if (before.rolconnlimit !== after.rolconnlimit) changes.push(`CONNECTION LIMIT ${after.rolconnlimit}`);
  // A role an event carries comes back from JSON with its date as text.
  const [was, is] = [before.rolvaliduntil, after.rolvaliduntil].map((date) => (date ? new Date(date) : null));
  // Events recorded before the flag was read carry none: no VALID UNTIL.
  const infinity = (role: PgRole) => role.valid_until_infinity === true;
  if (was?.getTime() !== is?.getTime() || infinity(before) !== infinity(after))
    changes.push(`VALID UNTIL ${is?.toISOString() ?? 'infinity'}`);
  return changes;
}

export function roleDrift(before: PgRole[], after: PgRole[]): Drift[] {
  const old = new Map(before.map((role) => [role.oid, role]));
  const now = new Map(after.map((role) => [role.oid, role]));
  const drifts: Drift[] = [];
  for (const role of after) {
    const previous = old.get(role.oid);
    if (!previous) {
      drifts.push({
        kind: 'role.created',
        payload: { name: role.rolname, login: role.rolcanlogin },
      });
      continue;
    }
    if (previous.rolname !== role.rolname) {
      drifts.push({
        kind: 'role.renamed',
        payload: { name: previous.rolname, newName: role.rolname },
      });
    }
    const changes = attributeChanges(previous, role);
    if (changes.length > 0)
      drifts.push({
        kind: 'role.altered',
        payload: { name: role.rolname, changes },
      });
  }
  for (const role of before) {
    if (!now.has(role.oid)) drifts.push({ kind: 'role.dropped', payload: { name: role.rolname } });
  }
  return drifts;
}

export const edgeKey = (edge: PgAuthMember) => `${edge.roleid}:${edge.member}:${edge.grantor}`;

export function membershipDrift(
  before: PgAuthMember[],
  after: PgAuthMember[],
  names: (oid: number) => string,
): Drift[] {
  const old = new Map(before.map((edge) => [edgeKey(edge), edge]));
  const now = new Map(after.map((edge) => [edgeKey(edge), edge]));
  const describe = (edge: PgAuthMember) => ({
    role: names(edge.roleid),
    member: names(edge.member),
    grantor: names(edge.grantor),
    admin: edge.admin_option,
    inherit: edge.inherit_option,
    set: edge.set_option,
  });
  const drifts: Drift[] = [];
  for (const [key, edge] of now) {
    const previous = old.get(key);
    const changed =
      previous &&
      (previous.admin_option !== edge.admin_option ||
        previous.inherit_option !== edge.inherit_option ||
        previous.set_option !== edge.set_option);
    if (!previous || changed)
      drifts.push({
        kind: 'membership.granted',
        payload: describe(edge),
      });
  }
  for (const [key, edge] of old) {
    if (!now.has(key))
      drifts.push({
        kind: 'membership.revoked',
        payload: describe(edge),
      });
  }
  return drifts;
}

/** The grants of an object by grantee name, as events carry them. */
export function aclEntries(acl: AclItem[], names: (oid: number) => string): GrantEntry[] {
  const byGrantee = new Map<number, AclItem[]>();
  for (const item of acl) byGrantee.set(item.grantee, [...(byGrantee.get(item.grantee) ?? []), item]);
  return [...byGrantee.entries()].map(([grantee, items]) => ({
    grantee: grantee === PUBLIC_OID ? 'PUBLIC' : names(grantee),
    privileges: [...new Set(items.map((item) => item.privilege_type))],
    grantable: [...new Set(items.filter((item) => item.is_grantable).map((item) => item.privilege_type))],
  }));
}

/** Each grantee's privileges, a grantable one marked `*`: two ACLs grant the same when these are equal. */
export function privilegeSets(acl: readonly AclItem[]): Map<number, Set<string>> {
  const sets = new Map<number, Set<string>>();
  for (const item of acl) {
    const set = sets.get(item.grantee) ?? new Set<string>();
    set.add(item.privilege_type + (item.is_grantable ? '*' : ''));
    sets.set(item.grantee, set);
  }
  return sets;
}

function aclDrift(before: ObjectState, after: ObjectState, names: (oid: number) => string): Drift[] {
  // Most objects of a poll are as they were: nothing to compare.
  if (sameAcl(before.acl, after.acl)) return [];
  const old = privilegeSets(before.acl);
  const now = privilegeSets(after.acl);
  const grantees = new Set([...old.keys(), ...now.keys()]);
  const acl = aclEntries(after.acl, names);
  const aclBefore = aclEntries(before.acl, names);
  const drifts: Drift[] = [];
  for (const grantee of grantees) {
    const was = old.get(grantee) ?? new Set<string>();
    const is = now.get(grantee) ?? new Set<string>();
    const granted = [...is].filter((privilege) => !was.has(privilege));
    const revoked = [...was].filter((privilege) => !is.has(privilege));
    if (granted.length === 0 && revoked.length === 0) continue;
    const who = grantee === PUBLIC_OID ? 'PUBLIC' : names(grantee);
    drifts.push({
      kind: 'privileges.changed',
      payload: { object: after.label, objectKind: after.objectKind, grantee: who, granted, revoked, aclBefore, acl },
    });
  }
  return drifts;
}

const ANY_SERVER = { versionNum: 150000, membershipOptions: false, maintain: false, largeObjectDefaults: false };

/**
 * The state of a column or parameter while it is not listed: a column with no privileges of its own, a parameter whose
 * ACL is the default (acldefault: its owner, the bootstrap superuser, holds everything).
 */
function unlisted(state: ObjectState): ObjectState {
  if (state.objectKind === 'COLUMN') return { ...state, acl: [] };
  const privileges = privilegesFor('PARAMETER', ANY_SERVER).map((privilege_type) => ({
    grantor: state.owner,
    grantee: state.owner,
    privilege_type,
    // acldefault gives the owner its privileges without grant options (they are implicit).
    is_grantable: false,
  }));
  return { ...state, acl: privileges };
}

export function objectDrift(before: ObjectState[], after: ObjectState[], names: (oid: number) => string): Drift[] {
  const old = new Map(before.map((object) => [objectKey(object), object]));
  const now = new Map(after.map((object) => [objectKey(object), object]));
  const drifts: Drift[] = [];
  for (const object of after) {
    const listedWhileGranted = LISTED_WHILE_GRANTED.includes(object.objectKind);
    const previous = old.get(objectKey(object)) ?? (listedWhileGranted ? unlisted(object) : undefined);
    const described = { object: object.label, objectKind: object.objectKind };
    if (!previous) {
      drifts.push({
        kind: 'object.created',
        payload: { ...described, owner: names(object.owner) },
      });
      continue;
    }
    // A column's owner is its table's: the table's own event reports a new owner.
    if (previous.owner !== object.owner && object.objectKind !== 'COLUMN') {
      drifts.push({
        kind: 'ownership.transferred',
        payload: { ...described, previousOwner: names(previous.owner), newOwner: names(object.owner) },
      });
    }
    drifts.push(...aclDrift(previous, object, names));
  }
  for (const object of before) {
    if (now.has(objectKey(object))) continue;
    if (LISTED_WHILE_GRANTED.includes(object.objectKind)) drifts.push(...aclDrift(object, unlisted(object), names));
    else
      drifts.push({
        kind: 'object.dropped',
        payload: { object: object.label, objectKind: object.objectKind },
      });
  }
  return drifts;
}
