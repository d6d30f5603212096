import { createResource, createSignal, For, type JSX, Show } from 'solid-js';
import { createConfirmation } from '../../components/Confirm';
import { ErrorText } from '../../components/ErrorText';
import { graphql } from '../../gql';
import { errorMessage, mutate, query } from '../../graphql/client';
import { createAction } from '../../lib/action';
import { createFlash, useLiveEvents } from '../../lib/live';
import { member } from '../../lib/result';
import { textMatcher } from '../../lib/text-search';
import { EmailBadge } from '../account/EmailProof';

const UsersQuery = graphql(`
  query Users {
    viewer { id }
    users { __typename ... on Error { message } ... on QueryUsersConnection { nodes { id username email emailVerified displayName isAdmin isActive } } }
  }
`);
const CreateUser = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) { __typename ... on Error { message } }
  }
`);
const UpdateUser = graphql(`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) { __typename ... on Error { message } }
  }
`);

/** Admins: every user, create one, make admin, deactivate, vouch for an unproven address. */
export function UsersPage(): JSX.Element {
  const [data, { refetch }] = createResource(() => query(UsersQuery, {}));
  const users = () => member(data()?.users, 'QueryUsersConnection')?.nodes ?? [];
  const [search, setSearch] = createSignal('');
  /** The users whose username or e-mail contains the search, in any case. */
  const shown = () => {
    const matches = textMatcher(search());
    return users().filter((user) => matches(user.username, user.email));
  };
  const denied = () => errorMessage(data()?.users);
  const { error, act } = createAction(refetch);
  const [flash, highlight] = createFlash();
  useLiveEvents(() => ({ kinds: ['user.created', 'user.updated'] }), {
    onEvent: highlight,
    refresh: () => void refetch(),
  });
  const confirmation = createConfirmation();
  /**
   * Taking away one's own admin rights asks first, and then the whole app starts again as the standard user it leaves
   * behind (no admin form stays on screen). Anything else applies at once.
   */
  const setAdmin = async (user: { id: string; username: string }, box: HTMLInputElement) => {
    const isAdmin = box.checked;
    const self = user.id === data()?.viewer?.id;
    if (self && !isAdmin) {
      const yes = await confirmation.ask({
        title: 'Remove your own admin rights?',
        message:
          'You will no longer manage users or connect databases, and you will see only the databases you collaborate on. Only another admin can give the rights back.',
        confirm: 'Remove my admin rights',
      });
      if (!yes) {
        box.checked = true;
        return;
      }
    }
    let applied = false;
    await act(async () => {
      await mutate(UpdateUser, { id: user.id, input: { isAdmin } });
      applied = true;
    });
    if (applied && self && !isAdmin) location.assign('/');
  };
  const create = (event: SubmitEvent) => {
    event.preventDefault();
    const element = event.currentTarget as HTMLFormElement;
    const form = new FormData(element);
    void act(async () => {
      await mutate(CreateUser, {
        input: {
          username: String(form.get('username')),
          email: String(form.get('email')),
          password: String(form.get('password')),
          isAdmin: form.get('isAdmin') === 'on',
        },
      });
      element.reset();
    });
  };
  return (
    <main class={`page ${flash() ? 'flash' : ''}`}>
      <h1>Users</h1>
      <ErrorText error={denied()} />
      <div class="row list-tools">
        <input
          type="search"
          aria-label="Search users"
          placeholder="Search users or e-mails…"
          value={search()}
          onInput={(event) => setSearch(event.currentTarget.value)}
        />
        <Show when={search().trim()}>
          <span class="muted" role="status" data-testid="users-shown">
            {shown().length} of {users().length} users
          </span>
        </Show>
      </div>
      <table>
        <thead>
          <tr>
            <th>Username</th>
            <th>E-mail</th>
            <th>Admin</th>
            <th>Active</th>
          </tr>
        </thead>
        <tbody>
          <For
            each={shown()}
            fallback={
              <Show when={users().length > 0}>
                <tr>
                  <td colspan="4" class="muted">
                    No user matches.
                  </td>
                </tr>
              </Show>
            }
          >
            {(user) => (
              <tr data-user={user.username}>
                <td>{user.username}</td>
                <td>
                  {user.email} <EmailBadge verified={user.emailVerified} />
                  <Show when={!user.emailVerified}>
                    {' '}
                    <button
                      type="button"
                      class="small"
                      title="You vouch for this address: invitations sent to it will reach this user"
                      onClick={() => act(() => mutate(UpdateUser, { id: user.id, input: { email: user.email } }))}
                    >
                      Mark proven
                    </button>
                  </Show>
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${user.username} is admin`}
                    checked={user.isAdmin}
                    onChange={(event) => void setAdmin(user, event.currentTarget)}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${user.username} is active`}
                    checked={user.isActive}
                    onChange={(event) =>
                      act(() => mutate(UpdateUser, { id: user.id, input: { isActive: event.currentTarget.checked } }))
                    }
                  />
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      {confirmation.view()}
      <form class="inline-form" onSubmit={create} aria-label="Create a user">
        <input name="username" aria-label="Username" placeholder="username" required />
        <input name="email" type="email" aria-label="E-mail" placeholder="e-mail" required />
        <input
          name="password"
          type="password"
          aria-label="Password"
          placeholder="password (8+)"
          autocomplete="new-password"
          required
          minLength={8}
        />
        <label class="chip">
          <input type="checkbox" name="isAdmin" /> admin
        </label>
        <button type="submit">Create user</button>
      </form>
      <ErrorText error={error()} />
    </main>
  );
}
