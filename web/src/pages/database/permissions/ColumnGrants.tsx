import { createResource, For, type JSX, Show } from 'solid-js';
import { ErrorText } from '../../../components/ErrorText';
import { graphql } from '../../../gql';
import type { TableColumnsQuery } from '../../../gql/graphql';
import { errorMessage, query } from '../../../graphql/client';
import { member } from '../../../lib/result';
import { granteeName, type SecurableView } from './securable';

const TableColumns = graphql(`
  query TableColumns($id: ID!, $schema: String!, $name: String!) {
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        catalog {
          __typename
          ... on Error { message }
          ... on DatabaseCatalog {
            table(schema: $schema, name: $name) { columns { name position ...Securable } }
          }
        }
      }
    }
  }
`);

type ColumnNode = NonNullable<
  Extract<
    NonNullable<Extract<TableColumnsQuery['database'], { __typename?: 'Database' }>['catalog']>,
    { __typename?: 'DatabaseCatalog' }
  >['table']
>['columns'][number];

/** A column as the permission dialog takes it: its ref names the table and the column. */
export function columnView(table: { schema: string; name: string }, column: ColumnNode): SecurableView {
  return {
    ...column,
    label: `${table.schema}.${table.name}.${column.name}`,
    ref: { kind: 'COLUMN', schema: table.schema, name: table.name, column: column.name },
  };
}

/** "clerk: SELECT, UPDATE; PUBLIC: SELECT": what is granted on the column alone (the table's grants cover it too). */
export function columnGrantsText(column: Pick<ColumnNode, 'grants'>): string {
  return column.grants
    .map(
      (grant) =>
        `${granteeName(grant.isPublic ? null : (grant.grantee?.name ?? null))}: ${grant.privileges.join(', ')}`,
    )
    .join('; ');
}

/** Reads a table's columns with their grants; `version` re-reads them (after a change, or a live event). */
export function createTableColumns(
  databaseId: () => string,
  table: () => { schema: string; name: string } | null,
  version: () => unknown,
) {
  const [columns, { refetch }] = createResource(
    () => {
      const shown = table();
      return shown ? ([databaseId(), shown.schema, shown.name, version()] as const) : null;
    },
    async ([id, schema, name]) => {
      const read = await query(TableColumns, { id, schema, name });
      const catalog = member(read.database, 'Database')?.catalog;
      const found = member(catalog, 'DatabaseCatalog')?.table;
      if (!found) throw new Error(errorMessage(read.database) ?? errorMessage(catalog) ?? `${schema}.${name} is gone.`);
      return found.columns.map((column) => columnView({ schema, name }, column));
    },
  );
  return { columns, refetch };
}

/**
 * A table's columns with the grants made on each alone, each opening the permission dialog for that column: column
 * privileges (SELECT, INSERT, UPDATE, REFERENCES on some columns) are granted and revoked there.
 */
export function ColumnGrants(props: {
  columns: readonly SecurableView[] | undefined;
  error?: string | null;
  onOpen: (column: SecurableView) => void;
}): JSX.Element {
  return (
    <details class="column-grants" data-testid="column-grants" open>
      <summary>Column privileges</summary>
      <ErrorText error={props.error ?? null} />
      <Show when={props.columns} fallback={<p class="muted">Loading the columns…</p>}>
        {(columns) => (
          <table class="grants" aria-label="Column privileges">
            <thead>
              <tr>
                <th>Column</th>
                <th>Granted on the column alone</th>
                <th />
              </tr>
            </thead>
            <tbody>
              <For
                each={columns()}
                fallback={
                  <tr>
                    <td colSpan={3} class="muted">
                      No columns.
                    </td>
                  </tr>
                }
              >
                {(column) => (
                  <tr data-column={column.ref.column}>
                    <td>{column.ref.column}</td>
                    <td>{columnGrantsText(column) || '—'}</td>
                    <td>
                      <button
                        type="button"
                        class="small"
                        aria-label={`Permissions of column ${column.ref.column}`}
                        onClick={() => props.onOpen(column)}
                      >
                        Permissions
                      </button>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        )}
      </Show>
    </details>
  );
}
