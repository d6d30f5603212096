import { createSourceEventStream, type DocumentNode, type ExecutionArgs, type ExecutionResult, execute } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import { type EventStream, RECEIVE_LIVE } from '../events/stream.js';
import { type Deliver, directDelivery } from './direct-delivery.js';
import { RecentStrings } from './recent-strings.js';

type Results = Map<string, ExecutionResult | Promise<ExecutionResult>>;

/** Results by event: the event bus hands every subscriber the same row, so a dashboard's result can be shared. */
const resultsByEvent = new WeakMap<object, Results>();
const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 0;

function documentId(document: DocumentNode): number {
  let id = documentIds.get(document);
  if (id === undefined) {
    id = nextDocumentId++;
    documentIds.set(document, id);
  }
  return id;
}

/** Result keys made lately, each kept once: the thousand subscriptions of a dashboard each hold the same key. */
const recentKeys = new RecentStrings(1_000);

/** What a result depends on: the operation (a parsed document is cached, so one object per text), and who asks. */
function resultKey(args: ExecutionArgs): string {
  const viewerId = (args.contextValue as Context).viewer?.user.id ?? '';
  return recentKeys.shared(
    `${documentId(args.document)}:${args.operationName ?? ''}:${viewerId}:${JSON.stringify(args.variableValues ?? {})}`,
  );
}

function executeOnce(args: ExecutionArgs, key: string, event: unknown): ExecutionResult | Promise<ExecutionResult> {
  if (typeof event !== 'object' || event === null) return execute({ ...args, rootValue: event });
  let results = resultsByEvent.get(event);
  if (!results) {
    results = new Map();
    resultsByEvent.set(event, results);
  }
  let result = results.get(key);
  if (!result) {
    result = execute({ ...args, rootValue: event }) as ExecutionResult | Promise<ExecutionResult>;
    results.set(key, result);
  }
  return result;
}

/**
 * A subscription's results: each event of its source executed once for every subscription sharing its key, as
 * `mapAsyncIterator` would map them, but one object where that makes a dozen closures: thousands are held at once.
 *
 * Where the transport sends results at once (a WebSocket) and the source can hand over its live events at once
 * (events/stream.ts), a live event's result goes straight to the client, with no promise per subscriber: what cannot
 * (a result still being computed, or with errors) goes through the iterator as before. Yoga's error masking, the one
 * hook a subscription's results pass through on the way, has nothing to do with a result without errors; a plugin
 * that changed every result (an `onSubscribeResult` with `onNext`) would be skipped here, and must be added here.
 */
class SharedResults implements AsyncIterableIterator<ExecutionResult> {
  constructor(
    private readonly source: AsyncIterator<unknown>,
    private readonly args: ExecutionArgs,
    private readonly key: string,
    private readonly deliver: Deliver | undefined,
  ) {
    if (deliver && RECEIVE_LIVE in source) (source as EventStream)[RECEIVE_LIVE](this);
  }

  /** A live event handed over at once (a LiveReceiver): delivered now if its result is ready and without errors. */
  receive(event: unknown): boolean {
    const result = executeOnce(this.args, this.key, event);
    return !(result instanceof Promise) && !result.errors && (this.deliver as Deliver)(result);
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    return this.source.next().then((step) => this.mapped(step));
  }

  return(): Promise<IteratorResult<ExecutionResult>> {
    if (!this.source.return) return Promise.resolve({ value: undefined, done: true });
    return this.source.return().then((step) => this.mapped(step));
  }

  throw(error: unknown): Promise<IteratorResult<ExecutionResult>> {
    if (this.source.throw) return this.source.throw(error).then((step) => this.mapped(step));
    return this.closeAndThrow(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private async mapped(step: IteratorResult<unknown>): Promise<IteratorResult<ExecutionResult>> {
    if (step.done) return step;
    try {
      return { value: await executeOnce(this.args, this.key, step.value), done: false };
    } catch (error) {
      return this.closeAndThrow(error);
    }
  }

  /** A result that failed ends the source too, as `mapAsyncIterator` does. */
  private async closeAndThrow(error: unknown): Promise<never> {
    await this.source.return?.().catch(() => undefined);
    throw error;
  }
}

async function sharedSubscribe(args: ExecutionArgs) {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source;
  return new SharedResults(source[Symbol.asyncIterator](), args, resultKey(args), directDelivery(args.contextValue));
}

/**
 * A change reaches a thousand open dashboards: graphql-ws would execute its selection set once per
 * subscription. This executes it once per event, operation, variables and user, and hands every subscription of
 * that user the same result (Yoga's hooks, error masking among them, still run per subscription).
 */
export function useSharedSubscriptionResults(): Plugin {
  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(sharedSubscribe as Parameters<typeof setSubscribeFn>[0]);
    },
  };
}
