import { PrismaPg } from '@prisma/adapter-pg';
import { type Prisma, PrismaClient } from '../generated/prisma/client.js';

export type Metadata = PrismaClient;

type TransactionBody = (tx: Prisma.TransactionClient) => Promise<unknown>;

/** What each open interactive transaction runs once it has committed. */
const onCommit = new WeakMap<Prisma.TransactionClient, (() => void)[]>();
/** Metadata clients themselves: used as a writer outside a transaction, each statement has committed on its own. */
const autocommit = new WeakSet<Prisma.TransactionClient>();

/** Prisma has no commit hook (prisma/prisma#11920): interactive transactions keep a list of what to run after. */
function trackCommits(client: PrismaClient): PrismaClient {
  const transaction = client.$transaction.bind(client) as (arg: unknown, options?: unknown) => Promise<unknown>;
  const tracked = async (body: TransactionBody, options?: unknown) => {
    const callbacks: (() => void)[] = [];
    const result = await transaction((tx: Prisma.TransactionClient) => {
      onCommit.set(tx, callbacks);
      return body(tx);
    }, options);
    for (const callback of callbacks) callback();
    return result;
  };
  autocommit.add(client);
  client.$transaction = ((arg: unknown, options?: unknown) =>
    typeof arg === 'function'
      ? tracked(arg as TransactionBody, options)
      : transaction(arg, options)) as Metadata['$transaction'];
  return client;
}

/**
 * Runs `callback` (which must not throw) once the metadata transaction `writer` has committed, and never if it rolls
 * back: for what others may only learn about once they can read it.
 */
export function afterCommit(writer: Prisma.TransactionClient, callback: () => void): void {
  const callbacks = onCommit.get(writer);
  if (callbacks) callbacks.push(callback);
  else if (autocommit.has(writer)) callback();
  else throw new Error('afterCommit needs an interactive transaction of the metadata client');
}

/** Prisma Client over the pg driver adapter: no native query engine is needed. */
export function createMetadataClient(databaseUrl: string): Metadata {
  return trackCommits(new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 10 }) }));
}
