import { type AnyVariables, Client, fetchExchange, subscriptionExchange, type TypedDocumentNode } from '@urql/core';
import { createClient as createWsClient } from 'graphql-ws';
import { createSignal } from 'solid-js';

/** The WebSocket's own state; what the header shows also depends on whether any view is live (lib/live.ts). */
export type SocketState = 'connecting' | 'open' | 'reconnecting';

const [socketState, setSocketState] = createSignal<SocketState>('connecting');

export { socketState };

const wsUrl = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;

/** A dashboard should come back within seconds of the network: capped backoff, jittered so tabs do not stampede. */
const retryWait = (retries: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, Math.min(500 * 2 ** retries, 5_000) + Math.random() * 500));

/**
 * One WebSocket for all live views; the session cookie authenticates it on upgrade. It stays open a moment after the
 * last view stops watching, so moving from one live page to the next does not reconnect.
 */
export const sockets = createWsClient({
  url: wsUrl,
  lazy: true,
  lazyCloseTimeout: 3_000,
  retryAttempts: Number.POSITIVE_INFINITY,
  shouldRetry: () => true,
  retryWait,
  on: {
    connecting: (isRetry) => setSocketState(isRetry ? 'reconnecting' : 'connecting'),
    connected: () => setSocketState('open'),
    closed: () => setSocketState('reconnecting'),
  },
});

/** The browser's GraphQL client: same-origin cookies, and the header that proves a request is not a cross-site form. */
export const client = new Client({
  url: '/graphql',
  requestPolicy: 'network-only',
  fetchOptions: () => ({ credentials: 'same-origin', headers: { 'x-rolecall-csrf': '1' } }),
  exchanges: [
    fetchExchange,
    subscriptionExchange({
      forwardSubscription: (request) => ({
        subscribe: (sink) => ({
          unsubscribe: sockets.subscribe({ query: request.query ?? '', variables: request.variables }, sink),
        }),
      }),
    }),
  ],
});

/** The message of a typed error result, or null when the field succeeded. */
export function errorMessage(result: unknown): string | null {
  // A root field may be a scalar (`logout: Boolean`): only an object can be a typed error.
  if (typeof result !== 'object' || result === null || !('message' in result)) return null;
  return typeof result.message === 'string' ? result.message : null;
}

/** Runs a mutation and returns its root field, or throws its transport or typed error as an Error with a readable message. */
export async function mutate<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<Data> {
  const result = await client.mutation(document, variables).toPromise();
  if (result.error) throw new Error(result.error.graphQLErrors[0]?.message ?? result.error.message);
  const data = result.data as Data;
  for (const value of Object.values(data as Record<string, unknown>)) {
    const message = errorMessage(value);
    if (message) throw new Error(message);
  }
  return data;
}

/** Runs a query and returns its data, throwing transport errors. */
export async function query<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<Data> {
  const result = await client.query(document, variables).toPromise();
  if (result.error) throw new Error(result.error.graphQLErrors[0]?.message ?? result.error.message);
  return result.data as Data;
}
