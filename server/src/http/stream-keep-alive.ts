import type { ServerResponse } from 'node:http';

/**
 * Frees event streams (SSE) whose client went silent without closing. SSE has no way back to ask the client, so:
 * a peer gone from the network (its machine off, a cable out) is found by TCP keep-alive probes once the connection
 * has been idle for `intervalMs` (libuv then probes every second, ten times), and a client that stopped reading is
 * found by what is written to it (Yoga's pings, events) staying unsent for a whole round: it is dropped at the next
 * one, within twice `intervalMs` of its buffers filling up.
 */
export class StreamKeepAlive {
  /** Each stream, and whether it had something unsent at the last round without sending anything since. */
  private readonly streams = new Map<ServerResponse, { stalled: boolean; progressed: boolean }>();
  private readonly round: NodeJS.Timeout;

  constructor(private readonly intervalMs: number) {
    this.round = setInterval(() => this.check(), intervalMs);
    this.round.unref();
  }

  watch(response: ServerResponse): void {
    const socket = response.socket;
    if (!socket) return;
    socket.setKeepAlive(true, this.intervalMs);
    const state = { stalled: false, progressed: false };
    this.streams.set(response, state);
    const progressed = () => {
      state.progressed = true;
    };
    socket.on('drain', progressed);
    response.once('close', () => {
      socket.off('drain', progressed);
      this.streams.delete(response);
    });
  }

  get size(): number {
    return this.streams.size;
  }

  private check(): void {
    for (const [response, state] of this.streams) {
      // The response's own buffer and its socket's: what the kernel would not take yet.
      const unsent = response.writableLength;
      if (unsent === 0 || state.progressed) {
        state.stalled = unsent > 0;
        state.progressed = false;
        continue;
      }
      if (state.stalled) response.destroy();
      else state.stalled = true;
    }
  }

  stop(): void {
    clearInterval(this.round);
  }
}
