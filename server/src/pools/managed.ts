import pg from 'pg';
import { fromPostgres, ServerUnavailableError } from '../errors.js';
import type { Logger } from '../logger.js';
import { batchQueries } from './batched-queries.js';
import { commitOutcome } from './commit-outcome.js';
import { SerialClient } from './serial-client.js';
import { type ServerTls, sameTls, sslOptions } from './tls.js';

/** Where and as whom to connect on a managed server. */
export interface ConnectionTarget {
  host: string;
  port: number;
  database: string;
  role: string;
  password: string;
  /** The server's TLS settings: every connection to it uses them. */
  tls: ServerTls;
}

/** What a pool is for and how many connections it holds; never its password. */
export interface OpenPool {
  host: string;
  port: number;
  database: string;
  role: string;
  connections: number;
}

/** One open pool's connections, for metrics: its server (host:port) only, never its role or password. */
export interface PoolUsage {
  server: string;
  connections: number;
  idle: number;
  /** Requests waiting for one of its connections. */
  waiting: number;
}

interface Entry {
  pool: pg.Pool;
  target: ConnectionTarget;
  lastUsed: number;
}

const CONNECT_TIMEOUT_MS = 5_000;

function keyOf(target: Omit<ConnectionTarget, 'password'>): string {
  return JSON.stringify([target.host, target.port, target.database, target.role]);
}

function clientConfig(target: ConnectionTarget): pg.ClientConfig {
  return {
    host: target.host,
    port: target.port,
    database: target.database,
    user: target.role,
    password: target.password,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: 'rolecall',
    // A role may carry settings of its own (ALTER ROLE … SET): the driver parses dates only in ISO style, and a
    // search_path that puts the role's own functions or operators ahead of pg_catalog would let it shape what
    // Rolecall reads as it — and shows others (the shared role snapshot, the drift watcher's events).
    options: '-c DateStyle=ISO,MDY -c search_path=pg_catalog,pg_temp',
    ssl: sslOptions(target.tls),
  };
}

/**
 * A new connection is handed out through a promise: its taker listens for errors a tick later. A server shutting
 * down as the connection became ready sends its ReadyForQuery and its FATAL (57P01) in one packet, read in one go:
 * without a listener of its own from the start, that FATAL is an uncaught exception that ends the process. The query
 * in flight, if any, still rejects with it, and the pool drops the connection when it comes back.
 */
export function listenForErrors(client: pg.Client): void {
  client.on('error', () => undefined);
}

/**
 * One small pool per (server, database, role): every statement for a collaborator runs on a connection
 * that logged in as that collaborator's configured role, never as a more powerful one.
 */
export class ManagedPools {
  private readonly entries = new Map<string, Entry>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly idleMs: number,
    private readonly logger: Logger,
    /** Told how long each request waited for a connection, by server (host:port): metrics. */
    private readonly waited: (server: string, seconds: number) => void = () => undefined,
  ) {
    this.sweeper = setInterval(() => this.evictIdle(), Math.max(1_000, idleMs / 2));
    this.sweeper.unref();
  }

  private poolFor(target: ConnectionTarget): pg.Pool {
    const key = keyOf(target);
    const existing = this.entries.get(key);
    if (existing && existing.target.password === target.password && sameTls(existing.target.tls, target.tls)) {
      existing.lastUsed = Date.now();
      return existing.pool;
    }
    if (existing) void this.close(key);
    const pool = new pg.Pool({ ...clientConfig(target), max: 4, idleTimeoutMillis: this.idleMs, Client: SerialClient });
    // An idle connection dropped by the server must not crash the process; the pool replaces it.
    pool.on('error', (error) => this.logger.warn({ err: error.message, host: target.host }, 'managed connection lost'));
    pool.on('connect', listenForErrors);
    this.entries.set(key, { pool, target, lastUsed: Date.now() });
    return pool;
  }

  /** Runs `work` on a connection of `target`; PostgreSQL failures come back as typed errors. */
  async withClient<T>(target: ConnectionTarget, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    const asked = performance.now();
    try {
      client = await this.poolFor(target).connect();
    } catch (error) {
      throw fromPostgres(error);
    }
    this.waited(`${target.host}:${target.port}`, (performance.now() - asked) / 1000);
    // The pool stops listening while a client is checked out: a connection dying between two queries of `work`
    // must not crash the process. Its next query fails instead, and release() drops it.
    const lost = (error: Error) =>
      this.logger.warn({ err: error.message, host: target.host }, 'managed connection lost');
    client.on('error', lost);
    try {
      return await work(client);
    } catch (error) {
      throw fromPostgres(error);
    } finally {
      client.off('error', lost);
      client.release();
    }
  }

  /**
   * Runs `work` in one transaction: either all of it applies or none of it does. A COMMIT that lost its connection
   * before PostgreSQL answered is settled by asking the server what became of the transaction (`transactionIdOf`
   * names it, from what `work` returned): committed, `work`'s result stands, as if the answer had come.
   */
  async transaction<T>(
    target: ConnectionTarget,
    work: (client: pg.PoolClient) => Promise<T>,
    transactionIdOf?: (result: T) => string | null,
  ): Promise<T> {
    const committing: { result?: { of: T } } = {};
    try {
      return await this.withClient(target, async (client) => {
        const unbatch = batchQueries(client);
        try {
          // BEGIN travels with the work's first queries.
          const [, result] = await Promise.all([client.query('BEGIN'), work(client)]);
          committing.result = { of: result };
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          unbatch();
        }
      });
    } catch (error) {
      const xid = committing.result && transactionIdOf?.(committing.result.of);
      if (!committing.result || !xid || !(error instanceof ServerUnavailableError)) throw error;
      await this.settleLostCommit(target, xid, error);
      return committing.result.of;
    }
  }

  /** Returns when the server says the transaction committed; throws an error saying what it says otherwise. */
  private async settleLostCommit(target: ConnectionTarget, xid: string, lost: ServerUnavailableError): Promise<void> {
    const outcome = await commitOutcome(clientConfig(target), xid);
    this.logger.warn({ host: target.host, err: lost.message, outcome }, 'a COMMIT lost its connection');
    if (outcome === 'committed') return;
    throw new ServerUnavailableError(
      outcome === 'aborted'
        ? 'The connection to PostgreSQL was lost as the change was being committed; the server says it did not commit, so nothing was applied.'
        : 'The connection to PostgreSQL was lost as the change was being committed, and the server could not be asked whether it committed: it may have been applied. If it was, the live feed reports it as a change made outside Rolecall.',
      lost.sqlstate,
      lost.detail,
    );
  }

  /** Runs `work` in a transaction that is always rolled back: PostgreSQL's verdict on it, and nothing applied. */
  async rehearse<T>(target: ConnectionTarget, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.withClient(target, async (client) => {
      const unbatch = batchQueries(client);
      try {
        const [, result] = await Promise.all([client.query('BEGIN'), work(client)]);
        return result;
      } finally {
        await client.query('ROLLBACK').catch(() => undefined);
        unbatch();
      }
    });
  }

  /** Forgets the pools of a role (its stored password changed or was removed). */
  async forgetRole(host: string, port: number, role: string): Promise<void> {
    await this.closeWhere((target) => target.host === host && target.port === port && target.role === role);
  }

  /** Forgets the pools of a database, whatever their role (Rolecall no longer manages it). */
  async forgetDatabase(host: string, port: number, database: string): Promise<void> {
    await this.closeWhere((target) => target.host === host && target.port === port && target.database === database);
  }

  private async closeWhere(matches: (target: ConnectionTarget) => boolean): Promise<void> {
    const closing = [...this.entries].filter(([, { target }]) => matches(target));
    await Promise.all(closing.map(([key]) => this.close(key)));
  }

  private async close(key: string): Promise<void> {
    const entry = this.entries.get(key);
    this.entries.delete(key);
    await entry?.pool.end().catch(() => undefined);
  }

  private evictIdle(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) {
      if (entry.pool.totalCount === 0 && now - entry.lastUsed > this.idleMs) void this.close(key);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** The pools open now: which (server, database, role) holds connections (the pool tests check eviction by it). */
  openPools(): OpenPool[] {
    return [...this.entries.values()].map(({ pool, target }) => ({
      host: target.host,
      port: target.port,
      database: target.database,
      role: target.role,
      connections: pool.totalCount,
    }));
  }

  usage(): PoolUsage[] {
    return [...this.entries.values()].map(({ pool, target }) => ({
      server: `${target.host}:${target.port}`,
      connections: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
    }));
  }

  async end(): Promise<void> {
    clearInterval(this.sweeper);
    await Promise.all([...this.entries.keys()].map((key) => this.close(key)));
  }
}

/** Logs in once as `target` and returns `current_user`: the proof that a password is right. */
export async function verifyLogin(target: ConnectionTarget): Promise<string> {
  const client = new pg.Client(clientConfig(target));
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ current_user: string }>('SELECT current_user');
    return rows[0]?.current_user ?? target.role;
  } catch (error) {
    throw fromPostgres(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}
