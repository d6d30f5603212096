import { type JSX, Show } from 'solid-js';
import { VirtualRows } from '../../../components/VirtualRows';
import { type AccessRowView, holderWords, objectWords, pathsText, rowKey } from './operations';

/** A report's or a snapshot's rows, a screenful at a time. */
export function ReportRows(props: {
  rows: readonly AccessRowView[];
  label: string;
  onNearEnd?: () => void;
  change?: (row: AccessRowView) => string | undefined;
}): JSX.Element {
  return (
    <VirtualRows
      each={props.rows}
      label={props.label}
      class="access-rows"
      key={(row) => `${props.change?.(row) ?? ''}|${rowKey(row)}`}
      onNearEnd={props.onNearEnd}
      maxHeight="50vh"
      head={
        <tr>
          <Show when={props.change}>
            <th>Change</th>
          </Show>
          <th>Object</th>
          <th>Role</th>
          <th>Privilege</th>
          <th>Collaborators</th>
          <th>How</th>
        </tr>
      }
      fallback={
        <tr>
          <td colSpan={6} class="muted">
            Nothing here.
          </td>
        </tr>
      }
    >
      {(row) => (
        <tr data-access-row={rowKey(row)} data-change={props.change?.(row)}>
          <Show when={props.change}>
            <td>{changeWords(props.change?.(row))}</td>
          </Show>
          <td>{objectWords(row)}</td>
          <td>{holderWords(row)}</td>
          <td>
            {row.privilege}
            {row.grantable ? ' (grantable)' : ''}
          </td>
          <td>{row.collaborators.join(', ')}</td>
          <td>{pathsText(row)}</td>
        </tr>
      )}
    </VirtualRows>
  );
}

const CHANGE_WORDS: Record<string, string> = {
  GAINED: '+ gained',
  LOST: '− lost',
  GRANT_OPTION_GAINED: '+ grant option',
  GRANT_OPTION_LOST: '− grant option',
};
const changeWords = (change: string | undefined) => (change ? (CHANGE_WORDS[change] ?? change) : '');
