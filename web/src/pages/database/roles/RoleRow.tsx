import { For, type JSX, Match, Show, Switch } from 'solid-js';
import { graphql } from '../../../gql';
import { formatCount } from '../../../lib/numbers';
import { byCodePoint } from '../../../lib/text-search';
import { AttributesEditor } from './AttributesEditor';
import { MembersEditor } from './MembersEditor';
import { PasswordForm } from './PasswordForm';
import { RenameForm } from './RenameForm';
import { RoleSettings } from './RoleSettings';
import type { RoleView } from './types';

/** What one row shows: a role's attributes, how many members and groups it has with the first few, what may be done. */
export const RoleRowFields = graphql(`
  fragment RoleRowFields on Role {
    name canLogin isSuperuser inherit createRole createDb replication bypassRls connectionLimit validUntil
    isPredefined isConfigured
    memberCount memberOfCount
    membersConnection(first: 3) { nodes { member { name } } }
    memberOfConnection(first: 3) { nodes { role { name } } }
    viewerCan {
      alter alterReason rename renameReason drop dropReason manageMembers manageMembersReason
      setPassword setPasswordReason lockedAttributes { attribute reason }
    }
  }
`);

export type RoleEditor = 'attributes' | 'rename' | 'password' | 'members' | 'settings';

/**
 * A short list of related roles: every name when all are shown ("a, b"), else how many there are and the first few
 * ("1,000 members: a, b, c …"). A group of thousands stays one line.
 */
function relatedRoles(total: number, names: readonly string[], noun: string): string {
  if (total === 0) return '—';
  const sorted = [...names].sort(byCodePoint).join(', ');
  if (names.length >= total) return sorted;
  return `${formatCount(total)} ${noun}${total === 1 ? '' : 's'}: ${sorted} …`;
}

const ATTRIBUTE_BADGES = [
  ['canLogin', 'LOGIN'],
  ['createRole', 'CREATEROLE'],
  ['createDb', 'CREATEDB'],
  ['replication', 'REPLICATION'],
  ['bypassRls', 'BYPASSRLS'],
] as const;

function attributesText(role: RoleView): string {
  const flags: string[] = ATTRIBUTE_BADGES.filter(([key]) => role[key]).map(([, keyword]) => keyword);
  if (!role.inherit) flags.push('NOINHERIT');
  if (role.connectionLimit >= 0) flags.push(`CONNECTION LIMIT ${role.connectionLimit}`);
  if (role.validUntil) flags.push(`VALID UNTIL ${role.validUntil.slice(0, 10)}`);
  return flags.join(' · ') || 'NOLOGIN';
}

const CONFIGURED_PASSWORD = "Rolecall stores this role's password for its collaborators: only admins change it.";

/** A stable id for the element that says why a control is disabled (role names may hold any character). */
const reasonId = (name: string) =>
  `role-reasons-${[...name].map((char) => char.codePointAt(0)?.toString(36)).join('-')}`;

/**
 * One server role: its attributes and members, and what the viewer's role may do to it (the rest disabled, with why).
 * Which editor is open is kept by the list, so it stays open while the row is scrolled out of view and back.
 */
export function RoleRow(props: {
  role: RoleView;
  optionsPerGrant: boolean;
  databaseId: string;
  /** Admins: they alone set the password of a role whose password Rolecall stores. */
  canConfigure: boolean;
  reread: () => Promise<unknown>;
  editor: RoleEditor | null;
  onEditor: (editor: RoleEditor | null) => void;
  selected: boolean;
  onSelect: (name: string) => void;
  onAccess: (name: string) => void;
  onDrop: (name: string) => void;
}): JSX.Element {
  const editor = () => props.editor;
  const can = () => props.role.viewerCan;
  // PostgreSQL may allow it, but a configured role's password is Rolecall's secret (the server refuses it too).
  const password = () =>
    props.role.isConfigured && !props.canConfigure
      ? { allowed: false, reason: CONFIGURED_PASSWORD }
      : { allowed: can().setPassword, reason: can().setPasswordReason };
  const reasons = () =>
    [
      ...new Set(
        [
          can().alter ? null : can().alterReason,
          can().rename ? null : can().renameReason,
          can().drop ? null : can().dropReason,
          can().manageMembers ? null : can().manageMembersReason,
          props.role.canLogin && !password().allowed ? password().reason : null,
        ].filter((reason): reason is string => Boolean(reason)),
      ),
    ] as string[];
  const toggle = (which: RoleEditor) => props.onEditor(editor() === which ? null : which);
  const described = (allowed: boolean) => (allowed ? undefined : reasonId(props.role.name));
  const close = () => props.onEditor(null);
  const members = () =>
    relatedRoles(
      props.role.memberCount,
      props.role.membersConnection.nodes.map((edge) => edge.member.name),
      'member',
    );
  const memberOf = () =>
    relatedRoles(
      props.role.memberOfCount,
      props.role.memberOfConnection.nodes.map((edge) => edge.role.name),
      'group',
    );

  return (
    <>
      <tr data-role-row={props.role.name}>
        <td>
          <button
            type="button"
            class="role-name"
            title="Show it in the graph and in Explain access"
            aria-pressed={props.selected}
            onClick={() => props.onSelect(props.role.name)}
          >
            <strong>{props.role.name}</strong>
          </button>
          {props.role.isConfigured ? <span class="badge">configured</span> : null}
          {props.role.isSuperuser ? <span class="badge warn">superuser</span> : null}
          {props.role.isPredefined ? <span class="badge">predefined</span> : null}
        </td>
        <td class="attributes" data-testid="attributes">
          {attributesText(props.role)}
        </td>
        <td data-testid="members">{members()}</td>
        <td data-testid="member-of">{memberOf()}</td>
        <td class="role-actions">
          <button
            type="button"
            class="small"
            disabled={!can().alter}
            title={can().alterReason ?? undefined}
            aria-describedby={described(can().alter)}
            aria-expanded={editor() === 'attributes'}
            onClick={() => toggle('attributes')}
          >
            Edit attributes
          </button>
          <button
            type="button"
            class="small"
            disabled={!can().rename}
            title={can().renameReason ?? undefined}
            aria-describedby={described(can().rename)}
            aria-expanded={editor() === 'rename'}
            onClick={() => toggle('rename')}
          >
            Rename
          </button>
          <Show when={props.role.canLogin}>
            <button
              type="button"
              class="small"
              disabled={!password().allowed}
              title={password().reason ?? undefined}
              aria-describedby={described(password().allowed)}
              aria-expanded={editor() === 'password'}
              onClick={() => toggle('password')}
            >
              Change password
            </button>
          </Show>
          <button
            type="button"
            class="small"
            disabled={!can().manageMembers}
            title={can().manageMembersReason ?? undefined}
            aria-describedby={described(can().manageMembers)}
            aria-expanded={editor() === 'members'}
            onClick={() => toggle('members')}
          >
            Edit members
          </button>
          <button
            type="button"
            class="small"
            aria-label={`Settings of ${props.role.name}`}
            title="Settings, comment, connections, VALID UNTIL and the SQL that recreates it"
            aria-expanded={editor() === 'settings'}
            onClick={() => toggle('settings')}
          >
            Settings
          </button>
          <button
            type="button"
            class="small"
            aria-label={`What can ${props.role.name} access`}
            title={`What can ${props.role.name} access`}
            onClick={() => props.onAccess(props.role.name)}
          >
            Access
          </button>
          <button
            type="button"
            class="small danger"
            disabled={!can().drop}
            title={can().dropReason ?? undefined}
            aria-describedby={described(can().drop)}
            onClick={() => props.onDrop(props.role.name)}
          >
            Drop
          </button>
          <Show when={reasons().length > 0}>
            <ul class="reasons muted" id={reasonId(props.role.name)} data-testid="role-reasons">
              <For each={reasons()}>{(reason) => <li>{reason}</li>}</For>
            </ul>
          </Show>
        </td>
      </tr>
      <Show when={editor()}>
        <tr class="role-editor" data-role-editor={props.role.name}>
          <td colSpan={5}>
            <Switch>
              <Match when={editor() === 'attributes'}>
                <AttributesEditor
                  role={props.role}
                  databaseId={props.databaseId}
                  reread={props.reread}
                  onClose={close}
                />
              </Match>
              <Match when={editor() === 'rename'}>
                <RenameForm
                  name={props.role.name}
                  databaseId={props.databaseId}
                  reread={props.reread}
                  onClose={close}
                />
              </Match>
              <Match when={editor() === 'password' && password().allowed}>
                <PasswordForm
                  name={props.role.name}
                  databaseId={props.databaseId}
                  reread={props.reread}
                  onClose={close}
                />
              </Match>
              <Match when={editor() === 'members'}>
                <MembersEditor
                  role={props.role.name}
                  optionsPerGrant={props.optionsPerGrant}
                  databaseId={props.databaseId}
                  reread={props.reread}
                  onClose={close}
                />
              </Match>
              <Match when={editor() === 'settings'}>
                <RoleSettings
                  name={props.role.name}
                  databaseId={props.databaseId}
                  reread={props.reread}
                  onClose={close}
                />
              </Match>
            </Switch>
          </td>
        </tr>
      </Show>
    </>
  );
}
