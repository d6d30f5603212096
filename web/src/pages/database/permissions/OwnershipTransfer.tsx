import { batch, createSignal, For, type JSX, Show } from 'solid-js';
import { ChangeOutcome } from '../../../components/ChangeOutcome';
import { RoleCombobox } from '../../../components/RoleCombobox';
import { graphql } from '../../../gql';
import { mutate } from '../../../graphql/client';
import { objectFingerprint } from '../../../lib/permission-model';
import { changeOf, createPreviewedChange } from '../../../lib/previewed-change';
import { NEEDS_PREVIEW, type PermissionDialogProps } from './securable';

const TransferOwnership = graphql(`
  mutation TransferOwnership(
    $databaseId: ID!, $object: ObjectRef!, $newOwner: String!, $tables: [String!], $dryRun: Boolean, $previewToken: String
  ) {
    transferOwnership(
      databaseId: $databaseId, object: $object, newOwner: $newOwner, tables: $tables, dryRun: $dryRun,
      previewToken: $previewToken
    ) {
      __typename
      ... on Error { message }
      ... on PermissionChange { ...PreviewedChangeFields }
    }
  }
`);

/** The transfer asked for, with what it was previewed against (`basis`): Transfer runs only this. */
interface TransferInput {
  newOwner: string;
  tables: string[];
  basis: string;
}

/** Give the object (a schema with a chosen subset of its tables) to another owner, previewed first. */
export function OwnershipTransfer(props: PermissionDialogProps): JSX.Element {
  const [newOwner, setNewOwner] = createSignal('');
  const [tables, setTables] = createSignal<string[]>([]);
  const [done, setDone] = createSignal<string | null>(null);
  const allowed = () => props.object.viewerCan.transferOwnership && !props.missing;
  const reason = () =>
    props.missing
      ? 'This object no longer exists.'
      : (props.object.viewerCan.reason ??
        'Only the owner, a member of the owning role or a superuser transfers ownership.');
  // The object and its tables' owners are part of what was previewed: a change to them makes the preview stale too.
  const input = (): TransferInput => ({
    newOwner: newOwner(),
    tables: [...tables()].sort(),
    basis: JSON.stringify([
      objectFingerprint(props.object),
      props.schemaTables.map((table) => [table.name, table.owner?.name]),
    ]),
  });
  const change = createPreviewedChange<TransferInput>({
    run: async (asked, mode) =>
      changeOf(
        await mutate(TransferOwnership, {
          databaseId: props.databaseId,
          object: props.object.ref,
          newOwner: asked.newOwner,
          tables: asked.tables,
          ...mode,
        }),
      ),
    reread: async () => props.onApplied?.(),
    onApplied: (applied) =>
      batch(() => {
        setNewOwner('');
        setTables([]);
        setDone(`Ownership transferred (${applied.sql.length} statement${applied.sql.length === 1 ? '' : 's'}).`);
      }),
  });
  const current = () => (change.previewed(input()) ? change.preview() : null);
  // Any edit asks for a new preview, even one back to what was previewed.
  const edit = (update: () => void) =>
    batch(() => {
      update();
      change.clear();
      setDone(null);
    });
  return (
    <details class="transfer">
      <summary>Transfer ownership</summary>
      <Show when={!allowed()}>
        <p class="notice">{reason()}</p>
      </Show>
      <fieldset disabled={!allowed()} title={allowed() ? undefined : reason()}>
        <RoleCombobox
          databaseId={props.databaseId}
          label="New owner"
          showLabel
          value={newOwner()}
          onChange={(name) => edit(() => setNewOwner(name))}
          filter={{ predefined: false }}
          disabled={!allowed()}
        />
        <Show when={props.object.kind === 'SCHEMA' && props.schemaTables.length > 0}>
          <fieldset>
            <legend>Also transfer these tables (owned by your role or its groups)</legend>
            <For each={props.schemaTables}>
              {(table) => (
                <label
                  class="chip"
                  title={table.viewerCan.transferOwnership ? undefined : (table.viewerCan.reason ?? undefined)}
                >
                  <input
                    type="checkbox"
                    aria-label={`Also transfer ${table.name}`}
                    disabled={!table.viewerCan.transferOwnership}
                    checked={tables().includes(table.name)}
                    onChange={(event) => {
                      const on = event.currentTarget.checked;
                      edit(() =>
                        setTables((all) => (on ? [...all, table.name] : all.filter((name) => name !== table.name))),
                      );
                    }}
                  />
                  {table.name}
                  <Show when={!table.viewerCan.transferOwnership}>
                    <span class="muted"> (owned by {table.owner?.name ?? 'another role'}: not yours to give)</span>
                  </Show>
                </label>
              )}
            </For>
          </fieldset>
        </Show>
        <div class="row">
          <button
            type="button"
            disabled={!newOwner() || change.busy()}
            title={newOwner() ? undefined : 'Choose the new owner first.'}
            onClick={() => change.runPreview(input())}
          >
            Preview SQL
          </button>
          <button
            type="button"
            class="primary"
            disabled={!current() || change.busy()}
            title={current() ? undefined : NEEDS_PREVIEW}
            onClick={() => change.apply(input())}
          >
            Transfer
          </button>
        </div>
      </fieldset>
      <ChangeOutcome preview={current()} done={done()} error={change.error()} />
    </details>
  );
}
