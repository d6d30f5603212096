import { randomBytes } from 'node:crypto';
import type { TestApp } from './app.js';

/** How long one sentinel is waited for before another is made (its poll may have been the watcher's first read). */
const SENTINEL_WAIT_MS = 4_000;

/**
 * Waits until the drift watcher has reported every change made in psql so far: it makes one more (a role of its own)
 * and waits for its EXTERNAL event. One poll reads the server, then each database, and reports all it found at once,
 * so once the later change is reported the earlier ones are too. A sentinel the watcher's first read of the server
 * took in is never reported (it is where later polls compare from): after a while another is made, and either
 * reported will do. A browser test that changed something in psql calls it before the next test opens a page: the
 * live refresh of that change then never lands in the middle of its clicks.
 */
export async function untilDriftReported(testApp: TestApp, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const sentinels: string[] = [];
  while (Date.now() < deadline) {
    const sentinel = `drift_sentinel_${randomBytes(4).toString('hex')}`;
    await testApp.sql(`CREATE ROLE ${sentinel}`);
    sentinels.push(sentinel);
    const madeAt = Date.now();
    while (Date.now() < Math.min(deadline, madeAt + SENTINEL_WAIT_MS)) {
      if (await reported(testApp, sentinels)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`timed out waiting for the drift watcher to report ${sentinels.join(', ')}`);
}

async function reported(testApp: TestApp, sentinels: string[]): Promise<boolean> {
  const rows = await testApp.sql(
    `SELECT 1 FROM "Event" WHERE source = 'EXTERNAL' AND kind = 'role.created' AND payload->>'name' = ANY($1)`,
    [sentinels],
    'rolecall_metadata',
  );
  return rows.length > 0;
}
