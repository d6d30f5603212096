import { For, type JSX, Show } from 'solid-js';
import { changeMessages } from '../lib/note-text';
import type { Change } from '../lib/previewed-change';
import { ErrorText } from './ErrorText';
import { ImpactPreview } from './ImpactPreview';

/**
 * Below a change's form and its Preview / Apply buttons: once previewed, who gains and loses access (callouts first)
 * and then the SQL; what was done once applied; why it failed. Every previewed change shows its impact here, so
 * nothing is applied before it has been shown.
 */
export function ChangeOutcome(props: {
  preview: Change | null | undefined | false;
  done?: string | null | false;
  error: string | null;
}): JSX.Element {
  return (
    <>
      <ImpactPreview preview={props.preview} />
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
