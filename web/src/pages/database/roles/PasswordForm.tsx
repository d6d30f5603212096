import { createSignal, type JSX } from 'solid-js';
import { ChangeOutcome } from '../../../components/ChangeOutcome';
import { createPreviewedChange } from '../../../lib/previewed-change';
import { changeOf, mutate, SetRolePassword } from './operations';

/**
 * ALTER ROLE … PASSWORD on the server (a password Rolecall stores follows). The preview is the server's dry run, which
 * shows the password as ********; the field is cleared once it is set.
 */
export function PasswordForm(props: {
  name: string;
  databaseId: string;
  reread: () => Promise<unknown>;
  onClose: () => void;
}): JSX.Element {
  const [password, setPassword] = createSignal('');
  const [done, setDone] = createSignal(false);
  const change = createPreviewedChange<string>({
    run: async (value, mode) =>
      changeOf(
        await mutate(SetRolePassword, { databaseId: props.databaseId, name: props.name, password: value, ...mode }),
      ),
    reread: props.reread,
    onApplied: () => {
      setPassword('');
      setDone(true);
    },
  });

  return (
    <form
      class="role-editor-form"
      aria-label={`Password of ${props.name}`}
      onSubmit={(event) => event.preventDefault()}
      onKeyDown={(event) => event.key === 'Escape' && props.onClose()}
    >
      <p class="warning" data-testid="shared-password-warning">
        A login role is often shared: everyone and everything that logs in as {props.name} (people in psql,
        applications, Rolecall collaborators given this role) needs the new password from their next login.
      </p>
      <div class="row">
        <label>
          New password for {props.name}{' '}
          <input
            type="password"
            autocomplete="new-password"
            aria-label={`New password for ${props.name}`}
            value={password()}
            onInput={(event) => {
              setDone(false);
              setPassword(event.currentTarget.value);
            }}
          />
        </label>
        <button type="button" disabled={!password() || change.busy()} onClick={() => change.runPreview(password())}>
          Preview SQL
        </button>
        <button
          type="button"
          class="primary"
          disabled={!password() || !change.previewed(password()) || change.busy()}
          onClick={() => change.apply(password())}
        >
          Set password
        </button>
        <button type="button" class="ghost" onClick={props.onClose}>
          Close
        </button>
      </div>
      <ChangeOutcome preview={change.preview()} done={done() && 'Password changed.'} error={change.error()} />
    </form>
  );
}
