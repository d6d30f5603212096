import { createEffect, createResource, createSignal, type JSX, on, Show } from 'solid-js';
import { ErrorText } from '../../components/ErrorText';
import { VirtualRows, type VirtualRowsHandle } from '../../components/VirtualRows';
import { graphql } from '../../gql';
import type { LoginRolesQuery as LoginRolesResult } from '../../gql/graphql';
import { errorMessage, mutate, query } from '../../graphql/client';
import { createAction } from '../../lib/action';
import { createDebouncedSearch } from '../../lib/debounced-search';
import { formatCount } from '../../lib/numbers';
import { createPagedConnection, pageOf } from '../../lib/paged-connection';
import { member } from '../../lib/result';
import { offersOf } from './RoleOffers';

const CANNOT_MARK = 'Only Rolecall admins mark the roles managers may give.';
/** Login roles read at once; the next page loads as the list scrolls near its end. */
const PAGE = 100;

const LoginRolesQuery = graphql(`
  query LoginRoles($id: ID!, $search: String, $configured: Boolean, $first: Int, $after: String) {
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        loginRoles(search: $search, configured: $configured, first: $first, after: $after) {
          __typename
          ... on Error { message }
          ... on DatabaseLoginRolesConnection {
            totalCount
            pageInfo { hasNextPage endCursor }
            nodes { rolname isSuperuser isConfigured configuredRole { id verifiedAt } }
          }
        }
      }
    }
  }
`);
const RoleOffersQuery = graphql(`
  query LoginRoleOffers($id: ID!) {
    database(id: $id) {
      __typename
      ... on Database {
        roleOffers {
          __typename
          ... on Error { message }
          ... on DatabaseRoleOffersConnection { nodes { ...RoleOfferFields } }
        }
      }
    }
  }
`);
const ConfigureRole = graphql(`
  mutation ConfigureRole($databaseId: ID!, $role: String!, $password: String!) {
    configureRole(databaseId: $databaseId, role: $role, password: $password) { __typename ... on Error { message } }
  }
`);
const SetRoleAssignable = graphql(`
  mutation SetRoleAssignable($databaseId: ID!, $configuredRoleId: ID!, $assignable: Boolean!) {
    setRoleAssignable(databaseId: $databaseId, configuredRoleId: $configuredRoleId, assignable: $assignable) {
      __typename
      ... on Error { message }
      ... on RoleOffer { markedAssignable }
    }
  }
`);
const RemoveConfiguredRole = graphql(`
  mutation RemoveConfiguredRole($id: ID!) {
    removeConfiguredRole(id: $id) { __typename ... on Error { message } }
  }
`);

type Connection = NonNullable<ReturnType<typeof connectionOf>>;
type LoginRole = Connection['nodes'][number];

function connectionOf(data: LoginRolesResult) {
  return member(member(data.database, 'Database')?.loginRoles, 'DatabaseLoginRolesConnection');
}

function failureOf(data: LoginRolesResult): string {
  return (
    errorMessage(data.database) ??
    errorMessage(member(data.database, 'Database')?.loginRoles) ??
    'The login roles could not be read.'
  );
}

/** "2,001 login roles", "3 configured login roles matching “sales”". */
function countText(total: number, configuredOnly: boolean, search: string): string {
  const roles = `${configuredOnly ? 'configured ' : ''}login role${total === 1 ? '' : 's'}`;
  return `${formatCount(total)} ${roles}${search ? ` matching “${search}”` : ''}`;
}

/**
 * LOGIN roles of the server, and the passwords Rolecall stores for them (verified by a real login, never shown):
 * searched and filtered on the server, read a page at a time as the list scrolls.
 */
export function RoleConfiguration(props: { databaseId: string; version: number; canConfigure: boolean }): JSX.Element {
  const { text: typed, search, type } = createDebouncedSearch();
  const [configuredOnly, setConfiguredOnly] = createSignal(false);
  const list = createPagedConnection<LoginRole>({
    key: () => JSON.stringify([props.databaseId, search(), configuredOnly()]),
    pageSize: PAGE,
    read: async (after, first) => {
      const data = await query(LoginRolesQuery, {
        id: props.databaseId,
        search: search() || null,
        configured: configuredOnly() || null,
        first,
        after,
      });
      const found = connectionOf(data);
      if (!found) throw new Error(failureOf(data));
      return pageOf(found);
    },
  });
  const [offersData, { refetch: refetchOffers }] = createResource(
    () => [props.databaseId, props.version] as const,
    ([id]) => query(RoleOffersQuery, { id }),
  );
  createEffect(
    on(
      () => props.version,
      () => void list.reread(),
      { defer: true },
    ),
  );
  let rows: VirtualRowsHandle | undefined;
  createEffect(on([search, configuredOnly], () => rows?.scrollToIndex(0), { defer: true }));

  const [editing, setEditing] = createSignal<string | null>(null);
  const offersKnown = () => offersData.state === 'ready' || offersData.state === 'refreshing';
  const offered = () => offersOf(member(offersData()?.database, 'Database')?.roleOffers);
  /** Whether an admin marked the configured role as one this database's managers may give. */
  const marked = (configuredRoleId: string) =>
    offered().offers.some((offer) => offer.id === configuredRoleId && offer.markedAssignable);
  const failure = () => list.error() ?? (offersData.error as Error | undefined)?.message ?? offered().error;
  const { error, act } = createAction(() => Promise.all([list.reread(), refetchOffers()]));
  const mark = (configuredRoleId: string) => (event: Event) => {
    const box = event.currentTarget as HTMLInputElement;
    const assignable = box.checked;
    // Once answered and re-read, the box shows what is stored: the old state when the server refused.
    void act(() => mutate(SetRoleAssignable, { databaseId: props.databaseId, configuredRoleId, assignable })).then(
      () => {
        box.checked = marked(configuredRoleId);
      },
    );
  };
  const save = (rolname: string) => (event: SubmitEvent) => {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget as HTMLFormElement).get('password'));
    // A wrong password keeps the form open, with PostgreSQL's answer beside it, to try again.
    void act(async () => {
      await mutate(ConfigureRole, { databaseId: props.databaseId, role: rolname, password });
      setEditing(null);
    });
  };
  const total = () => list.totalCount();
  return (
    <section aria-label="Role configuration" aria-busy={list.loading()}>
      <p class="muted" data-testid="role-configuration-intro">
        Rolecall works in this database through PostgreSQL LOGIN roles whose passwords it stores, sealed, after a real
        login proves them: each collaborator is given one of these configured roles and acts as it, with exactly its
        privileges. Configure a role here before giving it to anyone.
      </p>
      <Show when={!props.canConfigure}>
        <p class="notice">Only Rolecall admins configure role passwords.</p>
      </Show>
      <div class="row list-tools">
        <input
          type="search"
          aria-label="Search login roles"
          placeholder="Search login roles…"
          value={typed()}
          onInput={(event) => type(event.currentTarget.value)}
        />
        <label class="chip">
          <input
            type="checkbox"
            checked={configuredOnly()}
            onChange={(event) => setConfiguredOnly(event.currentTarget.checked)}
          />{' '}
          configured only
        </label>
        <span class="muted" role="status" data-testid="login-roles-shown">
          {total() === undefined
            ? list.loading()
              ? 'Loading login roles…'
              : ''
            : countText(total() ?? 0, configuredOnly(), search())}
        </span>
      </div>
      <ErrorText error={failure()} />
      <VirtualRows
        each={list.nodes()}
        label="Login roles"
        class="login-roles"
        key={(role) => role.rolname}
        onNearEnd={list.loadMore}
        maxHeight="60vh"
        ref={(handle) => {
          rows = handle;
        }}
        head={
          <tr>
            <th>Login role</th>
            <th>Password stored</th>
            <th>Assignable</th>
            <th />
          </tr>
        }
        fallback={
          <Show when={list.ready()}>
            <tr>
              <td colSpan={4} class="muted">
                {search() || configuredOnly() ? 'No login role matches.' : 'This server has no login role.'}
              </td>
            </tr>
          </Show>
        }
      >
        {(role) => (
          <tr data-login-role={role.rolname}>
            <td>
              {role.rolname} {role.isSuperuser ? <span class="badge">superuser</span> : null}
            </td>
            <td>
              {role.isConfigured
                ? `stored, verified ${new Date(role.configuredRole?.verifiedAt ?? '').toLocaleString()}`
                : 'no'}
            </td>
            <td>
              <Show when={role.configuredRole} fallback="—">
                {(configured) => (
                  // The box shows an admin's mark only once the offers that carry it are read, never a guess.
                  <Show when={offersKnown()} fallback={<span class="muted">…</span>}>
                    <label class="chip" title={props.canConfigure ? undefined : CANNOT_MARK}>
                      <input
                        type="checkbox"
                        aria-label={`Managers may give ${role.rolname} here`}
                        checked={marked(configured().id)}
                        disabled={!props.canConfigure}
                        title={props.canConfigure ? undefined : CANNOT_MARK}
                        onChange={mark(configured().id)}
                      />{' '}
                      managers may give it here
                    </label>
                  </Show>
                )}
              </Show>
            </td>
            <td>
              <Show
                when={editing() === role.rolname}
                fallback={
                  <>
                    <button
                      type="button"
                      class="small"
                      disabled={!props.canConfigure}
                      title={props.canConfigure ? undefined : 'Only Rolecall admins configure role passwords.'}
                      onClick={() => setEditing(role.rolname)}
                    >
                      {role.isConfigured ? 'Change password' : 'Configure'}
                    </button>
                    <Show when={role.configuredRole}>
                      {(configured) => (
                        <button
                          type="button"
                          class="small danger"
                          disabled={!props.canConfigure}
                          title={props.canConfigure ? undefined : 'Only Rolecall admins remove stored passwords.'}
                          onClick={() => act(() => mutate(RemoveConfiguredRole, { id: configured().id }))}
                        >
                          Remove
                        </button>
                      )}
                    </Show>
                  </>
                }
              >
                <form class="inline-form" onSubmit={save(role.rolname)}>
                  <label>
                    Password of {role.rolname} <input name="password" type="password" autocomplete="off" required />
                  </label>
                  <button type="submit">Verify and store</button>
                  <button type="button" class="ghost" onClick={() => setEditing(null)}>
                    Cancel
                  </button>
                </form>
              </Show>
            </td>
          </tr>
        )}
      </VirtualRows>
      <ErrorText error={error()} />
    </section>
  );
}
