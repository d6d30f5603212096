import type { Services, Viewer } from '../context.js';
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

async function viewerFromSession(services: Services, token: string): Promise<Viewer | null> {
  const hash = hashToken(token);
  const cache = viewerCache(services);
  const cached = cache.get(hash);
  if (cached) return cached;
  const mark = cache.mark;
  const session = await services.metadata.session.findUnique({ where: { tokenHash: hash }, include: { user: true } });
  if (!session || session.expiresAt <= new Date() || !session.user.isActive) return null;
  if (Date.now() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await services.metadata.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date() } });
  }
  const viewer: Viewer = { user: session.user, via: { kind: 'session', sessionId: session.id } };
  cache.set(hash, viewer, session.expiresAt, mark);
  return viewer;
}

async function viewerFromApiToken(services: Services, token: string): Promise<Viewer | null> {
  const hash = hashToken(token);
  const cache = viewerCache(services);
  const cached = cache.get(hash);
  if (cached) return cached;
  const mark = cache.mark;
  const apiToken = await services.metadata.apiToken.findUnique({ where: { tokenHash: hash }, include: { user: true } });
  if (!apiToken || apiToken.revokedAt || !apiToken.user.isActive) return null;
  if (apiToken.expiresAt && apiToken.expiresAt <= new Date()) return null;
  if (!apiToken.lastUsedAt || Date.now() - apiToken.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await services.metadata.apiToken.update({ where: { id: apiToken.id }, data: { lastUsedAt: new Date() } });
  }
  const viewer: Viewer = { user: apiToken.user, via: { kind: 'token', tokenId: apiToken.id } };
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
