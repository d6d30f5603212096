import { resolve } from 'node:path';
import { z } from 'zod';

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  /** Metadata store. Unset: an embedded PostgreSQL cluster under ROLECALL_DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  ROLECALL_DATA_DIR: z.string().default('.data'),
  /** 32 bytes, base64 or hex, for AES-256-GCM of stored role passwords. Unset: a key file in the data dir. */
  ROLECALL_SECRET_KEY: z.string().optional(),
  /** Origins allowed to send cookie-authenticated requests and open WebSockets, besides the server's own. */
  ROLECALL_ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    ),
  /** Largest /graphql request body, and WebSocket message once a connection is initialised (1 MiB). */
  ROLECALL_MAX_REQUEST_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .default(1024 * 1024),
  /** Operations one WebSocket connection may have running at once (subscriptions, mostly). */
  ROLECALL_MAX_SUBSCRIPTIONS_PER_CONNECTION: z.coerce.number().int().positive().default(100),
  /**
   * How often a WebSocket is pinged and an event stream's connection checked; a client that has not answered (or
   * read) for this long again is dropped, so a half-open connection is freed within twice this.
   */
  ROLECALL_KEEP_ALIVE_MS: z.coerce.number().int().min(100).default(12_000),
  /** Subscriptions one user may hold across all connections and SSE streams of this instance. */
  ROLECALL_MAX_SUBSCRIPTIONS_PER_USER: z.coerce.number().int().positive().default(500),
  /**
   * The largest estimated cost of one GraphQL operation (graphql-armor's: each field weighted by its depth, a list by
   * its `first`). Reading every field of every database three levels deep costs about 5,200.
   */
  ROLECALL_MAX_QUERY_COST: z.coerce.number().int().min(1000).default(6000),
  /** Rolecall is behind a reverse proxy: take the client address for login throttling from its X-Forwarded-For. */
  ROLECALL_TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  /** Failed sign-ins from one client address, whatever the names, before it must wait out 15 minutes. */
  ROLECALL_LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(30),
  /** Serves GET /metrics (Prometheus) to requests bearing this token; unset or empty: no /metrics at all. */
  ROLECALL_METRICS_TOKEN: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.string().min(16, 'ROLECALL_METRICS_TOKEN must be at least 16 characters').optional(),
  ),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .default(24 * 14),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Seed and offer the embedded cluster as a demo server (only when the metadata store is embedded). */
  ROLECALL_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  POOL_IDLE_MS: z.coerce.number().int().positive().default(60_000),
  /** On SIGTERM, how long requests in flight may take to finish before they are cut. */
  ROLECALL_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  /** How often the drift watcher polls managed servers for changes made outside Rolecall. */
  DRIFT_INTERVAL_MS: z.coerce.number().int().min(100).default(2_000),
  /** How long an invitation link stays valid. */
  INVITATION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .default(24 * 7),
  /** How often each instance expires overdue invitations, so dashboards see an expiry nobody triggered. */
  INVITATION_EXPIRY_SWEEP_MS: z.coerce.number().int().min(100).default(60_000),
  /** smtp://user:pass@host:port (or smtps://) for invitation e-mails; unset: the link is returned to the inviter. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('Rolecall <rolecall@localhost>'),
  /** redis:// (or rediss://) for the event signal between instances; unset: LISTEN/NOTIFY on the metadata database. */
  REDIS_URL: z.string().url().optional(),
  /** The address people reach Rolecall at, for links; required with SMTP_URL; unset: http://HOST:PORT (as bound). */
  PUBLIC_URL: z.string().url().optional(),
});

export type Config = ReturnType<typeof loadConfig>;

/**
 * E-mailed links must point at the address people reach Rolecall at: never at a request's Host header (the sender
 * chooses it, and would receive the token), nor at a listening address nobody else can reach.
 */
function requirePublicUrlForMail(parsed: z.infer<typeof Env>): void {
  if (parsed.SMTP_URL && !parsed.PUBLIC_URL) {
    throw new Error(
      'PUBLIC_URL is required when SMTP_URL is set: e-mailed links are built from it (e.g. PUBLIC_URL=https://rolecall.example.com).',
    );
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = Env.parse(env);
  requirePublicUrlForMail(parsed);
  return {
    env: parsed.NODE_ENV,
    isDevelopment: parsed.NODE_ENV === 'development',
    port: parsed.PORT,
    host: parsed.HOST,
    databaseUrl: parsed.DATABASE_URL,
    dataDir: resolve(parsed.ROLECALL_DATA_DIR),
    secretKey: parsed.ROLECALL_SECRET_KEY,
    allowedOrigins: parsed.ROLECALL_ALLOWED_ORIGINS,
    trustProxy: parsed.ROLECALL_TRUST_PROXY,
    loginFailuresPerAddress: parsed.ROLECALL_LOGIN_FAILURES_PER_ADDRESS,
    metricsToken: parsed.ROLECALL_METRICS_TOKEN,
    maxRequestBytes: parsed.ROLECALL_MAX_REQUEST_BYTES,
    maxSubscriptionsPerConnection: parsed.ROLECALL_MAX_SUBSCRIPTIONS_PER_CONNECTION,
    maxSubscriptionsPerUser: parsed.ROLECALL_MAX_SUBSCRIPTIONS_PER_USER,
    maxQueryCost: parsed.ROLECALL_MAX_QUERY_COST,
    keepAliveMs: parsed.ROLECALL_KEEP_ALIVE_MS,
    sessionTtlMs: parsed.SESSION_TTL_HOURS * 3600_000,
    logLevel: parsed.LOG_LEVEL,
    demo: parsed.ROLECALL_DEMO,
    poolIdleMs: parsed.POOL_IDLE_MS,
    shutdownGraceMs: parsed.ROLECALL_SHUTDOWN_GRACE_MS,
    driftIntervalMs: parsed.DRIFT_INTERVAL_MS,
    invitationTtlMs: parsed.INVITATION_TTL_HOURS * 3600_000,
    invitationExpirySweepMs: parsed.INVITATION_EXPIRY_SWEEP_MS,
    smtpUrl: parsed.SMTP_URL,
    mailFrom: parsed.MAIL_FROM,
    publicUrl: parsed.PUBLIC_URL?.replace(/\/+$/, ''),
    redisUrl: parsed.REDIS_URL,
  };
}
