import { dummyPasswordHash, hashPassword, verifyPassword } from '../auth/passwords.js';
import { endSessions, revokeApiTokens } from '../auth/revocation.js';
import { endSession, startSession } from '../auth/sessions.js';
import type { SprayReport } from '../auth/throttle.js';
import { hashToken, newToken } from '../auth/tokens.js';
import type { Context } from '../context.js';
import {
  InvalidCredentialsError,
  NotFoundError,
  SetupAlreadyDoneError,
  TooManyAttemptsError,
  ValidationError,
} from '../errors.js';
import type { ApiToken, User } from '../generated/prisma/client.js';
import { requireViewer } from '../policy/capabilities.js';
import { type CreateUserInput, insertUser } from './users.js';
import { checkPassword, checkText } from './validation.js';

export async function isSetupRequired(context: Context): Promise<boolean> {
  return (await context.metadata.user.count()) === 0;
}

/** First run: creates the first admin and signs them in. Only possible while there is no user at all. */
export async function setup(context: Context, input: CreateUserInput): Promise<User> {
  const user = await context.metadata.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('rolecall.setup'))`;
    if ((await tx.user.count()) > 0) throw new SetupAlreadyDoneError();
    // The first admin vouches for their own address, as any admin does for the addresses they set.
    const admin = await insertUser(tx, { ...input, isAdmin: true }, { emailProven: true });
    await context.events.record(tx, {
      kind: 'user.created',
      actorId: admin.id,
      payload: { user: admin.username, isAdmin: true },
    });
    return admin;
  });
  await startSession(context, context.cookies, user.id);
  return user;
}

/** The active user these credentials are right for, or null. */
async function userWithPassword(context: Context, loginName: string, password: string): Promise<User | null> {
  // No username or e-mail holds a NUL (they are validated), and PostgreSQL text cannot even be compared with one.
  const user = loginName.includes('\0')
    ? null
    : await context.metadata.user.findFirst({
        where: { OR: [{ username: loginName.trim() }, { email: loginName.trim().toLowerCase() }] },
      });
  // Hash even when there is no such user, so timing does not tell which usernames exist.
  const matches = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  return user && matches && user.isActive ? user : null;
}

/** Names are not logged: people type passwords into the name field. */
function warnOfSpray(context: Context, report: SprayReport | null): void {
  if (!report) return;
  context.logger.warn(
    report,
    'many sign-in names failing from one address: a password spray, or clients behind a proxy without ROLECALL_TRUST_PROXY',
  );
}

function throttled(context: Context, retryAfterSeconds: number): TooManyAttemptsError {
  context.metrics.loginThrottled();
  return new TooManyAttemptsError(retryAfterSeconds);
}

/**
 * Throttled per (login, address) and per address across logins; an address has at most two sign-ins hashing at once,
 * and a full hashing queue refuses at once: each refusal is a TooManyAttemptsError with its retry delay.
 */
export async function login(context: Context, loginName: string, password: string): Promise<User> {
  const throttle = context.loginThrottle;
  const attempt = { login: loginName.trim().toLowerCase(), address: context.clientAddress };
  const perAddress = context.config.loginFailuresPerAddress;
  const wait = throttle.secondsUntilAllowed(attempt, perAddress);
  if (wait > 0) throw throttled(context, wait);
  const done = throttle.begin(attempt.address);
  const user = await userWithPassword(context, loginName, password).finally(done);
  if (!user) {
    context.metrics.loginFailed();
    warnOfSpray(context, throttle.recordFailure(attempt));
    const lockedOut = throttle.secondsLockedOut(attempt, perAddress);
    throw lockedOut > 0 ? throttled(context, lockedOut) : new InvalidCredentialsError();
  }
  throttle.recordSuccess(attempt);
  await startSession(context, context.cookies, user.id);
  return user;
}

export async function logout(context: Context): Promise<boolean> {
  if (context.viewer) await endSession(context, context.cookies, context.viewer);
  return true;
}

export async function changeOwnPassword(context: Context, currentPassword: string, newPassword: string): Promise<User> {
  const viewer = requireViewer(context.viewer);
  // The stored hash as it is now: the viewer's row may come from the credential cache (auth/viewer-cache.ts), a
  // few seconds old, and a password changed meanwhile must not be accepted as the current one.
  const { passwordHash: current } = await context.metadata.user.findUniqueOrThrow({ where: { id: viewer.user.id } });
  if (!(await verifyPassword(currentPassword, current))) throw new InvalidCredentialsError();
  const passwordHash = await hashPassword(checkPassword(newPassword, 'newPassword'));
  const ending = { userId: viewer.user.id, actorId: viewer.user.id, reason: 'password_changed' } as const;
  return context.metadata.$transaction(async (tx) => {
    const keep = viewer.via.kind === 'session' ? viewer.via.sessionId : undefined;
    await endSessions(tx, context.events, ending, { except: keep });
    return tx.user.update({ where: { id: viewer.user.id }, data: { passwordHash } });
  });
}

export interface CreatedApiToken {
  token: string;
  apiToken: ApiToken;
}

const LONGEST_TOKEN_DAYS = 3650;

/** Null (or omitted) means a token that never expires; 0 and negatives are refused, like more than ten years. */
function tokenExpiry(expiresInDays: number | null | undefined): Date | null {
  if (expiresInDays == null) return null;
  if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > LONGEST_TOKEN_DAYS) {
    throw new ValidationError(
      'expiresInDays',
      `expiresInDays: from 1 to ${LONGEST_TOKEN_DAYS} days, or omitted for a token that does not expire.`,
    );
  }
  return new Date(Date.now() + expiresInDays * 86_400_000);
}

/** The token is shown once, here; only its hash is kept. */
export async function createApiToken(
  context: Context,
  name: string,
  expiresInDays?: number | null,
): Promise<CreatedApiToken> {
  const viewer = requireViewer(context.viewer);
  const expiresAt = tokenExpiry(expiresInDays);
  const token = newToken('rct');
  const apiToken = await context.metadata.apiToken.create({
    data: {
      userId: viewer.user.id,
      name: checkText(name, 'name').trim() || 'token',
      tokenHash: hashToken(token),
      expiresAt,
    },
  });
  return { token, apiToken };
}

export async function revokeApiToken(context: Context, tokenId: string): Promise<ApiToken> {
  const viewer = requireViewer(context.viewer);
  const apiToken = await context.metadata.apiToken.findFirst({ where: { id: tokenId, userId: viewer.user.id } });
  if (!apiToken) throw new NotFoundError('API token');
  if (apiToken.revokedAt) return apiToken;
  const ending = { userId: viewer.user.id, actorId: viewer.user.id, reason: 'revoked' } as const;
  return context.metadata.$transaction(async (tx) => {
    await revokeApiTokens(tx, context.events, ending, tokenId);
    return tx.apiToken.findUniqueOrThrow({ where: { id: tokenId } });
  });
}
