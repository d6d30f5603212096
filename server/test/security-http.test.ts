import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { chromiumAvailable, launchChromium, pageSignedInAs } from '../../web/test/support/browser.js';
import { type App, buildApp, CSRF_HEADER } from '../src/app.js';
import { fromRoot } from '../src/paths.js';
import { type Instance, startTestApp, type TestApp, transcript } from './support/app.js';
import type { TestClient } from './support/client.js';
import { connectShop, createApiToken, setupAdmin } from './support/fixtures.js';
import { wsClient } from './support/subscriptions.js';

/**
 * HTTP and WebSocket hardening, over real HTTP, WebSockets, SSE and a real browser: who gets CORS and who may read
 * with the session cookie, the security headers of every response, size limits of bodies and WebSocket messages,
 * subscription caps, and the answer to an anonymous SSE subscription.
 */

const MiB = 1024 * 1024;
const SUBSCRIBE = 'subscription { events { cursor } }';

let testApp: TestApp;
let admin: TestClient;
let cookie: string;
let token: string;
let shopId: string;

beforeAll(async () => {
  testApp = await startTestApp();
  admin = testApp.client();
  await setupAdmin(admin);
  cookie = admin.sessionCookie as string;
  token = await createApiToken(admin, 'http');
  shopId = await connectShop(testApp, admin, []);
});

afterAll(async () => {
  await testApp?.stop();
});

interface Answer {
  status: number;
  headers: Headers;
  body: string;
}

/** A request to the app as a browser page or the CLI would send it; the body is kept for the secrets scan. */
async function send(path: string, init: RequestInit = {}, url = testApp.url): Promise<Answer> {
  const response = await fetch(`${url}${path}`, init);
  const body = await response.text();
  transcript.push(body);
  return { status: response.status, headers: response.headers, body };
}

/** The first answer of an SSE request, without waiting for a stream that never ends. */
async function sseStatus(init: RequestInit & { headers: Record<string, string> }, path = '/graphql'): Promise<Answer> {
  const abort = new AbortController();
  const response = await fetch(`${testApp.url}${path}`, {
    ...init,
    headers: { accept: 'text/event-stream', ...init.headers },
    signal: abort.signal,
  });
  const body = response.status === 200 ? '' : await response.text();
  abort.abort();
  transcript.push(body);
  return { status: response.status, headers: response.headers, body };
}

/** Log lines above info since `from`. */
const loudLogs = (from: number) => testApp.logs.slice(from).filter((line) => JSON.parse(line).level > 30);

const queryPath = (query: string) => `/graphql?query=${encodeURIComponent(query)}`;

describe('CORS and cross-origin reads', () => {
  let configured: Instance;

  beforeAll(async () => {
    configured = await testApp.startInstance({
      ROLECALL_ALLOWED_ORIGINS: 'https://app.example',
      PUBLIC_URL: 'https://rolecall.example/base',
    });
  });

  afterAll(async () => {
    await configured?.stop();
  });

  const corsOf = async (origin: string, method = 'POST') => {
    const answer = await send(
      '/graphql',
      method === 'OPTIONS'
        ? {
            method,
            headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': CSRF_HEADER },
          }
        : {
            method,
            headers: { origin, 'content-type': 'application/json', [CSRF_HEADER]: '1' },
            body: JSON.stringify({ query: '{ setupRequired }' }),
          },
      configured.url,
    );
    return {
      origin: answer.headers.get('access-control-allow-origin'),
      credentials: answer.headers.get('access-control-allow-credentials'),
    };
  };

  it('allows credentialed CORS only for its own origin, PUBLIC_URL and ROLECALL_ALLOWED_ORIGINS', async () => {
    for (const origin of [configured.url, 'https://app.example', 'https://rolecall.example']) {
      for (const method of ['POST', 'OPTIONS'])
        expect(await corsOf(origin, method), `${method} ${origin}`).toEqual({ origin, credentials: 'true' });
    }
    const port = new URL(configured.url).port;
    for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${Number(port) + 1}`, 'http://localhost']) {
      for (const method of ['POST', 'OPTIONS'])
        expect(await corsOf(origin, method), `${method} ${origin}`).toEqual({ origin: null, credentials: null });
    }
  });

  it('refuses a GET query carrying the session cookie from another port, a sibling site or another site with 403', async () => {
    const headers = { cookie, [CSRF_HEADER]: '1', accept: 'application/graphql-response+json' };
    const otherPort = `http://127.0.0.1:${Number(new URL(testApp.url).port) + 1}`;
    const foreigners: Record<string, string>[] = [
      { origin: otherPort },
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const foreign of foreigners) {
      const answer = await send(queryPath('{ viewer { id } }'), { headers: { ...headers, ...foreign } });
      expect(answer.status, JSON.stringify(foreign)).toBe(403);
      expect(answer.headers.get('content-type')).toMatch(/application\/json/);
      expect(JSON.parse(answer.body).errors[0].message).toMatch(/cross-origin/i);
      expect(answer.body).not.toContain('"viewer"');
    }
    // Its own pages read as before; a bearer token carries no ambient credential, so any origin may use one.
    const own: Record<string, string>[] = [{ origin: testApp.url }, { 'sec-fetch-site': 'same-origin' }, {}];
    for (const ours of own) {
      const answer = await send(queryPath('{ viewer { id } }'), { headers: { ...headers, ...ours } });
      expect(JSON.parse(answer.body).data.viewer.id, JSON.stringify(ours)).toBeTruthy();
    }
    const bearer = await send(queryPath('{ viewer { id } }'), {
      headers: { authorization: `Bearer ${token}`, origin: 'https://evil.example', [CSRF_HEADER]: '1' },
    });
    expect(JSON.parse(bearer.body).data.viewer.id).toBeTruthy();
  });

  it('refuses an SSE subscription carrying the session cookie from another origin, and keeps its own', async () => {
    const path = queryPath(SUBSCRIBE);
    const foreign = await sseStatus({ headers: { cookie, [CSRF_HEADER]: '1', origin: 'http://localhost:1' } }, path);
    expect(foreign.status).toBe(403);
    const sibling = await sseStatus({ headers: { cookie, [CSRF_HEADER]: '1', 'sec-fetch-site': 'same-site' } }, path);
    expect(sibling.status).toBe(403);
    const own = await sseStatus({ headers: { cookie, [CSRF_HEADER]: '1', origin: testApp.url } }, path);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toMatch(/text\/event-stream/);
  });

  it('never runs a mutation sent as GET, even from its own origin (405)', async () => {
    const mutation = queryPath('mutation { logout }');
    const answer = await send(mutation, { headers: { cookie, [CSRF_HEADER]: '1', origin: testApp.url } });
    expect(answer.status).toBe(405);
    const foreign = await send(mutation, { headers: { cookie, [CSRF_HEADER]: '1', origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(
      JSON.parse((await send(queryPath('{ viewer { id } }'), { headers: { cookie, [CSRF_HEADER]: '1' } })).body),
    ).toMatchObject({ data: { viewer: { id: expect.any(String) } } });
  });
});

const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
];

function expectSecurityHeaders(answer: Answer, what: string): void {
  const csp = answer.headers.get('content-security-policy') ?? '';
  for (const directive of STRICT_CSP) expect(csp, what).toContain(directive);
  expect(csp, what).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+ wss:\/\/127\.0\.0\.1:\d+/);
  expect(csp, what).not.toContain('unsafe');
  expect(answer.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(answer.headers.get('referrer-policy'), what).toBe('no-referrer');
  expect(answer.headers.get('x-frame-options'), what).toBe('DENY');
}

describe('security headers', () => {
  it('are on every response: the web app, its files, its routes, and /graphql answers and errors', async () => {
    const script = readdirSync(fromRoot('web', 'dist', 'assets')).find((name) => name.endsWith('.js'));
    const json = { 'content-type': 'application/json', [CSRF_HEADER]: '1' };
    const answers: [string, Answer, number][] = [
      ['index.html', await send('/'), 200],
      ['a script', await send(`/assets/${script}`), 200],
      ['a route of the app', await send('/databases/x/roles'), 200],
      ['a query', await send(queryPath('{ setupRequired }'), { headers: { [CSRF_HEADER]: '1' } }), 200],
      ['a POST', await send('/graphql', { method: 'POST', headers: json, body: '{"query":"{ setupRequired }"}' }), 200],
      ['bad JSON', await send('/graphql', { method: 'POST', headers: json, body: '{' }), 400],
      ['no CSRF header', await send(queryPath('{ setupRequired }')), 403],
      [
        'a cross-origin POST',
        await send('/graphql', { method: 'POST', headers: { ...json, origin: 'https://evil.example' }, body: '{}' }),
        403,
      ],
      ['an unknown API path', await send('/graphql/nothing', { headers: { [CSRF_HEADER]: '1' } }), 404],
      ['a mutation as GET', await send(queryPath('mutation { logout }'), { headers: { [CSRF_HEADER]: '1' } }), 405],
      ['a body too large', await send('/graphql', { method: 'POST', headers: json, body: 'x'.repeat(MiB + 1) }), 413],
    ];
    for (const [what, answer, status] of answers) {
      expect(answer.status, what).toBe(status);
      expectSecurityHeaders(answer, what);
    }
  });

  it('are on the page shown when the web app is not built', async () => {
    const app: App = buildApp(testApp.app.services, { webRoot: '/nonexistent/web/dist' });
    const url = await app.start(0);
    try {
      const answer = await send('/', {}, url);
      expect(answer.body).toContain('The web app is not built');
      expectSecurityHeaders(answer, 'the not-built page');
    } finally {
      await app.stop();
    }
  });

  it('loosen only on the GraphiQL page in development, which loads its editor from unpkg', async () => {
    const development = await testApp.startInstance({ NODE_ENV: 'development' });
    try {
      const graphiql = await send('/graphql', { headers: { accept: 'text/html' } }, development.url);
      expect(graphiql.body).toContain('https://unpkg.com/@graphql-yoga/graphiql');
      const csp = graphiql.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self' 'unsafe-inline' https://unpkg.com");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(graphiql.headers.get('x-frame-options')).toBe('DENY');
      expectSecurityHeaders(await send('/', {}, development.url), 'index.html in development');
    } finally {
      await development.stop();
    }
  });
});

describe.skipIf(!chromiumAvailable())('the web app under its CSP in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads, goes live over its WebSocket and draws the role graph with no CSP violation', async () => {
    const page = await pageSignedInAs(browser, testApp.url, admin);
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/content security policy/i.test(message.text())) violations.push(message.text());
    });
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { reportViolation(text: string): void }).reportViolation(
          `${event.violatedDirective} ${event.blockedURI}`,
        ),
      );
    });
    const response = await page.goto(`${testApp.url}/databases/${encodeURIComponent(shopId)}/roles`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByTestId('role-graph').waitFor();
    await expect.poll(() => page.getByTestId('connection').textContent()).toContain('Live');
    await page.goto(`${testApp.url}/databases/${encodeURIComponent(shopId)}`);
    await page.getByTestId('connection').waitFor();
    await page.goto(`${testApp.url}/`);
    await page.getByTestId('connection').waitFor();
    expect(violations).toEqual([]);
    await page.context().close();
  });
});

/** Where the process's memory is at, in bytes: resident, and JavaScript's heap plus buffers. */
function memory() {
  const usage = process.memoryUsage();
  return { rss: usage.rss, heap: usage.heapUsed + usage.arrayBuffers };
}

/** Sends one `connection_init` of `mib` MiB from another process, whose memory is not the server's (this one's). */
function sendHugeInit(url: string, mib: number, onOpen: () => void): Promise<number> {
  const script = `
    import WebSocket from 'ws';
    const init = Buffer.alloc(${mib} * 1024 * 1024, 'x');
    init.write('{"type":"connection_init","payload":{"pad":"');
    init.write('"}}', init.length - 3);
    const socket = new WebSocket(process.argv[1], 'graphql-transport-ws');
    socket.on('open', () => {
      console.log('open');
      socket.send(init, { binary: false });
    });
    socket.on('error', () => undefined);
    socket.on('close', (code) => { console.log('closed ' + code); process.exit(0); });
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, `${url.replace('http', 'ws')}/graphql`], {
    cwd: fromRoot(),
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += String(chunk);
      if (String(chunk).includes('open')) onOpen();
      const closed = output.match(/closed (\d+)/);
      if (closed) resolve(Number(closed[1]));
    });
    child.on('exit', () => setTimeout(() => reject(new Error(`no close code: ${output}`)), 100));
  });
}

/** Opens a graphql-ws connection, sends `init` (or the default) and resolves with the socket once acknowledged. */
function openSocket(init: string): Promise<{ socket: WebSocket; ack: Promise<boolean>; closed: Promise<number> }> {
  const socket = new WebSocket(`${testApp.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  const ack = new Promise<boolean>((resolve) => {
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'connection_ack') resolve(true);
    });
    socket.on('close', () => resolve(false));
  });
  return new Promise((resolve) =>
    socket.on('open', () => {
      socket.send(init);
      resolve({ socket, ack, closed });
    }),
  );
}

const initWith = (payload: Record<string, unknown>) => JSON.stringify({ type: 'connection_init', payload });

describe('size limits', () => {
  it('closes an anonymous 90 MiB connection_init with 1009, holding no more than a few MiB, and answers queries meanwhile', async () => {
    const query = () =>
      send('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' },
        body: JSON.stringify({ query: '{ setupRequired }' }),
      });
    // The same round with a small message first, so that what the first round loads is not counted as growth.
    await query();
    expect(await sendHugeInit(testApp.url, 0.01, () => undefined)).toBe(4403);
    const before = memory();
    const peak = { ...before };
    const sampler = setInterval(() => {
      const now = memory();
      peak.rss = Math.max(peak.rss, now.rss);
      peak.heap = Math.max(peak.heap, now.heap);
    }, 2);
    let answered: Promise<Answer> | undefined;
    let answeredIn = 0;
    const codes: number[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      codes.push(
        await sendHugeInit(testApp.url, 90, () => {
          const started = performance.now();
          answered ??= query().finally(() => {
            answeredIn = performance.now() - started;
          });
        }),
      );
    }
    clearInterval(sampler);
    expect(codes).toEqual([1009, 1009, 1009]);
    expect(JSON.parse((await answered)?.body ?? '{}')).toEqual({ data: { setupRequired: false } });
    expect(answeredIn).toBeLessThan(2_000);
    expect((peak.heap - before.heap) / MiB).toBeLessThan(8);
    expect((peak.rss - before.rss) / MiB).toBeLessThan(16);
  });

  it('closes a connection whose first message is over 64 KiB with 1009', async () => {
    const { ack, closed } = await openSocket(initWith({ authorization: `Bearer ${token}`, pad: 'x'.repeat(70_000) }));
    expect(await ack).toBe(false);
    expect(await closed).toBe(1009);
  });

  it('once acknowledged, accepts messages up to 1 MiB and closes the connection on a larger one with 1009', async () => {
    const { socket, ack, closed } = await openSocket(initWith({ authorization: `Bearer ${token}` }));
    expect(await ack).toBe(true);
    const answers: string[] = [];
    socket.on('message', (data) => answers.push(String(data)));
    const pad = (bytes: number) => ({ pad: 'x'.repeat(bytes) });
    socket.send(
      JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '{ setupRequired }', variables: pad(900_000) } }),
    );
    await expect.poll(() => answers.join('\n')).toContain('"setupRequired":false');
    socket.send(
      JSON.stringify({ id: '2', type: 'subscribe', payload: { query: '{ setupRequired }', variables: pad(MiB + 10) } }),
    );
    expect(await closed).toBe(1009);
    expect(answers.filter((answer) => answer.includes('"id":"2"'))).toEqual([]);
  });

  /** A raw HTTP POST, so that the answer is read even if the server stops reading the body. */
  function postRaw(
    chunks: Buffer[],
    headers: Record<string, string | number>,
  ): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const request = httpRequest(`${testApp.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1', ...headers },
      });
      request.on('response', (response) => {
        let body = '';
        response.on('data', (chunk) => {
          body += String(chunk);
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        response.on('error', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on('error', reject);
      const next = (index: number) => {
        if (index === chunks.length) return request.end();
        if (request.destroyed) return;
        request.write(chunks[index], () => setImmediate(() => next(index + 1)));
      };
      next(0);
    });
  }

  const bodyOf = (bytes: number) =>
    Buffer.from(JSON.stringify({ query: '{ setupRequired }', variables: { pad: 'x'.repeat(bytes) } }));

  it('refuses a /graphql body over 1 MiB with 413 and a JSON error, by its Content-Length or as it streams in', async () => {
    const logsBefore = testApp.logs.length;
    const large = bodyOf(3 * MiB);
    const declared = await postRaw([large], { 'content-length': large.length });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).errors[0].message).toMatch(/too large/i);
    const chunks = Array.from({ length: 48 }, (_, index) => large.subarray(index * 64 * 1024, (index + 1) * 64 * 1024));
    const chunked = await postRaw(chunks, { 'transfer-encoding': 'chunked' });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body).errors[0].message).toMatch(/too large/i);
    const small = bodyOf(900_000);
    const fits = await postRaw([small.subarray(0, 500_000), small.subarray(500_000)], {
      'transfer-encoding': 'chunked',
    });
    expect(JSON.parse(fits.body)).toEqual({ data: { setupRequired: false } });
    expect(loudLogs(logsBefore)).toEqual([]);
  });
});

describe('subscription caps', () => {
  let capped: Instance;

  beforeAll(async () => {
    capped = await testApp.startInstance({
      ROLECALL_MAX_SUBSCRIPTIONS_PER_CONNECTION: '3',
      ROLECALL_MAX_SUBSCRIPTIONS_PER_USER: '5',
    });
  });

  afterAll(async () => {
    await capped?.stop();
  });

  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  /** Subscribes and reports how it ended: still running, or the errors it ended with. */
  function subscribe(client: ReturnType<typeof wsClient>) {
    const state: { errors?: unknown; completed: boolean; stop: () => void } = {
      completed: false,
      stop: () => undefined,
    };
    state.stop = client.subscribe(
      { query: SUBSCRIBE },
      {
        next: (value) => {
          if (value.errors) state.errors = value.errors;
        },
        error: (error) => {
          state.errors = error;
        },
        complete: () => {
          state.completed = true;
        },
      },
    );
    return state;
  }

  it('refuses a connection’s subscription beyond ROLECALL_MAX_SUBSCRIPTIONS_PER_CONNECTION with an error for that id', async () => {
    const client = wsClient(capped.url, token);
    const running = [subscribe(client), subscribe(client), subscribe(client)];
    await settle();
    const fourth = subscribe(client);
    await expect.poll(() => JSON.stringify(fourth.errors ?? null)).toContain('TOO_MANY_SUBSCRIPTIONS');
    expect(running.map((state) => state.errors ?? state.completed)).toEqual([false, false, false]);
    running[0]?.stop();
    await settle();
    const replacement = subscribe(client);
    await settle();
    expect(replacement.errors ?? replacement.completed).toBe(false);
    for (const state of [...running, replacement]) state.stop();
    await client.dispose();
  });

  it('refuses a user’s subscription beyond ROLECALL_MAX_SUBSCRIPTIONS_PER_USER across connections and SSE', async () => {
    const first = wsClient(capped.url, token);
    const second = wsClient(capped.url, token);
    const running = [subscribe(first), subscribe(first), subscribe(first), subscribe(second)];
    await settle();
    const sse = new AbortController();
    const fifth = await fetch(`${capped.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: SUBSCRIBE }),
      signal: sse.signal,
    });
    expect(fifth.status).toBe(200);
    await settle();
    const overWs = subscribe(second);
    await expect.poll(() => JSON.stringify(overWs.errors ?? null)).toContain('TOO_MANY_SUBSCRIPTIONS');
    const overSse = await fetch(`${capped.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: SUBSCRIBE }),
    });
    const refused = await overSse.text();
    transcript.push(refused);
    expect(overSse.status).toBe(429);
    expect(refused).toContain('TOO_MANY_SUBSCRIPTIONS');
    expect(running.map((state) => state.errors ?? state.completed)).toEqual([false, false, false, false]);
    sse.abort();
    await settle();
    const afterRelease = subscribe(second);
    await settle();
    expect(afterRelease.errors ?? afterRelease.completed).toBe(false);
    for (const state of [...running, afterRelease]) state.stop();
    await first.dispose();
    await second.dispose();
  });
});

describe('an anonymous SSE subscription', () => {
  it('answers 401 UNAUTHENTICATED over GET and POST, and logs nothing above info', async () => {
    const logsBefore = testApp.logs.length;
    const answers = [
      await sseStatus({ headers: { [CSRF_HEADER]: '1' } }, queryPath(SUBSCRIBE)),
      await sseStatus({
        method: 'POST',
        headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' },
        body: JSON.stringify({ query: SUBSCRIBE }),
      }),
    ];
    for (const answer of answers) {
      expect(answer.status, answer.body).toBe(401);
      const data = answer.body.split('\n').find((line) => line.startsWith('data: '));
      const errors = JSON.parse(data ? data.slice('data: '.length) : answer.body).errors;
      expect(errors[0]).toMatchObject({ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } });
    }
    expect(loudLogs(logsBefore)).toEqual([]);
  });
});
