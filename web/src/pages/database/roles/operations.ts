import { graphql } from '../../../gql';
import { mutate } from '../../../graphql/client';
import { changeOf } from '../../../lib/previewed-change';

/**
 * What every previewed change shows: its SQL, PostgreSQL's warnings, notes to word, who gains and loses access
 * (components/ImpactPreview.tsx), and the token to apply it with.
 */
export const PreviewedChangeFields = graphql(`
  fragment PreviewedChangeFields on PermissionChange {
    sql warnings previewToken
    notes { code grantee object subjects grantor message }
    impact { ...ImpactPreviewFields }
  }
`);

export const CreateRole = graphql(`
  mutation CreateRole($databaseId: ID!, $input: CreateRoleInput!, $dryRun: Boolean, $previewToken: String) {
    createRole(databaseId: $databaseId, input: $input, dryRun: $dryRun, previewToken: $previewToken) { __typename ... on Error { message } ... on PostgresFailure { detail } ... on PermissionChange { ...PreviewedChangeFields } }
  }
`);
export const AlterRole = graphql(`
  mutation AlterRole($databaseId: ID!, $name: String!, $attributes: RoleAttributesInput!, $dryRun: Boolean, $previewToken: String) {
    alterRole(databaseId: $databaseId, name: $name, attributes: $attributes, dryRun: $dryRun, previewToken: $previewToken) { __typename ... on Error { message } ... on PostgresFailure { detail } ... on PermissionChange { ...PreviewedChangeFields } }
  }
`);
export const RenameRole = graphql(`
  mutation RenameRole($databaseId: ID!, $name: String!, $newName: String!, $dryRun: Boolean, $previewToken: String) {
    renameRole(databaseId: $databaseId, name: $name, newName: $newName, dryRun: $dryRun, previewToken: $previewToken) { __typename ... on Error { message } ... on PermissionChange { ...PreviewedChangeFields } }
  }
`);
export const SetRolePassword = graphql(`
  mutation SetRolePassword($databaseId: ID!, $name: String!, $password: String!, $dryRun: Boolean, $previewToken: String) {
    setRolePassword(databaseId: $databaseId, name: $name, password: $password, dryRun: $dryRun, previewToken: $previewToken) { __typename ... on Error { message } ... on PermissionChange { ...PreviewedChangeFields } }
  }
`);
export const DropRole = graphql(`
  mutation DropRole($databaseId: ID!, $name: String!, $reassignTo: String, $dryRun: Boolean, $previewToken: String) {
    dropRole(databaseId: $databaseId, name: $name, reassignTo: $reassignTo, dryRun: $dryRun, previewToken: $previewToken) { __typename ... on Error { message } ... on PermissionChange { ...PreviewedChangeFields } }
  }
`);
export const SetGroupMembers = graphql(`
  mutation SetGroupMembers($databaseId: ID!, $role: String!, $members: [MembershipInput!]!, $dryRun: Boolean, $previewToken: String) {
    setGroupMembers(databaseId: $databaseId, role: $role, members: $members, dryRun: $dryRun, previewToken: $previewToken) { __typename ... on Error { message } ... on PermissionChange { ...PreviewedChangeFields } }
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

export { changeOf, mutate };
