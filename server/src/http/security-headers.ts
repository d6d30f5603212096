import type { IncomingMessage, ServerResponse } from 'node:http';

/** A Host header fit to be named in a CSP source (anything else gets no WebSocket source). */
const HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

function socketSources(host: string | undefined): string {
  return host && HOST.test(host) ? ` ws://${host} wss://${host}` : '';
}

/**
 * The built web app is one script file and one stylesheet, with no inline script or style (Solid sets `style` through
 * the DOM, which CSP does not govern), so nothing inline is allowed. Its live view connects to /graphql over ws(s).
 */
function appPolicy(host: string | undefined): string[] {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self'${socketSources(host)}`,
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ];
}

/** Yoga's GraphiQL page (development only) is inline scripts, with its editor, styles and workers from unpkg. */
function graphiqlPolicy(host: string | undefined): string[] {
  const cdn = 'https://unpkg.com';
  const shared = appPolicy(host).filter((directive) => !/^(script|style|connect|img)-src/.test(directive));
  return [
    ...shared,
    `script-src 'self' 'unsafe-inline' ${cdn}`,
    `style-src 'self' 'unsafe-inline' ${cdn}`,
    `connect-src 'self'${socketSources(host)} ${cdn}`,
    `font-src 'self' data: ${cdn}`,
    "img-src 'self' data: https://raw.githubusercontent.com",
    'worker-src blob:',
  ];
}

/** What Yoga answers with GraphiQL (see its `shouldRenderGraphiQL`), when it serves GraphiQL at all. */
function asksForGraphiQL(request: IncomingMessage): boolean {
  const path = (request.url ?? '').split('?')[0];
  const wantsHtml = request.headers.accept?.includes('text/html') ?? false;
  return request.method === 'GET' && (path === '/graphql' || path === '/graphql/') && wantsHtml;
}

/**
 * Headers every response of Rolecall carries, the web app's and the API's alike, set before anyone answers. No
 * referrer at all: the app's own URLs can hold an invitation token, and nothing here needs a Referer.
 */
export function setSecurityHeaders(request: IncomingMessage, response: ServerResponse, graphiql: boolean): void {
  const host = request.headers.host;
  const policy = graphiql && asksForGraphiQL(request) ? graphiqlPolicy(host) : appPolicy(host);
  response.setHeader('content-security-policy', policy.join('; '));
  response.setHeader('x-content-type-options', 'nosniff');
  response.setHeader('referrer-policy', 'no-referrer');
  response.setHeader('x-frame-options', 'DENY');
}
