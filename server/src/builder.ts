import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import type { Context } from './context.js';
import type PrismaTypes from './generated/pothos-types.js';
import { getDatamodel } from './generated/pothos-types.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    BigCursor: { Input: bigint; Output: bigint };
  };
  DefaultFieldNullability: false;
}>({
  // The errors plugin must come before the Prisma plugin so `errors` works on prisma fields.
  plugins: [ErrorsPlugin, PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  errors: { directResult: true },
  prisma: {
    client: (context) => context.metadata,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // `nodes` beside `edges`: clients that need no cursors read a list plainly.
    nodesOnConnection: true,
    // Generic node(id:) lookups would bypass per-type authorization; every type has its own guarded query.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
});
