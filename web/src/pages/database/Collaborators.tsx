import { useNavigate } from '@solidjs/router';
import { createResource, For, type JSX, Show } from 'solid-js';
import { ErrorText } from '../../components/Chrome';
import { graphql } from '../../gql';
import { mutate, query } from '../../graphql/client';
import { createAction } from '../../lib/action';
import { PendingInvitations } from './Invitations';

const CollaboratorsQuery = graphql(`
  query Collaborators($id: ID!) {
    viewer { id isAdmin }
    users { __typename ... on QueryUsersSuccess { data { id username email isActive } } }
    database(id: $id) {
      ... on Database {
        collaborators { id access createdAt user { id username email isAdmin } role { id rolname } }
        configuredRoles { id rolname }
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

export function Collaborators(props: {
  databaseId: string;
  version: number;
  capabilities: { canManageCollaborators: boolean; canLeave: boolean };
}): JSX.Element {
  const [data, { refetch }] = createResource(
    () => [props.databaseId, props.version] as const,
    ([id]) => query(CollaboratorsQuery, { id }),
  );
  const navigate = useNavigate();
  const database = () =>
    data()?.database?.__typename === 'Database' || data()?.database
      ? (data()?.database as {
          collaborators?: CollaboratorView[];
          configuredRoles?: { id: string; rolname: string }[];
        })
      : undefined;
  const collaborators = () => database()?.collaborators ?? [];
  const roles = () => database()?.configuredRoles ?? [];
  const users = () => {
    const result = data()?.users;
    return result?.__typename === 'QueryUsersSuccess'
      ? result.data.filter((user) => user.isActive && !collaborators().some((c) => c.user.id === user.id))
      : [];
  };
  const { error, act } = createAction(refetch);
  const add = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    void act(() =>
      mutate(AddCollaborator, {
        input: {
          databaseId: props.databaseId,
          userId: String(form.get('userId')),
          configuredRoleId: String(form.get('roleId')),
          access: String(form.get('access')) as Access,
        },
      }),
    );
  };

  return (
    <section aria-label="Collaborators">
      <table>
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
          <For each={collaborators()}>
            {(collaborator) => (
              <tr data-collaborator={collaborator.user.username}>
                <td>{collaborator.user.email}</td>
                <td>{collaborator.user.username}</td>
                <td>
                  <select
                    aria-label={`Role of ${collaborator.user.username}`}
                    disabled={!props.capabilities.canManageCollaborators}
                    value={collaborator.role.id}
                    onChange={(event) =>
                      act(() =>
                        mutate(UpdateCollaborator, {
                          id: collaborator.id,
                          input: { configuredRoleId: event.currentTarget.value },
                        }),
                      )
                    }
                  >
                    <For each={roles()}>{(role) => <option value={role.id}>{role.rolname}</option>}</For>
                  </select>
                </td>
                <td>
                  <select
                    aria-label={`Access of ${collaborator.user.username}`}
                    disabled={!props.capabilities.canManageCollaborators}
                    value={collaborator.access}
                    onChange={(event) =>
                      act(() =>
                        mutate(UpdateCollaborator, {
                          id: collaborator.id,
                          input: { access: event.currentTarget.value as Access },
                        }),
                      )
                    }
                  >
                    <option value="MEMBER">Member</option>
                    <option value="MANAGER">Manager</option>
                  </select>
                </td>
                <td>
                  <Show
                    when={collaborator.user.id === data()?.viewer?.id}
                    fallback={
                      <button
                        type="button"
                        class="small danger"
                        disabled={!props.capabilities.canManageCollaborators}
                        onClick={() => act(() => mutate(RemoveCollaborator, { id: collaborator.id }))}
                      >
                        Remove
                      </button>
                    }
                  >
                    <button
                      type="button"
                      class="small"
                      onClick={() =>
                        act(async () => {
                          await mutate(LeaveDatabase, { databaseId: props.databaseId });
                          navigate('/');
                        })
                      }
                    >
                      Leave
                    </button>
                  </Show>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <PendingInvitations
        databaseId={props.databaseId}
        version={props.version}
        canManage={props.capabilities.canManageCollaborators}
      />
      <Show when={props.capabilities.canManageCollaborators}>
        <form class="inline-form" onSubmit={add} aria-label="Add a collaborator">
          <select name="userId" aria-label="User" required>
            <option value="">User…</option>
            <For each={users()}>{(user) => <option value={user.id}>{user.username}</option>}</For>
          </select>
          <select name="roleId" aria-label="Configured role" required>
            <option value="">Role…</option>
            <For each={roles()}>{(role) => <option value={role.id}>{role.rolname}</option>}</For>
          </select>
          <select name="access" aria-label="Access">
            <option value="MEMBER">Member</option>
            <option value="MANAGER">Manager</option>
          </select>
          <button type="submit">Add collaborator</button>
        </form>
      </Show>
      <ErrorText error={error()} />
    </section>
  );
}

interface CollaboratorView {
  id: string;
  access: Access;
  user: { id: string; username: string; email: string; isAdmin: boolean };
  role: { id: string; rolname: string };
}
