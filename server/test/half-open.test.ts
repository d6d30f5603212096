import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CSRF_HEADER } from '../src/app.js';
import { startTestApp, type TestApp } from './support/app.js';
import { createApiToken, setupAdmin } from './support/fixtures.js';

/**
 * Clients that stop answering without closing (a laptop lid shut, a network gone): the server must find them by its
 * keep-alives and free what they hold. The interval is short here; the default (12 s) frees them within 24 s.
 */
const KEEP_ALIVE_MS = 500;
/** Issue 18's bound, whatever the interval. */
const FREED_WITHIN_MS = 30_000;
const METRICS_TOKEN = `metrics-${randomBytes(18).toString('base64url')}`;
const WATCH = 'subscription { events { cursor sql } }';

let testApp: TestApp;
let token: string;

/** A gauge of the instance's /metrics, summed over the samples whose labels include `labels`. */
async function gauge(name: string, labels = ''): Promise<number> {
  const response = await fetch(`${testApp.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  const text = await response.text();
  const pattern = new RegExp(`^${name}(\\{[^}]*\\})? (\\S+)$`, 'gm');
  let sum = 0;
  for (const [, sampleLabels, value] of text.matchAll(pattern))
    if ((sampleLabels ?? '').includes(labels)) sum += Number(value);
  return sum;
}

async function eventually(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Date.now() - started;
}

/** A graphql-ws client, by hand: resolves once its subscription runs (its first `next` may come later). */
function subscribeOverWebSocket(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${testApp.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    socket.on('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
    );
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string };
      if (message.type !== 'connection_ack') return;
      socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: WATCH } }));
      resolve(socket);
    });
    socket.on('error', reject);
  });
}

/** An SSE subscription over a bare TCP socket: resolves once the response's headers have come. */
function subscribeOverSse(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(testApp.url);
    const body = JSON.stringify({ query: WATCH });
    const socket = connect(Number(port), '127.0.0.1', () =>
      socket.write(
        [
          'POST /graphql HTTP/1.1',
          `host: 127.0.0.1:${port}`,
          'content-type: application/json',
          'accept: text/event-stream',
          `${CSRF_HEADER}: 1`,
          `authorization: Bearer ${token}`,
          `content-length: ${Buffer.byteLength(body)}`,
          '',
          body,
        ].join('\r\n'),
      ),
    );
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString();
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      if (!head.startsWith('HTTP/1.1 200')) reject(new Error(head));
      else resolve(socket);
    };
    socket.on('data', onData);
    socket.on('error', reject);
  });
}

/**
 * Events an admin's stream carries, large enough (8 MiB in all) that a client which has stopped reading fills the
 * kernel's buffers between it and the server: what the server then writes cannot leave.
 */
async function flood(): Promise<void> {
  const { metadata, events } = testApp.app.services;
  const sql = [`-- ${'x'.repeat(32 * 1024)}`];
  await metadata.$transaction(
    async (tx) => {
      for (let n = 0; n < 256; n++)
        await events.record(tx, {
          kind: 'user.updated',
          actorId: null,
          payload: { user: `flood${n}`, changed: [] },
          sql,
        });
    },
    { timeout: 60_000 },
  );
}

beforeAll(async () => {
  testApp = await startTestApp({
    ROLECALL_METRICS_TOKEN: METRICS_TOKEN,
    ROLECALL_KEEP_ALIVE_MS: String(KEEP_ALIVE_MS),
  });
  const admin = testApp.client();
  await setupAdmin(admin);
  token = await createApiToken(admin, 'half-open');
});

afterAll(async () => {
  await testApp?.stop();
});

describe('a client that stops answering without closing', () => {
  it('over a WebSocket is dropped by the keep-alive pings, its subscription ended, while one that answers stays', async () => {
    const healthy = await subscribeOverWebSocket();
    const silent = await subscribeOverWebSocket();
    await eventually(
      async () => (await gauge('rolecall_subscriptions', 'transport="websocket"')) === 2,
      10_000,
      'both subscriptions running',
    );
    // The client stops reading: it neither sees the server's pings nor answers them, and never closes.
    (silent as unknown as { _socket: Socket })._socket.pause();
    const freedIn = await eventually(
      async () =>
        (await gauge('rolecall_websocket_connections')) === 1 &&
        (await gauge('rolecall_subscriptions', 'transport="websocket"')) === 1,
      FREED_WITHIN_MS,
      'the silent connection dropped',
    );
    expect(freedIn).toBeLessThan(FREED_WITHIN_MS);
    // Several rounds of pings later, the client that answers them is still connected.
    await new Promise((resolve) => setTimeout(resolve, 4 * KEEP_ALIVE_MS));
    expect(healthy.readyState).toBe(WebSocket.OPEN);
    expect(await gauge('rolecall_subscriptions', 'transport="websocket"')).toBe(1);
    healthy.close();
    silent.terminate();
  });

  it('over SSE is dropped once what is written to it cannot leave, its stream ended, while one that reads stays', async () => {
    const reading = await subscribeOverSse();
    let readBytes = 0;
    reading.on('data', (chunk: Buffer) => {
      readBytes += chunk.length;
    });
    const silent = await subscribeOverSse();
    await eventually(
      async () => (await gauge('rolecall_subscriptions', 'transport="sse"')) === 2,
      10_000,
      'both streams running',
    );
    silent.pause();
    await flood();
    const freedIn = await eventually(
      async () => (await gauge('rolecall_subscriptions', 'transport="sse"')) === 1,
      FREED_WITHIN_MS,
      'the silent stream ended',
    );
    expect(freedIn).toBeLessThan(FREED_WITHIN_MS);
    // The client that reads got the whole flood and is still connected.
    await eventually(async () => readBytes > 8 * 1024 * 1024, 10_000, 'the reading client received the flood');
    expect(reading.destroyed).toBe(false);
    expect(await gauge('rolecall_subscriptions', 'transport="sse"')).toBe(1);
    reading.destroy();
    silent.destroy();
  });
});
