import type { CORSOptions, Plugin } from 'graphql-yoga';
import { CookieJar, SESSION_COOKIE } from '../auth/cookies.js';

/** Who counts as this server, besides the request's own Host: PUBLIC_URL, and the origins an operator allowed. */
export interface OriginPolicy {
  allowedOrigins: readonly string[];
  publicUrl?: string | undefined;
}

/** Headers a browser page of an allowed origin may send to /graphql. */
const CORS_HEADERS = ['accept', 'authorization', 'content-type', 'x-rolecall-csrf'];

function ownOrigins(request: Request, policy: OriginPolicy): string[] {
  const host = request.headers.get('host');
  const own = host ? [`http://${host}`, `https://${host}`] : [];
  if (policy.publicUrl) own.push(new URL(policy.publicUrl).origin);
  return own;
}

function isAllowed(origin: string, request: Request, policy: OriginPolicy): boolean {
  return ownOrigins(request, policy).includes(origin) || policy.allowedOrigins.includes(origin);
}

/**
 * Whether a browser sent this from a page that is neither this server nor an allowed origin: by its Origin header,
 * or, where a browser sends none (a cross-site GET of an image or script), by Sec-Fetch-Site. A sibling subdomain or
 * another port is same-site, so its requests carry the session cookie: it counts as foreign too. Requests with
 * neither header are not from a browser page.
 */
export function isForeignRequest(request: Request, policy: OriginPolicy): boolean {
  const origin = request.headers.get('origin');
  if (origin) return !isAllowed(origin, request, policy);
  const site = request.headers.get('sec-fetch-site');
  return site === 'cross-site' || site === 'same-site';
}

/** Authenticated by the browser's session cookie (a bearer token, which a page must add itself, takes precedence). */
function isCookieAuthenticated(request: Request): boolean {
  if (request.headers.get('authorization')) return false;
  return new CookieJar(request.headers.get('cookie'), false).get(SESSION_COOKIE) !== undefined;
}

/**
 * Credentialed CORS only for this server and the allowed origins; any other origin gets no CORS headers, so its
 * pages cannot read an answer (nor pass a preflight).
 */
export function corsFor(policy: OriginPolicy) {
  return (request: Request): CORSOptions => {
    const origin = request.headers.get('origin');
    if (!origin || !isAllowed(origin, request, policy)) return false;
    return { origin, credentials: true, methods: ['GET', 'POST'], allowedHeaders: CORS_HEADERS, maxAge: 600 };
  };
}

/**
 * Refuses, before parsing, what a foreign page could make a browser send with the session cookie: any POST (it could
 * act), and a GET that carries the cookie (its answer, or an SSE stream, would be read with the victim's rights).
 * A foreign GET without the cookie, or with a bearer token, has no ambient credentials and is answered.
 */
export function useOriginCheck(policy: OriginPolicy): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (!isForeignRequest(request, policy)) return;
      const reads = request.method === 'GET' || request.method === 'HEAD';
      if (reads && !isCookieAuthenticated(request)) return;
      endResponse(
        new fetchAPI.Response(
          JSON.stringify({ errors: [{ message: 'Cross-origin request refused.', extensions: { code: 'FORBIDDEN' } }] }),
          { status: 403, headers: { 'content-type': 'application/json; charset=utf-8' } },
        ),
      );
    },
  };
}
