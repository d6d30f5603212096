import { createResource, createSignal, For, type JSX, Show } from 'solid-js';
import { ErrorText } from '../../components/ErrorText';
import { graphql } from '../../gql';
import type { PendingInvitationsQuery as PendingInvitationsResult } from '../../gql/graphql';
import { errorMessage, mutate, query } from '../../graphql/client';
import { createAction } from '../../lib/action';
import { member } from '../../lib/result';
import { stableById } from '../../lib/stable';
import { describedByRefusals, type RoleOfferView, RoleOptions } from './RoleOffers';

const PendingInvitationsQuery = graphql(`
  query PendingInvitations($id: ID!) {
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        invitations { id email access status createdAt expiresAt invitedBy { username } role { id rolname } }
      }
    }
  }
`);
const InviteCollaborator = graphql(`
  mutation InviteCollaborator($input: InviteCollaboratorInput!) {
    inviteCollaborator(input: $input) { __typename ... on Error { message } ... on InvitationSent { delivery acceptUrl } }
  }
`);
const ResendInvitation = graphql(`
  mutation ResendInvitation($id: ID!) {
    resendInvitation(id: $id) { __typename ... on Error { message } ... on InvitationSent { delivery acceptUrl } }
  }
`);
const RevokeInvitation = graphql(`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(id: $id) { __typename ... on Error { message } }
  }
`);

/** A pending invitation as the PendingInvitations query reads it. */
type Invitation = Extract<PendingInvitationsResult['database'], { __typename?: 'Database' }>['invitations'][number];

const CANNOT_INVITE = "Only admins and this database's managers invite collaborators.";

type Sent = { __typename: string; delivery?: string; acceptUrl?: string | null };

/** The collaborators' columns, shared by the table of pending invitations below it so their rows line up. */
export function PeopleColumns(): JSX.Element {
  return (
    <colgroup>
      <col style={{ width: '26%' }} />
      <col style={{ width: '14%' }} />
      <col style={{ width: '16%' }} />
      <col style={{ width: '12%' }} />
      <col style={{ width: '32%' }} />
    </colgroup>
  );
}

/**
 * Pending invitations of the database (dimmed rows below the collaborators), with invite, re-send and revoke; `offers`
 * are the roles the viewer may give (read with the collaborators).
 */
export function PendingInvitations(props: {
  databaseId: string;
  version: number;
  canManage: boolean;
  offers: RoleOfferView[];
}): JSX.Element {
  const [data, { refetch }] = createResource(
    () => [props.databaseId, props.version] as const,
    ([id]) => query(PendingInvitationsQuery, { id }),
  );
  const [link, setLink] = createSignal<string | null>(null);
  const result = () => (data.error ? undefined : data()?.database);
  const database = () => member(result(), 'Database');
  const failure = () => (data.error ? (data.error as Error).message : errorMessage(result()));
  const invitations = stableById(() => database()?.invitations ?? []);
  const lock = () => (props.canManage ? undefined : CANNOT_INVITE);
  /** Re-sending gives the invitation's role again, so a role the viewer may not give locks it, with why. */
  const resendLock = (invitation: Invitation) =>
    lock() ?? props.offers.find((offer) => offer.id === invitation.role.id && !offer.mayGive)?.reason ?? undefined;
  const delivered = (sent: Sent) =>
    setLink(sent.delivery === 'LINK' ? (sent.acceptUrl ?? null) : sent.delivery === 'EMAIL' ? 'sent by e-mail' : null);
  const { error, act } = createAction(refetch);
  return (
    <>
      <table class="people pending">
        <PeopleColumns />
        <tbody>
          <For each={invitations()}>
            {(invitation) => (
              <tr class="dim" data-invitation={invitation.email}>
                <td>{invitation.email}</td>
                <td>PENDING</td>
                <td>{invitation.role.rolname}</td>
                <td>{invitation.access}</td>
                <td>
                  invited by {invitation.invitedBy?.username ?? '—'} on{' '}
                  {new Date(invitation.createdAt).toLocaleDateString()}{' '}
                  <span title={lock()}>
                    <button
                      type="button"
                      class="small"
                      disabled={resendLock(invitation) !== undefined}
                      title={resendLock(invitation)}
                      onClick={() =>
                        act(async () =>
                          delivered((await mutate(ResendInvitation, { id: invitation.id })).resendInvitation as Sent),
                        )
                      }
                    >
                      Re-send
                    </button>
                    <button
                      type="button"
                      class="small danger"
                      disabled={!props.canManage}
                      onClick={() => act(async () => void (await mutate(RevokeInvitation, { id: invitation.id })))}
                    >
                      Revoke
                    </button>
                  </span>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <ErrorText error={failure()} />
      <Show when={data.loading && !result()}>
        <p class="muted" role="status">
          Loading invitations…
        </p>
      </Show>
      <h3>Invite someone by e-mail</h3>
      <form
        class="inline-form"
        aria-label="Invite by e-mail"
        onSubmit={(event) => {
          event.preventDefault();
          const element = event.currentTarget;
          const form = new FormData(element);
          const input = {
            databaseId: props.databaseId,
            email: String(form.get('email')),
            configuredRoleId: String(form.get('roleId')),
            access: String(form.get('access')) as 'MEMBER' | 'MANAGER',
          };
          void act(async () => {
            delivered((await mutate(InviteCollaborator, { input })).inviteCollaborator as Sent);
            element.reset();
          });
        }}
      >
        <fieldset disabled={!props.canManage} title={lock()}>
          <input name="email" type="email" aria-label="E-mail to invite" placeholder="e-mail" required />
          <select
            name="roleId"
            aria-label="Role for the invitee"
            required
            aria-describedby={describedByRefusals(props.offers)}
          >
            <option value="">Role…</option>
            <RoleOptions offers={props.offers} />
          </select>
          <select name="access" aria-label="Access for the invitee">
            <option value="MEMBER">Member</option>
            <option value="MANAGER">Manager</option>
          </select>
          <button type="submit">Invite</button>
        </fieldset>
        <Show when={!props.canManage}>
          <p class="muted">{CANNOT_INVITE}</p>
        </Show>
      </form>
      <Show when={link()}>
        <p class="notice" data-testid="invitation-link">
          {link()?.startsWith('http')
            ? 'No mail server is configured: hand this link to the invitee (not shown again): '
            : 'Invitation '}
          <code>{link()}</code>
        </p>
      </Show>
      <ErrorText error={error()} />
    </>
  );
}
