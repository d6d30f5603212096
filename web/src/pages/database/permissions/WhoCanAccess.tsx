import { createResource, createSignal, For, type JSX, Show } from 'solid-js';
import { ErrorText } from '../../../components/ErrorText';
import { graphql } from '../../../gql';
import { errorMessage, query } from '../../../graphql/client';
import { download, toCsv } from '../../../lib/export';
import { member } from '../../../lib/result';
import type { PermissionDialogProps } from './securable';

const WhoCanAccessQuery = graphql(`
  query WhoCanAccess($id: ID!, $object: ObjectRef!, $search: String, $first: Int) {
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        catalog {
          __typename
          ... on Error { message }
          ... on DatabaseCatalog {
            whoCanAccess(object: $object, search: $search, first: $first) {
              __typename
              ... on Error { message }
              ... on DatabaseCatalogWhoCanAccessConnection {
                totalCount
                nodes {
                  role { name isSuperuser }
                  collaborators
                  privileges { privilege held grantable sources { kind path predefinedRole } }
                }
              }
            }
          }
        }
      }
    }
  }
`);

/** Rows shown at once: searching narrows a server of thousands of roles. */
const SHOWN = 100;

/** "Who can access this": every role PostgreSQL lets use the object, effective privileges and their source. */
export function WhoCanAccess(props: Pick<PermissionDialogProps, 'databaseId' | 'object'>): JSX.Element {
  const [open, setOpen] = createSignal(false);
  const [search, setSearch] = createSignal('');
  const [data] = createResource(
    () => (open() ? { search: search().trim() } : null),
    (asked) =>
      query(WhoCanAccessQuery, {
        id: props.databaseId,
        object: props.object.ref,
        search: asked.search || null,
        first: SHOWN,
      }),
  );
  const catalog = () => member(member(data()?.database, 'Database')?.catalog, 'DatabaseCatalog');
  const answer = () => catalog()?.whoCanAccess;
  const found = () => member(answer(), 'DatabaseCatalogWhoCanAccessConnection');
  const [exportError, setExportError] = createSignal<string | null>(null);
  /** Every role that can access it (not only the page shown), as an auditor's file. */
  const exportAs = async (format: 'csv' | 'json') => {
    setExportError(null);
    try {
      const data = await query(WhoCanAccessQuery, {
        id: props.databaseId,
        object: props.object.ref,
        search: search().trim() || null,
        first: null,
      });
      const all = member(
        member(member(data.database, 'Database')?.catalog, 'DatabaseCatalog')?.whoCanAccess,
        'DatabaseCatalogWhoCanAccessConnection',
      );
      if (!all) throw new Error('Who can access this could not be read.');
      const rows = all.nodes.map((access) => ({
        role: access.role.name,
        superuser: access.role.isSuperuser,
        privileges: access.privileges.filter((privilege) => privilege.held).map((privilege) => privilege.privilege),
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
  const failure = () =>
    data.error
      ? (data.error as Error).message
      : (errorMessage(data()?.database) ??
        errorMessage(member(data()?.database, 'Database')?.catalog) ??
        errorMessage(answer()));
  return (
    <details class="who-can-access" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Who can access this</summary>
      <input
        type="search"
        aria-label="Search who can access"
        placeholder="Search roles…"
        value={search()}
        onInput={(event) => setSearch(event.currentTarget.value)}
      />
      <button type="button" class="small" onClick={() => void exportAs('csv')}>
        Export CSV
      </button>
      <button type="button" class="small" onClick={() => void exportAs('json')}>
        Export JSON
      </button>
      <ErrorText error={failure() ?? exportError()} />
      <Show when={found()}>
        {(connection) => (
          <>
            <p class="muted" role="status" data-testid="who-can-access-count">
              {connection().totalCount > connection().nodes.length
                ? `${connection().nodes.length} of ${connection().totalCount} roles`
                : `${connection().totalCount} role${connection().totalCount === 1 ? '' : 's'}`}{' '}
              (superusers, PUBLIC and inherited grants included)
            </p>
            <ul>
              <For each={connection().nodes}>
                {(access) => (
                  <li data-access-role={access.role.name}>
                    <strong>{access.role.name}</strong>
                    {access.role.isSuperuser ? ' (superuser)' : ''}:{' '}
                    {access.privileges
                      .filter((privilege) => privilege.held)
                      .map((privilege) => `${privilege.privilege}${privilege.grantable ? '★' : ''}`)
                      .join(', ')}
                    <Show when={access.collaborators.length > 0}>
                      {' '}
                      — collaborators: {access.collaborators.join(', ')}
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </>
        )}
      </Show>
    </details>
  );
}
