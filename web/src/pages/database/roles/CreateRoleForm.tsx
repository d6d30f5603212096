import { createSignal, For, type JSX, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { ChangeOutcome } from '../../../components/ChangeOutcome';
import { checkNameLength } from '../../../lib/identifier';
import { createPreviewedChange } from '../../../lib/previewed-change';
import { AttributeChip, type AttributeLock, LockReasons, lockReason } from './attribute-locks';
import { CreateRole, changeOf, mutate } from './operations';

const CANNOT_CONFIGURE = 'Only Rolecall admins store role passwords in Rolecall.';

/** The attributes with powers beyond the role itself, each offered only where the viewer's role may give it. */
const POWERS = [
  ['createRole', 'CREATEROLE'],
  ['createDb', 'CREATEDB'],
  ['replication', 'REPLICATION'],
  ['bypassRls', 'BYPASSRLS'],
] as const;

type Power = (typeof POWERS)[number][0];

interface CreateInput {
  name: string;
  login: boolean;
  password?: string;
  configure: boolean;
  inherit?: boolean;
  createRole?: boolean;
  createDb?: boolean;
  replication?: boolean;
  bypassRls?: boolean;
  connectionLimit?: number;
  validUntil?: string;
}

/**
 * CREATE ROLE, group or LOGIN, previewed first; shown disabled with PostgreSQL's reason when the viewer's role lacks
 * CREATEROLE. An attribute it may not give is disabled with the reason; one ticked before it was refused (the role
 * lost it since) stays ticked until unticked, so the preview shows PostgreSQL's refusal of what the form says.
 */
export function CreateRoleForm(props: {
  databaseId: string;
  canCreate: boolean;
  viewerRole: string | null;
  /** What CREATE ROLE may not give as the viewer's role (ViewerRole.lockedAttributesOnCreate). */
  locks: readonly AttributeLock[];
  /** Admins only: storing the password makes it Rolecall's secret. */
  canConfigure: boolean;
  reread: () => Promise<unknown>;
}): JSX.Element {
  const [name, setName] = createSignal('');
  const [login, setLogin] = createSignal(false);
  const [password, setPassword] = createSignal('');
  const [configure, setConfigure] = createSignal(false);
  const [inherit, setInherit] = createSignal(true);
  const [powers, setPowers] = createStore<Record<Power, boolean>>({
    createRole: false,
    createDb: false,
    replication: false,
    bypassRls: false,
  });
  const [connectionLimit, setConnectionLimit] = createSignal('');
  const [validUntil, setValidUntil] = createSignal('');
  const [created, setCreated] = createSignal<string | null>(null);
  const [nameProblem, setNameProblem] = createSignal<string | null>(null);
  const input = (): CreateInput => ({
    name: name().trim(),
    login: login(),
    password: login() ? password() : undefined,
    configure: login() && configure() && props.canConfigure,
    // Only what differs from PostgreSQL's defaults, so the SQL says what is special about the role.
    inherit: inherit() ? undefined : false,
    createRole: powers.createRole || undefined,
    createDb: powers.createDb || undefined,
    replication: powers.replication || undefined,
    bypassRls: powers.bypassRls || undefined,
    connectionLimit: connectionLimit() === '' ? undefined : Number(connectionLimit()),
    validUntil: login() && validUntil() ? new Date(validUntil()).toISOString() : undefined,
  });
  const change = createPreviewedChange<CreateInput>({
    run: async (value, mode) =>
      changeOf(await mutate(CreateRole, { databaseId: props.databaseId, input: value, ...mode })),
    reread: props.reread,
    onApplied: () => {
      setCreated(name().trim());
      setName('');
      setPassword('');
    },
  });
  const reason = () => `Your role "${props.viewerRole ?? '?'}" lacks CREATEROLE: PostgreSQL lets it create no roles.`;
  let form: HTMLFormElement | undefined;

  return (
    <section class="create-role" aria-label="Create a role">
      <h3>Create a role</h3>
      <Show when={!props.canCreate}>
        <p class="notice" id="create-role-reason" data-testid="create-role-reason">
          {reason()}
        </p>
      </Show>
      <form
        ref={form}
        aria-label="Create a role"
        onSubmit={(event) => {
          event.preventDefault();
          setCreated(null);
          if (change.previewed(input())) void change.apply(input());
          else void change.runPreview(input());
        }}
      >
        <fieldset disabled={!props.canCreate} aria-describedby={props.canCreate ? undefined : 'create-role-reason'}>
          <div class="row">
            <label class="chip">
              <input type="radio" name="kind" checked={!login()} onChange={() => setLogin(false)} /> Group role
              (NOLOGIN)
            </label>
            <label class="chip">
              <input type="radio" name="kind" checked={login()} onChange={() => setLogin(true)} /> Login role
            </label>
          </div>
          <div class="row">
            <input
              aria-label="Role name"
              placeholder="name"
              required
              aria-invalid={nameProblem() ? 'true' : undefined}
              aria-describedby={nameProblem() ? 'role-name-problem' : undefined}
              value={name()}
              onInput={(event) => {
                setName(event.currentTarget.value);
                setNameProblem(checkNameLength(event.currentTarget));
              }}
            />
            <Show when={login()}>
              <input
                type="password"
                aria-label="Password"
                placeholder="password"
                required
                autocomplete="new-password"
                value={password()}
                onInput={(event) => setPassword(event.currentTarget.value)}
              />
              <label class="chip" title={props.canConfigure ? undefined : CANNOT_CONFIGURE}>
                <input
                  type="checkbox"
                  checked={configure() && props.canConfigure}
                  disabled={!props.canConfigure}
                  title={props.canConfigure ? undefined : CANNOT_CONFIGURE}
                  onChange={(event) => setConfigure(event.currentTarget.checked)}
                />{' '}
                store password in Rolecall
              </label>
              <label>
                valid until{' '}
                <input
                  type="date"
                  aria-label="Valid until"
                  value={validUntil()}
                  onInput={(event) => setValidUntil(event.currentTarget.value)}
                />
              </label>
            </Show>
          </div>
          <Show when={nameProblem()}>
            <p class="error" id="role-name-problem" role="alert">
              {nameProblem()}
            </p>
          </Show>
          <div class="row">
            <label class="chip">
              <input
                type="checkbox"
                checked={inherit()}
                onChange={(event) => setInherit(event.currentTarget.checked)}
              />{' '}
              INHERIT
            </label>
            <For each={POWERS}>
              {([key, keyword]) => (
                <AttributeChip
                  keyword={keyword}
                  checked={powers[key]}
                  disabled={lockReason(props.locks, keyword) !== null && !powers[key]}
                  reason={lockReason(props.locks, keyword)}
                  onChange={(checked) => setPowers(key, checked)}
                />
              )}
            </For>
            <label>
              connection limit{' '}
              <input
                type="number"
                min="-1"
                aria-label="Connection limit"
                placeholder="no limit"
                class="narrow"
                value={connectionLimit()}
                onInput={(event) => setConnectionLimit(event.currentTarget.value)}
              />
            </label>
          </div>
          <Show when={props.canCreate}>
            <LockReasons locks={props.locks} />
          </Show>
          <div class="row">
            <button type="button" onClick={() => form?.reportValidity() && change.runPreview(input())}>
              Preview SQL
            </button>
            <button
              type="button"
              class="primary"
              disabled={!change.previewed(input()) || change.busy()}
              title={change.previewed(input()) ? undefined : 'Preview the SQL first.'}
              onClick={() => change.apply(input())}
            >
              Create role
            </button>
          </div>
        </fieldset>
      </form>
      <ChangeOutcome preview={change.preview()} done={created() && `Created ${created()}.`} error={change.error()} />
    </section>
  );
}
