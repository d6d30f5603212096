import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../src/app.js';
import { startTestApp, type TestApp } from './support/app.js';

let testApp: TestApp;

beforeAll(async () => {
  testApp = await startTestApp();
});

afterAll(async () => {
  await testApp?.stop();
});

/** Clients of Rolecall send the CSRF header (browsers cannot add it cross-site); the audits do the same. */
const fetchWithCsrfHeader: typeof fetch = (input, init = {}) => {
  const headers = new Headers(init.headers);
  headers.set(CSRF_HEADER, '1');
  return fetch(input, { ...init, headers });
};

describe('GraphQL over HTTP conformance (graphql-http server audits)', () => {
  for (const audit of serverAudits({ url: () => `${testApp.url}/graphql`, fetchFn: fetchWithCsrfHeader })) {
    it(audit.name, async () => {
      const result = await audit.fn();
      expect(result, 'reason' in result ? result.reason : '').toMatchObject({ status: 'ok' });
    });
  }
});

describe('CSRF protection', () => {
  const mutation = JSON.stringify({ query: 'mutation { logout }' });

  it('refuses a form-encoded POST', async () => {
    const response = await fetch(`${testApp.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `query=${encodeURIComponent('mutation { logout }')}`,
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain('"logout":true');
  });

  it('refuses a text/plain POST without the CSRF header', async () => {
    const response = await fetch(`${testApp.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: mutation,
    });
    expect([403, 415]).toContain(response.status);
  });

  it('refuses a GET without the CSRF header', async () => {
    const response = await fetch(`${testApp.url}/graphql?query=${encodeURIComponent('{ viewer { id } }')}`);
    expect(response.status).toBe(403);
  });

  it('refuses a JSON POST from another origin', async () => {
    const response = await fetch(`${testApp.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example', [CSRF_HEADER]: '1' },
      body: mutation,
    });
    expect(response.status).toBe(403);
  });

  it('accepts a JSON POST from its own origin', async () => {
    const response = await fetch(`${testApp.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: testApp.url },
      body: mutation,
    });
    expect(await response.json()).toEqual({ data: { logout: true } });
  });
});
