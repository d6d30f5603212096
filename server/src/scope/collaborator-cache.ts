import type { EventBus } from '../events/bus.js';
import type { EventKind } from '../events/kinds.js';
import type { EventLog } from '../events/log.js';

/**
 * How long what the metadata database says of collaborators is believed without asking again. Events end it sooner;
 * this bounds what no event announces.
 */
const FRESH_MS = 5_000;
/** How long, after this instance began writing such an event, nothing is believed (the write commits meanwhile). */
const SUSPEND_MS = 10_000;
/** Enough for every collaborator of a busy instance; past it the oldest entries go. */
const MAX_ENTRIES = 10_000;

/** The kinds of event after which who collaborates on what, through which role and with which password, may differ. */
const CHANGES_COLLABORATION: ReadonlySet<EventKind> = new Set<EventKind>([
  'collaborator.added',
  'collaborator.changed',
  'collaborator.removed',
  'collaborator.left',
  'database.connected',
  'database.disconnected',
  'role.configured',
  'role.unconfigured',
  'role.assignability_changed',
  'role.password_changed',
  'role.renamed',
  'role.dropped',
  'user.created',
  'user.updated',
  'invitation.accepted',
]);

interface Entry {
  value: Promise<unknown>;
  until: number;
}

/**
 * Who collaborates on which database through which configured role (a viewer's connection, a database's
 * collaborators by role): read for every permission change, and changed rarely. Kept for a few seconds, and
 * forgotten at once when an event says it may have changed: on this instance as the event is being written (and
 * then not kept until it has surely committed), on every instance as soon as its event bus hears of it. While the bus
 * cannot hear events, nothing is kept.
 */
export class CollaboratorCache {
  private readonly entries = new Map<string, Entry>();
  private suspendedUntil = 0;

  constructor(
    private readonly bus: EventBus,
    events: EventLog,
  ) {
    bus.subscribe((event) => {
      if (CHANGES_COLLABORATION.has(event.kind as EventKind)) this.forgetAll();
    });
    events.writing.add((input) => {
      if (!CHANGES_COLLABORATION.has(input.kind)) return;
      this.suspendedUntil = Date.now() + SUSPEND_MS;
      this.forgetAll();
    });
  }

  /** What `load` reads for `key`, from memory while it is fresh; a failed read is never kept. */
  read<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    if (!this.bus.signalConnected || this.suspendedUntil > now) return load();
    const entry = this.entries.get(key);
    if (entry && entry.until > now) return entry.value as Promise<T>;
    const value = load();
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    // Kept while it is read, so that reads at the same time share it; forgetting meanwhile drops it too.
    this.entries.set(key, { value, until: now + FRESH_MS });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  /** A stored password or configured role changed here, ahead of its event: read everything again. */
  forgetAll(): void {
    this.entries.clear();
  }
}

/** One cache per instance, found by its event log. */
const caches = new WeakMap<EventLog, CollaboratorCache>();

export function collaboratorCache(services: { events: EventLog; bus: EventBus }): CollaboratorCache {
  let cache = caches.get(services.events);
  if (!cache) {
    cache = new CollaboratorCache(services.bus, services.events);
    caches.set(services.events, cache);
  }
  return cache;
}
