import { type ExecutionResult, GraphQLError } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import type { Transport } from '../metrics/metrics.js';

/** Each running subscription holds memory and an event reader: one client must not open them without end. */
export function tooManySubscriptions(limit: number, scope: string): GraphQLError {
  return new GraphQLError(`Too many subscriptions: at most ${limit} ${scope}; end one first.`, {
    extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', http: { status: 429 } },
  });
}

/** The subscriptions each user has running on this instance, over every WebSocket and SSE stream. */
class SubscriptionsByUser {
  private readonly running = new Map<string, number>();

  constructor(private readonly maxPerUser: number) {}

  /** Counts one more subscription of `userId` and returns what ends it, or null when the user is at the limit. */
  take(userId: string): (() => void) | null {
    const count = this.running.get(userId) ?? 0;
    if (count >= this.maxPerUser) return null;
    this.running.set(userId, count + 1);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      const left = (this.running.get(userId) ?? 1) - 1;
      if (left > 0) this.running.set(userId, left);
      else this.running.delete(userId);
    };
  }
}

/** The same stream, calling `end` once when it finishes, fails, or its client leaves. */
function endingWith<T>(source: AsyncIterable<T>, end: () => void): AsyncIterableIterator<T> {
  const iterator = source[Symbol.asyncIterator]();
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    // Not an async function: every event of every subscription passes here, and one promise fewer is felt.
    next() {
      return iterator.next().then(
        (step) => {
          if (step.done) end();
          return step;
        },
        (error: unknown) => {
          end();
          throw error;
        },
      );
    },
    async return(value?: unknown) {
      end();
      return (await iterator.return?.(value)) ?? { done: true, value: undefined };
    },
    async throw(error?: unknown) {
      end();
      if (iterator.throw) return iterator.throw(error);
      throw error;
    },
  };
}

/** A WebSocket's operations get their context from the upgrade request (http/websocket.ts); the rest are SSE. */
function transportOf(request: Request): Transport {
  return request.headers.get('upgrade')?.toLowerCase() === 'websocket' ? 'websocket' : 'sse';
}

/**
 * At most `maxPerUser` subscriptions per signed-in user at once; one more ends at once with TOO_MANY_SUBSCRIPTIONS
 * (HTTP 429 over SSE). Anonymous subscriptions are refused by the schema anyway.
 */
export function useSubscriptionQuota(maxPerUser: number): Plugin<Context> {
  const byUser = new SubscriptionsByUser(maxPerUser);
  return {
    onSubscribe({ args, subscribeFn, setSubscribeFn }) {
      const context = args.contextValue as Context;
      const userId = context.viewer?.user.id;
      if (!userId) return;
      const subscribe = subscribeFn as unknown as (args: unknown) => Promise<unknown> | unknown;
      const counted = async (subscribeArgs: unknown) => {
        const release = byUser.take(userId);
        if (!release) return { errors: [tooManySubscriptions(maxPerUser, 'per user')] } satisfies ExecutionResult;
        const uncount = context.metrics.subscriptionOpened(transportOf(context.request));
        const end = () => {
          release();
          uncount();
        };
        try {
          const result = await subscribe(subscribeArgs);
          if (isAsyncIterable(result)) return endingWith(result, end);
          end();
          return result;
        } catch (error) {
          end();
          throw error;
        }
      };
      setSubscribeFn(counted as unknown as Parameters<typeof setSubscribeFn>[0]);
    },
  };
}
