import { existsSync } from 'node:fs';
import { connect as connectTcp, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secret, startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import {
  connect,
  createManagedDatabase,
  ERROR_FIELDS,
  setupAdmin,
  signIn,
  untilRolecallWaitsOnALock,
} from './support/fixtures.js';
import { REDIS_SERVER, startRedisServer } from './support/redis.js';

let testApp: TestApp;
let adminPassword: string;
let shopId: string;

beforeAll(async () => {
  testApp = await startTestApp({}, { restartable: true });
  const admin = testApp.client();
  adminPassword = (await setupAdmin(admin)).password;
  shopId = await connect(admin, testApp, await createManagedDatabase(testApp, 'shop', 'shop_owner'));
});

afterAll(async () => {
  await testApp?.stop();
});

interface Probe {
  status: number;
  headers: Headers;
  body: { status: string; failed?: string[]; checks?: Record<string, string> };
  text: string;
}

async function probe(url: string, path: '/healthz' | '/readyz'): Promise<Probe> {
  const response = await fetch(`${url}${path}`);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text), text };
}

function expectSecurityHeaders(headers: Headers): void {
  expect(headers.get('content-security-policy')).toContain("default-src 'self'");
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
}

/** Nothing about where the metadata database is, or how Rolecall logs in to it. */
function expectNoConnectionDetails(text: string): void {
  const metadataUrl = new URL(testApp.cluster.url('rolecall_metadata'));
  expect(text).not.toContain(String(testApp.cluster.port));
  expect(text).not.toMatch(/postgres(ql)?:\/\//);
  expect(text).not.toContain(metadataUrl.username);
  if (metadataUrl.password) expect(text).not.toContain(decodeURIComponent(metadataUrl.password));
}

describe('liveness: GET /healthz', () => {
  it('answers 200 with a small JSON body, unauthenticated, with the security headers of every response', async () => {
    const answer = await probe(testApp.url, '/healthz');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('application/json');
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.body).toEqual({ status: 'ok' });
    expectSecurityHeaders(answer.headers);
  });

  it('refuses methods other than GET and HEAD, and answers HEAD without a body', async () => {
    const post = await fetch(`${testApp.url}/healthz`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    const head = await fetch(`${testApp.url}/readyz`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('readiness: GET /readyz', () => {
  it('answers 200 when the metadata database answers, its migrations are applied and the event signal is connected', async () => {
    const answer = await probe(testApp.url, '/readyz');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      status: 'ready',
      failed: [],
      checks: { database: 'ok', migrations: 'ok', signal: 'ok' },
    });
    expectSecurityHeaders(answer.headers);
  });

  it('logs nothing per probe: only a change of verdict', async () => {
    const before = testApp.logs.length;
    await Promise.all(Array.from({ length: 10 }, () => probe(testApp.url, '/readyz')));
    for (let round = 0; round < 5; round++) await probe(testApp.url, '/healthz');
    const lines = testApp.logs.slice(before).join('');
    expect(lines).not.toMatch(/healthz|readyz/);
    expect(lines).not.toMatch(/"msg":"(not )?ready"/);
  });

  it('answers 503 naming the database while the metadata database is down, and 200 again once it is back', async () => {
    await testApp.restartCluster(async () => {
      const started = performance.now();
      const answer = await probe(testApp.url, '/readyz');
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(answer.status).toBe(503);
      expect(answer.body.status).toBe('not ready');
      expect(answer.body.failed).toContain('database');
      expect(answer.body.checks).toMatchObject({ database: 'unreachable', migrations: 'not checked' });
      expectNoConnectionDetails(answer.text);
      expectSecurityHeaders(answer.headers);
      // Liveness does not depend on the database: restarting the process would not bring it back.
      expect((await probe(testApp.url, '/healthz')).status).toBe(200);
    });

    // The LISTEN connection comes back within a second or so of the database.
    await expect.poll(async () => (await probe(testApp.url, '/readyz')).status, { timeout: 15_000 }).toBe(200);
    const verdicts = testApp.logs.filter((line) => /"msg":"(not )?ready"/.test(line));
    expect(verdicts.some((line) => /"failed":\[[^\]]*"database"/.test(line))).toBe(true);
    expect(verdicts.at(-1)).toContain('"msg":"ready"');
  });

  it('answers 503 within a second when the metadata database does not answer, and keeps one check waiting at most', async () => {
    const dba = new pg.Client(testApp.cluster.url('rolecall_metadata'));
    dba.on('error', () => undefined);
    await dba.connect();
    try {
      await dba.query('BEGIN; LOCK TABLE "_prisma_migrations" IN ACCESS EXCLUSIVE MODE');
      for (let round = 0; round < 3; round++) {
        const started = performance.now();
        const answer = await probe(testApp.url, '/readyz');
        expect(performance.now() - started).toBeLessThan(1_500);
        expect(answer.status).toBe(503);
        expect(answer.body.checks).toMatchObject({ database: 'timeout', migrations: 'not checked' });
      }
      const { rows } = await dba.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE wait_event_type = 'Lock' AND query LIKE '%_prisma_migrations%' AND pid <> pg_backend_pid()`,
      );
      expect(rows[0]?.n).toBe(1);
    } finally {
      await dba.query('ROLLBACK');
      await dba.end();
    }
    await expect.poll(async () => (await probe(testApp.url, '/readyz')).status).toBe(200);
  });

  it('answers 503 when a migration on disk is not applied to the metadata database', async () => {
    const instance = await testApp.startInstance();
    const [latest] = await testApp.sql<{ migration_name: string }>(
      'SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1',
      [],
      'rolecall_metadata',
    );
    const name = latest?.migration_name as string;
    await testApp.sql(
      'UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = $1',
      [name],
      'rolecall_metadata',
    );
    try {
      const answer = await probe(instance.url, '/readyz');
      expect(answer.status).toBe(503);
      expect(answer.body.failed).toEqual(['migrations']);
      expect(answer.body.checks).toMatchObject({ database: 'ok', migrations: 'pending' });
    } finally {
      await testApp.sql(
        'UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE migration_name = $1',
        [name],
        'rolecall_metadata',
      );
      await instance.stop();
    }
    expect((await probe(testApp.url, '/readyz')).status).toBe(200);
  });
});

const CURRENT_ROLE = `query($id: ID!) { database(id: $id) { ${ERROR_FIELDS}
  ... on Database { catalog { ${ERROR_FIELDS} ... on DatabaseCatalog { currentRole } } } } }`;
const CREATE_ROLE = `mutation($id: ID!, $name: String!) {
  createRole(databaseId: $id, input: { name: $name }) { ${ERROR_FIELDS} } }`;

/** A createRole request held open for real: a DBA's open transaction creates the same role (see lifecycle.test.ts). */
async function holdCreateRole(client: TestClient, name: string) {
  expect(await client.field(CURRENT_ROLE, { id: shopId })).toMatchObject({ catalog: { currentRole: 'shop_owner' } });
  const dba = new pg.Client(testApp.cluster.url());
  dba.on('error', () => undefined);
  await dba.connect();
  await dba.query(`BEGIN; CREATE ROLE ${name}`);
  const response = client.field(CREATE_ROLE, { id: shopId, name });
  response.catch(() => undefined);
  await untilRolecallWaitsOnALock(dba);
  return {
    response,
    release: async () => {
      await dba.query('ROLLBACK');
      await dba.end();
    },
  };
}

/**
 * A probe that has begun arriving on a connection (as a balancer's probe on a kept-alive connection): the server
 * cannot close that connection as idle, and answers the probe once `finish()` sends the rest of it.
 */
async function probeInFlight(url: string): Promise<{ finish(): Promise<string> }> {
  const { hostname, port } = new URL(url);
  const socket: Socket = connectTcp(Number(port), hostname);
  await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let received = '';
  socket.on('data', (chunk) => {
    received += String(chunk);
  });
  socket.write(`GET /readyz HTTP/1.1\r\nHost: ${hostname}:${port}\r\n`);
  return {
    finish: async () => {
      const ended = new Promise((resolve) => socket.once('close', resolve));
      socket.write('\r\n');
      await ended;
      return received;
    },
  };
}

function connectionRefused(url: string): Promise<boolean> {
  return fetch(url).then(
    () => false,
    () => true,
  );
}

describe('readiness during shutdown', () => {
  it('answers 503 as soon as a stop begins, while a request in flight still finishes', async () => {
    const instance = await testApp.startInstance();
    expect((await probe(instance.url, '/readyz')).status).toBe(200);
    const client = instance.client();
    await signIn(client, 'admin', adminPassword);
    const held = await holdCreateRole(client, 'during_stop');
    const pendingProbe = await probeInFlight(instance.url);

    const stopping = instance.stop();
    try {
      await expect.poll(() => connectionRefused(`${instance.url}/healthz`)).toBe(true);
      const answer = await pendingProbe.finish();
      expect(answer).toMatch(/^HTTP\/1\.1 503 /);
      expect(answer.toLowerCase()).toContain('connection: close');
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
        status: 'shutting down',
        failed: ['shutdown'],
      });
    } finally {
      await held.release();
    }
    expect(await held.response).toMatchObject({ __typename: 'PermissionChange' });
    await stopping;
    await testApp.sql('DROP ROLE IF EXISTS during_stop');
  });
});

const redisAvailable = existsSync(REDIS_SERVER);

describe.skipIf(!redisAvailable)('readiness with REDIS_URL', () => {
  it('answers 503 naming the signal while Redis is down, and 200 once it is back', async () => {
    const redis = await startRedisServer(secret('redis'));
    await redis.stop();
    const instance = await testApp.startInstance({ REDIS_URL: redis.url });
    try {
      const answer = await probe(instance.url, '/readyz');
      expect(answer.status).toBe(503);
      expect(answer.body).toMatchObject({ status: 'not ready', failed: ['signal'] });
      expect(answer.body.checks).toMatchObject({ database: 'ok', migrations: 'ok', signal: 'disconnected' });
      expect(answer.text).not.toContain('redis://');

      await redis.start();
      await expect.poll(async () => (await probe(instance.url, '/readyz')).status, { timeout: 15_000 }).toBe(200);
    } finally {
      await instance.stop();
      await redis.close();
    }
  });
});
