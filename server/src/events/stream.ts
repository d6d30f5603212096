import { Repeater } from 'graphql-yoga';
import type { Event, Prisma } from '../generated/prisma/client.js';
import type { Metadata } from '../metadata/client.js';
import { EventAccess } from './access.js';
import type { EventBus } from './bus.js';

export interface StreamFilter {
  databaseId?: string | null;
  serverId?: string | null;
  /** Only these kinds (e.g. role and membership events for a role graph). */
  kinds?: string[] | null;
}

const REPLAY_PAGE = 500;

function matches(filter: StreamFilter, event: Event): boolean {
  if (filter.databaseId && event.databaseId !== filter.databaseId) return false;
  if (filter.serverId && event.serverId !== filter.serverId) return false;
  return !filter.kinds || filter.kinds.includes(event.kind);
}

function filterWhere(filter: StreamFilter): Prisma.EventWhereInput {
  return {
    databaseId: filter.databaseId ?? undefined,
    serverId: filter.serverId ?? undefined,
    kind: filter.kinds ? { in: filter.kinds } : undefined,
  };
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
 */
export function eventStream(
  metadata: Metadata,
  bus: EventBus,
  userId: string,
  filter: StreamFilter,
  after: bigint | null,
): AsyncIterable<Event> {
  return new Repeater<Event>(async (push, stop) => {
    const access = new EventAccess(metadata, userId);
    const live: Event[] = [];
    let wake: (() => void) | null = null;
    const unsubscribe = bus.subscribe((event) => {
      live.push(event);
      wake?.();
    });
    stop.then(unsubscribe);
    await access.refresh();
    let last = after ?? bus.latestId;

    const deliver = async (event: Event): Promise<boolean> => {
      if (event.id <= last) return true;
      last = event.id;
      await access.observe(event);
      if (shutOut(access, filter)) return false;
      if (matches(filter, event) && access.allows(event)) await push(event);
      return true;
    };

    if (after !== null) {
      for (;;) {
        const page = await metadata.event.findMany({
          where: { id: { gt: last }, ...filterWhere(filter) },
          orderBy: { id: 'asc' },
          take: REPLAY_PAGE,
        });
        for (const event of page) if (!(await deliver(event))) return stop();
        if (page.length < REPLAY_PAGE) break;
      }
    }
    if (shutOut(access, filter)) return stop();
    let stopped = false;
    stop.then(() => {
      stopped = true;
      wake?.();
    });
    while (!stopped) {
      const event = live.shift();
      if (!event) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = null;
        continue;
      }
      if (!(await deliver(event))) return stop();
    }
  });
}
