import { createSignal, type JSX, Show } from 'solid-js';
import { Dialog } from './Dialog';

interface Question {
  title: string;
  message: string;
  /** The button that goes ahead, worded as the action ("Change role"). */
  confirm: string;
}

/**
 * A change too risky for one click asks first: `ask` opens a dialog and resolves true on the confirm button, false on
 * Cancel, Escape or closing it. Render `view()` once where the component's dialogs go.
 */
export function createConfirmation() {
  const [pending, setPending] = createSignal<(Question & { answer: (yes: boolean) => void }) | null>(null);
  const ask = (question: Question) =>
    new Promise<boolean>((resolve) => {
      pending()?.answer(false);
      setPending({
        ...question,
        answer: (yes) => {
          setPending(null);
          resolve(yes);
        },
      });
    });
  const view = (): JSX.Element => (
    <Show when={pending()}>
      {(question) => (
        <Dialog title={question().title} onClose={() => question().answer(false)}>
          <p data-testid="confirm-message">{question().message}</p>
          <div class="row">
            <button type="button" class="danger" onClick={() => question().answer(true)}>
              {question().confirm}
            </button>
            <button type="button" class="ghost" onClick={() => question().answer(false)}>
              Cancel
            </button>
          </div>
        </Dialog>
      )}
    </Show>
  );
  return { ask, view };
}
