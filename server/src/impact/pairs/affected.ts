import { type AclItem, PUBLIC_OID, sameAclItem } from '../../catalog/objects.js';
import type { Effects } from '../../events/effects.js';
import type { ObjectState } from '../../events/payloads.js';
import type { Side, Sides } from '../graphs.js';

/** An object's owner and ACL before and after a change (null: it did not exist), and the roles to look at on it. */
export interface Examined {
  before: ObjectState | null;
  after: ObjectState | null;
  roles: Set<number>;
}

export const examinedKey = (state: ObjectState) => `${state.objectKind}:${state.key ?? state.oid}`;

/** Each grantee's items on an object, as text: a grantee whose text moved is one whose privileges may have. */
function itemsByGrantee(acl: readonly AclItem[], grantees: ReadonlySet<number>): Map<number, string> {
  const items = new Map<number, string[]>();
  for (const item of acl) {
    if (!grantees.has(item.grantee)) continue;
    const list = items.get(item.grantee) ?? [];
    list.push(`${item.grantor}/${item.privilege_type}/${item.is_grantable}`);
    items.set(item.grantee, list);
  }
  return new Map([...items].map(([grantee, list]) => [grantee, list.sort().join(',')]));
}

/**
 * The grantees with an item outside the part both ACLs share at their start and end. A change moves few items and
 * PostgreSQL keeps the others in place: any other grantee's items are the same on both sides.
 */
function granteesAround(was: readonly AclItem[], is: readonly AclItem[]): Set<number> {
  let start = 0;
  while (start < was.length && start < is.length && sameAclItem(was[start] as AclItem, is[start] as AclItem)) start++;
  let end = 0;
  while (
    end < was.length - start &&
    end < is.length - start &&
    sameAclItem(was[was.length - 1 - end] as AclItem, is[is.length - 1 - end] as AclItem)
  )
    end++;
  const found = new Set<number>();
  for (const item of was.slice(start, was.length - end)) found.add(item.grantee);
  for (const item of is.slice(start, is.length - end)) found.add(item.grantee);
  return found;
}

/**
 * The grantees whose items an object's change moved, and its owners if ownership moved: only roles that have the
 * privileges of one of them can hold anything else on it now. PUBLIC among them: every role may.
 */
export function movedGrantees(before: ObjectState | null, after: ObjectState | null): number[] {
  const [wasAcl, isAcl] = [before?.acl ?? [], after?.acl ?? []];
  const candidates = granteesAround(wasAcl, isAcl);
  const [was, is] = [itemsByGrantee(wasAcl, candidates), itemsByGrantee(isAcl, candidates)];
  const moved = [...candidates].filter((grantee) => was.get(grantee) !== is.get(grantee));
  if (before?.owner !== after?.owner)
    for (const owner of [before?.owner, after?.owner]) if (owner !== undefined) moved.push(owner);
  return moved;
}

const isSuperuserOn = (side: Side, role: number) => side.roles.get(role)?.rolsuper === true;

/** A superuser on both sides holds everything on both: nothing of it can change. */
export const alwaysSuperuser = (sides: Sides, role: number) =>
  isSuperuserOn(sides.before, role) && isSuperuserOn(sides.after, role);

/** Every role, on either side, that has (or had) the privileges of one of `grantees`; every role for PUBLIC. */
export function rolesReaching(sides: Sides, grantees: readonly number[]): Set<number> {
  const found = new Set<number>();
  if (grantees.includes(PUBLIC_OID)) {
    for (const side of [sides.before, sides.after]) for (const role of side.roles.keys()) found.add(role);
  } else {
    sides.before.reverse.inheritors(grantees, found);
    if (sides.after !== sides.before) {
      const after = sides.after.reverse.inheritors(grantees);
      for (const role of after) found.add(role);
    }
  }
  for (const role of found) if (alwaysSuperuser(sides, role)) found.delete(role);
  return found;
}

/** What a change did to one role's standing: the roles whose privileges it gained and lost. */
export interface RoleMove {
  role: number;
  lost: number[];
  gained: number[];
  /** SUPERUSER came or went: every privilege on every object did too. */
  superuserChanged: boolean;
}

/** The roles the change's own effects on roles start from: members whose memberships moved, roles made or dropped. */
function seedsOf(sides: Sides, effects: Effects): Set<number> {
  const seeds = new Set<number>();
  for (const { before, after } of effects.memberships)
    for (const edge of [before, after]) if (edge) seeds.add(edge.member);
  for (const { before, after } of effects.roles)
    if (!before || !after || before.rolsuper !== after.rolsuper || before.rolinherit !== after.rolinherit)
      seeds.add((before ?? after)?.oid ?? 0);
  if (sides.before.databaseOwner !== sides.after.databaseOwner)
    for (const owner of [sides.before.databaseOwner, sides.after.databaseOwner]) seeds.add(owner);
  seeds.delete(0);
  return seeds;
}

/** Every role whose inherited roles a change moved (those below a member whose memberships moved), and how. */
export function roleMoves(sides: Sides, effects: Effects): RoleMove[] {
  if (sides.before === sides.after) return [];
  const seeds = seedsOf(sides, effects);
  if (seeds.size === 0) return [];
  const candidates = sides.before.reverse.inheritors(seeds);
  for (const role of sides.after.reverse.inheritors(seeds)) candidates.add(role);
  const moves: RoleMove[] = [];
  for (const role of candidates) {
    if (alwaysSuperuser(sides, role)) continue;
    const [was, is] = [sides.before.roles.get(role), sides.after.roles.get(role)];
    const before = was ? new Set(sides.before.graph.inheritedRoles(role)) : new Set<number>();
    const after = is ? new Set(sides.after.graph.inheritedRoles(role)) : new Set<number>();
    const lost = [...before].filter((held) => !after.has(held));
    const gained = [...after].filter((held) => !before.has(held));
    const superuserChanged = Boolean(was && is && was.rolsuper !== is.rolsuper);
    if (lost.length > 0 || gained.length > 0 || superuserChanged) moves.push({ role, lost, gained, superuserChanged });
  }
  return moves;
}

/** Adds an object's change (or an unchanged object) with the roles to look at on it. */
export function examine(
  examined: Map<string, Examined>,
  before: ObjectState | null,
  after: ObjectState | null,
  roles: Iterable<number>,
): void {
  const key = examinedKey((after ?? before) as ObjectState);
  let entry = examined.get(key);
  if (!entry) {
    entry = { before, after, roles: new Set() };
    examined.set(key, entry);
  }
  for (const role of roles) entry.roles.add(role);
}

/**
 * The roles of `moves` to look at on an object they did not change: those that gained or lost the privileges of its
 * owner or of one of its grantees.
 */
export function movedRolesOn(state: ObjectState, movedByRole: ReadonlyMap<number, number[]>, everywhere: number[]) {
  const roles = new Set(everywhere);
  for (const holder of new Set([state.owner, ...state.acl.map((item) => item.grantee)]))
    for (const role of movedByRole.get(holder) ?? []) roles.add(role);
  return roles;
}
