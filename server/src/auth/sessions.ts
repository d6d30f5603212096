import type { Services, Viewer } from '../context.js';
import type { User } from '../generated/prisma/client.js';
import { namedRead } from '../metadata/client.js';
import { type CookieJar, SESSION_COOKIE } from './cookies.js';
import { endSessions } from './revocation.js';
import { hashToken, newToken } from './tokens.js';
import { viewerCache } from './viewer-cache.js';

const TOUCH_EVERY_MS = 60_000;

export async function startSession(services: Services, cookies: CookieJar, userId: string): Promise<void> {
  const token = newToken('rcs');
  const ttl = services.config.sessionTtlMs;
  await services.metadata.session.create({
    data: { userId, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + ttl) },
  });
  cookies.set(SESSION_COOKIE, token, Math.floor(ttl / 1000));
}

/** Signs out: the session is deleted and its end recorded, which ends the streams it opened on every instance. */
export async function endSession(services: Services, cookies: CookieJar, viewer: Viewer): Promise<void> {
  const via = viewer.via;
  if (via.kind === 'session') {
    const ending = { userId: viewer.user.id, actorId: viewer.user.id, reason: 'logout' } as const;
    await services.metadata.$transaction((tx) => endSessions(tx, services.events, ending, { only: via.sessionId }));
  }
  cookies.clear(SESSION_COOKIE);
}

function bearerToken(request: Request): string | undefined {
  const header = request.headers.get('authorization');
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

/**
 * The user's columns as Prisma reads them: its DateTime columns are timestamps without time zone holding UTC, which
 * node-postgres alone would read in the process's time zone.
 */
const USER_COLUMNS = `u.id, u.username, u.email, u."displayName", u."passwordHash", u."isAdmin", u."isActive",
  u."emailVerifiedAt" AT TIME ZONE 'UTC' AS "emailVerifiedAt", u."createdAt" AT TIME ZONE 'UTC' AS "createdAt",
  u."updatedAt" AT TIME ZONE 'UTC' AS "updatedAt"`;

function userOf(row: User): User {
  const { id, username, email, displayName, passwordHash, isAdmin, isActive, emailVerifiedAt, createdAt, updatedAt } =
    row;
  return { id, username, email, displayName, passwordHash, isAdmin, isActive, emailVerifiedAt, createdAt, updatedAt };
}

interface SessionRow extends User {
  sessionId: string;
  expiresAt: Date;
  lastSeenAt: Date;
}

const SESSION_BY_HASH = `SELECT s.id AS "sessionId", s."expiresAt" AT TIME ZONE 'UTC' AS "expiresAt",
       s."lastSeenAt" AT TIME ZONE 'UTC' AS "lastSeenAt", ${USER_COLUMNS}
  FROM "Session" s JOIN "User" u ON u.id = s."userId"
 WHERE s."tokenHash" = $1`;

interface ApiTokenRow extends User {
  tokenId: string;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revoked: boolean;
}

const API_TOKEN_BY_HASH = `SELECT t.id AS "tokenId", t."expiresAt" AT TIME ZONE 'UTC' AS "expiresAt",
       t."lastUsedAt" AT TIME ZONE 'UTC' AS "lastUsedAt", t."revokedAt" IS NOT NULL AS revoked, ${USER_COLUMNS}
  FROM "ApiToken" t JOIN "User" u ON u.id = t."userId"
 WHERE t."tokenHash" = $1`;

// The credential and its user are read in one statement (every request does this once its few seconds in the
// cache are over): Prisma would take two, through its query pipeline.
async function viewerFromSession(services: Services, token: string): Promise<Viewer | null> {
  const hash = hashToken(token);
  const cache = viewerCache(services);
  const cached = cache.get(hash);
  if (cached) return cached;
  const mark = cache.mark;
  const [session] = await namedRead<SessionRow>(services.metadata, 'rolecall_session_by_hash', SESSION_BY_HASH, [hash]);
  if (!session || session.expiresAt <= new Date() || !session.isActive) return null;
  if (Date.now() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await services.metadata.session.update({ where: { id: session.sessionId }, data: { lastSeenAt: new Date() } });
  }
  const viewer: Viewer = { user: userOf(session), via: { kind: 'session', sessionId: session.sessionId } };
  cache.set(hash, viewer, session.expiresAt, mark);
  return viewer;
}

async function viewerFromApiToken(services: Services, token: string): Promise<Viewer | null> {
  const hash = hashToken(token);
  const cache = viewerCache(services);
  const cached = cache.get(hash);
  if (cached) return cached;
  const mark = cache.mark;
  const [apiToken] = await namedRead<ApiTokenRow>(services.metadata, 'rolecall_api_token_by_hash', API_TOKEN_BY_HASH, [
    hash,
  ]);
  if (!apiToken || apiToken.revoked || !apiToken.isActive) return null;
  if (apiToken.expiresAt && apiToken.expiresAt <= new Date()) return null;
  if (!apiToken.lastUsedAt || Date.now() - apiToken.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await services.metadata.apiToken.update({ where: { id: apiToken.tokenId }, data: { lastUsedAt: new Date() } });
  }
  const viewer: Viewer = { user: userOf(apiToken), via: { kind: 'token', tokenId: apiToken.tokenId } };
  cache.set(hash, viewer, apiToken.expiresAt, mark);
  return viewer;
}

/**
 * Who is asking: a bearer API token wins over the session cookie; expired, revoked or deactivated means nobody.
 * Verified credentials are remembered for a few seconds, and forgotten as soon as they end (viewer-cache.ts).
 */
export async function resolveViewer(services: Services, request: Request, cookies: CookieJar): Promise<Viewer | null> {
  const bearer = bearerToken(request);
  if (bearer) return viewerFromApiToken(services, bearer);
  const sessionToken = cookies.get(SESSION_COOKIE);
  return sessionToken ? viewerFromSession(services, sessionToken) : null;
}
