import { type DefaultConnectionArguments, resolveArrayConnection } from '@pothos/plugin-relay';
import { builder } from '../builder.js';

/**
 * Every list a read returns is a Relay connection (one shape for reads: an object, a connection, or an error). It
 * holds the whole list unless the client pages it with first/after or last/before; `totalCount` counts them all.
 */
export function listConnection<T>(args: DefaultConnectionArguments, items: readonly T[]) {
  const everything = Math.max(items.length, 1);
  return {
    ...resolveArrayConnection({ args, defaultSize: everything, maxSize: everything }, items),
    totalCount: items.length,
  };
}

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'How many there are in all, whatever page this is.',
    resolve: (connection) => {
      if (!('totalCount' in connection) || typeof connection.totalCount !== 'number') {
        throw new Error('A connection made without listConnection has no totalCount.');
      }
      return connection.totalCount;
    },
  }),
);
