import type { ExecutionResult } from 'graphql';
import { RecentStrings } from './recent-strings.js';

/**
 * What a `next` message's payload is serialised to before its real JSON is spliced in: a string no payload
 * serialises to, since the real payload is only inserted after.
 */
const PLACEHOLDER = '"\\u0000rolecall-serialised-payload"}';

/** The marker being serialised now: set by its toJSON, taken by the send that follows at once. */
let serialising: SerialisedPayload | null = null;

/**
 * A result serialised once for all the subscriptions it is handed to (shared-subscriptions.ts): graphql-ws
 * serialises every `next` message whole, which for a thousand dashboards means the same payload a thousand times.
 * Its JSON is the same as graphql-ws's own serialisation of the result (a GraphQLError serialises by its toJSON).
 */
class SerialisedPayload {
  readonly json: string;
  /** Whole messages as bytes, by what precedes the payload (the operation's id): most clients number theirs alike. */
  private readonly messages = new Map<string, Buffer>();
  /** The same messages framed for a WebSocket, for the connections they are written to directly. */
  private readonly frames = new Map<string, Buffer>();

  constructor(result: ExecutionResult) {
    this.json = JSON.stringify(result);
  }

  toJSON(): string {
    serialising = this;
    return '\u0000rolecall-serialised-payload';
  }

  bytes(head: string): Buffer {
    let message = this.messages.get(head);
    if (!message) {
      message = Buffer.from(`${head}${this.json}}`);
      if (this.messages.size < MAX_HEADS) this.messages.set(head, message);
    }
    return message;
  }

  frame(head: string): Buffer {
    let frame = this.frames.get(head);
    if (!frame) {
      frame = textFrame(this.bytes(head));
      if (this.frames.size < MAX_HEADS) this.frames.set(head, frame);
    }
    return frame;
  }
}

/** A final, unmasked text frame (RFC 6455 5.2), as a server sends one without compression. */
function textFrame(payload: Buffer): Buffer {
  const length = payload.length;
  const headerLength = length <= 125 ? 2 : length <= 0xffff ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x81;
  if (length <= 125) frame[1] = length;
  else if (length <= 0xffff) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  payload.copy(frame, headerLength);
  return frame;
}

/** Distinct operation ids whose message bytes one payload keeps. */
const MAX_HEADS = 64;

const payloads = new WeakMap<ExecutionResult, SerialisedPayload>();

/** For graphql-ws's onNext: the payload to send in place of the result, serialised once per result object. */
export function serialisedOnce(result: ExecutionResult): object {
  let payload = payloads.get(result);
  if (!payload) {
    payload = new SerialisedPayload(result);
    payloads.set(result, payload);
  }
  return payload;
}

/** Heads by operation id, each made once: every subscription of a thousand dashboards holds its own. */
const heads = new RecentStrings(MAX_HEADS);

/** What precedes the payload in operation `id`'s `next` messages, as graphql-ws writes them (`{"id","type","payload"}`). */
export function nextMessageHead(id: string): string {
  return heads.shared(id, (operation) => `{"id":${JSON.stringify(operation)},"type":"next","payload":`);
}

/** A `next` message with this result after `head` (nextMessageHead), as bytes shared by every connection it goes to. */
export function nextMessageBytes(head: string, result: ExecutionResult): Buffer {
  return (serialisedOnce(result) as SerialisedPayload).bytes(head);
}

/** The same message as a whole WebSocket frame, for writing straight to a connection's TCP socket. */
export function nextMessageFrame(head: string, result: ExecutionResult): Buffer {
  return (serialisedOnce(result) as SerialisedPayload).frame(head);
}

/**
 * A message as graphql-ws serialised it, with the payload's JSON in place of its placeholder. graphql-ws calls the
 * socket's send with the message straight after serialising it, with nothing in between, so the payload serialised
 * last is this message's.
 */
export function withPayload(message: string): string {
  const payload = serialising;
  serialising = null;
  if (payload === null || !message.endsWith(PLACEHOLDER)) return message;
  return `${message.slice(0, -PLACEHOLDER.length)}${payload.json}}`;
}

/**
 * The same message as UTF-8 bytes, for a WebSocket: a payload's message for one operation id is encoded once, and
 * every connection sends those bytes.
 */
export function messageBytes(message: string): string | Buffer {
  const payload = serialising;
  serialising = null;
  if (payload === null || !message.endsWith(PLACEHOLDER)) return message;
  return payload.bytes(message.slice(0, -PLACEHOLDER.length));
}
