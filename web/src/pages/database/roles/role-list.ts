import { createComputed, createEffect, createSignal, on, untrack } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { graphql } from '../../../gql';
import type { RoleFilter, RolePower, RolesQuery as RolesQueryResult } from '../../../gql/graphql';
import { errorMessage, prefetch, query } from '../../../graphql/client';
import { createPagedConnection, pageOf } from '../../../lib/paged-connection';
import { member } from '../../../lib/result';
import type { RoleView } from './types';

/** A page of roles at a time, by name: the server filters, so 10,000 roles never reach the browser at once. */
export const RolesQuery = graphql(`
  query Roles($id: ID!, $filter: RoleFilter, $first: Int, $after: String) {
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        catalog {
          __typename
          ... on Error { message }
          ... on DatabaseCatalog {
            membershipOptionsPerGrant
            viewerRole { canCreateRoles role { name } lockedAttributesOnCreate { attribute reason } }
            rolesConnection(filter: $filter, first: $first, after: $after) {
              totalCount
              pageInfo { hasNextPage endCursor }
              nodes { ...RoleRowFields }
            }
          }
        }
      }
    }
  }
`);

type Catalog = NonNullable<ReturnType<typeof catalogOf>['catalog']>;

export type RoleKind = 'ALL' | 'LOGIN' | 'GROUP';

/** What the Roles tab's controls ask for. */
export interface RoleListFilter {
  search: string;
  kind: RoleKind;
  showPredefined: boolean;
  power: RolePower | null;
}

export const ROLES_PER_PAGE = 100;

/** What the Roles tab lists when it opens: every role but the predefined ones. */
export const INITIAL_ROLE_FILTER: RoleListFilter = { search: '', kind: 'ALL', power: null, showPredefined: false };

function filterInput(filter: RoleListFilter): RoleFilter {
  return {
    search: filter.search.trim() || null,
    login: filter.kind === 'ALL' ? null : filter.kind === 'LOGIN',
    predefined: filter.showPredefined ? null : false,
    power: filter.power,
  };
}

/** The first page's query, asked at once on a deep link to the Roles tab (pages/preload.ts). */
export function preloadRoles(databaseId: string): void {
  prefetch(RolesQuery, rolesPage(databaseId, INITIAL_ROLE_FILTER, null, ROLES_PER_PAGE));
}

function rolesPage(databaseId: string, filter: RoleListFilter, after: string | null, first: number) {
  return { id: databaseId, filter: filterInput(filter), first, after };
}

/** The catalog, or the error that stands in its place (a typed error of the database or of its catalog). */
function catalogOf(data: RolesQueryResult) {
  const database = member(data.database, 'Database');
  const catalog = member(database?.catalog, 'DatabaseCatalog');
  if (!catalog)
    return {
      error:
        errorMessage(data.database) ??
        errorMessage(database?.catalog) ??
        'The catalog of this database cannot be read.',
    };
  return { catalog };
}

/**
 * The roles matching `filter`, read a page at a time as the list is scrolled (createPagedConnection: only the answer
 * to the newest request is shown). A new `version` (a live change) or `reread` reads again every row listed. Rows keep
 * their identity by name across reads, so an editor open on one stays open; while a new filter's first page is on its
 * way the previous rows stay, so typing does not blank the list at each key.
 */
export function createRoleList(props: {
  databaseId: () => string;
  version: () => number;
  filter: () => RoleListFilter;
}) {
  const [catalog, setCatalog] = createSignal<Omit<Catalog, 'rolesConnection'> | null>(null);
  const pages = createPagedConnection<RoleView>({
    key: () => JSON.stringify([props.databaseId(), props.filter()]),
    pageSize: ROLES_PER_PAGE,
    read: async (after, first) => {
      const asked = props.databaseId();
      const data = await query(RolesQuery, rolesPage(asked, props.filter(), after, first));
      const found = catalogOf(data);
      if (!found.catalog) throw new Error(found.error);
      const { rolesConnection, ...rest } = found.catalog;
      // An answer about a database the page has since left says nothing about the one shown now.
      if (props.databaseId() === asked) setCatalog(rest);
      return pageOf(rolesConnection);
    },
  });
  const [state, setState] = createStore<{ roles: RoleView[]; total: number | null }>({ roles: [], total: null });
  createComputed(() => {
    if (!pages.ready()) return;
    const nodes = pages.nodes();
    const total = pages.totalCount() ?? null;
    untrack(() => {
      setState('roles', reconcile(nodes, { key: 'name' }));
      setState('total', total);
    });
  });
  createEffect(on(props.version, () => void pages.reread(), { defer: true }));

  // The end of the list may be reached while another read is under way: its page is still wanted after it.
  let moreWanted = false;
  const loadMore = () => {
    if (pages.loading()) moreWanted = true;
    else pages.loadMore();
  };
  createEffect(
    on(pages.loading, (loading) => {
      if (loading || !moreWanted) return;
      moreWanted = false;
      pages.loadMore();
    }),
  );

  return {
    roles: () => state.roles,
    total: () => state.total,
    catalog,
    error: pages.error,
    loading: pages.loading,
    loadMore,
    /** Reads again every row listed (after a change made here). */
    reread: pages.reread,
  };
}
