import { useNavigate, useSearchParams } from '@solidjs/router';
import { createResource, createSignal, For, type JSX, Show } from 'solid-js';
import { ErrorText } from '../../components/ErrorText';
import { graphql } from '../../gql';
import { errorMessage, mutate, query } from '../../graphql/client';
import { createAction } from '../../lib/action';
import { member } from '../../lib/result';

const AcceptInvitation = graphql(`
  mutation AcceptInvitation($token: String!, $newAccount: NewAccountInput) {
    acceptInvitation(token: $token, newAccount: $newAccount) { __typename ... on Error { message } ... on Collaborator { database { id name } } }
  }
`);
const InvitationLink = graphql(`
  query InvitationLink($token: String!) {
    invitationLink(token: $token) {
      __typename
      ... on Error { message }
      ... on InvitationLink { email database server role access invitedBy expiresAt }
    }
  }
`);
const DeclineInvitationLink = graphql(`
  mutation DeclineInvitationLink($token: String!) {
    declineInvitationLink(token: $token) { __typename ... on Error { message } }
  }
`);
const MyInvitations = graphql(`
  query MyInvitations {
    myInvitations { __typename ... on QueryMyInvitationsConnection { nodes { id databaseName access status expiresAt role { rolname } invitedBy { username } } } }
  }
`);
const AcceptMyInvitation = graphql(`
  mutation AcceptMyInvitation($id: ID!) {
    acceptMyInvitation(id: $id) { __typename ... on Error { message } }
  }
`);
const DeclineInvitation = graphql(`
  mutation DeclineInvitation($id: ID!) {
    declineInvitation(id: $id) { __typename ... on Error { message } }
  }
`);

/** The page an invitation link opens: a new person creates their account, a signed-in one accepts as themselves. */
export function AcceptInvitationPage(props: { signedInAs?: string; onDone?: () => void }): JSX.Element {
  const [params] = useSearchParams<{ token: string }>();
  const [error, setError] = createSignal<string | null>(null);
  const [declined, setDeclined] = createSignal(false);
  const navigate = useNavigate();
  const [link] = createResource(
    () => params.token ?? '',
    (token) => query(InvitationLink, { token }),
  );
  const details = () => member(link()?.invitationLink, 'InvitationLink');
  /** Why the link opens nothing (used, revoked, expired, unknown): then there is nothing to accept or decline. */
  const unusable = () => (link.error ? (link.error as Error).message : errorMessage(link()?.invitationLink));
  const decline = async () => {
    setError(null);
    try {
      await mutate(DeclineInvitationLink, { token: params.token ?? '' });
      setDeclined(true);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  const accept = async (newAccount?: { username: string; password: string }) => {
    setError(null);
    try {
      const result = await mutate(AcceptInvitation, { token: params.token ?? '', newAccount });
      const accepted = result.acceptInvitation;
      if (accepted.__typename === 'Collaborator') {
        props.onDone?.();
        navigate(`/databases/${accepted.database.id}`);
      }
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <main class="card">
      <h1>You are invited</h1>
      <Show when={details()}>
        {(invitation) => (
          <p data-testid="invitation-details">
            {invitation().invitedBy ?? 'A Rolecall admin'} invited <strong>{invitation().email}</strong> to work on
            database <strong>{invitation().database}</strong> ({invitation().server}) as PostgreSQL role{' '}
            <strong>{invitation().role}</strong>, with {invitation().access.toLowerCase()} access. The invitation
            expires {new Date(invitation().expiresAt).toLocaleString()}.
          </p>
        )}
      </Show>
      <ErrorText error={unusable()} />
      <Show when={declined()}>
        <p class="success" role="status">
          Declined: the invitation is closed and this link opens nothing any more.
        </p>
      </Show>
      <Show when={details() && !declined()}>
        <Show
          when={props.signedInAs}
          fallback={
            <form
              onSubmit={(event) => {
                event.preventDefault();
                const form = new FormData(event.currentTarget);
                void accept({ username: String(form.get('username')), password: String(form.get('password')) });
              }}
            >
              <p>Create your Rolecall account to join the database.</p>
              <label>
                Username <input name="username" autocomplete="username" required />
              </label>
              <label>
                Password <input name="password" type="password" autocomplete="new-password" minLength={8} required />
              </label>
              <button type="submit">Create account and join</button>
              <p class="muted">
                Already have an account with this e-mail? <a href="/">Sign in</a>, then open the link again.
              </p>
            </form>
          }
        >
          <p>Accept the invitation as {props.signedInAs}?</p>
          <button type="button" class="primary" onClick={() => accept()}>
            Accept
          </button>
        </Show>
        <p>
          <button type="button" class="danger" onClick={() => void decline()}>
            Decline the invitation
          </button>
        </p>
      </Show>
      <ErrorText error={error()} />
    </main>
  );
}

/** The viewer's pending invitations, to accept or decline. */
export function MyInvitationsList(props: { version?: number }): JSX.Element {
  // A new version (a live invitation event) reads the list again.
  const [data, { refetch }] = createResource(
    () => props.version ?? 0,
    () => query(MyInvitations, {}),
  );
  const invitations = () => {
    const result = data()?.myInvitations;
    return result?.__typename === 'QueryMyInvitationsConnection'
      ? result.nodes.filter((invitation) => invitation.status === 'PENDING')
      : [];
  };
  const { error, act } = createAction(refetch);
  return (
    <section aria-label="My invitations">
      <h2>Invitations</h2>
      <ul>
        <For each={invitations()} fallback={<li class="muted">No pending invitation.</li>}>
          {(invitation) => (
            <li>
              {invitation.databaseName} as {invitation.role.rolname} ({invitation.access.toLowerCase()}), from{' '}
              {invitation.invitedBy?.username ?? '—'} · expires {new Date(invitation.expiresAt).toLocaleDateString()}{' '}
              <button
                type="button"
                class="small"
                onClick={() => act(() => mutate(AcceptMyInvitation, { id: invitation.id }))}
              >
                Accept
              </button>
              <button
                type="button"
                class="small danger"
                onClick={() => act(() => mutate(DeclineInvitation, { id: invitation.id }))}
              >
                Decline
              </button>
            </li>
          )}
        </For>
      </ul>
      <ErrorText error={error()} />
    </section>
  );
}
