import { For, type JSX, Show } from 'solid-js';
import type { RoleAttribute } from '../../../gql/graphql';

/** An attribute the viewer's role may not set, with PostgreSQL's reason (RoleCapabilities / ViewerRole locks). */
export interface AttributeLock {
  attribute: RoleAttribute;
  reason: string;
}

/** Why `attribute` is locked, or null when the viewer's role may set it. */
export const lockReason = (locks: readonly AttributeLock[], attribute: RoleAttribute): string | null =>
  locks.find((lock) => lock.attribute === attribute)?.reason ?? null;

/** One attribute's checkbox, labelled with its keyword; the reason it is locked, if it is, as its title. */
export function AttributeChip(props: {
  keyword: RoleAttribute;
  checked: boolean;
  disabled: boolean;
  reason: string | null;
  onChange: (checked: boolean) => void;
}): JSX.Element {
  return (
    <label class="chip" title={props.reason ?? undefined}>
      <input
        type="checkbox"
        aria-label={props.keyword}
        checked={props.checked}
        disabled={props.disabled}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
      />
      {props.keyword}
    </label>
  );
}

/** The locked attributes with why, under a form that offers the rest. */
export function LockReasons(props: { locks: readonly AttributeLock[] }): JSX.Element {
  return (
    <Show when={props.locks.length > 0}>
      <ul class="reasons" data-testid="attribute-locks">
        <For each={props.locks}>
          {(lock) => (
            <li class="muted">
              {lock.attribute}: {lock.reason}
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
