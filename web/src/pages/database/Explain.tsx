import { createEffect, createResource, createSignal, For, type JSX, Show } from 'solid-js';
import { ErrorText } from '../../components/ErrorText';
import { ObjectCombobox } from '../../components/ObjectCombobox';
import { RoleCombobox } from '../../components/RoleCombobox';
import { graphql } from '../../gql';
import type { ObjectRef } from '../../gql/graphql';
import { errorMessage, query } from '../../graphql/client';
import { member } from '../../lib/result';

const ExplainQuery = graphql(`
  query Explain($id: ID!, $role: String!, $object: ObjectRef!) {
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        catalog {
          __typename
          ... on Error { message }
          ... on DatabaseCatalog {
            effectivePrivileges(role: $role, object: $object) {
              __typename
              ... on Error { message }
              ... on DatabaseCatalogEffectivePrivilegesConnection {
                nodes { privilege held grantable sources { kind path predefinedRole grantee { name } grantor { name } } }
              }
            }
            accessGaps(role: $role, object: $object) {
              __typename
              ... on DatabaseCatalogAccessGapsConnection { nodes { privilege on because fix } }
            }
          }
        }
      }
    }
  }
`);

const SOURCE_TEXT: Record<string, string> = {
  SUPERUSER: 'superuser',
  OWNER: "the owner's grant",
  OWNER_GRANT_OPTION: "owner's implicit grant option",
  GRANT: 'granted',
  PUBLIC: 'granted to PUBLIC',
  PREDEFINED_ROLE: 'predefined role',
};

/**
 * "Explain access": pick a role and an object (each searched on the server as you type), see what the role can
 * really do there and the path that grants each privilege. `selectedRole`: the role chosen elsewhere (the graph).
 */
export function Explain(props: { databaseId: string; selectedRole: string | null; version: number }): JSX.Element {
  const [role, setRole] = createSignal('');
  const [object, setObject] = createSignal<ObjectRef | null>(null);
  createEffect(() => {
    if (props.selectedRole) setRole(props.selectedRole);
  });
  const [result] = createResource(
    () => {
      const target = object();
      return role() && target ? { role: role(), object: target, version: props.version } : null;
    },
    (args) =>
      query(ExplainQuery, {
        id: props.databaseId,
        role: args.role,
        object: args.object,
      }),
  );
  const database = () => (result.error ? undefined : result()?.database);
  const catalog = () => member(database(), 'Database')?.catalog;
  const answer = () => member(catalog(), 'DatabaseCatalog')?.effectivePrivileges;
  const entries = () => member(answer(), 'DatabaseCatalogEffectivePrivilegesConnection')?.nodes ?? [];
  /** What the role lacks on the way in (CONNECT, schema USAGE): its privileges here do nothing until it has them. */
  const gaps = () =>
    member(member(catalog(), 'DatabaseCatalog')?.accessGaps, 'DatabaseCatalogAccessGapsConnection')?.nodes ?? [];
  /** A failed read or a typed error (the role was dropped, the object is gone …), said where the answer would be. */
  const error = () =>
    result.error
      ? (result.error as Error).message
      : (errorMessage(database()) ?? errorMessage(catalog()) ?? errorMessage(answer()));
  return (
    <section class="explain" aria-label="Explain access" data-testid="explain">
      <h3>Explain access</h3>
      <div class="row">
        <RoleCombobox databaseId={props.databaseId} label="Role to explain" value={role()} onChange={setRole} />
        <ObjectCombobox databaseId={props.databaseId} label="Object to explain" value={object()} onChange={setObject} />
      </div>
      <ErrorText error={error()} />
      <Show when={role() && object() && !error()}>
        <Show
          when={entries().length > 0}
          fallback={<p class="muted">{result.loading ? 'Working it out…' : `${role()} has no privilege here.`}</p>}
        >
          <ul class="explanations">
            <For each={entries()}>
              {(entry) => (
                <li data-privilege={entry.privilege}>
                  <strong>{entry.privilege}</strong>
                  {entry.held ? '' : ' (grant option only)'}
                  {entry.grantable ? ' ★' : ''} —{' '}
                  {entry.sources
                    .map((source) =>
                      [
                        SOURCE_TEXT[source.kind] ?? source.kind,
                        source.predefinedRole,
                        source.path.length > 1 ? `via ${source.path.join(' → ')}` : '',
                        source.grantor ? `by ${source.grantor.name}` : '',
                      ]
                        .filter(Boolean)
                        .join(' '),
                    )
                    .join('; ')}
                </li>
              )}
            </For>
          </ul>
          <Show when={gaps().length > 0}>
            <div class="warning" data-testid="access-gaps">
              <For each={gaps()}>
                {(gap) => (
                  <p data-gap={gap.privilege}>
                    Missing {gap.privilege} on {gap.on}: {gap.because} Fix: <code>{gap.fix}</code>
                  </p>
                )}
              </For>
            </div>
          </Show>
        </Show>
      </Show>
    </section>
  );
}
