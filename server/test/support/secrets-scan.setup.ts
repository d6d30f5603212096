/**
 * Loaded before every test file (vitest `setupFiles`): records every response body the file's code fetches and every
 * WebSocket message its clients receive, and after the file fails it if any of its `secret()` passwords occur in
 * those, in the logs of the apps it started, or in their Event tables (see secrets-scan.ts).
 */
import { afterAll } from 'vitest';
import WebSocket from 'ws';
import { describeLeaks, leaksOfThisFile, recordingStream, transcript } from './secrets-scan.js';

const ORIGINAL_FETCH = Symbol.for('rolecall.test.fetch');
const ORIGINAL_EMIT = Symbol.for('rolecall.test.ws-emit');

type Patched<T> = T & { [key: symbol]: unknown };

/** A response whose body is recorded as it is read; cancelling it still cancels the request. */
function recorded(response: Response): Response {
  if (!response.body) return response;
  const copy = new Response(response.body.pipeThrough(recordingStream()), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  Object.defineProperties(copy, { url: { value: response.url }, redirected: { value: response.redirected } });
  return copy;
}

function recordFetches(): void {
  const global = globalThis as Patched<typeof globalThis>;
  // A worker may run several files: always wrap the real fetch, so each file records into its own transcript.
  global[ORIGINAL_FETCH] ??= globalThis.fetch;
  const original = global[ORIGINAL_FETCH] as typeof fetch;
  globalThis.fetch = async (input, init) => recorded(await original(input, init));
}

/** Messages that client sockets receive; a server's own sockets (no `url`) receive what the tests sent. */
function recordWebSocketMessages(): void {
  const prototype = WebSocket.prototype as Patched<WebSocket>;
  prototype[ORIGINAL_EMIT] ??= prototype.emit;
  const emit = prototype[ORIGINAL_EMIT] as WebSocket['emit'];
  prototype.emit = function (this: WebSocket, event: string | symbol, ...args: unknown[]) {
    if (event === 'message' && this.url) transcript.push(String(args[0]));
    return emit.call(this, event, ...args);
  };
}

recordFetches();
recordWebSocketMessages();

afterAll(async () => {
  const leaks = await leaksOfThisFile();
  if (leaks.length > 0) throw new Error(describeLeaks(leaks));
});
