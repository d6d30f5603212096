import { GraphQLError } from 'graphql';
import { builder } from '../builder.js';

// parseValue must accept what it returned: graphql-jit coerces a subscription's variables again for each event.

builder.scalarType('DateTime', {
  description: 'An ISO-8601 instant.',
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    if (value instanceof Date) return value;
    const date = new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime must be an ISO-8601 string.');
    return date;
  },
});

builder.scalarType('BigCursor', {
  description: 'A position in the event log, as a decimal string.',
  serialize: (value) => value.toString(),
  parseValue: (value) => {
    if (typeof value === 'bigint') return value;
    if (typeof value !== 'string' || !/^\d{1,19}$/.test(value))
      throw new GraphQLError('BigCursor must be a decimal string.');
    return BigInt(value);
  },
});
