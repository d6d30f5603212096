import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { type DocumentNode, getOperationAST } from 'graphql';
import { createYoga, maskError, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import sirv from 'sirv';
import type { WebSocketServer } from 'ws';
import { CookieJar } from './auth/cookies.js';
import { resolveViewer } from './auth/sessions.js';
import type { Context, Services } from './context.js';
import { limitRequestBody } from './http/body-limit.js';
import { healthProbes } from './http/health.js';
import { metadataUnavailableAnswer } from './http/metadata-unavailable.js';
import { corsFor, type OriginPolicy, useOriginCheck } from './http/origin.js';
import { setSecurityHeaders } from './http/security-headers.js';
import { useSharedSubscriptionResults } from './http/shared-subscriptions.js';
import { StreamKeepAlive } from './http/stream-keep-alive.js';
import { useSubscriptionQuota } from './http/subscription-quota.js';
import { useUnauthenticatedAnswers } from './http/unauthenticated.js';
import { attachWebSockets } from './http/websocket.js';
import { recordListeningOrigin } from './mail/links.js';
import { isMetricsRequest, serveMetrics } from './metrics/endpoint.js';
import { useMetrics } from './metrics/graphql.js';
import { fromRoot } from './paths.js';
import { schema } from './schema/index.js';
import { createLoaders } from './scope/loaders.js';

function isSubscription(document: DocumentNode, operationName?: string | null): boolean {
  return getOperationAST(document, operationName)?.operation === 'subscription';
}

export const CSRF_HEADER = 'x-rolecall-csrf';
const WEB_ROOT = fromRoot('web', 'dist');

/**
 * The TCP peer, or with a trusted proxy the address it appended to X-Forwarded-For (the last one: the entries
 * before it are whatever the client sent).
 */
function clientAddress(services: Services, request: Request, peer: IncomingMessage | undefined): string {
  const forwarded = services.config.trustProxy
    ? request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim()
    : undefined;
  return forwarded || peer?.socket.remoteAddress || 'unknown';
}

async function buildContext(
  services: Services,
  request: Request,
  peer: IncomingMessage | undefined,
  cookieJars: WeakMap<Request, CookieJar>,
): Promise<Context> {
  const secure = new URL(request.url).protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  const cookies = new CookieJar(request.headers.get('cookie'), secure);
  cookieJars.set(request, cookies);
  const viewer = await resolveViewer(services, request, cookies);
  return {
    ...services,
    request,
    cookies,
    viewer,
    clientAddress: clientAddress(services, request, peer),
    loaders: createLoaders(services.metadata, viewer?.user.id ?? null),
  };
}

/** Set-Cookie headers decided by resolvers (sign-in, sign-out) go out on the response. */
function useResponseCookies(cookieJars: WeakMap<Request, CookieJar>): Plugin {
  return {
    onResponse({ request, response }) {
      for (const header of cookieJars.get(request)?.setCookieHeaders ?? [])
        response.headers.append('set-cookie', header);
    },
  };
}

function originPolicy(config: Services['config']): OriginPolicy {
  return { allowedOrigins: config.allowedOrigins, publicUrl: config.publicUrl };
}

export function createGraphQL(services: Services): YogaServerInstance<Record<string, unknown>, Context> {
  const cookieJars = new WeakMap<Request, CookieJar>();
  const { logger, config } = services;
  const origins = originPolicy(config);
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    cors: corsFor(origins),
    graphiql: config.isDevelopment ? { headers: JSON.stringify({ [CSRF_HEADER]: '1' }) } : false,
    landingPage: false,
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      error: (...args) => logger.error(args.map(String).join(' ')),
    },
    maskedErrors: {
      // Yoga's own masking keeps protocol errors (with their HTTP status) and hides the rest; log what it hides.
      maskError: (error, message, isDev) => {
        const unavailable = metadataUnavailableAnswer(error);
        if (unavailable) {
          logger.warn('request failed: the metadata database cannot be reached');
          return unavailable;
        }
        const masked = maskError(error, message, isDev);
        if (masked === error) return masked;
        logger.error({ err: error instanceof Error ? error.message : String(error) }, 'unexpected error');
        services.metrics.unexpectedError();
        return masked;
      },
    },
    // Node's request (`req`) comes from the HTTP server, or from the WebSocket upgrade (see http/websocket.ts).
    context: ({ request, req }) => buildContext(services, request, req as IncomingMessage | undefined, cookieJars),
    plugins: [
      useMetrics(services.metrics),
      useOriginCheck(origins),
      useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
      useResponseCookies(cookieJars),
      // Compiles each query once: large catalog reads (10,000 roles) execute several times faster than interpreted.
      // Not subscriptions: graphql-jit 0.8 hands a subscribe resolver the operation's variables as its arguments.
      useGraphQlJit({}, { enableIf: (args) => !isSubscription(args.document, args.operationName) }),
      useSharedSubscriptionResults(),
      // After the shared results: it counts the streams they hand out.
      useSubscriptionQuota(config.maxSubscriptionsPerUser),
      useUnauthenticatedAnswers(),
      EnvelopArmorPlugin({
        // Fields count, not the fragments that group them: a component's fragment is no deeper than its fields.
        maxDepth: { n: 12, flattenFragments: true },
        maxAliases: { n: 30 },
        maxDirectives: { n: 20 },
        maxTokens: { n: 2000 },
        costLimit: { maxCost: config.maxQueryCost },
        blockFieldSuggestion: { enabled: !config.isDevelopment },
      }),
    ],
  });
}

/** How long `stop()` lets requests in flight finish before it cuts them. */
export const SHUTDOWN_GRACE_MS = 10_000;
/** RFC 6455 "going away": the server is shutting down; a client may reconnect, to another instance. */
const GOING_AWAY = 1001;

export interface StopOptions {
  /** Cut whatever is still running after this long; 0 cuts it at once (a second Ctrl-C). */
  graceMs?: number;
}

export interface App {
  services: Services;
  yoga: YogaServerInstance<Record<string, unknown>, Context>;
  start(port?: number, host?: string): Promise<string>;
  /**
   * Stops accepting, lets requests in flight finish (up to `graceMs`), closes idle keep-alive connections,
   * WebSockets with 1001 and event streams; resolves once every connection is gone. The caller closes services.
   */
  stop(options?: StopOptions): Promise<void>;
}

function notBuilt(_request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  response.end(
    '<!doctype html><title>Rolecall</title><p>Rolecall is running. The web app is not built: run <code>npm run build:web</code>. GraphQL is at <a href="/graphql">/graphql</a>.</p>',
  );
}

/** A subscription over SSE or multipart: a response that only ends when its client leaves. */
function isStream(request: IncomingMessage): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('text/event-stream') || accept.includes('multipart/mixed');
}

interface Shutdown {
  done: Promise<void>;
  cut(): void;
}

/**
 * The HTTP side of a graceful stop. A subscription stream never finishes by itself, so streams end at once (their
 * clients resume from their cursor elsewhere); ordinary requests get the grace period.
 */
function shutDown(server: Server, sockets: WebSocketServer, inFlight: Set<ServerResponse>, graceMs: number): Shutdown {
  const done = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  for (const response of inFlight) {
    if (isStream(response.req)) response.destroy();
    // Node keeps the connection open after this response unless told otherwise; it must not take another request.
    else if (!response.headersSent) response.setHeader('connection', 'close');
    else response.once('finish', () => server.closeIdleConnections());
  }
  for (const socket of sockets.clients) socket.close(GOING_AWAY, 'Rolecall is shutting down');
  sockets.close();
  const cut = () => {
    server.closeAllConnections();
    for (const socket of sockets.clients) socket.terminate();
  };
  const deadline = setTimeout(cut, graceMs);
  return { done: done.finally(() => clearTimeout(deadline)), cut };
}

export interface AppOptions {
  /** The built web app (`web/dist`); when it is missing, a page says how to build it. */
  webRoot?: string;
}

/** Rolecall's HTTP server: GraphQL at /graphql, the web app at /. `start(0)` listens on a free port (tests). */
export function buildApp(services: Services, { webRoot = WEB_ROOT }: AppOptions = {}): App {
  const { config } = services;
  const yoga = createGraphQL(services);
  const web = existsSync(webRoot) ? sirv(webRoot, { single: true, etag: true }) : notBuilt;
  const inFlight = new Set<ServerResponse>();
  let shutdown: Shutdown | null = null;
  const health = healthProbes(services, () => shutdown !== null);
  const streams = new StreamKeepAlive(config.keepAliveMs);
  const server = createServer((request, response) => {
    inFlight.add(response);
    response.once('close', () => inFlight.delete(response));
    if (shutdown) response.setHeader('connection', 'close');
    setSecurityHeaders(request, response, config.isDevelopment);
    if (health(request, response)) return;
    if (isMetricsRequest(request))
      return void serveMetrics(request, response, services.metrics, config.metricsToken, services.logger);
    if (!request.url?.startsWith('/graphql')) return web(request, response);
    if (isStream(request)) streams.watch(response);
    if (limitRequestBody(request, response, config.maxRequestBytes)) return yoga(request, response);
  });
  const sockets = attachWebSockets(
    server,
    yoga,
    originPolicy(config),
    {
      maxMessageBytes: config.maxRequestBytes,
      maxSubscriptionsPerConnection: config.maxSubscriptionsPerConnection,
      keepAliveMs: config.keepAliveMs,
    },
    async (request) => {
      const viewer = await resolveViewer(services, request, new CookieJar(request.headers.get('cookie'), false));
      return viewer !== null;
    },
    services.logger,
  );
  services.metrics.countWebSockets(() => sockets.clients.size);

  return {
    services,
    yoga,
    start: (port = 0, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          const origin = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
          recordListeningOrigin(services.config, origin);
          resolve(origin);
        });
      }),
    stop: ({ graceMs = SHUTDOWN_GRACE_MS } = {}) => {
      streams.stop();
      shutdown ??= shutDown(server, sockets, inFlight, graceMs);
      if (graceMs <= 0) shutdown.cut();
      return shutdown.done;
    },
  };
}
