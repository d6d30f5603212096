import { mapAsyncIterator } from '@graphql-tools/utils';
import { createSourceEventStream, type DocumentNode, type ExecutionArgs, type ExecutionResult, execute } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';

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

async function sharedSubscribe(args: ExecutionArgs) {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source;
  const key = resultKey(args);
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
