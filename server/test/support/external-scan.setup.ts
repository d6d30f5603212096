/**
 * Loaded before every test file (vitest `setupFiles`): records the statements the file runs outside Rolecall, and
 * after the file fails it if an app it started reported an EXTERNAL event none of them explains (see
 * external-scan.ts): Rolecall's own changes must never show as made outside Rolecall.
 */
import { afterAll } from 'vitest';
import { describeUnexplained, recordOutsideStatements, unexplainedOfThisFile } from './external-scan.js';

recordOutsideStatements();

afterAll(async () => {
  const unexplained = await unexplainedOfThisFile();
  if (unexplained.length > 0) throw new Error(describeUnexplained(unexplained));
});
