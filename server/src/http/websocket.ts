import type { IncomingMessage, Server } from 'node:http';
import { type DocumentNode, type ExecutionArgs, type ExecutionResult, GraphQLError } from 'graphql';
import { CloseCode, handleProtocols, makeServer, type ServerOptions } from 'graphql-ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import type { Context } from '../context.js';
import { watchCredential } from '../events/credentials.js';
import type { Logger } from '../logger.js';
import { isForeignRequest, type OriginPolicy } from './origin.js';
import { messageBytes, serialisedOnce } from './shared-payloads.js';
import { tooManySubscriptions } from './subscription-quota.js';

type Extra = { socket: WebSocket; request: IncomingMessage };
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
 * The Fetch request a WebSocket's context is built from: the upgrade's headers (its session cookie), plus an API
 * token from connectionParams for clients that cannot set headers.
 */
export function upgradeRequest(
  request: IncomingMessage,
  connectionParams: Record<string, unknown> | undefined,
): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  const token = connectionParams?.authorization ?? connectionParams?.token;
  if (typeof token === 'string') headers.set('authorization', token.startsWith('Bearer ') ? token : `Bearer ${token}`);
  return new Request(`http://${request.headers.host ?? 'localhost'}${request.url ?? '/graphql'}`, { headers });
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
  });
  /** Each initialised connection's request, built once: every operation's context starts from it. */
  const initialised = new WeakMap<WebSocket, Request>();
  const graphqlWs = makeServer<Record<string, unknown>, Extra>({
    execute: (args) => (args.rootValue as Enveloped).execute(args),
    subscribe: (args) => (args.rootValue as Enveloped).subscribe(args),
    onConnect: async (ctx) => {
      const request = upgradeRequest(ctx.extra.request, ctx.connectionParams);
      if (isForeignRequest(request, origins) || !(await isAuthenticated(request))) return false;
      initialised.set(ctx.extra.socket, request);
      return true;
    },
    onSubscribe: async (ctx, _id, params) => {
      // graphql-ws has already registered this operation.
      if (Object.keys(ctx.subscriptions).length > limits.maxSubscriptionsPerConnection)
        return [tooManySubscriptions(limits.maxSubscriptionsPerConnection, 'per connection')];
      const request = initialised.get(ctx.extra.socket) ?? upgradeRequest(ctx.extra.request, ctx.connectionParams);
      const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
        request,
        req: ctx.extra.request,
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
      return {
        schema,
        document,
        operationName: params.operationName,
        variableValues: params.variables,
        contextValue: closeWhenCredentialEnds(ctx.extra.socket, await contextFactory()),
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

/**
 * One timer for every connection: each round pings them all, and drops those that have not answered the last
 * round's ping (a client that stopped reading, or a peer gone without closing).
 */
function keepAlive(sockets: WebSocketServer, intervalMs: number): void {
  const unanswered = new WeakSet<WebSocket>();
  sockets.on('connection', (socket) => socket.on('pong', () => unanswered.delete(socket)));
  const round = setInterval(() => {
    for (const socket of sockets.clients) {
      if (unanswered.has(socket)) {
        socket.terminate();
        continue;
      }
      if (socket.readyState !== socket.OPEN) continue;
      unanswered.add(socket);
      socket.ping();
    }
  }, intervalMs);
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
  else socket.once('close', watchCredential(context, context.viewer.via, end));
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
  socket.once('error', (error: Error & { code?: string }) => {
    if (!error.code?.startsWith('WS_ERR_')) return closeOnError(error);
    // The client broke the protocol and `ws` has closed with the code for it (1009 for a frame over maxPayload).
    logger.debug({ err: error.message }, 'WebSocket protocol error');
    if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') stopReading(socket, request);
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
        socket.on('message', async (data) => {
          if (!initialised.has(socket) && byteLength(data) > MAX_MESSAGE_BYTES_BEFORE_INIT)
            return socket.close(MESSAGE_TOO_BIG, 'Message too big');
          try {
            await handle(String(data));
          } catch (error) {
            closeOnError(error);
          }
        }),
    },
    { socket, request },
  );
  socket.once('close', (code, reason) => closed(code, String(reason)));
}

/**
 * After a message over the limit, `ws` goes on reading (and dropping) the rest of it until the client answers the
 * close: stop reading instead, give the client a moment to read the close code, then drop the connection.
 */
function stopReading(socket: WebSocket, request: IncomingMessage): void {
  // `ws` resumes the TCP socket on the next tick to drain it; pause it after that.
  setImmediate(() => request.socket.pause());
  const drop = setTimeout(() => socket.terminate(), CLOSE_GRACE_MS);
  socket.once('close', () => clearTimeout(drop));
}

function byteLength(data: RawData): number {
  return Array.isArray(data) ? data.reduce((total, part) => total + part.length, 0) : data.byteLength;
}
