import { createEffect, createMemo, createResource, createSignal, For, type JSX, on, Show } from 'solid-js';
import { EffectiveAccess } from '../../components/EffectiveAccess';
import { ErrorText } from '../../components/ErrorText';
import { VirtualRows } from '../../components/VirtualRows';
import { graphql } from '../../gql';
import type { CatalogObjectKind, OverviewObjectFragment } from '../../gql/graphql';
import { errorMessage, query } from '../../graphql/client';
import { createDebouncedSearch } from '../../lib/debounced-search';
import { formatCount } from '../../lib/numbers';
import { createPagedConnection, pageOf } from '../../lib/paged-connection';
import { member } from '../../lib/result';
import { DefaultPrivileges } from './DefaultPrivileges';
import { objectKindLabel, objectLabel, objectRef } from './overview-rows';
import { PermissionDialog, type SecurableView } from './permissions/PermissionDialog';

const CatalogObjectsHeader = graphql(`
  query CatalogObjectsHeader($id: ID!) {
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        catalog {
          __typename
          ... on Error { message }
          ... on DatabaseCatalog {
            privilegesByKind { kind privileges presets { preset privileges } }
            viewerRole { role { name } }
          }
        }
      }
    }
  }
`);

const CatalogObjectsPage = graphql(`
  query CatalogObjectsPage($id: ID!, $kind: CatalogObjectKind!, $search: String, $first: Int, $after: String) {
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        catalog {
          __typename
          ... on Error { message }
          ... on DatabaseCatalog {
            catalogObjects(kind: $kind, search: $search, first: $first, after: $after) {
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

/** The kinds listed here, in the words of PostgreSQL's GRANT (`ON FUNCTION`, `ON FOREIGN SERVER` …). */
export const CATALOG_KINDS: readonly (readonly [CatalogObjectKind, string])[] = [
  ['FUNCTION', 'Functions, procedures, aggregates'],
  ['TYPE', 'Types and domains'],
  ['LANGUAGE', 'Languages'],
  ['FOREIGN_DATA_WRAPPER', 'Foreign-data wrappers'],
  ['FOREIGN_SERVER', 'Foreign servers'],
  ['LARGE_OBJECT', 'Large objects'],
  ['TABLESPACE', 'Tablespaces'],
  ['PARAMETER', 'Configuration parameters'],
];

const PAGE = 100;

const viewOf = (node: OverviewObjectFragment): SecurableView => ({
  ...node,
  label: objectLabel(node),
  ref: objectRef(node),
});
// A function's name holds its argument types, so overloads differ by it.
const keyOf = (view: SecurableView) => `${view.ref.kind}:${view.label}`;

/**
 * Every other kind of securable object — functions, types, languages, FDWs, foreign servers, large objects,
 * tablespaces, parameters — one kind at a time, searched and paged like the Overview; each opens the permission dialog.
 */
export function CatalogObjects(props: { databaseId: string; version: number }): JSX.Element {
  const [kind, setKind] = createSignal<CatalogObjectKind>('FUNCTION');
  const [header, { refetch }] = createResource(
    () => [props.databaseId, props.version] as const,
    ([id]) => query(CatalogObjectsHeader, { id }),
  );
  const search = createDebouncedSearch();
  const list = createPagedConnection<OverviewObjectFragment>({
    key: () => JSON.stringify([props.databaseId, kind(), search.search()]),
    pageSize: PAGE,
    read: async (after, first) => {
      const read = await query(CatalogObjectsPage, {
        id: props.databaseId,
        kind: kind(),
        search: search.search() || null,
        first,
        after,
      });
      const catalog = member(read.database, 'Database')?.catalog;
      const found = member(catalog, 'DatabaseCatalog')?.catalogObjects;
      if (!found)
        throw new Error(errorMessage(read.database) ?? errorMessage(catalog) ?? 'The catalog could not be read.');
      return pageOf(found);
    },
  });
  // A live change re-reads the rows loaded so far, keeping the list as long as it was.
  createEffect(
    on(
      () => props.version,
      () => void list.reread(),
      { defer: true },
    ),
  );
  const views = createMemo(() => list.nodes().map((node) => ({ view: viewOf(node), node })));
  const catalog = () => member(member(header()?.database, 'Database')?.catalog, 'DatabaseCatalog');
  const failure = () =>
    (header.error as Error | undefined)?.message ??
    errorMessage(header()?.database) ??
    errorMessage(member(header()?.database, 'Database')?.catalog) ??
    list.error();

  const [open, setOpen] = createSignal<SecurableView | null>(null);
  const openView = () => {
    const shown = open();
    return shown ? views().find((entry) => keyOf(entry.view) === keyOf(shown))?.view : undefined;
  };
  const refresh = () => {
    void refetch();
    return list.reread();
  };
  const kindLabel = () => CATALOG_KINDS.find(([value]) => value === kind())?.[1] ?? kind();

  return (
    <section aria-label="Objects">
      <ErrorText error={failure()} />
      <div class="row list-tools">
        <label>
          Kind{' '}
          <select
            aria-label="Kind of object"
            value={kind()}
            onChange={(event) => setKind(event.currentTarget.value as CatalogObjectKind)}
          >
            <For each={CATALOG_KINDS}>{([value, label]) => <option value={value}>{label}</option>}</For>
          </select>
        </label>
        <input
          type="search"
          aria-label="Search objects of this kind"
          placeholder="Search by name…"
          value={search.text()}
          onInput={(event) => search.type(event.currentTarget.value)}
        />
        <span class="muted" role="status" data-testid="catalog-object-count">
          {objectCount(list.totalCount(), kindLabel(), search.search())}
        </span>
      </div>
      <VirtualRows
        each={views()}
        label={kindLabel()}
        class="objects"
        key={(entry) => keyOf(entry.view)}
        onNearEnd={list.loadMore}
        head={
          <tr>
            <th>Object</th>
            <th>Kind</th>
            <th>Owner</th>
            <th>Your access</th>
            <th>Access</th>
          </tr>
        }
        fallback={
          <Show when={list.ready()}>
            <tr>
              <td colSpan={5} class="muted">
                {search.search() ? 'No object matches.' : 'None of this kind.'}
              </td>
            </tr>
          </Show>
        }
      >
        {(entry) => (
          <tr data-object={entry.view.label}>
            <td>{entry.view.label}</td>
            <td>{objectKindLabel(entry.node)}</td>
            <td>{entry.view.owner?.name ?? '—'}</td>
            <td data-testid="viewer-access">
              <EffectiveAccess privileges={entry.node.viewerPrivileges} />
            </td>
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
      </VirtualRows>
      <Show when={list.loading() && list.ready()}>
        <p class="muted">Loading more…</p>
      </Show>
      <Show when={open()}>
        {(snapshot) => (
          <PermissionDialog
            databaseId={props.databaseId}
            object={openView() ?? snapshot()}
            missing={openView() === undefined && list.ready() && !list.hasNextPage()}
            privilegesByKind={catalog()?.privilegesByKind ?? []}
            schemaTables={[]}
            viewerRole={catalog()?.viewerRole.role?.name}
            onClose={() => setOpen(null)}
            onApplied={refresh}
          />
        )}
      </Show>
      <DefaultPrivileges databaseId={props.databaseId} version={props.version} />
    </section>
  );
}

function objectCount(total: number | undefined, kind: string, search: string): string {
  if (total === undefined) return 'Loading…';
  const counted = `${formatCount(total)} of ${kind.toLowerCase()}`;
  return search ? `${counted} match “${search}”` : counted;
}
