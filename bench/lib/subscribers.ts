import WebSocket from 'ws';
import { sleep } from './stats.js';

/** One WebSocket subscriber: when each pushed message arrived (performance.now(), before parsing), by its key. */
export interface Subscriber {
  socket: WebSocket;
  times: Map<string, number>;
}

/** Which message a pushed message is (an event's cursor): late subscribers may not have had the earlier ones. */
export type KeyOf = (message: unknown) => string;

/**
 * Many plain `ws` clients in this process. The same message handling serves Rolecall's graphql-ws subscribers
 * (which speak graphql-transport-ws by hand, so no client library sits between the socket and the clock) and the
 * raw broadcast baseline's.
 */
export class Subscribers {
  readonly all: Subscriber[] = [];
  /** Pushed messages received so far, over all subscribers. */
  received = 0;
  /** The last pushed message, as received. */
  last: unknown = null;
  errors: string[] = [];

  constructor(private readonly keyOf: KeyOf) {}

  private track(socket: WebSocket): Subscriber {
    const subscriber: Subscriber = { socket, times: new Map() };
    this.all.push(subscriber);
    return subscriber;
  }

  private pushed(subscriber: Subscriber, at: number, message: unknown): void {
    subscriber.times.set(this.keyOf(message), at);
    this.received++;
    this.last = message;
  }

  /** A graphql-ws (graphql-transport-ws) subscription authenticated with an API token in connectionParams. */
  graphqlWs(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
      const subscriber = this.track(socket);
      let subscribed = false;
      socket.on('open', () =>
        socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
      );
      socket.on('message', (data) => {
        const at = performance.now();
        const message = JSON.parse(String(data)) as { type: string; payload?: unknown };
        if (message.type === 'next') this.pushed(subscriber, at, message);
        else if (message.type === 'connection_ack') {
          socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
          subscribed = true;
          resolve();
        } else if (message.type === 'ping') socket.send(JSON.stringify({ type: 'pong' }));
        else if (message.type === 'error' || message.type === 'complete')
          this.errors.push(`${message.type}: ${JSON.stringify(message.payload)}`);
      });
      socket.on('error', (error) => this.errors.push(error.message));
      socket.on('close', (code, reason) => {
        if (!subscribed) reject(new Error(`closed before subscribing: ${code} ${reason}`));
      });
    });
  }

  /** A plain WebSocket to the raw broadcast server. */
  raw(url: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url.replace(/^http/, 'ws'));
      const subscriber = this.track(socket);
      socket.on('open', () => resolve());
      socket.on('message', (data) => {
        const at = performance.now();
        this.pushed(subscriber, at, JSON.parse(String(data)));
      });
      socket.on('error', (error) => {
        this.errors.push(error.message);
        reject(error);
      });
    });
  }

  /** Opens `count` more connections, `parallel` at a time. */
  async open(count: number, connect: () => Promise<void>, parallel = 100): Promise<void> {
    for (let done = 0; done < count; done += parallel) {
      await Promise.all(Array.from({ length: Math.min(parallel, count - done) }, connect));
    }
  }

  /** Waits until every subscriber (from the `from`th on) has received the message `key`. */
  async waitForAll(key: string, timeoutMs: number, from = 0): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    const waited = from === 0 ? this.all : this.all.slice(from);
    while (waited.some((subscriber) => !subscriber.times.has(key))) {
      if (performance.now() > deadline) {
        const missing = waited.filter((subscriber) => !subscriber.times.has(key)).length;
        throw new Error(
          `${missing} of ${this.all.length} subscribers missed message ${key}: ${this.errors.slice(0, 3).join('; ')}`,
        );
      }
      await sleep(2);
    }
  }

  /** Latencies of the message `key` from `since`, one per subscriber. */
  latencies(key: string, since: number): number[] {
    return this.all.map((subscriber) => (subscriber.times.get(key) as number) - since);
  }

  close(): void {
    for (const subscriber of this.all) subscriber.socket.terminate();
  }
}
