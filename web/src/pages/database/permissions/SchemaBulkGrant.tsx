import { createSignal, For, type JSX, Show } from 'solid-js';
import { ChangeOutcome } from '../../../components/ChangeOutcome';
import { PUBLIC_OPTION, RoleCombobox } from '../../../components/RoleCombobox';
import { graphql } from '../../../gql';
import { mutate } from '../../../graphql/client';
import { changeOf, createPreviewedChange } from '../../../lib/previewed-change';
import { NEEDS_PREVIEW, type PermissionDialogProps } from './securable';

const GrantOnAllTables = graphql(`
  mutation GrantOnAllTables(
    $databaseId: ID!, $schema: String!, $grantee: String, $privileges: [String!]!, $sequencePrivileges: [String!],
    $withSchemaUsage: Boolean, $andFuture: Boolean, $futureCreator: String, $dryRun: Boolean, $previewToken: String
  ) {
    grantOnAllTables(
      databaseId: $databaseId, schema: $schema, grantee: $grantee, privileges: $privileges,
      sequencePrivileges: $sequencePrivileges, withSchemaUsage: $withSchemaUsage, andFuture: $andFuture,
      futureCreator: $futureCreator, dryRun: $dryRun, previewToken: $previewToken
    ) {
      __typename
      ... on Error { message }
      ... on PermissionChange { ...PreviewedChangeFields }
    }
  }
`);

/** What a sequence needs for a table's serial column: nextval (USAGE) and currval (SELECT). */
const SEQUENCE_PRIVILEGES = ['USAGE', 'SELECT'];

interface BulkInput {
  grantee: string | null;
  privileges: string[];
  sequences: boolean;
  schemaUsage: boolean;
  /** Also the tables (and sequences) made there later by `futureCreator`, or by the server's default creator (null). */
  future: boolean;
  futureCreator: string | null;
}

/** Whose future tables the server picks when no creator is chosen (grantOnAllTables' futureCreator). */
function defaultCreatorText(owner: string | undefined): string {
  // pg_database_owner never creates anything itself: its member, the database's owner, does.
  if (owner === 'pg_database_owner') return "the database's owner (this schema belongs to pg_database_owner)";
  return `the schema's owner, ${owner ?? 'whoever owns it'}`;
}

/**
 * A schema's dialog: one grant on every table (and sequence) it holds now, previewed as PostgreSQL's
 * `GRANT … ON ALL TABLES IN SCHEMA`; "and future ones" adds the same grant to one creator's default privileges there.
 */
export function SchemaBulkGrant(props: PermissionDialogProps & { schema: string }): JSX.Element {
  const [grantee, setGrantee] = createSignal('');
  const [preset, setPreset] = createSignal('READ');
  const [sequences, setSequences] = createSignal(true);
  const [schemaUsage, setSchemaUsage] = createSignal(true);
  const [future, setFuture] = createSignal(false);
  const [futureCreator, setFutureCreator] = createSignal('');
  const [done, setDone] = createSignal<string | null>(null);
  const presets = () => props.privilegesByKind.find((entry) => entry.kind === 'TABLE')?.presets ?? [];
  const input = (): BulkInput => ({
    grantee: grantee() === PUBLIC_OPTION.value ? null : grantee(),
    privileges: [...(presets().find((entry) => entry.preset === preset())?.privileges ?? [])],
    sequences: sequences(),
    schemaUsage: schemaUsage(),
    future: future(),
    futureCreator: future() ? futureCreator() || null : null,
  });
  const change = createPreviewedChange<BulkInput>({
    run: async (asked, mode) =>
      changeOf(
        await mutate(GrantOnAllTables, {
          databaseId: props.databaseId,
          schema: props.schema,
          grantee: asked.grantee,
          privileges: asked.privileges,
          sequencePrivileges: asked.sequences ? SEQUENCE_PRIVILEGES : null,
          withSchemaUsage: asked.schemaUsage,
          andFuture: asked.future,
          futureCreator: asked.futureCreator,
          ...mode,
        }),
      ),
    reread: async () => props.onApplied?.(),
    onApplied: (applied) =>
      setDone(
        `Granted on every table of ${props.schema}${future() ? ' and on those made there later' : ''} (${applied.sql.length} statements).`,
      ),
  });
  const edit = (update: () => void) => {
    update();
    setDone(null);
    change.clear();
  };
  return (
    <section class="bulk-grant" aria-label="Grant on every table">
      <h3>Every table of {props.schema}</h3>
      <p class="muted">
        One grant on each table, view and sequence the schema holds now; with “and future ones”, also on those one
        creator makes there later.
      </p>
      <div class="row">
        <RoleCombobox
          databaseId={props.databaseId}
          label="Grantee for every table"
          value={grantee()}
          onChange={(name) => edit(() => setGrantee(name))}
          filter={{ predefined: false }}
          extraOptions={[PUBLIC_OPTION]}
          placeholder="Grantee: type a role's name…"
        />
        <select
          aria-label="Access on every table"
          value={preset()}
          onChange={(event) => edit(() => setPreset(event.currentTarget.value))}
        >
          <For each={presets()}>
            {(entry) => (
              <option value={entry.preset}>
                {entry.preset.toLowerCase()} ({entry.privileges.join(', ')})
              </option>
            )}
          </For>
        </select>
        <label class="chip">
          <input
            type="checkbox"
            checked={sequences()}
            onChange={(event) => edit(() => setSequences(event.currentTarget.checked))}
          />{' '}
          and its sequences
        </label>
        <label class="chip">
          <input
            type="checkbox"
            checked={schemaUsage()}
            onChange={(event) => edit(() => setSchemaUsage(event.currentTarget.checked))}
          />{' '}
          and USAGE on the schema
        </label>
        <label class="chip">
          <input
            type="checkbox"
            checked={future()}
            onChange={(event) => edit(() => setFuture(event.currentTarget.checked))}
          />{' '}
          and future ones
        </label>
        <button type="button" disabled={!grantee() || change.busy()} onClick={() => change.runPreview(input())}>
          Preview the SQL for every table
        </button>
        <button
          type="button"
          class="primary"
          disabled={!grantee() || !change.previewed(input()) || change.busy()}
          title={change.previewed(input()) ? undefined : NEEDS_PREVIEW}
          onClick={() => change.apply(input())}
        >
          Grant on every table
        </button>
      </div>
      <Show when={future()}>
        <div class="row">
          <RoleCombobox
            databaseId={props.databaseId}
            label="Creator of the future tables"
            showLabel
            value={futureCreator()}
            onChange={(name) => edit(() => setFutureCreator(name))}
            filter={{ predefined: false }}
            placeholder={`Default: ${defaultCreatorText(props.object.owner?.name)}`}
          />
          <Show when={futureCreator()}>
            <button type="button" class="small ghost" onClick={() => edit(() => setFutureCreator(''))}>
              Use the default
            </button>
          </Show>
        </div>
        <p class="muted" data-testid="future-creator-note">
          Default privileges follow the role that creates a table: this covers only the tables (and sequences) made in{' '}
          {props.schema} from now on by {futureCreator() || defaultCreatorText(props.object.owner?.name)}. Your role
          must be that role or a member of it.
        </p>
      </Show>
      <ChangeOutcome preview={change.previewed(input()) && change.preview()} done={done()} error={change.error()} />
    </section>
  );
}
