import type { ClientBase } from 'pg';
import type { AnyObject } from '../catalog/effective.js';
import type { CatalogReader } from '../catalog/reader.js';
import { LISTED_WHILE_GRANTED } from '../catalog/securables.js';
import { type CatalogState, type Effects, SERVER_WIDE } from '../events/effects.js';
import type { ObjectState } from '../events/payloads.js';
import { calloutsOf } from './callouts.js';
import { columnOnly, heldOn, type PrivilegeChange, privilegeChanges } from './diff.js';
import { futureObjects } from './future-objects.js';
import { type Sides, sidesOf } from './graphs.js';
import { groupImpact, type RoleMembershipChange, type RolePrivilegeChange } from './groups.js';
import type { AccessImpact } from './model.js';
import { impactObjects } from './object-names.js';
import { everyObject, objectsOfRoles, relationsByOid } from './objects-of-roles.js';
import {
  type Examined,
  examine,
  examinedKey,
  movedGrantees,
  movedRolesOn,
  type RoleMove,
  roleMoves,
  rolesReaching,
} from './pairs/affected.js';
import { predefinedChanges } from './predefined.js';

/**
 * The most (role, object) pairs an impact compares, at about 4 µs and 400 bytes each, inside the change's transaction
 * (its locks held): a group of 1,000 members losing a role that reads 5,000 tables would be 5 million. Beyond it the
 * impact is not computed (null), and the change goes on.
 */
export const MAX_COMPARED_PAIRS = 250_000;

export class ImpactTooLargeError extends Error {
  constructor(readonly pairs: number) {
    super(`the impact would compare ${pairs} (role, object) pairs, over ${MAX_COMPARED_PAIRS}: not computed`);
  }
}

function checkSize(examined: ReadonlyMap<string, Examined>): void {
  let pairs = 0;
  for (const entry of examined.values()) pairs += entry.roles.size;
  if (pairs > MAX_COMPARED_PAIRS) throw new ImpactTooLargeError(pairs);
}

/** What the impact is computed with, besides what the change observed. */
export interface ImpactSetting {
  reader: CatalogReader;
  /** The database's collaborators by role name (usernames, sorted). */
  collaborators: Promise<Map<string, string[]>>;
  /** The role the viewer's connection runs as. */
  actingRole: string;
}

/** The objects whose owner or ACL the change moved here, each with the roles that may hold something else on it. */
function changedObjects(sides: Sides, effects: Effects, database: string): Map<string, Examined> {
  const examined = new Map<string, Examined>();
  for (const change of effects.objects) {
    if (change.database !== database && change.database !== SERVER_WIDE) continue;
    examine(examined, change.before, change.after, rolesReaching(sides, movedGrantees(change.before, change.after)));
  }
  return examined;
}

/** The objects of the roles whose privileges the change gave or took through memberships, with the roles moved. */
async function objectsOfMoves(
  client: ClientBase,
  moves: RoleMove[],
  examined: Map<string, Examined>,
  database: string,
): Promise<void> {
  if (moves.length === 0) return;
  const movedBy = new Map<number, number[]>();
  for (const move of moves)
    for (const holder of new Set([...move.lost, ...move.gained])) {
      const roles = movedBy.get(holder);
      if (roles) roles.push(move.role);
      else movedBy.set(holder, [move.role]);
    }
  const everywhere = moves.filter((move) => move.superuserChanged).map((move) => move.role);
  const unchanged =
    everywhere.length > 0
      ? await everyObject(client, database)
      : await objectsOfRoles(client, [...movedBy.keys()], database);
  for (const state of unchanged) {
    if (examined.has(examinedKey(state))) continue;
    const roles = movedRolesOn(state, movedBy, everywhere);
    if (roles.size > 0) examine(examined, state, state, roles);
  }
  for (const entry of examined.values())
    for (const state of [entry.before, entry.after])
      if (state) for (const role of movedRolesOn(state, movedBy, everywhere)) entry.roles.add(role);
}

type Tables = Map<number, { before: ObjectState | null; after: ObjectState | null }>;

/** The tables the examined columns belong to, on both sides (read now when the change left them as they were). */
async function tablesOf(client: ClientBase, examined: Map<string, Examined>, database: string): Promise<Tables> {
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
function evaluate(sides: Sides, examined: Map<string, Examined>, tables: Tables) {
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
      const [was, is] = [heldOn(sides.before, role, before, features), heldOn(sides.after, role, after, features)];
      let changes = privilegeChanges(was, is);
      if (tableSides && changes.length > 0)
        changes = columnOnly(
          changes,
          privilegeChanges(
            heldOn(sides.before, role, tableSides[0] ?? null, features),
            heldOn(sides.after, role, tableSides[1] ?? null, features),
          ),
        );
      for (const change of changes) found.push({ state, role, change });
    }
  }
  return found;
}

/** Who gains and loses the privileges of which roles, and what comes with predefined roles. */
function membershipChanges(sides: Sides, moves: RoleMove[]) {
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

/**
 * The impact of a change on effective access, from what PostgreSQL itself did (observed inside the change's
 * transaction, before it commits or is rolled back): the objects it changed, the roles whose memberships it moved
 * with the objects of the roles they gained or lost, and default privileges as the objects they will apply to.
 */
export async function assessImpact(
  client: ClientBase,
  setting: ImpactSetting,
  before: CatalogState,
  after: CatalogState,
  effects: Effects,
): Promise<AccessImpact> {
  const sides = await sidesOf(setting.reader, before, after);
  const examined = changedObjects(sides, effects, before.database);
  const moves = roleMoves(sides, effects);
  await objectsOfMoves(client, moves, examined, before.database);
  checkSize(examined);
  const tables = await tablesOf(client, examined, before.database);
  const collaborators = await setting.collaborators;
  const found = evaluate(sides, examined, tables);
  const names = await impactObjects(client, [...new Set(found.map(({ state }) => state))]);
  const privileges: RolePrivilegeChange[] = found.map(({ state, role, change }) => ({
    object: names.get(state) as RolePrivilegeChange['object'],
    role,
    change,
  }));
  for (const future of await futureObjects(client, sides, before, after, effects))
    for (const role of future.roles)
      for (const change of privilegeChanges(
        heldOn(sides.before, role, future.before, sides.features),
        heldOn(sides.after, role, future.after, sides.features),
      ))
        privileges.push({ object: future.object, role, change });
  const { memberships, predefined } = membershipChanges(sides, moves);
  privileges.push(...predefined);
  const callouts = calloutsOf({
    sides,
    privileges,
    memberships,
    collaborators,
    actingRole: setting.actingRole,
  });
  return groupImpact({ before: sides.before, after: sides.after, privileges, memberships, collaborators, callouts });
}
