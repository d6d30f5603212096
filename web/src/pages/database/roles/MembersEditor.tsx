import { createComputed, createMemo, createResource, createSignal, type JSX, on, Show } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { ChangeOutcome } from '../../../components/ChangeOutcome';
import { ErrorText } from '../../../components/ErrorText';
import { RoleCombobox } from '../../../components/RoleCombobox';
import { VirtualRows } from '../../../components/VirtualRows';
import { graphql } from '../../../gql';
import type { GroupMembersQuery } from '../../../gql/graphql';
import { errorMessage, query } from '../../../graphql/client';
import { formatCount } from '../../../lib/numbers';
import { createPreviewedChange } from '../../../lib/previewed-change';
import { member as memberOf } from '../../../lib/result';
import { byCodePoint } from '../../../lib/text-search';
import { changeOf, mutate, SetGroupMembers } from './operations';

/** Every member of one group with its options, read when its editor opens (a row shows only the first few). */
const GroupMembers = graphql(`
  query GroupMembers($id: ID!, $role: String!) {
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        catalog {
          __typename
          ... on Error { message }
          ... on DatabaseCatalog {
            role(name: $role) {
              name
              membersConnection { nodes { member { name } admin inherit set } }
            }
          }
        }
      }
    }
  }
`);

interface Member {
  member: string;
  admin: boolean;
  inherit: boolean;
  set: boolean;
}

const OPTIONS = ['admin', 'inherit', 'set'] as const;

// People read a list of members by name (the API puts groups first).
const byName = (a: Member, b: Member) => byCodePoint(a.member, b.member);

function membersOf(data: GroupMembersQuery): Member[] {
  const database = memberOf(data.database, 'Database');
  const catalog = memberOf(database?.catalog, 'DatabaseCatalog');
  if (!catalog) throw new Error(errorMessage(data.database) ?? errorMessage(database?.catalog) ?? 'Unreadable.');
  if (!catalog.role) throw new Error('The role no longer exists.');
  return catalog.role.membersConnection.nodes
    .map((edge) => ({ member: edge.member.name, admin: edge.admin, inherit: edge.inherit, set: edge.set }))
    .sort(byName);
}

/**
 * The members of a group with their ADMIN / INHERIT / SET options: read in full when opened, shown a screenful at a
 * time with a search, edited as a whole, previewed, saved.
 */
export function MembersEditor(props: {
  role: string;
  optionsPerGrant: boolean;
  databaseId: string;
  reread: () => Promise<unknown>;
  onClose: () => void;
}): JSX.Element {
  const [loaded, { refetch }] = createResource(
    () => props.role,
    async (role) => membersOf(await query(GroupMembers, { id: props.databaseId, role })),
  );
  const [draft, setDraft] = createStore<{ members: Member[] }>({ members: [] });
  // The draft starts from the members read, and again once a failed save has read them anew.
  createComputed(
    on(
      () => (loaded.error ? undefined : loaded.latest),
      (list) => list && setDraft('members', reconcile(list, { key: 'member' })),
    ),
  );
  const [search, setSearch] = createSignal('');
  const shown = createMemo(() => {
    const text = search().trim().toLowerCase();
    return text ? draft.members.filter((item) => item.member.toLowerCase().includes(text)) : draft.members;
  });
  const members = createMemo(() => draft.members.map((item) => ({ ...item })));
  const change = createPreviewedChange<Member[]>({
    run: async (value, mode) =>
      changeOf(
        await mutate(SetGroupMembers, { databaseId: props.databaseId, role: props.role, members: value, ...mode }),
      ),
    reread: props.reread,
    onApplied: () => props.onClose(),
    onFailure: () => void refetch(),
  });
  const setOption = (name: string, option: (typeof OPTIONS)[number], value: boolean) =>
    setDraft('members', (item) => item.member === name, option, value);
  const remove = (name: string) =>
    setDraft(
      'members',
      draft.members.filter((item) => item.member !== name),
    );
  const add = (name: string) =>
    setDraft('members', [...draft.members, { member: name, admin: false, inherit: true, set: true }].sort(byName));
  const count = () => formatCount(draft.members.length);

  return (
    <fieldset class="members-editor" aria-label={`Members of ${props.role}`} aria-busy={loaded.loading}>
      <Show when={!loaded.error} fallback={<ErrorText error={(loaded.error as Error | undefined)?.message ?? null} />}>
        <Show
          when={loaded.latest}
          fallback={
            <p class="muted" role="status">
              Reading the members of {props.role}…
            </p>
          }
        >
          <div class="row">
            <RoleCombobox
              databaseId={props.databaseId}
              label={`Add a member to ${props.role}`}
              placeholder="Add a member…"
              value=""
              filter={{ notMemberOf: props.role }}
              exclude={draft.members.map((item) => item.member)}
              onChange={add}
            />
            <input
              type="search"
              aria-label={`Search members of ${props.role}`}
              placeholder="Search members…"
              value={search()}
              onInput={(event) => setSearch(event.currentTarget.value)}
            />
            <span class="muted" role="status" data-testid="members-shown">
              {search().trim() ? `${formatCount(shown().length)} of ${count()} members` : `${count()} members`}
            </span>
          </div>
          <VirtualRows
            each={shown()}
            key={(item) => item.member}
            label={`Members of ${props.role}`}
            class="members"
            maxHeight="18rem"
            estimateSize={34}
            fallback={
              <tr>
                <td class="muted">{search().trim() ? 'No member matches.' : 'No members.'}</td>
              </tr>
            }
          >
            {(item) => (
              <tr data-member={item.member}>
                <td>{item.member}</td>
                {OPTIONS.map((option) => (
                  <td>
                    <label
                      class="chip"
                      title={!props.optionsPerGrant && option !== 'admin' ? 'PostgreSQL 16+' : undefined}
                    >
                      <input
                        type="checkbox"
                        aria-label={`${option.toUpperCase()} for ${item.member}`}
                        checked={item[option]}
                        disabled={!props.optionsPerGrant && option !== 'admin'}
                        onChange={(event) => setOption(item.member, option, event.currentTarget.checked)}
                      />
                      {option.toUpperCase()}
                    </label>
                  </td>
                ))}
                <td>
                  <button
                    type="button"
                    class="ghost"
                    aria-label={`Remove ${item.member}`}
                    onClick={() => remove(item.member)}
                  >
                    remove
                  </button>
                </td>
              </tr>
            )}
          </VirtualRows>
          <div class="row">
            <button type="button" disabled={change.busy()} onClick={() => change.runPreview(members())}>
              Preview SQL
            </button>
            <button
              type="button"
              class="primary"
              disabled={!change.previewed(members()) || change.busy()}
              title={change.previewed(members()) ? undefined : 'Preview the SQL first.'}
              onClick={() => change.apply(members())}
            >
              Save members
            </button>
            <button type="button" class="ghost" onClick={props.onClose}>
              Cancel
            </button>
          </div>
        </Show>
      </Show>
      <ChangeOutcome preview={change.preview()} error={change.error()} />
    </fieldset>
  );
}
