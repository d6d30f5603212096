import type { Prisma } from '../generated/prisma/client.js';

/**
 * "Something new, event id N", between the Rolecall instances that share a metadata database. A signal carries no
 * event: receivers read the table after the last event they delivered, so a lost signal loses nothing, and the next
 * one (or a reconnection) catches up.
 */
export interface EventSignal {
  /**
   * Announces event `id` from inside the transaction that inserts it: sent once it commits, never if it rolls back.
   * `writer` may be the metadata client itself when the event was inserted alone (it has committed already).
   */
  publish(writer: Prisma.TransactionClient, id: bigint): Promise<void>;
  /** Signals travel by NOTIFY on the metadata database: an insert may send its own (see EVENT_CHANNEL). */
  readonly byNotify?: boolean;
  /**
   * Calls `onSignal` on every signal (with the event id it announces, where the signal tells it) and after every
   * (re)connection, when signals may have been missed (no id). Resolves after the first connection attempt, whether
   * or not it succeeded: failures are logged and retried.
   */
  subscribe(onSignal: (id?: bigint) => void): Promise<void>;
  /** Whether signals can reach this instance right now (readiness). */
  readonly connected: boolean;
  close(): Promise<void>;
}
