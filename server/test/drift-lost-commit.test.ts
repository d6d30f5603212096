import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import { until } from './support/crashable.js';
import { untilDriftReported } from './support/drift.js';
import { connectShop, setupAdmin } from './support/fixtures.js';
import { externalGrantsTo } from './support/permissions.js';

/**
 * A drift report whose COMMIT was written but never answered (its metadata connection lost meanwhile): the watcher
 * cannot tell whether its EXTERNAL events and checkpoint were recorded. It must neither lose nor repeat them: the
 * next poll finds the report committed (a newer EXTERNAL event than it had) and compares from the checkpoint written
 * with it (drift.ts `kept`, `fromCheckpoint`).
 *
 * The COMMIT is held where it has been written: commits wait for a synchronous standby that does not exist, for the
 * report's transaction only (a trigger on its EXTERNAL event asks that of its transaction; every other commit is
 * local), and its backend is terminated while it waits.
 */

let testApp: TestApp;

const metadataSql = (text: string, values: unknown[] = []) => testApp.sql(text, values, 'rolecall_metadata');

/** Commits of the transaction that inserts an EXTERNAL event granting to `grantee` wait for a standby; others do not. */
async function holdCommitOfReportAbout(grantee: string): Promise<void> {
  await metadataSql(`CREATE FUNCTION test_wait_for_standby() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN PERFORM set_config('synchronous_commit', 'on', true); RETURN NULL; END $$`);
  await metadataSql(`CREATE TRIGGER test_wait_for_standby AFTER INSERT ON "Event" FOR EACH ROW
    WHEN (NEW.source = 'EXTERNAL' AND NEW.payload->>'grantee' = '${grantee}') EXECUTE FUNCTION test_wait_for_standby()`);
  await testApp.sql("ALTER SYSTEM SET synchronous_commit = 'local'");
  await testApp.sql("ALTER SYSTEM SET synchronous_standby_names = 'no_such_standby'");
  await testApp.sql('SELECT pg_reload_conf()');
}

async function releaseCommits(): Promise<void> {
  await metadataSql('DROP TRIGGER IF EXISTS test_wait_for_standby ON "Event"');
  await testApp.sql('ALTER SYSTEM RESET synchronous_standby_names');
  await testApp.sql('ALTER SYSTEM RESET synchronous_commit');
  await testApp.sql('SELECT pg_reload_conf()');
}

beforeAll(async () => {
  testApp = await startTestApp({ DRIFT_INTERVAL_MS: '300' });
  const admin = testApp.client();
  await setupAdmin(admin);
  await connectShop(testApp, admin, ['lost_reader', 'later_reader']);
  await untilDriftReported(testApp);
});

afterAll(async () => {
  await testApp?.stop();
});

describe('a drift report whose COMMIT answer is lost', () => {
  it('is recorded once: the next polls neither report its changes again nor miss later ones', async () => {
    await holdCommitOfReportAbout('lost_reader');
    const logged = testApp.logs.length;
    try {
      await testApp.sql('GRANT SELECT ON s.t TO lost_reader', [], 'shop');
      // The report's transaction, committed and waiting for the standby: its connection is then lost.
      let waiting: number | undefined;
      await until(
        async () => {
          const [row] = await testApp.sql<{ pid: number }>(
            "SELECT pid FROM pg_stat_activity WHERE datname = 'rolecall_metadata' AND wait_event = 'SyncRep'",
          );
          waiting = row?.pid;
          return waiting !== undefined;
        },
        15_000,
        "the drift report's COMMIT waiting for the standby",
      );
      await testApp.sql('SELECT pg_terminate_backend($1)', [waiting]);
    } finally {
      await releaseCommits();
    }
    await until(
      async () => testApp.logs.slice(logged).some((line) => /drift poll of .* failed/.test(line)),
      10_000,
      'the report failing',
    );
    // It did commit.
    expect(await externalGrantsTo(testApp, 'lost_reader')).toBe(1);

    await testApp.sql('GRANT SELECT ON s.t TO later_reader', [], 'shop');
    await until(async () => (await externalGrantsTo(testApp, 'later_reader')) > 0, 15_000, 'the later grant reported');
    // Polls after the failed one found the report committed and compared from its checkpoint: nothing twice.
    expect(await externalGrantsTo(testApp, 'lost_reader')).toBe(1);
    expect(await externalGrantsTo(testApp, 'later_reader')).toBe(1);
  });
});
