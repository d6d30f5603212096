import { For, type JSX } from 'solid-js';
import { type ConnectionState, connection, toasts } from '../lib/live';

const CONNECTION_LABELS: Record<ConnectionState, [label: string, title: string]> = {
  idle: ['Idle', 'Nothing on this page updates live.'],
  connecting: ['Connecting…', 'Opening the live connection.'],
  live: ['Live', 'This page updates as changes happen.'],
  reconnecting: ['Reconnecting…', 'The live connection dropped; missed changes are replayed when it is back.'],
  replaying: ['Replaying…', 'Catching up on the changes made while the connection was down.'],
};

export function ConnectionIndicator(): JSX.Element {
  const labels = () => CONNECTION_LABELS[connection()];
  return (
    <span
      class={`connection ${connection()}`}
      role="status"
      aria-live="polite"
      data-testid="connection"
      title={labels()[1]}
    >
      <span class="dot" aria-hidden="true" /> {labels()[0]}
    </span>
  );
}

export function Toasts(): JSX.Element {
  return (
    <div class="toasts" aria-live="polite">
      <For each={toasts()}>
        {(toast) => (
          <div class={`toast ${toast.external ? 'external' : ''}`} data-testid="toast">
            {toast.text}
          </div>
        )}
      </For>
    </div>
  );
}
