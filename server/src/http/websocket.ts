import type { IncomingMessage, Server } from 'node:http';
import { type DocumentNode, type ExecutionArgs, type ExecutionResult, GraphQLError } from 'graphql';
import { CloseCode, handleProtocols, makeServer, type ServerOptions } from 'graphql-ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Context } from '../context.js';
import type { Logger } from '../logger.js';
import { isAllowedOrigin } from './origin.js';
import { serialisedOnce, withPayload } from './shared-payloads.js';

type Extra = { socket: WebSocket; request: IncomingMessage };
type OperationResult = ReturnType<NonNullable<ServerOptions<Record<string, unknown>, Extra>['execute']>>;

/** How often a connection is pinged, and how long its pong may take before the connection is dropped. */
const KEEP_ALIVE_MS = 12_000;

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
 * (session cookie on the upgrade, or a token in connectionParams); otherwise it is closed with 4403.
 */
export function attachWebSockets(
  server: Server,
  yoga: YogaServerInstance<Record<string, unknown>, Context>,
  allowedOrigins: readonly string[],
  isAuthenticated: (request: Request) => Promise<boolean>,
  logger: Logger,
): WebSocketServer {
  const sockets = new WebSocketServer({ server, path: '/graphql', handleProtocols });
  const graphqlWs = makeServer<Record<string, unknown>, Extra>({
    execute: (args) => (args.rootValue as Enveloped).execute(args),
    subscribe: (args) => (args.rootValue as Enveloped).subscribe(args),
    onConnect: async (ctx) => {
      const request = upgradeRequest(ctx.extra.request, ctx.connectionParams);
      if (!isAllowedOrigin(request, allowedOrigins)) return false;
      return isAuthenticated(request);
    },
    onSubscribe: async (ctx, _id, params) => {
      const request = upgradeRequest(ctx.extra.request, ctx.connectionParams);
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
        contextValue: await contextFactory(),
        rootValue: { execute, subscribe },
      };
    },
    onNext: (_ctx, _id, _payload, _args, result) => serialisedOnce(result as ExecutionResult),
  });
  sockets.on('connection', (socket, request) => serve(graphqlWs, socket, request, logger));
  // The HTTP server's own errors (a port in use) come here too; whoever started it handles them.
  sockets.on('error', (error) => logger.debug({ err: error.message }, 'WebSocket server error'));
  return sockets;
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
  logger: Logger,
): void {
  const closeOnError = (error: unknown) => {
    logger.error({ err: error }, 'WebSocket connection failed');
    socket.close(CloseCode.InternalServerError, 'Internal server error');
  };
  socket.once('error', closeOnError);
  let pongWait: NodeJS.Timeout | undefined;
  const keepAlive = setInterval(() => {
    if (socket.readyState !== socket.OPEN) return;
    pongWait = setTimeout(() => socket.terminate(), KEEP_ALIVE_MS);
    socket.once('pong', () => clearTimeout(pongWait));
    socket.ping();
  }, KEEP_ALIVE_MS);
  const closed = graphqlWs.opened(
    {
      protocol: socket.protocol,
      send: (message) => {
        const data = withPayload(message);
        if (socket.readyState === socket.OPEN) socket.send(data);
      },
      close: (code, reason) => socket.close(code, reason),
      onMessage: (handle) =>
        socket.on('message', async (data) => {
          try {
            await handle(String(data));
          } catch (error) {
            closeOnError(error);
          }
        }),
    },
    { socket, request },
  );
  socket.once('close', (code, reason) => {
    clearInterval(keepAlive);
    clearTimeout(pongWait);
    closed(code, String(reason));
  });
}
