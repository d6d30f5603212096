import { GraphQLError } from 'graphql';
import { isMetadataUnreachable } from '../metadata/errors.js';

/** Seconds a client is asked to wait before trying again: a restart of the metadata database takes about as long. */
const RETRY_AFTER_SECONDS = 5;

/**
 * The typed answer to a request that failed because the metadata database (users, sessions, collaborators, events)
 * could not be reached: 503 with the METADATA_UNAVAILABLE code and a Retry-After, rather than a masked "Unexpected
 * error". Null for any other failure.
 */
export function metadataUnavailableAnswer(error: unknown): GraphQLError | null {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (!isMetadataUnreachable(original)) return null;
  return new GraphQLError("Rolecall's metadata database cannot be reached just now; try again in a few seconds.", {
    nodes: error instanceof GraphQLError ? error.nodes : undefined,
    path: error instanceof GraphQLError ? error.path : undefined,
    extensions: {
      code: 'METADATA_UNAVAILABLE',
      http: { status: 503, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } },
    },
  });
}
