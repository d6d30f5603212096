import type { ClientBase } from 'pg';
import { PUBLIC_OID } from '../catalog/objects.js';
import { type Effects, SERVER_WIDE } from '../events/effects.js';
import { calloutsOf } from './callouts.js';
import { evaluate, type ImpactSetting, membershipChanges, tablesOf } from './evaluate.js';
import type { Side, Sides } from './graphs.js';
import { groupImpact, type RolePrivilegeChange } from './groups.js';
import type { AccessImpact } from './model.js';
import { impactObjects } from './object-names.js';
import { objectCountOfRoles } from './objects-of-roles.js';
import { alwaysSuperuser, type Examined, examine, movedGrantees, type RoleMove } from './pairs/affected.js';

/** The membership groups whose role's objects are counted (most members first): one indexed count each. */
const COUNTED_GROUPS = 20;

export interface TruncatedInput {
  client: ClientBase;
  setting: ImpactSetting;
  sides: Sides;
  effects: Effects;
  moves: RoleMove[];
  /** The pairs counted when the examination stopped. */
  pairs: number;
}

/** Each object the change itself moved, with only the grantees and owners it moved (PUBLIC included, as itself). */
function directlyMoved(input: TruncatedInput): Map<string, Examined> {
  const examined = new Map<string, Examined>();
  for (const change of input.effects.objects) {
    if (change.database !== input.sides.database && change.database !== SERVER_WIDE) continue;
    const roles = movedGrantees(change.before, change.after).filter((role) => !alwaysSuperuser(input.sides, role));
    if (roles.length > 0) examine(examined, change.before, change.after, roles);
  }
  return examined;
}

/** How many roles have the privileges of one of `roles` through inheriting memberships, they themselves left out. */
function inheritorsOf(side: Side, roles: readonly number[]): number {
  if (roles.includes(PUBLIC_OID)) return side.roles.size;
  const found = side.reverse.inheritors(roles);
  for (const role of roles) found.delete(role);
  return found.size;
}

/**
 * An impact too large to compare role by role, told at the level of groups, every statement still true: who gains and
 * loses the privileges of which role (exact, with how many objects that role reaches), what the roles the change itself
 * moved gain and lose (exact, each with how many roles inherit it), and what comes with predefined roles.
 */
export async function truncatedImpact(input: TruncatedInput): Promise<AccessImpact> {
  const { client, sides } = input;
  const examined = directlyMoved(input);
  const tables = await tablesOf(client, examined, sides.database);
  const found = evaluate(sides, examined, tables);
  const names = await impactObjects(client, [...new Set(found.map(({ state }) => state))], input.setting.names);
  const privileges: RolePrivilegeChange[] = found.map(({ state, role, change }) => ({
    object: names.get(state) as RolePrivilegeChange['object'],
    role,
    change,
  }));
  const { memberships, predefined } = membershipChanges(sides, input.moves);
  privileges.push(...predefined);
  const collaborators = await input.setting.collaborators;
  const callouts = calloutsOf({ sides, privileges, memberships, collaborators, actingRole: input.setting.actingRole });
  const impact = groupImpact({
    before: sides.before,
    after: sides.after,
    privileges,
    memberships,
    collaborators,
    callouts,
  });
  const oids = {
    LOSS: new Map([...sides.before.roles.values()].map((role) => [role.rolname, role.oid])),
    GAIN: new Map([...sides.after.roles.values()].map((role) => [role.rolname, role.oid])),
  };
  const oidOf = (direction: 'GAIN' | 'LOSS', name: string) =>
    name === 'PUBLIC' ? PUBLIC_OID : oids[direction].get(name);
  const sideOf = (direction: 'GAIN' | 'LOSS') => (direction === 'LOSS' ? sides.before : sides.after);
  for (const group of impact.privilegeGroups) {
    const roles = group.roles.map((role) => oidOf(group.direction, role.role)).filter((oid) => oid !== undefined);
    // What comes with a predefined role is told for each role that gains or loses it: none are left out.
    group.inheritorCount =
      group.object.schema === null && group.object.name.startsWith('(every ')
        ? 0
        : inheritorsOf(sideOf(group.direction), roles);
  }
  for (const group of impact.membershipGroups.slice(0, COUNTED_GROUPS)) {
    const oid = oidOf(group.direction, group.role);
    const side = sideOf(group.direction);
    if (oid !== undefined)
      group.heldObjectCount = await objectCountOfRoles(client, [...side.graph.inheritedRoles(oid)]);
  }
  return { ...impact, truncated: true, comparedPairs: input.pairs };
}
