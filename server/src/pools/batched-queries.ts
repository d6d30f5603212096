import type { ClientBase, QueryResult } from 'pg';
import pgUtils from 'pg/lib/utils.js';

/**
 * Queries a transaction issues at the same time travel to PostgreSQL together, in one round trip: a change locks and
 * reads what it touches at once, then runs its statements and reads what they did at once. node-postgres sends one
 * query at a time, so they go as one query string (the simple protocol), each query's results told apart by a marker
 * between them. A query with parameters runs as a prepared statement of its connection (PREPARE once, then EXECUTE
 * with its values as literals): PostgreSQL parses it once per connection, and plans it once when a generic plan
 * serves, where a query string is parsed and planned whole every time. PostgreSQL runs them in the order they were
 * issued and stops at the first that fails: every query of the batch then fails with that error, as the transaction
 * would have made them fail anyway. Only for use inside a transaction (outside one, a query string is its own
 * transaction).
 */

const BOUNDARY_COLUMN = 'rolecall batch boundary';
const BOUNDARY = `SELECT NULL AS "${BOUNDARY_COLUMN}"`;
const SEPARATOR = `\n;${BOUNDARY};\n`;

type Result = QueryResult | QueryResult[];

const noop = () => undefined;

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

/**
 * PostgreSQL's own choice (plan_cache_mode auto) keeps planning a catalog query anew for every EXECUTE, as the
 * generic plan's estimated cost is higher: measured, the generic plans ran as fast, and planning was most of a
 * grant's time in PostgreSQL. Only a batch's own statements are planned so (the setting is back after them, or
 * rolled back with a batch that fails).
 */
const GENERIC_PLANS = 'SET plan_cache_mode = force_generic_plan';
const DEFAULT_PLANS = 'RESET plan_cache_mode';

/** How many query texts a connection keeps prepared; past it, a query is prepared for its batch alone. */
const PREPARED_PER_CONNECTION = 200;

/**
 * The statements prepared on one connection, by query text. Each PREPARE gets a name never used on the connection
 * before: one in a batch that failed may or may not exist (PREPARE is not undone by a rollback, and what ran before
 * the failure is not told), so it is never named again, and its text is prepared anew under another name.
 */
interface Prepared {
  names: Map<string, string>;
  made: number;
}

const preparedOn = new WeakMap<ClientBase, Prepared>();

function preparedFor(client: ClientBase): Prepared {
  let prepared = preparedOn.get(client);
  if (!prepared) {
    prepared = { names: new Map(), made: 0 };
    preparedOn.set(client, prepared);
  }
  return prepared;
}

/** The query texts this connection keeps prepared, each with its statement's name. */
export const preparedTexts = (client: ClientBase): ReadonlyMap<string, string> =>
  preparedOn.get(client)?.names ?? new Map();

/** A batch as query strings: its statements' PREPAREs (apart: see queryStrings), then its queries. */
interface QueryStrings {
  /** The PREPAREs this connection has not run yet; null when it has run them all. */
  prepare: string | null;
  text: string;
  /** Prepared by `prepare`, to keep once it succeeded. */
  kept: [text: string, name: string][];
}

/**
 * The batch as query strings: every query with parameters EXECUTEd, the others as they are, with the DEALLOCATEs of
 * one-off statements last, each set apart by a marker; before them, the PREPAREs the connection has not run yet, as a
 * string of their own (PostgreSQL keeps the whole string a statement was prepared in as its text, for the session).
 * Null when a parameter has no literal.
 */
function queryStrings(prepared: Prepared, batch: readonly Plain[]): QueryStrings | null {
  const prepares: string[] = [];
  const forgets: string[] = [];
  const kept: [string, string][] = [];
  const queries: string[] = [];
  const inBatch = new Map<string, string>();
  let executes = false;
  for (const { text, values } of batch) {
    if (!values?.length) {
      queries.push(text);
      continue;
    }
    executes = true;
    const literals = values.map(literalOf);
    if (literals.some((literal) => literal === null)) return null;
    let name = prepared.names.get(text) ?? inBatch.get(text);
    if (name === undefined) {
      name = `rolecall_${++prepared.made}`;
      inBatch.set(text, name);
      prepares.push(`PREPARE ${name} AS ${text}`);
      if (prepared.names.size + kept.length < PREPARED_PER_CONNECTION) kept.push([text, name]);
      else forgets.push(`DEALLOCATE ${name}`);
    }
    queries.push(`EXECUTE ${name}(${literals.join(', ')})`);
  }
  // The newline before each separator ends a trailing line comment.
  return {
    prepare: prepares.length > 0 ? prepares.join('\n;') : null,
    text: executes
      ? [GENERIC_PLANS, ...queries, [DEFAULT_PLANS, ...forgets].join(';')].join(SEPARATOR)
      : ['', ...queries, ''].join(SEPARATOR),
    kept,
  };
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
    const [only] = batch;
    const prepared = preparedFor(client);
    const strings = only && (batch.length > 1 || only.values?.length) ? queryStrings(prepared, batch) : null;
    if (!strings) {
      for (const queued of batch) sendAlone(queued);
      return;
    }
    // Both sent now, in order (a later batch's queries must not run between them); a failed PREPARE's error is
    // every query's, not the aborted transaction's that follows.
    const preparing = strings.prepare ? send(strings.prepare) : null;
    const running = send({ text: strings.text, rowMode: 'array' });
    Promise.all([preparing, running])
      .then(([, results]) => {
        // The first part sets the plans, the last sets them back and forgets one-off statements.
        const split = resultsPerQuery(results, batch.length + 2).slice(1);
        for (const [n, queued] of batch.entries()) {
          const own = split[n] as Result;
          if (queued.arrays) queued.resolve(own);
          else queued.resolve(Array.isArray(own) ? own.map(withRowsAsObjects) : withRowsAsObjects(own));
        }
      })
      .catch((error: unknown) => {
        for (const queued of batch) queued.reject(error);
      });
    preparing?.then(() => {
      for (const [text, name] of strings.kept) prepared.names.set(text, name);
    }, noop);
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
