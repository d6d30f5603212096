import { type ExecutionResult, GraphQLError } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { UnauthenticatedError } from '../errors.js';

function isUnauthenticated(error: GraphQLError): boolean {
  return error.originalError instanceof UnauthenticatedError;
}

/** A typed error with no original error, so Yoga's masking passes it as it is, and the 401 it asks for. */
function asAnswer(error: GraphQLError): GraphQLError {
  if (!isUnauthenticated(error)) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    path: error.path,
    extensions: { code: new UnauthenticatedError().code, http: { status: 401 } },
  });
}

/**
 * Signing in is the client's business, not a fault: a subscription that needs a viewer (`events`, which has no error
 * union) refuses an anonymous one with 401 and the UNAUTHENTICATED code, instead of a masked, logged 500.
 */
export function useUnauthenticatedAnswers(): Plugin {
  return {
    onSubscribe: () => ({
      onSubscribeResult({ result, setResult }) {
        if (isAsyncIterable(result)) return;
        const { errors } = result as ExecutionResult;
        if (errors?.some(isUnauthenticated)) setResult({ ...result, errors: errors.map(asAnswer) } as typeof result);
      },
    }),
  };
}
