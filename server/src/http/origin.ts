import type { Plugin } from 'graphql-yoga';

/**
 * Cookie-authenticated requests from another site must not act: a POST whose Origin is neither this server
 * nor an allowed origin is refused before it is parsed. (Requests without Origin are not from a browser.)
 */
export function isAllowedOrigin(request: Request, allowedOrigins: readonly string[]): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return true;
  const host = request.headers.get('host');
  const own = host ? [`http://${host}`, `https://${host}`] : [];
  return own.includes(origin) || allowedOrigins.includes(origin);
}

export function useOriginCheck(allowedOrigins: readonly string[]): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method === 'GET' || isAllowedOrigin(request, allowedOrigins)) return;
      endResponse(
        new fetchAPI.Response(JSON.stringify({ errors: [{ message: 'Cross-origin request refused.' }] }), {
          status: 403,
          headers: { 'content-type': 'application/json' },
        }),
      );
    },
  };
}
