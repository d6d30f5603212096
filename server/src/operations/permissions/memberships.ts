import type { PoolClient } from 'pg';
import { checkIdentifier } from '../../catalog/identifiers.js';
import { allMemberships, type PgRole } from '../../catalog/roles.js';
import type { ServerFeatures } from '../../catalog/server.js';
import type { MembershipOptions, Statement } from '../../catalog/statements.js';
import * as sql from '../../catalog/statements.js';
import type { Context } from '../../context.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { requireViewer } from '../../policy/capabilities.js';
import { catalogFor } from '../connections.js';
import { applyChange, type PermissionChange } from './change.js';

async function roleNamed(context: Context, databaseId: string, name: string, field: string): Promise<PgRole> {
  const role = await catalogFor(context, databaseId).roleByName(checkIdentifier(name, field));
  if (!role) throw new NotFoundError(`role ${name}`);
  return role;
}

/** On 15 there are no per-grant INHERIT/SET options: say what was not applied rather than pretend. */
function optionWarnings(options: MembershipOptions, features: ServerFeatures): string[] {
  if (features.membershipOptions) return [];
  const ignored = [!options.inherit && 'INHERIT FALSE', !options.set && 'SET FALSE'].filter(Boolean);
  return ignored.length > 0
    ? [
        `PostgreSQL ${Math.floor(features.versionNum / 10000)} has no per-grant ${ignored.join(' or ')}: inheritance follows the member's INHERIT attribute.`,
      ]
    : [];
}

/** Memberships that still exist after a REVOKE, granted by someone whose grant this role cannot revoke. */
async function remainingGrants(
  client: PoolClient,
  features: ServerFeatures,
  role: PgRole,
  members: PgRole[],
): Promise<string[]> {
  const edges = await allMemberships(client, features);
  return members
    .filter((member) => edges.some((edge) => edge.roleid === role.oid && edge.member === member.oid))
    .map(
      (member) =>
        `${member.rolname} is still a member of ${role.rolname} through a grant by another role; only that grantor (or a superuser) can revoke it.`,
    );
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

export async function grantMembership(
  context: Context,
  databaseId: string,
  roleName: string,
  input: MembershipInput,
  dryRun: boolean,
): Promise<PermissionChange> {
  requireViewer(context.viewer);
  const catalog = catalogFor(context, databaseId);
  const role = await roleNamed(context, databaseId, roleName, 'role');
  const member = await roleNamed(context, databaseId, input.member, 'member');
  if (role.oid === member.oid) throw new ValidationError('member', 'A role cannot be a member of itself.');
  const features = await catalog.features();
  const current = (await catalog.memberships()).find((edge) => edge.roleid === role.oid && edge.member === member.oid);
  return applyChange(context, {
    databaseId,
    kind: 'membership.granted',
    touches: { roles: true },
    nothingUnlessObserved: true,
    statements: grantStatements(
      role.rolname,
      { ...input, member: member.rolname },
      current && { admin: current.admin_option },
      features,
    ),
    payload: { role: role.rolname, member: member.rolname, admin: input.admin, inherit: input.inherit, set: input.set },
    warnings: optionWarnings(input, features),
    dryRun,
  });
}

export async function revokeMembership(
  context: Context,
  databaseId: string,
  roleName: string,
  memberName: string,
  dryRun: boolean,
): Promise<PermissionChange> {
  requireViewer(context.viewer);
  const role = await roleNamed(context, databaseId, roleName, 'role');
  const member = await roleNamed(context, databaseId, memberName, 'member');
  const features = await catalogFor(context, databaseId).features();
  return applyChange(context, {
    databaseId,
    kind: 'membership.revoked',
    touches: { roles: true },
    nothingUnlessObserved: true,
    statements: [sql.revokeMembership(role.rolname, member.rolname)],
    payload: { role: role.rolname, member: member.rolname },
    dryRun,
    verify: (client) => remainingGrants(client, features, role, [member]),
  });
}

/** Makes the members of a group exactly `members` (diffed against the catalog), in one transaction. */
export async function setGroupMembers(
  context: Context,
  databaseId: string,
  roleName: string,
  members: MembershipInput[],
  dryRun: boolean,
): Promise<PermissionChange> {
  requireViewer(context.viewer);
  const catalog = catalogFor(context, databaseId);
  const role = await roleNamed(context, databaseId, roleName, 'role');
  const features = await catalog.features();
  const wanted = await Promise.all(
    members.map(async (input) => ({ ...input, role: await roleNamed(context, databaseId, input.member, 'member') })),
  );
  const edges = (await catalog.memberships()).filter((edge) => edge.roleid === role.oid);
  const statements: Statement[] = [];
  const warnings: string[] = [];
  for (const want of wanted) {
    const current = edges.filter((edge) => edge.member === want.role.oid);
    const same = current.some(
      (edge) =>
        edge.admin_option === want.admin && edge.inherit_option === want.inherit && edge.set_option === want.set,
    );
    if (!same)
      statements.push(
        ...grantStatements(
          role.rolname,
          { ...want, member: want.role.rolname },
          current[0] && { admin: current[0].admin_option },
          features,
        ),
      );
    warnings.push(...optionWarnings(want, features));
  }
  const wantedOids = new Set(wanted.map((want) => want.role.oid));
  const leaving = [...new Set(edges.map((edge) => edge.member))].filter((oid) => !wantedOids.has(oid));
  const leavingRoles = (await Promise.all(leaving.map((oid) => catalog.roleByOid(oid)))).filter(
    (member): member is PgRole => Boolean(member),
  );
  for (const member of leavingRoles) statements.push(sql.revokeMembership(role.rolname, member.rolname));
  if (statements.length === 0) return { dryRun, sql: [], warnings: [...new Set(warnings)], notes: [], eventId: null };
  return applyChange(context, {
    databaseId,
    kind: 'members.set',
    touches: { roles: true },
    statements,
    payload: { role: role.rolname, members: wanted.map((want) => want.role.rolname) },
    warnings: [...new Set(warnings)],
    dryRun,
    verify: (client) => remainingGrants(client, features, role, leavingRoles),
  });
}
