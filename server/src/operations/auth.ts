import { dummyPasswordHash, hashPassword, verifyPassword } from '../auth/passwords.js';
import { endSession, startSession } from '../auth/sessions.js';
import { hashToken, newToken } from '../auth/tokens.js';
import type { Context } from '../context.js';
import { InvalidCredentialsError, NotFoundError, SetupAlreadyDoneError, TooManyAttemptsError } from '../errors.js';
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
    const admin = await insertUser(tx, { ...input, isAdmin: true });
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

export async function login(context: Context, loginName: string, password: string): Promise<User> {
  const throttle = context.loginThrottle;
  const key = `${loginName.trim().toLowerCase()}|${context.clientAddress}`;
  const wait = throttle.secondsUntilAllowed(key);
  if (wait > 0) throw new TooManyAttemptsError(wait);
  // No username or e-mail holds a NUL (they are validated), and PostgreSQL text cannot even be compared with one.
  const user = loginName.includes('\0')
    ? null
    : await context.metadata.user.findFirst({
        where: { OR: [{ username: loginName.trim() }, { email: loginName.trim().toLowerCase() }] },
      });
  // Hash even when there is no such user, so timing does not tell which usernames exist.
  const matches = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !matches || !user.isActive) {
    throw throttle.recordFailure(key) > 0
      ? new TooManyAttemptsError(throttle.secondsUntilAllowed(key))
      : new InvalidCredentialsError();
  }
  throttle.recordSuccess(key);
  await startSession(context, context.cookies, user.id);
  return user;
}

export async function logout(context: Context): Promise<boolean> {
  if (context.viewer) await endSession(context, context.cookies, context.viewer);
  return true;
}

export async function changeOwnPassword(context: Context, currentPassword: string, newPassword: string): Promise<User> {
  const viewer = requireViewer(context.viewer);
  if (!(await verifyPassword(currentPassword, viewer.user.passwordHash))) throw new InvalidCredentialsError();
  const passwordHash = await hashPassword(checkPassword(newPassword, 'newPassword'));
  return context.metadata.$transaction(async (tx) => {
    const keep = viewer.via.kind === 'session' ? viewer.via.sessionId : undefined;
    await tx.session.deleteMany({ where: { userId: viewer.user.id, id: { not: keep } } });
    return tx.user.update({ where: { id: viewer.user.id }, data: { passwordHash } });
  });
}

export interface CreatedApiToken {
  token: string;
  apiToken: ApiToken;
}

/** The token is shown once, here; only its hash is kept. */
export async function createApiToken(
  context: Context,
  name: string,
  expiresInDays?: number | null,
): Promise<CreatedApiToken> {
  const viewer = requireViewer(context.viewer);
  const token = newToken('rct');
  const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null;
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
  return context.metadata.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
}
