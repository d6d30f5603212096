import {
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  getOperationAST,
  isObjectType,
  Kind,
} from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import type { Metrics } from './metrics.js';

interface Operation {
  kind: string;
  name: string;
}

/** Root fields named in one label at most; more are summarised, so a label stays short. */
const MAX_ROOT_FIELDS = 3;
/** Codes Rolecall and its plugins put on GraphQL errors (UNAUTHENTICATED, TOO_MANY_SUBSCRIPTIONS …). */
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;
const NO_OPERATION: Operation = { kind: 'none', name: 'none' };

/**
 * An operation's label is its root fields (sorted, at most three), never its client-chosen operation name: names
 * from the schema keep the label set bounded whatever clients send.
 */
function operationOf(metrics: Metrics, document: DocumentNode, operationName?: string | null): Operation {
  const operation = getOperationAST(document, operationName);
  if (!operation) return NO_OPERATION;
  const fields = new Set<string>();
  for (const selection of operation.selectionSet.selections)
    if (selection.kind === Kind.FIELD) fields.add(selection.name.value);
  const names = [...fields].sort();
  const shown = names.slice(0, MAX_ROOT_FIELDS).join(',') || '(fragments)';
  const name = names.length > MAX_ROOT_FIELDS ? `${shown},…` : shown;
  return { kind: operation.operation, name: metrics.operationLabel(name) };
}

/** Whether a type is one of the schema's typed errors (implements `Error`); read once per type name. */
function errorTypes(schema: GraphQLSchema): (typename: string) => boolean {
  const known = new Map<string, boolean>();
  return (typename) => {
    let isError = known.get(typename);
    if (isError === undefined) {
      const type = schema.getType(typename);
      isError = isObjectType(type) && type.getInterfaces().some((face) => face.name === 'Error');
      known.set(typename, isError);
    }
    return isError;
  };
}

/**
 * Typed errors are the result unions' error members that the client asked the `__typename` of (Rolecall's web app and
 * CLI always do); GraphQL errors count by their code. Unexpected errors are counted where they are masked.
 */
function countErrors(metrics: Metrics, isError: (typename: string) => boolean, result: ExecutionResult): void {
  for (const value of Object.values(result.data ?? {})) {
    const typename = (value as { __typename?: unknown } | null)?.__typename;
    if (typeof typename === 'string' && isError(typename)) metrics.errorReturned(typename);
  }
  for (const error of result.errors ?? []) {
    const code = error.extensions?.code;
    if (typeof code === 'string' && ERROR_CODE.test(code)) metrics.errorReturned(code);
  }
}

const seconds = (since: number) => (performance.now() - since) / 1000;

/** Request and execution latency by operation, and errors by type. */
export function useMetrics(metrics: Metrics): Plugin<Context> {
  const arrivals = new WeakMap<Request, number>();
  const operations = new WeakMap<Request, Operation>();
  let isError: ((typename: string) => boolean) | null = null;
  return {
    onRequest({ request }) {
      arrivals.set(request, performance.now());
    },
    onExecute({ args }) {
      const started = performance.now();
      const operation = operationOf(metrics, args.document, args.operationName);
      operations.set((args.contextValue as Context).request, operation);
      isError ??= errorTypes(args.schema);
      const typedErrors = isError;
      return {
        onExecuteDone({ result }) {
          metrics.operationExecuted(operation.kind, operation.name, seconds(started));
          if (!isAsyncIterable(result)) countErrors(metrics, typedErrors, result);
        },
      };
    },
    onSubscribe({ args }) {
      operations.set((args.contextValue as Context).request, operationOf(metrics, args.document, args.operationName));
    },
    onResponse({ request }) {
      const arrived = arrivals.get(request);
      if (arrived === undefined) return;
      const operation = operations.get(request) ?? NO_OPERATION;
      metrics.requestServed(operation.kind, operation.name, seconds(arrived));
    },
  };
}
