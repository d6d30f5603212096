import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import type { Prisma } from '../generated/prisma/client.js';
import type { Logger } from '../logger.js';
import { afterCommit } from '../metadata/client.js';
import { EVENT_CHANNEL } from './log.js';
import type { EventSignal } from './signal.js';

/** Resolves once the client is ready or its first attempt failed (failures are logged, and retried by ioredis). */
function firstAttempt(client: Redis): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      client.off('ready', done).off('error', done);
      resolve();
    };
    client.on('ready', done).on('error', done);
  });
}

/**
 * With REDIS_URL: signals travel over Redis pub/sub, so no instance holds a LISTEN connection on the metadata database
 * and no transaction sends a NOTIFY. ioredis reconnects on its own; the URL (and its password) is never logged.
 */
export class RedisSignal implements EventSignal {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly target: ReturnType<typeof createRedisEventTarget<CustomEvent>>;

  constructor(
    url: string,
    private readonly logger: Logger,
  ) {
    this.publisher = this.connect(url, 'publisher', {});
    // A subscriber only sends SUBSCRIBE, which may as well wait for the connection however long it takes.
    this.subscriber = this.connect(url, 'subscriber', { maxRetriesPerRequest: null });
    this.target = createRedisEventTarget({ publishClient: this.publisher, subscribeClient: this.subscriber });
  }

  private connect(url: string, role: string, options: { maxRetriesPerRequest?: null }): Redis {
    const client = new Redis(url, { connectionName: `rolecall-events-${role}`, ...options });
    client.on('error', (error: Error) => this.logger.warn({ err: error.message, role }, 'Redis connection failed'));
    return client;
  }

  async publish(writer: Prisma.TransactionClient, id: bigint): Promise<void> {
    afterCommit(writer, () => this.send(id));
  }

  /**
   * PUBLISH directly rather than through the event target's dispatchEvent, which drops the promise: a signal that
   * cannot be sent (Redis down for long, a refused password) is logged, and must not be an unhandled rejection.
   */
  private send(id: bigint): void {
    this.publisher
      .publish(EVENT_CHANNEL, JSON.stringify(id.toString()))
      .catch((error: Error) => this.logger.warn({ err: error.message, id: id.toString() }, 'Redis signal not sent'));
  }

  /** Both connections are ready: this instance can hear signals and send its own. */
  get connected(): boolean {
    return this.subscriber.status === 'ready' && this.publisher.status === 'ready';
  }

  async subscribe(onSignal: () => void): Promise<void> {
    // The event target sends SUBSCRIBE without handling its result: send it only on a connection that is ready.
    const listen = () => this.target.addEventListener(EVENT_CHANNEL, () => onSignal());
    if (this.subscriber.status === 'ready') {
      listen();
      onSignal();
    } else this.subscriber.once('ready', listen);
    this.subscriber.on('ready', () => onSignal());
    await firstAttempt(this.subscriber);
  }

  async close(): Promise<void> {
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }
}
