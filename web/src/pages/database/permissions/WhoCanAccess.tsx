import { createSignal, type JSX, Show } from 'solid-js';
import { ErrorText } from '../../../components/ErrorText';
import { VirtualRows } from '../../../components/VirtualRows';
import { graphql } from '../../../gql';
import type { WhoCanAccessQuery as WhoCanAccessResult } from '../../../gql/graphql';
import { errorMessage, query } from '../../../graphql/client';
import { createDebouncedSearch } from '../../../lib/debounced-search';
import { download, toCsv } from '../../../lib/export';
import { createPagedConnection, pageOf } from '../../../lib/paged-connection';
import { accessGroups } from '../../../lib/privilege-sources';
import { member } from '../../../lib/result';
import type { PermissionDialogProps } from './securable';

const WhoCanAccessQuery = graphql(`
  query WhoCanAccess($id: ID!, $object: ObjectRef!, $search: String, $first: Int, $after: String) {
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        catalog {
          __typename
          ... on Error { message }
          ... on DatabaseCatalog {
            whoCanAccess(object: $object, search: $search, first: $first, after: $after) {
              __typename
              ... on Error { message }
              ... on DatabaseCatalogWhoCanAccessConnection {
                totalCount
                pageInfo { hasNextPage endCursor }
                nodes {
                  role { name isSuperuser }
                  collaborators
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

/** Roles read at once; the next page loads as the list scrolls near its end. */
const PAGE = 100;
type Access = NonNullable<ReturnType<typeof accessConnection>>['nodes'][number];

function accessConnection(data: WhoCanAccessResult | undefined) {
  return member(
    member(member(data?.database, 'Database')?.catalog, 'DatabaseCatalog')?.whoCanAccess,
    'DatabaseCatalogWhoCanAccessConnection',
  );
}

/** Why a read of who can access failed, in the server's words. */
function failureOf(data: WhoCanAccessResult): string {
  const catalog = member(data.database, 'Database')?.catalog;
  return (
    errorMessage(data.database) ??
    errorMessage(catalog) ??
    errorMessage(member(catalog, 'DatabaseCatalog')?.whoCanAccess) ??
    'Who can access this could not be read.'
  );
}

const held = (access: Access) => access.privileges.filter((privilege) => privilege.held);

/** "Who can access this": every role PostgreSQL lets use the object, effective privileges and their source. */
export function WhoCanAccess(props: Pick<PermissionDialogProps, 'databaseId' | 'object'>): JSX.Element {
  const [open, setOpen] = createSignal(false);
  const { text: typed, search, type } = createDebouncedSearch();
  const read = async (first: number | null, after: string | null) => {
    const data = await query(WhoCanAccessQuery, {
      id: props.databaseId,
      object: props.object.ref,
      search: search() || null,
      first,
      after,
    });
    const found = accessConnection(data);
    if (!found) throw new Error(failureOf(data));
    return found;
  };
  const list = createPagedConnection<Access>({
    key: () => (open() ? JSON.stringify([props.databaseId, props.object.ref, search()]) : null),
    pageSize: PAGE,
    read: async (after, first) => {
      const found = await read(first, after);
      return pageOf(found);
    },
  });
  const [exportError, setExportError] = createSignal<string | null>(null);
  /** Every role that can access it (not only the rows loaded), as an auditor's file. */
  const exportAs = async (format: 'csv' | 'json') => {
    setExportError(null);
    try {
      const all = await read(null, null);
      const rows = all.nodes.map((access) => ({
        role: access.role.name,
        superuser: access.role.isSuperuser,
        privileges: held(access).map((privilege) => privilege.privilege),
        grantable: access.privileges.filter((privilege) => privilege.grantable).map((privilege) => privilege.privilege),
        sources: access.privileges.map(
          (privilege) =>
            `${privilege.privilege}: ${privilege.sources.map((source) => [source.kind, ...source.path].join(' ')).join(' | ')}`,
        ),
        collaborators: access.collaborators,
      }));
      const name = `who-can-access-${props.object.label}`;
      if (format === 'csv')
        download(
          `${name}.csv`,
          'text/csv',
          toCsv(rows, ['role', 'superuser', 'privileges', 'grantable', 'sources', 'collaborators']),
        );
      else download(`${name}.json`, 'application/json', `${JSON.stringify(rows, null, 2)}\n`);
    } catch (failure) {
      setExportError((failure as Error).message);
    }
  };
  const total = () => list.totalCount() ?? 0;
  return (
    <details class="who-can-access" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Who can access this</summary>
      <input
        type="search"
        aria-label="Search who can access"
        placeholder="Search roles…"
        value={typed()}
        onInput={(event) => type(event.currentTarget.value)}
      />
      <button type="button" class="small" onClick={() => void exportAs('csv')}>
        Export CSV
      </button>
      <button type="button" class="small" onClick={() => void exportAs('json')}>
        Export JSON
      </button>
      <ErrorText error={list.error() ?? exportError()} />
      <Show when={list.ready()}>
        <p class="muted" role="status" data-testid="who-can-access-count">
          {total()} role{total() === 1 ? '' : 's'} (superusers, PUBLIC and inherited grants included)
        </p>
        <VirtualRows
          each={list.nodes()}
          label="Roles that can access this"
          key={(access) => access.role.name}
          onNearEnd={list.loadMore}
          maxHeight="20rem"
          head={
            <tr>
              <th>Role</th>
              <th>Privileges</th>
              <th>Collaborators</th>
            </tr>
          }
        >
          {(access) => (
            <tr data-access-role={access.role.name}>
              <td>
                <strong>{access.role.name}</strong>
                {access.role.isSuperuser ? ' (superuser)' : ''}
              </td>
              <td
                data-testid="access-privileges"
                title={accessGroups(access.privileges)
                  .map((group) => group.detail)
                  .join('\n')}
              >
                {held(access)
                  .map((privilege) => `${privilege.privilege}${privilege.grantable ? '★' : ''}`)
                  .join(', ')}
              </td>
              <td>{access.collaborators.join(', ')}</td>
            </tr>
          )}
        </VirtualRows>
      </Show>
    </details>
  );
}
