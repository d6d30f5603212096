import { createSignal, For, type JSX, Show } from 'solid-js';
import { Dialog, ErrorText, SqlPreview } from '../../components/Chrome';
import { graphql } from '../../gql';
import { mutate } from '../../graphql/client';
import {
  changedDrafts,
  type Draft,
  type ObjectKind,
  PRESETS,
  type Preset,
  presetOf,
  privilegesFor,
  toggle,
} from '../../lib/permission-model';

const SetPrivileges = graphql(`
  mutation SetPrivileges($databaseId: ID!, $object: ObjectRef!, $grants: [DesiredGrantInput!]!, $dryRun: Boolean) {
    setPrivileges(databaseId: $databaseId, object: $object, grants: $grants, dryRun: $dryRun) {
      __typename
      ... on Error { message }
      ... on PermissionChange { sql warnings }
    }
  }
`);

const TransferOwnership = graphql(`
  mutation TransferOwnership($databaseId: ID!, $object: ObjectRef!, $newOwner: String!, $tables: [String!], $dryRun: Boolean) {
    transferOwnership(databaseId: $databaseId, object: $object, newOwner: $newOwner, tables: $tables, dryRun: $dryRun) {
      __typename
      ... on Error { message }
      ... on PermissionChange { sql warnings }
    }
  }
`);

export interface SecurableView {
  kind: ObjectKind;
  label: string;
  ref: { kind: 'DATABASE' | 'SCHEMA' | 'TABLE'; schema?: string; name?: string };
  owner: { name: string } | null;
  grants: { grantee: { name: string } | null; privileges: string[]; grantable: string[] }[];
  viewerCan: {
    changePrivileges: boolean;
    grantablePrivileges: string[];
    transferOwnership: boolean;
    reason: string | null;
  };
}

interface Preview {
  sql: string[];
  warnings: string[];
}

const PRESET_LABELS: Record<Preset, string> = {
  NONE: 'No access',
  CONNECT: 'Connect',
  CREATE: 'Create',
  READ: 'Read',
  WRITE: 'Write',
  CUSTOM: 'Custom',
};

/** Owner, grants per role with presets, PUBLIC, grant option, transfer of ownership: previewed as SQL before it runs. */
export function PermissionDialog(props: {
  databaseId: string;
  object: SecurableView;
  roles: string[];
  privilegesByKind: { kind: string; privileges: string[] }[];
  schemaTables: { name: string; viewerCan: { transferOwnership: boolean } }[];
  viewerRole?: string;
  onClose: () => void;
}): JSX.Element {
  const original: Draft[] = props.object.grants.map((grant) => ({
    grantee: grant.grantee?.name ?? null,
    privileges: [...grant.privileges],
    grantable: [...grant.grantable],
  }));
  const [drafts, setDrafts] = createSignal<Draft[]>(original.map((draft) => ({ ...draft })));
  const [preview, setPreview] = createSignal<Preview | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [applied, setApplied] = createSignal(false);
  const order = () => props.privilegesByKind.find((entry) => entry.kind === props.object.kind)?.privileges ?? [];
  const canChange = () => props.object.viewerCan.changePrivileges;
  const presets = (): Preset[] => ['NONE', ...PRESETS[props.object.kind].map((entry) => entry.preset), 'CUSTOM'];

  const update = (index: number, next: Draft) => {
    setDrafts((current) => current.map((draft, position) => (position === index ? next : draft)));
    setPreview(null);
  };
  const grants = () =>
    changedDrafts(original, drafts()).map((draft) => ({
      grantee: draft.grantee,
      privileges: draft.privileges,
      grantable: draft.grantable,
    }));

  const run = async (dryRun: boolean) => {
    setError(null);
    try {
      const data = await mutate(SetPrivileges, {
        databaseId: props.databaseId,
        object: props.object.ref,
        grants: grants(),
        dryRun,
      });
      const change = data.setPrivileges;
      if (change.__typename !== 'PermissionChange') return;
      setPreview({ sql: change.sql, warnings: change.warnings });
      if (!dryRun) setApplied(true);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  const addable = () => props.roles.filter((role) => !drafts().some((draft) => draft.grantee === role));

  return (
    <Dialog title={`Permissions of ${props.object.label}`} onClose={props.onClose} wide>
      <p>
        Owner: <strong data-testid="owner">{props.object.owner?.name ?? '—'}</strong>
      </p>
      <Show when={!canChange()}>
        <p class="notice">
          Your role ({props.viewerRole}) cannot change privileges here: it neither owns this object nor holds a grant
          option. {props.object.viewerCan.reason}
        </p>
      </Show>
      <table class="grants">
        <thead>
          <tr>
            <th>Grantee</th>
            <th>Access</th>
            <th>Privileges (★ = with grant option)</th>
          </tr>
        </thead>
        <tbody>
          <For each={drafts()}>
            {(draft, index) => (
              <tr data-grantee={draft.grantee ?? 'PUBLIC'}>
                <td>{draft.grantee ?? <em title="Every role, now and future">PUBLIC</em>}</td>
                <td>
                  <select
                    aria-label={`Access of ${draft.grantee ?? 'PUBLIC'}`}
                    disabled={!canChange()}
                    value={presetOf(props.object.kind, draft.privileges)}
                    onChange={(event) => {
                      const preset = event.currentTarget.value as Preset;
                      const privileges = privilegesFor(props.object.kind, preset, draft.privileges);
                      update(index(), {
                        ...draft,
                        privileges,
                        grantable: draft.grantable.filter((privilege) => privileges.includes(privilege)),
                      });
                    }}
                  >
                    <For each={presets()}>{(preset) => <option value={preset}>{PRESET_LABELS[preset]}</option>}</For>
                  </select>
                </td>
                <td class="privileges">
                  <For each={order()}>
                    {(privilege) => (
                      <label class="chip">
                        <input
                          type="checkbox"
                          disabled={!canChange() || !props.object.viewerCan.grantablePrivileges.includes(privilege)}
                          checked={draft.privileges.includes(privilege)}
                          onChange={(event) =>
                            update(index(), toggle(draft, privilege, event.currentTarget.checked, order()))
                          }
                        />
                        {privilege}
                        <Show when={draft.privileges.includes(privilege)}>
                          <input
                            type="checkbox"
                            title="WITH GRANT OPTION"
                            aria-label={`${privilege} with grant option`}
                            disabled={!canChange() || draft.grantee === null}
                            checked={draft.grantable.includes(privilege)}
                            onChange={(event) =>
                              update(index(), {
                                ...draft,
                                grantable: event.currentTarget.checked
                                  ? [...draft.grantable, privilege]
                                  : draft.grantable.filter((item) => item !== privilege),
                              })
                            }
                          />
                          ★
                        </Show>
                      </label>
                    )}
                  </For>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <Show when={canChange()}>
        <div class="row">
          <label>
            Add a grantee{' '}
            <select
              aria-label="Add a grantee"
              onChange={(event) => {
                const value = event.currentTarget.value;
                if (!value) return;
                setDrafts((current) => [
                  ...current,
                  { grantee: value === '__PUBLIC__' ? null : value, privileges: [], grantable: [] },
                ]);
                event.currentTarget.value = '';
              }}
            >
              <option value="">Choose a role…</option>
              <Show when={!drafts().some((draft) => draft.grantee === null)}>
                <option value="__PUBLIC__">PUBLIC</option>
              </Show>
              <For each={addable()}>{(role) => <option value={role}>{role}</option>}</For>
            </select>
          </label>
          <button type="button" onClick={() => run(true)} disabled={grants().length === 0}>
            Preview SQL
          </button>
          <button
            type="button"
            class="primary"
            onClick={() => run(false)}
            disabled={!preview() || applied() || grants().length === 0}
          >
            Apply
          </button>
        </div>
      </Show>
      <Show when={preview()}>{(shown) => <SqlPreview sql={shown().sql} warnings={shown().warnings} />}</Show>
      <Show when={applied()}>
        <p class="success" role="status">
          Applied.
        </p>
      </Show>
      <ErrorText error={error()} />
      <OwnershipTransfer {...props} />
    </Dialog>
  );
}

function OwnershipTransfer(props: Parameters<typeof PermissionDialog>[0]): JSX.Element {
  const [newOwner, setNewOwner] = createSignal('');
  const [tables, setTables] = createSignal<string[]>([]);
  const [preview, setPreview] = createSignal<Preview | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const run = async (dryRun: boolean) => {
    setError(null);
    try {
      const data = await mutate(TransferOwnership, {
        databaseId: props.databaseId,
        object: props.object.ref,
        newOwner: newOwner(),
        tables: tables(),
        dryRun,
      });
      const change = data.transferOwnership;
      if (change.__typename === 'PermissionChange')
        setPreview({ sql: change.sql, warnings: dryRun ? change.warnings : ['Ownership transferred.'] });
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <details class="transfer">
      <summary>Transfer ownership</summary>
      <Show
        when={props.object.viewerCan.transferOwnership}
        fallback={<p class="notice">{props.object.viewerCan.reason}</p>}
      >
        <label>
          New owner{' '}
          <select
            aria-label="New owner"
            value={newOwner()}
            onChange={(event) => setNewOwner(event.currentTarget.value)}
          >
            <option value="">Choose a role…</option>
            <For each={props.roles}>{(role) => <option value={role}>{role}</option>}</For>
          </select>
        </label>
        <Show when={props.object.kind === 'SCHEMA' && props.schemaTables.length > 0}>
          <fieldset>
            <legend>Also transfer these tables (owned by your role or its groups)</legend>
            <For each={props.schemaTables}>
              {(table) => (
                <label class="chip">
                  <input
                    type="checkbox"
                    disabled={!table.viewerCan.transferOwnership}
                    onChange={(event) =>
                      setTables((current) =>
                        event.currentTarget.checked
                          ? [...current, table.name]
                          : current.filter((name) => name !== table.name),
                      )
                    }
                  />
                  {table.name}
                </label>
              )}
            </For>
          </fieldset>
        </Show>
        <div class="row">
          <button type="button" disabled={!newOwner()} onClick={() => run(true)}>
            Preview SQL
          </button>
          <button type="button" class="primary" disabled={!preview()} onClick={() => run(false)}>
            Transfer
          </button>
        </div>
        <Show when={preview()}>{(shown) => <SqlPreview sql={shown().sql} warnings={shown().warnings} />}</Show>
        <ErrorText error={error()} />
      </Show>
    </details>
  );
}
