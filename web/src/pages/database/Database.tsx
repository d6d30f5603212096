import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, type JSX, Match, Show, Switch } from 'solid-js';
import { graphql } from '../../gql';
import { errorMessage, prefetch, query } from '../../graphql/client';
import { createFlash, type LiveEvent, useLiveEvents } from '../../lib/live';
import { AccessReview } from './AccessReview';
import { Activity } from './Activity';
import { CatalogObjects } from './CatalogObjects';
import { Collaborators } from './Collaborators';
import { Overview, preloadOverview } from './Overview';
import { patchesRows } from './overview-rows';
import { RoleConfiguration } from './RoleConfiguration';
import { Roles } from './Roles';
import { preloadRoles } from './roles/role-list';

const DatabaseHeader = graphql(`
  query DatabaseHeader($id: ID!) {
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        id
        name
        viewerAccess
        server { host port }
        changesWatched
        unwatchedReason
        viewerCapabilities {
          canManageCollaborators canConfigureRoles canReadCatalog canLeave canDisconnect canChangeOwnCollaboration
        }
      }
    }
  }
`);

const TABS = [
  ['overview', 'Overview'],
  ['objects', 'Other objects'],
  ['collaborators', 'Collaborators'],
  ['role-configuration', 'Role configuration'],
  ['roles', 'Roles'],
  ['access-review', 'Access review'],
  ['activity', 'Activity'],
] as const;

/** A deep link's queries, asked before the session check has answered (pages/preload.ts). */
export function preloadDatabase(databaseId: string, tab = 'overview'): void {
  prefetch(DatabaseHeader, { id: databaseId });
  if (tab === 'overview') preloadOverview(databaseId);
  else if (tab === 'roles') preloadRoles(databaseId);
}

/** Until the header has said what the viewer may do here, nothing is offered. */
const NOTHING_YET = { canManageCollaborators: false, canLeave: false, canChangeOwnCollaboration: false };

/** A database's page: tabs like Mathesar's, all of them live. */
export function DatabasePage(): JSX.Element {
  const params = useParams<{ id: string; tab?: string }>();
  const [header, { refetch }] = createResource(
    () => params.id,
    (id) => query(DatabaseHeader, { id }),
  );
  const [version, setVersion] = createSignal(0);
  const [changedBy, setChangedBy] = createSignal<readonly LiveEvent[]>([]);
  const [flash, highlight] = createFlash();
  // Role and membership changes made through any database of this server arrive here too: roles are server-wide.
  useLiveEvents(() => ({ databaseId: params.id }), {
    // The Overview highlights the changed object's row itself.
    onEvent: (event) => {
      if (tab() !== 'overview' || !event.object) highlight();
    },
    refresh: (events) => {
      // Grants changed on a few objects: the overview re-reads those rows, not the whole catalog.
      if (tab() === 'overview' && patchesRows(events)) setChangedBy(events);
      else setVersion((value) => value + 1);
      void refetch();
    },
  });
  const database = () => {
    const result = header()?.database;
    return result?.__typename === 'Database' ? result : undefined;
  };
  const tab = () => params.tab ?? 'overview';

  return (
    <main class={`page ${flash() ? 'flash' : ''}`}>
      <Show when={header()?.database?.__typename !== 'Database' && header()} keyed>
        {(value) => <p class="error">{errorMessage(value.database)}</p>}
      </Show>
      <Show when={database()}>
        {(db) => (
          <>
            <header class="page-header">
              <div>
                <A href="/">Databases</A> / <h1>{db().name}</h1>
                <span class="muted">
                  {' '}
                  {db().server.host}:{db().server.port} · your access: {db().viewerAccess ?? 'none (admin)'}
                </span>
              </div>
            </header>
            <Show when={!db().changesWatched}>
              <p class="warning" role="status">
                Changes made outside Rolecall are not watched here: {db().unwatchedReason}. Rolecall's own changes are
                still shown.
              </p>
            </Show>
          </>
        )}
      </Show>
      {/* The tab reads its data alongside the header, not after it; a database that is not one shows only the error. */}
      <Show when={!header() || database()}>
        <nav class="tabs" aria-label="Database sections">
          {TABS.map(([key, label]) => (
            // A plain link (the router still handles it): <A> would mark Overview inactive at /databases/:id.
            <a
              href={`/databases/${params.id}/${key}`}
              class={tab() === key ? 'active' : ''}
              aria-current={tab() === key ? 'page' : undefined}
            >
              {label}
            </a>
          ))}
        </nav>
        <Switch>
          <Match when={tab() === 'overview'}>
            <Overview databaseId={params.id} version={version()} changedBy={changedBy()} />
          </Match>
          <Match when={tab() === 'objects'}>
            <CatalogObjects databaseId={params.id} version={version()} />
          </Match>
          <Match when={tab() === 'collaborators'}>
            <Collaborators
              databaseId={params.id}
              version={version()}
              capabilities={database()?.viewerCapabilities ?? NOTHING_YET}
            />
          </Match>
          <Match when={tab() === 'role-configuration'}>
            <RoleConfiguration
              databaseId={params.id}
              version={version()}
              canConfigure={Boolean(database()?.viewerCapabilities.canConfigureRoles)}
            />
          </Match>
          <Match when={tab() === 'roles'}>
            <Roles
              databaseId={params.id}
              version={version()}
              canConfigure={Boolean(database()?.viewerCapabilities.canConfigureRoles)}
            />
          </Match>
          <Match when={tab() === 'access-review'}>
            <AccessReview databaseId={params.id} version={version()} />
          </Match>
          <Match when={tab() === 'activity'}>
            <Activity databaseId={params.id} version={version()} />
          </Match>
        </Switch>
      </Show>
    </main>
  );
}
