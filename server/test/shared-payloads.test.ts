import { GraphQLError } from 'graphql';
import { MessageType, stringifyMessage } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import { messageBytes, serialisedOnce, withPayload } from '../src/http/shared-payloads.js';

const result = {
  data: {
    events: { kind: 'privileges.changed', sql: ['GRANT SELECT ON TABLE "s"."t" TO "a""b"'], note: 'é 🐘 \u0000' },
  },
  errors: [
    new GraphQLError('Unexpected error.', { path: ['events', 'acl'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
  ],
};

/** The message graphql-ws's own emit would send for this result. */
function asGraphqlWsSendsIt(id: string): string {
  const { errors, ...rest } = result;
  return stringifyMessage({ id, type: MessageType.Next, payload: { ...rest, errors: errors.map((e) => e.toJSON()) } });
}

describe('a payload serialised once for every subscription it goes to', () => {
  it('makes the very message graphql-ws would, errors included, for any id', () => {
    for (const id of ['1', 'a"b\\c', '"\\u0000rolecall-serialised-payload"}', '🐘']) {
      const message = withPayload(stringifyMessage({ id, type: MessageType.Next, payload: serialisedOnce(result) }));
      expect(message).toBe(asGraphqlWsSendsIt(id));
    }
  });

  it('serialises one result once, and leaves other messages alone', () => {
    expect(serialisedOnce(result)).toBe(serialisedOnce(result));
    const complete = stringifyMessage({ id: '1', type: MessageType.Complete });
    expect(withPayload(complete)).toBe(complete);
  });
});

describe('a payload sent as bytes over WebSockets', () => {
  it('is the same message, encoded once for every connection whose operation has the same id', () => {
    const send = (id: string) =>
      messageBytes(stringifyMessage({ id, type: MessageType.Next, payload: serialisedOnce(result) }));
    const first = send('1');
    expect(Buffer.isBuffer(first)).toBe(true);
    expect(first.toString()).toBe(asGraphqlWsSendsIt('1'));
    expect(send('1')).toBe(first);
    expect(send('2').toString()).toBe(asGraphqlWsSendsIt('2'));
    const complete = stringifyMessage({ id: '1', type: MessageType.Complete });
    expect(messageBytes(complete)).toBe(complete);
  });
});
