import type { Source } from '../catalog/effective.js';
import { PUBLIC_OID } from '../catalog/objects.js';
import type { PrivilegeChange } from './diff.js';
import type { Side } from './graphs.js';
import type {
  AccessImpact,
  ImpactCallout,
  ImpactDirection,
  ImpactObject,
  ImpactSource,
  MembershipImpactGroup,
  PrivilegeImpactGroup,
} from './model.js';

/** One role's change of one privilege on one object. */
export interface RolePrivilegeChange {
  object: ImpactObject;
  role: number;
  change: PrivilegeChange;
}

/** One role gaining or losing the privileges of another through memberships. */
export interface RoleMembershipChange {
  direction: ImpactDirection;
  /** The role whose privileges are gained or lost. */
  of: number;
  role: number;
}

export interface GroupInput {
  before: Side;
  after: Side;
  privileges: RolePrivilegeChange[];
  memberships: RoleMembershipChange[];
  collaborators: ReadonlyMap<string, string[]>;
  callouts: ImpactCallout[];
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A role's name on the side the change is told from (its OID if gone from both). */
function nameIn(input: GroupInput, direction: ImpactDirection, oid: number): string {
  if (oid === PUBLIC_OID) return 'PUBLIC';
  const [first, second] = direction === 'LOSS' ? [input.before, input.after] : [input.after, input.before];
  return first.roles.get(oid)?.rolname ?? second.roles.get(oid)?.rolname ?? String(oid);
}

function sourceOf(input: GroupInput, direction: ImpactDirection, source: Source): ImpactSource {
  const name = (oid: number) => nameIn(input, direction, oid);
  const path = 'path' in source ? source.path.map(name) : [];
  const grantor = 'grantor' in source && source.grantor !== PUBLIC_OID ? name(source.grantor) : null;
  const grantable =
    source.kind === 'SUPERUSER' || source.kind === 'OWNER_GRANT_OPTION'
      ? true
      : source.kind === 'PREDEFINED_ROLE'
        ? false
        : source.grantable;
  return { kind: source.kind, path, grantor, grantable };
}

function collaboratorsOf(input: GroupInput, roles: Iterable<string>): string[] {
  const found = new Set<string>();
  for (const role of roles) for (const user of input.collaborators.get(role) ?? []) found.add(user);
  return [...found].sort(byName);
}

function privilegeGroups(input: GroupInput): PrivilegeImpactGroup[] {
  const groups = new Map<string, PrivilegeImpactGroup>();
  for (const { object, role, change } of input.privileges) {
    const key = `${object.label}\u0000${object.kind}\u0000${change.privilege}\u0000${change.direction}\u0000${change.grantOptionOnly}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        direction: change.direction,
        object,
        privilege: change.privilege,
        grantOptionOnly: change.grantOptionOnly,
        roleCount: 0,
        collaboratorCount: 0,
        collaborators: [],
        roles: [],
      };
      groups.set(key, group);
    }
    const rolname = nameIn(input, change.direction, role);
    group.roles.push({
      role: rolname,
      collaborators: input.collaborators.get(rolname) ?? [],
      sources: change.sources.map((source) => sourceOf(input, change.direction, source)),
    });
  }
  for (const group of groups.values()) {
    group.roles.sort((a, b) => byName(a.role, b.role));
    group.roleCount = group.roles.length;
    group.collaborators = collaboratorsOf(
      input,
      group.roles.map((role) => role.role),
    );
    group.collaboratorCount = group.collaborators.length;
  }
  return [...groups.values()].sort(
    (a, b) =>
      b.roleCount - a.roleCount ||
      byName(a.object.label, b.object.label) ||
      byName(a.privilege, b.privilege) ||
      byName(a.direction, b.direction) ||
      Number(a.grantOptionOnly) - Number(b.grantOptionOnly),
  );
}

function membershipGroups(input: GroupInput): MembershipImpactGroup[] {
  const groups = new Map<string, MembershipImpactGroup>();
  for (const { direction, of, role } of input.memberships) {
    const rolname = nameIn(input, direction, of);
    const key = `${rolname}\u0000${direction}`;
    let group = groups.get(key);
    if (!group) {
      group = { direction, role: rolname, roleCount: 0, collaboratorCount: 0, collaborators: [], members: [] };
      groups.set(key, group);
    }
    const side = direction === 'LOSS' ? input.before : input.after;
    const member = nameIn(input, direction, role);
    group.members.push({
      role: member,
      collaborators: input.collaborators.get(member) ?? [],
      path: (side.graph.inheritPath(role, of) ?? [role, of]).map((oid) => nameIn(input, direction, oid)),
    });
  }
  for (const group of groups.values()) {
    group.members.sort((a, b) => byName(a.role, b.role));
    group.roleCount = group.members.length;
    group.collaborators = collaboratorsOf(
      input,
      group.members.map((member) => member.role),
    );
    group.collaboratorCount = group.collaborators.length;
  }
  return [...groups.values()].sort(
    (a, b) => b.roleCount - a.roleCount || byName(a.role, b.role) || byName(a.direction, b.direction),
  );
}

/** The impact, grouped by object, privilege and direction, and by the role whose privileges move. */
export function groupImpact(input: GroupInput): AccessImpact {
  const privileges = privilegeGroups(input);
  const memberships = membershipGroups(input);
  const roles = new Set([
    ...privileges.flatMap((group) => group.roles.map((role) => role.role)),
    ...memberships.flatMap((group) => group.members.map((member) => member.role)),
  ]);
  return {
    roleCount: roles.size,
    collaboratorCount: collaboratorsOf(input, roles).length,
    privilegeGroupCount: privileges.length,
    privilegeGroups: privileges,
    membershipGroups: memberships,
    callouts: input.callouts,
  };
}
