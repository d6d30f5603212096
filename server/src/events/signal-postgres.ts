import pg from 'pg';
import type { Prisma } from '../generated/prisma/client.js';
import type { Logger } from '../logger.js';
import { metadataConnection } from '../metadata/client.js';
import { EVENT_CHANNEL } from './log.js';
import type { EventSignal } from './signal.js';

const RECONNECT_MS = 1_000;

/** The event id a notification's payload announces (none when it is not one). */
function announcedId(payload: string | undefined): bigint | undefined {
  return payload && /^\d+$/.test(payload) ? BigInt(payload) : undefined;
}

/** The default transport: NOTIFY inside the event's transaction, and one LISTEN connection per instance. */
export class PostgresSignal implements EventSignal {
  readonly byNotify = true;

  private client: pg.Client | null = null;
  private onSignal: (id?: bigint) => void = () => undefined;
  private stopped = false;

  constructor(
    private readonly metadataUrl: string,
    private readonly logger: Logger,
  ) {}

  async publish(writer: Prisma.TransactionClient, id: bigint): Promise<void> {
    // Delivered to every instance's LISTEN when the transaction commits (at once outside one), never if it rolls back.
    await writer.$executeRaw`SELECT pg_notify(${EVENT_CHANNEL}, ${id.toString()})`;
  }

  async subscribe(onSignal: (id?: bigint) => void): Promise<void> {
    this.onSignal = onSignal;
    await this.connect();
  }

  /** The LISTEN connection is up; it is dropped (and retried) as soon as it ends. */
  get connected(): boolean {
    return this.client !== null;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ ...metadataConnection(this.metadataUrl), application_name: 'rolecall-events' });
    // A failed attempt both ends the client and lands in the catch below: retry once, or every failure doubles them.
    let retried = false;
    const retry = () => {
      if (retried) return;
      retried = true;
      this.reconnectLater(client);
    };
    client.on('notification', (message) => this.onSignal(announcedId(message.payload)));
    client.on('error', (error) => this.logger.warn({ err: error.message }, 'event listener connection failed'));
    client.on('end', retry);
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENT_CHANNEL}`);
      this.client = client;
      this.onSignal();
    } catch (error) {
      this.logger.warn(
        { err: error instanceof Error ? error.message : String(error) },
        'event listener could not connect',
      );
      await client.end().catch(() => undefined);
      retry();
    }
  }

  private reconnectLater(client: pg.Client): void {
    if (this.stopped || (this.client !== client && this.client !== null)) return;
    this.client = null;
    setTimeout(() => void this.connect(), RECONNECT_MS).unref();
  }

  async close(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }
}
