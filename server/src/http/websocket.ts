import type { IncomingMessage, Server } from 'node:http';
import { type DocumentNode, type ExecutionArgs, type ExecutionResult, GraphQLError } from 'graphql';
import { CloseCode, handleProtocols, makeServer, type ServerOptions } from 'graphql-ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import type { Context } from '../context.js';
import { watchCredential } from '../events/credentials.js';
import type { Logger } from '../logger.js';
import { deliverDirectly } from './direct-delivery.js';
import { isForeignRequest, type OriginPolicy } from './origin.js';
import { RecentStrings } from './recent-strings.js';
import { messageBytes, nextMessageFrame, nextMessageHead, serialisedOnce } from './shared-payloads.js';
import { tooManySubscriptions } from './subscription-quota.js';

/**
 * What a connection keeps of its upgrade: Node's request (headers and stream state, a few kilobytes a connection)
 * only until it is initialised; then the Fetch request built from it (`initialised`), and its peer, for the client
 * address of every operation's context (app.ts reads the `req`'s `socket.remoteAddress`).
 */
type Extra = { socket: WebSocket; request: IncomingMessage | null; peer: Pick<IncomingMessage, 'socket'> };
type OperationResult = ReturnType<NonNullable<ServerOptions<Record<string, unknown>, Extra>['execute']>>;

/**
 * Largest message before a connection is initialised: messages are parsed before anyone is authenticated, and a
 * connection_init holds little more than a token.
 */
const MAX_MESSAGE_BYTES_BEFORE_INIT = 64 * 1024;
/** How long a client closed for a too-big message has to read why, before its connection is dropped. */
const CLOSE_GRACE_MS = 1_000;
/** RFC 6455 "message too big". */
const MESSAGE_TOO_BIG = 1009;

export interface WebSocketLimits {
  /** Largest message once a connection is initialised; `ws` closes with 1009 on a larger frame before buffering it. */
  maxMessageBytes: number;
  /** Operations one connection may have running; one more gets an error message for its id. */
  maxSubscriptionsPerConnection: number;
  /**
   * How often every connection is pinged: one that has not answered the previous ping by the next is dropped, so a
   * client gone silent without closing (half-open) is freed within twice this.
   */
  keepAliveMs: number;
}

interface Enveloped {
  execute: (args: ExecutionArgs) => OperationResult;
  subscribe: (args: ExecutionArgs) => OperationResult;
}

/**
 * The upgrade's headers that a WebSocket's operations read: who the viewer is (cookie, authorization), where the
 * connection comes from (host, origin, sec-fetch-site, x-forwarded-*), and that it is a WebSocket (upgrade). A
 * header read from a request's context must be listed here to be seen over WebSockets.
 */
const CONTEXT_HEADERS = [
  'host',
  'origin',
  'sec-fetch-site',
  'cookie',
  'authorization',
  'upgrade',
  'x-forwarded-for',
  'x-forwarded-proto',
];

/**
 * Requests built lately, by what they are made of: the connections of one dashboard user (the same credential, from
 * the same place) share one, as they would share its answers.
 */
const recentRequests = new Map<string, Request>();
const MAX_RECENT_REQUESTS = 1_000;

/**
 * The Fetch request a WebSocket's context is built from: the upgrade's headers (its session cookie), plus an API
 * token from connectionParams for clients that cannot set headers. Connections whose requests would be the same
 * share one: a Fetch request weighs a kilobyte or two, and it is only ever read.
 */
export function upgradeRequest(
  request: IncomingMessage,
  connectionParams: Record<string, unknown> | undefined,
): Request {
  const url = `http://${request.headers.host ?? 'localhost'}${request.url ?? '/graphql'}`;
  const headers: [string, string][] = [];
  for (const name of CONTEXT_HEADERS) {
    const value = request.headers[name];
    if (typeof value === 'string' && name !== 'authorization') headers.push([name, value]);
  }
  const token = connectionParams?.authorization ?? connectionParams?.token;
  const authorization =
    typeof token === 'string'
      ? token.startsWith('Bearer ')
        ? token
        : `Bearer ${token}`
      : request.headers.authorization;
  if (authorization) headers.push(['authorization', authorization]);
  const key = JSON.stringify([url, headers]);
  let shared = recentRequests.get(key);
  if (!shared) {
    shared = new Request(url, { headers });
    if (recentRequests.size >= MAX_RECENT_REQUESTS) recentRequests.delete(recentRequests.keys().next().value as string);
    recentRequests.set(key, shared);
  }
  return shared;
}

/**
 * graphql-ws on the HTTP server's /graphql. A connection must come from an allowed origin and authenticate
 * (session cookie on the upgrade, or a token in connectionParams); otherwise it is closed with 4403. A message over
 * 64 KiB before that, or over `limits.maxMessageBytes` after, closes it with 1009.
 */
export function attachWebSockets(
  server: Server,
  yoga: YogaServerInstance<Record<string, unknown>, Context>,
  origins: OriginPolicy,
  limits: WebSocketLimits,
  isAuthenticated: (request: Request) => Promise<boolean>,
  logger: Logger,
): WebSocketServer {
  const sockets = new WebSocketServer({
    server,
    path: '/graphql',
    handleProtocols,
    maxPayload: limits.maxMessageBytes,
    // `ws`'s default, relied on: live events are written to the TCP socket framed as they are (see onSubscribe).
    perMessageDeflate: false,
  });
  /** Each initialised connection's request, built once: every operation's context starts from it. */
  const initialised = new WeakMap<WebSocket, Request>();
  const graphqlWs = makeServer<Record<string, unknown>, Extra>({
    execute: (args) => (args.rootValue as Enveloped).execute(args),
    subscribe: (args) => (args.rootValue as Enveloped).subscribe(args),
    onConnect: async (ctx) => {
      const upgrade = ctx.extra.request;
      if (!upgrade) return false;
      const request = upgradeRequest(upgrade, ctx.connectionParams);
      if (isForeignRequest(request, origins) || !(await isAuthenticated(request))) return false;
      initialised.set(ctx.extra.socket, request);
      ctx.extra.request = null;
      // Read only here: the request holds what the connection's operations need of them (its token).
      (ctx as { connectionParams?: unknown }).connectionParams = undefined;
      return true;
    },
    onSubscribe: async (ctx, id, params) => {
      // graphql-ws has already registered this operation.
      if (Object.keys(ctx.subscriptions).length > limits.maxSubscriptionsPerConnection)
        return [tooManySubscriptions(limits.maxSubscriptionsPerConnection, 'per connection')];
      // graphql-ws takes operations only once the connection is acknowledged, so initialised.
      const request = initialised.get(ctx.extra.socket);
      if (!request) return [new GraphQLError('The connection is not initialised')];
      const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
        request,
        req: ctx.extra.peer,
        params,
      });
      let document: DocumentNode;
      try {
        document = parse(params.query);
      } catch (error) {
        // A malformed or over-limit operation fails alone, not the connection with its other subscriptions.
        if (error instanceof GraphQLError) return [error];
        throw error;
      }
      const errors = validate(schema, document);
      if (errors.length > 0) return errors;
      const contextValue = closeWhenCredentialEnds(ctx.extra.socket, await contextFactory());
      // A live event's result is written at once, as graphql-ws would send it (shared-subscriptions.ts).
      const { socket, peer } = ctx.extra;
      const head = nextMessageHead(id);
      deliverDirectly(contextValue, (result) => {
        if (!(id in ctx.subscriptions) || socket.readyState !== socket.OPEN) return false;
        // The frame `ws` would write, framed once for every connection: without compression `ws` writes each
        // message to the TCP socket as it is sent, so writing there keeps the order of the connection's messages.
        peer.socket.write(nextMessageFrame(head, result));
        return true;
      });
      return {
        schema,
        document,
        operationName: params.operationName,
        variableValues: params.variables,
        contextValue,
        rootValue: { execute, subscribe },
      };
    },
    onNext: (_ctx, _id, _payload, _args, result) => serialisedOnce(result as ExecutionResult),
  });
  sockets.on('connection', (socket, request) => serve(graphqlWs, socket, request, initialised, logger));
  keepAlive(sockets, limits.keepAliveMs);
  // The HTTP server's own errors (a port in use) come here too; whoever started it handles them.
  sockets.on('error', (error) => logger.debug({ err: error.message }, 'WebSocket server error'));
  return sockets;
}

/** Each keep-alive round is spread over this many ticks, so that pings do not all go out at once. */
const KEEP_ALIVE_SLICES = 10;

/**
 * One timer for every connection: each round pings them all, and drops those that have not answered the last
 * round's ping (a client that stopped reading, or a peer gone without closing). A round is spread over its interval,
 * a slice of the connections at each tick: ten thousand pings written at once would hold up an event fanned out to
 * the same connections for as long as they take.
 */
function keepAlive(sockets: WebSocketServer, intervalMs: number): void {
  const unanswered = new WeakSet<WebSocket>();
  const slices = new WeakMap<WebSocket, number>();
  let connections = 0;
  let tick = 0;
  sockets.on('connection', (socket) => {
    slices.set(socket, connections++ % KEEP_ALIVE_SLICES);
    socket.on('pong', () => unanswered.delete(socket));
  });
  const round = setInterval(() => {
    const slice = tick++ % KEEP_ALIVE_SLICES;
    for (const socket of sockets.clients) {
      if (slices.get(socket) !== slice) continue;
      if (unanswered.has(socket)) {
        socket.terminate();
        continue;
      }
      if (socket.readyState !== socket.OPEN) continue;
      unanswered.add(socket);
      socket.ping();
    }
  }, intervalMs / KEEP_ALIVE_SLICES);
  round.unref();
  sockets.once('close', () => clearInterval(round));
}

const watchedSockets = new WeakSet<WebSocket>();

/** A connection lives no longer than the credential it opened with: signed out, revoked or expired closes it. */
function closeWhenCredentialEnds<C extends object>(socket: WebSocket, contextValue: C): C {
  if (watchedSockets.has(socket) || socket.readyState !== socket.OPEN) return contextValue;
  watchedSockets.add(socket);
  const context = contextValue as unknown as Context;
  const end = () => socket.close(CloseCode.Forbidden, 'Credential ended');
  if (!context.viewer) end();
  // `on`, not `once`: a socket closes once, and `once` wraps every listener of every connection in two more objects.
  else socket.on('close', watchCredential(context, context.viewer.via, end));
  return contextValue;
}

/**
 * One connection, as graphql-ws's own `ws` adapter serves it, but a message is sent without waiting for the socket
 * to flush it (a fan-out to a thousand dashboards need not make a thousand promises) and with its payload
 * serialised once for all the connections it goes to (shared-payloads.ts). A socket error closes the connection
 * without saying why: an internal message is not for the client.
 */
function serve(
  graphqlWs: ReturnType<typeof makeServer<Record<string, unknown>, Extra>>,
  socket: WebSocket,
  request: IncomingMessage,
  initialised: WeakMap<WebSocket, Request>,
  logger: Logger,
): void {
  const closeOnError = (error: unknown) => {
    logger.error({ err: error }, 'WebSocket connection failed');
    socket.close(CloseCode.InternalServerError, 'Internal server error');
  };
  const tcp = request.socket;
  socket.once('error', (error: Error & { code?: string }) => {
    if (!error.code?.startsWith('WS_ERR_')) return closeOnError(error);
    // The client broke the protocol and `ws` has closed with the code for it (1009 for a frame over maxPayload).
    logger.debug({ err: error.message }, 'WebSocket protocol error');
    if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') stopReading(socket, tcp);
  });
  const closed = graphqlWs.opened(
    {
      protocol: socket.protocol,
      send: (message) => {
        // Bytes shared by every connection the message goes to, sent as the text frame graphql-ws sends.
        if (socket.readyState === socket.OPEN) socket.send(messageBytes(message), { binary: false });
      },
      close: (code, reason) => socket.close(code, reason),
      onMessage: (handle) =>
        // graphql-ws's handling of a subscribe message lasts as long as the subscription, holding what it was
        // handed: the parsed message (which graphql-ws takes as well as its text), with its query text and its
        // variables' strings shared.
        socket.on('message', (data) => {
          if (!initialised.has(socket) && byteLength(data) > MAX_MESSAGE_BYTES_BEFORE_INIT)
            return socket.close(MESSAGE_TOO_BIG, 'Message too big');
          let message: unknown;
          try {
            message = JSON.parse(String(data), sharingOperations);
          } catch {
            return socket.close(CloseCode.BadRequest, 'Invalid message received');
          }
          handle(message as string).catch(closeOnError);
        }),
    },
    { socket, request, peer: { socket: tcp } },
  );
  socket.on('close', (code, reason) => closed(code, String(reason)));
}

/**
 * After a message over the limit, `ws` goes on reading (and dropping) the rest of it until the client answers the
 * close: stop reading instead, give the client a moment to read the close code, then drop the connection.
 */
function stopReading(socket: WebSocket, tcp: IncomingMessage['socket']): void {
  // `ws` resumes the TCP socket on the next tick to drain it; pause it after that.
  setImmediate(() => tcp.pause());
  const drop = setTimeout(() => socket.terminate(), CLOSE_GRACE_MS);
  socket.once('close', () => clearTimeout(drop));
}

/** Operation texts, which may be long: few are kept. */
const recentQueries = new RecentStrings(100);
/** Short string variables (a database's id); longer ones are not worth keeping to share. */
const recentVariables = new RecentStrings(1_000);
const MAX_SHARED_VARIABLE_LENGTH = 200;

/**
 * A JSON reviver that hands out one string per operation text for the `query` of subscribe messages, and one per
 * value for the short string variables beside it.
 */
function sharingOperations(key: string, value: unknown): unknown {
  if (key === 'query' && typeof value === 'string') return recentQueries.shared(value);
  if (key !== 'variables' || typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const variables = value as Record<string, unknown>;
  for (const name of Object.keys(variables)) {
    const variable = variables[name];
    if (typeof variable === 'string' && variable.length <= MAX_SHARED_VARIABLE_LENGTH)
      variables[name] = recentVariables.shared(variable);
  }
  return variables;
}

function byteLength(data: RawData): number {
  return Array.isArray(data) ? data.reduce((total, part) => total + part.length, 0) : data.byteLength;
}
