import { GraphQLError } from 'graphql';
import { MessageType, stringifyMessage } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import {
  messageBytes,
  nextMessageBytes,
  nextMessageFrame,
  nextMessageHead,
  serialisedOnce,
  withPayload,
} from '../src/http/shared-payloads.js';

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

describe('a live event written at once to a WebSocket, past graphql-ws', () => {
  it('is the very message graphql-ws would send, for any id, encoded once per id', () => {
    for (const id of ['1', 'a"b\\c', '"\\u0000rolecall-serialised-payload"}', '🐘']) {
      const bytes = nextMessageBytes(nextMessageHead(id), result);
      expect(bytes.toString()).toBe(asGraphqlWsSendsIt(id));
      expect(nextMessageBytes(nextMessageHead(id), result)).toBe(bytes);
    }
  });
});

describe('a live event framed for a WebSocket', () => {
  /** Reads one final, unmasked text frame the way a client does: opcode, length, then the payload. */
  function unframe(frame: Buffer): string {
    expect(frame[0]).toBe(0x81);
    const short = (frame[1] as number) & 0x7f;
    const [length, offset] =
      short === 126 ? [frame.readUInt16BE(2), 4] : short === 127 ? [Number(frame.readBigUInt64BE(2)), 10] : [short, 2];
    expect(frame.length).toBe(offset + length);
    return frame.subarray(offset).toString();
  }

  it('carries the same message in one text frame, whatever its length', () => {
    const sizes = [10, 200, 70_000];
    for (const size of sizes) {
      const sized = { data: { events: { sql: ['x'.repeat(size)] } } };
      const bytes = nextMessageBytes(nextMessageHead('7'), sized);
      expect(unframe(nextMessageFrame(nextMessageHead('7'), sized))).toBe(bytes.toString());
    }
  });
});
