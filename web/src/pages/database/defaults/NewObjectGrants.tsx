import { createResource, type JSX, Show } from 'solid-js';
import { ErrorText } from '../../../components/ErrorText';
import { graphql } from '../../../gql';
import { errorMessage, query } from '../../../graphql/client';
import { member } from '../../../lib/result';
import { type DefaultTarget, defaultGrantsText, isSchemaless, KIND_WORDS } from './target';

const NewObjectGrantsRead = graphql(`
  query NewObjectGrants($id: ID!, $creator: String!, $kind: DefaultedObjectKind!, $schema: String) {
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        catalog {
          __typename
          ... on Error { message }
          ... on DatabaseCatalog {
            newObjectGrants(creator: $creator, kind: $kind, schema: $schema) {
              __typename
              ... on Error { message }
              ... on DatabaseCatalogNewObjectGrantsSuccess { data { isPublic grantee { name } privileges grantable } }
            }
          }
        }
      }
    }
  }
`);

/** "A new table made by x in schema s": the object the answer is about. */
function newObjectText(target: DefaultTarget): string {
  const kind = KIND_WORDS[target.kind].slice(0, -1);
  return `A new ${kind} made by ${target.creator}${target.schema === null ? '' : ` in schema ${target.schema}`}`;
}

/**
 * What PostgreSQL will give a new object of the target's kind when its creator makes it: the built-in default or the
 * creator's default privileges, global and the schema's merged. Anything but a schema or a large object is made in a
 * schema: without one there is nothing to answer.
 */
export function NewObjectGrants(props: {
  databaseId: string;
  target: DefaultTarget;
  /** Changes whenever the answer may have: a live event, a change applied here. */
  readKey: string;
}): JSX.Element {
  const asked = () => (isSchemaless(props.target.kind) || props.target.schema !== null ? props.target : null);
  const [data] = createResource(
    () => {
      const target = asked();
      return target && ([props.databaseId, target, props.readKey] as const);
    },
    ([id, target]) => query(NewObjectGrantsRead, { id, ...target }),
  );
  const catalog = () => member(member(data()?.database, 'Database')?.catalog, 'DatabaseCatalog');
  const grants = () => member(catalog()?.newObjectGrants, 'DatabaseCatalogNewObjectGrantsSuccess')?.data;
  const failure = () =>
    (data.error as Error | undefined)?.message ??
    errorMessage(data()?.database) ??
    errorMessage(member(data()?.database, 'Database')?.catalog) ??
    errorMessage(catalog()?.newObjectGrants);
  return (
    <div class="new-object-grants">
      <Show
        when={asked()}
        fallback={
          <p class="muted">
            Choose a schema to see what a new {KIND_WORDS[props.target.kind].slice(0, -1)} made there will grant.
          </p>
        }
      >
        {(target) => (
          <Show when={grants()}>
            {(shown) => (
              <p data-testid="new-object-grants">
                {newObjectText(target())} will grant: <strong>{defaultGrantsText(shown()) || 'nothing'}</strong>
              </p>
            )}
          </Show>
        )}
      </Show>
      <ErrorText error={asked() ? failure() : null} />
    </div>
  );
}
