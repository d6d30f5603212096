import { For, type JSX } from 'solid-js';
import { createStore } from 'solid-js/store';
import { ChangeOutcome } from '../../../components/ChangeOutcome';
import { createPreviewedChange } from '../../../lib/previewed-change';
import { changeOf, mutate, SetGroupMembers } from './operations';
import type { MemberEdge } from './types';

interface Member {
  member: string;
  admin: boolean;
  inherit: boolean;
  set: boolean;
}

// The API lists memberships in no particular order (as PostgreSQL stores them); people read them by name.
export const byName = (members: readonly MemberEdge[]) =>
  [...members].sort((a, b) => a.member.name.localeCompare(b.member.name));

const draftOf = (members: readonly MemberEdge[]): Member[] =>
  byName(members).map((edge) => ({
    member: edge.member.name,
    admin: edge.admin,
    inherit: edge.inherit,
    set: edge.set,
  }));

/** The members of a group with their ADMIN / INHERIT / SET options: edited as a whole, previewed, saved. */
export function MembersEditor(props: {
  role: string;
  members: MemberEdge[];
  allRoles: string[];
  optionsPerGrant: boolean;
  databaseId: string;
  reread: () => Promise<unknown>;
  onClose: () => void;
}): JSX.Element {
  const [draft, setDraft] = createStore<{ members: Member[] }>({ members: draftOf(props.members) });
  const members = () => draft.members.map((member) => ({ ...member }));
  const change = createPreviewedChange<Member[]>({
    run: async (value, mode) =>
      changeOf(
        await mutate(SetGroupMembers, { databaseId: props.databaseId, role: props.role, members: value, ...mode }),
      ),
    reread: props.reread,
    onApplied: () => props.onClose(),
    onFailure: () => setDraft('members', draftOf(props.members)),
  });

  return (
    <fieldset class="members-editor" aria-label={`Members of ${props.role}`}>
      <For each={draft.members}>
        {(member, index) => (
          <div class="row">
            {member.member}
            {(['admin', 'inherit', 'set'] as const).map((option) => (
              <label class="chip" title={!props.optionsPerGrant && option !== 'admin' ? 'PostgreSQL 16+' : undefined}>
                <input
                  type="checkbox"
                  aria-label={`${option.toUpperCase()} for ${member.member}`}
                  checked={member[option]}
                  disabled={!props.optionsPerGrant && option !== 'admin'}
                  onChange={(event) => setDraft('members', index(), option, event.currentTarget.checked)}
                />
                {option.toUpperCase()}
              </label>
            ))}
            <button
              type="button"
              class="ghost"
              onClick={() =>
                setDraft(
                  'members',
                  draft.members.filter((_, position) => position !== index()),
                )
              }
            >
              remove
            </button>
          </div>
        )}
      </For>
      <div class="row">
        <select
          aria-label={`Add a member to ${props.role}`}
          onChange={(event) => {
            const member = event.currentTarget.value;
            if (member) setDraft('members', [...draft.members, { member, admin: false, inherit: true, set: true }]);
            event.currentTarget.value = '';
          }}
        >
          <option value="">Add member…</option>
          <For
            each={props.allRoles.filter(
              (name) => name !== props.role && !draft.members.some((item) => item.member === name),
            )}
          >
            {(name) => <option value={name}>{name}</option>}
          </For>
        </select>
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
      <ChangeOutcome preview={change.preview()} error={change.error()} />
    </fieldset>
  );
}
