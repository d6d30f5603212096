import { useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, type JSX, Show } from 'solid-js';
import { createConfirmation } from '../../components/Confirm';
import { Dialog } from '../../components/Dialog';
import { ErrorText } from '../../components/ErrorText';
import { graphql } from '../../gql';
import type { CollaboratorsQuery as CollaboratorsResult } from '../../gql/graphql';
import { errorMessage, mutate, query } from '../../graphql/client';
import { createAction } from '../../lib/action';
import { stableById } from '../../lib/stable';
import { AccessibleObjects } from './AccessibleObjects';
import { PendingInvitations, PeopleColumns } from './Invitations';
import { describedByRefusals, offersOf, RoleOptions, RoleRefusals } from './RoleOffers';

const CollaboratorsQuery = graphql(`
  query Collaborators($id: ID!) {
    viewer { id isAdmin }
    users { __typename ... on QueryUsersConnection { nodes { id username email isActive } } }
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        collaborators { id access createdAt user { id username email isAdmin } role { id rolname } }
        roleOffers {
          __typename
          ... on Error { message }
          ... on DatabaseRoleOffersConnection { nodes { ...RoleOfferFields } }
        }
      }
    }
  }
`);

const AddCollaborator = graphql(`
  mutation AddCollaborator($input: AddCollaboratorInput!) {
    addCollaborator(input: $input) { __typename ... on Error { message } }
  }
`);
const UpdateCollaborator = graphql(`
  mutation UpdateCollaborator($id: ID!, $input: UpdateCollaboratorInput!) {
    updateCollaborator(id: $id, input: $input) { __typename ... on Error { message } }
  }
`);
const RemoveCollaborator = graphql(`
  mutation RemoveCollaborator($id: ID!) {
    removeCollaborator(id: $id) { __typename ... on Error { message } }
  }
`);
const LeaveDatabase = graphql(`
  mutation LeaveDatabase($databaseId: ID!) {
    leaveDatabase(databaseId: $databaseId) { __typename ... on Error { message } }
  }
`);

type Access = 'MEMBER' | 'MANAGER';
/** A collaborator as the Collaborators query reads it. */
type Collaborator = Extract<CollaboratorsResult['database'], { __typename?: 'Database' }>['collaborators'][number];

export const CANNOT_MANAGE = "Only admins and this database's managers add collaborators.";
const CANNOT_MANAGE_ROW = "Only admins and this database's managers change or remove collaborators.";
const ADMIN_ROW = "A manager cannot change or remove an admin's collaboration: only admins can.";
const CANNOT_LEAVE = 'You are not a collaborator on this database, so there is nothing to leave.';
const OWN_ROW = 'Managers cannot change their own collaboration; an admin can.';
const OWN_ROW_ID = 'own-collaboration-reason';

export function Collaborators(props: {
  databaseId: string;
  version: number;
  capabilities: { canManageCollaborators: boolean; canLeave: boolean; canChangeOwnCollaboration: boolean };
}): JSX.Element {
  const [data, { refetch }] = createResource(
    () => [props.databaseId, props.version] as const,
    ([id]) => query(CollaboratorsQuery, { id }),
  );
  const navigate = useNavigate();
  const result = () => (data.error ? undefined : data());
  const database = () => {
    const value = result()?.database;
    return value?.__typename === 'Database' ? value : undefined;
  };
  const offered = () => offersOf(database()?.roleOffers);
  const failure = () => {
    if (data.error) return (data.error as Error).message;
    return errorMessage(result()?.database) ?? offered().error;
  };
  const collaborators = stableById(() => database()?.collaborators ?? []);
  const [search, setSearch] = createSignal('');
  /** The collaborators whose e-mail, username or role contains the search, in any case. */
  const shown = () => {
    const needle = search().trim().toLowerCase();
    if (!needle) return collaborators();
    return collaborators().filter((collaborator) =>
      [collaborator.user.email, collaborator.user.username, collaborator.role.rolname].some((text) =>
        text.toLowerCase().includes(needle),
      ),
    );
  };
  /** The collaborator whose accessible objects are shown. */
  const [inspected, setInspected] = createSignal<{ username: string; role: string } | null>(null);
  const offers = stableById(() => offered().offers);
  const viewer = () => result()?.viewer;
  const users = stableById(() => {
    const value = result()?.users;
    return value?.__typename === 'QueryUsersConnection'
      ? value.nodes.filter((user) => user.isActive && !collaborators().some((c) => c.user.id === user.id))
      : [];
  });
  const usersListed = () => result()?.users?.__typename === 'QueryUsersConnection';
  // createAction reads the collaborators back after a refused change too, so no select keeps a rejected value.
  const { error, act: change } = createAction(refetch);
  const confirmation = createConfirmation();
  /**
   * Once a change has been answered and re-read, the select shows what is stored: the new value, or the old one when
   * the server refused (a row kept across re-reads would otherwise keep showing the refused choice).
   */
  const showStored = (select: HTMLSelectElement, stored: string) => {
    select.value = stored;
  };
  const isOwn = (collaborator: Collaborator) => collaborator.user.id === viewer()?.id;
  /** Why the viewer may not change this row, or null when it may. */
  const rowLock = (collaborator: Collaborator) => {
    if (!props.capabilities.canManageCollaborators) return CANNOT_MANAGE_ROW;
    if (isOwn(collaborator) && !props.capabilities.canChangeOwnCollaboration) return OWN_ROW;
    if (collaborator.user.isAdmin && !viewer()?.isAdmin) return ADMIN_ROW;
    return null;
  };
  /** The own row says its lock in words beside it; the refusals hint tells why some roles are disabled. */
  const describedBy = (collaborator: Collaborator) =>
    rowLock(collaborator) === OWN_ROW ? OWN_ROW_ID : describedByRefusals(offers());
  const add = (event: SubmitEvent) => {
    event.preventDefault();
    const element = event.currentTarget as HTMLFormElement;
    const form = new FormData(element);
    void change(async () => {
      await mutate(AddCollaborator, {
        input: {
          databaseId: props.databaseId,
          userId: String(form.get('userId')),
          configuredRoleId: String(form.get('roleId')),
          access: String(form.get('access')) as Access,
        },
      });
      element.reset();
    });
  };

  return (
    <section aria-label="Collaborators">
      <Show when={data.loading && !result()}>
        <p class="muted" role="status">
          Loading collaborators…
        </p>
      </Show>
      <ErrorText error={failure()} />
      <div class="row list-tools">
        <input
          type="search"
          aria-label="Search collaborators"
          placeholder="Search collaborators…"
          value={search()}
          onInput={(event) => setSearch(event.currentTarget.value)}
        />
        <Show when={search().trim()}>
          <span class="muted" role="status">
            {shown().length} of {collaborators().length} collaborators
          </span>
        </Show>
      </div>
      <table class="people">
        <PeopleColumns />
        <thead>
          <tr>
            <th>E-mail</th>
            <th>Username</th>
            <th>Role</th>
            <th>Access</th>
            <th />
          </tr>
        </thead>
        <tbody>
          <For each={shown()}>
            {(collaborator) => (
              <tr data-collaborator={collaborator.user.username}>
                <td>{collaborator.user.email}</td>
                <td>{collaborator.user.username}</td>
                <td>
                  <select
                    aria-label={`Role of ${collaborator.user.username}`}
                    disabled={rowLock(collaborator) !== null}
                    title={rowLock(collaborator) ?? undefined}
                    aria-describedby={describedBy(collaborator)}
                    value={collaborator.role.id}
                    onChange={(event) => {
                      const select = event.currentTarget;
                      const chosen = offers().find((offer) => offer.id === select.value);
                      void confirmation
                        .ask({
                          title: `Change the role of ${collaborator.user.username}?`,
                          message: `${collaborator.user.username} will work in this database as ${chosen?.rolname ?? 'the chosen role'} instead of ${collaborator.role.rolname}, with all of its privileges, server-wide powers such as superuser included.`,
                          confirm: 'Change role',
                        })
                        .then(async (yes) => {
                          if (yes)
                            await change(() =>
                              mutate(UpdateCollaborator, {
                                id: collaborator.id,
                                input: { configuredRoleId: select.value },
                              }),
                            );
                          showStored(select, collaborator.role.id);
                        });
                    }}
                  >
                    <RoleOptions offers={offers()} current={collaborator.role} />
                  </select>
                </td>
                <td>
                  <select
                    aria-label={`Access of ${collaborator.user.username}`}
                    disabled={rowLock(collaborator) !== null}
                    title={rowLock(collaborator) ?? undefined}
                    aria-describedby={rowLock(collaborator) === OWN_ROW ? OWN_ROW_ID : undefined}
                    value={collaborator.access}
                    onChange={(event) => {
                      const select = event.currentTarget;
                      const access = select.value as Access;
                      void change(() => mutate(UpdateCollaborator, { id: collaborator.id, input: { access } })).then(
                        () => showStored(select, collaborator.access),
                      );
                    }}
                  >
                    <option value="MEMBER">Member</option>
                    <option value="MANAGER">Manager</option>
                  </select>
                </td>
                <td class="actions">
                  <button
                    type="button"
                    class="small"
                    onClick={() =>
                      setInspected({ username: collaborator.user.username, role: collaborator.role.rolname })
                    }
                  >
                    What can {collaborator.user.username} access
                  </button>{' '}
                  <Show
                    when={isOwn(collaborator)}
                    fallback={
                      <button
                        type="button"
                        class="small danger"
                        disabled={rowLock(collaborator) !== null}
                        title={rowLock(collaborator) ?? undefined}
                        onClick={() => change(() => mutate(RemoveCollaborator, { id: collaborator.id }))}
                      >
                        Remove
                      </button>
                    }
                  >
                    <button
                      type="button"
                      class="small"
                      disabled={!props.capabilities.canLeave}
                      title={props.capabilities.canLeave ? 'Stop collaborating on this database' : CANNOT_LEAVE}
                      onClick={() =>
                        change(async () => {
                          await mutate(LeaveDatabase, { databaseId: props.databaseId });
                          navigate('/');
                        })
                      }
                    >
                      Leave
                    </button>
                    <Show when={rowLock(collaborator) === OWN_ROW}>
                      <p class="muted" id={OWN_ROW_ID} data-testid="own-collaboration-reason">
                        {OWN_ROW}
                      </p>
                    </Show>
                  </Show>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      {confirmation.view()}
      <Show when={inspected()}>
        {(who) => (
          <Dialog
            title={`What ${who().username} can access (as ${who().role})`}
            onClose={() => setInspected(null)}
            wide
          >
            <AccessibleObjects databaseId={props.databaseId} role={who().role} version={props.version} />
          </Dialog>
        )}
      </Show>
      <PendingInvitations
        databaseId={props.databaseId}
        version={props.version}
        canManage={props.capabilities.canManageCollaborators}
        offers={offers()}
      />
      <h3>Add a Rolecall user</h3>
      <form class="inline-form" onSubmit={add} aria-label="Add a collaborator">
        <fieldset
          disabled={!props.capabilities.canManageCollaborators}
          title={props.capabilities.canManageCollaborators ? undefined : CANNOT_MANAGE}
        >
          <select name="userId" aria-label="User" required>
            <option value="">User…</option>
            <For each={users()}>{(user) => <option value={user.id}>{user.username}</option>}</For>
          </select>
          <select name="roleId" aria-label="Configured role" required aria-describedby={describedByRefusals(offers())}>
            <option value="">Role…</option>
            <RoleOptions offers={offers()} />
          </select>
          <select name="access" aria-label="Access">
            <option value="MEMBER">Member</option>
            <option value="MANAGER">Manager</option>
          </select>
          <button type="submit">Add collaborator</button>
        </fieldset>
        <Show when={!props.capabilities.canManageCollaborators}>
          <p class="muted" data-testid="add-collaborator-reason">
            {CANNOT_MANAGE}
          </p>
        </Show>
        <Show when={props.capabilities.canManageCollaborators && result() && !usersListed()}>
          <p class="muted">Only admins can list Rolecall's users: invite people by e-mail above instead.</p>
        </Show>
        <RoleRefusals offers={offers()} />
      </form>
      <ErrorText error={error()} />
    </section>
  );
}
