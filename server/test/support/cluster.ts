import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EmbeddedCluster, startEmbeddedCluster } from '../../src/embedded/cluster.js';

/** A throw-away embedded PostgreSQL 18 cluster; roles are cluster-wide, so each test file gets its own. */
export async function startTestCluster(): Promise<EmbeddedCluster> {
  const dir = await mkdtemp(join(tmpdir(), 'rolecall-test-'));
  return startEmbeddedCluster({ dir, persistent: false });
}

export interface RestartableCluster extends EmbeddedCluster {
  /** Stops the server, runs `whileDown`, and starts it again on the same port with the same data and password. */
  restart(whileDown?: () => Promise<void>): Promise<void>;
}

/** A throw-away cluster that survives restarts (for outage tests); `stop()` deletes it. */
export async function startRestartableCluster(): Promise<RestartableCluster> {
  const dir = await mkdtemp(join(tmpdir(), 'rolecall-test-'));
  let cluster = await startEmbeddedCluster({ dir, persistent: true });
  const { port, superuser } = cluster;
  return {
    port,
    superuser,
    url: (database) => cluster.url(database),
    restart: async (whileDown) => {
      await cluster.stop();
      try {
        await whileDown?.();
      } finally {
        cluster = await startEmbeddedCluster({ dir, persistent: true, port });
      }
    },
    stop: async () => {
      await cluster.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
