import type { JSX } from 'solid-js';
import { graphql } from '../gql';
import { errorMessage, query } from '../graphql/client';
import { member } from '../lib/result';
import { Combobox, type ComboboxMatches, type ComboboxOption, PICKER_PAGE } from './Combobox';

const SchemaPicker = graphql(`
  query SchemaPicker($id: ID!, $search: String, $first: Int!) {
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        catalog {
          __typename
          ... on Error { message }
          ... on DatabaseCatalog {
            schemasConnection(search: $search, first: $first) { totalCount nodes { name } }
          }
        }
      }
    }
  }
`);

interface SchemaOption extends ComboboxOption {
  /** null: the choice that stands for no schema (`anyLabel`). */
  name: string | null;
}

export interface SchemaComboboxProps {
  databaseId: string;
  /** The chosen schema; null for `anyLabel`. */
  value: string | null;
  onChange: (name: string | null) => void;
  label: string;
  showLabel?: boolean;
  /** The choice offered first for "no schema" (every schema), listed when its words match. */
  anyLabel: string;
  disabled?: boolean;
  title?: string;
}

async function searchSchemas(props: SchemaComboboxProps, text: string): Promise<ComboboxMatches<SchemaOption>> {
  const data = await query(SchemaPicker, {
    id: props.databaseId,
    search: text.trim() || undefined,
    first: PICKER_PAGE,
  });
  const database = member(data.database, 'Database');
  const catalog = member(database?.catalog, 'DatabaseCatalog');
  if (!catalog)
    throw new Error(errorMessage(data.database) ?? errorMessage(database?.catalog) ?? 'Schemas unavailable.');
  const found = catalog.schemasConnection;
  const any = props.anyLabel.toLowerCase().includes(text.trim().toLowerCase())
    ? [{ label: props.anyLabel, name: null }]
    : [];
  const schemas = found.nodes.map((schema) => ({ label: schema.name, name: schema.name }));
  return { options: [...any, ...schemas], more: found.totalCount - found.nodes.length };
}

/** A schema picker for databases of any size: it searches the schemas as the user types, never loading them all. */
export function SchemaCombobox(props: SchemaComboboxProps): JSX.Element {
  return (
    <Combobox<SchemaOption>
      label={props.label}
      showLabel={props.showLabel}
      text={props.value ?? props.anyLabel}
      search={(typed) => searchSchemas(props, typed)}
      onSelect={(option) => props.onChange(option.name)}
      noun="schema"
      placeholder="Type a schema's name…"
      disabled={props.disabled}
      title={props.title}
    />
  );
}
