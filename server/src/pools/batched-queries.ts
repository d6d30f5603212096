import type { ClientBase, QueryResult } from 'pg';
import pgUtils from 'pg/lib/utils.js';

/**
 * Queries a transaction issues at the same time travel to PostgreSQL together, in one round trip: a change locks and
 * reads what it touches at once, then runs its statements and reads what they did at once. node-postgres cannot
 * pipeline, so they go as one query string (the simple protocol, parameters inlined as literals: PostgreSQL infers
 * an unknown-typed literal's type exactly as it does an untyped parameter's), each query's results told apart by a
 * marker between them. PostgreSQL runs them in the order they were issued and stops at the first that fails: every
 * query of the batch then fails with that error, as the transaction would have made them fail anyway. Only for use
 * inside a transaction (outside one, a query string is its own transaction).
 */

const BOUNDARY_COLUMN = 'rolecall batch boundary';
const BOUNDARY = `SELECT NULL AS "${BOUNDARY_COLUMN}"`;

type Result = QueryResult | QueryResult[];

interface Plain {
  text: string;
  values?: unknown[];
  /** Rows as arrays of column values rather than objects by column name. */
  arrays: boolean;
}

interface Queued extends Plain {
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/** A parameter as the literal PostgreSQL would read it as (null: one that has no text form, e.g. bytea). */
function literalOf(value: unknown): string | null {
  const prepared: unknown = pgUtils.prepareValue(value);
  if (prepared === null) return 'NULL';
  if (typeof prepared !== 'string') return null;
  return pgUtils.escapeLiteral(prepared);
}

/** Skips a quoted string, identifier or dollar-quoted body starting at `start`; returns the index after it. */
function endOfQuoted(sql: string, start: number): number {
  const open = sql[start];
  if (open === "'" || open === '"') {
    let at = start + 1;
    for (;;) {
      const close = sql.indexOf(open, at);
      if (close < 0) return sql.length;
      if (sql[close + 1] !== open) return close + 1;
      at = close + 2;
    }
  }
  const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(start))?.[0];
  if (!tag) return start + 1;
  const close = sql.indexOf(tag, start + tag.length);
  return close < 0 ? sql.length : close + tag.length;
}

/** Where the comment starting at `start` ends (a line comment at its newline). */
function endOfComment(sql: string, start: number): number {
  const line = sql[start] === '-';
  const end = sql.indexOf(line ? '\n' : '*/', start + 2);
  if (end < 0) return sql.length;
  return line ? end : end + 2;
}

/** The query with `$n` replaced by its value's literal outside quotes and comments; null when one has none. */
export function inlineParameters(sql: string, values: readonly unknown[] = []): string | null {
  const literals = values.map(literalOf);
  if (literals.some((literal) => literal === null)) return null;
  let out = '';
  let copied = 0;
  let at = 0;
  while (at < sql.length) {
    const char = sql[at] as string;
    const next = sql[at + 1];
    if ((char === '-' && next === '-') || (char === '/' && next === '*')) at = endOfComment(sql, at);
    else if (char === '$' && next !== undefined && next >= '0' && next <= '9') {
      const digits = /^\d+/.exec(sql.slice(at + 1, at + 12))?.[0] ?? '';
      const literal = literals[Number(digits) - 1];
      if (literal === undefined) return null;
      out += sql.slice(copied, at) + literal;
      at += 1 + digits.length;
      copied = at;
    } else if (char === "'" || char === '"' || char === '$') at = endOfQuoted(sql, at);
    else at += 1;
  }
  return out + sql.slice(copied);
}

/** A query the batch can carry: text, plain values and a row mode; no name, custom types, callback or stream. */
function batchable(config: unknown, values: unknown, callback: unknown): Plain | null {
  if (typeof callback === 'function' || typeof values === 'function') return null;
  if (typeof config === 'string')
    return Array.isArray(values) || values === undefined ? { text: config, values, arrays: false } : null;
  if (!config || typeof config !== 'object') return null;
  const query = config as Record<string, unknown>;
  const plain = Object.keys(query).every((key) => key === 'text' || key === 'values' || key === 'rowMode');
  if (!plain || typeof query.text !== 'string' || values !== undefined) return null;
  if (query.rowMode !== undefined && query.rowMode !== 'array') return null;
  return { text: query.text, values: query.values as unknown[] | undefined, arrays: query.rowMode === 'array' };
}

/** A batch's rows come as arrays: as objects by column name (a later column of the same name wins, as in pg). */
function withRowsAsObjects(result: QueryResult): QueryResult {
  const names = result.fields.map((field) => field.name);
  const rows = (result.rows as unknown[][]).map((values) => {
    const row: Record<string, unknown> = {};
    for (const [n, name] of names.entries()) row[name] = values[n];
    return row;
  });
  return { ...result, rows };
}

/** Splits a batch's results at the markers: each query's own (one result, or several for a multi-statement one). */
function resultsPerQuery(results: Result, count: number): Result[] {
  const all = Array.isArray(results) ? results : [results];
  const groups: QueryResult[][] = [[]];
  for (const result of all) {
    if (result.fields?.[0]?.name === BOUNDARY_COLUMN) groups.push([]);
    else groups.at(-1)?.push(result);
  }
  if (groups.length !== count) throw new Error(`a query batch answered ${groups.length} results for ${count} queries`);
  return groups.map((group) => (group.length === 1 ? (group[0] as QueryResult) : group));
}

/**
 * Makes `client` batch the queries issued within one turn of the event loop until the returned function is called
 * (it sends what is still queued and restores the client).
 */
export function batchQueries(client: ClientBase): () => void {
  const original = client.query;
  const ownQuery = Object.hasOwn(client, 'query');
  const send = (...args: unknown[]) => (original as (...a: unknown[]) => Promise<Result>).apply(client, args);
  let queue: Queued[] = [];
  let scheduled = false;

  const sendAlone = ({ text, values, arrays, resolve, reject }: Queued) =>
    send(arrays ? { text, values, rowMode: 'array' } : { text, values }).then(resolve, reject);

  const flush = () => {
    scheduled = false;
    const batch = queue;
    queue = [];
    const inlined = batch.length > 1 ? batch.map((queued) => inlineParameters(queued.text, queued.values)) : [];
    if (batch.length < 2 || inlined.some((text) => text === null)) {
      for (const queued of batch) sendAlone(queued);
      return;
    }
    const failAll = (error: unknown) => {
      for (const queued of batch) queued.reject(error);
    };
    // The newline before each separator ends a trailing line comment.
    send({ text: inlined.join(`\n;${BOUNDARY};\n`), rowMode: 'array' })
      .then((results) => {
        const split = resultsPerQuery(results, batch.length);
        for (const [n, queued] of batch.entries()) {
          const own = split[n] as Result;
          if (queued.arrays) queued.resolve(own);
          else queued.resolve(Array.isArray(own) ? own.map(withRowsAsObjects) : withRowsAsObjects(own));
        }
      })
      .catch(failAll);
  };

  const batching = (config: unknown, values?: unknown, callback?: unknown) => {
    const query = batchable(config, values, callback);
    if (!query) {
      flush();
      return send(config, values, callback);
    }
    return new Promise<Result>((resolve, reject) => {
      queue.push({ ...query, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
  };
  client.query = batching as typeof client.query;
  return () => {
    flush();
    // Given back as it was: a client that had its prototype's query() has it again (not a copy of it as its own).
    if (ownQuery) client.query = original;
    else delete (client as { query?: unknown }).query;
  };
}

type Run = <T>(work: (client: ClientBase) => Promise<T>) => Promise<T>;

interface Work {
  work: (client: ClientBase) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Small reads issued at once (a change's lookups: the role and the table it names, schema USAGE, the database) run
 * on one connection of `run`, their queries in one round trip, instead of one connection and round trip each (a
 * read's failure comes back `typed`, as `run` would have made it). Outside
 * a transaction the batch is one implicit transaction: a read that fails fails the others of its batch, as a lost
 * connection would.
 */
export function together(run: Run, typed: (error: unknown) => unknown): Run {
  let pending: Work[] = [];
  const start = () => {
    const batch = pending;
    pending = [];
    const [only] = batch;
    if (only && batch.length === 1) {
      run(only.work).then(only.resolve, only.reject);
      return;
    }
    run(async (client) => {
      const unbatch = batchQueries(client);
      try {
        await Promise.all(
          batch.map(({ work, resolve, reject }) => work(client).then(resolve, (error) => reject(typed(error)))),
        );
      } finally {
        unbatch();
      }
    }).catch((error: unknown) => {
      for (const { reject } of batch) reject(error);
    });
  };
  return <T>(work: (client: ClientBase) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (pending.length === 1) setImmediate(start);
    });
}
