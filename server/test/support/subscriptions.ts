import { type Client, createClient } from 'graphql-ws';
import { expect } from 'vitest';
import WebSocket from 'ws';
import type { TestApp } from './app.js';

export interface Received<T> {
  items: T[];
  /** A subscription with `after`: the server said the replay has caught up (its marker is not among `items`). */
  caughtUp: boolean;
  /** The marker's cursor: the last event replayed to this subscriber (or `after`). */
  caughtUpAt?: string;
  /** How many items had arrived when the marker did: those were replayed, the ones after them are live. */
  replayed?: number;
  completed: boolean;
  error: unknown;
  /** Resolves once `count` items have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
  waitForEnd(timeoutMs?: number): Promise<void>;
  /** Resolves once the replay has caught up: everything after it is live. */
  waitForCaughtUp(timeoutMs?: number): Promise<void>;
  /** Resolves with the first item that `match`es, e.g. a sentinel event caused after the ones that must not arrive. */
  waitForItem(match: (item: T) => boolean, what: string, timeoutMs?: number): Promise<T>;
}

/** A WebSocket that sends these headers on its upgrade request (a browser's cookie and origin). */
function socketWithHeaders(headers: Record<string, string>) {
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  };
}

export function wsClient(
  url: string,
  token?: string,
  options: { retryAttempts?: number; headers?: Record<string, string> } = {},
): Client {
  return createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: options.headers ? socketWithHeaders(options.headers) : WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : undefined,
    retryAttempts: options.retryAttempts ?? 0,
    lazy: true,
  });
}

export async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Subscribes and collects what arrives, for assertions. */
export function collect<T = Record<string, unknown>>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): Received<T> & { stop: () => void } {
  const received: Received<T> & { stop: () => void } = {
    items: [],
    caughtUp: false,
    completed: false,
    error: undefined,
    stop: () => undefined,
    waitFor: async (count, timeoutMs = 5_000) => {
      await until(() => received.items.length >= count || received.error !== undefined, timeoutMs, `${count} events`);
      return received.items;
    },
    waitForEnd: (timeoutMs = 5_000) =>
      until(() => received.completed || received.error !== undefined, timeoutMs, 'the end of the subscription'),
    waitForCaughtUp: (timeoutMs = 5_000) =>
      until(() => received.caughtUp || received.error !== undefined, timeoutMs, 'the replay to catch up'),
    waitForItem: async (match, what, timeoutMs = 5_000) => {
      await until(() => received.items.some(match) || received.error !== undefined, timeoutMs, what);
      const found = received.items.find(match);
      if (!found) throw new Error(`the subscription failed before ${what}: ${JSON.stringify(received.error)}`);
      return found;
    },
  };
  received.stop = client.subscribe<{ events: T }>(
    { query, variables },
    {
      next: (value) => {
        const event = (value.data as { events?: T & { kind?: string; cursor?: string } } | undefined)?.events;
        if (event?.kind === 'replay.caught_up') {
          received.caughtUp = true;
          received.caughtUpAt = event.cursor;
          received.replayed = received.items.length;
        } else if (value.data) received.items.push((value.data as { events: T }).events);
        if (value.errors) received.error = value.errors;
      },
      error: (error) => {
        received.error = error;
      },
      complete: () => {
        received.completed = true;
      },
    },
  );
  return received;
}

/** The newest event's cursor: subscribing after it replays nothing, and its marker says the stream is live. */
export async function newestCursor(app: Pick<TestApp, 'sql'>): Promise<string> {
  const rows = await app.sql<{ id: string }>(
    'SELECT coalesce(max(id), 0)::text AS id FROM "Event"',
    [],
    'rolecall_metadata',
  );
  return rows[0]?.id ?? '0';
}

/**
 * Subscribes after the newest event and resolves once the server's replay marker has arrived: the subscription is
 * established and everything from then on is live, with no sleep. `query` must take `$after: BigCursor`.
 */
export async function collectLive<T = Record<string, unknown>>(
  app: Pick<TestApp, 'sql'>,
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Received<T> & { stop: () => void }> {
  const received = collect<T>(client, query, { ...variables, after: await newestCursor(app) });
  await received.waitForCaughtUp();
  if (!received.caughtUp)
    throw new Error(`the subscription failed before its replay marker: ${JSON.stringify(received.error)}`);
  return received;
}

/** A live dashboard's subscription to the event stream, with what each kind of event carries. */
export const EVENTS = `subscription($databaseId: ID, $after: BigCursor) {
  events(databaseId: $databaseId, after: $after) {
    __typename cursor kind source sql actingRole
    ... on PrivilegeEvent { object objectKind grantee granted revoked acl { grantee privileges } }
    ... on MembershipEvent { role member admin inherit set }
    ... on RoleEvent { role newName changes }
    ... on CollaboratorEvent { username }
  }
}`;

export interface LiveEvent {
  __typename: string;
  cursor: string;
  kind: string;
  source: string;
  sql: string[];
  object?: string;
  objectKind?: string;
  grantee?: string;
  granted?: string[];
  acl?: { grantee: string; privileges: string[] }[];
  role?: string;
  member?: string;
  inherit?: boolean;
  username?: string;
}

/** What a subscriber receives when Rolecall grants SELECT on s.t to `grantee`: the typed event with the new ACL. */
export function expectSelectGranted(event: LiveEvent | undefined, grantee: string): void {
  expect(event).toMatchObject({
    __typename: 'PrivilegeEvent',
    kind: 'privileges.changed',
    source: 'ROLECALL',
    object: 's.t',
    objectKind: 'TABLE',
    grantee,
    granted: ['SELECT'],
    sql: [`GRANT SELECT ON TABLE "s"."t" TO "${grantee}"`],
  });
  expect(event?.acl).toContainEqual({ grantee, privileges: ['SELECT'] });
}
