import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Services } from '../src/context.js';
import { type EmbeddedCluster, startSupervisedCluster } from '../src/embedded/cluster.js';
import { createLogger } from '../src/logger.js';
import { applyMigrations } from '../src/metadata/migrate.js';
import { closeServices, createServices } from '../src/services.js';
import { TestClient } from './support/client.js';
import { until } from './support/crashable.js';
import { setupAdmin } from './support/fixtures.js';

/**
 * Rolecall's own embedded metadata cluster (no DATABASE_URL: main.ts starts it supervised) is killed with SIGKILL, as
 * the kernel's OOM killer would: the supervisor starts it again with its data on its port, and Rolecall serves again
 * without a restart of its own.
 */

let dir: string;
let dataDir: string;
let cluster: EmbeddedCluster;
let services: Services;
let app: App;
let client: TestClient;
const restarts: string[] = [];
const logs: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rolecall-embedded-'));
  cluster = await startSupervisedCluster({
    dir,
    persistent: true,
    durable: false,
    onRestart: (attempt, error) => restarts.push(error === undefined ? `attempt ${attempt}` : `failed ${attempt}`),
  });
  const admin = new pg.Client(cluster.url());
  admin.on('error', () => undefined);
  await admin.connect();
  await admin.query('CREATE DATABASE rolecall');
  // The app's own cluster commits durably; this throw-away one is told to for its metadata.
  await admin.query('ALTER DATABASE rolecall SET synchronous_commit = on');
  await admin.end();
  const logger = createLogger(
    'info',
    new Writable({
      write(chunk, _encoding, done) {
        logs.push(String(chunk));
        done();
      },
    }),
  );
  const metadataUrl = cluster.url('rolecall');
  await applyMigrations(metadataUrl, logger);
  dataDir = await mkdtemp(join(tmpdir(), 'rolecall-data-'));
  const config = loadConfig({ NODE_ENV: 'test', ROLECALL_DATA_DIR: dataDir, DRIFT_INTERVAL_MS: '3600000' });
  services = await createServices({ config, logger, metadataUrl });
  app = buildApp(services);
  client = new TestClient(await app.start(0));
  await setupAdmin(client);
});

afterAll(async () => {
  await app?.stop();
  if (services) await closeServices(services);
  await cluster?.stop();
  await rm(dir, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
});

describe("Rolecall's embedded metadata cluster is killed (SIGKILL)", () => {
  it('is started again by its supervisor, and Rolecall serves again by itself', async () => {
    expect((await client.request<{ viewer: { id: string } }>('{ viewer { id } }')).data?.viewer.id).toBeTruthy();
    const pidFile = join(dir, 'pgdata', 'postmaster.pid');
    const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
    process.kill(pid, 'SIGKILL');
    const killed = Date.now();

    await until(async () => restarts.length > 0, 5_000, 'the supervisor to notice');
    // Backends outlive a killed postmaster for a moment and may still answer a pooled connection: wait for the new
    // postmaster before asking whether Rolecall serves.
    const postmasterPid = () =>
      readFile(pidFile, 'utf8').then(
        (text) => Number(text.split('\n')[0]),
        () => null,
      );
    await until(async () => ![null, pid].includes(await postmasterPid()), 20_000, 'a new postmaster');
    await until(
      async () => {
        const answer = await client.request<{ viewer: { id: string } | null }>('{ viewer { id } }').catch(() => null);
        return Boolean(answer?.data?.viewer?.id);
      },
      20_000,
      'Rolecall to serve again',
    );
    const servingMs = Date.now() - killed;
    console.info(`embedded SIGKILL: serving again after ${servingMs} ms; supervisor: ${restarts.join(', ')}`);
    expect(await postmasterPid()).not.toBe(pid);
    expect(servingMs).toBeLessThan(20_000);
    // The live feed's LISTEN connection is back too (readiness says so).
    await until(async () => (await fetch(`${client.url}/readyz`)).status === 200, 10_000, 'readiness');
  });
});
