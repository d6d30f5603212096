import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Services } from '../context.js';
import {
  MIGRATION_ROWS_SQL,
  type Migration,
  type MigrationRow,
  readMigrations,
  unappliedMigrations,
} from '../metadata/migrate.js';

/**
 * A probe must answer well within a load balancer's or kubelet's own timeout (1 s by default in Kubernetes), and a
 * metadata database that takes longer than this to say `SELECT 1` cannot serve requests either.
 */
const METADATA_TIMEOUT_MS = 800;

type Checks = Record<'database' | 'migrations' | 'signal', string>;

interface Readiness {
  status: 'ready' | 'not ready' | 'shutting down';
  /** The checks that failed, by name; empty when ready. */
  failed: string[];
  checks?: Checks;
}

type MetadataChecks = Pick<Checks, 'database' | 'migrations'>;

const SHUTTING_DOWN: Readiness = { status: 'shutting down', failed: ['shutdown'] };

function timeout(ms: number): { expired: Promise<'timeout'>; clear(): void } {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  return { expired, clear: () => clearTimeout(timer) };
}

/** The migrations on disk, read once (they do not change under a running process). */
function migrationsOnDisk(): () => Promise<Migration[]> {
  let read: Promise<Migration[]> | null = null;
  return () => {
    read ??= readMigrations().catch((error) => {
      read = null;
      throw error;
    });
    return read;
  };
}

async function migrationState(metadata: Services['metadata'], onDisk: () => Promise<Migration[]>): Promise<string> {
  try {
    const rows = await metadata.$queryRawUnsafe<MigrationRow[]>(MIGRATION_ROWS_SQL);
    return unappliedMigrations(await onDisk(), rows).length === 0 ? 'ok' : 'pending';
  } catch {
    // No table yet, a half-applied or modified migration: the start-up migration says which, in its own log.
    return 'unreadable';
  }
}

/** Error texts are never passed on: a driver's message can name the database's host, user or URL. */
async function metadataChecks(
  metadata: Services['metadata'],
  onDisk: () => Promise<Migration[]>,
): Promise<MetadataChecks> {
  const reachable = await metadata.$queryRawUnsafe('SELECT 1').then(
    () => true,
    () => false,
  );
  if (!reachable) return { database: 'unreachable', migrations: 'not checked' };
  return { database: 'ok', migrations: await migrationState(metadata, onDisk) };
}

/**
 * Probes share the checks in flight, even past their timeout: against a metadata database that does not answer at
 * all (a lost network), each probe would otherwise leave one more query waiting in the pool.
 */
function boundedMetadataChecks(
  metadata: Services['metadata'],
  onDisk: () => Promise<Migration[]>,
): () => Promise<MetadataChecks> {
  let inFlight: Promise<MetadataChecks> | null = null;
  return async () => {
    inFlight ??= metadataChecks(metadata, onDisk).finally(() => {
      inFlight = null;
    });
    const limit = timeout(METADATA_TIMEOUT_MS);
    const outcome = await Promise.race([inFlight, limit.expired]);
    limit.clear();
    return outcome === 'timeout' ? { database: 'timeout', migrations: 'not checked' } : outcome;
  };
}

async function checkReadiness(metadataState: () => Promise<MetadataChecks>, bus: Services['bus']): Promise<Readiness> {
  const checks: Checks = { ...(await metadataState()), signal: bus.signalConnected ? 'ok' : 'disconnected' };
  const failed = Object.entries(checks)
    .filter(([, state]) => state !== 'ok')
    .map(([name]) => name);
  return { status: failed.length === 0 ? 'ready' : 'not ready', failed, checks };
}

function answer(request: IncomingMessage, response: ServerResponse, status: number, body: object): void {
  const json = Buffer.from(JSON.stringify(body));
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': json.length,
    'cache-control': 'no-store',
  });
  response.end(request.method === 'HEAD' ? undefined : json);
}

/** Probes come every few seconds from every balancer: only a change of verdict is worth a log line. */
function verdictLogger(logger: Services['logger']): (readiness: Readiness) => void {
  let last = '';
  return (readiness) => {
    const verdict = readiness.failed.join(',');
    if (verdict === last || readiness.status === 'shutting down') return;
    last = verdict;
    if (verdict) logger.warn({ failed: readiness.failed, checks: readiness.checks }, 'not ready');
    else logger.info('ready');
  };
}

export type HealthProbes = (request: IncomingMessage, response: ServerResponse) => boolean;

/**
 * `/healthz` (liveness: the process serves HTTP) and `/readyz` (readiness: this instance can serve requests and hear
 * events, and is not shutting down), unauthenticated and cheap. Returns whether it answered the request.
 */
export function healthProbes(services: Services, shuttingDown: () => boolean): HealthProbes {
  const metadataState = boundedMetadataChecks(services.metadata, migrationsOnDisk());
  const logVerdict = verdictLogger(services.logger);
  const readiness = async (): Promise<Readiness> => {
    if (shuttingDown()) return SHUTTING_DOWN;
    const outcome = await checkReadiness(metadataState, services.bus);
    logVerdict(outcome);
    return shuttingDown() ? SHUTTING_DOWN : outcome;
  };

  return (request, response) => {
    const path = request.url?.split('?')[0];
    if (path !== '/healthz' && path !== '/readyz') return false;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      answer(request, response, 405, { error: 'METHOD_NOT_ALLOWED' });
    } else if (path === '/healthz') {
      answer(request, response, 200, { status: 'ok' });
    } else {
      readiness()
        .then((outcome) => answer(request, response, outcome.status === 'ready' ? 200 : 503, outcome))
        .catch(() => response.destroy());
    }
    return true;
  };
}
