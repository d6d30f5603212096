import type { Event, User } from '../generated/prisma/client.js';

/**
 * The bus hands every live subscriber the same event row: its actor is read once for all of them (with the first
 * subscriber's loader), not once per dashboard. Keyed by the row, so it lasts exactly as long as the published event.
 */
const actors = new WeakMap<Event, Promise<User | null>>();

export function sharedActor(event: Event, load: (userId: string) => Promise<User | null>): Promise<User | null> | null {
  if (!event.actorId) return null;
  let actor = actors.get(event);
  if (!actor) {
    actor = load(event.actorId);
    actors.set(event, actor);
    actor.catch(() => actors.delete(event));
  }
  return actor;
}
