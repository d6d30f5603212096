import { graphql } from '../../gql';
import type { OverviewSchemaFragment, OverviewTableFragment } from '../../gql/graphql';
import { query } from '../../graphql/client';
import type { LiveEvent } from '../../lib/live';
import { member } from '../../lib/result';

/** A schema row of the overview and the rows of its tables: what the overview reads, and re-reads one at a time. */
graphql(`
  fragment OverviewTable on Table { ...Securable schema name tableKind }
`);
graphql(`
  fragment OverviewSchema on Schema { ...Securable name tables { ...OverviewTable } }
`);

const SchemaRow = graphql(`
  query OverviewSchemaRow($id: ID!, $name: String!) {
    database(id: $id) {
      __typename
      ... on Database {
        catalog { __typename ... on DatabaseCatalog { schema(name: $name) { ...OverviewSchema } } }
      }
    }
  }
`);

const TableRow = graphql(`
  query OverviewTableRow($id: ID!, $schema: String!, $name: String!) {
    database(id: $id) {
      __typename
      ... on Database {
        catalog { __typename ... on DatabaseCatalog { table(schema: $schema, name: $name) { ...OverviewTable } } }
      }
    }
  }
`);

interface Rows {
  schemas: OverviewSchemaFragment[];
}

/** At most this many events are re-read row by row (a query each); more re-read the catalog once. */
const MAX_ROWS_REREAD = 20;

/**
 * A change of a schema's or a table's grants changes that row only (and, for a schema, whether its tables can be
 * reached): the overview re-reads those rows instead of the whole catalog. Anything else re-reads everything.
 */
export function patchesRows(events: readonly LiveEvent[]): boolean {
  if (events.length === 0 || events.length > MAX_ROWS_REREAD) return false;
  return events.every(
    (event) =>
      event.__typename === 'PrivilegeEvent' && ['SCHEMA', 'TABLE', 'SEQUENCE'].includes(event.objectKind ?? ''),
  );
}

/**
 * The rows with every object these events name re-read, or null when one cannot be patched (an object the rows do
 * not show yet, or one gone): then the caller reads the whole catalog again. Events name objects as `schema.table`,
 * which two objects may share when names hold dots: every row with that label is re-read by its own exact name.
 */
export async function withRowsReread<T extends Rows>(
  databaseId: string,
  rows: T,
  events: readonly LiveEvent[],
): Promise<T | null> {
  let schemas = rows.schemas;
  // Several grants on one object in a burst: its row is read once.
  const distinct = new Map(events.map((event) => [`${event.objectKind}:${event.object}`, event]));
  for (const event of distinct.values()) {
    const updated =
      event.objectKind === 'SCHEMA'
        ? await schemaReread(databaseId, schemas, event.object ?? '')
        : await tablesReread(databaseId, schemas, event.object ?? '');
    if (!updated) return null;
    schemas = updated;
  }
  return { ...rows, schemas };
}

async function schemaReread(databaseId: string, schemas: OverviewSchemaFragment[], label: string) {
  if (!schemas.some((schema) => schema.name === label)) return null;
  const data = await query(SchemaRow, { id: databaseId, name: label });
  const fresh = member(member(data.database, 'Database')?.catalog, 'DatabaseCatalog')?.schema;
  if (!fresh) return null;
  return schemas.map((schema) => (schema.name === label ? fresh : schema));
}

async function tablesReread(databaseId: string, schemas: OverviewSchemaFragment[], label: string) {
  const named = schemas.flatMap((schema) => schema.tables.filter((table) => `${table.schema}.${table.name}` === label));
  if (named.length === 0) return null;
  const fresh = new Map<OverviewTableFragment, OverviewTableFragment>();
  for (const table of named) {
    const data = await query(TableRow, { id: databaseId, schema: table.schema, name: table.name });
    const row = member(member(data.database, 'Database')?.catalog, 'DatabaseCatalog')?.table;
    if (!row) return null;
    fresh.set(table, row);
  }
  return schemas.map((schema) =>
    schema.tables.some((table) => fresh.has(table))
      ? { ...schema, tables: schema.tables.map((table) => fresh.get(table) ?? table) }
      : schema,
  );
}
