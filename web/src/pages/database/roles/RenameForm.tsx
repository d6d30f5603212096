import { createSignal, type JSX } from 'solid-js';
import { ChangeOutcome } from '../../../components/ChangeOutcome';
import { nameTooLong } from '../../../lib/identifier';
import { createPreviewedChange } from '../../../lib/previewed-change';
import { changeOf, mutate, RenameRole } from './operations';

/** ALTER ROLE … RENAME TO, inline: type the new name, check the SQL, rename. */
export function RenameForm(props: {
  name: string;
  databaseId: string;
  reread: () => Promise<unknown>;
  onClose: () => void;
}): JSX.Element {
  const [newName, setNewName] = createSignal(props.name);
  const change = createPreviewedChange<string>({
    run: async (value, mode) =>
      changeOf(await mutate(RenameRole, { databaseId: props.databaseId, name: props.name, newName: value, ...mode })),
    reread: props.reread,
  });
  const target = () => newName().trim();
  const tooLong = () => nameTooLong(target());
  const unchanged = () => target() === '' || target() === props.name || tooLong() !== null;
  let input: HTMLInputElement | undefined;
  queueMicrotask(() => input?.select());

  return (
    <form
      class="role-editor-form"
      aria-label={`Rename ${props.name}`}
      onSubmit={(event) => {
        event.preventDefault();
        if (unchanged()) return;
        if (change.previewed(target())) void change.apply(target());
        else void change.runPreview(target());
      }}
      onKeyDown={(event) => event.key === 'Escape' && props.onClose()}
    >
      <div class="row">
        <label>
          New name for {props.name}{' '}
          <input
            ref={input}
            aria-label={`New name for ${props.name}`}
            required
            aria-invalid={tooLong() ? 'true' : undefined}
            value={newName()}
            onInput={(event) => setNewName(event.currentTarget.value)}
          />
        </label>
        <button type="button" disabled={unchanged() || change.busy()} onClick={() => change.runPreview(target())}>
          Preview SQL
        </button>
        <button
          type="button"
          class="primary"
          disabled={!change.previewed(target()) || change.busy()}
          title={change.previewed(target()) ? undefined : 'Preview the SQL first.'}
          onClick={() => change.apply(target())}
        >
          Rename
        </button>
        <button type="button" class="ghost" onClick={props.onClose}>
          Cancel
        </button>
      </div>
      <ChangeOutcome preview={change.preview()} error={tooLong() ?? change.error()} />
    </form>
  );
}
