import { batch, createResource, createSignal, For, type JSX, Show } from 'solid-js';
import { ChangeOutcome } from '../../../components/ChangeOutcome';
import { ErrorText } from '../../../components/ErrorText';
import { graphql } from '../../../gql';
import type { RoleDetailsQuery } from '../../../gql/graphql';
import { errorMessage, query } from '../../../graphql/client';
import { createPreviewedChange } from '../../../lib/previewed-change';
import { member } from '../../../lib/result';
import { lockReason } from './attribute-locks';
import { changeOf, mutate } from './operations';
import { ValidUntilForm } from './ValidUntilForm';

const RoleDetails = graphql(`
  query RoleDetails($id: ID!, $name: String!) {
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        name
        catalog {
          __typename
          ... on Error { message }
          ... on DatabaseCatalog {
            role(name: $name) {
              name comment connectionLimit connectionsInUse validUntil validUntilInfinity definitionSql
              settings { database name value }
              viewerCan { lockedAttributes { attribute reason } }
            }
          }
        }
      }
    }
  }
`);

const SetRoleSetting = graphql(`
  mutation SetRoleSetting($databaseId: ID!, $role: String!, $name: String!, $value: String!, $inDatabase: Boolean, $dryRun: Boolean, $previewToken: String) {
    setRoleSetting(databaseId: $databaseId, role: $role, name: $name, value: $value, inDatabase: $inDatabase, dryRun: $dryRun, previewToken: $previewToken) { __typename ... on Error { message } ... on PermissionChange { ...PreviewedChangeFields } }
  }
`);
const ResetRoleSetting = graphql(`
  mutation ResetRoleSetting($databaseId: ID!, $role: String!, $name: String!, $inDatabase: Boolean, $dryRun: Boolean, $previewToken: String) {
    resetRoleSetting(databaseId: $databaseId, role: $role, name: $name, inDatabase: $inDatabase, dryRun: $dryRun, previewToken: $previewToken) { __typename ... on Error { message } ... on PermissionChange { ...PreviewedChangeFields } }
  }
`);
const SetRoleComment = graphql(`
  mutation SetRoleComment($databaseId: ID!, $role: String!, $comment: String, $dryRun: Boolean, $previewToken: String) {
    setRoleComment(databaseId: $databaseId, role: $role, comment: $comment, dryRun: $dryRun, previewToken: $previewToken) { __typename ... on Error { message } ... on PermissionChange { ...PreviewedChangeFields } }
  }
`);

type RoleDetail = NonNullable<
  Extract<
    NonNullable<Extract<RoleDetailsQuery['database'], { __typename?: 'Database' }>['catalog']>,
    { __typename?: 'DatabaseCatalog' }
  >['role']
>;

/** "3 of 10", "3 (no limit)": sessions open as the role now against its CONNECTION LIMIT. */
export function connectionsText(inUse: number, limit: number): string {
  return limit < 0 ? `${inUse} (no limit)` : `${inUse} of ${limit}`;
}

/** VALID UNTIL as PostgreSQL writes it, 'infinity' included: that and none both never expire, but are told apart. */
export function validUntilText(validUntil: string | null | undefined, now = Date.now()): string {
  if (validUntil === 'infinity') return 'never expires (infinity)';
  if (!validUntil) return 'never expires';
  const expired = Date.parse(validUntil) <= now;
  return `${validUntil}${expired ? ' (expired)' : ''}`;
}

interface SettingInput {
  name: string;
  value: string;
  inDatabase: boolean;
}

/**
 * A role's settings (ALTER ROLE … SET), comment, connections in use against its limit, VALID UNTIL and the SQL that
 * recreates it (like pgAdmin's SQL tab); a setting or the comment is changed through a previewed change.
 */
export function RoleSettings(props: {
  name: string;
  databaseId: string;
  reread: () => Promise<unknown>;
  onClose: () => void;
}): JSX.Element {
  const [data, { refetch }] = createResource(
    () => [props.databaseId, props.name] as const,
    ([id, name]) => query(RoleDetails, { id, name }),
  );
  const database = () => member(data()?.database, 'Database');
  const catalogResult = () => database()?.catalog;
  const role = (): RoleDetail | null | undefined => member(catalogResult(), 'DatabaseCatalog')?.role;
  const failure = () =>
    (data.error as Error | undefined)?.message ?? errorMessage(data()?.database) ?? errorMessage(catalogResult());
  const reread = async () => {
    await refetch();
    return props.reread();
  };

  return (
    <section class="role-settings" aria-label={`Settings of ${props.name}`} data-testid="role-settings">
      <ErrorText error={failure() ?? null} />
      <Show when={data.loading && !role()}>
        <p class="muted">Loading the role…</p>
      </Show>
      <Show when={role()}>
        {(shown) => (
          <>
            <dl class="role-facts">
              <dt>Connections in use</dt>
              <dd data-testid="connections">{connectionsText(shown().connectionsInUse, shown().connectionLimit)}</dd>
              <dt>Valid until</dt>
              <dd data-testid="valid-until">
                {validUntilText(shown().validUntilInfinity ? 'infinity' : shown().validUntil)}
              </dd>
              <dt>Comment</dt>
              <dd data-testid="comment">{shown().comment ?? '—'}</dd>
            </dl>
            <h4>Settings</h4>
            <table class="grants" aria-label={`Settings of ${props.name}`}>
              <thead>
                <tr>
                  <th>Parameter</th>
                  <th>Value</th>
                  <th>Where</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                <For
                  each={shown().settings}
                  fallback={
                    <tr>
                      <td colSpan={4} class="muted">
                        No settings: its sessions start with the server's values.
                      </td>
                    </tr>
                  }
                >
                  {(setting) => (
                    <tr data-setting={`${setting.database ?? ''}:${setting.name}`}>
                      <td>{setting.name}</td>
                      <td>
                        <code>{setting.value}</code>
                      </td>
                      <td>{setting.database ? `in ${setting.database}` : 'every database'}</td>
                      <td>
                        <Show when={!setting.database || setting.database === database()?.name}>
                          <ResetSetting
                            databaseId={props.databaseId}
                            role={props.name}
                            name={setting.name}
                            inDatabase={Boolean(setting.database)}
                            reread={reread}
                          />
                        </Show>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <SettingForm databaseId={props.databaseId} role={props.name} reread={reread} />
            <CommentForm
              databaseId={props.databaseId}
              role={props.name}
              comment={shown().comment ?? ''}
              reread={reread}
            />
            <h4>Password expiry (VALID UNTIL)</h4>
            <ValidUntilForm
              databaseId={props.databaseId}
              role={props.name}
              lock={lockReason(shown().viewerCan.lockedAttributes, 'VALID_UNTIL')}
              reread={reread}
            />
            <details class="definition-sql">
              <summary>SQL</summary>
              <pre data-testid="definition-sql">
                {shown()
                  .definitionSql.map((line) => `${line};`)
                  .join('\n')}
              </pre>
            </details>
          </>
        )}
      </Show>
      <Show when={data() && !failure() && role() === null}>
        <p class="muted">{props.name} no longer exists.</p>
      </Show>
      <div class="row">
        <button type="button" class="ghost" onClick={props.onClose}>
          Close
        </button>
      </div>
    </section>
  );
}

/** ALTER ROLE … [IN DATABASE …] SET name = value, previewed first. */
function SettingForm(props: { databaseId: string; role: string; reread: () => Promise<unknown> }): JSX.Element {
  const [name, setName] = createSignal('');
  const [value, setValue] = createSignal('');
  const [inDatabase, setInDatabase] = createSignal(false);
  const [done, setDone] = createSignal<string | null>(null);
  const input = (): SettingInput => ({ name: name().trim(), value: value(), inDatabase: inDatabase() });
  const change = createPreviewedChange<SettingInput>({
    run: async (asked, mode) =>
      changeOf(await mutate(SetRoleSetting, { databaseId: props.databaseId, role: props.role, ...asked, ...mode })),
    reread: props.reread,
    onApplied: () =>
      batch(() => {
        setDone(`${name().trim()} set.`);
        setName('');
        setValue('');
      }),
  });
  const edit = (update: () => void) =>
    batch(() => {
      update();
      change.clear();
      setDone(null);
    });
  const current = () => (change.previewed(input()) ? change.preview() : null);
  return (
    <form
      class="inline-form"
      aria-label={`Set a parameter for ${props.role}`}
      onSubmit={(event) => {
        event.preventDefault();
        void change.runPreview(input());
      }}
    >
      <input
        aria-label="Parameter"
        placeholder="parameter (work_mem, search_path…)"
        required
        value={name()}
        onInput={(event) => {
          const next = event.currentTarget.value;
          edit(() => setName(next));
        }}
      />
      <input
        aria-label="Value"
        placeholder="value"
        value={value()}
        onInput={(event) => {
          const next = event.currentTarget.value;
          edit(() => setValue(next));
        }}
      />
      <label>
        <input
          type="checkbox"
          checked={inDatabase()}
          onChange={(event) => {
            const next = event.currentTarget.checked;
            edit(() => setInDatabase(next));
          }}
        />{' '}
        only in this database
      </label>
      <button type="submit" disabled={!name().trim() || change.busy()}>
        Preview SQL
      </button>
      <button
        type="button"
        class="primary"
        disabled={!current() || change.busy()}
        title={current() ? undefined : 'Preview the SQL first.'}
        onClick={() => change.apply(input())}
      >
        Set
      </button>
      <ChangeOutcome preview={current()} done={done()} error={change.error()} />
    </form>
  );
}

/** ALTER ROLE … RESET name: a first click previews, the second (Confirm reset) applies what was previewed. */
function ResetSetting(props: {
  databaseId: string;
  role: string;
  name: string;
  inDatabase: boolean;
  reread: () => Promise<unknown>;
}): JSX.Element {
  const input = () => ({ name: props.name, inDatabase: props.inDatabase });
  const change = createPreviewedChange<ReturnType<typeof input>>({
    run: async (asked, mode) =>
      changeOf(await mutate(ResetRoleSetting, { databaseId: props.databaseId, role: props.role, ...asked, ...mode })),
    reread: props.reread,
  });
  const current = () => (change.previewed(input()) ? change.preview() : null);
  return (
    <>
      <Show
        when={current()}
        fallback={
          <button
            type="button"
            class="small"
            aria-label={`Reset ${props.name}`}
            disabled={change.busy()}
            onClick={() => change.runPreview(input())}
          >
            Reset…
          </button>
        }
      >
        <button
          type="button"
          class="small danger"
          aria-label={`Confirm reset of ${props.name}`}
          disabled={change.busy()}
          onClick={() => change.apply(input())}
        >
          Confirm reset
        </button>
      </Show>
      <ChangeOutcome preview={current()} error={change.error()} />
    </>
  );
}

/** COMMENT ON ROLE …, previewed first; an empty comment removes it. */
function CommentForm(props: {
  databaseId: string;
  role: string;
  comment: string;
  reread: () => Promise<unknown>;
}): JSX.Element {
  const [comment, setComment] = createSignal(props.comment);
  const [done, setDone] = createSignal<string | null>(null);
  const input = () => comment().trim();
  const change = createPreviewedChange<string>({
    run: async (asked, mode) =>
      changeOf(
        await mutate(SetRoleComment, {
          databaseId: props.databaseId,
          role: props.role,
          comment: asked || null,
          ...mode,
        }),
      ),
    reread: props.reread,
    onApplied: () => setDone(input() ? 'Comment saved.' : 'Comment removed.'),
  });
  const current = () => (change.previewed(input()) ? change.preview() : null);
  return (
    <form
      class="inline-form"
      aria-label={`Comment on ${props.role}`}
      onSubmit={(event) => {
        event.preventDefault();
        void change.runPreview(input());
      }}
    >
      <input
        aria-label="Comment"
        placeholder="comment (empty removes it)"
        value={comment()}
        onInput={(event) => {
          const next = event.currentTarget.value;
          batch(() => {
            setComment(next);
            change.clear();
            setDone(null);
          });
        }}
      />
      <button type="submit" disabled={input() === props.comment.trim() || change.busy()}>
        Preview SQL
      </button>
      <button
        type="button"
        class="primary"
        disabled={!current() || change.busy()}
        title={current() ? undefined : 'Preview the SQL first.'}
        onClick={() => change.apply(input())}
      >
        Save comment
      </button>
      <ChangeOutcome preview={current()} done={done()} error={change.error()} />
    </form>
  );
}
