import { useLocation } from '@solidjs/router';
import { createEffect, ErrorBoundary, type JSX, on } from 'solid-js';

/** What a person can act on: the message of what failed, never a stack. */
function readable(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim() || 'Something went wrong.';
}

function PageError(props: { error: unknown; retry: () => void }): JSX.Element {
  const location = useLocation();
  // Leaving the page for another one leaves its error behind.
  createEffect(on(() => location.pathname, props.retry, { defer: true }));
  return (
    <main class="page">
      <div class="card page-error" role="alert">
        <h1>This page could not be shown</h1>
        <p>{readable(props.error)}</p>
        <p class="muted">Check the connection to Rolecall, then try again.</p>
        <button type="button" class="primary" onClick={() => props.retry()}>
          Try again
        </button>
      </div>
    </main>
  );
}

/** A page that throws (a failed query, a bug) shows a readable message and a retry instead of a blank screen. */
export function RouteErrors(props: { children: JSX.Element }): JSX.Element {
  return (
    <ErrorBoundary fallback={(error, reset) => <PageError error={error} retry={reset} />}>
      {props.children}
    </ErrorBoundary>
  );
}
