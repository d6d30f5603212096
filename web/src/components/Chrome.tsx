import { For, type JSX, Show } from 'solid-js';
import { connection } from '../graphql/client';
import { toasts } from '../lib/live';

export function ConnectionIndicator(): JSX.Element {
  const label = () =>
    ({ connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting… (will replay missed changes)' })[
      connection()
    ];
  return (
    <span class={`connection ${connection()}`} role="status" aria-live="polite" data-testid="connection">
      <span class="dot" aria-hidden="true" /> {label()}
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

export function ErrorText(props: { error: string | null | undefined }): JSX.Element {
  return (
    <Show when={props.error}>
      <p role="alert" class="error">
        {props.error}
      </p>
    </Show>
  );
}

export function Dialog(props: {
  title: string;
  onClose: () => void;
  children: JSX.Element;
  wide?: boolean;
}): JSX.Element {
  return (
    <div class="backdrop">
      <div
        class={`dialog ${props.wide ? 'wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
        onKeyDown={(event) => event.key === 'Escape' && props.onClose()}
      >
        <header>
          <h2>{props.title}</h2>
          <button type="button" class="ghost" aria-label="Close" onClick={props.onClose}>
            ✕
          </button>
        </header>
        {props.children}
      </div>
    </div>
  );
}

export function SqlPreview(props: { sql: string[]; warnings: string[] }): JSX.Element {
  return (
    <div class="sql-preview" data-testid="sql-preview">
      <h3>SQL preview</h3>
      <pre>{props.sql.length > 0 ? `${props.sql.join(';\n')};` : '-- nothing to change'}</pre>
      <For each={props.warnings}>{(warning) => <p class="warning">⚠ {warning}</p>}</For>
    </div>
  );
}
