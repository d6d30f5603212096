import type { Event, Prisma } from '../generated/prisma/client.js';
import type { Metadata } from '../metadata/client.js';

export type EventKind =
  | 'user.created'
  | 'user.updated'
  | 'database.connected'
  | 'database.disconnected'
  | 'role.configured'
  | 'role.unconfigured'
  | 'collaborator.added'
  | 'collaborator.changed'
  | 'collaborator.removed'
  | 'collaborator.left'
  | 'role.created'
  | 'role.altered'
  | 'role.renamed'
  | 'role.password_changed'
  | 'role.dropped'
  | 'membership.granted'
  | 'membership.revoked'
  | 'members.set'
  | 'privileges.changed'
  | 'ownership.transferred'
  | 'schema.created';

export interface EventInput {
  kind: EventKind;
  actorId: string | null;
  serverId?: string | null;
  databaseId?: string | null;
  payload: Prisma.InputJsonObject;
  sql?: string[];
}

type Writer = Pick<Metadata, 'event'> | Prisma.TransactionClient;

type Listener = (event: Event) => void;

/** The append-only record of every change; written in the same transaction as the change it describes. */
export class EventLog {
  private readonly listeners = new Set<Listener>();

  async record(writer: Writer, input: EventInput): Promise<Event> {
    return writer.event.create({
      data: {
        kind: input.kind,
        actorId: input.actorId,
        serverId: input.serverId ?? null,
        databaseId: input.databaseId ?? null,
        payload: input.payload,
        sql: input.sql ?? [],
      },
    });
  }

  /** Announces committed events to in-process listeners. */
  publish(event: Event): void {
    for (const listener of this.listeners) listener(event);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
