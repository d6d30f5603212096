import { readFileSync } from 'node:fs';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { fromPostgres, TlsError } from '../errors.js';
import { type Prisma, PrismaClient } from '../generated/prisma/client.js';
import { listenForErrors } from '../pools/managed.js';
import { type SslMode, sslOptions } from '../pools/tls.js';
import { MetadataUnreachableError } from './errors.js';

export type Metadata = PrismaClient;

type TransactionBody = (tx: Prisma.TransactionClient) => Promise<unknown>;

/** What each open interactive transaction runs once it has committed. */
const onCommit = new WeakMap<Prisma.TransactionClient, (() => void)[]>();
/** Metadata clients themselves: used as a writer outside a transaction, each statement has committed on its own. */
const autocommit = new WeakSet<Prisma.TransactionClient>();

/** Prisma has no commit hook (prisma/prisma#11920): interactive transactions keep a list of what to run after. */
function trackCommits(client: PrismaClient): PrismaClient {
  const transaction = client.$transaction.bind(client) as (arg: unknown, options?: unknown) => Promise<unknown>;
  const tracked = async (body: TransactionBody, options?: unknown) => {
    const callbacks: (() => void)[] = [];
    const result = await transaction((tx: Prisma.TransactionClient) => {
      onCommit.set(tx, callbacks);
      return body(tx);
    }, options);
    for (const callback of callbacks) callback();
    return result;
  };
  autocommit.add(client);
  client.$transaction = ((arg: unknown, options?: unknown) =>
    typeof arg === 'function'
      ? tracked(arg as TransactionBody, options)
      : transaction(arg, options)) as Metadata['$transaction'];
  return client;
}

/**
 * Runs `callback` (which must not throw) once the metadata transaction `writer` has committed, and never if it rolls
 * back: for what others may only learn about once they can read it.
 */
export function afterCommit(writer: Prisma.TransactionClient, callback: () => void): void {
  const callbacks = onCommit.get(writer);
  if (callbacks) callbacks.push(callback);
  else if (autocommit.has(writer)) callback();
  else throw new Error('afterCommit needs an interactive transaction of the metadata client');
}

/** The URL parameters read here rather than by `pg`, whose own reading of them differs from libpq's. */
const TLS_PARAMETERS = ['sslmode', 'sslrootcert', 'sslcert', 'sslkey'];

/**
 * libpq's sslmode, as a managed server's mode. `pg` alone reads `require` and `verify-ca` as `verify-full`, and libpq
 * reads `require` with a root certificate as `verify-ca`: this keeps libpq's meaning.
 */
function metadataSslMode(sslmode: string, hasRootCert: boolean): SslMode {
  switch (sslmode) {
    case 'disable':
      return 'DISABLE';
    case 'require':
      return hasRootCert ? 'VERIFY_CA' : 'REQUIRE';
    case 'verify-ca':
      if (!hasRootCert)
        throw new Error('DATABASE_URL: sslmode=verify-ca needs sslrootcert=<path of the CA certificate>');
      return 'VERIFY_CA';
    case 'verify-full':
      return 'VERIFY_FULL';
    case 'prefer':
    case 'allow':
      throw new Error(
        `DATABASE_URL: sslmode=${sslmode} falls back between TLS and plain connections, which node-postgres cannot do; use sslmode=disable, require, verify-ca or verify-full`,
      );
    default:
      throw new Error(`DATABASE_URL: unknown sslmode=${sslmode}`);
  }
}

function readPem(path: string, parameter: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`DATABASE_URL: ${parameter}=${path} cannot be read (${(error as NodeJS.ErrnoException).code})`);
  }
}

/**
 * `pg`'s configuration for the metadata database: the URL, with its TLS parameters (sslmode=disable | require |
 * verify-ca | verify-full, sslrootcert=<path> or `system`, sslcert, sslkey) read as libpq reads them. Without sslmode,
 * the URL goes to `pg` unchanged, as before TLS settings existed.
 */
export function metadataConnection(databaseUrl: string): pg.ClientConfig {
  const url = URL.canParse(databaseUrl) ? new URL(databaseUrl) : null;
  const sslmode = url?.searchParams.get('sslmode') ?? null;
  if (!url || sslmode === null) return { connectionString: databaseUrl };
  const rootCert = url.searchParams.get('sslrootcert');
  const cert = url.searchParams.get('sslcert');
  const key = url.searchParams.get('sslkey');
  for (const parameter of TLS_PARAMETERS) url.searchParams.delete(parameter);
  const caCertificate = rootCert && rootCert !== 'system' ? readPem(rootCert, 'sslrootcert') : null;
  const ssl = sslOptions({ sslMode: metadataSslMode(sslmode, caCertificate !== null), caCertificate });
  if (ssl && cert) ssl.cert = readPem(cert, 'sslcert');
  if (ssl && key) ssl.key = readPem(key, 'sslkey');
  return { connectionString: url.toString(), ssl };
}

/** A failure to reach the metadata database, said plainly when it is TLS (start-up stops on it). */
export function metadataConnectionError(error: unknown): unknown {
  const typed = fromPostgres(error);
  if (!(typed instanceof TlsError)) return error;
  return new Error(`DATABASE_URL: TLS to the metadata database failed (${typed.reason}): ${typed.message}`, {
    cause: error,
  });
}

/** How long a read whose connection was lost is tried again on others (its database restarting, say). */
const READ_RETRY_MS = 3_000;
/**
 * How long a refused connection is tried again: a restart's last moments, not an outage (readiness reports that as
 * "unreachable" within its own 800 ms).
 */
const CONNECT_RETRY_MS = 500;
const RETRY_BACKOFF_MS = [0, 50, 100, 200, 400, 800];

/** The server or the network ended the session, or refused it: another connection may well succeed. */
function connectionLost(error: unknown): boolean {
  const { code = '', message = '' } = (error ?? {}) as { code?: string; message?: string };
  if (/^(08|57P0[123])/.test(code)) return true;
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(code)) return true;
  return /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect/i.test(
    message,
  );
}

/** Refused before any statement was sent: the connection was never made (the server is down, starting or full). */
function neverConnected(error: unknown): boolean {
  const { code = '', message = '' } = (error ?? {}) as { code?: string; message?: string };
  return ['ECONNREFUSED', '57P03', '53300'].includes(code) || /timeout exceeded when trying to connect/.test(message);
}

/**
 * A statement that changes nothing when run twice: Prisma's reads, and raw SELECTs other than the ones that lock or
 * move a sequence (a second pg_notify is a second "something new", which carries nothing).
 */
function repeatable(query: unknown): boolean {
  const text = typeof query === 'string' ? query : ((query as { text?: unknown } | null)?.text ?? '');
  return (
    typeof text === 'string' &&
    /^\s*SELECT\b/i.test(text) &&
    !/\b(pg_advisory\w*|nextval|setval|FOR\s+(NO\s+KEY\s+)?(UPDATE|SHARE|KEY\s+SHARE))\b/i.test(text)
  );
}

async function retrying<T>(
  attempt: () => Promise<T>,
  mayRetry: (error: unknown) => boolean,
  windowMs: number,
): Promise<T> {
  const deadline = Date.now() + windowMs;
  for (let tries = 0; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      const wait = RETRY_BACKOFF_MS[Math.min(tries, RETRY_BACKOFF_MS.length - 1)] ?? 800;
      if (!mayRetry(error) || Date.now() + wait > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

type ConnectCallback = (error: Error | undefined, client: pg.PoolClient | undefined, done: () => void) => void;

/**
 * The metadata pool rides out the loss of its connections (pg_terminate_backend, a restart of its database, an idle
 * connection the server ended just before it was used): a read whose connection was lost is tried again on another
 * one for a few seconds, and a connection refused for a moment. A write whose connection was lost is
 * not: it may have committed, and running it again could record an event twice.
 */
class MetadataPool extends pg.Pool {
  constructor(config: pg.PoolConfig) {
    super(config);
    this.on('connect', listenForErrors);
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | undefined {
    const connecting = retrying(() => super.connect(), neverConnected, CONNECT_RETRY_MS);
    if (!callback) return connecting;
    connecting.then(
      (client) => callback(undefined, client, () => client.release()),
      (error: Error) => callback(error, undefined, () => undefined),
    );
    return undefined;
  }

  // Prisma's queries outside a transaction come here, as one config object and no callback.
  override query(...args: unknown[]): never {
    const run = () => (super.query as (...given: unknown[]) => Promise<unknown>).apply(this, args);
    if (typeof args.at(-1) === 'function') return run() as never;
    // A refused connection has been waited out by connect() already.
    return retrying(
      run,
      (error) => connectionLost(error) && !neverConnected(error) && repeatable(args[0]),
      READ_RETRY_MS,
    ) as never;
  }
}

/** A pool without a database: every query is refused at once, before anything is sent. */
class NoDatabase extends pg.Pool {
  override query(): never {
    return Promise.reject(new Error('no database')) as never;
  }
}

/**
 * Readies Prisma's query compiler without a database, while PostgreSQL is still starting: loading its 3 MB of
 * WebAssembly costs a tenth of a second of CPU, once per process for every client. With `compileQueries`, when there
 * is time to spare (initdb is running), the throw-away client also compiles the queries start-up runs first (its pool
 * refuses them): the first compilations are the slow ones.
 */
export async function prepareQueryCompiler({ compileQueries }: { compileQueries: boolean }): Promise<void> {
  const client = new PrismaClient({ adapter: new PrismaPg(new NoDatabase()) });
  try {
    await client.$connect();
    if (!compileQueries) return;
    await Promise.allSettled([
      client.event.findFirst({ orderBy: { id: 'desc' }, select: { id: true } }),
      client.server.findFirst({ where: { isDemo: true } }),
    ]);
  } finally {
    await client.$disconnect();
  }
}

/** Prisma Client over the pg driver adapter: no native query engine is needed. */
export function createMetadataClient(databaseUrl: string): Metadata {
  const pool = new MetadataPool({ ...metadataConnection(databaseUrl), application_name: 'rolecall-metadata', max: 10 });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const client = trackCommits(new PrismaClient({ adapter }));
  pools.set(client, pool);
  return client;
}

const pools = new WeakMap<Metadata, pg.Pool>();

/**
 * A read of the hot path (a request whose credential is no longer in memory, a change's collaborator) as plain SQL
 * through node-postgres, prepared once per connection under `name`: Prisma's query pipeline costs about a millisecond
 * of CPU a call, and a relation it loads a round trip more.
 */
export async function namedRead<R extends pg.QueryResultRow>(
  metadata: Metadata,
  name: string,
  text: string,
  values: unknown[],
): Promise<R[]> {
  try {
    const { rows } = await metadataPool(metadata).query<R>({ name, text, values });
    return rows;
  } catch (error) {
    throw connectionLost(error) || neverConnected(error) ? new MetadataUnreachableError(error) : error;
  }
}

/**
 * The pool under a metadata client, for the statement every change sends (its event's insert): as plain SQL through
 * node-postgres it skips Prisma's query pipeline, a millisecond of CPU a call.
 */
export function metadataPool(metadata: Metadata): pg.Pool {
  const pool = pools.get(metadata);
  if (!pool) throw new Error('this metadata client was not made by createMetadataClient');
  return pool;
}
