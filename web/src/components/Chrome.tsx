import { For, type JSX, onCleanup, onMount, Show } from 'solid-js';
import { type ConnectionState, connection, toasts } from '../lib/live';
import { type ChangeNoteView, changeMessages } from '../lib/note-text';

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

export function ErrorText(props: { error: string | null | undefined }): JSX.Element {
  return (
    <Show when={props.error}>
      <p role="alert" class="error">
        {props.error}
      </p>
    </Show>
  );
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Keeps Tab and Shift+Tab inside the dialog, as a modal promises. */
function trapTab(event: KeyboardEvent, dialog: HTMLElement): void {
  const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.offsetParent);
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  const inside = dialog.contains(document.activeElement);
  if (event.shiftKey && (document.activeElement === first || !inside)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (document.activeElement === last || !inside)) {
    event.preventDefault();
    first.focus();
  }
}

/** A modal dialog: focus moves in on open, Tab stays inside, Escape closes, focus returns where it was. */
export function Dialog(props: {
  title: string;
  onClose: () => void;
  children: JSX.Element;
  wide?: boolean;
}): JSX.Element {
  let dialog: HTMLDivElement | undefined;
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const onKeyDown = (event: KeyboardEvent) => {
    if (!dialog) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onClose();
    } else if (event.key === 'Tab') {
      trapTab(event, dialog);
    }
  };
  onMount(() => {
    const controls = [...(dialog?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    // The first control of the dialog's body, not its close button.
    const target = controls.find((element) => !element.closest('.dialog > header')) ?? dialog;
    target?.focus();
    document.addEventListener('keydown', onKeyDown);
  });
  onCleanup(() => {
    document.removeEventListener('keydown', onKeyDown);
    if (opener?.isConnected) opener.focus();
  });
  return (
    <div class="backdrop">
      <div
        ref={dialog}
        class={`dialog ${props.wide ? 'wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
        tabIndex={-1}
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

interface PreviewedChange {
  sql: string[];
  warnings: string[];
  notes?: readonly ChangeNoteView[];
}

/** Below a change's form: its SQL preview once previewed, what was done once applied, and why it failed. */
export function ChangeOutcome(props: {
  preview: PreviewedChange | null | undefined | false;
  done?: string | null | false;
  error: string | null;
}): JSX.Element {
  return (
    <>
      <Show when={props.preview}>{(shown) => <SqlPreview {...shown()} />}</Show>
      <Show when={props.done}>
        <p class="success" role="status">
          {props.done}
        </p>
      </Show>
      <ErrorText error={props.error} />
    </>
  );
}

function SqlPreview(props: PreviewedChange): JSX.Element {
  return (
    <div class="sql-preview" data-testid="sql-preview">
      <h3>SQL preview</h3>
      <pre>{props.sql.length > 0 ? `${props.sql.join(';\n')};` : '-- nothing to change'}</pre>
      <For each={changeMessages(props)}>{(message) => <p class="warning">⚠ {message}</p>}</For>
    </div>
  );
}
