import { batch, createEffect, createSignal, For, type JSX, on, Show, untrack } from 'solid-js';
import { ChangeOutcome } from '../../../components/ChangeOutcome';
import { PUBLIC_OPTION, RoleCombobox } from '../../../components/RoleCombobox';
import { graphql } from '../../../gql';
import { mutate } from '../../../graphql/client';
import {
  changedDrafts,
  type Draft,
  draftsOf,
  type KindPrivileges,
  kindPrivilegesOf,
} from '../../../lib/permission-model';
import { changeOf, createPreviewedChange } from '../../../lib/previewed-change';
import { GranteeRow } from '../permissions/GranteeRow';
import { NEEDS_PREVIEW } from '../permissions/securable';
import { type DefaultTarget, KIND_WORDS, type LevelGrant } from './target';

const SetDefaultPrivileges = graphql(`
  mutation SetDefaultPrivileges(
    $databaseId: ID!, $creator: String, $schema: String, $kind: DefaultedObjectKind!,
    $grants: [DesiredDefaultGrantInput!]!, $dryRun: Boolean, $previewToken: String
  ) {
    setDefaultPrivileges(
      databaseId: $databaseId, creator: $creator, schema: $schema, kind: $kind, grants: $grants, dryRun: $dryRun,
      previewToken: $previewToken
    ) {
      __typename
      ... on Error { message }
      ... on PermissionChange { ...PreviewedChangeFields }
    }
  }
`);

const fingerprint = (grants: readonly LevelGrant[]) => JSON.stringify(draftsOf(grants));

/** Why the level shows no grantee: there is no entry yet, so new objects get what the level below gives. */
function emptyLevelText(target: DefaultTarget): string {
  const objects = `new ${KIND_WORDS[target.kind]} made by ${target.creator}`;
  if (target.schema === null) return `No entry: ${objects} get PostgreSQL's built-in default, shown below.`;
  return `No entry for schema ${target.schema}: ${objects} there get only what ${target.creator}'s default privileges for every schema give; grants added here add to those.`;
}

/**
 * What each grantee gets on the new objects of one creator, kind and level (one schema, or every schema): presets or
 * privileges ticked one by one, with grant option, PUBLIC included; previewed as ALTER DEFAULT PRIVILEGES before it
 * runs. Whether the viewer's role may act for the creator is PostgreSQL's verdict, shown as its error.
 */
export function DefaultPrivilegesEditor(props: {
  databaseId: string;
  target: DefaultTarget;
  /** The level's grants: its entry's, or without one what it gives (the built-in default for every schema). */
  grants: readonly LevelGrant[];
  /** Whether pg_default_acl has an entry for the level. */
  hasEntry: boolean;
  privilegesByKind: readonly KindPrivileges[];
  reread: () => Promise<unknown>;
}): JSX.Element {
  const [base, setBase] = createSignal(draftsOf(untrack(() => props.grants)));
  const [drafts, setDrafts] = createSignal<Draft[]>(base());
  const [done, setDone] = createSignal<string | null>(null);
  const ofKind = () => kindPrivilegesOf(props.privilegesByKind, { kind: props.target.kind });
  const grants = () => changedDrafts(base(), drafts());

  const reset = () =>
    batch(() => {
      const fresh = draftsOf(props.grants);
      setBase(fresh);
      setDrafts(fresh);
      change.clear();
    });
  const change = createPreviewedChange<Draft[]>({
    run: async (asked, mode) =>
      changeOf(
        await mutate(SetDefaultPrivileges, {
          databaseId: props.databaseId,
          creator: props.target.creator,
          schema: props.target.schema,
          kind: props.target.kind,
          grants: asked,
          ...mode,
        }),
      ),
    reread: props.reread,
    onApplied: (applied) => {
      reset();
      setDone(`Applied ${applied.sql.length} statement${applied.sql.length === 1 ? '' : 's'}.`);
    },
  });
  const current = () => (change.previewed(grants()) ? change.preview() : null);
  // Nothing of the user's to lose: follow what the server shows now.
  createEffect(
    on(
      () => fingerprint(props.grants),
      () => {
        if (grants().length === 0 && !change.busy()) untrack(reset);
      },
      { defer: true },
    ),
  );

  const edit = (update: () => void) =>
    batch(() => {
      update();
      change.clear();
      setDone(null);
    });
  const listed = () => drafts().flatMap((draft) => (draft.grantee === null ? [] : [draft.grantee]));

  return (
    <section class="default-privileges-editor" aria-label="Change default privileges">
      <Show when={!props.hasEntry}>
        <p class="muted">{emptyLevelText(props.target)}</p>
      </Show>
      <table class="grants" aria-label="Grantees of new objects">
        <thead>
          <tr>
            <th>Grantee</th>
            <th>Access</th>
            <th>Privileges on new {KIND_WORDS[props.target.kind]} (★ = with grant option)</th>
          </tr>
        </thead>
        <tbody>
          <For each={drafts()}>
            {(draft, index) => (
              <GranteeRow
                presets={ofKind().presets}
                draft={draft}
                order={ofKind().privileges}
                canChange
                grantable={ofKind().privileges}
                reason=""
                onChange={(next) =>
                  edit(() => setDrafts((all) => all.map((old, position) => (position === index() ? next : old))))
                }
              />
            )}
          </For>
        </tbody>
      </table>
      <div class="row">
        <RoleCombobox
          databaseId={props.databaseId}
          label="Add a grantee of new objects"
          value=""
          onChange={(name) =>
            edit(() =>
              setDrafts((all) => [
                ...all,
                { grantee: name === PUBLIC_OPTION.value ? null : name, privileges: [], grantable: [] },
              ]),
            )
          }
          filter={{ predefined: false }}
          exclude={listed()}
          extraOptions={drafts().some((draft) => draft.grantee === null) ? [] : [PUBLIC_OPTION]}
          placeholder="Add a grantee: type a role's name…"
        />
        <button
          type="button"
          onClick={() => void change.runPreview(grants())}
          disabled={change.busy() || grants().length === 0}
          title={grants().length === 0 ? 'Change something first.' : undefined}
        >
          Preview SQL
        </button>
        <button
          type="button"
          class="primary"
          onClick={() => void change.apply(grants())}
          disabled={!current()?.sql.length || change.busy()}
          title={current() ? (current()?.sql.length ? undefined : 'Nothing to change.') : NEEDS_PREVIEW}
        >
          Apply
        </button>
      </div>
      <ChangeOutcome preview={current()} done={done()} error={change.error()} />
    </section>
  );
}
