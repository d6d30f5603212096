import { For, type JSX, Show } from 'solid-js';
import {
  type Draft,
  type Preset,
  type PresetEntry,
  presetOf,
  privilegesFor,
  toggle,
} from '../../../lib/permission-model';
import { granteeName } from './securable';

const PRESET_LABELS: Record<Preset, string> = {
  NONE: 'No access',
  CONNECT: 'Connect',
  CREATE: 'Create',
  READ: 'Read',
  WRITE: 'Write',
  CUSTOM: 'Custom',
};

/** One grantee's access: a preset, or the privileges ticked one by one (a set equal to a preset shows as it). */
export function GranteeRow(props: {
  /** The presets of the object's kind, as the API lists them. */
  presets: readonly PresetEntry[];
  draft: Draft;
  order: string[];
  canChange: boolean;
  grantable: string[];
  reason: string;
  onChange: (next: Draft) => void;
}): JSX.Element {
  const name = () => granteeName(props.draft.grantee);
  const presets = (): Preset[] => ['NONE', ...props.presets.map((entry) => entry.preset), 'CUSTOM'];
  const lockedBecause = (privilege: string) => {
    if (!props.canChange) return props.reason;
    if (!props.grantable.includes(privilege))
      return `Your role cannot grant or revoke ${privilege} here: it holds no grant option for it.`;
    return undefined;
  };
  const choosePreset = (select: HTMLSelectElement) => {
    const privileges = privilegesFor(props.presets, select.value as Preset, props.draft.privileges);
    props.onChange({
      ...props.draft,
      privileges,
      grantable: props.draft.grantable.filter((privilege) => privileges.includes(privilege)),
    });
    // "Custom" keeps the set, which may still equal a preset: show what the set really is.
    select.value = presetOf(props.presets, privileges);
  };
  return (
    <tr data-grantee={name()}>
      <td>{props.draft.grantee ?? <em title="Every role, now and future">PUBLIC</em>}</td>
      <td>
        <select
          aria-label={`Access of ${name()}`}
          disabled={!props.canChange}
          title={props.canChange ? undefined : props.reason}
          value={presetOf(props.presets, props.draft.privileges)}
          onChange={(event) => choosePreset(event.currentTarget)}
        >
          <For each={presets()}>{(preset) => <option value={preset}>{PRESET_LABELS[preset]}</option>}</For>
        </select>
      </td>
      <td class="privileges">
        <For each={props.order}>
          {(privilege) => (
            <label class="chip" title={lockedBecause(privilege)}>
              <input
                type="checkbox"
                aria-label={`${privilege} for ${name()}`}
                disabled={lockedBecause(privilege) !== undefined}
                checked={props.draft.privileges.includes(privilege)}
                onChange={(event) =>
                  props.onChange(toggle(props.draft, privilege, event.currentTarget.checked, props.order))
                }
              />
              {privilege}
              <Show when={props.draft.privileges.includes(privilege)}>
                <input
                  type="checkbox"
                  title={
                    props.draft.grantee === null
                      ? 'PUBLIC cannot hold a grant option'
                      : (lockedBecause(privilege) ?? 'WITH GRANT OPTION')
                  }
                  aria-label={`${privilege} with grant option for ${name()}`}
                  disabled={lockedBecause(privilege) !== undefined || props.draft.grantee === null}
                  checked={props.draft.grantable.includes(privilege)}
                  onChange={(event) =>
                    props.onChange({
                      ...props.draft,
                      grantable: event.currentTarget.checked
                        ? [...props.draft.grantable, privilege]
                        : props.draft.grantable.filter((item) => item !== privilege),
                    })
                  }
                />
                ★
              </Show>
            </label>
          )}
        </For>
      </td>
    </tr>
  );
}
