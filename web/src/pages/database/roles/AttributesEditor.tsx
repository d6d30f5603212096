import { createSignal, For, type JSX, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { ChangeOutcome } from '../../../components/ChangeOutcome';
import type { RoleAttribute } from '../../../gql/graphql';
import { createPreviewedChange } from '../../../lib/previewed-change';
import { AttributeChip, LockReasons, lockReason } from './attribute-locks';
import { AlterRole, changeOf, mutate } from './operations';
import type { RoleView } from './types';

const FLAGS = [
  ['login', 'canLogin', 'LOGIN'],
  ['inherit', 'inherit', 'INHERIT'],
  ['createRole', 'createRole', 'CREATEROLE'],
  ['createDb', 'createDb', 'CREATEDB'],
  ['replication', 'replication', 'REPLICATION'],
  ['bypassRls', 'bypassRls', 'BYPASSRLS'],
] as const;

type Flag = (typeof FLAGS)[number][0];

interface Draft {
  login: boolean;
  inherit: boolean;
  createRole: boolean;
  createDb: boolean;
  replication: boolean;
  bypassRls: boolean;
  connectionLimit: string;
}

function draftOf(role: RoleView): Draft {
  return {
    login: role.canLogin,
    inherit: role.inherit,
    createRole: role.createRole,
    createDb: role.createDb,
    replication: role.replication,
    bypassRls: role.bypassRls,
    connectionLimit: String(role.connectionLimit),
  };
}

/** Only what the draft changes: ALTER ROLE names just those attributes. */
function changedAttributes(role: RoleView, draft: Draft): Record<string, unknown> {
  const original = draftOf(role);
  const changed: Record<string, unknown> = {};
  for (const [key] of FLAGS) if (draft[key] !== original[key]) changed[key] = draft[key];
  if (draft.connectionLimit !== original.connectionLimit && draft.connectionLimit !== '')
    changed.connectionLimit = Number(draft.connectionLimit);
  return changed;
}

/**
 * ALTER ROLE: a draft of the attributes, previewed, applied; refused attributes are disabled with PostgreSQL's reason.
 * VALID UNTIL has its own form in the role's settings, beside what it is now (a date, 'infinity' or never set).
 */
export function AttributesEditor(props: {
  role: RoleView;
  databaseId: string;
  reread: () => Promise<unknown>;
  onClose: () => void;
}): JSX.Element {
  const [draft, setDraft] = createStore<Draft>(draftOf(props.role));
  const [applied, setApplied] = createSignal(false);
  const lockOf = (attribute: RoleAttribute) => lockReason(props.role.viewerCan.lockedAttributes, attribute);
  const attributes = () => changedAttributes(props.role, draft);
  const change = createPreviewedChange<Record<string, unknown>>({
    run: async (value, mode) =>
      changeOf(
        await mutate(AlterRole, { databaseId: props.databaseId, name: props.role.name, attributes: value, ...mode }),
      ),
    reread: props.reread,
    onApplied: () => setApplied(true),
    // The server refused: show what is true again, not what was asked for.
    onFailure: () => setDraft(draftOf(props.role)),
  });
  const nothing = () => Object.keys(attributes()).length === 0;

  return (
    <form
      class="role-editor-form"
      aria-label={`Attributes of ${props.role.name}`}
      onSubmit={(event) => event.preventDefault()}
    >
      <div class="row">
        <For each={FLAGS}>
          {([key, , keyword]) => (
            <AttributeChip
              keyword={keyword}
              checked={draft[key as Flag]}
              disabled={lockOf(keyword) !== null}
              reason={lockOf(keyword)}
              onChange={(checked) => {
                setApplied(false);
                setDraft(key as Flag, checked);
              }}
            />
          )}
        </For>
        <label title={lockOf('CONNECTION_LIMIT') ?? undefined}>
          connection limit{' '}
          <input
            type="number"
            min="-1"
            class="narrow"
            aria-label="Connection limit"
            disabled={lockOf('CONNECTION_LIMIT') !== null}
            value={draft.connectionLimit}
            onInput={(event) => setDraft('connectionLimit', event.currentTarget.value)}
          />
        </label>
      </div>
      <Show when={props.role.viewerCan.alter}>
        <LockReasons locks={props.role.viewerCan.lockedAttributes} />
      </Show>
      <div class="row">
        <button type="button" disabled={nothing() || change.busy()} onClick={() => change.runPreview(attributes())}>
          Preview SQL
        </button>
        <button
          type="button"
          class="primary"
          disabled={!change.previewed(attributes()) || change.busy()}
          title={change.previewed(attributes()) ? undefined : 'Preview the SQL first.'}
          onClick={() => change.apply(attributes())}
        >
          Apply
        </button>
        <button type="button" class="ghost" onClick={props.onClose}>
          Close
        </button>
      </div>
      <ChangeOutcome preview={change.preview()} done={applied() && nothing() && 'Applied.'} error={change.error()} />
    </form>
  );
}
