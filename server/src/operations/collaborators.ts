import type { Context } from '../context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import type { Access, Collaborator, Database, Prisma, Server, User } from '../generated/prisma/client.js';
import { isUniqueViolation } from '../metadata/errors.js';
import {
  canBringIn,
  canChangeOwnCollaboration,
  canManageCollaborator,
  databaseCapabilities,
  requireViewer,
} from '../policy/capabilities.js';
import { verifyLogin } from '../pools/managed.js';
import { targetFor } from '../pools/targets.js';
import { requireGivable } from './role-offers.js';

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
  await verifyLogin(targetFor(context.secrets, database.server, database.name, role));
  return role;
}

export function requireMayAdd(managed: Managed, user: Pick<User, 'isAdmin'>): void {
  if (!canBringIn(managed.viewer.user, managed.access, user))
    throw new ForbiddenError('Only admins add admins as collaborators.');
}

/** One invitation or collaboration per (database, address) at a time: concurrent changes of the same address wait. */
export async function lockAddress(tx: Prisma.TransactionClient, databaseId: string, email: string): Promise<void> {
  const key = `rolecall.invitation:${databaseId}:${email}`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}

export interface NewCollaboration {
  actorId: string;
  database: Pick<Database, 'id' | 'name' | 'serverId'>;
  user: Pick<User, 'id' | 'username'>;
  role: { id: string; rolname: string };
  access: Access;
  /** The invitation it came from, if any (the collaborator.added event names it). */
  invitationId?: string;
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
    payload: {
      invitationId: input.invitationId,
      collaboratorId: collaborator.id,
      user: user.username,
      role: role.rolname,
      access,
    },
  });
  return collaborator;
}

async function activeUser(context: Context, userId: string) {
  const user = await context.metadata.user.findUnique({ where: { id: userId } });
  if (!user) throw new NotFoundError('user');
  if (!user.isActive) throw new ValidationError('userId', `${user.username} is deactivated.`);
  return user;
}

const normalisedAddress = (email: string) => email.trim().toLowerCase();

interface DirectAddition {
  actorId: string;
  database: Pick<Database, 'id' | 'serverId'>;
  user: Pick<User, 'email'>;
  collaborator: Pick<Collaborator, 'id'>;
}

/**
 * Adding someone directly supersedes their pending invitation to the database: it is revoked (the invitee never
 * answered it, so it is not "accepted"), its link stops working, and nobody is listed as collaborator and pending.
 */
async function revokeSupersededInvitations(
  context: Context,
  tx: Prisma.TransactionClient,
  addition: DirectAddition,
): Promise<void> {
  const { database, collaborator } = addition;
  const pending = await tx.invitation.findMany({
    where: { databaseId: database.id, email: normalisedAddress(addition.user.email), status: 'PENDING' },
    include: { configuredRole: true },
  });
  for (const invitation of pending) {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, status: 'PENDING' },
      data: { status: 'REVOKED' },
    });
    if (count === 0) continue;
    await context.events.record(tx, {
      kind: 'invitation.revoked',
      actorId: addition.actorId,
      serverId: database.serverId,
      databaseId: database.id,
      payload: {
        invitationId: invitation.id,
        email: invitation.email,
        access: invitation.access,
        role: invitation.configuredRole.rolname,
        status: 'REVOKED',
        reason: 'ADDED_DIRECTLY',
        collaboratorId: collaborator.id,
      },
    });
  }
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
  await requireGivable(context, managed.database, input.configuredRoleId);
  const role = await usableRole(context, managed.database, input.configuredRoleId);
  const actorId = managed.viewer.user.id;
  try {
    return await context.metadata.$transaction(async (tx) => {
      await lockAddress(tx, managed.database.id, normalisedAddress(user.email));
      const collaborator = await insertCollaboration(context, tx, {
        actorId,
        database: managed.database,
        user,
        role,
        access: input.access,
      });
      await revokeSupersededInvitations(context, tx, { actorId, database: managed.database, user, collaborator });
      return collaborator;
    });
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
  if (!databaseCapabilities(viewer.user, access).canManageCollaborators)
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
  if (collaborator.userId === managed.viewer.user.id && !canChangeOwnCollaboration(managed.viewer.user))
    throw new ForbiddenError('Managers cannot change their own collaboration; an admin can.');
  if (input.configuredRoleId) await requireGivable(context, managed.database, input.configuredRoleId);
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
