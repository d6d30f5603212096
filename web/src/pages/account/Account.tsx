import { createResource, createSignal, For, type JSX, Show } from 'solid-js';
import { ErrorText } from '../../components/ErrorText';
import { graphql } from '../../gql';
import { mutate, query } from '../../graphql/client';
import { createAction } from '../../lib/action';
import { createFlash, useLiveEvents } from '../../lib/live';
import { MyInvitationsList } from '../invitations/Invitations';
import { EmailBadge, EmailProof } from './EmailProof';

const AccountQuery = graphql(`
  query Account {
    viewer { username email emailVerified isAdmin }
    canSendEmail
    apiTokens { __typename ... on QueryApiTokensConnection { nodes { id name createdAt lastUsedAt revokedAt } } }
  }
`);
const ChangePassword = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { __typename ... on Error { message } }
  }
`);
const CreateApiToken = graphql(`
  mutation CreateApiToken($name: String!) {
    createApiToken(name: $name) { __typename ... on Error { message } ... on CreatedApiToken { token } }
  }
`);
const RevokeApiToken = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) { __typename ... on Error { message } }
  }
`);

/** Invitations to the viewer's e-mail, and changes an admin makes to their account. */
const ACCOUNT_KINDS = [
  'invitation.created',
  'invitation.resent',
  'invitation.revoked',
  'invitation.accepted',
  'invitation.declined',
  'invitation.expired',
  'user.updated',
];

export function AccountPage(): JSX.Element {
  const [data, { refetch }] = createResource(() => query(AccountQuery, {}));
  const [message, setMessage] = createSignal<string | null>(null);
  const [token, setToken] = createSignal<string | null>(null);
  const tokens = () => {
    const result = data()?.apiTokens;
    return result?.__typename === 'QueryApiTokensConnection' ? result.nodes : [];
  };
  const { error, act } = createAction(refetch);
  const [version, setVersion] = createSignal(0);
  const [flash, highlight] = createFlash();
  useLiveEvents(() => ({ kinds: ACCOUNT_KINDS }), {
    onEvent: highlight,
    refresh: () => {
      setVersion((value) => value + 1);
      void refetch();
    },
  });
  return (
    <main class={`page ${flash() ? 'flash' : ''}`}>
      <h1>Account</h1>
      <Show when={data()?.viewer}>
        {(viewer) => (
          <>
            <p>
              {viewer().username} · {viewer().email} <EmailBadge verified={viewer().emailVerified} /> ·{' '}
              {viewer().isAdmin ? 'admin' : 'standard user'}
            </p>
            <Show when={!viewer().emailVerified}>
              <EmailProof canSendEmail={data()?.canSendEmail ?? false} />
            </Show>
          </>
        )}
      </Show>
      <MyInvitationsList version={version()} />
      <h2>Password</h2>
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          const element = event.currentTarget;
          const form = new FormData(element);
          void act(async () => {
            await mutate(ChangePassword, {
              currentPassword: String(form.get('current')),
              newPassword: String(form.get('next')),
            });
            setMessage('Password changed; your other sessions ended.');
            element.reset();
          });
        }}
      >
        <input
          name="current"
          type="password"
          aria-label="Current password"
          placeholder="current"
          autocomplete="current-password"
          required
        />
        <input
          name="next"
          type="password"
          aria-label="New password"
          placeholder="new (8+)"
          autocomplete="new-password"
          required
          minLength={8}
        />
        <button type="submit">Change password</button>
      </form>
      <Show when={message()}>
        <p class="success">{message()}</p>
      </Show>
      <h2>API tokens</h2>
      <ul>
        <For each={tokens()}>
          {(item) => (
            <li>
              {item.name} · created {new Date(item.createdAt).toLocaleDateString()} {item.revokedAt ? '· revoked' : ''}
              <Show when={!item.revokedAt}>
                <button
                  type="button"
                  class="small danger"
                  onClick={() => act(() => mutate(RevokeApiToken, { id: item.id }))}
                >
                  Revoke
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          const name = String(new FormData(event.currentTarget).get('name'));
          void act(async () => {
            const result = await mutate(CreateApiToken, { name });
            if (result.createApiToken.__typename === 'CreatedApiToken') setToken(result.createApiToken.token);
          });
        }}
      >
        <input name="name" aria-label="Token name" placeholder="token name" required />
        <button type="submit">Create token</button>
      </form>
      <Show when={token()}>
        <p class="notice">
          Copy it now, it is not shown again: <code>{token()}</code>
        </p>
      </Show>
      <ErrorText error={error()} />
    </main>
  );
}
