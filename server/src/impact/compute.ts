import type { ClientBase } from 'pg';
import { type CatalogState, type Effects, SERVER_WIDE } from '../events/effects.js';
import { calloutsOf } from './callouts.js';
import { heldOn, privilegeChanges } from './diff.js';
import { evaluate, type ImpactSetting, membershipChanges, tablesOf } from './evaluate.js';
import { futureObjects } from './future-objects.js';
import { type Sides, sidesOf } from './graphs.js';
import { groupImpact, type RolePrivilegeChange } from './groups.js';
import type { AccessImpact } from './model.js';
import { impactObjects } from './object-names.js';
import { everyObject, objectsOfRoles } from './objects-of-roles.js';
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
import { truncatedImpact } from './truncated.js';

/**
 * The most (role, object) pairs an impact compares, at about 4 µs and 400 bytes each, inside the change's transaction
 * (its locks held): a group of 1,000 members losing a role that reads 5,000 tables would be 5 million. Beyond it the
 * impact is told at the level of groups (truncated.ts). A setting, so that tests can lower it.
 */
export const impactLimits = { maxComparedPairs: 250_000 };

export class ImpactTooLargeError extends Error {
  constructor(readonly pairs: number) {
    super(`the impact would compare over ${pairs} (role, object) pairs, over ${impactLimits.maxComparedPairs}`);
  }
}

/** The pairs counted so far: the count stops the examination as soon as it is over the limit (memory stays bounded). */
class PairCount {
  pairs = 0;

  add(count: number): void {
    this.pairs += count;
    if (this.pairs > impactLimits.maxComparedPairs) throw new ImpactTooLargeError(this.pairs);
  }
}

/** The objects whose owner or ACL the change moved here, each with the roles that may hold something else on it. */
function changedObjects(sides: Sides, effects: Effects, database: string, count: PairCount): Map<string, Examined> {
  const examined = new Map<string, Examined>();
  const reaching = new Map<string, Set<number>>();
  for (const change of effects.objects) {
    if (change.database !== database && change.database !== SERVER_WIDE) continue;
    const grantees = movedGrantees(change.before, change.after);
    const key = grantees.join(',');
    let roles = reaching.get(key);
    if (!roles) {
      roles = rolesReaching(sides, grantees);
      reaching.set(key, roles);
    }
    count.add(roles.size);
    examine(examined, change.before, change.after, roles);
  }
  return examined;
}

/** The objects of the roles whose privileges the change gave or took through memberships, with the roles moved. */
async function objectsOfMoves(
  client: ClientBase,
  moves: RoleMove[],
  examined: Map<string, Examined>,
  database: string,
  count: PairCount,
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
    count.add(roles.size);
    if (roles.size > 0) examine(examined, state, state, roles);
  }
  for (const entry of examined.values())
    for (const state of [entry.before, entry.after])
      if (state)
        for (const role of movedRolesOn(state, movedBy, everywhere))
          if (!entry.roles.has(role)) {
            count.add(1);
            entry.roles.add(role);
          }
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
  const moves = roleMoves(sides, effects);
  const count = new PairCount();
  let examined: Map<string, Examined>;
  try {
    examined = changedObjects(sides, effects, before.database, count);
    await objectsOfMoves(client, moves, examined, before.database, count);
  } catch (error) {
    if (!(error instanceof ImpactTooLargeError)) throw error;
    return truncatedImpact({ client, setting, sides, effects, moves, pairs: error.pairs });
  }
  const tables = await tablesOf(client, examined, before.database);
  const collaborators = await setting.collaborators;
  const found = evaluate(sides, examined, tables);
  const names = await impactObjects(client, [...new Set(found.map(({ state }) => state))], setting.names);
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
