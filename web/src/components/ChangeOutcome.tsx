import { For, type JSX, Show } from 'solid-js';
import { changeMessages } from '../lib/note-text';
import type { Change } from '../lib/previewed-change';
import { ErrorText } from './ErrorText';

/** Below a change's form: its SQL preview once previewed, what was done once applied, and why it failed. */
export function ChangeOutcome(props: {
  preview: Change | null | undefined | false;
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

function SqlPreview(props: Change): JSX.Element {
  return (
    <div class="sql-preview" data-testid="sql-preview">
      <h3>SQL preview</h3>
      <pre>{props.sql.length > 0 ? `${props.sql.join(';\n')};` : '-- nothing to change'}</pre>
      <For each={changeMessages(props)}>{(message) => <p class="warning">⚠ {message}</p>}</For>
    </div>
  );
}
