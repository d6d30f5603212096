import { batch, createEffect, createMemo, createResource, createSignal, type JSX, on, onCleanup, Show } from 'solid-js';
import { ChangeOutcome } from '../../components/ChangeOutcome';
import { ErrorText } from '../../components/ErrorText';
import { RoleCombobox } from '../../components/RoleCombobox';
import { VirtualRows } from '../../components/VirtualRows';
import { graphql } from '../../gql';
import type { OverviewObjectFragment, OverviewQuery as OverviewResult } from '../../gql/graphql';
import { errorMessage, mutate, prefetch, query } from '../../graphql/client';
import { createDebouncedSearch } from '../../lib/debounced-search';
import type { LiveEvent } from '../../lib/live';
import { formatCount } from '../../lib/numbers';
import { createPagedConnection, pageOf } from '../../lib/paged-connection';
import { objectFingerprint } from '../../lib/permission-model';
import { changeOf, createPreviewedChange } from '../../lib/previewed-change';
import { member } from '../../lib/result';
import { type Entry, entryOf, OverviewRow } from './OverviewRow';
import { createPartitions, withPartitions } from './overview-partitions';
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
            viewerRole { role { name } databasePrivileges canCreateSchemas }
          }
        }
      }
    }
  }
`);

const OverviewObjects = graphql(`
  query OverviewObjects($id: ID!, $search: String, $first: Int, $after: String) {
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        catalog {
          __typename
          ... on Error { message }
          ... on DatabaseCatalog {
            objectsConnection(search: $search, first: $first, after: $after) {
              totalCount
              pageInfo { hasNextPage endCursor }
              nodes { ...OverviewObject }
            }
          }
        }
      }
    }
  }
`);

/** A schema's tables, for its dialog's transfer of ownership (the list may not have loaded them all). */
const SchemaTables = graphql(`
  query OverviewSchemaTables($id: ID!, $name: String!) {
    database(id: $id) {
      __typename
      ... on Database {
        catalog {
          __typename
          ... on DatabaseCatalog {
            schema(name: $name) {
              tables { name owner { name } viewerCan { changePrivileges grantablePrivileges transferOwnership reason } }
            }
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

/** Rows read at once: the first page shows quickly, the next loads as the view nears the end. */
const PAGE = 100;
type Only<T, Name> = Extract<T, { __typename?: Name }>;
/** The catalog as the Overview query reads it (generated from the query, not written by hand). */
type CatalogView = Only<NonNullable<Only<OverviewResult['database'], 'Database'>['catalog']>, 'DatabaseCatalog'>;

const entryKey = (view: SecurableView) => `${view.ref.kind}:${view.label}`;
const entryPrint = (entry: Entry) => `${objectFingerprint(entry.view)}|${JSON.stringify(entry.privileges)}`;

/**
 * Rows whose owner, grants, viewer capabilities or viewer access differ after a re-read (or that are new), for a
 * moment: a live change is shown where it happened. Only a re-read is compared with what it replaced: the first page,
 * a next page or a new search bring rows that were not on screen, not changes.
 */
function createChangedRows() {
  const [changed, setChanged] = createSignal<ReadonlySet<string>>(new Set());
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  const compare = (before: readonly Entry[], after: readonly Entry[]) => {
    const seen = new Map(before.map((entry) => [entryKey(entry.view), entryPrint(entry)]));
    const differing = after.filter((entry) => seen.get(entryKey(entry.view)) !== entryPrint(entry));
    if (differing.length === 0) return;
    setChanged(new Set(differing.map((entry) => entryKey(entry.view))));
    clearTimeout(timer);
    timer = setTimeout(() => setChanged(new Set<string>()), 2_500);
  };
  return { changed, compare };
}

function objectsPage(databaseId: string, search: string, after: string | null, first: number) {
  return { id: databaseId, search: search || null, first, after };
}

/** The Overview's two queries, asked at once on a deep link to it (pages/preload.ts). */
export function preloadOverview(databaseId: string): void {
  prefetch(OverviewQuery, { id: databaseId });
  prefetch(OverviewObjects, objectsPage(databaseId, '', null, PAGE));
}

/** `changedBy`: the live events of the last burst that only changed some rows' grants (see overview-rows.ts). */
export function Overview(props: { databaseId: string; version: number; changedBy: readonly LiveEvent[] }): JSX.Element {
  const [data, { refetch }] = createResource(
    () => [props.databaseId, props.version] as const,
    ([id]) => query(OverviewQuery, { id }),
  );
  const search = createDebouncedSearch();
  const list = createPagedConnection<OverviewObjectFragment>({
    key: () => JSON.stringify([props.databaseId, search.search()]),
    pageSize: PAGE,
    read: async (after, first) => {
      const read = await query(OverviewObjects, objectsPage(props.databaseId, search.search(), after, first));
      const catalog = member(read.database, 'Database')?.catalog;
      const found = member(catalog, 'DatabaseCatalog')?.objectsConnection;
      if (!found)
        throw new Error(errorMessage(read.database) ?? errorMessage(catalog) ?? 'The catalog could not be read.');
      return pageOf(found);
    },
  });
  const partitions = createPartitions(() => props.databaseId);
  const entries = createMemo(() => withPartitions(list.nodes(), partitions.of).map(entryOf));
  const rows = createChangedRows();
  const reread = async () => {
    const before = entries();
    const [listed] = await Promise.all([list.reread(), partitions.reread()]);
    if (listed) rows.compare(before, entries());
  };
  createEffect(
    on(
      () => props.version,
      () => void reread(),
      { defer: true },
    ),
  );
  createEffect(
    on(
      () => props.changedBy,
      (events) => {
        if (events.length > 0) void rereadRows(events);
      },
      { defer: true },
    ),
  );
  // The partitions shown are not in the list's pages: they are read again with their parents' open rows.
  const rereadRows = async (events: readonly LiveEvent[]) => {
    const before = list.nodes();
    const shown = entries();
    const [patched] = await Promise.all([withRowsReread(props.databaseId, before, events), partitions.reread()]);
    if (!patched || list.nodes() !== before) return void reread();
    if (list.patch(before, patched)) rows.compare(shown, entries());
  };
  const refresh = () => {
    void refetch();
    return reread();
  };

  const [open, setOpen] = createSignal<SecurableView | null>(null);
  const result = () => (data.error ? undefined : data());
  const catalogResult = () => member(result()?.database, 'Database')?.catalog;
  const loaded = (): CatalogView | undefined => member(catalogResult(), 'DatabaseCatalog');
  const failure = () => {
    if (data.error) return (data.error as Error).message;
    return errorMessage(result()?.database) ?? errorMessage(catalogResult()) ?? list.error();
  };
  const openEntry = () => {
    const shown = open();
    return shown ? entries().find((entry) => entryKey(entry.view) === entryKey(shown)) : undefined;
  };
  // Gone only when the whole list is loaded and it is not in it: an unloaded page may still hold it.
  const openMissing = () => openEntry() === undefined && list.ready() && !list.hasNextPage();
  const [schemaTables] = createResource(
    () => {
      const shown = open();
      return shown?.ref.kind === 'SCHEMA' ? [shown.ref.name ?? '', props.version, openEntry()] : null;
    },
    async ([name]): Promise<SchemaTableView[]> => {
      const read = await query(SchemaTables, { id: props.databaseId, name: String(name) });
      return member(member(read.database, 'Database')?.catalog, 'DatabaseCatalog')?.schema?.tables ?? [];
    },
  );

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
              onCreated={refresh}
            />
            <div class="row list-tools">
              <input
                type="search"
                aria-label="Search objects"
                placeholder="Search objects…"
                value={search.text()}
                onInput={(event) => search.type(event.currentTarget.value)}
              />
              <span class="muted" role="status" data-testid="object-count">
                {objectCount(list.totalCount(), search.search())}
              </span>
            </div>
            <VirtualRows
              each={entries()}
              label="Objects"
              class="objects"
              key={(entry) => entryKey(entry.view)}
              onNearEnd={list.loadMore}
              head={
                <tr>
                  <th>Object</th>
                  <th>Kind</th>
                  <th>Owner</th>
                  <th title="What your role can really do here: its own grants, inherited ones, PUBLIC, ownership, predefined roles and superuser">
                    Your access
                  </th>
                  <th>Access</th>
                </tr>
              }
              fallback={
                <Show when={list.ready()}>
                  <tr>
                    <td colSpan={5} class="muted">
                      {search.search() ? 'No object matches.' : 'No objects.'}
                    </td>
                  </tr>
                </Show>
              }
            >
              {(entry) => (
                <OverviewRow
                  entry={entry}
                  changed={rows.changed().has(entryKey(entry.view))}
                  partitions={entry.partitioned ? partitions.of(entry.partitioned) : undefined}
                  onTogglePartitions={() => entry.partitioned && partitions.toggle(entry.partitioned)}
                  onOpen={() => setOpen(entry.view)}
                />
              )}
            </VirtualRows>
            <Show when={list.loading() && list.ready()}>
              <p class="muted">Loading more objects…</p>
            </Show>
            <Show when={open()}>
              {(snapshot) => (
                <PermissionDialog
                  databaseId={props.databaseId}
                  object={openEntry()?.view ?? snapshot()}
                  missing={openMissing()}
                  privilegesByKind={cat().privilegesByKind}
                  schemaTables={schemaTables() ?? []}
                  viewerRole={cat().viewerRole.role?.name}
                  onClose={() => setOpen(null)}
                  onApplied={refresh}
                />
              )}
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}

function objectCount(total: number | undefined, search: string): string {
  if (total === undefined) return 'Loading objects…';
  const objects = `${formatCount(total)} object${total === 1 ? '' : 's'}`;
  return search ? `${objects} match “${search}”` : objects;
}

/** CREATE SCHEMA, previewed as SQL first; shown disabled, with the reason, to a role without CREATE on the database. */
function CreateSchemaForm(props: {
  databaseId: string;
  viewerRole?: string;
  canCreate: boolean;
  onCreated: () => unknown;
}): JSX.Element {
  const [name, setName] = createSignal('');
  const [owner, setOwner] = createSignal('');
  const [done, setDone] = createSignal<string | null>(null);
  const reason = () =>
    `Your role (${props.viewerRole ?? 'none'}) lacks CREATE on this database, so it cannot create schemas.`;
  const input = () => ({ name: name(), owner: owner().trim() || null });
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
          <RoleCombobox
            databaseId={props.databaseId}
            label="Schema owner"
            value={owner()}
            onChange={(role) => edit(() => setOwner(role))}
            filter={{ predefined: false }}
            placeholder={`Owner: your role (${props.viewerRole ?? 'none'})`}
            disabled={!props.canCreate}
          />
          <Show when={owner()}>
            <button type="button" class="small ghost" onClick={() => edit(() => setOwner(''))}>
              Owner: your role
            </button>
          </Show>
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
