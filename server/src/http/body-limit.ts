import type { IncomingMessage, ServerResponse } from 'node:http';
import { Transform, type TransformCallback } from 'node:stream';

function refuseTooLarge(response: ServerResponse, maxBytes: number): void {
  if (response.headersSent) return;
  const message = `Request body too large: at most ${maxBytes} bytes.`;
  response.writeHead(413, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
  response.end(JSON.stringify({ errors: [{ message, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] }));
}

/** Passes a body through until it has carried more than `maxBytes`, then fails instead of holding more. */
class ByteLimit extends Transform {
  private received = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly exceeded: () => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.received += chunk.length;
    if (this.received > this.maxBytes) {
      this.exceeded();
      done(new Error('request body too large'));
    } else done(null, chunk);
  }
}

/**
 * Caps a request body at `maxBytes`, answering 413 with a JSON error: at once when Content-Length says more, or as
 * soon as a chunked body passes it, without buffering it. Returns whether the request may go on; a chunked body then
 * reaches the handler through the limit, as `request.body` (the Fetch adapter reads a body from there when set).
 */
export function limitRequestBody(request: IncomingMessage, response: ServerResponse, maxBytes: number): boolean {
  const declared = request.headers['content-length'];
  if (declared !== undefined) {
    if (Number(declared) <= maxBytes) return true;
    refuseTooLarge(response, maxBytes);
    return false;
  }
  if (request.headers['transfer-encoding'] === undefined) return true;
  const limited = new ByteLimit(maxBytes, () => {
    request.unpipe(limited);
    refuseTooLarge(response, maxBytes);
  });
  Object.assign(request, { body: request.pipe(limited) });
  return true;
}
