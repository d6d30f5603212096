import { createResource, For, type JSX, Show } from 'solid-js';
import { ErrorText } from '../../components/ErrorText';
import { graphql } from '../../gql';
import type { DefaultPrivilegesQuery } from '../../gql/graphql';
import { errorMessage, query } from '../../graphql/client';
import { member } from '../../lib/result';
import { byCodePoint } from '../../lib/text-search';

const DefaultPrivilegesRead = graphql(`
  query DefaultPrivileges($id: ID!) {
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        catalog {
          __typename
          ... on Error { message }
          ... on DatabaseCatalog {
            defaultPrivileges {
              creator { name }
              schema
              objectKind
              grants { isPublic grantee { name } privileges grantable }
            }
          }
        }
      }
    }
  }
`);

type Entry = NonNullable<
  Extract<
    NonNullable<Extract<DefaultPrivilegesQuery['database'], { __typename?: 'Database' }>['catalog']>,
    { __typename?: 'DatabaseCatalog' }
  >
>['defaultPrivileges'][number];

/** "reader: SELECT, INSERT★" for each grantee of an entry; ★ marks WITH GRANT OPTION. */
export function defaultGrantsText(grants: Entry['grants']): string {
  return grants
    .map((grant) => {
      const name = grant.isPublic ? 'PUBLIC' : (grant.grantee?.name ?? '?');
      const privileges = grant.privileges.map((privilege) =>
        grant.grantable.includes(privilege) ? `${privilege}★` : privilege,
      );
      return `${name}: ${privileges.join(', ') || 'nothing'}`;
    })
    .join('; ');
}

/** The entries grouped by creator role, creators by name; within one, global entries first, then by schema and kind. */
export function byCreator(entries: readonly Entry[]): { creator: string; entries: Entry[] }[] {
  const groups = new Map<string, Entry[]>();
  for (const entry of entries) {
    const creator = entry.creator?.name ?? '?';
    groups.set(creator, [...(groups.get(creator) ?? []), entry]);
  }
  const order = (entry: Entry) =>
    `${entry.schema === null || entry.schema === undefined ? 0 : 1}\u0000${entry.schema ?? ''}\u0000${entry.objectKind}`;
  return [...groups.keys()].sort(byCodePoint).map((creator) => ({
    creator,
    entries: [...(groups.get(creator) ?? [])].sort((a, b) => byCodePoint(order(a), order(b))),
  }));
}

/** ALTER DEFAULT PRIVILEGES as the database keeps them (pg_default_acl): what a creator's new objects will grant. */
export function DefaultPrivileges(props: { databaseId: string; version: number }): JSX.Element {
  const [data] = createResource(
    () => [props.databaseId, props.version] as const,
    ([id]) => query(DefaultPrivilegesRead, { id }),
  );
  const catalogResult = () => member(data()?.database, 'Database')?.catalog;
  const entries = () => member(catalogResult(), 'DatabaseCatalog')?.defaultPrivileges;
  const failure = () =>
    (data.error as Error | undefined)?.message ?? errorMessage(data()?.database) ?? errorMessage(catalogResult());
  return (
    <details class="default-privileges" data-testid="default-privileges">
      <summary>Default privileges (what new objects will grant)</summary>
      <ErrorText error={failure() ?? null} />
      <Show when={entries()}>
        {(all) => (
          <Show
            when={all().length > 0}
            fallback={<p class="muted">No default privileges: new objects get PostgreSQL's built-in defaults.</p>}
          >
            <table class="grants" aria-label="Default privileges">
              <thead>
                <tr>
                  <th>Creator</th>
                  <th>Schema</th>
                  <th>Kind</th>
                  <th>Grants (★ = with grant option)</th>
                </tr>
              </thead>
              <tbody>
                <For each={byCreator(all())}>
                  {(group) => (
                    <For each={group.entries}>
                      {(entry, index) => (
                        <tr data-default-privilege={`${group.creator}:${entry.schema ?? ''}:${entry.objectKind}`}>
                          <td>{index() === 0 ? group.creator : ''}</td>
                          <td>{entry.schema ?? 'every schema'}</td>
                          <td>{entry.objectKind.toLowerCase()}</td>
                          <td>{defaultGrantsText(entry.grants) || '—'}</td>
                        </tr>
                      )}
                    </For>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        )}
      </Show>
    </details>
  );
}
