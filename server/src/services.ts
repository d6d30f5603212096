import { LoginThrottle } from './auth/throttle.js';
import type { Config } from './config.js';
import type { Services } from './context.js';
import type { DemoDatabase } from './embedded/demo.js';
import { EventLog } from './events/log.js';
import type { Logger } from './logger.js';
import { createMetadataClient } from './metadata/client.js';
import { ManagedPools } from './pools/managed.js';
import { secretBox } from './secrets/cipher.js';
import { loadSecretKey } from './secrets/key.js';

export interface ServicesOptions {
  config: Config;
  logger: Logger;
  metadataUrl: string;
  demo?: DemoDatabase | null;
}

export async function createServices({ config, logger, metadataUrl, demo = null }: ServicesOptions): Promise<Services> {
  return {
    config,
    logger,
    metadata: createMetadataClient(metadataUrl),
    pools: new ManagedPools(config.poolIdleMs, logger),
    secrets: secretBox(await loadSecretKey(config.secretKey, config.dataDir)),
    events: new EventLog(),
    loginThrottle: new LoginThrottle(),
    demo,
  };
}

export async function closeServices(services: Services): Promise<void> {
  await services.pools.end();
  await services.metadata.$disconnect();
}
