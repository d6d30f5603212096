import { createSignal } from 'solid-js';

/**
 * Runs a user action: clears the last error, runs it, then `after` (usually a refetch) whether it worked or not, so
 * a control never keeps a value the server refused; a failure becomes the error message shown beside the form.
 */
export function createAction(after: () => unknown) {
  const [error, setError] = createSignal<string | null>(null);
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      try {
        await after();
      } catch (failure) {
        setError((current) => current ?? (failure as Error).message);
      }
    }
  };
  return { error, act };
}
