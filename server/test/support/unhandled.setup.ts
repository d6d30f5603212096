/**
 * Loaded before every test file (vitest `setupFiles`, first so that its afterAll runs last): an uncaught exception or
 * an unhandled rejection fails the test it happened in, or the file when no test was running (a hook, a teardown).
 *
 * Vitest alone reports these as "Unhandled Errors" and fails the run, but leaves the test green, and stops reporting
 * them altogether once any other 'uncaughtException' listener exists (it then assumes user code handles them). Here
 * they are recorded until the file ends, then the listeners go, and anything later is Vitest's again.
 */
import { afterAll, afterEach } from 'vitest';

const unhandled: { kind: string; error: unknown }[] = [];

const onException = (error: unknown) => unhandled.push({ kind: 'uncaught exception', error });
const onRejection = (error: unknown) => unhandled.push({ kind: 'unhandled rejection', error });
process.on('uncaughtException', onException);
process.on('unhandledRejection', onRejection);

function describeUnhandled(where: string): Error | null {
  const found = unhandled.splice(0);
  if (found.length === 0) return null;
  const lines = found.map(({ kind, error }) => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    const code = (error as { code?: unknown } | null)?.code;
    return `${kind}${typeof code === 'string' ? ` (${code})` : ''}: ${detail}`;
  });
  return new Error(`${found.length} unhandled error(s) ${where}:\n${lines.join('\n')}`);
}

afterEach(() => {
  const failure = describeUnhandled('during this test');
  if (failure) throw failure;
});

afterAll(() => {
  process.off('uncaughtException', onException);
  process.off('unhandledRejection', onRejection);
  const failure = describeUnhandled('in this file outside its tests (hooks, teardown)');
  if (failure) throw failure;
});
