import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EmbeddedCluster, startEmbeddedCluster } from '../../src/embedded/cluster.js';

/** A throw-away embedded PostgreSQL 18 cluster; roles are cluster-wide, so each test file gets its own. */
export async function startTestCluster(): Promise<EmbeddedCluster> {
  const dir = await mkdtemp(join(tmpdir(), 'rolecall-test-'));
  return startEmbeddedCluster({ dir, persistent: false });
}
