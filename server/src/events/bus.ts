import type { Event } from '../generated/prisma/client.js';
import type { Logger } from '../logger.js';
import type { Metadata } from '../metadata/client.js';
import type { EventSignal } from './signal.js';

type Listener = (event: Event) => void;

const PAGE = 500;

/**
 * Delivers every committed event, in id order and once, to this instance's listeners, whichever instance wrote it.
 * The signal (NOTIFY, or Redis) only says "something new"; the events themselves are read from the table after the
 * last one delivered, so a burst costs one query and a dropped connection loses nothing: on reconnect it reads what
 * it missed. The bus owns the signal's connections.
 */
export class EventBus {
  private readonly listeners = new Set<Listener>();
  private lastId = 0n;
  private catchingUp: Promise<void> = Promise.resolve();
  private pending = false;

  constructor(
    private readonly signal: EventSignal,
    private readonly metadata: Metadata,
    private readonly logger: Logger,
    /** Told each time a live subscriber's stream takes an event (metrics: the delivery lag); once per subscriber. */
    readonly delivered: (event: Event) => void = () => undefined,
  ) {}

  async start(): Promise<void> {
    const latest = await this.metadata.event.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
    this.lastId = latest?.id ?? 0n;
    await this.signal.subscribe(() => this.scheduleCatchUp());
  }

  /** The id of the newest event delivered: a live subscription starts after it. */
  get latestId(): bigint {
    return this.lastId;
  }

  /** Whether the signal's connection (LISTEN, or Redis) is up: without it, this instance hears of no new event. */
  get signalConnected(): boolean {
    return this.signal.connected;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
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
    await this.signal.close();
  }
}
