import type { ExecutionResult } from 'graphql';

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
