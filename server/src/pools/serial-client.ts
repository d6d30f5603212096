import pg from 'pg';

type AnyQuery = (...args: unknown[]) => unknown;

/**
 * A pg client that runs the queries issued to it while one is running after it, one at a time, itself. node-postgres
 * queues them too, but that is deprecated and goes in pg 9; reads issued together on one connection (a catalog
 * read's parts, outside a transaction's batches) wait for each other here instead. Queries with a callback, and
 * submittables (cursors), go to node-postgres as they are.
 */
export class SerialClient extends pg.Client {
  #last: Promise<unknown> = Promise.resolve();

  // biome-ignore lint/suspicious/noExplicitAny: pg's query() is overloaded; every overload is passed through as given.
  override query(...args: any[]): any {
    const send = () => (super.query as AnyQuery).apply(this, args);
    const [config] = args;
    if (typeof args.at(-1) === 'function' || typeof (config as { submit?: unknown } | null)?.submit === 'function')
      return send();
    const result = this.#last.then(send, send);
    this.#last = result.catch(() => undefined);
    return result;
  }
}
