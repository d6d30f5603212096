import type { ClientBase } from 'pg';
import type { AnyObject } from '../catalog/effective.js';
import { PUBLIC_OID } from '../catalog/objects.js';
import type { CatalogReader } from '../catalog/reader.js';
import { LISTED_WHILE_GRANTED } from '../catalog/securables.js';
import type { ObjectState } from '../events/payloads.js';
import { columnOnly, heldOn, type PrivilegeChange, privilegeChanges } from './diff.js';
import type { Sides } from './graphs.js';
import type { RoleMembershipChange, RolePrivilegeChange } from './groups.js';
import type { ObjectNames } from './object-names.js';
import { relationsByOid } from './objects-of-roles.js';
import type { Examined, RoleMove } from './pairs/affected.js';
import { predefinedChanges } from './predefined.js';

/**
 * What an impact, whole (compute.ts) or told at the level of groups (truncated.ts), is computed with and from: the
 * setting, and each examined role's changes on each examined object.
 */

/** What the impact is computed with, besides what the change observed. */
export interface ImpactSetting {
  reader: CatalogReader;
  /** The database's collaborators by role name (usernames, sorted). */
  collaborators: Promise<Map<string, string[]>>;
  /** The role the viewer's connection runs as. */
  actingRole: string;
  /** Names of objects the change touches, read with its statements. */
  names?: ObjectNames;
}

export type Tables = Map<number, { before: ObjectState | null; after: ObjectState | null }>;

/** The tables the examined columns belong to, on both sides (read now when the change left them as they were). */
export async function tablesOf(client: ClientBase, examined: Map<string, Examined>, database: string): Promise<Tables> {
  const tables: Tables = new Map();
  for (const entry of examined.values()) {
    const state = entry.after ?? entry.before;
    if (state?.objectKind === 'TABLE' || state?.objectKind === 'SEQUENCE')
      tables.set(state.oid, { before: entry.before, after: entry.after });
  }
  const missing = new Set<number>();
  for (const entry of examined.values()) {
    const state = entry.after ?? entry.before;
    if (state?.objectKind === 'COLUMN' && state.parent !== undefined && !tables.has(state.parent))
      missing.add(state.parent);
  }
  for (const table of await relationsByOid(client, [...missing], database))
    tables.set(table.oid, { before: table, after: table });
  return tables;
}

function anyObject(state: ObjectState | null, table: ObjectState | null | undefined): AnyObject | null {
  if (!state) return null;
  if (state.objectKind !== 'COLUMN') return { kind: state.objectKind, owner: state.owner, acl: state.acl };
  if (!table) return null;
  return { kind: 'COLUMN', owner: table.owner, acl: state.acl, table: { owner: table.owner, acl: table.acl } };
}

/**
 * A column or parameter is read only while it carries privileges of its own: absent on one side of a change while
 * present on the other, it was there with none (its table still is).
 */
function ungranted(state: ObjectState | null): ObjectState | null {
  return state && LISTED_WHILE_GRANTED.includes(state.objectKind) ? { ...state, acl: [] } : null;
}

/** Each examined role's changes on each examined object. */
export function evaluate(sides: Sides, examined: Map<string, Examined>, tables: Tables) {
  const found: { state: ObjectState; role: number; change: PrivilegeChange }[] = [];
  const { features } = sides;
  for (const entry of examined.values()) {
    const state = (entry.after ?? entry.before) as ObjectState;
    const table = state.objectKind === 'COLUMN' ? tables.get(state.parent ?? 0) : undefined;
    const [before, after] = [
      anyObject(entry.before ?? ungranted(entry.after), table?.before),
      anyObject(entry.after ?? ungranted(entry.before), table?.after),
    ];
    const tableSides = table && [anyObject(table.before, undefined), anyObject(table.after, undefined)];
    for (const role of entry.roles) {
      // A role the change drops loses what it held beyond what everyone (PUBLIC) held: the rest was not its own, and
      // is told as everyone's when everyone loses it too.
      const dropped = sides.before.roles.has(role) && !sides.after.roles.has(role);
      const change = (was: AnyObject | null, is: AnyObject | null) =>
        privilegeChanges(
          heldOn(sides.before, role, was, features),
          dropped ? heldOn(sides.before, PUBLIC_OID, was, features) : heldOn(sides.after, role, is, features),
        );
      let changes = change(before, after);
      if (tableSides && changes.length > 0)
        changes = columnOnly(changes, change(tableSides[0] ?? null, tableSides[1] ?? null));
      for (const moved of changes) found.push({ state, role, change: moved });
    }
  }
  return found;
}

/** Who gains and loses the privileges of which roles, and what comes with predefined roles. */
export function membershipChanges(sides: Sides, moves: RoleMove[]) {
  const memberships: RoleMembershipChange[] = [];
  const predefined: RolePrivilegeChange[] = [];
  for (const move of moves)
    for (const [direction, roles, side] of [
      ['LOSS', move.lost, sides.before],
      ['GAIN', move.gained, sides.after],
    ] as const)
      for (const of of roles) {
        if (of === move.role) continue;
        memberships.push({ direction, of, role: move.role });
        const role = side.roles.get(of);
        if (role?.is_predefined) predefined.push(...predefinedChanges(side, move.role, role, direction));
      }
  return { memberships, predefined };
}
