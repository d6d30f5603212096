import { type RoleAsGiven, rolesAsGiven } from '../catalog/roles.js';
import { serverFeatures } from '../catalog/server.js';
import type { Context } from '../context.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import type { ConfiguredRole, Database } from '../generated/prisma/client.js';
import {
  assignableRoles,
  databaseCapabilities,
  mayMarkAssignable,
  type RoleRefusal,
  refusalToGive,
  requireAdmin,
  requireViewer,
} from '../policy/capabilities.js';
import { targetFor } from '../pools/targets.js';
import { viewerTarget } from '../scope/viewer-connections.js';

/** A configured role of the database's server, and whether the viewer may give it to collaborators here. */
export interface RoleOffer {
  configuredRole: ConfiguredRole;
  markedAssignable: boolean;
  /** Why the viewer may not give it, or null when they may. */
  refusal: RoleRefusal | null;
}

const REFUSALS: Record<RoleRefusal, (rolname: string) => string> = {
  SERVER_WIDE_POWER: (rolname) =>
    `${rolname} has superuser, CREATEROLE, BYPASSRLS or REPLICATION: only admins give such roles.`,
  NOT_SETTABLE: (rolname) =>
    `Your role cannot SET ROLE to ${rolname} and no admin marked it assignable here: only admins can give it.`,
};

export function refusalMessage(refusal: RoleRefusal, rolname: string): string {
  return REFUSALS[refusal](rolname);
}

/** The roles as the viewer's own role sees them on the database (what it may SET ROLE to), by name. */
async function asGivenByViewer(context: Context, databaseId: string, rolnames: string[]) {
  if (rolnames.length === 0) return new Map<string, RoleAsGiven>();
  const rows = await context.pools.withClient(await viewerTarget(context, databaseId), async (client) =>
    rolesAsGiven(client, await serverFeatures(client), rolnames),
  );
  return new Map(rows.map((row) => [row.rolname, row]));
}

/**
 * The configured roles of the database's server (or the one asked for), each with the policy's verdict for the
 * viewer; none for those who do not manage the database's collaborators.
 */
export async function roleOffers(
  context: Context,
  database: Pick<Database, 'id' | 'serverId'>,
  configuredRoleId?: string,
): Promise<RoleOffer[]> {
  const viewer = requireViewer(context.viewer);
  const access = await context.loaders.viewerAccess.load(database.id);
  if (!databaseCapabilities(viewer.user, access).canManageCollaborators) return [];
  const roles = await context.metadata.configuredRole.findMany({
    where: { serverId: database.serverId, id: configuredRoleId },
    include: { assignableOn: { where: { databaseId: database.id } } },
    orderBy: { rolname: 'asc' },
  });
  // Admins give any configured role, and need not collaborate here to have a role to read the catalog as.
  const live =
    assignableRoles(viewer.user) === 'CONFIGURED_ON_SERVER'
      ? new Map<string, RoleAsGiven>()
      : await asGivenByViewer(
          context,
          database.id,
          roles.map((role) => role.rolname),
        );
  return roles.map(({ assignableOn, ...configuredRole }) => {
    const seen = live.get(configuredRole.rolname);
    const markedAssignable = assignableOn.length > 0;
    const refusal = refusalToGive(viewer.user, {
      // A role gone from the server has no powers, and no login either: usableRole refuses it.
      hasServerWidePower: seen?.has_server_wide_power ?? false,
      giverMaySetRole: seen?.current_user_may_set ?? false,
      markedAssignable,
    });
    return { configuredRole, markedAssignable, refusal };
  });
}

/** Refuses a role the viewer may not give on this database, saying why. */
export async function requireGivable(
  context: Context,
  database: Pick<Database, 'id' | 'serverId'>,
  configuredRoleId: string,
): Promise<void> {
  const [offer] = await roleOffers(context, database, configuredRoleId);
  if (!offer) {
    const exists = await context.metadata.configuredRole.count({ where: { id: configuredRoleId } });
    if (!exists) throw new NotFoundError('configured role');
    throw new ValidationError('configuredRoleId', 'That role is configured on another server.');
  }
  if (offer.refusal) throw new ForbiddenError(refusalMessage(offer.refusal, offer.configuredRole.rolname));
}

/** Whether the role has powers beyond any one database, asked as the role itself (the admin need not collaborate). */
async function hasServerWidePower(context: Context, database: Database, role: ConfiguredRole): Promise<boolean> {
  const server = await context.metadata.server.findUniqueOrThrow({ where: { id: database.serverId } });
  const target = targetFor(context.secrets, server, database.name, role);
  const [seen] = await context.pools.withClient(target, async (client) =>
    rolesAsGiven(client, await serverFeatures(client), [role.rolname]),
  );
  return seen?.has_server_wide_power ?? false;
}

/**
 * Admins mark a configured role as one the database's MANAGERs may give, beyond those their own role may SET ROLE
 * to (or take the mark back). Roles with server-wide powers are never marked.
 */
export interface SetRoleAssignableInput {
  databaseId: string;
  configuredRoleId: string;
  /** Whether the database's MANAGERs may give it. */
  assignable: boolean;
}

export async function setRoleAssignable(context: Context, input: SetRoleAssignableInput): Promise<RoleOffer> {
  const { databaseId, configuredRoleId, assignable } = input;
  const admin = requireAdmin(context.viewer);
  const database = await context.metadata.database.findUnique({ where: { id: databaseId } });
  if (!database) throw new NotFoundError('database');
  const role = await context.metadata.configuredRole.findUnique({ where: { id: configuredRoleId } });
  if (!role) throw new NotFoundError('configured role');
  if (role.serverId !== database.serverId)
    throw new ValidationError('configuredRoleId', 'That role is configured on another server.');
  if (assignable && !mayMarkAssignable({ hasServerWidePower: await hasServerWidePower(context, database, role) }))
    throw new ValidationError('configuredRoleId', refusalMessage('SERVER_WIDE_POWER', role.rolname));
  const key = { databaseId_configuredRoleId: { databaseId, configuredRoleId } };
  await context.metadata.$transaction(async (tx) => {
    if (assignable)
      await tx.assignableRole.upsert({
        where: key,
        create: { databaseId, configuredRoleId, markedById: admin.user.id },
        update: {},
      });
    else await tx.assignableRole.deleteMany({ where: { databaseId, configuredRoleId } });
    await context.events.record(tx, {
      kind: 'role.assignability_changed',
      actorId: admin.user.id,
      serverId: database.serverId,
      databaseId,
      payload: { role: role.rolname, assignable },
    });
  });
  const [offer] = await roleOffers(context, database, configuredRoleId);
  if (!offer) throw new NotFoundError('configured role');
  return offer;
}
