import { graphql } from '../../gql';
import type { ObjectKind, OverviewObjectFragment } from '../../gql/graphql';
import { query } from '../../graphql/client';
import type { LiveEvent } from '../../lib/live';
import { member } from '../../lib/result';
import type { SecurableView } from './permissions/PermissionDialog';

/** A row of the overview: an object, what its permission dialog needs, and what the viewer's role can do on it. */
graphql(`
  fragment OverviewObject on SecurableObject {
    __typename
    ...Securable
    viewerPrivileges { ...EffectivePrivilegeFields }
    ... on DatabaseObject { name }
    ... on Schema { name }
    ... on Table { schema name tableKind }
    ... on CatalogObject { name kind schemaName localName arguments subkind }
    ... on Column { name }
  }
`);

/** How a securable object is named and placed in a list (the Overview, what a role can access). */
graphql(`
  fragment ObjectIdentity on SecurableObject {
    __typename
    ... on DatabaseObject { name }
    ... on Schema { name }
    ... on Table { schema name tableKind }
    ... on CatalogObject { name kind schemaName localName arguments subkind }
    ... on Column { name }
  }
`);

type Identity =
  | { __typename?: 'DatabaseObject'; name: string }
  | { __typename?: 'Schema'; name: string }
  | { __typename?: 'Table'; schema: string; name: string; tableKind: string }
  | { __typename?: 'Column'; name?: string }
  | {
      __typename?: 'CatalogObject';
      name: string;
      kind: ObjectKind;
      schemaName?: string | null;
      localName: string;
      arguments?: string | null;
      subkind?: string | null;
    };

/** "shop", "sales", "sales.orders": the object's label, which live events also name it by. */
export function objectLabel(object: Identity): string {
  if (object.__typename === 'Table' && 'schema' in object) return `${object.schema}.${object.name}`;
  return 'name' in object ? (object.name ?? '') : '';
}

/** "database", "schema", "table", "materialized view", "function", "domain", … */
export function objectKindLabel(object: Identity): string {
  if (object.__typename === 'DatabaseObject') return 'database';
  if (object.__typename === 'Schema') return 'schema';
  if (object.__typename === 'Column') return 'column';
  if ('localName' in object) return (object.subkind ?? object.kind).toLowerCase().replaceAll('_', ' ');
  return 'tableKind' in object ? object.tableKind.toLowerCase().replace('_', ' ') : 'table';
}

/** The reference the API takes for this object. */
export function objectRef(object: Identity): SecurableView['ref'] {
  if (object.__typename === 'DatabaseObject') return { kind: 'DATABASE' };
  if (object.__typename === 'Schema') return { kind: 'SCHEMA', name: object.name };
  if ('localName' in object)
    return {
      kind: object.kind,
      name: object.localName,
      ...(object.schemaName ? { schema: object.schemaName } : {}),
      ...(object.arguments != null ? { arguments: object.arguments } : {}),
    };
  if ('tableKind' in object) return { kind: 'TABLE', schema: object.schema, name: object.name };
  return { kind: 'TABLE', name: '' };
}

const SchemaRow = graphql(`
  query OverviewSchemaRow($id: ID!, $name: String!) {
    database(id: $id) {
      __typename
      ... on Database {
        catalog { __typename ... on DatabaseCatalog { schema(name: $name) { ...OverviewObject } } }
      }
    }
  }
`);

const TableRow = graphql(`
  query OverviewTableRow($id: ID!, $schema: String!, $name: String!) {
    database(id: $id) {
      __typename
      ... on Database {
        catalog { __typename ... on DatabaseCatalog { table(schema: $schema, name: $name) { ...OverviewObject } } }
      }
    }
  }
`);

/** At most this many events are re-read row by row (a query each); more re-read the loaded rows at once. */
const MAX_ROWS_REREAD = 20;

/**
 * A change of a schema's or a table's grants changes that row only (a table's privileges do not depend on its
 * schema's): the overview re-reads those rows instead of the whole list. Anything else re-reads everything loaded.
 */
export function patchesRows(events: readonly LiveEvent[]): boolean {
  if (events.length === 0 || events.length > MAX_ROWS_REREAD) return false;
  return events.every(
    (event) =>
      event.__typename === 'PrivilegeEvent' && ['SCHEMA', 'TABLE', 'SEQUENCE'].includes(event.objectKind ?? ''),
  );
}

/**
 * The loaded rows with every object these events name re-read, or null when one cannot be patched (it is gone): then
 * the caller re-reads the loaded rows at once. An object the list has not loaded (a later page, outside the search) is
 * left alone: it is read fresh when it is loaded. Events name objects as `schema.table`, which two objects may share
 * when names hold dots: every row with that label is re-read by its own exact name.
 */
export async function withRowsReread(
  databaseId: string,
  rows: readonly OverviewObjectFragment[],
  events: readonly LiveEvent[],
): Promise<OverviewObjectFragment[] | null> {
  const fresh = new Map<OverviewObjectFragment, OverviewObjectFragment>();
  // Several grants on one object in a burst: its row is read once.
  const distinct = new Map(events.map((event) => [`${event.objectKind}:${event.object}`, event]));
  for (const event of distinct.values()) {
    const schemaEvent = event.objectKind === 'SCHEMA';
    const named = rows.filter(
      (row) =>
        (row.__typename === 'Schema') === schemaEvent &&
        row.__typename !== 'DatabaseObject' &&
        objectLabel(row) === event.object,
    );
    for (const row of named) {
      const reread = await rowReread(databaseId, row);
      if (!reread) return null;
      fresh.set(row, reread);
    }
  }
  return rows.map((row) => fresh.get(row) ?? row);
}

async function rowReread(databaseId: string, row: OverviewObjectFragment): Promise<OverviewObjectFragment | null> {
  if (row.__typename === 'Schema') {
    const data = await query(SchemaRow, { id: databaseId, name: row.name });
    return member(member(data.database, 'Database')?.catalog, 'DatabaseCatalog')?.schema ?? null;
  }
  if (row.__typename !== 'Table') return null;
  const data = await query(TableRow, { id: databaseId, schema: row.schema, name: row.name });
  return member(member(data.database, 'Database')?.catalog, 'DatabaseCatalog')?.table ?? null;
}
