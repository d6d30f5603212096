import { createResource, For, type JSX } from 'solid-js';
import { graphql } from '../../gql';
import { query } from '../../graphql/client';

const ActivityQuery = graphql(`
  query Activity($id: ID!) {
    auditLog(databaseId: $id, first: 100) {
      __typename
      ... on Error { message }
      ... on EventPage {
        events { cursor kind source createdAt sql actingRole actor { username } warnings }
      }
    }
  }
`);

/** The audit log of the database, newest first; it refetches on every live event. */
export function Activity(props: { databaseId: string; version: number }): JSX.Element {
  const [data] = createResource(
    () => [props.databaseId, props.version] as const,
    ([id]) => query(ActivityQuery, { id }),
  );
  const events = () => {
    const page = data()?.auditLog;
    return page?.__typename === 'EventPage' ? page.events : [];
  };
  return (
    <section aria-label="Activity">
      <ol class="activity">
        <For each={events()} fallback={<li class="muted">Nothing yet.</li>}>
          {(event) => (
            <li class={event.source === 'EXTERNAL' ? 'external' : ''} data-kind={event.kind}>
              <time>{new Date(event.createdAt).toLocaleString()}</time> <strong>{event.kind}</strong>{' '}
              {event.source === 'EXTERNAL' ? (
                <span class="badge warn">outside Rolecall</span>
              ) : (
                `by ${event.actor?.username ?? '—'}${event.actingRole ? ` as ${event.actingRole}` : ''}`
              )}
              <For each={event.sql}>{(statement) => <code class="sql">{statement}</code>}</For>
              <For each={event.warnings}>{(warning) => <p class="warning">⚠ {warning}</p>}</For>
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}
