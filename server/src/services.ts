import { LoginThrottle } from './auth/throttle.js';
import { RoleSnapshots } from './catalog/role-snapshot.js';
import type { Config } from './config.js';
import type { Services } from './context.js';
import type { DemoDatabase } from './embedded/demo.js';
import { EventBus } from './events/bus.js';
import { DriftWatcher } from './events/drift.js';
import { EventLog } from './events/log.js';
import type { EventSignal } from './events/signal.js';
import { PostgresSignal } from './events/signal-postgres.js';
import type { Logger } from './logger.js';
import { createMetadataClient } from './metadata/client.js';
import { Metrics } from './metrics/metrics.js';
import { type InvitationExpiry, startInvitationExpiry } from './operations/invitations.js';
import { ManagedPools } from './pools/managed.js';
import { secretBox } from './secrets/cipher.js';
import { loadSecretKey } from './secrets/key.js';

export interface ServicesOptions {
  config: Config;
  logger: Logger;
  metadataUrl: string;
  demo?: DemoDatabase | null;
}

/** How instances tell each other about new events: Redis pub/sub when REDIS_URL is set, else LISTEN/NOTIFY. */
async function createEventSignal(config: Config, metadataUrl: string, logger: Logger): Promise<EventSignal> {
  if (!config.redisUrl) return new PostgresSignal(metadataUrl, logger);
  // Loaded only when used: ioredis alone adds about 0.2 s to every start.
  const { RedisSignal } = await import('./events/signal-redis.js');
  return new RedisSignal(config.redisUrl, logger);
}

/** Each instance's periodic invitation expiry, stopped with its services. */
const invitationExpiries = new WeakMap<Services, InvitationExpiry>();

export async function createServices({ config, logger, metadataUrl, demo = null }: ServicesOptions): Promise<Services> {
  const metadata = createMetadataClient(metadataUrl);
  const signal = await createEventSignal(config, metadataUrl, logger);
  const metrics = new Metrics({ processMetrics: config.metricsToken !== undefined });
  const bus = new EventBus(signal, metadata, logger, (event) => metrics.eventDelivered(event.createdAt));
  await bus.start();
  const pools = new ManagedPools(config.poolIdleMs, logger, (server, seconds) => metrics.poolWaited(server, seconds));
  metrics.countPools(() => pools.usage());
  const services: Services = {
    config,
    logger,
    metadata,
    pools,
    secrets: secretBox(await loadSecretKey(config.secretKey, config.dataDir)),
    events: new EventLog(metadata, signal, bus),
    bus,
    loginThrottle: new LoginThrottle(),
    roleSnapshots: new RoleSnapshots(),
    metrics,
    demo,
  };
  invitationExpiries.set(services, startInvitationExpiry(services, config.invitationExpirySweepMs));
  return services;
}

/** Starts the drift watcher of this instance; it polls only the servers whose watch it wins. */
export function startDriftWatcher(services: Services, metadataUrl: string): DriftWatcher {
  const watcher = new DriftWatcher(services, metadataUrl, services.config.driftIntervalMs);
  watcher.start();
  return watcher;
}

export async function closeServices(services: Services): Promise<void> {
  await invitationExpiries.get(services)?.stop();
  await services.bus.stop();
  await services.pools.end();
  await services.metadata.$disconnect();
}
