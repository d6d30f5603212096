import { randomBytes } from 'node:crypto';
import type { TestApp } from './app.js';
import { until } from './crashable.js';

/**
 * Waits until the drift watcher has reported every change made in psql so far: it makes one more (a role of its own)
 * and waits for its EXTERNAL event. One poll reads the server, then each database, and reports all it found at once,
 * so once the later change is reported the earlier ones are too. A browser test that changed something in psql calls
 * it before the next test opens a page: the live refresh of that change then never lands in the middle of its clicks.
 */
export async function untilDriftReported(testApp: TestApp, timeoutMs = 20_000): Promise<void> {
  const sentinel = `drift_sentinel_${randomBytes(4).toString('hex')}`;
  await testApp.sql(`CREATE ROLE ${sentinel}`);
  await until(
    async () =>
      (
        await testApp.sql(
          `SELECT 1 FROM "Event" WHERE source = 'EXTERNAL' AND kind = 'role.created' AND payload->>'name' = $1`,
          [sentinel],
          'rolecall_metadata',
        )
      ).length > 0,
    timeoutMs,
    `the drift watcher to report ${sentinel}`,
  );
}
