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
    const user = await this.metadata.user.findUnique({
      where: { id: this.userId },
      include: { collaborators: { include: { database: { select: { serverId: true } } } } },
    });
    this.isActive = Boolean(user?.isActive);
    this.isAdmin = Boolean(user?.isAdmin);
    this.databaseIds = new Set(user?.collaborators.map((collaborator) => collaborator.databaseId) ?? []);
    this.serverIds = new Set(user?.collaborators.map((collaborator) => collaborator.database.serverId) ?? []);
  }

  /** Re-reads the user's rights when the event may have changed them. */
  async observe(event: Event): Promise<void> {
    if (ACCESS_KINDS.has(event.kind)) await this.refresh();
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
