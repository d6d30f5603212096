import { mapAsyncIterator } from '@graphql-tools/utils';
import { createSourceEventStream, type DocumentNode, type ExecutionArgs, type ExecutionResult, execute } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import { type EventStream, RECEIVE_LIVE } from '../events/stream.js';
import { directDelivery } from './direct-delivery.js';

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

/** What a result depends on: the operation (a parsed document is cached, so one object per text), and who asks. */
function resultKey(args: ExecutionArgs): string {
  const viewerId = (args.contextValue as Context).viewer?.user.id ?? '';
  return `${documentId(args.document)}:${args.operationName ?? ''}:${viewerId}:${JSON.stringify(args.variableValues ?? {})}`;
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
 * Where the transport sends results at once (a WebSocket) and the source can hand over its live events at once
 * (events/stream.ts), a live event's result goes straight to the client, with no promise per subscriber: what cannot
 * (a result still being computed, or with errors) goes through the iterator as before. Yoga's error masking, the one
 * hook a subscription's results pass through on the way, has nothing to do with a result without errors; a plugin
 * that changed every result (an `onSubscribeResult` with `onNext`) would be skipped here, and must be added here.
 */
function receiveLive(source: object, args: ExecutionArgs, key: string): void {
  const deliver = directDelivery(args.contextValue);
  if (!deliver || !(RECEIVE_LIVE in source)) return;
  (source as EventStream)[RECEIVE_LIVE]((event) => {
    const result = executeOnce(args, key, event);
    return !(result instanceof Promise) && !result.errors && deliver(result);
  });
}

async function sharedSubscribe(args: ExecutionArgs) {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source;
  const key = resultKey(args);
  receiveLive(source, args, key);
  return mapAsyncIterator(source, (event) => executeOnce(args, key, event));
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
