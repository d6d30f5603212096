import pg from 'pg';
import type { Event } from '../generated/prisma/client.js';
import type { Logger } from '../logger.js';
import type { Metadata } from '../metadata/client.js';
import { EVENT_CHANNEL } from './log.js';

type Listener = (event: Event) => void;

const RECONNECT_MS = 1_000;
const PAGE = 500;

/**
 * Delivers every committed event, in id order and once, to this instance's listeners, whichever instance wrote it.
 * LISTEN only says "something new"; the events themselves are read from the table after the last one delivered,
 * so a burst costs one query and a dropped connection loses nothing: on reconnect it reads what it missed.
 */
export class EventBus {
  private readonly listeners = new Set<Listener>();
  private client: pg.Client | null = null;
  private lastId = 0n;
  private catchingUp: Promise<void> = Promise.resolve();
  private pending = false;
  private stopped = false;

  constructor(
    private readonly metadataUrl: string,
    private readonly metadata: Metadata,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    const latest = await this.metadata.event.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
    this.lastId = latest?.id ?? 0n;
    await this.connect();
  }

  /** The id of the newest event delivered: a live subscription starts after it. */
  get latestId(): bigint {
    return this.lastId;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.metadataUrl, application_name: 'rolecall-events' });
    client.on('notification', () => this.scheduleCatchUp());
    client.on('error', (error) => this.logger.warn({ err: error.message }, 'event listener connection failed'));
    client.on('end', () => this.reconnectLater(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENT_CHANNEL}`);
      this.client = client;
      this.scheduleCatchUp();
    } catch (error) {
      this.logger.warn(
        { err: error instanceof Error ? error.message : String(error) },
        'event listener could not connect',
      );
      await client.end().catch(() => undefined);
      this.reconnectLater(client);
    }
  }

  private reconnectLater(client: pg.Client): void {
    if (this.stopped || (this.client !== client && this.client !== null)) return;
    this.client = null;
    setTimeout(() => void this.connect(), RECONNECT_MS).unref();
  }

  private scheduleCatchUp(): void {
    if (this.pending) return;
    this.pending = true;
    this.catchingUp = this.catchingUp.then(async () => {
      this.pending = false;
      await this.catchUp().catch((error) =>
        this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'reading new events failed'),
      );
    });
  }

  private async catchUp(): Promise<void> {
    for (;;) {
      const events = await this.metadata.event.findMany({
        where: { id: { gt: this.lastId } },
        orderBy: { id: 'asc' },
        take: PAGE,
      });
      for (const event of events) {
        this.lastId = event.id;
        for (const listener of this.listeners) listener(event);
      }
      if (events.length < PAGE) return;
    }
  }

  /** Waits until everything notified so far has been delivered (tests, shutdown). */
  async settled(): Promise<void> {
    await this.catchingUp;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }
}
