import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { PoolUsage } from '../pools/managed.js';

/** Seconds; from a cached read (a few ms) to a drift poll of a large catalog. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/**
 * Distinct operation labels kept; later ones are counted as `other`. Labels come from the schema's root fields, so
 * this is only a backstop against a schema with very many of them asked for in many combinations.
 */
const MAX_OPERATIONS = 200;
/** Which way a subscription's events travel. */
export type Transport = 'websocket' | 'sse';

type PoolCount = 'pools' | 'connections' | 'idle' | 'waiting';

/** Sums the open pools of each managed server: one series per host:port, never per role or database. */
function poolsByServer(pools: readonly PoolUsage[]): Map<string, Record<PoolCount, number>> {
  const byServer = new Map<string, Record<PoolCount, number>>();
  for (const pool of pools) {
    const sum = byServer.get(pool.server) ?? { pools: 0, connections: 0, idle: 0, waiting: 0 };
    sum.pools += 1;
    sum.connections += pool.connections;
    sum.idle += pool.idle;
    sum.waiting += pool.waiting;
    byServer.set(pool.server, sum);
  }
  return byServer;
}

/**
 * Rolecall's Prometheus metrics, in a registry of its own (several apps may run in one process, as in the tests).
 * Instrumented modules call these typed methods and never see prom-client.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private webSockets: () => number = () => 0;
  private poolUsage: () => readonly PoolUsage[] = () => [];
  private driftWatched: () => readonly string[] = () => [];

  private readonly requestDuration = new Histogram({
    name: 'rolecall_graphql_request_duration_seconds',
    help: 'GraphQL HTTP requests, from arrival to response headers (SSE: to the stream opening), by operation',
    labelNames: ['kind', 'operation'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly executionDuration = new Histogram({
    name: 'rolecall_graphql_execution_duration_seconds',
    help: 'Time in resolvers of queries and mutations (HTTP and WebSocket), by operation',
    labelNames: ['kind', 'operation'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: 'rolecall_graphql_errors_total',
    help: 'Typed error results (their __typename), GraphQL errors (their code) and masked unexpected errors (unexpected)',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });
  private readonly loginFailures = new Counter({
    name: 'rolecall_login_failures_total',
    help: 'Sign-ins refused for a wrong login or password',
    registers: [this.registry],
  });
  private readonly loginThrottles = new Counter({
    name: 'rolecall_login_throttled_total',
    help: 'Sign-ins refused by the throttle (locked out, or too many being checked) before their password was checked',
    registers: [this.registry],
  });
  private readonly subscriptions = new Gauge({
    name: 'rolecall_subscriptions',
    help: 'Subscriptions running on this instance, by transport (each SSE stream carries one)',
    labelNames: ['transport'] as const,
    registers: [this.registry],
  });
  private readonly subscriptionsOver: Record<Transport, { inc(): void; dec(): void }> = {
    websocket: this.subscriptions.labels('websocket'),
    sse: this.subscriptions.labels('sse'),
  };
  private readonly deliveryLag = new Histogram({
    name: 'rolecall_event_delivery_lag_seconds',
    help: "From an event's createdAt (its transaction's start, by the metadata database's clock) to a live subscriber's stream",
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly poolWait = new Histogram({
    name: 'rolecall_managed_pool_wait_seconds',
    help: 'How long a request waited for a connection to a managed server (a new one is opened when none is idle)',
    labelNames: ['server'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly driftPollDuration = new Histogram({
    name: 'rolecall_drift_poll_duration_seconds',
    help: 'Drift watcher polls of a managed server, failed ones included',
    labelNames: ['server'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly driftPollFailures = new Counter({
    name: 'rolecall_drift_poll_failures_total',
    help: 'Drift watcher polls of a managed server that failed',
    labelNames: ['server'] as const,
    registers: [this.registry],
  });
  private readonly driftLastSuccess = new Gauge({
    name: 'rolecall_drift_last_success_timestamp_seconds',
    help: 'When the drift watcher last polled a managed server successfully (Unix time)',
    labelNames: ['server'] as const,
    registers: [this.registry],
  });

  /** `processMetrics`: also Node's own (CPU, memory, event-loop delay, GC), which cost a little even unscraped. */
  constructor({ processMetrics = false }: { processMetrics?: boolean } = {}) {
    if (processMetrics) collectDefaultMetrics({ register: this.registry });
    this.subscriptions.set({ transport: 'websocket' }, 0);
    this.subscriptions.set({ transport: 'sse' }, 0);
    this.gauge('rolecall_websocket_connections', 'WebSocket connections open on this instance', [], (gauge) =>
      gauge.set(this.webSockets()),
    );
    this.gauge(
      'rolecall_drift_watched',
      "1 for each managed server this instance's drift watcher watches (one instance holds each server's lock)",
      ['server'],
      (gauge) => {
        gauge.reset();
        for (const server of this.driftWatched()) gauge.set({ server }, 1);
      },
    );
    this.poolGauge('rolecall_managed_pools', 'Pools open per managed server (one per database and role)', 'pools');
    this.poolGauge('rolecall_managed_pool_connections', 'Connections open to a managed server', 'connections');
    this.poolGauge('rolecall_managed_pool_idle_connections', 'Idle connections to a managed server', 'idle');
    this.poolGauge(
      'rolecall_managed_pool_waiting_clients',
      'Requests waiting for a connection to a managed server',
      'waiting',
    );
  }

  /** A gauge read at scrape time. */
  private gauge(name: string, help: string, labelNames: string[], read: (gauge: Gauge) => void): void {
    const gauge: Gauge = new Gauge({ name, help, labelNames, registers: [this.registry], collect: () => read(gauge) });
  }

  private poolGauge(name: string, help: string, count: PoolCount): void {
    this.gauge(name, help, ['server'], (gauge) => {
      // Servers whose pools have all closed drop out instead of staying at their last value.
      gauge.reset();
      for (const [server, sum] of poolsByServer(this.poolUsage())) gauge.set({ server }, sum[count]);
    });
  }

  countWebSockets(open: () => number): void {
    this.webSockets = open;
  }

  countPools(usage: () => readonly PoolUsage[]): void {
    this.poolUsage = usage;
  }

  /** The managed servers (host:port) this instance's drift watcher watches now. */
  countDriftWatched(watched: () => readonly string[]): void {
    this.driftWatched = watched;
  }

  /** The label for this operation, or `other` once MAX_OPERATIONS distinct ones have been seen. */
  operationLabel(operation: string): string {
    if (this.operations.has(operation)) return operation;
    if (this.operations.size >= MAX_OPERATIONS) return 'other';
    this.operations.add(operation);
    return operation;
  }

  requestServed(kind: string, operation: string, seconds: number): void {
    this.requestDuration.observe({ kind, operation }, seconds);
  }

  operationExecuted(kind: string, operation: string, seconds: number): void {
    this.executionDuration.observe({ kind, operation }, seconds);
  }

  errorReturned(type: string): void {
    this.errors.inc({ type });
  }

  unexpectedError(): void {
    this.errors.inc({ type: 'unexpected' });
  }

  loginFailed(): void {
    this.loginFailures.inc();
  }

  loginThrottled(): void {
    this.loginThrottles.inc();
  }

  /** Counts a subscription as running; call the returned function (more than once is harmless) when it ends. */
  subscriptionOpened(transport: Transport): () => void {
    const gauge = this.subscriptionsOver[transport];
    gauge.inc();
    let running = true;
    return () => {
      if (!running) return;
      running = false;
      gauge.dec();
    };
  }

  /** Once per event and subscriber: no labels, nothing built per call but prom-client's own. */
  eventDelivered(createdAt: Date): void {
    // Another machine's clock may run ahead: a negative lag would only blur the lowest bucket.
    this.deliveryLag.observe(Math.max(0, Date.now() - createdAt.getTime()) / 1000);
  }

  /** A request got a connection to `server` (host:port) after waiting this long. */
  poolWaited(server: string, seconds: number): void {
    this.poolWait.observe({ server }, seconds);
  }

  /** Runs one drift poll of `server` (host:port) and records how long it took and whether it failed. */
  async timeDriftPoll<T>(server: string, poll: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      const result = await poll();
      this.driftLastSuccess.set({ server }, Date.now() / 1000);
      // Present from the first poll, so an alert on its increase sees the first failure too.
      this.driftPollFailures.inc({ server }, 0);
      return result;
    } catch (error) {
      this.driftPollFailures.inc({ server });
      throw error;
    } finally {
      this.driftPollDuration.observe({ server }, (performance.now() - started) / 1000);
    }
  }

  /** The Prometheus text exposition of everything above. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
