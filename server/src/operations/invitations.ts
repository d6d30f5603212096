import { SESSION_COOKIE } from '../auth/cookies.js';
import { hashToken, newToken } from '../auth/tokens.js';
import type { Context, Services } from '../context.js';
import {
  ConflictError,
  ForbiddenError,
  type InvitationState,
  InvitationUnusableError,
  NotFoundError,
  ValidationError,
  WrongUserError,
} from '../errors.js';
import type { InvitationPayload } from '../events/payloads.js';
import type { Access, Collaborator, Invitation, Prisma, User } from '../generated/prisma/client.js';
import { invitationMessage } from '../mail/invitation.js';
import { tokenLink } from '../mail/links.js';
import { mailerFor } from '../mail/mailer.js';
import { canAnswerInvitation, canBringIn, databaseCapabilities, requireViewer } from '../policy/capabilities.js';
import { insertCollaboration, lockAddress, requireManager, requireMayAdd, usableRole } from './collaborators.js';
import { proveAddress, releaseUnprovenAddress } from './email-verification.js';
import { requireGivable } from './role-offers.js';
import { insertUser } from './users.js';
import { checkEmail } from './validation.js';

/** `newToken('rci')`: the prefix and 32 random bytes in base64url. Anything else is not worth a lookup. */
const TOKEN_SHAPE = /^rci_[A-Za-z0-9_-]{43}$/;

const DETAILS = {
  database: { include: { server: true } },
  configuredRole: true,
  invitedBy: true,
} satisfies Prisma.InvitationInclude;

export type DetailedInvitation = Prisma.InvitationGetPayload<{ include: typeof DETAILS }>;

const withDetails = (context: Context, id: string): Promise<DetailedInvitation> =>
  context.metadata.invitation.findUniqueOrThrow({ where: { id }, include: DETAILS });

export type InvitationDelivery = 'EMAIL' | 'LINK' | 'EMAIL_FAILED';

export interface InvitationSent {
  invitation: Invitation;
  delivery: InvitationDelivery;
  /** Only when there is no SMTP to send it: the inviter hands the link over. */
  acceptUrl: string | null;
}

function eventPayload(
  invitation: Pick<Invitation, 'id' | 'email' | 'access' | 'status'>,
  role: string,
  extra: Partial<InvitationPayload> = {},
): InvitationPayload {
  return {
    invitationId: invitation.id,
    email: invitation.email,
    access: invitation.access,
    role,
    status: invitation.status,
    ...extra,
  };
}

/**
 * Marks overdue PENDING invitations EXPIRED, each once (the UPDATE is conditional on PENDING, so a concurrent sweep,
 * here or on another instance, finds the row already changed and records nothing), with an `invitation.expired`
 * event each. Runs when invitations are read or used, and periodically (`startInvitationExpiry`) so dashboards see
 * an expiry when nobody touches the invitation.
 */
export async function expireOverdue(
  context: Pick<Services, 'metadata' | 'events'>,
  where: Prisma.InvitationWhereInput,
): Promise<number> {
  let expired = 0;
  const overdue = await context.metadata.invitation.findMany({
    where: { AND: [where, { status: 'PENDING', expiresAt: { lte: new Date() } }] },
    include: { database: true, configuredRole: true },
  });
  for (const invitation of overdue) {
    await context.metadata.$transaction(async (tx) => {
      const { count } = await tx.invitation.updateMany({
        where: { id: invitation.id, status: 'PENDING', expiresAt: { lte: new Date() } },
        data: { status: 'EXPIRED' },
      });
      if (count === 0) return;
      expired += 1;
      await context.events.record(tx, {
        kind: 'invitation.expired',
        actorId: null,
        serverId: invitation.database.serverId,
        databaseId: invitation.databaseId,
        payload: eventPayload({ ...invitation, status: 'EXPIRED' }, invitation.configuredRole.rolname),
      });
    });
  }
  return expired;
}

export interface InvitationExpiry {
  stop(): Promise<void>;
}

/**
 * Expires overdue invitations every `intervalMs` on an unref'd timer (it never keeps the process alive). One sweep
 * at a time; `stop` waits for the one in flight so the metadata client can close after it.
 */
export function startInvitationExpiry(
  services: Pick<Services, 'metadata' | 'events' | 'logger'>,
  intervalMs: number,
): InvitationExpiry {
  let sweeping: Promise<void> | null = null;
  const sweep = async () => {
    try {
      const expired = await expireOverdue(services, {});
      if (expired > 0) services.logger.debug({ expired }, 'invitations expired');
    } catch (error) {
      services.logger.warn({ err: error }, 'invitation expiry sweep failed; retrying at the next interval');
    }
  };
  const timer = setInterval(() => {
    if (sweeping) return;
    sweeping = sweep().finally(() => {
      sweeping = null;
    });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await sweeping;
    },
  };
}

/**
 * Whether a new token goes only to the invited address: with SMTP it is e-mailed and never shown, so whoever uses it
 * has proven the address (if sending fails, nobody has it).
 */
const goesByEmail = (context: Context): boolean => mailerFor(context.config) !== null;

/**
 * E-mails the link when SMTP is configured; otherwise returns it to the inviter, once: the UI says it is not shown
 * again, so it is not written to the log either.
 */
async function deliver(context: Context, invitation: DetailedInvitation, token: string): Promise<InvitationSent> {
  const url = tokenLink(context.config, '/invitations/accept', token);
  const facts = { invitationId: invitation.id, email: invitation.email, database: invitation.database.name };
  const mailer = mailerFor(context.config);
  if (!mailer) {
    context.logger.info(facts, 'invitation link handed to the inviter (no SMTP_URL configured)');
    return { invitation, delivery: 'LINK', acceptUrl: url };
  }
  try {
    await mailer.send(
      invitationMessage({
        to: invitation.email,
        acceptUrl: url,
        database: invitation.database.name,
        server: `${invitation.database.server.host}:${invitation.database.server.port}`,
        role: invitation.configuredRole.rolname,
        access: invitation.access,
        invitedBy: invitation.invitedBy?.displayName ?? invitation.invitedBy?.username ?? 'A Rolecall admin',
        expiresAt: invitation.expiresAt,
      }),
    );
    context.logger.info(facts, 'invitation e-mail sent');
    return { invitation, delivery: 'EMAIL', acceptUrl: null };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    context.logger.warn({ ...facts, reason }, 'invitation e-mail could not be sent; re-send it later');
    return { invitation, delivery: 'EMAIL_FAILED', acceptUrl: null };
  }
}

export interface InviteInput {
  databaseId: string;
  email: string;
  configuredRoleId: string;
  access: Access;
}

/** Admins and MANAGERs of the database invite an address, with the same checks as adding a collaborator. */
export async function inviteCollaborator(context: Context, input: InviteInput): Promise<InvitationSent> {
  const managed = await requireManager(context, input.databaseId);
  const { database } = managed;
  const email = checkEmail(input.email);
  const existing = await context.metadata.user.findUnique({ where: { email } });
  if (existing) {
    requireMayAdd(managed, existing);
    if (!existing.isActive) throw new ValidationError('email', `${existing.username} is deactivated.`);
  }
  await requireGivable(context, managed.database, input.configuredRoleId);
  const role = await usableRole(context, database, input.configuredRoleId);
  await expireOverdue(context, { databaseId: database.id, email });
  const token = newToken('rci');
  const created = await context.metadata.$transaction(async (tx) => {
    await lockAddress(tx, database.id, email);
    if (
      existing &&
      (await tx.collaborator.findUnique({
        where: { userId_databaseId: { userId: existing.id, databaseId: database.id } },
      }))
    ) {
      throw new ConflictError(`${email} already collaborates on ${database.name}.`);
    }
    const pending = await tx.invitation.findFirst({
      where: { databaseId: database.id, email, status: 'PENDING', expiresAt: { gt: new Date() } },
    });
    if (pending) throw new ConflictError(`${email} already has a pending invitation to ${database.name}: re-send it.`);
    const created = await tx.invitation.create({
      data: {
        email,
        databaseId: database.id,
        configuredRoleId: role.id,
        access: input.access,
        tokenHash: hashToken(token),
        emailed: goesByEmail(context),
        invitedById: managed.viewer.user.id,
        expiresAt: new Date(Date.now() + context.config.invitationTtlMs),
      },
    });
    await context.events.record(tx, {
      kind: 'invitation.created',
      actorId: managed.viewer.user.id,
      serverId: database.serverId,
      databaseId: database.id,
      payload: eventPayload(created, role.rolname, { expiresAt: created.expiresAt.toISOString() }),
    });
    return created;
  });
  // Relations are loaded after the commit: Prisma would load several in parallel on the transaction's connection.
  return deliver(context, await withDetails(context, created.id), token);
}

/** The invitation, for an admin or a MANAGER of its database; others learn nothing about which ids exist. */
async function managedInvitation(context: Context, invitationId: string) {
  const viewer = requireViewer(context.viewer);
  const invitation = await context.metadata.invitation.findUnique({ where: { id: invitationId }, include: DETAILS });
  const access = invitation ? await context.loaders.viewerAccess.load(invitation.databaseId) : null;
  if (!databaseCapabilities(viewer.user, access).canManageCollaborators)
    throw new ForbiddenError('Only admins and managers of this database manage its invitations.');
  if (!invitation) throw new NotFoundError('invitation');
  const invitee = await context.metadata.user.findUnique({ where: { email: invitation.email } });
  if (!canBringIn(viewer.user, access, invitee))
    throw new ForbiddenError("Only admins manage invitations to admins' addresses.");
  const managed = await requireManager(context, invitation.databaseId);
  return { managed, invitation };
}

/** A new token (the old link dies) and a new expiry; an expired invitation becomes pending again. */
export async function resendInvitation(context: Context, invitationId: string): Promise<InvitationSent> {
  await expireOverdue(context, { id: invitationId });
  const { managed, invitation } = await managedInvitation(context, invitationId);
  // A re-sent link can reach whoever asked for it: a MANAGER re-sends only what they could have sent themselves.
  await requireGivable(context, managed.database, invitation.configuredRoleId);
  if (invitation.status !== 'PENDING' && invitation.status !== 'EXPIRED') {
    throw new ConflictError(
      `Only pending or expired invitations can be re-sent; this one is ${invitation.status.toLowerCase()}.`,
    );
  }
  const role = await usableRole(context, managed.database, invitation.configuredRoleId);
  const token = newToken('rci');
  await context.metadata.$transaction(async (tx) => {
    await lockAddress(tx, invitation.databaseId, invitation.email);
    const other = await tx.invitation.findFirst({
      where: {
        id: { not: invitation.id },
        databaseId: invitation.databaseId,
        email: invitation.email,
        status: 'PENDING',
        expiresAt: { gt: new Date() },
      },
    });
    if (other) throw new ConflictError(`${invitation.email} already has another pending invitation here.`);
    const collaborating = await tx.collaborator.count({
      where: { databaseId: invitation.databaseId, user: { email: invitation.email } },
    });
    if (collaborating > 0) {
      throw new ConflictError(`${invitation.email} already collaborates on ${managed.database.name}.`);
    }
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, status: { in: ['PENDING', 'EXPIRED'] } },
      data: {
        tokenHash: hashToken(token),
        emailed: goesByEmail(context),
        status: 'PENDING',
        expiresAt: new Date(Date.now() + context.config.invitationTtlMs),
      },
    });
    if (count === 0) throw new ConflictError('The invitation was answered or revoked meanwhile.');
    const fresh = await tx.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    await context.events.record(tx, {
      kind: 'invitation.resent',
      actorId: managed.viewer.user.id,
      serverId: managed.database.serverId,
      databaseId: managed.database.id,
      payload: eventPayload(fresh, role.rolname, { expiresAt: fresh.expiresAt.toISOString() }),
    });
  });
  return deliver(context, await withDetails(context, invitation.id), token);
}

export async function revokeInvitation(context: Context, invitationId: string): Promise<Invitation> {
  await expireOverdue(context, { id: invitationId });
  const { managed, invitation } = await managedInvitation(context, invitationId);
  return context.metadata.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, status: { in: ['PENDING', 'EXPIRED'] } },
      data: { status: 'REVOKED' },
    });
    if (count === 0) throw new ConflictError(`This invitation is already ${invitation.status.toLowerCase()}.`);
    const revoked = await tx.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    await context.events.record(tx, {
      kind: 'invitation.revoked',
      actorId: managed.viewer.user.id,
      serverId: managed.database.serverId,
      databaseId: managed.database.id,
      payload: eventPayload(revoked, invitation.configuredRole.rolname),
    });
    return revoked;
  });
}

function stateOf(invitation: Pick<Invitation, 'status' | 'expiresAt'> | null): InvitationState | null {
  if (!invitation) return 'UNKNOWN';
  if (invitation.status !== 'PENDING') return invitation.status;
  return invitation.expiresAt <= new Date() ? 'EXPIRED' : null;
}

/**
 * The pending invitation a token opens, refused with the reason. It is looked up by the token's SHA-256 and nothing
 * else is compared: comparing the stored hash with the one just matched by the lookup in "constant time" would
 * protect nothing. The lookup's own timing (an index probe on the hash) reveals at most how a *hash* prefix of the
 * guess relates to stored hashes, and with 256-bit random tokens nobody can steer a guess's hash towards a stored
 * one, so it tells an attacker nothing about any token.
 */
async function invitationByToken(context: Context, token: string): Promise<DetailedInvitation> {
  if (!TOKEN_SHAPE.test(token)) throw new InvitationUnusableError('UNKNOWN');
  const invitation = await context.metadata.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: DETAILS,
  });
  if (!invitation) throw new InvitationUnusableError('UNKNOWN');
  const state = stateOf(invitation);
  if (state === 'EXPIRED') await expireOverdue(context, { id: invitation.id });
  if (state) throw new InvitationUnusableError(state);
  return invitation;
}

export interface NewAccountInput {
  username: string;
  password: string;
  displayName?: string | null;
}

type Invitee = { user: User } | { newAccount: NewAccountInput };

/**
 * The account answering: a new one, whose address is proven only by an e-mailed token (an account that merely
 * claimed that address loses it to them); or an existing one, whose address an e-mailed token proves too.
 */
async function inviteeAccount(
  context: Context,
  tx: Prisma.TransactionClient,
  invitation: DetailedInvitation,
  invitee: Invitee,
  provesAddress: boolean,
): Promise<User> {
  if ('user' in invitee) {
    if (provesAddress && !invitee.user.emailVerifiedAt) await proveAddress(context, tx, invitee.user, invitation.email);
    return invitee.user;
  }
  if (provesAddress) await releaseUnprovenAddress(context, tx, invitation.email);
  const { username, password, displayName } = invitee.newAccount;
  const user = await insertUser(
    tx,
    { username, password, displayName, email: invitation.email, isAdmin: false },
    { emailProven: provesAddress },
  );
  await context.events.record(tx, {
    kind: 'user.created',
    actorId: user.id,
    payload: { user: user.username, isAdmin: false, invitationId: invitation.id },
  });
  return user;
}

/**
 * Accepts in one metadata transaction: claims the invitation (once: a concurrent or repeated accept finds it
 * answered), creates the account when there is none, makes the collaboration, records the events and, for a new
 * account, starts its session.
 */
async function complete(
  context: Context,
  invitation: DetailedInvitation,
  invitee: Invitee,
  tokenHash: string | null,
): Promise<Collaborator> {
  const { database } = invitation;
  // The role must still be configured and log in: a role dropped since the invitation is not assignable.
  const role = await usableRole(context, database, invitation.configuredRoleId);
  const sessionToken = 'newAccount' in invitee ? newToken('rcs') : null;
  const collaborator = await context.metadata.$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({
      where: {
        id: invitation.id,
        status: 'PENDING',
        expiresAt: { gt: new Date() },
        ...(tokenHash ? { tokenHash } : {}),
      },
      data: { status: 'ACCEPTED', respondedAt: new Date() },
    });
    if (claimed.count === 0) {
      const now = await tx.invitation.findUnique({ where: { id: invitation.id } });
      const changedToken = tokenHash !== null && now?.tokenHash !== tokenHash;
      throw new InvitationUnusableError(changedToken ? 'UNKNOWN' : (stateOf(now) ?? 'UNKNOWN'));
    }
    // Only the link proves anything, and only one that went nowhere but to the address.
    const user = await inviteeAccount(context, tx, invitation, invitee, tokenHash !== null && invitation.emailed);
    const created = await insertCollaboration(context, tx, {
      actorId: user.id,
      database,
      user,
      role,
      access: invitation.access,
      invitationId: invitation.id,
    });
    await context.events.record(tx, {
      kind: 'invitation.accepted',
      actorId: user.id,
      serverId: database.serverId,
      databaseId: database.id,
      payload: eventPayload({ ...invitation, status: 'ACCEPTED' }, role.rolname, {
        user: user.username,
        collaboratorId: created.id,
      }),
    });
    if (sessionToken) {
      await tx.session.create({
        data: {
          userId: user.id,
          tokenHash: hashToken(sessionToken),
          expiresAt: new Date(Date.now() + context.config.sessionTtlMs),
        },
      });
    }
    return created;
  });
  if (sessionToken) context.cookies.set(SESSION_COOKIE, sessionToken, Math.floor(context.config.sessionTtlMs / 1000));
  return collaborator;
}

/**
 * Follows an invitation link: a new person creates their account with `newAccount` (standard user, the invited
 * address) and is signed in; someone already signed in accepts as themselves if the address is theirs.
 */
export async function acceptInvitation(
  context: Context,
  token: string,
  newAccount: NewAccountInput | null,
): Promise<Collaborator> {
  const invitation = await invitationByToken(context, token);
  const tokenHash = invitation.tokenHash;
  if (newAccount) {
    if (context.viewer) throw new ValidationError('newAccount', 'Sign out before creating another account.');
    const holder = await context.metadata.user.findUnique({ where: { email: invitation.email } });
    // An e-mailed link outranks an unproven claim to the address (see inviteeAccount); anything else does not.
    if (holder && (holder.emailVerifiedAt || !invitation.emailed)) {
      throw new ConflictError('An account with this e-mail already exists: sign in as it to accept.');
    }
    return complete(context, invitation, { newAccount }, tokenHash);
  }
  const viewer = requireViewer(context.viewer);
  if (!canAnswerInvitation(viewer.user, invitation, 'WITH_LINK')) throw new WrongUserError();
  return complete(context, invitation, { user: viewer.user }, tokenHash);
}

/** An invitation addressed to the signed-in user's proven address; anyone else's is "not found". */
async function ownInvitation(context: Context, invitationId: string) {
  const viewer = requireViewer(context.viewer);
  const invitation = await context.metadata.invitation.findUnique({ where: { id: invitationId }, include: DETAILS });
  if (!invitation || !canAnswerInvitation(viewer.user, invitation)) throw new NotFoundError('invitation');
  const state = stateOf(invitation);
  if (state === 'EXPIRED') await expireOverdue(context, { id: invitation.id });
  if (state) throw new InvitationUnusableError(state);
  return { viewer, invitation };
}

/** Accepts one of the viewer's own invitations (from `myInvitations`). */
export async function acceptMyInvitation(context: Context, invitationId: string): Promise<Collaborator> {
  const { viewer, invitation } = await ownInvitation(context, invitationId);
  return complete(context, invitation, { user: viewer.user }, null);
}

export async function declineInvitation(context: Context, invitationId: string): Promise<Invitation> {
  const { viewer, invitation } = await ownInvitation(context, invitationId);
  return decline(context, invitation, viewer.user);
}

/** What an invitation link is for (database, server, role, access, inviter, address), for whoever holds the link. */
export function invitationOfLink(context: Context, token: string): Promise<DetailedInvitation> {
  return invitationByToken(context, token);
}

/** Declines through the link itself: whoever holds it may refuse it, signed in or not (it then opens nothing). */
export async function declineInvitationLink(context: Context, token: string): Promise<Invitation> {
  return decline(context, await invitationByToken(context, token), context.viewer?.user ?? null);
}

async function decline(context: Context, invitation: DetailedInvitation, answeredBy: User | null): Promise<Invitation> {
  return context.metadata.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, status: 'PENDING' },
      data: { status: 'DECLINED', respondedAt: new Date() },
    });
    if (count === 0) {
      throw new InvitationUnusableError(
        stateOf(await tx.invitation.findUnique({ where: { id: invitation.id } })) ?? 'UNKNOWN',
      );
    }
    const declined = await tx.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    await context.events.record(tx, {
      kind: 'invitation.declined',
      actorId: answeredBy?.id ?? null,
      serverId: invitation.database.serverId,
      databaseId: invitation.databaseId,
      payload: eventPayload(
        declined,
        invitation.configuredRole.rolname,
        answeredBy ? { user: answeredBy.username } : {},
      ),
    });
    return declined;
  });
}

/** The viewer's pending invitations, by their e-mail address once proven (until then, none). */
export async function myInvitationsWhere(context: Context): Promise<Prisma.InvitationWhereInput> {
  const { user } = requireViewer(context.viewer);
  const email = user.email.trim().toLowerCase();
  if (!canAnswerInvitation(user, { email })) return { id: { in: [] } };
  await expireOverdue(context, { email });
  return { email, status: 'PENDING' };
}

/** A database's invitations, for whoever may see the database (nobody else gets any). */
export async function databaseInvitationsWhere(
  context: Context,
  databaseId: string,
  statuses: Invitation['status'][],
): Promise<Prisma.InvitationWhereInput | null> {
  const viewer = requireViewer(context.viewer);
  const access = await context.loaders.viewerAccess.load(databaseId);
  if (!databaseCapabilities(viewer.user, access).canView) return null;
  await expireOverdue(context, { databaseId });
  return { databaseId, status: { in: statuses } };
}
