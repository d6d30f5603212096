import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedCluster } from '../src/embedded/cluster.js';
import { batchQueries } from '../src/pools/batched-queries.js';
import { SerialClient } from '../src/pools/serial-client.js';
import { startTestCluster } from './support/cluster.js';

let cluster: EmbeddedCluster;
let pool: pg.Pool;

beforeAll(async () => {
  cluster = await startTestCluster();
  // The managed pools' client, as batches run on in Rolecall.
  pool = new pg.Pool({ connectionString: cluster.url('postgres'), max: 2, Client: SerialClient });
  // An idle connection the server ends (the cluster stopping) must not be an uncaught error.
  pool.on('error', () => undefined);
});

afterAll(async () => {
  await pool?.end();
  await cluster?.stop();
});

/**
 * Runs `work` in a transaction on a batching client, twice on one connection (the second time, its statements with
 * parameters are prepared there already); what reached node-postgres's own query() each time, and the second result.
 */
async function inBatchingTransaction<T>(work: (client: pg.PoolClient) => Promise<T>) {
  const client = await pool.connect();
  const sent: string[][] = [];
  const original = client.query;
  client.query = ((config: unknown, ...rest: unknown[]) => {
    sent.at(-1)?.push(typeof config === 'string' ? config : String((config as { text?: string }).text));
    return (original as (...args: unknown[]) => unknown).call(client, config, ...rest);
  }) as typeof client.query;
  const unbatch = batchQueries(client);
  try {
    let result: T | undefined;
    for (const _ of [1, 2]) {
      sent.push([]);
      await client.query('BEGIN');
      result = await work(client);
      await client.query('ROLLBACK');
    }
    return { result: result as T, cold: sent[0] as string[], sent: sent[1] as string[] };
  } finally {
    unbatch();
    delete (client as { query?: unknown }).query;
    client.release();
  }
}

/** Values whose literal must read back exactly as the parameter does: quotes, backslashes, "$1" inside text. */
const HOSTILE = ["it's", 'back\\slash', '$1 and $2', 'semi;colon', '"quoted"', "E'x'", 'multi\nline', 'ünï€ode'];

describe('queries issued together in a transaction', () => {
  it('travel in one round trip and each gets exactly the rows it would get alone', async () => {
    const queries: [string, unknown[]][] = [
      ['SELECT $1::text AS text, $2::int AS number, $3::boolean AS flag', ["it's $2", 42, true]],
      ['SELECT unnest($1::text[]) AS item', [HOSTILE]],
      ['SELECT $1::int[] AS ints, $2::text IS NULL AS missing', [[1, 2, 3], null]],
      ['SELECT $1::jsonb AS doc', [{ a: "o'k", b: [1, '$1'] }]],
      ['SELECT $1::timestamptz AS at', [new Date('2026-12-07T02:00:00.123Z')]],
      ["SELECT '$1' AS literal, $1::text AS param -- $2 in a comment", ['x']],
      ['SELECT $$ $1 $$ AS dollar, $tag$ $2 $tag$ AS tagged, $1::text AS param', ['y']],
    ];
    const alone = [];
    const client = await pool.connect();
    try {
      for (const [text, values] of queries) alone.push((await client.query(text, values)).rows);
    } finally {
      client.release();
    }
    const { result, cold, sent } = await inBatchingTransaction((batching) =>
      Promise.all(queries.map(([text, values]) => batching.query(text, values))),
    );
    expect(result.map((each) => each.rows)).toEqual(alone);
    expect(result[1]?.rows.map((row) => row.item)).toEqual(HOSTILE);
    // BEGIN, then the seven queries in one, and the first time on the connection, their PREPAREs before them.
    expect(cold).toHaveLength(4);
    expect(cold[1]).toMatch(/^PREPARE /);
    expect(sent).toHaveLength(3);
  });

  it('hand a multi-statement query all of its results, as it would get them alone', async () => {
    const { result } = await inBatchingTransaction((client) =>
      Promise.all([
        client.query('SELECT 1 AS one'),
        client.query('SAVEPOINT s; SELECT 2 AS two') as unknown as Promise<pg.QueryResult[]>,
      ]),
    );
    const [one, pair] = result;
    expect(one.rows).toEqual([{ one: 1 }]);
    expect(pair.map((each) => each.command)).toEqual(['SAVEPOINT', 'SELECT']);
    expect(pair[1]?.rows).toEqual([{ two: 2 }]);
  });

  it('all fail with the error of the first that fails, and the ones after it never run', async () => {
    const client = await pool.connect();
    const unbatch = batchQueries(client);
    try {
      await client.query('BEGIN');
      await client.query('CREATE TEMP TABLE marks (n int)');
      const outcomes = await Promise.allSettled([
        client.query('INSERT INTO marks VALUES (1)'),
        client.query('SELECT 1 / $1::int', [0]),
        client.query('INSERT INTO marks VALUES (2)'),
      ]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'rejected']);
      const reasons = outcomes.map((outcome) => (outcome as PromiseRejectedResult).reason as { code?: string });
      expect(new Set(reasons).size).toBe(1);
      expect(reasons[0]?.code).toBe('22012');
    } finally {
      await client.query('ROLLBACK');
      unbatch();
      client.release();
    }
  });

  it('hand rows as arrays to a query that asks for them and as objects to the others, in one round trip', async () => {
    const { result, sent } = await inBatchingTransaction((client) =>
      Promise.all([
        client.query({ text: 'SELECT $1::int AS a, 2 AS b', values: [1], rowMode: 'array' }),
        client.query('SELECT 1 AS same, 2 AS same, 3 AS other'),
      ]),
    );
    expect(result[0].rows).toEqual([[1, 2]]);
    expect(result[1].rows).toEqual([{ same: 2, other: 3 }]);
    expect(sent).toHaveLength(3);
  });

  it('go one by one, in the order issued, when one has a parameter with no text form (bytea)', async () => {
    const { result, sent } = await inBatchingTransaction(async (client) => {
      const first = client.query('SELECT $1::int AS n', [1]);
      const bytes = client.query('SELECT $1::bytea AS b', [Buffer.from([0, 255])]);
      const rows = client.query({ text: 'SELECT 3 AS n', rowMode: 'array' });
      return Promise.all([first, bytes, rows]);
    });
    expect(result[0].rows).toEqual([{ n: 1 }]);
    expect(result[1].rows[0]?.b).toEqual(Buffer.from([0, 255]));
    expect(result[2].rows).toEqual([[3]]);
    // BEGIN, then each of the three, and ROLLBACK.
    expect(sent).toHaveLength(5);
  });

  it('give the client back as it was', async () => {
    const client = await pool.connect();
    const original = client.query;
    batchQueries(client)();
    expect(client.query).toBe(original);
    // Its prototype's, not a copy of it as its own: what replaces the prototype's later is what it calls.
    expect(Object.hasOwn(client, 'query')).toBe(false);
    client.release();
  });
});

describe('queries with parameters, as prepared statements of their connection', () => {
  /** Runs `work` on a batching client of its own connection. */
  async function onBatchingClient(work: (client: pg.PoolClient) => Promise<void>) {
    const client = await pool.connect();
    const unbatch = batchQueries(client);
    try {
      await work(client);
    } finally {
      unbatch();
      client.release();
    }
  }

  /** The statements prepared on the connection, as PostgreSQL lists them. */
  const preparedStatements = async (client: pg.PoolClient) =>
    (await client.query<{ name: string; statement: string }>('SELECT name, statement FROM pg_prepared_statements'))
      .rows;

  it('are prepared once per connection, and what a rolled-back transaction prepared still serves', () =>
    onBatchingClient(async (client) => {
      const text = "SELECT $1::int + 1 AS next, $2::text AS said -- 'prepared'";
      for (const n of [1, 2, 3]) {
        await client.query('BEGIN');
        const [first, second] = await Promise.all([
          client.query(text, [n, "it's"]),
          client.query({ text, values: [n * 10, null], rowMode: 'array' }),
        ]);
        expect(first.rows).toEqual([{ next: n + 1, said: "it's" }]);
        expect(second.rows).toEqual([[n * 10 + 1, null]]);
        await client.query('ROLLBACK');
      }
      const prepared = (await preparedStatements(client)).filter((statement) => statement.statement.includes(text));
      expect(prepared).toHaveLength(1);
    }));

  it('are prepared again under a new name after their PREPAREs failed, whether or not theirs ran', () =>
    onBatchingClient(async (client) => {
      const text = 'SELECT 10 / $1::int AS tenth';
      await client.query('BEGIN');
      // Its PREPARE runs, then the next one fails: every query of the batch fails with that error.
      const failed = Promise.all([client.query(text, [5]), client.query('SELECT * FROM no_such_table WHERE $1', [1])]);
      await expect(failed).rejects.toMatchObject({ code: '42P01' });
      await client.query('ROLLBACK');
      await client.query('BEGIN');
      const [again] = await Promise.all([client.query(text, [5]), client.query('SELECT 1')]);
      expect(again.rows).toEqual([{ tenth: 2 }]);
      // A query that fails once prepared leaves its statement prepared: it is not prepared again.
      await expect(Promise.all([client.query(text, [0]), client.query('SELECT 1')])).rejects.toMatchObject({
        code: '22012',
      });
      await client.query('ROLLBACK');
      const [last] = await Promise.all([client.query(text, [2]), client.query('SELECT 1')]);
      expect(last.rows).toEqual([{ tenth: 5 }]);
      const same = (await preparedStatements(client)).filter((statement) => statement.statement.includes(text));
      expect(same.map((statement) => statement.name)).toHaveLength(2);
    }));

  it('are planned generically within their batch only, whether it commits, fails or rolls back', () =>
    onBatchingClient(async (client) => {
      const planCacheMode = async () =>
        (await client.query<{ plan_cache_mode: string }>('SHOW plan_cache_mode')).rows[0]?.plan_cache_mode;
      await client.query('BEGIN');
      const [inBatch] = await Promise.all([
        client.query("SELECT current_setting('plan_cache_mode') AS mode, $1::int AS n", [1]),
        client.query('SELECT 1'),
      ]);
      expect(inBatch.rows[0]?.mode).toBe('force_generic_plan');
      expect(await planCacheMode()).toBe('auto');
      await client.query('COMMIT');
      await client.query('BEGIN');
      await expect(
        Promise.all([client.query('SELECT 1 / $1::int', [0]), client.query('SELECT 1')]),
      ).rejects.toMatchObject({ code: '22012' });
      await client.query('ROLLBACK');
      expect(await planCacheMode()).toBe('auto');
    }));

  it('past the connection’s share, are prepared for their batch alone and forgotten with it', () =>
    onBatchingClient(async (client) => {
      await client.query('BEGIN');
      // Each text differs: 250 of them fill the connection's 200 and go on as one-off statements.
      const texts = Array.from({ length: 250 }, (_, n) => `SELECT $1::int + ${n} AS n`);
      const results = await Promise.all(texts.map((text) => client.query(text, [1])));
      expect(results.map((result) => result.rows[0]?.n)).toEqual(texts.map((_, n) => n + 1));
      await client.query('ROLLBACK');
      const left = await preparedStatements(client);
      expect(left.filter((statement) => statement.statement.includes('AS n')).length).toBeLessThanOrEqual(200);
    }));
});
