import { Client, fetchExchange } from '@urql/core';

/** The browser's GraphQL client: same-origin cookies, and the header that proves a request is not a cross-site form. */
export const client = new Client({
  url: '/graphql',
  exchanges: [fetchExchange],
  preferGetMethod: false,
  requestPolicy: 'network-only',
  fetchOptions: () => ({ credentials: 'same-origin', headers: { 'x-rolecall-csrf': '1' } }),
});

/** The message of a typed error result, or null when the field succeeded. */
export function errorMessage(result: { __typename?: string; message?: string } | null | undefined): string | null {
  return result && 'message' in result && typeof result.message === 'string' ? result.message : null;
}
