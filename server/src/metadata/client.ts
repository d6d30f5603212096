import { readFileSync } from 'node:fs';
import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import { fromPostgres, TlsError } from '../errors.js';
import { type Prisma, PrismaClient } from '../generated/prisma/client.js';
import { type SslMode, sslOptions } from '../pools/tls.js';

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

/** Prisma Client over the pg driver adapter: no native query engine is needed. */
export function createMetadataClient(databaseUrl: string): Metadata {
  const adapter = new PrismaPg({ ...metadataConnection(databaseUrl), application_name: 'rolecall-metadata', max: 10 });
  return trackCommits(new PrismaClient({ adapter }));
}
