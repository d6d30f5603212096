import { createResource, createSignal, For, type JSX, Show } from 'solid-js';
import { ErrorText } from '../../components/ErrorText';
import { graphql } from '../../gql';
import { errorMessage, mutate, query } from '../../graphql/client';
import { createAction } from '../../lib/action';
import { member } from '../../lib/result';
import { offersOf } from './RoleOffers';

const CANNOT_MARK = 'Only Rolecall admins mark the roles managers may give.';

const LoginRolesQuery = graphql(`
  query LoginRoles($id: ID!) {
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        loginRoles {
          __typename
          ... on Error { message }
          ... on DatabaseLoginRolesConnection { nodes { rolname isSuperuser isConfigured configuredRole { id verifiedAt } } }
        }
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

/** LOGIN roles of the server, and the passwords Rolecall stores for them (verified by a real login, never shown). */
export function RoleConfiguration(props: { databaseId: string; version: number; canConfigure: boolean }): JSX.Element {
  const [data, { refetch }] = createResource(
    () => [props.databaseId, props.version] as const,
    ([id]) => query(LoginRolesQuery, { id }),
  );
  const [editing, setEditing] = createSignal<string | null>(null);
  const answer = () => (data.error ? undefined : data()?.database);
  const database = () => member(answer(), 'Database');
  const roles = () => member(database()?.loginRoles, 'DatabaseLoginRolesConnection')?.nodes ?? [];
  const offered = () => offersOf(database()?.roleOffers);
  /** Whether an admin marked the configured role as one this database's managers may give. */
  const marked = (configuredRoleId: string) =>
    offered().offers.some((offer) => offer.id === configuredRoleId && offer.markedAssignable);
  const failure = () => {
    if (data.error) return (data.error as Error).message;
    const failed = errorMessage(answer()) ?? errorMessage(database()?.loginRoles);
    return failed ?? offered().error;
  };
  const { error, act } = createAction(refetch);
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
  return (
    <section aria-label="Role configuration">
      <p class="muted" data-testid="role-configuration-intro">
        Rolecall works in this database through PostgreSQL LOGIN roles whose passwords it stores, sealed, after a real
        login proves them: each collaborator is given one of these configured roles and acts as it, with exactly its
        privileges. Configure a role here before giving it to anyone.
      </p>
      <Show when={!props.canConfigure}>
        <p class="notice">Only Rolecall admins configure role passwords.</p>
      </Show>
      <Show when={data.loading && !database()}>
        <p class="muted" role="status">
          Loading login roles…
        </p>
      </Show>
      <ErrorText error={failure()} />
      <table>
        <thead>
          <tr>
            <th>Login role</th>
            <th>Password stored</th>
            <th>Assignable</th>
            <th />
          </tr>
        </thead>
        <tbody>
          <For each={roles()}>
            {(role) => (
              <tr data-login-role={role.rolname}>
                <td>
                  {role.rolname} {role.isSuperuser ? <span class="badge">superuser</span> : null}
                </td>
                <td>
                  {role.isConfigured
                    ? `verified ${new Date(role.configuredRole?.verifiedAt ?? '').toLocaleString()}`
                    : 'no'}
                </td>
                <td>
                  <Show when={role.configuredRole} fallback="—">
                    {(configured) => (
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
          </For>
        </tbody>
      </table>
      <ErrorText error={error()} />
    </section>
  );
}
