import { Agent, request as httpRequest } from 'node:http';
import type { Socket } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CSRF_HEADER } from '../src/app.js';
import { type Instance, startTestApp, type TestApp } from './support/app.js';
import type { TestClient } from './support/client.js';
import {
  connect,
  createManagedDatabase,
  ERROR_FIELDS,
  setupAdmin,
  signIn,
  untilRolecallWaitsOnALock,
} from './support/fixtures.js';

let testApp: TestApp;
let adminPassword: string;
let shopId: string;

beforeAll(async () => {
  testApp = await startTestApp();
  const admin = testApp.client();
  adminPassword = (await setupAdmin(admin)).password;
  shopId = await connect(admin, testApp, await createManagedDatabase(testApp, 'shop', 'shop_owner'));
});

afterAll(async () => {
  await testApp?.stop();
});

const CURRENT_ROLE = `query($id: ID!) { database(id: $id) { ${ERROR_FIELDS}
  ... on Database { catalog { ${ERROR_FIELDS} ... on DatabaseCatalog { currentRole } } } } }`;
const CREATE_ROLE = `mutation($id: ID!, $name: String!) {
  createRole(databaseId: $id, input: { name: $name }) { ${ERROR_FIELDS} } }`;

async function signedIn(instance: Instance): Promise<TestClient> {
  const client = instance.client();
  await signIn(client, 'admin', adminPassword);
  return client;
}

/**
 * A createRole request held open for real: a DBA's open transaction creates the same role, so Rolecall's CREATE ROLE
 * waits on its unique index until `release()`.
 */
async function holdCreateRole(client: TestClient, name: string) {
  // Rolecall's connection as shop_owner exists first: logging in would wait on the DBA's transaction too.
  expect(await client.field(CURRENT_ROLE, { id: shopId })).toMatchObject({ catalog: { currentRole: 'shop_owner' } });
  const dba = new pg.Client(testApp.cluster.url());
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

function connectionRefused(url: string): Promise<boolean> {
  return fetch(url).then(
    () => false,
    () => true,
  );
}

describe('stopping gracefully', () => {
  it('lets a request in flight finish with its complete response while refusing new connections', async () => {
    const instance = await testApp.startInstance();
    const held = await holdCreateRole(await signedIn(instance), 'late_one');
    let stopped = false;
    const stopping = instance.stop().then(() => {
      stopped = true;
    });
    await expect.poll(() => connectionRefused(instance.url)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stopped).toBe(false);

    await held.release();
    expect(await held.response).toMatchObject({ __typename: 'PermissionChange' });
    await stopping;
    expect(await testApp.sql("SELECT 1 FROM pg_roles WHERE rolname = 'late_one'")).toHaveLength(1);
  });

  it('closes idle keep-alive connections at once instead of waiting for them to time out', async () => {
    const instance = await testApp.startInstance();
    const agent = new Agent({ keepAlive: true });
    const socket = await new Promise<Socket>((resolve, reject) => {
      const request = httpRequest(`${instance.url}/`, { agent }, (response) => {
        response.resume();
        response.on('end', () => resolve(request.socket as Socket));
      });
      request.on('error', reject);
      request.end();
    });
    const socketClosed = new Promise((resolve) => socket.once('close', resolve));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(socket.destroyed).toBe(false);

    const started = performance.now();
    await instance.stop();
    await socketClosed;
    // Node's keep-alive timeout is 5 s: an idle connection left open would hold stop() that long.
    expect(performance.now() - started).toBeLessThan(2_000);
    agent.destroy();
  });

  it('cuts a request still running when the grace period ends, so a stop never hangs', async () => {
    const instance = await testApp.startInstance();
    const held = await holdCreateRole(await signedIn(instance), 'too_late');
    const started = performance.now();
    await instance.app.stop({ graceMs: 300 });
    expect(performance.now() - started).toBeLessThan(3_000);
    await expect(held.response).rejects.toThrow();
    await held.release();
    await instance.stop();
    await testApp.sql('DROP ROLE IF EXISTS too_late');
  });

  it('closes WebSockets with 1001 Going Away, so clients know to reconnect elsewhere', async () => {
    const instance = await testApp.startInstance();
    const client = await signedIn(instance);
    const socket = new WebSocket(`${instance.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', {
      headers: { cookie: client.sessionCookie as string },
    });
    const acknowledged = new Promise<void>((resolve) => {
      socket.on('message', (data) => {
        if (JSON.parse(String(data)).type === 'connection_ack') resolve();
      });
    });
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    await acknowledged;
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
    );

    await instance.stop();
    expect(await closed).toEqual({ code: 1001, reason: 'Rolecall is shutting down' });
  });

  it('ends event streams at once rather than waiting out the grace period for them', async () => {
    const instance = await testApp.startInstance();
    const client = await signedIn(instance);
    const response = await fetch(`${instance.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        cookie: client.sessionCookie as string,
        [CSRF_HEADER]: '1',
      },
      body: JSON.stringify({ query: 'subscription { events { kind } }' }),
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const ended = response.text().then(
      () => 'ended',
      () => 'ended',
    );

    const started = performance.now();
    await instance.stop();
    expect(await ended).toBe('ended');
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('GraphiQL', () => {
  async function getGraphQLPage(env: Record<string, string>) {
    const instance = await testApp.startInstance(env);
    try {
      const response = await fetch(`${instance.url}/graphql`, { headers: { accept: 'text/html' } });
      return { contentType: response.headers.get('content-type') ?? '', body: await response.text() };
    } finally {
      await instance.stop();
    }
  }

  it('is served at GET /graphql in development', async () => {
    const page = await getGraphQLPage({ NODE_ENV: 'development' });
    expect(page.contentType).toContain('text/html');
    expect(page.body).toContain('GraphiQL');
  });

  it('is not served in production', async () => {
    const page = await getGraphQLPage({ NODE_ENV: 'production' });
    expect(page.contentType).not.toContain('text/html');
    expect(page.body).not.toMatch(/graphiql/i);
  });
});

describe('logging out', () => {
  it('deletes the session on the server, so the old cookie no longer authenticates', async () => {
    const client = testApp.client();
    await signIn(client, 'admin', adminPassword);
    const cookie = client.sessionCookie as string;
    const viewerWith = async (sessionCookie: string) =>
      (await (await client.raw({ query: '{ viewer { username } }' }, { cookie: sessionCookie })).json()).data.viewer;
    const sessions = async () =>
      Number((await testApp.sql<{ n: string }>('SELECT count(*) AS n FROM "Session"', [], 'rolecall_metadata'))[0]?.n);
    expect(await viewerWith(cookie)).toEqual({ username: 'admin' });
    const before = await sessions();

    expect(await client.request('mutation { logout }')).toEqual({ data: { logout: true } });
    expect(await sessions()).toBe(before - 1);
    expect(await viewerWith(cookie)).toBeNull();
  });
});
