import type { Viewer } from '../context.js';
import type { EventBus } from '../events/bus.js';
import type { EventInput, EventLog } from '../events/log.js';
import type { Event } from '../generated/prisma/client.js';

/**
 * How long a verified credential is believed without asking the metadata database again. Events end it sooner (see
 * ViewerCache); this only bounds changes no event announces (a user changing their own password with no other
 * session to end).
 */
const FRESH_MS = 5_000;
/** How long a user whose credentials are being ended here is read from the database only (the ending commits meanwhile). */
const SUSPEND_MS = 10_000;
/** Enough for every client of a busy instance; past it the oldest entries go. */
const MAX_ENTRIES = 10_000;

interface Entry {
  viewer: Viewer;
  /** When the credential expires by itself (sessions and tokens with a lifetime). */
  expiresAt: Date | null;
  until: number;
}

/** The kinds of event after which what a user's credentials say may be stale; their payload names the user. */
function userOf(event: Pick<Event, 'kind' | 'payload'> | EventInput): { id?: string; username?: string } | null {
  const payload = (event.payload ?? {}) as { userId?: unknown; user?: unknown };
  if (event.kind === 'session.ended' || event.kind === 'api_token.revoked')
    return typeof payload.userId === 'string' ? { id: payload.userId } : {};
  if (event.kind === 'user.updated') return typeof payload.user === 'string' ? { username: payload.user } : {};
  return null;
}

/**
 * Verified credentials (by the hash of their secret), so that a request with a token costs no metadata query. An
 * entry is forgotten at once when its user's credentials end or the user changes: on this instance as the event that
 * says so is being written, or the ending begins (revocation.ts), the user then being read from the database only
 * until it has committed; on every instance as soon as its event bus hears of the event. While the bus cannot hear
 * events (its signal is down), nothing is believed from the cache.
 */
export class ViewerCache {
  private readonly entries = new Map<string, Entry>();
  /** Users (by id or username) read from the database only, until then: what ends or changes them is committing. */
  private readonly suspended = new Map<string, number>();
  /** Counts forgetting: a lookup that began before one must not store what it read. */
  private generation = 0;

  constructor(
    private readonly bus: EventBus,
    events: EventLog,
  ) {
    bus.subscribe((event) => {
      const user = userOf(event);
      if (!user) return;
      // Committed: what is read from now on is current, and what was read before is not stored (the generation).
      if (user.id) this.suspended.delete(user.id);
      if (user.username) this.suspended.delete(user.username);
      if (user.id) this.forgetUser(user.id);
      else if (user.username) this.forget((viewer) => viewer.user.username === user.username);
      else this.forget(() => true);
    });
    events.writing.add((input) => {
      const user = userOf(input);
      if (!user) return;
      if (!user.id && !user.username) return this.forget(() => true);
      this.suspend(user.id ?? (user.username as string));
    });
  }

  get(hash: string): Viewer | null {
    if (!this.bus.signalConnected) {
      if (this.entries.size > 0) this.forget(() => true);
      return null;
    }
    const entry = this.entries.get(hash);
    if (!entry) return null;
    const now = Date.now();
    if (entry.until <= now || (entry.expiresAt && entry.expiresAt.getTime() <= now)) {
      this.entries.delete(hash);
      return null;
    }
    return entry.viewer;
  }

  /** The generation a lookup starts at, handed back to `set` with what it read. */
  get mark(): number {
    return this.generation;
  }

  set(hash: string, viewer: Viewer, expiresAt: Date | null, mark: number): void {
    if (mark !== this.generation || !this.bus.signalConnected) return;
    if (this.isSuspended(viewer.user.id) || this.isSuspended(viewer.user.username)) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(hash, { viewer, expiresAt, until: Date.now() + FRESH_MS });
  }

  /** The user's credentials are about to end or the user to change: forget them, and read them from the database for a while. */
  suspend(user: string): void {
    this.suspended.set(user, Date.now() + SUSPEND_MS);
    this.forget((viewer) => viewer.user.id === user || viewer.user.username === user);
  }

  private isSuspended(user: string): boolean {
    const until = this.suspended.get(user);
    if (until === undefined) return false;
    if (until > Date.now()) return true;
    this.suspended.delete(user);
    return false;
  }

  private forgetUser(userId: string): void {
    this.forget((viewer) => viewer.user.id === userId);
  }

  private forget(which: (viewer: Viewer) => boolean): void {
    this.generation++;
    for (const [hash, entry] of this.entries) if (which(entry.viewer)) this.entries.delete(hash);
  }
}

/** One cache per instance, found by its event log (what revocation.ts is handed) or its services. */
const caches = new WeakMap<EventLog, ViewerCache>();

export function viewerCache(services: { events: EventLog; bus: EventBus }): ViewerCache {
  let cache = caches.get(services.events);
  if (!cache) {
    cache = new ViewerCache(services.bus, services.events);
    caches.set(services.events, cache);
  }
  return cache;
}

/** The user's credentials are about to end through `events`' instance: its cache stops believing them first. */
export function suspendCachedViewer(events: EventLog, userId: string): void {
  caches.get(events)?.suspend(userId);
}
