import { batch, createEffect, createResource, createSignal, For, type JSX, on, onCleanup, Show } from 'solid-js';
import { ChangeOutcome } from '../../components/ChangeOutcome';
import { ErrorText } from '../../components/ErrorText';
import { type DocumentType, graphql } from '../../gql';
import { errorMessage, mutate, query } from '../../graphql/client';
import type { LiveEvent } from '../../lib/live';
import { objectFingerprint } from '../../lib/permission-model';
import { changeOf, createPreviewedChange } from '../../lib/previewed-change';
import { member } from '../../lib/result';
import { withRowsReread } from './overview-rows';
import { PermissionDialog, type SchemaTableView, type SecurableView } from './permissions/PermissionDialog';

const OverviewQuery = graphql(`
  query Overview($id: ID!) {
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        catalog {
          __typename
          ... on Error { message }
          ... on DatabaseCatalog {
            privilegesByKind { kind privileges presets { preset privileges } }
            roles { name isPredefined }
            viewerRole { role { name } databasePrivileges canCreateSchemas }
            database { ...Securable name }
            schemas { ...OverviewSchema }
          }
        }
      }
    }
  }
`);

const CreateSchema = graphql(`
  mutation CreateSchema($databaseId: ID!, $name: String!, $owner: String, $dryRun: Boolean, $previewToken: String) {
    createSchema(databaseId: $databaseId, name: $name, owner: $owner, dryRun: $dryRun, previewToken: $previewToken) {
      __typename
      ... on Error { message }
      ... on PermissionChange { ...PreviewedChangeFields }
    }
  }
`);

type OverviewResult = DocumentType<typeof OverviewQuery>;
type Only<T, Name> = Extract<T, { __typename?: Name }>;
/** The catalog as the Overview query reads it (generated from the query, not written by hand). */
type CatalogView = Only<NonNullable<Only<OverviewResult['database'], 'Database'>['catalog']>, 'DatabaseCatalog'>;

/** One row of the overview: an object, how it is labelled, and what its dialog needs. */
interface Entry {
  view: SecurableView;
  kindLabel: string;
  indent: boolean;
  tables: SchemaTableView[];
}

function entriesOf(cat: CatalogView): Entry[] {
  const entries: Entry[] = [
    {
      view: { ...cat.database, label: cat.database.name, ref: { kind: 'DATABASE' } },
      kindLabel: 'database',
      indent: false,
      tables: [],
    },
  ];
  for (const schema of cat.schemas) {
    entries.push({
      view: { ...schema, label: schema.name, ref: { kind: 'SCHEMA', name: schema.name } },
      kindLabel: 'schema',
      indent: false,
      tables: schema.tables,
    });
    for (const table of schema.tables)
      entries.push({
        view: {
          ...table,
          label: `${table.schema}.${table.name}`,
          ref: { kind: 'TABLE', schema: table.schema, name: table.name },
        },
        kindLabel: table.tableKind.toLowerCase().replace('_', ' '),
        indent: true,
        tables: [],
      });
  }
  return entries;
}

const entryKey = (view: SecurableView) => `${view.ref.kind}:${view.label}`;

/**
 * Rows whose owner, grants or viewer capabilities differ from the previous read (or that are new), for a moment:
 * a live change is shown where it happened.
 */
function createChangedRows(entries: () => Entry[]) {
  const [changed, setChanged] = createSignal<ReadonlySet<string>>(new Set());
  let seen: Map<string, string> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  createEffect(() => {
    const now = new Map(entries().map((entry) => [entryKey(entry.view), objectFingerprint(entry.view)]));
    // Nothing read yet (a catalog always has its database row): the first read is the baseline, not a change.
    if (now.size === 0) return;
    const before = seen;
    seen = now;
    if (!before) return;
    const differing = [...now].filter(([key, print]) => before.get(key) !== print).map(([key]) => key);
    if (differing.length === 0) return;
    setChanged(new Set(differing));
    clearTimeout(timer);
    timer = setTimeout(() => setChanged(new Set<string>()), 2_500);
  });
  onCleanup(() => clearTimeout(timer));
  return changed;
}

/** `changedBy`: the live events of the last burst that only changed some rows' grants (see overview-rows.ts). */
export function Overview(props: { databaseId: string; version: number; changedBy: readonly LiveEvent[] }): JSX.Element {
  const [data, { refetch, mutate: setData }] = createResource(
    () => [props.databaseId, props.version] as const,
    ([id]) => query(OverviewQuery, { id }),
  );
  const [open, setOpen] = createSignal<SecurableView | null>(null);
  const result = () => (data.error ? undefined : data());
  const catalogResult = () => {
    const database = result()?.database;
    return database?.__typename === 'Database' ? database.catalog : undefined;
  };
  const loaded = (): CatalogView | undefined => {
    const value = catalogResult();
    return value?.__typename === 'DatabaseCatalog' ? value : undefined;
  };
  const failure = () => {
    if (data.error) return (data.error as Error).message;
    return errorMessage(result()?.database) ?? errorMessage(catalogResult());
  };
  const entries = () => {
    const cat = loaded();
    return cat ? entriesOf(cat) : [];
  };
  const changed = createChangedRows(entries);
  createEffect(
    on(
      () => props.changedBy,
      (events) => {
        if (events.length > 0) void rereadRows(events);
      },
      { defer: true },
    ),
  );
  const rereadRows = async (events: readonly LiveEvent[]) => {
    const read = data();
    const database = member(read?.database, 'Database');
    const catalog = member(database?.catalog, 'DatabaseCatalog');
    const patched = read && database && catalog ? await withRowsReread(props.databaseId, catalog, events) : null;
    if (!patched || data() !== read) return void refetch();
    setData({ ...read, database: { ...database, __typename: 'Database', catalog: patched } });
  };
  const openEntry = () => {
    const shown = open();
    return shown ? entries().find((entry) => entryKey(entry.view) === entryKey(shown)) : undefined;
  };
  const mine = (grants: SecurableView['grants'], viewer?: string) =>
    grants.find((grant) => grant.grantee?.name === viewer)?.privileges.join(', ') || '—';

  return (
    <section aria-label="Overview">
      <Show when={data.loading && !loaded()}>
        <p class="muted" role="status">
          Loading the live catalog…
        </p>
      </Show>
      <ErrorText error={failure()} />
      <Show when={loaded()}>
        {(cat) => (
          <>
            <p>
              You work as <strong>{cat().viewerRole.role?.name}</strong>; on this database you hold{' '}
              {cat().viewerRole.databasePrivileges.join(', ') || 'nothing'}.
            </p>
            <CreateSchemaForm
              databaseId={props.databaseId}
              viewerRole={cat().viewerRole.role?.name}
              canCreate={cat().viewerRole.canCreateSchemas}
              roles={cat()
                .roles.filter((role) => !role.isPredefined)
                .map((role) => role.name)}
              onCreated={refetch}
            />
            <table class="objects">
              <thead>
                <tr>
                  <th>Object</th>
                  <th>Kind</th>
                  <th>Owner</th>
                  <th>Your role's grants</th>
                  <th>Access</th>
                </tr>
              </thead>
              <tbody>
                <For each={entries()}>
                  {(entry) => (
                    <tr
                      data-object={entry.view.label}
                      class={changed().has(entryKey(entry.view)) ? 'changed' : ''}
                      data-changed={changed().has(entryKey(entry.view)) ? 'true' : undefined}
                    >
                      <td class={entry.indent ? 'indent' : ''}>{entry.view.label}</td>
                      <td>{entry.kindLabel}</td>
                      <td>{entry.view.owner?.name ?? '—'}</td>
                      <td>{mine(entry.view.grants, cat().viewerRole.role?.name)}</td>
                      <td>
                        <button
                          type="button"
                          class="small"
                          onClick={() => setOpen(entry.view)}
                          aria-label={`Permissions of ${entry.view.label}`}
                        >
                          Permissions
                        </button>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <Show when={open()}>
              {(snapshot) => (
                <PermissionDialog
                  databaseId={props.databaseId}
                  object={openEntry()?.view ?? snapshot()}
                  missing={openEntry() === undefined}
                  roles={cat()
                    .roles.filter((role) => !role.isPredefined)
                    .map((role) => role.name)}
                  privilegesByKind={cat().privilegesByKind}
                  schemaTables={openEntry()?.tables ?? []}
                  viewerRole={cat().viewerRole.role?.name}
                  onClose={() => setOpen(null)}
                  onApplied={refetch}
                />
              )}
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}

/** CREATE SCHEMA, previewed as SQL first; shown disabled, with the reason, to a role without CREATE on the database. */
function CreateSchemaForm(props: {
  databaseId: string;
  viewerRole?: string;
  canCreate: boolean;
  roles: string[];
  onCreated: () => unknown;
}): JSX.Element {
  const [name, setName] = createSignal('');
  const [owner, setOwner] = createSignal('');
  const [done, setDone] = createSignal<string | null>(null);
  const reason = () =>
    `Your role (${props.viewerRole ?? 'none'}) lacks CREATE on this database, so it cannot create schemas.`;
  const input = () => ({ name: name(), owner: owner() || null });
  const change = createPreviewedChange<ReturnType<typeof input>>({
    run: async (asked, mode) =>
      changeOf(await mutate(CreateSchema, { databaseId: props.databaseId, ...asked, ...mode })),
    reread: async () => props.onCreated(),
    onApplied: () => {
      const created = name();
      batch(() => {
        setName('');
        setOwner('');
        setDone(`Schema ${created} created.`);
      });
    },
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
    <details class="create-schema">
      <summary>Create schema</summary>
      <Show when={!props.canCreate}>
        <p class="notice">{reason()}</p>
      </Show>
      <form
        class="inline-form"
        aria-label="Create a schema"
        onSubmit={(event) => {
          event.preventDefault();
          void change.runPreview(input());
        }}
      >
        <fieldset disabled={!props.canCreate} title={props.canCreate ? undefined : reason()}>
          <input
            aria-label="Schema name"
            placeholder="schema name"
            required
            value={name()}
            onInput={(event) => {
              const value = event.currentTarget.value;
              edit(() => setName(value));
            }}
          />
          <select
            aria-label="Schema owner"
            value={owner()}
            onChange={(event) => {
              const value = event.currentTarget.value;
              edit(() => setOwner(value));
            }}
          >
            <option value="">Owner: your role ({props.viewerRole})</option>
            <For each={props.roles}>{(role) => <option value={role}>{role}</option>}</For>
          </select>
          <button type="submit" disabled={!name() || change.busy()}>
            Preview SQL
          </button>
          <button
            type="button"
            class="primary"
            disabled={!current() || change.busy()}
            title={current() ? undefined : 'Preview the SQL first: Create runs exactly what the preview shows.'}
            onClick={() => change.apply(input())}
          >
            Create
          </button>
        </fieldset>
      </form>
      <ChangeOutcome preview={current()} done={done()} error={change.error()} />
    </details>
  );
}
