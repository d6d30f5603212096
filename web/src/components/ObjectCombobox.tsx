import { createSignal, type JSX } from 'solid-js';
import { graphql } from '../gql';
import type { ObjectPickerQuery, ObjectRef } from '../gql/graphql';
import { errorMessage, query } from '../graphql/client';
import { member } from '../lib/result';
import { Combobox, type ComboboxMatches, type ComboboxOption, PICKER_PAGE } from './Combobox';

const ObjectPicker = graphql(`
  query ObjectPicker($id: ID!, $search: String, $first: Int!) {
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        catalog {
          __typename
          ... on Error { message }
          ... on DatabaseCatalog {
            objectsConnection(search: $search, first: $first) {
              totalCount
              nodes {
                __typename
                kind
                ... on DatabaseObject { name }
                ... on Schema { name }
                ... on Table { schema name }
              }
            }
          }
        }
      }
    }
  }
`);

type Catalog = Extract<
  NonNullable<Extract<ObjectPickerQuery['database'], { __typename?: 'Database' }>['catalog']>,
  { __typename?: 'DatabaseCatalog' }
>;
type ObjectNode = Catalog['objectsConnection']['nodes'][number];

interface ObjectOption extends ComboboxOption {
  ref: ObjectRef;
}

/** How an object is written in the input and the list: its name, `schema.name` for a relation. */
function labelOf(ref: ObjectRef): string {
  if (ref.kind === 'DATABASE') return ref.name ?? 'this database';
  if (ref.kind === 'SCHEMA') return ref.name ?? '';
  return `${ref.schema}.${ref.name}`;
}

function optionOf(node: ObjectNode): ObjectOption {
  const ref: ObjectRef =
    node.__typename === 'Table'
      ? { kind: 'TABLE', schema: node.schema, name: node.name }
      : node.__typename === 'Schema'
        ? { kind: 'SCHEMA', name: node.name }
        : { kind: 'DATABASE' };
  const name = 'name' in node ? node.name : '';
  const label = ref.kind === 'DATABASE' ? name : labelOf(ref);
  return { label, kind: node.kind.toLowerCase(), ref };
}

const sameRef = (a: ObjectRef | null, b: ObjectRef | null) =>
  a?.kind === b?.kind && (a?.schema ?? null) === (b?.schema ?? null) && (a?.name ?? null) === (b?.name ?? null);

export interface ObjectComboboxProps {
  databaseId: string;
  /** The chosen object (the database, a schema, or a table, view or sequence), or null for none. */
  value: ObjectRef | null;
  onChange: (object: ObjectRef) => void;
  /** The accessible name of the input. */
  label: string;
  /** Show `label` as visible text before the input. */
  showLabel?: boolean;
  placeholder?: string;
  disabled?: boolean;
  title?: string;
}

async function searchObjects(databaseId: string, text: string): Promise<ComboboxMatches<ObjectOption>> {
  const data = await query(ObjectPicker, { id: databaseId, search: text.trim() || undefined, first: PICKER_PAGE });
  const database = member(data.database, 'Database');
  const catalog = member(database?.catalog, 'DatabaseCatalog');
  if (!catalog)
    throw new Error(errorMessage(data.database) ?? errorMessage(database?.catalog) ?? 'Objects unavailable.');
  const found = catalog.objectsConnection;
  return { options: found.nodes.map(optionOf), more: found.totalCount - found.nodes.length };
}

/**
 * An object picker for databases of any size: it searches the database, its schemas and their relations as the user
 * types (`objectsConnection`, in the Overview's order, at most PICKER_PAGE at a time) and never loads them all.
 */
export function ObjectCombobox(props: ObjectComboboxProps): JSX.Element {
  // The database's name is known only from the option chosen: a value set from outside shows "this database".
  const [chosen, setChosen] = createSignal<ObjectOption | null>(null);
  const text = () => {
    if (!props.value) return '';
    const option = chosen();
    return option && sameRef(option.ref, props.value) ? option.label : labelOf(props.value);
  };
  return (
    <Combobox<ObjectOption>
      label={props.label}
      showLabel={props.showLabel}
      text={text()}
      search={(typed) => searchObjects(props.databaseId, typed)}
      onSelect={(option) => {
        setChosen(option);
        props.onChange(option.ref);
      }}
      noun="object"
      placeholder={props.placeholder ?? 'Type to search objects…'}
      disabled={props.disabled}
      title={props.title}
    />
  );
}
