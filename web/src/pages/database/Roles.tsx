import { createResource, createSignal, For, type JSX, Show } from 'solid-js';
import { ErrorText, SqlPreview } from '../../components/Chrome';
import { graphql } from '../../gql';
import { mutate, query } from '../../graphql/client';
import { createAction } from '../../lib/action';
import { Explain } from './Explain';
import { RoleGraph } from './RoleGraph';

const RolesQuery = graphql(`
  query Roles($id: ID!) {
    database(id: $id) {
      ... on Database {
        catalog {
          __typename
          ... on Error { message }
          ... on DatabaseCatalog {
            membershipOptionsPerGrant
            viewerRole { canCreateRoles role { name } }
            roles {
              name canLogin isSuperuser inherit createRole createDb connectionLimit isPredefined isConfigured
              members { member { name } admin inherit set }
            }
            schemas { name tables { schema name } }
          }
        }
      }
    }
  }
`);

const CreateRole = graphql(`
  mutation CreateRole($databaseId: ID!, $input: CreateRoleInput!, $dryRun: Boolean) {
    createRole(databaseId: $databaseId, input: $input, dryRun: $dryRun) { __typename ... on Error { message } ... on PermissionChange { sql warnings } }
  }
`);
const AlterRole = graphql(`
  mutation AlterRole($databaseId: ID!, $name: String!, $attributes: RoleAttributesInput!) {
    alterRole(databaseId: $databaseId, name: $name, attributes: $attributes) { __typename ... on Error { message } }
  }
`);
const RenameRole = graphql(`
  mutation RenameRole($databaseId: ID!, $name: String!, $newName: String!) {
    renameRole(databaseId: $databaseId, name: $name, newName: $newName) { __typename ... on Error { message } }
  }
`);
const DropRole = graphql(`
  mutation DropRole($databaseId: ID!, $name: String!, $reassignTo: String, $dryRun: Boolean) {
    dropRole(databaseId: $databaseId, name: $name, reassignTo: $reassignTo, dryRun: $dryRun) { __typename ... on Error { message } ... on PermissionChange { sql warnings } }
  }
`);
const SetGroupMembers = graphql(`
  mutation SetGroupMembers($databaseId: ID!, $role: String!, $members: [MembershipInput!]!, $dryRun: Boolean) {
    setGroupMembers(databaseId: $databaseId, role: $role, members: $members, dryRun: $dryRun) { __typename ... on Error { message } ... on PermissionChange { sql warnings } }
  }
`);

interface RoleView {
  name: string;
  canLogin: boolean;
  isSuperuser: boolean;
  inherit: boolean;
  createRole: boolean;
  createDb: boolean;
  isPredefined: boolean;
  isConfigured: boolean;
  members: { member: { name: string }; admin: boolean; inherit: boolean; set: boolean }[];
}

interface Member {
  member: string;
  admin: boolean;
  inherit: boolean;
  set: boolean;
}

/** Server roles: attributes, create / alter / rename / drop, the members of each group, the graph and "Explain access". */
export function Roles(props: { databaseId: string; version: number }): JSX.Element {
  const [data, { refetch }] = createResource(
    () => [props.databaseId, props.version] as const,
    ([id]) => query(RolesQuery, { id }),
  );
  const [showPredefined, setShowPredefined] = createSignal(false);
  const [selected, setSelected] = createSignal<string | null>(null);
  const [preview, setPreview] = createSignal<{ sql: string[]; warnings: string[] } | null>(null);
  const catalog = () => {
    const value = (data()?.database as { catalog?: { __typename: string } } | undefined)?.catalog;
    return value?.__typename === 'DatabaseCatalog'
      ? (value as unknown as {
          roles: RoleView[];
          viewerRole: { canCreateRoles: boolean };
          membershipOptionsPerGrant: boolean;
          schemas: { name: string; tables: { schema: string; name: string }[] }[];
        })
      : undefined;
  };
  const roles = () => (catalog()?.roles ?? []).filter((role) => showPredefined() || !role.isPredefined);
  const edges = () =>
    roles().flatMap((role) =>
      role.members.map((edge) => ({
        role: role.name,
        member: edge.member.name,
        admin: edge.admin,
        inherit: edge.inherit,
        set: edge.set,
      })),
    );
  const visibleEdges = () => edges().filter((edge) => roles().some((role) => role.name === edge.member));
  const { error, act } = createAction(refetch);
  const create = async (element: HTMLFormElement, dryRun: boolean) => {
    const form = new FormData(element);
    const login = form.get('login') === 'on';
    const input = {
      name: String(form.get('name')),
      login,
      password: login ? String(form.get('password')) : undefined,
      configure: login && form.get('configure') === 'on',
      createRole: form.get('createRole') === 'on',
      createDb: form.get('createDb') === 'on',
    };
    await act(async () => {
      const result = await mutate(CreateRole, { databaseId: props.databaseId, input, dryRun });
      if (result.createRole.__typename === 'PermissionChange') setPreview(result.createRole);
    });
  };
  let createForm: HTMLFormElement | undefined;

  return (
    <section aria-label="Roles">
      <Show when={catalog()?.viewerRole.canCreateRoles}>
        <details>
          <summary>Create a role</summary>
          <form
            class="inline-form"
            ref={createForm}
            onSubmit={(event) => {
              event.preventDefault();
              void create(event.currentTarget, false);
            }}
          >
            <input name="name" aria-label="Role name" placeholder="name" required maxLength={63} />
            <label class="chip">
              <input type="checkbox" name="login" /> LOGIN
            </label>
            <input
              name="password"
              type="password"
              aria-label="Password"
              placeholder="password (LOGIN)"
              autocomplete="new-password"
            />
            <label class="chip">
              <input type="checkbox" name="configure" /> store password in Rolecall
            </label>
            <label class="chip">
              <input type="checkbox" name="createRole" /> CREATEROLE
            </label>
            <label class="chip">
              <input type="checkbox" name="createDb" /> CREATEDB
            </label>
            <button type="button" onClick={() => createForm?.reportValidity() && create(createForm, true)}>
              Preview SQL
            </button>
            <button type="submit" class="primary">
              Create
            </button>
          </form>
        </details>
      </Show>
      <Show when={preview()}>{(shown) => <SqlPreview sql={shown().sql} warnings={shown().warnings} />}</Show>
      <ErrorText error={error()} />
      <label class="chip">
        <input
          type="checkbox"
          checked={showPredefined()}
          onChange={(event) => setShowPredefined(event.currentTarget.checked)}
        />{' '}
        show predefined roles (pg_*)
      </label>
      <RoleGraph roles={roles()} edges={visibleEdges()} onSelect={setSelected} />
      <Explain
        databaseId={props.databaseId}
        roles={roles().map((role) => role.name)}
        selectedRole={selected()}
        schemas={catalog()?.schemas ?? []}
        version={props.version}
      />
      <table class="roles">
        <thead>
          <tr>
            <th>Role</th>
            <th>Attributes</th>
            <th>Members (admin / inherit / set)</th>
            <th />
          </tr>
        </thead>
        <tbody>
          <For each={roles()}>
            {(role) => (
              <RoleRow
                role={role}
                allRoles={roles().map((other) => other.name)}
                optionsPerGrant={Boolean(catalog()?.membershipOptionsPerGrant)}
                act={act}
                databaseId={props.databaseId}
                onPreview={setPreview}
              />
            )}
          </For>
        </tbody>
      </table>
    </section>
  );
}

function RoleRow(props: {
  role: RoleView;
  allRoles: string[];
  optionsPerGrant: boolean;
  databaseId: string;
  act: (work: () => Promise<unknown>) => Promise<void>;
  onPreview: (preview: { sql: string[]; warnings: string[] } | null) => void;
}): JSX.Element {
  const [editingMembers, setEditingMembers] = createSignal<Member[] | null>(null);
  const attribute = (key: 'login' | 'createRole' | 'createDb' | 'inherit', value: boolean) =>
    props.act(() =>
      mutate(AlterRole, { databaseId: props.databaseId, name: props.role.name, attributes: { [key]: value } }),
    );
  const dropRole = async (dryRun: boolean) => {
    const reassignTo = dryRun
      ? undefined
      : (prompt(`Reassign objects owned by ${props.role.name} to (leave empty if it owns nothing):`) ?? undefined) ||
        undefined;
    await props.act(async () => {
      const result = await mutate(DropRole, {
        databaseId: props.databaseId,
        name: props.role.name,
        reassignTo,
        dryRun,
      });
      if (result.dropRole.__typename === 'PermissionChange') props.onPreview(result.dropRole);
    });
  };
  // The API lists memberships in no particular order (as PostgreSQL stores them); people read them by name.
  const membersByName = () => [...props.role.members].sort((a, b) => a.member.name.localeCompare(b.member.name));
  const saveMembers = (dryRun: boolean) =>
    props.act(async () => {
      const result = await mutate(SetGroupMembers, {
        databaseId: props.databaseId,
        role: props.role.name,
        members: editingMembers() ?? [],
        dryRun,
      });
      if (result.setGroupMembers.__typename === 'PermissionChange') props.onPreview(result.setGroupMembers);
      if (!dryRun) setEditingMembers(null);
    });
  return (
    <tr data-role-row={props.role.name}>
      <td>
        <strong>{props.role.name}</strong>
        {props.role.isConfigured ? <span class="badge">configured</span> : null}
        {props.role.isSuperuser ? <span class="badge warn">superuser</span> : null}
      </td>
      <td class="attributes">
        {(['login', 'createRole', 'createDb', 'inherit'] as const).map((key) => {
          const value = key === 'login' ? props.role.canLogin : props.role[key];
          return (
            <label class="chip">
              <input
                type="checkbox"
                checked={value}
                disabled={props.role.isPredefined}
                onChange={(event) => attribute(key, event.currentTarget.checked)}
              />
              {key === 'login' ? 'LOGIN' : key.toUpperCase()}
            </label>
          );
        })}
      </td>
      <td>
        <Show
          when={editingMembers()}
          fallback={
            <>
              {membersByName()
                .map(
                  (edge) =>
                    `${edge.member.name} (${[edge.admin && 'admin', edge.inherit && 'inherit', edge.set && 'set'].filter(Boolean).join(', ') || 'none'})`,
                )
                .join('; ') || '—'}{' '}
              <button
                type="button"
                class="small"
                disabled={props.role.isPredefined}
                onClick={() =>
                  setEditingMembers(
                    membersByName().map((edge) => ({
                      member: edge.member.name,
                      admin: edge.admin,
                      inherit: edge.inherit,
                      set: edge.set,
                    })),
                  )
                }
              >
                Edit members
              </button>
            </>
          }
        >
          {(members) => (
            <div class="members-editor">
              <For each={members()}>
                {(member, index) => (
                  <div class="row">
                    {member.member}
                    {(['admin', 'inherit', 'set'] as const).map((option) => (
                      <label class="chip">
                        <input
                          type="checkbox"
                          checked={member[option]}
                          disabled={!props.optionsPerGrant && option !== 'admin'}
                          onChange={(event) =>
                            setEditingMembers(
                              members().map((item, position) =>
                                position === index() ? { ...item, [option]: event.currentTarget.checked } : item,
                              ),
                            )
                          }
                        />
                        {option.toUpperCase()}
                      </label>
                    ))}
                    <button
                      type="button"
                      class="ghost"
                      onClick={() => setEditingMembers(members().filter((_, position) => position !== index()))}
                    >
                      remove
                    </button>
                  </div>
                )}
              </For>
              <select
                aria-label={`Add a member to ${props.role.name}`}
                onChange={(event) => {
                  const member = event.currentTarget.value;
                  if (member) setEditingMembers([...members(), { member, admin: false, inherit: true, set: true }]);
                  event.currentTarget.value = '';
                }}
              >
                <option value="">Add member…</option>
                <For
                  each={props.allRoles.filter(
                    (name) => name !== props.role.name && !members().some((item) => item.member === name),
                  )}
                >
                  {(name) => <option value={name}>{name}</option>}
                </For>
              </select>
              <button type="button" onClick={() => saveMembers(true)}>
                Preview SQL
              </button>
              <button type="button" class="primary" onClick={() => saveMembers(false)}>
                Save members
              </button>
            </div>
          )}
        </Show>
      </td>
      <td>
        <button
          type="button"
          class="small"
          disabled={props.role.isPredefined}
          onClick={() => {
            const newName = prompt(`Rename ${props.role.name} to:`);
            if (newName)
              void props.act(() =>
                mutate(RenameRole, { databaseId: props.databaseId, name: props.role.name, newName }),
              );
          }}
        >
          Rename
        </button>
        <button type="button" class="small" disabled={props.role.isPredefined} onClick={() => dropRole(true)}>
          Preview drop
        </button>
        <button type="button" class="small danger" disabled={props.role.isPredefined} onClick={() => dropRole(false)}>
          Drop
        </button>
      </td>
    </tr>
  );
}
