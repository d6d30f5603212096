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
  /** Inserts of this instance under way; the highest id signalled while one was (see signalled). */
  private insertsHere = 0;
  private signalledUpTo = 0n;
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
    await this.signal.subscribe((id) => this.signalled(id));
  }

  /**
   * A signal: read what is new, unless this instance delivered it already (it recorded it), or may be about to (an
   * insert of its own is under way, whose answer often comes just after the signal): then once that has answered.
   */
  private signalled(id?: bigint): void {
    if (id !== undefined && id <= this.lastId) return;
    if (id !== undefined && this.insertsHere > 0) {
      if (id > this.signalledUpTo) this.signalledUpTo = id;
      return;
    }
    this.scheduleCatchUp();
  }

  /** This instance begins inserting events (see recordedHere, which must follow, with none if the insert failed). */
  recordingHere(): void {
    this.insertsHere++;
  }

  /**
   * Events this instance has just inserted (committed), as stored: delivered at once when they follow the last one
   * delivered, with no read. Otherwise (another instance's came between) the table is read as usual, as it is for
   * what was signalled meanwhile beyond them.
   */
  recordedHere(events: readonly Event[]): void {
    this.catchingUp = this.catchingUp.then(() => {
      this.insertsHere--;
      const fresh = events.filter((event) => event.id > this.lastId);
      const contiguous = fresh.every((event, n) => event.id === this.lastId + 1n + BigInt(n));
      if (contiguous) for (const event of fresh) this.deliver(event);
      if (!contiguous || this.signalledUpTo > this.lastId) this.scheduleCatchUp();
    });
  }

  private deliver(event: Event): void {
    this.lastId = event.id;
    for (const listener of this.listeners) listener(event);
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
      for (const event of events) this.deliver(event);
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
