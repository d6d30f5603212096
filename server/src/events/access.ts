import type { Event } from '../generated/prisma/client.js';
import type { Metadata } from '../metadata/client.js';

/** Kinds after which a subscriber's right to see things may have changed. */
const ACCESS_KINDS = new Set([
  'collaborator.added',
  'collaborator.changed',
  'collaborator.removed',
  'collaborator.left',
  'database.connected',
  'database.disconnected',
  'user.updated',
]);

function readRights(metadata: Metadata, userId: string) {
  return metadata.user.findUnique({
    where: { id: userId },
    include: { collaborators: { include: { database: { select: { serverId: true } } } } },
  });
}

/** The event may have changed who sees what (rights are re-read before it is delivered). */
export function mayChangeAccess(event: Event): boolean {
  return ACCESS_KINDS.has(event.kind);
}

type Rights = Awaited<ReturnType<typeof readRights>>;

/**
 * The read of each user's rights made after an access event, by metadata store: every subscription of that user
 * (tabs, dashboards, a CLI watch) shares it instead of each querying again.
 */
const readsAfterEvent = new WeakMap<Metadata, Map<string, { eventId: bigint; rights: Promise<Rights> }>>();

/**
 * What one user may see of the event stream, kept current as events arrive: admins see everything; others see
 * the events of databases they collaborate on and the server-wide (role) events of those databases' servers.
 */
export class EventAccess {
  private isAdmin = false;
  private isActive = false;
  private databaseIds = new Set<string>();
  private serverIds = new Set<string>();

  constructor(
    private readonly metadata: Metadata,
    private readonly userId: string,
  ) {}

  async refresh(): Promise<void> {
    this.apply(await readRights(this.metadata, this.userId));
  }

  private apply(user: Rights): void {
    this.isActive = Boolean(user?.isActive);
    this.isAdmin = Boolean(user?.isAdmin);
    this.databaseIds = new Set(user?.collaborators.map((collaborator) => collaborator.databaseId) ?? []);
    this.serverIds = new Set(user?.collaborators.map((collaborator) => collaborator.database.serverId) ?? []);
  }

  /** Re-reads the user's rights when the event may have changed them (once per user and event). */
  async observe(event: Event): Promise<void> {
    if (!mayChangeAccess(event)) return;
    let reads = readsAfterEvent.get(this.metadata);
    if (!reads) {
      reads = new Map();
      readsAfterEvent.set(this.metadata, reads);
    }
    let read = reads.get(this.userId);
    if (read?.eventId !== event.id) {
      read = { eventId: event.id, rights: readRights(this.metadata, this.userId) };
      reads.set(this.userId, read);
    }
    this.apply(await read.rights);
  }

  get active(): boolean {
    return this.isActive;
  }

  canSeeDatabase(databaseId: string): boolean {
    return this.isActive && (this.isAdmin || this.databaseIds.has(databaseId));
  }

  canSeeServer(serverId: string): boolean {
    return this.isActive && (this.isAdmin || this.serverIds.has(serverId));
  }

  allows(event: Event): boolean {
    if (!this.isActive) return false;
    if (this.isAdmin) return true;
    if (event.databaseId) return this.databaseIds.has(event.databaseId);
    if (event.serverId) return this.serverIds.has(event.serverId);
    return false;
  }
}
