import type { CookieJar } from './auth/cookies.js';
import type { LoginThrottle } from './auth/throttle.js';
import type { RoleSnapshots } from './catalog/role-snapshot.js';
import type { Config } from './config.js';
import type { DemoDatabase } from './embedded/demo.js';
import type { EventBus } from './events/bus.js';
import type { EventLog } from './events/log.js';
import type { User } from './generated/prisma/client.js';
import type { Logger } from './logger.js';
import type { Metadata } from './metadata/client.js';
import type { Metrics } from './metrics/metrics.js';
import type { ManagedPools } from './pools/managed.js';
import type { Loaders } from './scope/loaders.js';
import type { SecretBox } from './secrets/cipher.js';

/** Long-lived parts shared by every request. */
export interface Services {
  config: Config;
  logger: Logger;
  metadata: Metadata;
  pools: ManagedPools;
  secrets: SecretBox;
  events: EventLog;
  bus: EventBus;
  loginThrottle: LoginThrottle;
  metrics: Metrics;
  /** Each managed server's roles and memberships, read again only when they change. */
  roleSnapshots: RoleSnapshots;
  /** The embedded demo database offered to new installs, when there is one. */
  demo: DemoDatabase | null;
}

export interface Viewer {
  user: User;
  /** How the request authenticated; sessions can log out, tokens cannot. */
  via: { kind: 'session'; sessionId: string } | { kind: 'token'; tokenId: string };
}

export interface Context extends Services {
  viewer: Viewer | null;
  cookies: CookieJar;
  loaders: Loaders;
  request: Request;
  /** Where the request came from, for login throttling. */
  clientAddress: string;
}
