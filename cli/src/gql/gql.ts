/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment CliError on Error { code message }\n": typeof types.CliErrorFragmentDoc,
    "\n  fragment CliChange on PermissionChange {\n    dryRun sql warnings eventId notes { code grantee object subjects grantor message fixOption }\n  }\n": typeof types.CliChangeFragmentDoc,
    "\n  query CliCollaborators($id: ID!) {\n    database(id: $id) {\n      __typename\n      ...CliError\n      ... on Database {\n        collaborators { id access createdAt user { username email } role { rolname } }\n        invitations { id email access createdAt expiresAt role { rolname } }\n      }\n    }\n  }\n": typeof types.CliCollaboratorsDocument,
    "\n  query CliUsers {\n    users { __typename ...CliError ... on QueryUsersConnection { nodes { id username email } } }\n  }\n": typeof types.CliUsersDocument,
    "\n  mutation CliAddCollaborator($input: AddCollaboratorInput!) {\n    addCollaborator(input: $input) {\n      __typename\n      ...CliError\n      ... on Collaborator { id access user { username email } role { rolname } }\n    }\n  }\n": typeof types.CliAddCollaboratorDocument,
    "\n  mutation CliRemoveCollaborator($id: ID!) {\n    removeCollaborator(id: $id) { __typename ...CliError ... on Removed { id } }\n  }\n": typeof types.CliRemoveCollaboratorDocument,
    "\n  mutation CliRevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) { __typename ...CliError ... on Invitation { id } }\n  }\n": typeof types.CliRevokeInvitationDocument,
    "\n  query CliDefaultPrivileges($id: ID!, $creator: String) {\n    database(id: $id) {\n      __typename\n      ...CliError\n      ... on Database {\n        catalog {\n          __typename\n          ...CliError\n          ... on DatabaseCatalog {\n            defaultPrivileges(creator: $creator) {\n              creator { name } schema objectKind grants { isPublic grantee { name } privileges grantable }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.CliDefaultPrivilegesDocument,
    "\n  mutation CliSetDefaultPrivileges(\n    $db: ID!, $creator: String, $schema: String, $kind: DefaultedObjectKind!, $grants: [DesiredDefaultGrantInput!]!,\n    $dryRun: Boolean\n  ) {\n    setDefaultPrivileges(\n      databaseId: $db, creator: $creator, schema: $schema, kind: $kind, grants: $grants, dryRun: $dryRun\n    ) { __typename ...CliError ...CliChange }\n  }\n": typeof types.CliSetDefaultPrivilegesDocument,
    "\n  query CliExplain($id: ID!, $object: ObjectRef!, $role: String!) {\n    database(id: $id) {\n      __typename\n      ...CliError\n      ... on Database {\n        catalog {\n          __typename\n          ...CliError\n          ... on DatabaseCatalog {\n            effectivePrivileges(object: $object, role: $role) {\n              __typename\n              ...CliError\n              ... on DatabaseCatalogEffectivePrivilegesConnection {\n                nodes { privilege held grantable sources { ...CliPrivilegeSource } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.CliExplainDocument,
    "\n  fragment CliPrivilegeSource on PrivilegeSource { kind path grantable predefinedRole grantor { name } grantee { name } }\n": typeof types.CliPrivilegeSourceFragmentDoc,
    "\n  fragment CliInvitationSent on InvitationSent {\n    delivery acceptUrl invitation { id email status access expiresAt role { rolname } }\n  }\n": typeof types.CliInvitationSentFragmentDoc,
    "\n  query CliPendingInvitations($id: ID!) {\n    database(id: $id) { __typename ...CliError ... on Database { invitations(statuses: [PENDING, EXPIRED]) { id email } } }\n  }\n": typeof types.CliPendingInvitationsDocument,
    "\n  mutation CliResendInvitation($id: ID!) {\n    resendInvitation(id: $id) { __typename ...CliError ...CliInvitationSent }\n  }\n": typeof types.CliResendInvitationDocument,
    "\n  mutation CliInviteCollaborator($input: InviteCollaboratorInput!) {\n    inviteCollaborator(input: $input) { __typename ...CliError ...CliInvitationSent }\n  }\n": typeof types.CliInviteCollaboratorDocument,
    "\n  mutation CliLogin($login: String!, $password: String!) {\n    login(login: $login, password: $password) { __typename ...CliError ... on User { username } }\n  }\n": typeof types.CliLoginDocument,
    "\n  mutation CliCreateApiToken($name: String!) {\n    createApiToken(name: $name) { __typename ...CliError ... on CreatedApiToken { token apiToken { id } } }\n  }\n": typeof types.CliCreateApiTokenDocument,
    "\n  mutation CliLogout {\n    logout\n  }\n": typeof types.CliLogoutDocument,
    "\n  mutation CliGrantPrivileges(\n    $db: ID!, $object: ObjectRef!, $grantee: String, $privileges: [String!]!, $grantOption: Boolean,\n    $schemaUsage: Boolean, $sequenceUsage: Boolean, $dryRun: Boolean\n  ) {\n    grantPrivileges(\n      databaseId: $db, object: $object, grantee: $grantee, privileges: $privileges, withGrantOption: $grantOption,\n      withSchemaUsage: $schemaUsage, withSequenceUsage: $sequenceUsage, dryRun: $dryRun\n    ) { __typename ...CliError ...CliChange }\n  }\n": typeof types.CliGrantPrivilegesDocument,
    "\n  mutation CliRevokePrivileges(\n    $db: ID!, $object: ObjectRef!, $grantee: String, $privileges: [String!]!, $grantOptionOnly: Boolean,\n    $cascade: Boolean, $dryRun: Boolean\n  ) {\n    revokePrivileges(\n      databaseId: $db, object: $object, grantee: $grantee, privileges: $privileges,\n      grantOptionOnly: $grantOptionOnly, cascade: $cascade, dryRun: $dryRun\n    ) { __typename ...CliError ...CliChange }\n  }\n": typeof types.CliRevokePrivilegesDocument,
    "\n  mutation CliTransferOwnership($db: ID!, $object: ObjectRef!, $newOwner: String!, $tables: [String!], $dryRun: Boolean) {\n    transferOwnership(databaseId: $db, object: $object, newOwner: $newOwner, tables: $tables, dryRun: $dryRun) {\n      __typename ...CliError ...CliChange\n    }\n  }\n": typeof types.CliTransferOwnershipDocument,
    "\n  mutation CliSetRoleSetting($db: ID!, $role: String!, $name: String!, $value: String!, $inDatabase: Boolean, $dryRun: Boolean) {\n    setRoleSetting(databaseId: $db, role: $role, name: $name, value: $value, inDatabase: $inDatabase, dryRun: $dryRun) {\n      __typename ...CliError ...CliChange\n    }\n  }\n": typeof types.CliSetRoleSettingDocument,
    "\n  mutation CliResetRoleSetting($db: ID!, $role: String!, $name: String!, $inDatabase: Boolean, $dryRun: Boolean) {\n    resetRoleSetting(databaseId: $db, role: $role, name: $name, inDatabase: $inDatabase, dryRun: $dryRun) {\n      __typename ...CliError ...CliChange\n    }\n  }\n": typeof types.CliResetRoleSettingDocument,
    "\n  mutation CliSetRoleComment($db: ID!, $role: String!, $comment: String, $dryRun: Boolean) {\n    setRoleComment(databaseId: $db, role: $role, comment: $comment, dryRun: $dryRun) {\n      __typename ...CliError ...CliChange\n    }\n  }\n": typeof types.CliSetRoleCommentDocument,
    "\n  query CliRoleDefinition($id: ID!, $name: String!) {\n    database(id: $id) {\n      __typename\n      ...CliError\n      ... on Database {\n        catalog { __typename ...CliError ... on DatabaseCatalog { role(name: $name) { definitionSql } } }\n      }\n    }\n  }\n": typeof types.CliRoleDefinitionDocument,
    "\n  query CliRoles($id: ID!, $filter: RoleFilter, $first: Int) {\n    database(id: $id) {\n      __typename\n      ...CliError\n      ... on Database {\n        catalog {\n          __typename\n          ...CliError\n          ... on DatabaseCatalog {\n            rolesConnection(filter: $filter, first: $first) {\n              totalCount\n              nodes {\n                name canLogin isSuperuser createRole createDb inherit bypassRls replication isConfigured isPredefined\n                memberOf { admin role { name } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.CliRolesDocument,
    "\n  query CliDatabases {\n    databases { __typename ...CliError ... on QueryDatabasesConnection { nodes { id name viewerAccess server { host port } } } }\n  }\n": typeof types.CliDatabasesDocument,
    "\n  query CliRoleOffers($id: ID!) {\n    database(id: $id) {\n      __typename\n      ...CliError\n      ... on Database {\n        viewerCapabilities { canManageCollaborators }\n        roleOffers {\n          __typename\n          ...CliError\n          ... on DatabaseRoleOffersConnection { nodes { mayGive refusalMessage configuredRole { id rolname } } }\n        }\n      }\n    }\n  }\n": typeof types.CliRoleOffersDocument,
    "\n  subscription CliWatchEvents($databaseId: ID!, $after: BigCursor, $kinds: [String!]) {\n    events(databaseId: $databaseId, after: $after, kinds: $kinds) {\n      __typename cursor kind source createdAt databaseId serverId actingRole sql warnings actor { username }\n      burstId burstSize observedSince\n      ... on PrivilegeEvent {\n        object objectKind grantee grantees granted revoked grantOptionOnly cascade\n        aclChanges { grantee granted revoked grantOptionGranted grantOptionRevoked }\n      }\n      ... on MembershipEvent { role member grantor members added removed admin inherit set }\n      ... on RoleEvent { role newName login changes reassignTo otherDatabases }\n      ... on OwnershipEvent { object objectKind previousOwner newOwner tables }\n      ... on ObjectEvent { object objectKind owner }\n      ... on CollaboratorEvent { collaboratorId username role access invitationId }\n      ... on DatabaseEvent { database host port role sslMode }\n      ... on RoleConfigurationEvent { role assignable }\n      ... on UserEvent { username isAdmin changed }\n      ... on InvitationEvent { invitationId email access role status expiresAt username reason }\n    }\n  }\n": typeof types.CliWatchEventsDocument,
    "\n  query CliLatestCursor($db: ID!) {\n    auditLog(databaseId: $db, first: 1) { __typename ...CliError ... on EventPage { events { cursor } } }\n  }\n": typeof types.CliLatestCursorDocument,
};
const documents: Documents = {
    "\n  fragment CliError on Error { code message }\n": types.CliErrorFragmentDoc,
    "\n  fragment CliChange on PermissionChange {\n    dryRun sql warnings eventId notes { code grantee object subjects grantor message fixOption }\n  }\n": types.CliChangeFragmentDoc,
    "\n  query CliCollaborators($id: ID!) {\n    database(id: $id) {\n      __typename\n      ...CliError\n      ... on Database {\n        collaborators { id access createdAt user { username email } role { rolname } }\n        invitations { id email access createdAt expiresAt role { rolname } }\n      }\n    }\n  }\n": types.CliCollaboratorsDocument,
    "\n  query CliUsers {\n    users { __typename ...CliError ... on QueryUsersConnection { nodes { id username email } } }\n  }\n": types.CliUsersDocument,
    "\n  mutation CliAddCollaborator($input: AddCollaboratorInput!) {\n    addCollaborator(input: $input) {\n      __typename\n      ...CliError\n      ... on Collaborator { id access user { username email } role { rolname } }\n    }\n  }\n": types.CliAddCollaboratorDocument,
    "\n  mutation CliRemoveCollaborator($id: ID!) {\n    removeCollaborator(id: $id) { __typename ...CliError ... on Removed { id } }\n  }\n": types.CliRemoveCollaboratorDocument,
    "\n  mutation CliRevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) { __typename ...CliError ... on Invitation { id } }\n  }\n": types.CliRevokeInvitationDocument,
    "\n  query CliDefaultPrivileges($id: ID!, $creator: String) {\n    database(id: $id) {\n      __typename\n      ...CliError\n      ... on Database {\n        catalog {\n          __typename\n          ...CliError\n          ... on DatabaseCatalog {\n            defaultPrivileges(creator: $creator) {\n              creator { name } schema objectKind grants { isPublic grantee { name } privileges grantable }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.CliDefaultPrivilegesDocument,
    "\n  mutation CliSetDefaultPrivileges(\n    $db: ID!, $creator: String, $schema: String, $kind: DefaultedObjectKind!, $grants: [DesiredDefaultGrantInput!]!,\n    $dryRun: Boolean\n  ) {\n    setDefaultPrivileges(\n      databaseId: $db, creator: $creator, schema: $schema, kind: $kind, grants: $grants, dryRun: $dryRun\n    ) { __typename ...CliError ...CliChange }\n  }\n": types.CliSetDefaultPrivilegesDocument,
    "\n  query CliExplain($id: ID!, $object: ObjectRef!, $role: String!) {\n    database(id: $id) {\n      __typename\n      ...CliError\n      ... on Database {\n        catalog {\n          __typename\n          ...CliError\n          ... on DatabaseCatalog {\n            effectivePrivileges(object: $object, role: $role) {\n              __typename\n              ...CliError\n              ... on DatabaseCatalogEffectivePrivilegesConnection {\n                nodes { privilege held grantable sources { ...CliPrivilegeSource } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.CliExplainDocument,
    "\n  fragment CliPrivilegeSource on PrivilegeSource { kind path grantable predefinedRole grantor { name } grantee { name } }\n": types.CliPrivilegeSourceFragmentDoc,
    "\n  fragment CliInvitationSent on InvitationSent {\n    delivery acceptUrl invitation { id email status access expiresAt role { rolname } }\n  }\n": types.CliInvitationSentFragmentDoc,
    "\n  query CliPendingInvitations($id: ID!) {\n    database(id: $id) { __typename ...CliError ... on Database { invitations(statuses: [PENDING, EXPIRED]) { id email } } }\n  }\n": types.CliPendingInvitationsDocument,
    "\n  mutation CliResendInvitation($id: ID!) {\n    resendInvitation(id: $id) { __typename ...CliError ...CliInvitationSent }\n  }\n": types.CliResendInvitationDocument,
    "\n  mutation CliInviteCollaborator($input: InviteCollaboratorInput!) {\n    inviteCollaborator(input: $input) { __typename ...CliError ...CliInvitationSent }\n  }\n": types.CliInviteCollaboratorDocument,
    "\n  mutation CliLogin($login: String!, $password: String!) {\n    login(login: $login, password: $password) { __typename ...CliError ... on User { username } }\n  }\n": types.CliLoginDocument,
    "\n  mutation CliCreateApiToken($name: String!) {\n    createApiToken(name: $name) { __typename ...CliError ... on CreatedApiToken { token apiToken { id } } }\n  }\n": types.CliCreateApiTokenDocument,
    "\n  mutation CliLogout {\n    logout\n  }\n": types.CliLogoutDocument,
    "\n  mutation CliGrantPrivileges(\n    $db: ID!, $object: ObjectRef!, $grantee: String, $privileges: [String!]!, $grantOption: Boolean,\n    $schemaUsage: Boolean, $sequenceUsage: Boolean, $dryRun: Boolean\n  ) {\n    grantPrivileges(\n      databaseId: $db, object: $object, grantee: $grantee, privileges: $privileges, withGrantOption: $grantOption,\n      withSchemaUsage: $schemaUsage, withSequenceUsage: $sequenceUsage, dryRun: $dryRun\n    ) { __typename ...CliError ...CliChange }\n  }\n": types.CliGrantPrivilegesDocument,
    "\n  mutation CliRevokePrivileges(\n    $db: ID!, $object: ObjectRef!, $grantee: String, $privileges: [String!]!, $grantOptionOnly: Boolean,\n    $cascade: Boolean, $dryRun: Boolean\n  ) {\n    revokePrivileges(\n      databaseId: $db, object: $object, grantee: $grantee, privileges: $privileges,\n      grantOptionOnly: $grantOptionOnly, cascade: $cascade, dryRun: $dryRun\n    ) { __typename ...CliError ...CliChange }\n  }\n": types.CliRevokePrivilegesDocument,
    "\n  mutation CliTransferOwnership($db: ID!, $object: ObjectRef!, $newOwner: String!, $tables: [String!], $dryRun: Boolean) {\n    transferOwnership(databaseId: $db, object: $object, newOwner: $newOwner, tables: $tables, dryRun: $dryRun) {\n      __typename ...CliError ...CliChange\n    }\n  }\n": types.CliTransferOwnershipDocument,
    "\n  mutation CliSetRoleSetting($db: ID!, $role: String!, $name: String!, $value: String!, $inDatabase: Boolean, $dryRun: Boolean) {\n    setRoleSetting(databaseId: $db, role: $role, name: $name, value: $value, inDatabase: $inDatabase, dryRun: $dryRun) {\n      __typename ...CliError ...CliChange\n    }\n  }\n": types.CliSetRoleSettingDocument,
    "\n  mutation CliResetRoleSetting($db: ID!, $role: String!, $name: String!, $inDatabase: Boolean, $dryRun: Boolean) {\n    resetRoleSetting(databaseId: $db, role: $role, name: $name, inDatabase: $inDatabase, dryRun: $dryRun) {\n      __typename ...CliError ...CliChange\n    }\n  }\n": types.CliResetRoleSettingDocument,
    "\n  mutation CliSetRoleComment($db: ID!, $role: String!, $comment: String, $dryRun: Boolean) {\n    setRoleComment(databaseId: $db, role: $role, comment: $comment, dryRun: $dryRun) {\n      __typename ...CliError ...CliChange\n    }\n  }\n": types.CliSetRoleCommentDocument,
    "\n  query CliRoleDefinition($id: ID!, $name: String!) {\n    database(id: $id) {\n      __typename\n      ...CliError\n      ... on Database {\n        catalog { __typename ...CliError ... on DatabaseCatalog { role(name: $name) { definitionSql } } }\n      }\n    }\n  }\n": types.CliRoleDefinitionDocument,
    "\n  query CliRoles($id: ID!, $filter: RoleFilter, $first: Int) {\n    database(id: $id) {\n      __typename\n      ...CliError\n      ... on Database {\n        catalog {\n          __typename\n          ...CliError\n          ... on DatabaseCatalog {\n            rolesConnection(filter: $filter, first: $first) {\n              totalCount\n              nodes {\n                name canLogin isSuperuser createRole createDb inherit bypassRls replication isConfigured isPredefined\n                memberOf { admin role { name } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.CliRolesDocument,
    "\n  query CliDatabases {\n    databases { __typename ...CliError ... on QueryDatabasesConnection { nodes { id name viewerAccess server { host port } } } }\n  }\n": types.CliDatabasesDocument,
    "\n  query CliRoleOffers($id: ID!) {\n    database(id: $id) {\n      __typename\n      ...CliError\n      ... on Database {\n        viewerCapabilities { canManageCollaborators }\n        roleOffers {\n          __typename\n          ...CliError\n          ... on DatabaseRoleOffersConnection { nodes { mayGive refusalMessage configuredRole { id rolname } } }\n        }\n      }\n    }\n  }\n": types.CliRoleOffersDocument,
    "\n  subscription CliWatchEvents($databaseId: ID!, $after: BigCursor, $kinds: [String!]) {\n    events(databaseId: $databaseId, after: $after, kinds: $kinds) {\n      __typename cursor kind source createdAt databaseId serverId actingRole sql warnings actor { username }\n      burstId burstSize observedSince\n      ... on PrivilegeEvent {\n        object objectKind grantee grantees granted revoked grantOptionOnly cascade\n        aclChanges { grantee granted revoked grantOptionGranted grantOptionRevoked }\n      }\n      ... on MembershipEvent { role member grantor members added removed admin inherit set }\n      ... on RoleEvent { role newName login changes reassignTo otherDatabases }\n      ... on OwnershipEvent { object objectKind previousOwner newOwner tables }\n      ... on ObjectEvent { object objectKind owner }\n      ... on CollaboratorEvent { collaboratorId username role access invitationId }\n      ... on DatabaseEvent { database host port role sslMode }\n      ... on RoleConfigurationEvent { role assignable }\n      ... on UserEvent { username isAdmin changed }\n      ... on InvitationEvent { invitationId email access role status expiresAt username reason }\n    }\n  }\n": types.CliWatchEventsDocument,
    "\n  query CliLatestCursor($db: ID!) {\n    auditLog(databaseId: $db, first: 1) { __typename ...CliError ... on EventPage { events { cursor } } }\n  }\n": types.CliLatestCursorDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CliError on Error { code message }\n"): (typeof documents)["\n  fragment CliError on Error { code message }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CliChange on PermissionChange {\n    dryRun sql warnings eventId notes { code grantee object subjects grantor message fixOption }\n  }\n"): (typeof documents)["\n  fragment CliChange on PermissionChange {\n    dryRun sql warnings eventId notes { code grantee object subjects grantor message fixOption }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliCollaborators($id: ID!) {\n    database(id: $id) {\n      __typename\n      ...CliError\n      ... on Database {\n        collaborators { id access createdAt user { username email } role { rolname } }\n        invitations { id email access createdAt expiresAt role { rolname } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CliCollaborators($id: ID!) {\n    database(id: $id) {\n      __typename\n      ...CliError\n      ... on Database {\n        collaborators { id access createdAt user { username email } role { rolname } }\n        invitations { id email access createdAt expiresAt role { rolname } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliUsers {\n    users { __typename ...CliError ... on QueryUsersConnection { nodes { id username email } } }\n  }\n"): (typeof documents)["\n  query CliUsers {\n    users { __typename ...CliError ... on QueryUsersConnection { nodes { id username email } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliAddCollaborator($input: AddCollaboratorInput!) {\n    addCollaborator(input: $input) {\n      __typename\n      ...CliError\n      ... on Collaborator { id access user { username email } role { rolname } }\n    }\n  }\n"): (typeof documents)["\n  mutation CliAddCollaborator($input: AddCollaboratorInput!) {\n    addCollaborator(input: $input) {\n      __typename\n      ...CliError\n      ... on Collaborator { id access user { username email } role { rolname } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliRemoveCollaborator($id: ID!) {\n    removeCollaborator(id: $id) { __typename ...CliError ... on Removed { id } }\n  }\n"): (typeof documents)["\n  mutation CliRemoveCollaborator($id: ID!) {\n    removeCollaborator(id: $id) { __typename ...CliError ... on Removed { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliRevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) { __typename ...CliError ... on Invitation { id } }\n  }\n"): (typeof documents)["\n  mutation CliRevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) { __typename ...CliError ... on Invitation { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliDefaultPrivileges($id: ID!, $creator: String) {\n    database(id: $id) {\n      __typename\n      ...CliError\n      ... on Database {\n        catalog {\n          __typename\n          ...CliError\n          ... on DatabaseCatalog {\n            defaultPrivileges(creator: $creator) {\n              creator { name } schema objectKind grants { isPublic grantee { name } privileges grantable }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CliDefaultPrivileges($id: ID!, $creator: String) {\n    database(id: $id) {\n      __typename\n      ...CliError\n      ... on Database {\n        catalog {\n          __typename\n          ...CliError\n          ... on DatabaseCatalog {\n            defaultPrivileges(creator: $creator) {\n              creator { name } schema objectKind grants { isPublic grantee { name } privileges grantable }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliSetDefaultPrivileges(\n    $db: ID!, $creator: String, $schema: String, $kind: DefaultedObjectKind!, $grants: [DesiredDefaultGrantInput!]!,\n    $dryRun: Boolean\n  ) {\n    setDefaultPrivileges(\n      databaseId: $db, creator: $creator, schema: $schema, kind: $kind, grants: $grants, dryRun: $dryRun\n    ) { __typename ...CliError ...CliChange }\n  }\n"): (typeof documents)["\n  mutation CliSetDefaultPrivileges(\n    $db: ID!, $creator: String, $schema: String, $kind: DefaultedObjectKind!, $grants: [DesiredDefaultGrantInput!]!,\n    $dryRun: Boolean\n  ) {\n    setDefaultPrivileges(\n      databaseId: $db, creator: $creator, schema: $schema, kind: $kind, grants: $grants, dryRun: $dryRun\n    ) { __typename ...CliError ...CliChange }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliExplain($id: ID!, $object: ObjectRef!, $role: String!) {\n    database(id: $id) {\n      __typename\n      ...CliError\n      ... on Database {\n        catalog {\n          __typename\n          ...CliError\n          ... on DatabaseCatalog {\n            effectivePrivileges(object: $object, role: $role) {\n              __typename\n              ...CliError\n              ... on DatabaseCatalogEffectivePrivilegesConnection {\n                nodes { privilege held grantable sources { ...CliPrivilegeSource } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CliExplain($id: ID!, $object: ObjectRef!, $role: String!) {\n    database(id: $id) {\n      __typename\n      ...CliError\n      ... on Database {\n        catalog {\n          __typename\n          ...CliError\n          ... on DatabaseCatalog {\n            effectivePrivileges(object: $object, role: $role) {\n              __typename\n              ...CliError\n              ... on DatabaseCatalogEffectivePrivilegesConnection {\n                nodes { privilege held grantable sources { ...CliPrivilegeSource } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CliPrivilegeSource on PrivilegeSource { kind path grantable predefinedRole grantor { name } grantee { name } }\n"): (typeof documents)["\n  fragment CliPrivilegeSource on PrivilegeSource { kind path grantable predefinedRole grantor { name } grantee { name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CliInvitationSent on InvitationSent {\n    delivery acceptUrl invitation { id email status access expiresAt role { rolname } }\n  }\n"): (typeof documents)["\n  fragment CliInvitationSent on InvitationSent {\n    delivery acceptUrl invitation { id email status access expiresAt role { rolname } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliPendingInvitations($id: ID!) {\n    database(id: $id) { __typename ...CliError ... on Database { invitations(statuses: [PENDING, EXPIRED]) { id email } } }\n  }\n"): (typeof documents)["\n  query CliPendingInvitations($id: ID!) {\n    database(id: $id) { __typename ...CliError ... on Database { invitations(statuses: [PENDING, EXPIRED]) { id email } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliResendInvitation($id: ID!) {\n    resendInvitation(id: $id) { __typename ...CliError ...CliInvitationSent }\n  }\n"): (typeof documents)["\n  mutation CliResendInvitation($id: ID!) {\n    resendInvitation(id: $id) { __typename ...CliError ...CliInvitationSent }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliInviteCollaborator($input: InviteCollaboratorInput!) {\n    inviteCollaborator(input: $input) { __typename ...CliError ...CliInvitationSent }\n  }\n"): (typeof documents)["\n  mutation CliInviteCollaborator($input: InviteCollaboratorInput!) {\n    inviteCollaborator(input: $input) { __typename ...CliError ...CliInvitationSent }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliLogin($login: String!, $password: String!) {\n    login(login: $login, password: $password) { __typename ...CliError ... on User { username } }\n  }\n"): (typeof documents)["\n  mutation CliLogin($login: String!, $password: String!) {\n    login(login: $login, password: $password) { __typename ...CliError ... on User { username } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliCreateApiToken($name: String!) {\n    createApiToken(name: $name) { __typename ...CliError ... on CreatedApiToken { token apiToken { id } } }\n  }\n"): (typeof documents)["\n  mutation CliCreateApiToken($name: String!) {\n    createApiToken(name: $name) { __typename ...CliError ... on CreatedApiToken { token apiToken { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliLogout {\n    logout\n  }\n"): (typeof documents)["\n  mutation CliLogout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliGrantPrivileges(\n    $db: ID!, $object: ObjectRef!, $grantee: String, $privileges: [String!]!, $grantOption: Boolean,\n    $schemaUsage: Boolean, $sequenceUsage: Boolean, $dryRun: Boolean\n  ) {\n    grantPrivileges(\n      databaseId: $db, object: $object, grantee: $grantee, privileges: $privileges, withGrantOption: $grantOption,\n      withSchemaUsage: $schemaUsage, withSequenceUsage: $sequenceUsage, dryRun: $dryRun\n    ) { __typename ...CliError ...CliChange }\n  }\n"): (typeof documents)["\n  mutation CliGrantPrivileges(\n    $db: ID!, $object: ObjectRef!, $grantee: String, $privileges: [String!]!, $grantOption: Boolean,\n    $schemaUsage: Boolean, $sequenceUsage: Boolean, $dryRun: Boolean\n  ) {\n    grantPrivileges(\n      databaseId: $db, object: $object, grantee: $grantee, privileges: $privileges, withGrantOption: $grantOption,\n      withSchemaUsage: $schemaUsage, withSequenceUsage: $sequenceUsage, dryRun: $dryRun\n    ) { __typename ...CliError ...CliChange }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliRevokePrivileges(\n    $db: ID!, $object: ObjectRef!, $grantee: String, $privileges: [String!]!, $grantOptionOnly: Boolean,\n    $cascade: Boolean, $dryRun: Boolean\n  ) {\n    revokePrivileges(\n      databaseId: $db, object: $object, grantee: $grantee, privileges: $privileges,\n      grantOptionOnly: $grantOptionOnly, cascade: $cascade, dryRun: $dryRun\n    ) { __typename ...CliError ...CliChange }\n  }\n"): (typeof documents)["\n  mutation CliRevokePrivileges(\n    $db: ID!, $object: ObjectRef!, $grantee: String, $privileges: [String!]!, $grantOptionOnly: Boolean,\n    $cascade: Boolean, $dryRun: Boolean\n  ) {\n    revokePrivileges(\n      databaseId: $db, object: $object, grantee: $grantee, privileges: $privileges,\n      grantOptionOnly: $grantOptionOnly, cascade: $cascade, dryRun: $dryRun\n    ) { __typename ...CliError ...CliChange }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliTransferOwnership($db: ID!, $object: ObjectRef!, $newOwner: String!, $tables: [String!], $dryRun: Boolean) {\n    transferOwnership(databaseId: $db, object: $object, newOwner: $newOwner, tables: $tables, dryRun: $dryRun) {\n      __typename ...CliError ...CliChange\n    }\n  }\n"): (typeof documents)["\n  mutation CliTransferOwnership($db: ID!, $object: ObjectRef!, $newOwner: String!, $tables: [String!], $dryRun: Boolean) {\n    transferOwnership(databaseId: $db, object: $object, newOwner: $newOwner, tables: $tables, dryRun: $dryRun) {\n      __typename ...CliError ...CliChange\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliSetRoleSetting($db: ID!, $role: String!, $name: String!, $value: String!, $inDatabase: Boolean, $dryRun: Boolean) {\n    setRoleSetting(databaseId: $db, role: $role, name: $name, value: $value, inDatabase: $inDatabase, dryRun: $dryRun) {\n      __typename ...CliError ...CliChange\n    }\n  }\n"): (typeof documents)["\n  mutation CliSetRoleSetting($db: ID!, $role: String!, $name: String!, $value: String!, $inDatabase: Boolean, $dryRun: Boolean) {\n    setRoleSetting(databaseId: $db, role: $role, name: $name, value: $value, inDatabase: $inDatabase, dryRun: $dryRun) {\n      __typename ...CliError ...CliChange\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliResetRoleSetting($db: ID!, $role: String!, $name: String!, $inDatabase: Boolean, $dryRun: Boolean) {\n    resetRoleSetting(databaseId: $db, role: $role, name: $name, inDatabase: $inDatabase, dryRun: $dryRun) {\n      __typename ...CliError ...CliChange\n    }\n  }\n"): (typeof documents)["\n  mutation CliResetRoleSetting($db: ID!, $role: String!, $name: String!, $inDatabase: Boolean, $dryRun: Boolean) {\n    resetRoleSetting(databaseId: $db, role: $role, name: $name, inDatabase: $inDatabase, dryRun: $dryRun) {\n      __typename ...CliError ...CliChange\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliSetRoleComment($db: ID!, $role: String!, $comment: String, $dryRun: Boolean) {\n    setRoleComment(databaseId: $db, role: $role, comment: $comment, dryRun: $dryRun) {\n      __typename ...CliError ...CliChange\n    }\n  }\n"): (typeof documents)["\n  mutation CliSetRoleComment($db: ID!, $role: String!, $comment: String, $dryRun: Boolean) {\n    setRoleComment(databaseId: $db, role: $role, comment: $comment, dryRun: $dryRun) {\n      __typename ...CliError ...CliChange\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliRoleDefinition($id: ID!, $name: String!) {\n    database(id: $id) {\n      __typename\n      ...CliError\n      ... on Database {\n        catalog { __typename ...CliError ... on DatabaseCatalog { role(name: $name) { definitionSql } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CliRoleDefinition($id: ID!, $name: String!) {\n    database(id: $id) {\n      __typename\n      ...CliError\n      ... on Database {\n        catalog { __typename ...CliError ... on DatabaseCatalog { role(name: $name) { definitionSql } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliRoles($id: ID!, $filter: RoleFilter, $first: Int) {\n    database(id: $id) {\n      __typename\n      ...CliError\n      ... on Database {\n        catalog {\n          __typename\n          ...CliError\n          ... on DatabaseCatalog {\n            rolesConnection(filter: $filter, first: $first) {\n              totalCount\n              nodes {\n                name canLogin isSuperuser createRole createDb inherit bypassRls replication isConfigured isPredefined\n                memberOf { admin role { name } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CliRoles($id: ID!, $filter: RoleFilter, $first: Int) {\n    database(id: $id) {\n      __typename\n      ...CliError\n      ... on Database {\n        catalog {\n          __typename\n          ...CliError\n          ... on DatabaseCatalog {\n            rolesConnection(filter: $filter, first: $first) {\n              totalCount\n              nodes {\n                name canLogin isSuperuser createRole createDb inherit bypassRls replication isConfigured isPredefined\n                memberOf { admin role { name } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliDatabases {\n    databases { __typename ...CliError ... on QueryDatabasesConnection { nodes { id name viewerAccess server { host port } } } }\n  }\n"): (typeof documents)["\n  query CliDatabases {\n    databases { __typename ...CliError ... on QueryDatabasesConnection { nodes { id name viewerAccess server { host port } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliRoleOffers($id: ID!) {\n    database(id: $id) {\n      __typename\n      ...CliError\n      ... on Database {\n        viewerCapabilities { canManageCollaborators }\n        roleOffers {\n          __typename\n          ...CliError\n          ... on DatabaseRoleOffersConnection { nodes { mayGive refusalMessage configuredRole { id rolname } } }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CliRoleOffers($id: ID!) {\n    database(id: $id) {\n      __typename\n      ...CliError\n      ... on Database {\n        viewerCapabilities { canManageCollaborators }\n        roleOffers {\n          __typename\n          ...CliError\n          ... on DatabaseRoleOffersConnection { nodes { mayGive refusalMessage configuredRole { id rolname } } }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CliWatchEvents($databaseId: ID!, $after: BigCursor, $kinds: [String!]) {\n    events(databaseId: $databaseId, after: $after, kinds: $kinds) {\n      __typename cursor kind source createdAt databaseId serverId actingRole sql warnings actor { username }\n      burstId burstSize observedSince\n      ... on PrivilegeEvent {\n        object objectKind grantee grantees granted revoked grantOptionOnly cascade\n        aclChanges { grantee granted revoked grantOptionGranted grantOptionRevoked }\n      }\n      ... on MembershipEvent { role member grantor members added removed admin inherit set }\n      ... on RoleEvent { role newName login changes reassignTo otherDatabases }\n      ... on OwnershipEvent { object objectKind previousOwner newOwner tables }\n      ... on ObjectEvent { object objectKind owner }\n      ... on CollaboratorEvent { collaboratorId username role access invitationId }\n      ... on DatabaseEvent { database host port role sslMode }\n      ... on RoleConfigurationEvent { role assignable }\n      ... on UserEvent { username isAdmin changed }\n      ... on InvitationEvent { invitationId email access role status expiresAt username reason }\n    }\n  }\n"): (typeof documents)["\n  subscription CliWatchEvents($databaseId: ID!, $after: BigCursor, $kinds: [String!]) {\n    events(databaseId: $databaseId, after: $after, kinds: $kinds) {\n      __typename cursor kind source createdAt databaseId serverId actingRole sql warnings actor { username }\n      burstId burstSize observedSince\n      ... on PrivilegeEvent {\n        object objectKind grantee grantees granted revoked grantOptionOnly cascade\n        aclChanges { grantee granted revoked grantOptionGranted grantOptionRevoked }\n      }\n      ... on MembershipEvent { role member grantor members added removed admin inherit set }\n      ... on RoleEvent { role newName login changes reassignTo otherDatabases }\n      ... on OwnershipEvent { object objectKind previousOwner newOwner tables }\n      ... on ObjectEvent { object objectKind owner }\n      ... on CollaboratorEvent { collaboratorId username role access invitationId }\n      ... on DatabaseEvent { database host port role sslMode }\n      ... on RoleConfigurationEvent { role assignable }\n      ... on UserEvent { username isAdmin changed }\n      ... on InvitationEvent { invitationId email access role status expiresAt username reason }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliLatestCursor($db: ID!) {\n    auditLog(databaseId: $db, first: 1) { __typename ...CliError ... on EventPage { events { cursor } } }\n  }\n"): (typeof documents)["\n  query CliLatestCursor($db: ID!) {\n    auditLog(databaseId: $db, first: 1) { __typename ...CliError ... on EventPage { events { cursor } } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;