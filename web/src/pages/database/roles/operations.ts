import { graphql } from '../../../gql';
import { mutate } from '../../../graphql/client';
import type { Change } from './types';

export const CreateRole = graphql(`
  mutation CreateRole($databaseId: ID!, $input: CreateRoleInput!, $dryRun: Boolean) {
    createRole(databaseId: $databaseId, input: $input, dryRun: $dryRun) { __typename ... on Error { message } ... on PermissionChange { sql warnings } }
  }
`);
export const AlterRole = graphql(`
  mutation AlterRole($databaseId: ID!, $name: String!, $attributes: RoleAttributesInput!, $dryRun: Boolean) {
    alterRole(databaseId: $databaseId, name: $name, attributes: $attributes, dryRun: $dryRun) { __typename ... on Error { message } ... on PermissionChange { sql warnings } }
  }
`);
export const RenameRole = graphql(`
  mutation RenameRole($databaseId: ID!, $name: String!, $newName: String!, $dryRun: Boolean) {
    renameRole(databaseId: $databaseId, name: $name, newName: $newName, dryRun: $dryRun) { __typename ... on Error { message } ... on PermissionChange { sql warnings } }
  }
`);
export const SetRolePassword = graphql(`
  mutation SetRolePassword($databaseId: ID!, $name: String!, $password: String!, $dryRun: Boolean) {
    setRolePassword(databaseId: $databaseId, name: $name, password: $password, dryRun: $dryRun) { __typename ... on Error { message } ... on PermissionChange { sql warnings } }
  }
`);
export const DropRole = graphql(`
  mutation DropRole($databaseId: ID!, $name: String!, $reassignTo: String, $dryRun: Boolean) {
    dropRole(databaseId: $databaseId, name: $name, reassignTo: $reassignTo, dryRun: $dryRun) { __typename ... on Error { message } ... on PermissionChange { sql warnings } }
  }
`);
export const SetGroupMembers = graphql(`
  mutation SetGroupMembers($databaseId: ID!, $role: String!, $members: [MembershipInput!]!, $dryRun: Boolean) {
    setGroupMembers(databaseId: $databaseId, role: $role, members: $members, dryRun: $dryRun) { __typename ... on Error { message } ... on PermissionChange { sql warnings } }
  }
`);
export const RoleDependencies = graphql(`
  query RoleDependencies($id: ID!, $name: String!) {
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        catalog {
          __typename
          ... on Error { message }
          ... on DatabaseCatalog { role(name: $name) { name dependencies { database owned privileges } } }
        }
      }
    }
  }
`);

/** The change a permission mutation returned (mutate has already thrown its typed error, if any). */
export function changeOf(result: Record<string, unknown>): Change {
  const field = Object.values(result)[0] as { sql?: string[]; warnings?: string[] };
  return { sql: field.sql ?? [], warnings: field.warnings ?? [] };
}

export { mutate };
