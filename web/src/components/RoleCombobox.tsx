import type { JSX } from 'solid-js';
import { graphql } from '../gql';
import type { RoleFilter } from '../gql/graphql';
import { errorMessage, query } from '../graphql/client';
import { member } from '../lib/result';
import { Combobox, type ComboboxMatches, type ComboboxOption, PICKER_PAGE } from './Combobox';

const RolePicker = graphql(`
  query RolePicker($id: ID!, $filter: RoleFilter!, $first: Int!) {
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        catalog {
          __typename
          ... on Error { message }
          ... on DatabaseCatalog {
            rolesConnection(filter: $filter, first: $first) { totalCount nodes { name } }
          }
        }
      }
    }
  }
`);

/** A choice that is not a role of the server (PUBLIC), offered before the roles when its label matches. */
export interface ExtraOption {
  value: string;
  label: string;
  title?: string;
}

/**
 * PUBLIC in a grantee picker; the caller turns its value into the grantee `null`. Its value holds a NUL character,
 * which no role name can: a role really named "PUBLIC" or "__PUBLIC__" is never taken for it.
 */
export const PUBLIC_OPTION: ExtraOption = {
  value: '\u0000PUBLIC',
  label: 'PUBLIC',
  title: 'Every role, now and future',
};

export interface RoleComboboxProps {
  databaseId: string;
  /** The chosen role's name (or an extra option's value); '' for none. */
  value: string;
  onChange: (name: string) => void;
  /** The accessible name of the input. */
  label: string;
  /** Show `label` as visible text before the input. */
  showLabel?: boolean;
  /** Which roles to offer, as `rolesConnection` filters them (`predefined: false`, `login: true` …). */
  filter?: Omit<RoleFilter, 'search'>;
  /** Names never offered (the role being dropped, the grantees already listed). */
  exclude?: readonly string[];
  /** Choices besides the server's roles, listed first: PUBLIC. */
  extraOptions?: readonly ExtraOption[];
  placeholder?: string;
  disabled?: boolean;
  title?: string;
  ref?: (input: HTMLInputElement) => void;
}

interface RoleOption extends ComboboxOption {
  value: string;
}

async function searchRoles(props: RoleComboboxProps, text: string): Promise<ComboboxMatches<RoleOption>> {
  const data = await query(RolePicker, {
    id: props.databaseId,
    filter: { ...props.filter, search: text.trim() || undefined },
    first: PICKER_PAGE,
  });
  const database = member(data.database, 'Database');
  const catalog = member(database?.catalog, 'DatabaseCatalog');
  if (!catalog) throw new Error(errorMessage(data.database) ?? errorMessage(database?.catalog) ?? 'Roles unavailable.');
  const found = catalog.rolesConnection;
  const excluded = new Set(props.exclude ?? []);
  const needle = text.trim().toLowerCase();
  const extras = (props.extraOptions ?? []).filter(
    (extra) => !excluded.has(extra.value) && extra.label.toLowerCase().includes(needle),
  );
  const roles = found.nodes
    .filter((role) => !excluded.has(role.name))
    .map((role) => ({ label: role.name, value: role.name }));
  return { options: [...extras, ...roles], more: found.totalCount - found.nodes.length };
}

/**
 * A role picker for servers of any size: it searches the server's roles as the user types (`rolesConnection`, at
 * most PICKER_PAGE at a time, with `filter`), says how many more match, and never loads every role.
 */
export function RoleCombobox(props: RoleComboboxProps): JSX.Element {
  const text = () => props.extraOptions?.find((extra) => extra.value === props.value)?.label ?? props.value;
  return (
    <Combobox<RoleOption>
      label={props.label}
      showLabel={props.showLabel}
      text={text()}
      search={(typed) => searchRoles(props, typed)}
      onSelect={(option) => props.onChange(option.value)}
      noun="role"
      placeholder={props.placeholder ?? 'Type to search roles…'}
      disabled={props.disabled}
      title={props.title}
      ref={props.ref}
    />
  );
}
