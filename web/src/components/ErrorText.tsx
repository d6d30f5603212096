import { type JSX, Show } from 'solid-js';

export function ErrorText(props: { error: string | null | undefined }): JSX.Element {
  return (
    <Show when={props.error}>
      <p role="alert" class="error">
        {props.error}
      </p>
    </Show>
  );
}
