import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EmbeddedCluster, startEmbeddedCluster } from '../../src/embedded/cluster.js';

/** ROLECALL_TEST_PG: the major version the API and browser tests run on (the embedded 18 when unset). */
function testedVersion(): 15 | 16 | 17 | 18 | null {
  const asked = process.env.ROLECALL_TEST_PG;
  if (!asked) return null;
  const version = Number(asked);
  if (version !== 15 && version !== 16 && version !== 17 && version !== 18)
    throw new Error(`ROLECALL_TEST_PG must be 15, 16, 17 or 18, not ${asked}`);
  return version;
}

export interface TestedPostgres {
  /** The major version every startTestApp/startTestCluster of this run starts. */
  version: 15 | 16 | 17 | 18;
  /** 16+: per-grant INHERIT and SET (`GRANT … WITH INHERIT …`), and one grant per grantor of a membership. */
  membershipOptions: boolean;
  /**
   * 16+: CREATEROLE reaches only the roles it holds ADMIN OPTION on, and a creator gets that option (granted by the
   * bootstrap superuser) on each role it creates; on 15 CREATEROLE may alter, drop and grant every non-superuser role.
   */
  createRoleNeedsAdmin: boolean;
  /** 16+: CREATEROLE gives CREATEDB, REPLICATION and BYPASSRLS only if it has them; on 15 it gives CREATEDB freely. */
  createRoleGivesOnlyItsOwn: boolean;
  /** 17+: the MAINTAIN table privilege and the pg_maintain role. */
  maintain: boolean;
  /** Every table privilege the version knows, in PostgreSQL's order. */
  tablePrivileges: string[];
}

/**
 * What the tested major version's PostgreSQL does, known before any test runs (so a test's table and name may follow
 * it): tests assert each version's own rules, never skip them. From PostgreSQL's release notes, not from Rolecall's
 * code, so a test does not assert what the code under test believes.
 */
export const testedPostgres: TestedPostgres = (() => {
  const version = testedVersion() ?? 18;
  return {
    version,
    membershipOptions: version >= 16,
    createRoleNeedsAdmin: version >= 16,
    createRoleGivesOnlyItsOwn: version >= 16,
    maintain: version >= 17,
    tablePrivileges: [
      'SELECT',
      'INSERT',
      'UPDATE',
      'DELETE',
      'TRUNCATE',
      'REFERENCES',
      'TRIGGER',
      ...(version >= 17 ? ['MAINTAIN'] : []),
    ],
  };
})();

/**
 * A throw-away cluster; roles are cluster-wide, so each test file gets its own. The embedded PostgreSQL 18, or with
 * ROLECALL_TEST_PG the version asked for (the version loop of issue 15): a missing version fails, never skips.
 */
export async function startTestCluster(): Promise<EmbeddedCluster> {
  const version = testedVersion();
  if (version !== null) {
    // Imported here: versions.ts imports the app's support, which imports this file.
    const { startVersionedCluster } = await import('./versions.js');
    const cluster = await startVersionedCluster(version, { passwords: true });
    if ('skipped' in cluster) throw new Error(`ROLECALL_TEST_PG=${version}, but ${cluster.skipped}`);
    return { port: cluster.port, superuser: 'postgres', url: cluster.url, stop: cluster.stop };
  }
  const dir = await mkdtemp(join(tmpdir(), 'rolecall-test-'));
  return startEmbeddedCluster({ dir, persistent: false, durable: false });
}

export interface RestartableCluster extends EmbeddedCluster {
  /** Stops the server, runs `whileDown`, and starts it again on the same port with the same data and password. */
  restart(whileDown?: () => Promise<void>): Promise<void>;
}

/** A throw-away cluster that survives restarts (for outage tests); `stop()` deletes it. */
export async function startRestartableCluster(): Promise<RestartableCluster> {
  const dir = await mkdtemp(join(tmpdir(), 'rolecall-test-'));
  let cluster = await startEmbeddedCluster({ dir, persistent: true, durable: false });
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
        cluster = await startEmbeddedCluster({ dir, persistent: true, port, durable: false });
      }
    },
    stop: async () => {
      await cluster.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
