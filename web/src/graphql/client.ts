import {
  type AnyVariables,
  Client,
  createRequest,
  fetchExchange,
  type OperationResult,
  subscriptionExchange,
} from '@urql/core';
import { createClient as createWsClient } from 'graphql-ws';
import { createSignal } from 'solid-js';
import type { TypedDocumentString } from '../gql/graphql';

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

/**
 * A generated document (codegen's `documentMode: 'string'`): its text, typed with its result and variables. Text, not
 * a parsed tree, because the app's start evaluates every document: a hundred syntax trees as object literals cost
 * more to load than urql takes to parse the few a page sends.
 */
export type Document<Data, Variables> = TypedDocumentString<Data, Variables>;

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

/** A typed error in words: its message, then PostgreSQL's DETAIL where the document asks for it (16+ says why there). */
function refusalText(result: unknown): string | null {
  const message = errorMessage(result);
  const detail = (result as { detail?: unknown } | null)?.detail;
  return message !== null && typeof detail === 'string' && detail ? `${message}: ${detail}` : message;
}

/** Runs a mutation and returns urql's result as it is: for forms that show a transport error and a typed one alike. */
export function sendMutation<Data, Variables extends AnyVariables>(
  document: Document<Data, Variables>,
  variables: Variables,
): Promise<OperationResult<Data, Variables>> {
  return client.mutation<Data, Variables>(document.toString(), variables).toPromise();
}

/** Runs a mutation and returns its root field, or throws its transport or typed error as an Error with a readable message. */
export async function mutate<Data, Variables extends AnyVariables>(
  document: Document<Data, Variables>,
  variables: Variables,
): Promise<Data> {
  const result = await client.mutation<Data, Variables>(document.toString(), variables).toPromise();
  if (result.error) throw new Error(result.error.graphQLErrors[0]?.message ?? result.error.message);
  const data = result.data as Data;
  for (const value of Object.values(data as Record<string, unknown>)) {
    const message = refusalText(value);
    if (message) throw new Error(message);
  }
  return data;
}

/** Queries sent before the view that needs them rendered (pages/preload.ts), each answer taken once, by its key. */
// Keyed by urql's request key (the document and its variables): each entry's types are its own query's.
const early = new Map<number, { sentAt: number; answer: Promise<OperationResult<unknown, AnyVariables>> }>();
/**
 * An answer not taken by then belongs to a view the user never reached: a later visit asks afresh. Short, because a
 * view goes live from when it mounts: a change made between the early answer and then would be in neither.
 */
const EARLY_ANSWER_MS = 2_000;

/**
 * Sends a query now that a view about to render will send with exactly these variables: its `query` then takes this
 * answer instead of asking again. The first paint of a deep link no longer waits for the session check first.
 */
export function prefetch<Data, Variables extends AnyVariables>(
  document: Document<Data, Variables>,
  variables: Variables,
): void {
  const answer = client.query<Data, Variables>(document.toString(), variables).toPromise();
  early.set(createRequest(document.toString(), variables).key, { sentAt: performance.now(), answer });
}

/** Answers fetched for a session that turned out not to exist must not be shown after signing in. */
export function dropPrefetched(): void {
  early.clear();
}

function takePrefetched<Data, Variables extends AnyVariables>(
  document: Document<Data, Variables>,
  variables: Variables,
): Promise<OperationResult<Data, Variables>> | undefined {
  const key = createRequest(document.toString(), variables).key;
  const sent = early.get(key);
  early.delete(key);
  if (!sent || performance.now() - sent.sentAt >= EARLY_ANSWER_MS) return undefined;
  return sent.answer as Promise<OperationResult<Data, Variables>>;
}

/** Runs a query and returns its data, throwing transport errors. */
export async function query<Data, Variables extends AnyVariables>(
  document: Document<Data, Variables>,
  variables: Variables,
): Promise<Data> {
  const result =
    (await takePrefetched(document, variables)) ??
    (await client.query<Data, Variables>(document.toString(), variables).toPromise());
  if (result.error) throw new Error(result.error.graphQLErrors[0]?.message ?? result.error.message);
  return result.data as Data;
}
