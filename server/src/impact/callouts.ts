import type { PgRole } from '../catalog/roles.js';
import type { Sides } from './graphs.js';
import type { RoleMembershipChange, RolePrivilegeChange } from './groups.js';
import type { ImpactCallout } from './model.js';

export interface CalloutInput {
  sides: Sides;
  privileges: RolePrivilegeChange[];
  memberships: RoleMembershipChange[];
  collaborators: ReadonlyMap<string, string[]>;
  /** The role the viewer's connection runs as. */
  actingRole: string;
}

const list = (users: string[]) => users.join(', ');

/**
 * Why a collaborator's role would have no access left here, or null: it can no longer log in or connect. (Losing every
 * privilege on the objects a change touched is not losing all access: the role may hold others elsewhere here.)
 */
function lossOfAll(input: CalloutInput, oid: number): string | null {
  const [was, is] = [input.sides.before.roles.get(oid), input.sides.after.roles.get(oid)];
  if (was && !is) return 'is dropped';
  if (was?.rolcanlogin && is && !is.rolcanlogin) return 'loses LOGIN';
  const connect = input.privileges.some(
    ({ role, object, change }) =>
      role === oid &&
      object.kind === 'DATABASE' &&
      change.privilege === 'CONNECT' &&
      change.direction === 'LOSS' &&
      !change.grantOptionOnly,
  );
  if (connect) return `loses CONNECT on database ${input.sides.database}`;
  return null;
}

/** What must be said before applying: the viewer's own role losing access, a collaborator losing all of it. */
/** Role OIDs by name, once per map of roles (a snapshot's is shared by every change until the roles move). */
const indexedByName = new WeakMap<ReadonlyMap<number, PgRole>, Map<string, number>>();

function oidsByName(roles: ReadonlyMap<number, PgRole>): ReadonlyMap<string, number> {
  let byName = indexedByName.get(roles);
  if (!byName) {
    byName = new Map();
    for (const role of roles.values()) byName.set(role.rolname, role.oid);
    indexedByName.set(roles, byName);
  }
  return byName;
}

export function calloutsOf(input: CalloutInput): ImpactCallout[] {
  const callouts: ImpactCallout[] = [];
  const byName = oidsByName(input.sides.before.roles);
  const actor = byName.get(input.actingRole);
  if (actor !== undefined) {
    const lost = input.privileges.filter(({ role, change }) => role === actor && change.direction === 'LOSS');
    const left = input.memberships.filter(({ role, direction }) => role === actor && direction === 'LOSS');
    if (lost.length > 0 || left.length > 0) {
      const what = [
        ...lost
          .slice(0, 3)
          .map(
            ({ object, change }) =>
              `${change.grantOptionOnly ? 'the grant option of ' : ''}${change.privilege} on ${object.label}`,
          ),
        ...left.slice(0, 3).map(({ of }) => `the privileges of ${input.sides.before.roles.get(of)?.rolname ?? of}`),
      ];
      const more = lost.length + left.length - what.length;
      callouts.push({
        code: 'ACTOR_LOSES_ACCESS',
        role: input.actingRole,
        collaborators: input.collaborators.get(input.actingRole) ?? [],
        message: `You act as ${input.actingRole} here, and it loses ${what.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`,
      });
    }
  }
  for (const [rolname, users] of [...input.collaborators].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const oid = byName.get(rolname);
    const reason = oid === undefined ? null : lossOfAll(input, oid);
    if (!reason) continue;
    callouts.push({
      code: 'COLLABORATOR_LOSES_ALL_ACCESS',
      role: rolname,
      collaborators: users,
      message: `${rolname} ${reason}: ${list(users)} ${users.length === 1 ? 'loses' : 'lose'} all access to this database.`,
    });
  }
  return callouts;
}
