import type { Event, Prisma } from '../generated/prisma/client.js';
import type { Metadata } from '../metadata/client.js';
import { EventAccess, isServerWide, mayChangeAccess } from './access.js';
import type { EventBus } from './bus.js';
import { type Credential, watchCredential } from './credentials.js';
import { REPLAY_CAUGHT_UP, SERVER_WIDE_KINDS } from './kinds.js';

export interface StreamFilter {
  databaseId?: string | null;
  serverId?: string | null;
  /** Only these kinds (e.g. role and membership events for a role graph). */
  kinds?: string[] | null;
}

/** What a live event the subscriber may see can be handed to at once (an object: thousands are held at once). */
export interface LiveReceiver {
  /**
   * Takes the event at once and synchronously (a WebSocket writes it out); false when it cannot, and the event then
   * goes through the stream's iterator as usual.
   */
  receive(event: Event): boolean;
}

/** A stream's method that hands its live events to a `LiveReceiver` while its consumer is waiting for the next one. */
export const RECEIVE_LIVE = Symbol('receiveLive');

export interface EventStream extends AsyncIterableIterator<Event> {
  [RECEIVE_LIVE](receiver: LiveReceiver): void;
}

const REPLAY_PAGE = 500;
/** How long a replay page read for subscriptions starting at one bus position is kept for others starting there. */
const REPLAY_SHARED_MS = 10_000;

/** Markers by cursor, the same object for every subscription caught up there: its result is then made once. */
const caughtUpMarkers = new Map<bigint, Event>();
const MAX_MARKERS = 100;

/** Everything missed up to `cursor` has been delivered: what follows is live. Not an event of the log. */
function replayCaughtUp(cursor: bigint): Event {
  let marker = caughtUpMarkers.get(cursor);
  if (!marker) {
    marker = {
      id: cursor,
      kind: REPLAY_CAUGHT_UP,
      source: 'ROLECALL',
      actorId: null,
      serverId: null,
      databaseId: null,
      payload: {},
      sql: [],
      createdAt: new Date(),
    };
    if (caughtUpMarkers.size >= MAX_MARKERS) caughtUpMarkers.delete(caughtUpMarkers.keys().next().value as bigint);
    caughtUpMarkers.set(cursor, marker);
  }
  return marker;
}

/** Each database's server, by metadata store: a database never moves to another server. */
const serversOfDatabases = new WeakMap<Metadata, Map<string, Promise<string | null>>>();

/** The server of the watched database, whose role and membership changes concern it too (roles are server-wide). */
async function serverOfDatabase(metadata: Metadata, filter: StreamFilter): Promise<string | null> {
  const databaseId = filter.databaseId;
  if (!databaseId) return null;
  let servers = serversOfDatabases.get(metadata);
  if (!servers) {
    servers = new Map();
    serversOfDatabases.set(metadata, servers);
  }
  let server = servers.get(databaseId);
  if (!server) {
    server = metadata.database
      .findUnique({ where: { id: databaseId }, select: { serverId: true } })
      .then((database) => database?.serverId ?? null);
    servers.set(databaseId, server);
    // Only a server found is kept: a database not there yet may be connected later.
    const known = servers;
    server.then(
      (id) => id === null && known.delete(databaseId),
      () => known.delete(databaseId),
    );
  }
  return server;
}

/**
 * The replay pages subscriptions read, shared by those that start at the same bus position with the same filter and
 * cursor (a reconnect storm of dashboards): the read began after every event up to that position had committed, and
 * the live events after it reach each subscription through its own inbox.
 */
const replayPages = new WeakMap<Metadata, Map<string, { asOf: bigint; page: Promise<Event[]> }>>();

function replayPage(metadata: Metadata, where: Prisma.EventWhereInput, asOf: bigint): Promise<Event[]> {
  let pages = replayPages.get(metadata);
  if (!pages) {
    pages = new Map();
    replayPages.set(metadata, pages);
  }
  const key = JSON.stringify(where, (_key, value) => (typeof value === 'bigint' ? String(value) : value));
  const shared = pages.get(key);
  if (shared?.asOf === asOf) return shared.page;
  const known = pages;
  const read = {
    asOf,
    page: metadata.event.findMany({ where, orderBy: { id: 'asc' }, take: REPLAY_PAGE }),
  };
  known.set(key, read);
  // Kept while it may be shared: until the bus moves on, or briefly after a failure.
  const forget = () => {
    if (known.get(key) === read) known.delete(key);
  };
  read.page.then(() => setTimeout(forget, REPLAY_SHARED_MS).unref(), forget);
  return read.page;
}

function inDatabase(filter: StreamFilter, databaseServer: string | null, event: Event): boolean {
  if (!filter.databaseId || event.databaseId === filter.databaseId) return true;
  return databaseServer !== null && event.serverId === databaseServer && isServerWide(event);
}

function matches(filter: StreamFilter, databaseServer: string | null, event: Event): boolean {
  if (!inDatabase(filter, databaseServer, event)) return false;
  if (filter.serverId && event.serverId !== filter.serverId) return false;
  return !filter.kinds || filter.kinds.includes(event.kind);
}

/** A database's events in the log: its own, and the role events of its server made through any database. */
export async function databaseEventsWhere(metadata: Metadata, databaseId: string): Promise<Prisma.EventWhereInput> {
  return inDatabaseWhere(databaseId, await serverOfDatabase(metadata, { databaseId }));
}

function inDatabaseWhere(databaseId: string, databaseServer: string | null): Prisma.EventWhereInput {
  if (!databaseServer) return { databaseId };
  return { OR: [{ databaseId }, { serverId: databaseServer, kind: { in: [...SERVER_WIDE_KINDS] } }] };
}

function filterWhere(filter: StreamFilter, databaseServer: string | null): Prisma.EventWhereInput {
  return {
    AND: [
      filter.databaseId ? inDatabaseWhere(filter.databaseId, databaseServer) : {},
      { serverId: filter.serverId ?? undefined, kind: filter.kinds ? { in: filter.kinds } : undefined },
    ],
  };
}

/** A receiver that fails leaves the event to the iterator, whose consumer reports it; the bus's loop goes on. */
function receives(receiver: LiveReceiver, event: Event): boolean {
  try {
    return receiver.receive(event);
  } catch {
    return false;
  }
}

/** The subscriber may no longer watch: deactivated, or removed from the one database it watches. */
function shutOut(access: EventAccess, filter: StreamFilter): boolean {
  if (!access.active) return true;
  if (filter.databaseId) return !access.canSeeDatabase(filter.databaseId);
  if (filter.serverId) return !access.canSeeServer(filter.serverId);
  return false;
}

/**
 * The events a user may see, live; with `after`, first those it missed since that cursor. Live events are
 * buffered from the start and replayed ones are skipped by id, so the switch loses nothing and doubles nothing.
 * It ends when the credential that opened it ends (signed out, revoked, expired), delivering nothing after that.
 * A plain async generator, not a Repeater: a change reaches every open dashboard through one of these each.
 *
 * A change reaching thousands of dashboards would cost each a chain of promises through every iterator between
 * here and its socket, all of them held at once. So once live, while its consumer waits with nothing queued, an
 * event this subscriber may see goes straight to the stream's `LiveReceiver` (if one was given), synchronously in the
 * bus's delivery, or for an event that may change rights once they are read; what the receiver cannot take, and
 * what comes in the meantime, takes the iterator's way.
 */
export function eventStream(
  metadata: Metadata,
  bus: EventBus,
  userId: string,
  filter: StreamFilter,
  after: bigint | null,
  credential: Credential | null = null,
): EventStream {
  const inbox: Event[] = [];
  let wake: (() => void) | null = null;
  let closed = false;
  /** Set once live: delivers an event at once, or says it must be queued. */
  let deliverNow: ((event: Event) => boolean) | null = null;
  /** An event that may change rights is being delivered at once once they are read: what comes meanwhile waits. */
  let observing = false;
  // Where live delivery starts: events from here on are buffered in the inbox while access is read below, so one
  // published meanwhile is delivered, not taken for one already seen.
  const subscribedAt = bus.latestId;
  const unsubscribe = bus.subscribe((event) => {
    // `wake` is only set while the generator waits for an event with nothing queued: nothing can come before this one.
    if (wake && inbox.length === 0 && !observing && deliverNow?.(event)) return;
    inbox.push(event);
    if (!observing) wake?.();
  });
  let stopWatching: () => void = () => undefined;
  const close = () => {
    closed = true;
    unsubscribe();
    stopWatching();
    wake?.();
  };
  if (credential) stopWatching = watchCredential({ metadata, bus }, credential, close);

  async function* events(): AsyncGenerator<Event> {
    try {
      const access = new EventAccess(metadata, userId);
      const [databaseServer] = await Promise.all([serverOfDatabase(metadata, filter), access.refresh(subscribedAt)]);
      if (closed) return;
      let last = after ?? subscribedAt;
      /** undefined: skip the event (seen, or not for this subscriber); null: the subscriber may no longer watch. */
      const decide = (event: Event): Event | null | undefined => {
        if (shutOut(access, filter)) return null;
        return matches(filter, databaseServer, event) ? (access.view(event) ?? undefined) : undefined;
      };
      // Most events cannot change rights: they are decided without a promise, for thousands of subscribers.
      const verdict = (event: Event): Event | null | undefined | Promise<Event | null | undefined> => {
        if (event.id <= last) return undefined;
        last = event.id;
        return mayChangeAccess(event) ? access.observe(event).then(() => decide(event)) : decide(event);
      };

      if (after !== null) {
        // The marker names the last event this subscriber was shown, never one it may not see (nor how many there were).
        let lastShown = after;
        for (;;) {
          const page = await replayPage(
            metadata,
            { AND: [{ id: { gt: last } }, filterWhere(filter, databaseServer)] },
            subscribedAt,
          );
          for (const event of page) {
            let shown = verdict(event);
            if (shown instanceof Promise) shown = await shown;
            if (shown === null || closed) return;
            if (!shown) continue;
            lastShown = shown.id;
            yield shown;
          }
          if (page.length < REPLAY_PAGE) break;
        }
        if (shutOut(access, filter)) return;
        yield replayCaughtUp(lastShown);
      }
      if (shutOut(access, filter)) return;
      /** Delivers a decided event at once; false leaves it to the iterator's way (which also ends a shut-out stream). */
      const deliverDecided = (event: Event, to: LiveReceiver): boolean => {
        const shown = decide(event);
        if (shown === null) return false;
        if (shown && !receives(to, shown)) return false;
        last = event.id;
        if (shown) bus.delivered(event);
        return true;
      };
      deliverNow = (event) => {
        const to = stream.receiver;
        if (closed || !to) return false;
        if (event.id <= last) return true;
        if (!mayChangeAccess(event)) return deliverDecided(event, to);
        // The user's rights are read once for all their subscriptions; meanwhile later events queue behind this one.
        observing = true;
        const settle = (delivered: boolean) => {
          observing = false;
          if (closed) return;
          if (!delivered) inbox.unshift(event);
          if (inbox.length > 0) wake?.();
        };
        access.observe(event).then(
          () => settle(deliverDecided(event, to)),
          () => settle(false),
        );
        return true;
      };
      while (!closed) {
        const event = inbox.shift();
        if (!event) {
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = null;
          continue;
        }
        let shown = verdict(event);
        if (shown instanceof Promise) shown = await shown;
        if (shown === null || closed) return;
        if (!shown) continue;
        bus.delivered(event);
        yield shown;
      }
    } finally {
      close();
    }
  }

  const stream = new LiveEventStream(close);
  stream.generator = events();
  return stream;
}

/**
 * The stream handed out: ending it must not wait for the next event, so it wakes the generator to finish now. A
 * class, not an object literal: its methods are then made once, not once per subscription.
 */
class LiveEventStream implements EventStream {
  receiver: LiveReceiver | null = null;
  generator: AsyncGenerator<Event> | null = null;

  constructor(private readonly close: () => void) {}

  [RECEIVE_LIVE](receiver: LiveReceiver): void {
    this.receiver = receiver;
  }

  next(): Promise<IteratorResult<Event>> {
    return (this.generator as AsyncGenerator<Event>).next();
  }

  return(value?: unknown): Promise<IteratorResult<Event>> {
    this.close();
    return (this.generator as AsyncGenerator<Event>).return(value);
  }

  throw(error?: unknown): Promise<IteratorResult<Event>> {
    this.close();
    return (this.generator as AsyncGenerator<Event>).throw(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
