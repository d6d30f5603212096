import type { Context } from '../context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import type { Access, Collaborator, Database, Prisma, Server, User } from '../generated/prisma/client.js';
import { isUniqueViolation } from '../metadata/errors.js';
import { canManageCollaborator, databaseCapabilities, requireViewer } from '../policy/capabilities.js';
import { verifyLogin } from '../pools/managed.js';
import { targetFor } from './connections.js';

async function viewerAccess(context: Context, userId: string, databaseId: string): Promise<Access | null> {
  const own = await context.metadata.collaborator.findUnique({ where: { userId_databaseId: { userId, databaseId } } });
  return own?.access ?? null;
}

/** Checks the viewer may manage collaborators of the database before revealing whether anything exists. */
export async function requireManager(context: Context, databaseId: string) {
  const viewer = requireViewer(context.viewer);
  const access = await viewerAccess(context, viewer.user.id, databaseId);
  if (!databaseCapabilities(viewer.user, access).canManageCollaborators) {
    throw new ForbiddenError('Only admins and managers of this database manage its collaborators.');
  }
  const database = await context.metadata.database.findUnique({ where: { id: databaseId }, include: { server: true } });
  if (!database) throw new NotFoundError('database');
  return { viewer, access, database };
}

export type Managed = Awaited<ReturnType<typeof requireManager>>;

/** The configured role must be on the database's server and still log in there (a dropped role is never assignable). */
export async function usableRole(context: Context, database: Database & { server: Server }, configuredRoleId: string) {
  const role = await context.metadata.configuredRole.findUnique({ where: { id: configuredRoleId } });
  if (!role) throw new NotFoundError('configured role');
  if (role.serverId !== database.serverId) {
    throw new ValidationError('configuredRoleId', 'That role is configured on another server.');
  }
  await verifyLogin(targetFor(context, database.server, database.name, role));
  return role;
}

/**
 * The configured roles a viewer may hand out on a database: admins any of the server's; a MANAGER only those
 * already in use on their own database. Otherwise a MANAGER could give a puppet another database's owner role
 * (roles are server-wide), change its password, and take that database over.
 */
export function assignableRolesWhere(
  viewer: { user: { isAdmin: boolean } },
  database: Pick<Database, 'id' | 'serverId'>,
): Prisma.ConfiguredRoleWhereInput {
  if (viewer.user.isAdmin) return { serverId: database.serverId };
  return { serverId: database.serverId, collaborators: { some: { databaseId: database.id } } };
}

export async function requireAssignable(context: Context, managed: Managed, configuredRoleId: string): Promise<void> {
  if (managed.viewer.user.isAdmin) return;
  const allowed = await context.metadata.configuredRole.count({
    where: { id: configuredRoleId, ...assignableRolesWhere(managed.viewer, managed.database) },
  });
  if (allowed === 0)
    throw new ForbiddenError(
      'Managers can only give roles already in use on this database; an admin can assign others.',
    );
}

/** A MANAGER may not bring an admin in: an admin's collaborations are the admins' business. */
export function requireMayAdd(managed: Managed, user: Pick<User, 'isAdmin'>): void {
  if (user.isAdmin && !managed.viewer.user.isAdmin)
    throw new ForbiddenError('Only admins add admins as collaborators.');
}

export interface NewCollaboration {
  actorId: string;
  database: Pick<Database, 'id' | 'name' | 'serverId'>;
  user: Pick<User, 'id' | 'username'>;
  role: { id: string; rolname: string };
  access: Access;
  /** Extra payload for the collaborator.added event (e.g. the invitation it came from). */
  details?: Prisma.InputJsonObject;
}

/** Inserts the collaboration and its event in the caller's transaction; a duplicate is a ConflictError. */
export async function insertCollaboration(
  context: Context,
  tx: Prisma.TransactionClient,
  input: NewCollaboration,
): Promise<Collaborator> {
  const { database, user, role, access } = input;
  const existing = await tx.collaborator.findUnique({
    where: { userId_databaseId: { userId: user.id, databaseId: database.id } },
  });
  if (existing) throw new ConflictError(`${user.username} already collaborates on ${database.name}.`);
  const collaborator = await tx.collaborator.create({
    data: { userId: user.id, databaseId: database.id, configuredRoleId: role.id, access },
  });
  await context.events.record(tx, {
    kind: 'collaborator.added',
    actorId: input.actorId,
    serverId: database.serverId,
    databaseId: database.id,
    payload: { ...input.details, collaboratorId: collaborator.id, user: user.username, role: role.rolname, access },
  });
  return collaborator;
}

async function activeUser(context: Context, userId: string) {
  const user = await context.metadata.user.findUnique({ where: { id: userId } });
  if (!user) throw new NotFoundError('user');
  if (!user.isActive) throw new ValidationError('userId', `${user.username} is deactivated.`);
  return user;
}

export interface AddCollaboratorInput {
  databaseId: string;
  userId: string;
  configuredRoleId: string;
  access: Access;
}

export async function addCollaborator(context: Context, input: AddCollaboratorInput): Promise<Collaborator> {
  const managed = await requireManager(context, input.databaseId);
  const user = await activeUser(context, input.userId);
  requireMayAdd(managed, user);
  await requireAssignable(context, managed, input.configuredRoleId);
  const role = await usableRole(context, managed.database, input.configuredRoleId);
  try {
    return await context.metadata.$transaction((tx) =>
      insertCollaboration(context, tx, {
        actorId: managed.viewer.user.id,
        database: managed.database,
        user,
        role,
        access: input.access,
      }),
    );
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ConflictError(`${user.username} already collaborates on ${managed.database.name}.`);
    throw error;
  }
}

async function managedCollaborator(context: Context, collaboratorId: string) {
  const viewer = requireViewer(context.viewer);
  const collaborator = await context.metadata.collaborator.findUnique({
    where: { id: collaboratorId },
    include: { user: true },
  });
  const access = collaborator ? await viewerAccess(context, viewer.user.id, collaborator.databaseId) : null;
  // Non-managers learn nothing about which collaborator ids exist.
  if (!viewer.user.isAdmin && access !== 'MANAGER')
    throw new ForbiddenError('Only admins and managers of this database manage its collaborators.');
  if (!collaborator) throw new NotFoundError('collaborator');
  if (!canManageCollaborator(viewer.user, access, collaborator))
    throw new ForbiddenError("Only admins change an admin's collaboration.");
  const managed = await requireManager(context, collaborator.databaseId);
  return { managed, collaborator };
}

export interface UpdateCollaboratorInput {
  configuredRoleId?: string | null;
  access?: Access | null;
}

export async function updateCollaborator(
  context: Context,
  collaboratorId: string,
  input: UpdateCollaboratorInput,
): Promise<Collaborator> {
  const { managed, collaborator } = await managedCollaborator(context, collaboratorId);
  if (input.configuredRoleId) await requireAssignable(context, managed, input.configuredRoleId);
  const role = input.configuredRoleId ? await usableRole(context, managed.database, input.configuredRoleId) : null;
  return context.metadata.$transaction(async (tx) => {
    const updated = await tx.collaborator.update({
      where: { id: collaboratorId },
      data: { configuredRoleId: role?.id, access: input.access ?? undefined },
      include: { configuredRole: true },
    });
    await context.events.record(tx, {
      kind: 'collaborator.changed',
      actorId: managed.viewer.user.id,
      serverId: managed.database.serverId,
      databaseId: managed.database.id,
      payload: {
        collaboratorId,
        user: collaborator.user.username,
        role: updated.configuredRole.rolname,
        access: updated.access,
      },
    });
    return updated;
  });
}

/** Removes the collaboration only: the user, the configured role and the server role all stay. */
export async function removeCollaborator(context: Context, collaboratorId: string): Promise<string> {
  const { managed, collaborator } = await managedCollaborator(context, collaboratorId);
  await context.metadata.$transaction(async (tx) => {
    await tx.collaborator.delete({ where: { id: collaboratorId } });
    await context.events.record(tx, {
      kind: 'collaborator.removed',
      actorId: managed.viewer.user.id,
      serverId: managed.database.serverId,
      databaseId: managed.database.id,
      payload: { collaboratorId, user: collaborator.user.username },
    });
  });
  return collaboratorId;
}

/** Anyone may stop collaborating on a database themselves. */
export async function leaveDatabase(context: Context, databaseId: string): Promise<string> {
  const viewer = requireViewer(context.viewer);
  const collaborator = await context.metadata.collaborator.findUnique({
    where: { userId_databaseId: { userId: viewer.user.id, databaseId } },
    include: { database: true },
  });
  if (!collaborator) throw new NotFoundError('collaboration');
  await context.metadata.$transaction(async (tx) => {
    await tx.collaborator.delete({ where: { id: collaborator.id } });
    await context.events.record(tx, {
      kind: 'collaborator.left',
      actorId: viewer.user.id,
      serverId: collaborator.database.serverId,
      databaseId,
      payload: { collaboratorId: collaborator.id, user: viewer.user.username },
    });
  });
  return collaborator.id;
}
