import { join } from 'node:path';
import pg from 'pg';
import { quoteIdent } from './catalog/identifiers.js';
import { loadConfig } from './config.js';
import { type EmbeddedCluster, startEmbeddedCluster } from './embedded/cluster.js';
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
  ]);
}

const METADATA_DATABASE = 'rolecall';

/** Creates the metadata database in the embedded cluster once; managed roles must not even connect to it. */
async function ensureMetadataDatabase(cluster: EmbeddedCluster): Promise<string> {
  const client = new pg.Client(cluster.url());
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
  return cluster.url(METADATA_DATABASE);
}

async function startEmbedded(dataDir: string, logger: Logger): Promise<EmbeddedCluster> {
  const started = Date.now();
  const cluster = await startEmbeddedCluster({
    dir: join(dataDir, 'postgres'),
    persistent: true,
    onLog: (line) => logger.debug({ postgres: line.trim() }),
  });
  logger.info({ port: cluster.port, ms: Date.now() - started }, 'embedded PostgreSQL started');
  return cluster;
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const clusterStarting = config.databaseUrl ? null : startEmbedded(config.dataDir, logger);
  // Awaited below; a failure meanwhile must not count as unhandled.
  clusterStarting?.catch(() => undefined);
  const [{ buildApp }, { closeServices, createServices, startDriftWatcher }, { applyMigrations }, { ensureDemo }] =
    await loadRolecall();
  const cluster = await clusterStarting;
  const metadataUrl = config.databaseUrl ?? (await ensureMetadataDatabase(cluster as EmbeddedCluster));
  await applyMigrations(metadataUrl, logger);
  const services = await createServices({ config, logger, metadataUrl });
  if (cluster && config.demo) services.demo = await ensureDemo(cluster, services);
  const drift = startDriftWatcher(services, metadataUrl);
  const app = buildApp(services);
  const url = await app.start(config.port, config.host);
  logger.info({ url, graphql: `${url}/graphql`, ms: Date.now() - startedAt }, 'Rolecall is ready');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app.stop();
    await drift.stop();
    await closeServices(services);
    await cluster?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
