import { hashToken, newToken } from '../auth/tokens.js';
import type { Context } from '../context.js';
import { ConflictError, RolecallError, TooManyAttemptsError } from '../errors.js';
import type { EmailVerification, Prisma, User } from '../generated/prisma/client.js';
import { tokenLink } from '../mail/links.js';
import { mailerFor } from '../mail/mailer.js';
import { verificationMessage } from '../mail/verification.js';
import { requireViewer, sameAddress } from '../policy/capabilities.js';

/** `newToken('rcv')`: the prefix and 32 random bytes in base64url. Anything else is not worth a lookup. */
const TOKEN_SHAPE = /^rcv_[A-Za-z0-9_-]{43}$/;
export const VERIFICATION_TTL_MS = 24 * 3600_000;
/** An account may hold someone else's address (unproven): it must not be able to flood that inbox. */
export const VERIFICATION_INTERVAL_MS = 60_000;

export type EmailNotSentReason = 'SMTP_NOT_CONFIGURED' | 'SMTP_FAILED';

const NOT_SENT_MESSAGES: Record<EmailNotSentReason, string> = {
  SMTP_NOT_CONFIGURED:
    'Rolecall cannot send e-mail here (no SMTP_URL), so the address cannot be proven by e-mail: ask an admin to set it.',
  SMTP_FAILED: 'The e-mail could not be sent; try again later.',
};

/** No e-mail went out, so nothing was proven; the link is never shown instead, or anyone could prove any address. */
export class EmailNotSentError extends RolecallError {
  readonly code = 'EMAIL_NOT_SENT';
  constructor(readonly reason: EmailNotSentReason) {
    super(NOT_SENT_MESSAGES[reason]);
  }
}

export type VerificationState = 'UNKNOWN' | 'USED' | 'EXPIRED' | 'ADDRESS_CHANGED' | 'OTHER_ACCOUNT';

const STATE_MESSAGES: Record<VerificationState, string> = {
  UNKNOWN: 'This verification link is not valid (a newer one may have replaced it).',
  USED: 'This verification link has already been used.',
  EXPIRED: 'This verification link has expired; send a new one from your account page.',
  ADDRESS_CHANGED: 'Your e-mail address changed since this link was sent; it proves nothing any more.',
  OTHER_ACCOUNT: 'This link proves the address of another account: sign in as that account, then open it again.',
};

export class VerificationUnusableError extends RolecallError {
  readonly code = 'VERIFICATION_UNUSABLE';
  constructor(readonly state: VerificationState) {
    super(STATE_MESSAGES[state]);
  }
}

export interface EmailVerificationSent {
  email: string;
  expiresAt: Date;
}

/**
 * Replaces the account's earlier unused links with a new one for its current address, at most one a minute.
 * Serialised per account, so two requests at once cannot both pass the interval.
 */
async function newVerification(context: Context, user: User, token: string): Promise<EmailVerification> {
  return context.metadata.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`rolecall.verification:${user.id}`}))`;
    const last = await tx.emailVerification.findFirst({ where: { userId: user.id }, orderBy: { createdAt: 'desc' } });
    const wait = last ? last.createdAt.getTime() + VERIFICATION_INTERVAL_MS - Date.now() : 0;
    if (wait > 0) throw new TooManyAttemptsError(Math.ceil(wait / 1000));
    await tx.emailVerification.deleteMany({ where: { userId: user.id, usedAt: null } });
    return tx.emailVerification.create({
      data: {
        userId: user.id,
        email: user.email,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + VERIFICATION_TTL_MS),
      },
    });
  });
}

/** E-mails the signed-in user a one-time link that proves their address; without SMTP there is no way to. */
export async function requestEmailVerification(context: Context): Promise<EmailVerificationSent> {
  const { user } = requireViewer(context.viewer);
  if (user.emailVerifiedAt) throw new ConflictError('Your e-mail address is already proven.');
  const mailer = mailerFor(context.config);
  if (!mailer) throw new EmailNotSentError('SMTP_NOT_CONFIGURED');
  const token = newToken('rcv');
  const verification = await newVerification(context, user, token);
  const facts = { userId: user.id, email: user.email };
  try {
    await mailer.send(
      verificationMessage({
        to: user.email,
        username: user.username,
        verifyUrl: tokenLink(context.config, '/verify-email', token),
        expiresAt: verification.expiresAt,
      }),
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    context.logger.warn({ ...facts, reason }, 'verification e-mail could not be sent');
    throw new EmailNotSentError('SMTP_FAILED');
  }
  context.logger.info(facts, 'verification e-mail sent');
  return { email: verification.email, expiresAt: verification.expiresAt };
}

/** Why the link proves nothing for this viewer, or null when it does. */
function refusal(verification: EmailVerification | null, user: User): VerificationState | null {
  if (!verification) return 'UNKNOWN';
  if (verification.userId !== user.id) return 'OTHER_ACCOUNT';
  if (verification.usedAt) return 'USED';
  if (verification.expiresAt <= new Date()) return 'EXPIRED';
  return sameAddress(verification.email, user.email) ? null : 'ADDRESS_CHANGED';
}

/**
 * Follows a verification link. The signed-in account must be the one that asked: someone who holds an address only
 * by claim could otherwise get its owner to click "verify" for them.
 */
export async function verifyEmail(context: Context, token: string): Promise<User> {
  const { user } = requireViewer(context.viewer);
  const verification = TOKEN_SHAPE.test(token)
    ? await context.metadata.emailVerification.findUnique({ where: { tokenHash: hashToken(token) } })
    : null;
  const state = refusal(verification, user);
  if (state || !verification) throw new VerificationUnusableError(state ?? 'UNKNOWN');
  return context.metadata.$transaction(async (tx) => {
    const used = await tx.emailVerification.updateMany({
      where: { id: verification.id, usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (used.count === 0) throw new VerificationUnusableError('USED');
    if (!(await proveAddress(context, tx, user, verification.email)))
      throw new VerificationUnusableError('ADDRESS_CHANGED');
    return tx.user.findUniqueOrThrow({ where: { id: user.id } });
  });
}

function recordAddressChange(
  context: Pick<Context, 'events'>,
  tx: Prisma.TransactionClient,
  actorId: string | null,
  username: string,
  changed: string[],
) {
  return context.events.record(tx, { kind: 'user.updated', actorId, payload: { user: username, changed } });
}

/**
 * Marks the account's address proven, only if it still is `email` (an address changed meanwhile stays unproven), and
 * records it, so live streams re-read which invitations the account now sees.
 */
export async function proveAddress(
  context: Pick<Context, 'events'>,
  tx: Prisma.TransactionClient,
  user: Pick<User, 'id' | 'username'>,
  email: string,
): Promise<boolean> {
  const { count } = await tx.user.updateMany({ where: { id: user.id, email }, data: { emailVerifiedAt: new Date() } });
  if (count > 0) await recordAddressChange(context, tx, user.id, user.username, ['emailVerified']);
  return count > 0;
}

/** Not an address anyone receives mail at (`.invalid` is reserved, RFC 2606), unique per account. */
const releasedAddress = (userId: string) => `unproven-${userId}@released.invalid`;

/**
 * Someone just proved `email` (a token e-mailed to it), so an account that only claims it loses it: the address
 * goes to its owner. An account with the address proven keeps it, and the newcomer is refused.
 */
export async function releaseUnprovenAddress(
  context: Pick<Context, 'events'>,
  tx: Prisma.TransactionClient,
  email: string,
): Promise<void> {
  const holder = await tx.user.findUnique({ where: { email } });
  if (!holder) return;
  const { count } = await tx.user.updateMany({
    where: { id: holder.id, email, emailVerifiedAt: null },
    data: { email: releasedAddress(holder.id) },
  });
  if (count === 0) throw new ConflictError('An account with this e-mail already exists: sign in as it to accept.');
  await recordAddressChange(context, tx, null, holder.username, ['email']);
}
