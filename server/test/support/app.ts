import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { type App, buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { EmbeddedCluster } from '../../src/embedded/cluster.js';
import { createLogger } from '../../src/logger.js';
import { applyMigrations } from '../../src/metadata/migrate.js';
import { closeServices, createServices, startDriftWatcher } from '../../src/services.js';
import { TestClient } from './client.js';
import { type RestartableCluster, startRestartableCluster, startTestCluster, testedPostgres } from './cluster.js';
import { readExternalEvents, watchExternalEvents } from './external-scan.js';
import { watchEvents, watchLogs } from './secrets-scan.js';

export { testedPostgres } from './cluster.js';
export { leakedSecrets, secret, transcript } from './secrets-scan.js';

export interface Instance {
  url: string;
  app: App;
  client(): TestClient;
  stop(): Promise<void>;
}

export interface TestApp {
  app: App;
  url: string;
  /**
   * Another Rolecall instance on the same metadata database (as behind a load balancer), or the same one restarted;
   * `env` overrides the configuration (e.g. `{ NODE_ENV: 'production' }`).
   */
  startInstance(env?: Record<string, string>): Promise<Instance>;
  cluster: EmbeddedCluster;
  /**
   * Restarts the cluster (the metadata store and the databases on it) with its data, running `whileDown` while it is
   * down; only for apps started with `{ restartable: true }`.
   */
  restartCluster(whileDown?: () => Promise<void>): Promise<void>;
  /** Every log line the app wrote. */
  logs: string[];
  client(): TestClient;
  /** Runs SQL as the cluster's superuser, as a DBA in psql would. */
  sql<R extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    values?: unknown[],
    database?: string,
  ): Promise<R[]>;
  stop(): Promise<void>;
}

export interface TestAppOptions {
  /** Keep the cluster's data across `restartCluster()` (costs a little more to start). */
  restartable?: boolean;
}

/** The Event table's payloads and SQL, as text for the leak scan. */
async function eventsText(metadataUrl: string): Promise<string> {
  const client = new pg.Client(metadataUrl);
  // A connection lost mid-query rejects that query; unheard, the client's 'error' event would crash the test run.
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query('SELECT kind, payload, sql FROM "Event" ORDER BY id');
    return rows.map((row) => JSON.stringify(row)).join('\n');
  } finally {
    await client.end();
  }
}

async function superuserClient(cluster: EmbeddedCluster): Promise<pg.Client> {
  const client = new pg.Client(cluster.url());
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

export async function startTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const restartable: RestartableCluster | null = options.restartable ? await startRestartableCluster() : null;
  const cluster: EmbeddedCluster = restartable ?? (await startTestCluster());
  let admin = await superuserClient(cluster);
  // Tests choose their expectations from testedPostgres: make sure it names the version that really runs (a
  // restartable cluster is always the embedded 18).
  const expected = restartable ? 18 : testedPostgres.version;
  const { rows: version } = await admin.query<{ num: string }>('SELECT current_setting($1) AS num', [
    'server_version_num',
  ]);
  if (Math.floor(Number(version[0]?.num) / 10000) !== expected)
    throw new Error(`expected PostgreSQL ${expected}, but the cluster runs ${version[0]?.num}`);
  await admin.query('CREATE DATABASE rolecall_metadata');
  await admin.query('REVOKE ALL ON DATABASE rolecall_metadata FROM PUBLIC');
  const metadataUrl = cluster.url('rolecall_metadata');
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const logger = createLogger('debug', sink);
  watchLogs(logs);
  const events = watchEvents(() => eventsText(metadataUrl));
  const externalEvents = watchExternalEvents(() => readExternalEvents(metadataUrl));
  await applyMigrations(metadataUrl, logger);
  const dataDir = await mkdtemp(join(tmpdir(), 'rolecall-data-'));
  const configOf = (overrides: Record<string, string>) =>
    loadConfig({ NODE_ENV: 'test', ROLECALL_DATA_DIR: dataDir, LOG_LEVEL: 'debug', ...env, ...overrides });
  const startInstance = async (overrides: Record<string, string> = {}): Promise<Instance> => {
    const services = await createServices({ config: configOf(overrides), logger, metadataUrl });
    const drift = startDriftWatcher(services, metadataUrl);
    const app = buildApp(services);
    const url = await app.start(0);
    return {
      url,
      app,
      client: () => new TestClient(url),
      stop: async () => {
        await app.stop();
        await drift.stop();
        await closeServices(services);
      },
    };
  };
  const first = await startInstance();
  const { app, url } = first;

  return {
    app,
    url,
    cluster,
    logs,
    client: () => new TestClient(url),
    sql: async (text, values, database) => {
      if (!database) return (await admin.query(text, values)).rows;
      const client = new pg.Client(cluster.url(database));
      client.on('error', () => undefined);
      await client.connect();
      try {
        return (await client.query(text, values)).rows;
      } finally {
        await client.end();
      }
    },
    startInstance,
    restartCluster: async (whileDown) => {
      if (!restartable) throw new Error('restartCluster needs startTestApp(env, { restartable: true })');
      await admin.end().catch(() => undefined);
      await restartable.restart(whileDown);
      admin = await superuserClient(cluster);
    },
    stop: async () => {
      await first.stop();
      await events.capture();
      await externalEvents.capture();
      await admin.end();
      await cluster.stop();
    },
  };
}
