import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedCluster } from '../src/embedded/cluster.js';
import { SerialClient } from '../src/pools/serial-client.js';
import { startTestCluster } from './support/cluster.js';

/** node-postgres's own queue of queries issued while one runs: deprecated, and gone in pg 9. */
const QUEUE_DEPRECATION = 'Calling client.query() when the client is already executing a query';

let cluster: EmbeddedCluster;
const warnings: string[] = [];
const listen = (warning: Error) => warnings.push(warning.message);

beforeAll(async () => {
  cluster = await startTestCluster();
  process.on('warning', listen);
});

afterAll(async () => {
  process.off('warning', listen);
  await cluster?.stop();
});

/** Three queries issued at once on one connection of a pool of `Client`, the second one failing. */
async function issuedAtOnce(Client: typeof pg.Client) {
  const pool = new pg.Pool({ connectionString: cluster.url(), max: 1, Client });
  const client = await pool.connect();
  try {
    const settled = await Promise.allSettled([
      client.query<{ n: number }>('SELECT 1 AS n FROM pg_sleep(0.05)'),
      client.query('SELECT 1/0'),
      client.query<{ n: number }>('SELECT $1::int AS n', [3]),
    ]);
    // Warnings are emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
    return settled.map((outcome) =>
      outcome.status === 'fulfilled' ? outcome.value.rows[0]?.n : (outcome.reason as { code?: string }).code,
    );
  } finally {
    client.release();
    await pool.end();
  }
}

describe('a managed connection given queries while one runs', () => {
  it('runs them one after another itself, each with its own answer, with no deprecated queueing', async () => {
    expect(await issuedAtOnce(SerialClient)).toEqual([1, '22012', 3]);
    expect(warnings.filter((message) => message.includes(QUEUE_DEPRECATION))).toEqual([]);
  });

  it('where a plain pg client queues them the deprecated way (the check above can see it)', async () => {
    expect(await issuedAtOnce(pg.Client)).toEqual([1, '22012', 3]);
    expect(warnings.filter((message) => message.includes(QUEUE_DEPRECATION))).toHaveLength(1);
  });
});
