import { type JSX, onCleanup, onMount } from 'solid-js';

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
