import type { PoolClient } from 'pg';
import { checkIdentifier } from '../../catalog/identifiers.js';
import { allMemberships, type PgAuthMember, type PgRole } from '../../catalog/roles.js';
import type { ServerFeatures } from '../../catalog/server.js';
import type { MembershipOptions, Statement } from '../../catalog/statements.js';
import * as sql from '../../catalog/statements.js';
import type { Context } from '../../context.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { membersMoved } from '../../events/effects.js';
import { requireViewer } from '../../policy/capabilities.js';
import { catalogFor } from '../../scope/viewer-connections.js';
import { applyChange, type ChangeMode, type PermissionChange } from './change.js';
import { type ChangeNote, wordsOf } from './notes.js';

/**
 * A role by name, as `read` finds it: in the shared snapshot of every role when the change compares the snapshot's
 * memberships anyway, else read alone (roles named in one tick in one query) rather than wait on that snapshot's check.
 */
async function roleNamed(
  read: (name: string) => Promise<PgRole | undefined>,
  name: string,
  field: string,
): Promise<PgRole> {
  const role = await read(checkIdentifier(name, field));
  if (!role) throw new NotFoundError(`role ${name}`);
  return role;
}

/** On 15 there are no per-grant INHERIT/SET options: say what was not applied rather than pretend. */
function optionNotes(role: PgRole, options: MembershipInput, features: ServerFeatures): ChangeNote[] {
  if (features.membershipOptions) return [];
  const ignored = [!options.inherit && 'INHERIT FALSE', !options.set && 'SET FALSE'].filter(
    (option): option is string => Boolean(option),
  );
  if (ignored.length === 0) return [];
  const version = Math.floor(features.versionNum / 10000);
  return [
    {
      code: 'MEMBERSHIP_OPTION_UNSUPPORTED',
      grantee: options.member,
      object: role.rolname,
      subjects: ignored,
      grantor: null,
      fixOption: null,
      message: `PostgreSQL ${version} has no per-grant ${ignored.join(' or ')}: inheritance follows the member's INHERIT attribute.`,
    },
  ];
}

/** Memberships that still exist after a REVOKE, granted by someone whose grant this role cannot revoke. */
async function remainingGrants(
  client: PoolClient,
  features: ServerFeatures,
  role: PgRole,
  members: PgRole[],
): Promise<ChangeNote[]> {
  const edges = (await allMemberships(client, features)).filter((edge) => edge.roleid === role.oid);
  const grantorsOf = (member: PgRole) => edges.filter((edge) => edge.member === member.oid).map((e) => e.grantor);
  const remaining = members.filter((member) => grantorsOf(member).length > 0);
  if (remaining.length === 0) return [];
  // The grantors' names in one query, however many members stay.
  const { rows } = await client.query<{ oid: number; rolname: string }>(
    'SELECT oid::int AS oid, rolname FROM pg_catalog.pg_roles WHERE oid = ANY($1::oid[])',
    [[...new Set(remaining.flatMap(grantorsOf))]],
  );
  const nameOf = new Map(rows.map((row) => [row.oid, row.rolname]));
  return remaining.map((member) => {
    const names = grantorsOf(member)
      .flatMap((oid) => nameOf.get(oid) ?? [])
      .sort();
    return {
      code: 'MEMBERSHIP_REMAINS',
      grantee: member.rolname,
      object: role.rolname,
      subjects: [],
      grantor: names.join(', ') || null,
      fixOption: null,
      message: `${member.rolname} is still a member of ${role.rolname} through a grant by ${names.join(', ') || 'another role'}; only that grantor (or a superuser) can revoke it.`,
    };
  });
}

export interface MembershipInput extends MembershipOptions {
  member: string;
}

function grantStatements(
  role: string,
  input: MembershipInput,
  current: { admin: boolean } | undefined,
  features: ServerFeatures,
): Statement[] {
  const statements = [sql.grantMembership(role, input.member, input, features)];
  // GRANT can add ADMIN but on 15 cannot take it away.
  if (!features.membershipOptions && current?.admin && !input.admin)
    statements.push(sql.revokeAdminOption(role, input.member));
  return statements;
}

export interface GrantMembershipInput {
  databaseId: string;
  /** The group role. */
  role: string;
  membership: MembershipInput;
}

export async function grantMembership(
  context: Context,
  input: GrantMembershipInput,
  mode: ChangeMode,
): Promise<PermissionChange> {
  const { databaseId, role: roleName, membership } = input;
  requireViewer(context.viewer);
  const catalog = catalogFor(context, databaseId);
  const inSnapshot = (name: string) => catalog.roleByName(name);
  const [role, member, features, memberships] = await Promise.all([
    roleNamed(inSnapshot, roleName, 'role'),
    roleNamed(inSnapshot, membership.member, 'member'),
    catalog.features(),
    catalog.memberships(),
  ]);
  if (role.oid === member.oid) throw new ValidationError('member', 'A role cannot be a member of itself.');
  const current = memberships.find((edge) => edge.roleid === role.oid && edge.member === member.oid);
  return applyChange(context, {
    databaseId,
    kind: 'membership.granted',
    touches: { roles: true },
    nothingUnlessObserved: true,
    statements: grantStatements(
      role.rolname,
      { ...membership, member: member.rolname },
      current && { admin: current.admin_option },
      features,
    ),
    payload: {
      role: role.rolname,
      member: member.rolname,
      admin: membership.admin,
      inherit: membership.inherit,
      set: membership.set,
    },
    warnings: optionNotes(role, { ...membership, member: member.rolname }, features),
    ...mode,
  });
}

export interface RevokeMembershipInput {
  databaseId: string;
  role: string;
  member: string;
}

export async function revokeMembership(
  context: Context,
  input: RevokeMembershipInput,
  mode: ChangeMode,
): Promise<PermissionChange> {
  const { databaseId, role: roleName, member: memberName } = input;
  requireViewer(context.viewer);
  const catalog = catalogFor(context, databaseId);
  const alone = (name: string) => catalog.roleNamed(name);
  const [role, member, features] = await Promise.all([
    roleNamed(alone, roleName, 'role'),
    roleNamed(alone, memberName, 'member'),
    catalog.features(),
  ]);
  return applyChange(context, {
    databaseId,
    kind: 'membership.revoked',
    touches: { roles: true },
    nothingUnlessObserved: true,
    statements: [sql.revokeMembership(role.rolname, member.rolname)],
    payload: { role: role.rolname, member: member.rolname },
    ...mode,
    verify: (client) => remainingGrants(client, features, role, [member]),
  });
}

/** Before 16 a membership holds ADMIN OPTION only: INHERIT follows the member and SET is always allowed. */
function sameOptions(edge: PgAuthMember, want: MembershipInput, features: ServerFeatures): boolean {
  if (edge.admin_option !== want.admin) return false;
  return !features.membershipOptions || (edge.inherit_option === want.inherit && edge.set_option === want.set);
}

export interface SetGroupMembersInput {
  databaseId: string;
  role: string;
  members: MembershipInput[];
}

/** Makes the members of a group exactly `members` (diffed against the catalog), in one transaction. */
export async function setGroupMembers(
  context: Context,
  input: SetGroupMembersInput,
  mode: ChangeMode,
): Promise<PermissionChange> {
  const { databaseId, role: roleName, members } = input;
  requireViewer(context.viewer);
  const catalog = catalogFor(context, databaseId);
  const inSnapshot = (name: string) => catalog.roleByName(name);
  const [role, features, wanted, memberships] = await Promise.all([
    roleNamed(inSnapshot, roleName, 'role'),
    catalog.features(),
    Promise.all(
      members.map(async (input) => ({ ...input, role: await roleNamed(inSnapshot, input.member, 'member') })),
    ),
    catalog.memberships(),
  ]);
  const edges = memberships.filter((edge) => edge.roleid === role.oid);
  const statements: Statement[] = [];
  const notes: ChangeNote[] = [];
  for (const want of wanted) {
    const current = edges.filter((edge) => edge.member === want.role.oid);
    const same = current.some((edge) => sameOptions(edge, want, features));
    if (!same)
      statements.push(
        ...grantStatements(
          role.rolname,
          { ...want, member: want.role.rolname },
          current[0] && { admin: current[0].admin_option },
          features,
        ),
      );
    notes.push(...optionNotes(role, { ...want, member: want.role.rolname }, features));
  }
  const wantedOids = new Set(wanted.map((want) => want.role.oid));
  const leaving = [...new Set(edges.map((edge) => edge.member))].filter((oid) => !wantedOids.has(oid));
  const leavingRoles = (await Promise.all(leaving.map((oid) => catalog.roleByOid(oid)))).filter(
    (member): member is PgRole => Boolean(member),
  );
  for (const member of leavingRoles) statements.push(sql.revokeMembership(role.rolname, member.rolname));
  if (statements.length === 0)
    return {
      dryRun: mode.dryRun,
      previewToken: null,
      sql: [],
      warnings: notes.map(wordsOf),
      notes,
      eventId: null,
    };
  return applyChange(context, {
    databaseId,
    kind: 'members.set',
    touches: { roles: true },
    statements,
    payload: { role: role.rolname, members: wanted.map((want) => want.role.rolname) },
    describeEffects: (effects) => {
      const names = new Map([...wanted.map((want) => want.role), ...leavingRoles].map((r) => [r.oid, r.rolname]));
      const { added, removed } = membersMoved(effects, role.oid);
      const named = (oids: number[]) => [...new Set(oids.map((oid) => names.get(oid) ?? String(oid)))];
      return { added: named(added), removed: named(removed) };
    },
    warnings: notes,
    ...mode,
    verify: (client) => remainingGrants(client, features, role, leavingRoles),
  });
}
