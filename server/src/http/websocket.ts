import type { IncomingMessage, Server } from 'node:http';
import { type DocumentNode, type ExecutionArgs, GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import type { Context } from '../context.js';
import { isAllowedOrigin } from './origin.js';

type OperationResult = ReturnType<NonNullable<Parameters<typeof useServer>[0]['execute']>>;

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
): WebSocketServer {
  const sockets = new WebSocketServer({ server, path: '/graphql' });
  useServer<Record<string, unknown>, { request: IncomingMessage }>(
    {
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
    },
    sockets,
  );
  return sockets;
}
