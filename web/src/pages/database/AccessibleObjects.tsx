import { createEffect, createSignal, type JSX, on, Show } from 'solid-js';
import { EffectiveAccess } from '../../components/EffectiveAccess';
import { ErrorText } from '../../components/ErrorText';
import { VirtualRows } from '../../components/VirtualRows';
import { graphql } from '../../gql';
import type { AccessibleObjectsQuery as AccessibleObjectsResult } from '../../gql/graphql';
import { errorMessage, query } from '../../graphql/client';
import { createDebouncedSearch } from '../../lib/debounced-search';
import { download, toCsv } from '../../lib/export';
import { formatCount } from '../../lib/numbers';
import { createPagedConnection, pageOf } from '../../lib/paged-connection';
import { privilegeSourcesText } from '../../lib/privilege-sources';
import { member } from '../../lib/result';
import { objectKindLabel, objectLabel } from './overview-rows';

const AccessibleObjectsQuery = graphql(`
  query AccessibleObjects($id: ID!, $role: String!, $search: String, $first: Int, $after: String) {
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        catalog {
          __typename
          ... on Error { message }
          ... on DatabaseCatalog {
            accessibleObjects(role: $role, search: $search, first: $first, after: $after) {
              __typename
              ... on Error { message }
              ... on DatabaseCatalogAccessibleObjectsConnection {
                totalCount
                pageInfo { hasNextPage endCursor }
                nodes {
                  object { ...ObjectIdentity }
                  privileges { ...EffectivePrivilegeFields }
                }
              }
            }
          }
        }
      }
    }
  }
`);

/** Objects read at once; the next page loads as the list scrolls near its end. */
const PAGE = 100;
const EXPORT_COLUMNS = ['object', 'kind', 'privileges', 'grantable', 'sources'] as const;

type Connection = NonNullable<ReturnType<typeof connectionOf>>;
type Access = Connection['nodes'][number];

function connectionOf(data: AccessibleObjectsResult) {
  return member(
    member(member(data.database, 'Database')?.catalog, 'DatabaseCatalog')?.accessibleObjects,
    'DatabaseCatalogAccessibleObjectsConnection',
  );
}

function failureOf(data: AccessibleObjectsResult): string {
  const catalog = member(data.database, 'Database')?.catalog;
  return (
    errorMessage(data.database) ??
    errorMessage(catalog) ??
    errorMessage(member(catalog, 'DatabaseCatalog')?.accessibleObjects) ??
    'What this role can access could not be read.'
  );
}

/** One object of the export: what the role holds there, and every reason, in the words the list shows. */
const exportRow = (access: Access) => ({
  object: objectLabel(access.object),
  kind: objectKindLabel(access.object),
  privileges: access.privileges.filter((privilege) => privilege.held).map((privilege) => privilege.privilege),
  grantable: access.privileges.filter((privilege) => privilege.grantable).map((privilege) => privilege.privilege),
  sources: access.privileges.map(privilegeSourcesText),
});

/**
 * "Everything <role> can access": every object of the database the role can use (effective: inherited, PUBLIC,
 * ownership, predefined roles, superuser), each with its privileges and where they come from; searchable, exportable.
 */
export function AccessibleObjects(props: { databaseId: string; role: string; version: number }): JSX.Element {
  const { text: typed, search, type } = createDebouncedSearch();
  const read = async (first: number | null, after: string | null): Promise<Connection> => {
    const data = await query(AccessibleObjectsQuery, {
      id: props.databaseId,
      role: props.role,
      search: search() || null,
      first,
      after,
    });
    const found = connectionOf(data);
    if (!found) throw new Error(failureOf(data));
    return found;
  };
  const list = createPagedConnection<Access>({
    key: () => JSON.stringify([props.databaseId, props.role, search()]),
    pageSize: PAGE,
    read: async (after, first) => {
      const found = await read(first, after);
      return pageOf(found);
    },
  });
  createEffect(
    on(
      () => props.version,
      () => void list.reread(),
      { defer: true },
    ),
  );

  const [exporting, setExporting] = createSignal<{ busy: boolean; error: string | null }>({
    busy: false,
    error: null,
  });
  /** Every object the search selects (not only the rows loaded), as an auditor's file. */
  const exportAs = async (format: 'csv' | 'json') => {
    setExporting({ busy: true, error: null });
    try {
      const rows = (await read(null, null)).nodes.map(exportRow);
      const name = `accessible-by-${props.role}`;
      if (format === 'csv') download(`${name}.csv`, 'text/csv', toCsv(rows, EXPORT_COLUMNS));
      else download(`${name}.json`, 'application/json', `${JSON.stringify(rows, null, 2)}\n`);
      setExporting({ busy: false, error: null });
    } catch (failure) {
      setExporting({ busy: false, error: (failure as Error).message });
    }
  };
  const total = () => list.totalCount() ?? 0;

  return (
    <section class="accessible-objects" aria-label={`Everything ${props.role} can access`}>
      <div class="row list-tools">
        <input
          type="search"
          aria-label="Search accessible objects"
          placeholder="Search objects…"
          value={typed()}
          onInput={(event) => type(event.currentTarget.value)}
        />
        <button type="button" class="small" disabled={exporting().busy} onClick={() => void exportAs('csv')}>
          Export CSV
        </button>
        <button type="button" class="small" disabled={exporting().busy} onClick={() => void exportAs('json')}>
          Export JSON
        </button>
      </div>
      <ErrorText error={list.error() ?? exporting().error} />
      <Show when={!list.ready() && list.loading()}>
        <p class="muted" role="status">
          Reading what {props.role} can access…
        </p>
      </Show>
      <Show when={list.ready()}>
        <p class="muted" role="status" data-testid="accessible-count">
          {props.role} can use {formatCount(total())} object{total() === 1 ? '' : 's'}
          {search() ? ` matching “${search()}”` : ''} (inherited grants, PUBLIC, ownership and superuser included)
        </p>
        <VirtualRows
          each={list.nodes()}
          label={`Objects ${props.role} can access`}
          class="objects"
          key={(access) => `${access.object.__typename}:${objectLabel(access.object)}`}
          onNearEnd={list.loadMore}
          maxHeight="55vh"
          head={
            <tr>
              <th>Object</th>
              <th>Kind</th>
              <th>Privileges, and where they come from</th>
            </tr>
          }
          fallback={
            <tr>
              <td colSpan={3} class="muted">
                {search() ? 'No object matches.' : `${props.role} can use nothing here.`}
              </td>
            </tr>
          }
        >
          {(access) => (
            <tr data-accessible-object={objectLabel(access.object)}>
              <td class={access.object.__typename === 'Table' ? 'indent' : ''}>{objectLabel(access.object)}</td>
              <td>{objectKindLabel(access.object)}</td>
              <td data-testid="role-access">
                <EffectiveAccess privileges={access.privileges} />
              </td>
            </tr>
          )}
        </VirtualRows>
      </Show>
    </section>
  );
}
