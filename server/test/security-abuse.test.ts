import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CSRF_HEADER } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { type Instance, leakedSecrets, secret, startTestApp, type TestApp, transcript } from './support/app.js';
import type { TestClient } from './support/client.js';
import {
  addCollaborator,
  connect,
  createManagedDatabase,
  createUser,
  ERROR_FIELDS,
  setupAdmin,
  signIn,
} from './support/fixtures.js';
import { collect, wsClient } from './support/subscriptions.js';

/**
 * GraphQL abuse (depth, aliases, directives, tokens, cost, field suggestions), CSRF with a real session cookie,
 * login throttling, and a scan of everything this file saw for secrets.
 */

let testApp: TestApp;
let admin: TestClient;
let adminPassword: string;
let adminToken: string;
let shopId: string;
/** Bodies that legitimately carry a secret once: the answer that created an API token. */
const tokenAnswers = new Set<string>();
const tokens: string[] = [];
/** Every session token a response handed out. */
const sessionTokens: string[] = [];

function keepSessionTokens(response: Response): void {
  for (const header of response.headers.getSetCookie()) {
    const token = header.match(/^rolecall_session=([^;]+)/)?.[1];
    if (token) sessionTokens.push(token);
  }
}

async function countOf(table: string): Promise<number> {
  const rows = await testApp.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`, [], 'rolecall_metadata');
  return rows[0]?.n ?? 0;
}

interface Answer {
  status: number;
  body: string;
  ms: number;
  json: { data?: Record<string, unknown> | null; errors?: { message: string }[] } | null;
}

/** POSTs to /graphql as a browser or the CLI would, keeping the body for the secrets scan. */
async function post(
  body: unknown,
  headers: Record<string, string> = {},
  url = testApp.url,
  contentType = 'application/json',
): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': contentType, [CSRF_HEADER]: '1', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  keepSessionTokens(response);
  const text = await response.text();
  transcript.push(text);
  let json: Answer['json'] = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, body: text, ms: performance.now() - started, json };
}

async function createToken(client: TestClient): Promise<string> {
  const response = await client.raw({
    query: `mutation { createApiToken(name: "abuse") { ${ERROR_FIELDS} ... on CreatedApiToken { token } } }`,
  });
  const body = await response.text();
  tokenAnswers.add(body);
  const token = JSON.parse(body).data.createApiToken.token as string;
  tokens.push(token);
  return token;
}

/** Refused as a whole: an error status or GraphQL errors, and no data. */
function expectRefused(answer: Answer, pattern: RegExp): void {
  expect(answer.status === 200 ? answer.json?.errors : [answer.status], answer.body).toBeTruthy();
  expect(answer.json?.data ?? null, answer.body).toBeNull();
  expect(answer.body).toMatch(pattern);
}

beforeAll(async () => {
  testApp = await startTestApp();
  admin = testApp.client();
  adminPassword = (await setupAdmin(admin)).password;
  adminToken = await createToken(admin);
  shopId = await connect(admin, testApp, await createManagedDatabase(testApp, 'shop', 'shop_owner'));
});

afterAll(async () => {
  await testApp?.stop();
});

const aliases = (count: number, field: string) =>
  Array.from({ length: count }, (_, index) => `a${index}: ${field}`).join(' ');

describe('query limits (graphql-armor)', () => {
  it('refuses 5,000 aliases fast, creating nothing', async () => {
    const before = await countOf('ApiToken');
    const answer = await post(
      { query: `mutation { ${aliases(5_000, 'createApiToken(name: "x") { __typename }')} }` },
      { authorization: `Bearer ${adminToken}` },
    );
    expectRefused(answer, /token limit|aliases/i);
    expect(answer.ms).toBeLessThan(1_000);
    expect(await countOf('ApiToken')).toBe(before);
  });

  it('refuses 31 aliases (the limit is 30), creating nothing', async () => {
    const before = await countOf('ApiToken');
    const answer = await post(
      { query: `mutation { ${aliases(31, 'createApiToken(name: "x") { __typename }')} }` },
      { authorization: `Bearer ${adminToken}` },
    );
    expectRefused(answer, /aliases/i);
    expect(await countOf('ApiToken')).toBe(before);
  });

  it('refuses 5,000 aliases over WebSocket too, failing that operation only, not the connection', async () => {
    const before = await countOf('ApiToken');
    const client = wsClient(testApp.url, adminToken);
    const run = (query: string) =>
      new Promise<{ data?: unknown; errors?: unknown; closed?: unknown }>((resolve) => {
        const answers: { data?: unknown }[] = [];
        client.subscribe(
          { query },
          {
            next: (value) => answers.push(value),
            error: (error) => resolve(Array.isArray(error) ? { errors: error } : { closed: error }),
            complete: () => resolve(answers[0] ?? {}),
          },
        );
      });
    const flood = await run(`mutation { ${aliases(5_000, 'createApiToken(name: "x") { __typename }')} }`);
    expect(flood.closed).toBeUndefined();
    expect(JSON.stringify(flood.errors)).toMatch(/token limit/i);
    expect((await run('{ setupRequired')).errors).toBeTruthy();
    expect(await run('{ setupRequired }')).toEqual({ data: { setupRequired: false } });
    await client.dispose();
    expect(await countOf('ApiToken')).toBe(before);
  });

  it('refuses deep nesting', async () => {
    let selection = 'id';
    for (let level = 0; level < 6; level += 1) selection = `collaborators { database { ${selection} } }`;
    const answer = await post(
      { query: `{ databases { ... on QueryDatabasesConnection { nodes { ${selection} } } } }` },
      { authorization: `Bearer ${adminToken}` },
    );
    expectRefused(answer, /depth limit of 12/i);
  });

  it('refuses recursive introspection', async () => {
    let selection = 'name';
    for (let level = 0; level < 4; level += 1) selection = `fields { type { ${selection} } }`;
    const answer = await post({ query: `{ __schema { types { ${selection} } } }` });
    expectRefused(answer, /introspection depth/i);
  });

  it('refuses directive flooding', async () => {
    const directives = Array.from({ length: 50 }, () => '@include(if: true)').join(' ');
    const answer = await post({ query: `{ setupRequired ${directives} }` });
    expectRefused(answer, /directive/i);
  });

  it('refuses a document of more than 2,000 tokens', async () => {
    const fields = Array.from({ length: 2_100 }, () => 'setupRequired').join(' ');
    const answer = await post({ query: `{ ${fields} }` });
    expectRefused(answer, /token limit/i);
    expect(answer.ms).toBeLessThan(1_000);
  });

  it('refuses a query whose cost exceeds the limit even within the depth, alias and token limits', async () => {
    const fields = 'id name createdAt viewerAccess';
    let selection = fields;
    for (let level = 0; level < 5; level += 1)
      selection = `${fields} collaborators { id access database { ${selection} } }`;
    const query = `{ ${aliases(8, `databases { ... on QueryDatabasesConnection { nodes { ${selection} } } }`)} }`;
    const answer = await post({ query }, { authorization: `Bearer ${adminToken}` });
    expectRefused(answer, /cost/i);
  });

  it("refuses at the operator's cost limit what the default allows, and allows it under the default's", async () => {
    const frugal = await testApp.startInstance({ ROLECALL_MAX_QUERY_COST: '1000' });
    try {
      const query = `{ databases { ... on QueryDatabasesConnection { nodes { id name collaboratorsConnection(first: 40) {
        nodes { id access database { id name } } } } } } }`;
      const headers = { authorization: `Bearer ${adminToken}` };
      const allowed = await post({ query }, headers);
      expect(allowed.json?.errors, allowed.body).toBeUndefined();
      expectRefused(await post({ query }, headers, frugal.url), /Query Cost limit of 1000 exceeded/);
    } finally {
      await frugal.stop();
    }
    expect(() => loadConfig({ ROLECALL_MAX_QUERY_COST: 'lots' })).toThrow(/ROLECALL_MAX_QUERY_COST/);
  });

  it('refuses batched operations', async () => {
    const batch = Array.from({ length: 100 }, () => ({ query: '{ setupRequired }' }));
    const answer = await post(batch);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.body).not.toContain('setupRequired":');
  });
});

describe('field suggestions', () => {
  let production: Instance;
  let development: Instance;

  beforeAll(async () => {
    production = await testApp.startInstance({ NODE_ENV: 'production' });
    development = await testApp.startInstance({ NODE_ENV: 'development' });
  });

  afterAll(async () => {
    await production?.stop();
    await development?.stop();
  });

  it('are not given in production (nor in tests), so the schema cannot be guessed field by field', async () => {
    for (const url of [production.url, testApp.url]) {
      const answer = await post({ query: '{ viewr { id } setupRequird }' }, {}, url);
      expect(answer.json?.errors?.length).toBe(2);
      expect(answer.body).toMatch(/Cannot query field/);
      expect(answer.body).not.toMatch(/Did you mean/i);
      const typo = await post({ query: '{ databases { ... on QueryDatabasesConnectio { nodes { id } } } }' }, {}, url);
      expect(typo.body).not.toMatch(/Did you mean/i);
    }
  });

  it('are given in development, where they help', async () => {
    const answer = await post({ query: '{ setupRequird }' }, {}, development.url);
    expect(answer.body).toMatch(/Did you mean/i);
  });
});

let victim: TestClient;

describe('CSRF with a real session cookie', () => {
  let cookie: string;

  beforeAll(async () => {
    victim = testApp.client();
    await signIn(victim, 'admin', adminPassword);
    cookie = victim.sessionCookie as string;
  });

  const STEAL = 'mutation { createApiToken(name: "stolen") { __typename ... on CreatedApiToken { token } } }';

  async function attempt(init: RequestInit): Promise<{ status: number; body: string }> {
    const response = await fetch(`${testApp.url}/graphql`, init);
    const body = await response.text();
    transcript.push(body);
    return { status: response.status, body };
  }

  it('refuses a cross-origin JSON mutation that carries the cookie', async () => {
    const before = await countOf('ApiToken');
    for (const origin of ['https://evil.example', 'null', `${testApp.url}.evil.example`]) {
      const answer = await attempt({
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, origin, [CSRF_HEADER]: '1' },
        body: JSON.stringify({ query: STEAL }),
      });
      expect(answer.status, origin).toBe(403);
    }
    expect(await countOf('ApiToken')).toBe(before);
  });

  it('refuses the simple requests a cross-site form can send with the cookie', async () => {
    const before = await countOf('ApiToken');
    const form = new FormData();
    form.set('operations', JSON.stringify({ query: STEAL }));
    form.set('map', '{}');
    const requests: RequestInit[] = [
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body: `query=${encodeURIComponent(STEAL)}`,
      },
      { method: 'POST', headers: { cookie }, body: form },
      { method: 'POST', headers: { 'content-type': 'text/plain', cookie }, body: JSON.stringify({ query: STEAL }) },
    ];
    for (const request of requests) {
      const answer = await attempt(request);
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.body).not.toContain('CreatedApiToken');
    }
    expect(await countOf('ApiToken')).toBe(before);
  });

  it('never runs a mutation sent as GET, even with the CSRF header', async () => {
    const before = await countOf('ApiToken');
    const get = await fetch(`${testApp.url}/graphql?query=${encodeURIComponent(STEAL)}`, {
      headers: { cookie, [CSRF_HEADER]: '1', accept: 'application/graphql-response+json' },
    });
    transcript.push(await get.text());
    expect(get.status).toBe(405);
    expect(await countOf('ApiToken')).toBe(before);
  });

  it('closes a cross-origin WebSocket that carries the cookie with 4403, and keeps a same-origin one', async () => {
    const codeFor = (origin: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(`${testApp.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', {
          headers: { origin, cookie },
        });
        socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
        socket.on('message', (data) => {
          if (JSON.parse(String(data)).type === 'connection_ack') socket.close(1000);
        });
        socket.on('close', (code) => resolve(code));
      });
    expect(await codeFor('https://evil.example')).toBe(4403);
    expect(await codeFor('null')).toBe(4403);
    expect(await codeFor(testApp.url)).toBe(1000);
  });

  it('lets the same cookie subscribe from its own origin', async () => {
    const sameOrigin = wsClient(testApp.url, undefined, { headers: { cookie, origin: testApp.url } });
    const received = collect(sameOrigin, 'subscription($id: ID) { events(databaseId: $id) { kind } }', {
      id: shopId,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const user = await createUser(admin, 'watched');
    await addCollaborator(admin, {
      databaseId: shopId,
      userId: user.id,
      configuredRoleId: await ownerRoleId(),
    });
    expect((await received.waitFor(1))[0]).toMatchObject({ kind: 'collaborator.added' });
    received.stop();
    await sameOrigin.dispose();
  });
});

async function ownerRoleId(): Promise<string> {
  const result = await admin.field(
    'query($id: ID!) { database(id: $id) { ... on Database { configuredRoles { id } } } }',
    {
      id: shopId,
    },
  );
  return (result.configuredRoles as { id: string }[])[0]?.id as string;
}

describe('login throttling', () => {
  const LOGIN = `mutation($login: String!, $password: String!) { login(login: $login, password: $password) {
    ${ERROR_FIELDS} ... on TooManyAttemptsError { retryAfterSeconds } } }`;

  async function login(username: string, password: string, headers: Record<string, string> = {}) {
    const answer = await post({ query: LOGIN, variables: { login: username, password } }, headers);
    return { result: answer.json?.data?.login as { __typename: string; retryAfterSeconds?: number } };
  }

  it('after 10 failures refuses further attempts, even with the right password, and starts no session', async () => {
    const user = await createUser(admin, 'guessed');
    const wrong = secret('wrong');
    for (let attempt = 1; attempt <= 9; attempt += 1) {
      expect((await login('guessed', wrong)).result.__typename).toBe('InvalidCredentialsError');
    }
    const tenth = await login('guessed', wrong);
    expect(tenth.result).toMatchObject({ __typename: 'TooManyAttemptsError' });
    expect(tenth.result.retryAfterSeconds).toBeGreaterThan(800);
    const sessionsBefore = await countOf('Session');
    const response = await fetch(`${testApp.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' },
      body: JSON.stringify({ query: LOGIN, variables: { login: 'guessed', password: user.password } }),
    });
    keepSessionTokens(response);
    const body = await response.text();
    transcript.push(body);
    expect(JSON.parse(body).data.login.__typename).toBe('TooManyAttemptsError');
    expect(response.headers.getSetCookie().filter((header) => header.startsWith('rolecall_session='))).toEqual([]);
    expect(await countOf('Session')).toBe(sessionsBefore);
    // The same login in other letter cases or with spaces is the same login.
    expect((await login(' GUESSED ', user.password)).result.__typename).toBe('TooManyAttemptsError');
  });

  it('throttles per login: other users still sign in from the same address', async () => {
    const other = await createUser(admin, 'unrelated');
    expect((await login('unrelated', other.password)).result.__typename).toBe('User');
  });

  it('cannot be dodged by sending a made-up X-Forwarded-For with each guess', async () => {
    const user = await createUser(admin, 'spoofed');
    const wrong = secret('wrong');
    const answers: string[] = [];
    for (let attempt = 1; attempt <= 12; attempt += 1) {
      const forwarded = { 'x-forwarded-for': `203.0.113.${attempt}` };
      answers.push((await login('spoofed', wrong, forwarded)).result.__typename);
    }
    expect(answers.slice(-2)).toEqual(['TooManyAttemptsError', 'TooManyAttemptsError']);
    const right = await login('spoofed', user.password, { 'x-forwarded-for': '198.51.100.7' });
    expect(right.result.__typename).toBe('TooManyAttemptsError');
  });

  it('behind a trusted proxy, counts by the address the proxy appended, whatever the client prepended', async () => {
    const proxied = await testApp.startInstance({ ROLECALL_TRUST_PROXY: 'true' });
    try {
      const user = await createUser(admin, 'proxied');
      const wrong = secret('wrong');
      const via = (address: string, spoofed: string) => ({ 'x-forwarded-for': `${spoofed}, ${address}` });
      for (let attempt = 1; attempt <= 10; attempt += 1) {
        await post(
          { query: LOGIN, variables: { login: 'proxied', password: wrong } },
          via('192.0.2.1', `10.0.0.${attempt}`),
          proxied.url,
        );
      }
      const throttled = await post(
        { query: LOGIN, variables: { login: 'proxied', password: user.password } },
        via('192.0.2.1', '10.9.9.9'),
        proxied.url,
      );
      expect(throttled.json?.data?.login).toMatchObject({ __typename: 'TooManyAttemptsError' });
      const elsewhere = await post(
        { query: LOGIN, variables: { login: 'proxied', password: user.password } },
        via('192.0.2.2', '10.9.9.9'),
        proxied.url,
      );
      expect(elsewhere.json?.data?.login).toMatchObject({ __typename: 'User' });
    } finally {
      await proxied.stop();
    }
  });
});

describe('secrets', () => {
  it('no response, event or log line of this file holds a password, token, session token or the secret key', async () => {
    const dataDir = testApp.app.services.config.dataDir;
    const keyText = (await readFile(join(dataDir, 'secret.key'), 'utf8')).trim();
    const key = Buffer.from(keyText, 'base64');
    for (const client of [admin, victim]) sessionTokens.push(client.sessionCookie?.split('=')[1] as string);
    expect(sessionTokens.filter(Boolean).length).toBeGreaterThan(2);
    const secrets = [
      keyText,
      key.toString('hex'),
      key.toString('base64url'),
      ...tokens,
      ...sessionTokens.filter(Boolean),
    ];
    const events = JSON.stringify(await testApp.sql('SELECT * FROM "Event"', [], 'rolecall_metadata'));
    const bodies = transcript.filter((body) => !tokenAnswers.has(body));
    for (const value of secrets) {
      expect(bodies.filter((body) => body.includes(value))).toEqual([]);
      expect(events).not.toContain(value);
      expect(testApp.logs.filter((line) => line.includes(value))).toEqual([]);
    }
    expect(leakedSecrets([...transcript, events])).toEqual([]);
    expect(leakedSecrets(testApp.logs)).toEqual([]);
  });
});
