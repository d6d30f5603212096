/* eslint-disable */
import * as types from './graphql';
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
    "\n  subscription LiveEvents($databaseId: ID, $kinds: [String!], $after: BigCursor) {\n    events(databaseId: $databaseId, kinds: $kinds, after: $after) {\n      __typename\n      cursor\n      kind\n      source\n      createdAt\n      actor { username }\n      ... on PrivilegeEvent { object grantee granted revoked }\n      ... on MembershipEvent { role member }\n      ... on RoleEvent { role newName }\n      ... on OwnershipEvent { object newOwner }\n      ... on CollaboratorEvent { username }\n      ... on ObjectEvent { object }\n      ... on DatabaseEvent { database }\n      ... on UserEvent { username }\n      ... on InvitationEvent { email status }\n    }\n  }\n": typeof types.LiveEventsDocument,
    "\n  query LatestCursor {\n    auditLog(first: 1) { __typename ... on EventPage { events { cursor } } }\n  }\n": typeof types.LatestCursorDocument,
    "\n  query Viewer {\n    setupRequired\n    viewer { id username isAdmin }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query Account {\n    viewer { username email emailVerified isAdmin }\n    canSendEmail\n    apiTokens { __typename ... on QueryApiTokensSuccess { data { id name createdAt lastUsedAt revokedAt } } }\n  }\n": typeof types.AccountDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { __typename ... on Error { message } }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation CreateApiToken($name: String!) {\n    createApiToken(name: $name) { __typename ... on Error { message } ... on CreatedApiToken { token } }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) { __typename ... on Error { message } }\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  mutation RequestEmailVerification {\n    requestEmailVerification { __typename ... on Error { message } ... on EmailVerificationSent { email expiresAt } }\n  }\n": typeof types.RequestEmailVerificationDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) { __typename ... on Error { message } ... on User { email emailVerified } }\n  }\n": typeof types.VerifyEmailDocument,
    "\n  query Activity($id: ID!, $first: Int, $after: BigCursor, $kinds: [String!], $actorId: ID) {\n    auditLog(databaseId: $id, first: $first, after: $after, kinds: $kinds, actorId: $actorId) {\n      __typename\n      ... on Error { message }\n      ... on EventPage {\n        nextCursor\n        events { cursor kind source createdAt sql actingRole actor { id username } warnings }\n      }\n    }\n  }\n": typeof types.ActivityDocument,
    "\n  query Collaborators($id: ID!) {\n    viewer { id isAdmin }\n    users { __typename ... on QueryUsersSuccess { data { id username email isActive } } }\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        collaborators { id access createdAt user { id username email isAdmin } role { id rolname } }\n        roleOffers {\n          __typename\n          ... on Error { message }\n          ... on DatabaseRoleOffersSuccess { data { ...RoleOfferFields } }\n        }\n      }\n    }\n  }\n": typeof types.CollaboratorsDocument,
    "\n  mutation AddCollaborator($input: AddCollaboratorInput!) {\n    addCollaborator(input: $input) { __typename ... on Error { message } }\n  }\n": typeof types.AddCollaboratorDocument,
    "\n  mutation UpdateCollaborator($id: ID!, $input: UpdateCollaboratorInput!) {\n    updateCollaborator(id: $id, input: $input) { __typename ... on Error { message } }\n  }\n": typeof types.UpdateCollaboratorDocument,
    "\n  mutation RemoveCollaborator($id: ID!) {\n    removeCollaborator(id: $id) { __typename ... on Error { message } }\n  }\n": typeof types.RemoveCollaboratorDocument,
    "\n  mutation LeaveDatabase($databaseId: ID!) {\n    leaveDatabase(databaseId: $databaseId) { __typename ... on Error { message } }\n  }\n": typeof types.LeaveDatabaseDocument,
    "\n  query DatabaseHeader($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        id\n        name\n        viewerAccess\n        server { host port }\n        changesWatched\n        unwatchedReason\n        viewerCapabilities {\n          canManageCollaborators canConfigureRoles canReadCatalog canLeave canDisconnect canChangeOwnCollaboration\n        }\n      }\n    }\n  }\n": typeof types.DatabaseHeaderDocument,
    "\n  query Explain($id: ID!, $role: String!, $object: ObjectRef!) {\n    database(id: $id) {\n      ... on Database {\n        catalog {\n          ... on DatabaseCatalog {\n            effectivePrivileges(role: $role, object: $object) {\n              __typename\n              ... on Error { message }\n              ... on DatabaseCatalogEffectivePrivilegesSuccess {\n                data { privilege held grantable sources { kind path predefinedRole grantee { name } grantor { name } } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ExplainDocument,
    "\n  query PendingInvitations($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        invitations { id email access status createdAt expiresAt invitedBy { username } role { id rolname } }\n      }\n    }\n  }\n": typeof types.PendingInvitationsDocument,
    "\n  mutation InviteCollaborator($input: InviteCollaboratorInput!) {\n    inviteCollaborator(input: $input) { __typename ... on Error { message } ... on InvitationSent { delivery acceptUrl } }\n  }\n": typeof types.InviteCollaboratorDocument,
    "\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) { __typename ... on Error { message } ... on InvitationSent { delivery acceptUrl } }\n  }\n": typeof types.ResendInvitationDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) { __typename ... on Error { message } }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  query Overview($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            privilegesByKind { kind privileges }\n            roles { name isPredefined }\n            viewerRole { role { name } databasePrivileges canCreateSchemas }\n            database { ...Securable name }\n            schemas {\n              ...Securable\n              name\n              tables { ...Securable schema name tableKind }\n            }\n          }\n        }\n      }\n    }\n  }\n  fragment Securable on SecurableObject {\n    kind\n    owner { name }\n    aclIsDefault\n    grants { isPublic grantee { name } privileges grantable preset }\n    viewerCan { changePrivileges grantablePrivileges transferOwnership reason }\n  }\n": typeof types.OverviewDocument,
    "\n  mutation CreateSchema($databaseId: ID!, $name: String!, $owner: String, $dryRun: Boolean) {\n    createSchema(databaseId: $databaseId, name: $name, owner: $owner, dryRun: $dryRun) {\n      __typename\n      ... on Error { message }\n      ... on PermissionChange { sql warnings }\n    }\n  }\n": typeof types.CreateSchemaDocument,
    "\n  mutation SetPrivileges($databaseId: ID!, $object: ObjectRef!, $grants: [DesiredGrantInput!]!, $dryRun: Boolean) {\n    setPrivileges(databaseId: $databaseId, object: $object, grants: $grants, dryRun: $dryRun) {\n      __typename\n      ... on Error { message }\n      ... on PermissionChange { sql warnings }\n    }\n  }\n": typeof types.SetPrivilegesDocument,
    "\n  mutation TransferOwnership($databaseId: ID!, $object: ObjectRef!, $newOwner: String!, $tables: [String!], $dryRun: Boolean) {\n    transferOwnership(databaseId: $databaseId, object: $object, newOwner: $newOwner, tables: $tables, dryRun: $dryRun) {\n      __typename\n      ... on Error { message }\n      ... on PermissionChange { sql warnings }\n    }\n  }\n": typeof types.TransferOwnershipDocument,
    "\n  query LoginRoles($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        loginRoles {\n          __typename\n          ... on Error { message }\n          ... on DatabaseLoginRolesSuccess { data { rolname isSuperuser isConfigured configuredRole { id verifiedAt } } }\n        }\n        roleOffers {\n          __typename\n          ... on Error { message }\n          ... on DatabaseRoleOffersSuccess { data { ...RoleOfferFields } }\n        }\n      }\n    }\n  }\n": typeof types.LoginRolesDocument,
    "\n  mutation ConfigureRole($databaseId: ID!, $role: String!, $password: String!) {\n    configureRole(databaseId: $databaseId, role: $role, password: $password) { __typename ... on Error { message } }\n  }\n": typeof types.ConfigureRoleDocument,
    "\n  mutation SetRoleAssignable($databaseId: ID!, $configuredRoleId: ID!, $assignable: Boolean!) {\n    setRoleAssignable(databaseId: $databaseId, configuredRoleId: $configuredRoleId, assignable: $assignable) {\n      __typename\n      ... on Error { message }\n      ... on RoleOffer { markedAssignable }\n    }\n  }\n": typeof types.SetRoleAssignableDocument,
    "\n  mutation RemoveConfiguredRole($id: ID!) {\n    removeConfiguredRole(id: $id) { __typename ... on Error { message } }\n  }\n": typeof types.RemoveConfiguredRoleDocument,
    "\n  fragment RoleOfferFields on RoleOffer { mayGive refusal refusalMessage markedAssignable configuredRole { id rolname } }\n": typeof types.RoleOfferFieldsFragmentDoc,
    "\n  query Roles($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            membershipOptionsPerGrant\n            viewerRole { canCreateRoles role { name isSuperuser createDb } }\n            roles {\n              name canLogin isSuperuser inherit createRole createDb replication bypassRls connectionLimit validUntil\n              isPredefined isConfigured\n              members { member { name } admin inherit set }\n              viewerCan {\n                alter alterReason rename renameReason drop dropReason manageMembers manageMembersReason\n                setPassword setPasswordReason lockedAttributes { attribute reason }\n              }\n            }\n            schemas { name tables { schema name } }\n          }\n        }\n      }\n    }\n  }\n": typeof types.RolesDocument,
    "\n  mutation CreateRole($databaseId: ID!, $input: CreateRoleInput!, $dryRun: Boolean) {\n    createRole(databaseId: $databaseId, input: $input, dryRun: $dryRun) { __typename ... on Error { message } ... on PermissionChange { sql warnings } }\n  }\n": typeof types.CreateRoleDocument,
    "\n  mutation AlterRole($databaseId: ID!, $name: String!, $attributes: RoleAttributesInput!, $dryRun: Boolean) {\n    alterRole(databaseId: $databaseId, name: $name, attributes: $attributes, dryRun: $dryRun) { __typename ... on Error { message } ... on PermissionChange { sql warnings } }\n  }\n": typeof types.AlterRoleDocument,
    "\n  mutation RenameRole($databaseId: ID!, $name: String!, $newName: String!, $dryRun: Boolean) {\n    renameRole(databaseId: $databaseId, name: $name, newName: $newName, dryRun: $dryRun) { __typename ... on Error { message } ... on PermissionChange { sql warnings } }\n  }\n": typeof types.RenameRoleDocument,
    "\n  mutation SetRolePassword($databaseId: ID!, $name: String!, $password: String!, $dryRun: Boolean) {\n    setRolePassword(databaseId: $databaseId, name: $name, password: $password, dryRun: $dryRun) { __typename ... on Error { message } ... on PermissionChange { sql warnings } }\n  }\n": typeof types.SetRolePasswordDocument,
    "\n  mutation DropRole($databaseId: ID!, $name: String!, $reassignTo: String, $dryRun: Boolean) {\n    dropRole(databaseId: $databaseId, name: $name, reassignTo: $reassignTo, dryRun: $dryRun) { __typename ... on Error { message } ... on PermissionChange { sql warnings } }\n  }\n": typeof types.DropRoleDocument,
    "\n  mutation SetGroupMembers($databaseId: ID!, $role: String!, $members: [MembershipInput!]!, $dryRun: Boolean) {\n    setGroupMembers(databaseId: $databaseId, role: $role, members: $members, dryRun: $dryRun) { __typename ... on Error { message } ... on PermissionChange { sql warnings } }\n  }\n": typeof types.SetGroupMembersDocument,
    "\n  query RoleDependencies($id: ID!, $name: String!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog { role(name: $name) { name dependencies { database owned privileges } } }\n        }\n      }\n    }\n  }\n": typeof types.RoleDependenciesDocument,
    "\n  query Databases {\n    viewer { isAdmin }\n    databases {\n      __typename\n      ... on Error { message }\n      ... on QueryDatabasesSuccess {\n        data { id name viewerAccess viewerRoleName server { host port isDemo sslMode } viewerCapabilities { canDisconnect } }\n      }\n    }\n    demoDatabase { host port database role }\n  }\n": typeof types.DatabasesDocument,
    "\n  mutation ConnectDatabase($input: ConnectDatabaseInput!) {\n    connectDatabase(input: $input) { __typename ... on Error { message } ... on Database { id } }\n  }\n": typeof types.ConnectDatabaseDocument,
    "\n  mutation TestConnection($input: ConnectDatabaseInput!) {\n    testConnection(input: $input) { __typename ... on Error { message } ... on ConnectionTest { currentUser } }\n  }\n": typeof types.TestConnectionDocument,
    "\n  mutation DisconnectDatabase($id: ID!) {\n    disconnectDatabase(id: $id) { __typename ... on Error { message } }\n  }\n": typeof types.DisconnectDatabaseDocument,
    "\n  mutation AcceptInvitation($token: String!, $newAccount: NewAccountInput) {\n    acceptInvitation(token: $token, newAccount: $newAccount) { __typename ... on Error { message } ... on Collaborator { database { id name } } }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  query MyInvitations {\n    myInvitations { __typename ... on QueryMyInvitationsSuccess { data { id databaseName access status expiresAt role { rolname } invitedBy { username } } } }\n  }\n": typeof types.MyInvitationsDocument,
    "\n  mutation AcceptMyInvitation($id: ID!) {\n    acceptMyInvitation(id: $id) { __typename ... on Error { message } }\n  }\n": typeof types.AcceptMyInvitationDocument,
    "\n  mutation DeclineInvitation($id: ID!) {\n    declineInvitation(id: $id) { __typename ... on Error { message } }\n  }\n": typeof types.DeclineInvitationDocument,
    "\n  mutation Setup($input: SetupInput!) {\n    setup(input: $input) { __typename ... on Error { message } }\n  }\n": typeof types.SetupDocument,
    "\n  mutation Login($login: String!, $password: String!) {\n    login(login: $login, password: $password) { __typename ... on Error { message } }\n  }\n": typeof types.LoginDocument,
    "\n  query Users {\n    users { __typename ... on Error { message } ... on QueryUsersSuccess { data { id username email emailVerified displayName isAdmin isActive } } }\n  }\n": typeof types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) { __typename ... on Error { message } }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) { __typename ... on Error { message } }\n  }\n": typeof types.UpdateUserDocument,
};
const documents: Documents = {
    "\n  subscription LiveEvents($databaseId: ID, $kinds: [String!], $after: BigCursor) {\n    events(databaseId: $databaseId, kinds: $kinds, after: $after) {\n      __typename\n      cursor\n      kind\n      source\n      createdAt\n      actor { username }\n      ... on PrivilegeEvent { object grantee granted revoked }\n      ... on MembershipEvent { role member }\n      ... on RoleEvent { role newName }\n      ... on OwnershipEvent { object newOwner }\n      ... on CollaboratorEvent { username }\n      ... on ObjectEvent { object }\n      ... on DatabaseEvent { database }\n      ... on UserEvent { username }\n      ... on InvitationEvent { email status }\n    }\n  }\n": types.LiveEventsDocument,
    "\n  query LatestCursor {\n    auditLog(first: 1) { __typename ... on EventPage { events { cursor } } }\n  }\n": types.LatestCursorDocument,
    "\n  query Viewer {\n    setupRequired\n    viewer { id username isAdmin }\n  }\n": types.ViewerDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query Account {\n    viewer { username email emailVerified isAdmin }\n    canSendEmail\n    apiTokens { __typename ... on QueryApiTokensSuccess { data { id name createdAt lastUsedAt revokedAt } } }\n  }\n": types.AccountDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { __typename ... on Error { message } }\n  }\n": types.ChangePasswordDocument,
    "\n  mutation CreateApiToken($name: String!) {\n    createApiToken(name: $name) { __typename ... on Error { message } ... on CreatedApiToken { token } }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) { __typename ... on Error { message } }\n  }\n": types.RevokeApiTokenDocument,
    "\n  mutation RequestEmailVerification {\n    requestEmailVerification { __typename ... on Error { message } ... on EmailVerificationSent { email expiresAt } }\n  }\n": types.RequestEmailVerificationDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) { __typename ... on Error { message } ... on User { email emailVerified } }\n  }\n": types.VerifyEmailDocument,
    "\n  query Activity($id: ID!, $first: Int, $after: BigCursor, $kinds: [String!], $actorId: ID) {\n    auditLog(databaseId: $id, first: $first, after: $after, kinds: $kinds, actorId: $actorId) {\n      __typename\n      ... on Error { message }\n      ... on EventPage {\n        nextCursor\n        events { cursor kind source createdAt sql actingRole actor { id username } warnings }\n      }\n    }\n  }\n": types.ActivityDocument,
    "\n  query Collaborators($id: ID!) {\n    viewer { id isAdmin }\n    users { __typename ... on QueryUsersSuccess { data { id username email isActive } } }\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        collaborators { id access createdAt user { id username email isAdmin } role { id rolname } }\n        roleOffers {\n          __typename\n          ... on Error { message }\n          ... on DatabaseRoleOffersSuccess { data { ...RoleOfferFields } }\n        }\n      }\n    }\n  }\n": types.CollaboratorsDocument,
    "\n  mutation AddCollaborator($input: AddCollaboratorInput!) {\n    addCollaborator(input: $input) { __typename ... on Error { message } }\n  }\n": types.AddCollaboratorDocument,
    "\n  mutation UpdateCollaborator($id: ID!, $input: UpdateCollaboratorInput!) {\n    updateCollaborator(id: $id, input: $input) { __typename ... on Error { message } }\n  }\n": types.UpdateCollaboratorDocument,
    "\n  mutation RemoveCollaborator($id: ID!) {\n    removeCollaborator(id: $id) { __typename ... on Error { message } }\n  }\n": types.RemoveCollaboratorDocument,
    "\n  mutation LeaveDatabase($databaseId: ID!) {\n    leaveDatabase(databaseId: $databaseId) { __typename ... on Error { message } }\n  }\n": types.LeaveDatabaseDocument,
    "\n  query DatabaseHeader($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        id\n        name\n        viewerAccess\n        server { host port }\n        changesWatched\n        unwatchedReason\n        viewerCapabilities {\n          canManageCollaborators canConfigureRoles canReadCatalog canLeave canDisconnect canChangeOwnCollaboration\n        }\n      }\n    }\n  }\n": types.DatabaseHeaderDocument,
    "\n  query Explain($id: ID!, $role: String!, $object: ObjectRef!) {\n    database(id: $id) {\n      ... on Database {\n        catalog {\n          ... on DatabaseCatalog {\n            effectivePrivileges(role: $role, object: $object) {\n              __typename\n              ... on Error { message }\n              ... on DatabaseCatalogEffectivePrivilegesSuccess {\n                data { privilege held grantable sources { kind path predefinedRole grantee { name } grantor { name } } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ExplainDocument,
    "\n  query PendingInvitations($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        invitations { id email access status createdAt expiresAt invitedBy { username } role { id rolname } }\n      }\n    }\n  }\n": types.PendingInvitationsDocument,
    "\n  mutation InviteCollaborator($input: InviteCollaboratorInput!) {\n    inviteCollaborator(input: $input) { __typename ... on Error { message } ... on InvitationSent { delivery acceptUrl } }\n  }\n": types.InviteCollaboratorDocument,
    "\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) { __typename ... on Error { message } ... on InvitationSent { delivery acceptUrl } }\n  }\n": types.ResendInvitationDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) { __typename ... on Error { message } }\n  }\n": types.RevokeInvitationDocument,
    "\n  query Overview($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            privilegesByKind { kind privileges }\n            roles { name isPredefined }\n            viewerRole { role { name } databasePrivileges canCreateSchemas }\n            database { ...Securable name }\n            schemas {\n              ...Securable\n              name\n              tables { ...Securable schema name tableKind }\n            }\n          }\n        }\n      }\n    }\n  }\n  fragment Securable on SecurableObject {\n    kind\n    owner { name }\n    aclIsDefault\n    grants { isPublic grantee { name } privileges grantable preset }\n    viewerCan { changePrivileges grantablePrivileges transferOwnership reason }\n  }\n": types.OverviewDocument,
    "\n  mutation CreateSchema($databaseId: ID!, $name: String!, $owner: String, $dryRun: Boolean) {\n    createSchema(databaseId: $databaseId, name: $name, owner: $owner, dryRun: $dryRun) {\n      __typename\n      ... on Error { message }\n      ... on PermissionChange { sql warnings }\n    }\n  }\n": types.CreateSchemaDocument,
    "\n  mutation SetPrivileges($databaseId: ID!, $object: ObjectRef!, $grants: [DesiredGrantInput!]!, $dryRun: Boolean) {\n    setPrivileges(databaseId: $databaseId, object: $object, grants: $grants, dryRun: $dryRun) {\n      __typename\n      ... on Error { message }\n      ... on PermissionChange { sql warnings }\n    }\n  }\n": types.SetPrivilegesDocument,
    "\n  mutation TransferOwnership($databaseId: ID!, $object: ObjectRef!, $newOwner: String!, $tables: [String!], $dryRun: Boolean) {\n    transferOwnership(databaseId: $databaseId, object: $object, newOwner: $newOwner, tables: $tables, dryRun: $dryRun) {\n      __typename\n      ... on Error { message }\n      ... on PermissionChange { sql warnings }\n    }\n  }\n": types.TransferOwnershipDocument,
    "\n  query LoginRoles($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        loginRoles {\n          __typename\n          ... on Error { message }\n          ... on DatabaseLoginRolesSuccess { data { rolname isSuperuser isConfigured configuredRole { id verifiedAt } } }\n        }\n        roleOffers {\n          __typename\n          ... on Error { message }\n          ... on DatabaseRoleOffersSuccess { data { ...RoleOfferFields } }\n        }\n      }\n    }\n  }\n": types.LoginRolesDocument,
    "\n  mutation ConfigureRole($databaseId: ID!, $role: String!, $password: String!) {\n    configureRole(databaseId: $databaseId, role: $role, password: $password) { __typename ... on Error { message } }\n  }\n": types.ConfigureRoleDocument,
    "\n  mutation SetRoleAssignable($databaseId: ID!, $configuredRoleId: ID!, $assignable: Boolean!) {\n    setRoleAssignable(databaseId: $databaseId, configuredRoleId: $configuredRoleId, assignable: $assignable) {\n      __typename\n      ... on Error { message }\n      ... on RoleOffer { markedAssignable }\n    }\n  }\n": types.SetRoleAssignableDocument,
    "\n  mutation RemoveConfiguredRole($id: ID!) {\n    removeConfiguredRole(id: $id) { __typename ... on Error { message } }\n  }\n": types.RemoveConfiguredRoleDocument,
    "\n  fragment RoleOfferFields on RoleOffer { mayGive refusal refusalMessage markedAssignable configuredRole { id rolname } }\n": types.RoleOfferFieldsFragmentDoc,
    "\n  query Roles($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            membershipOptionsPerGrant\n            viewerRole { canCreateRoles role { name isSuperuser createDb } }\n            roles {\n              name canLogin isSuperuser inherit createRole createDb replication bypassRls connectionLimit validUntil\n              isPredefined isConfigured\n              members { member { name } admin inherit set }\n              viewerCan {\n                alter alterReason rename renameReason drop dropReason manageMembers manageMembersReason\n                setPassword setPasswordReason lockedAttributes { attribute reason }\n              }\n            }\n            schemas { name tables { schema name } }\n          }\n        }\n      }\n    }\n  }\n": types.RolesDocument,
    "\n  mutation CreateRole($databaseId: ID!, $input: CreateRoleInput!, $dryRun: Boolean) {\n    createRole(databaseId: $databaseId, input: $input, dryRun: $dryRun) { __typename ... on Error { message } ... on PermissionChange { sql warnings } }\n  }\n": types.CreateRoleDocument,
    "\n  mutation AlterRole($databaseId: ID!, $name: String!, $attributes: RoleAttributesInput!, $dryRun: Boolean) {\n    alterRole(databaseId: $databaseId, name: $name, attributes: $attributes, dryRun: $dryRun) { __typename ... on Error { message } ... on PermissionChange { sql warnings } }\n  }\n": types.AlterRoleDocument,
    "\n  mutation RenameRole($databaseId: ID!, $name: String!, $newName: String!, $dryRun: Boolean) {\n    renameRole(databaseId: $databaseId, name: $name, newName: $newName, dryRun: $dryRun) { __typename ... on Error { message } ... on PermissionChange { sql warnings } }\n  }\n": types.RenameRoleDocument,
    "\n  mutation SetRolePassword($databaseId: ID!, $name: String!, $password: String!, $dryRun: Boolean) {\n    setRolePassword(databaseId: $databaseId, name: $name, password: $password, dryRun: $dryRun) { __typename ... on Error { message } ... on PermissionChange { sql warnings } }\n  }\n": types.SetRolePasswordDocument,
    "\n  mutation DropRole($databaseId: ID!, $name: String!, $reassignTo: String, $dryRun: Boolean) {\n    dropRole(databaseId: $databaseId, name: $name, reassignTo: $reassignTo, dryRun: $dryRun) { __typename ... on Error { message } ... on PermissionChange { sql warnings } }\n  }\n": types.DropRoleDocument,
    "\n  mutation SetGroupMembers($databaseId: ID!, $role: String!, $members: [MembershipInput!]!, $dryRun: Boolean) {\n    setGroupMembers(databaseId: $databaseId, role: $role, members: $members, dryRun: $dryRun) { __typename ... on Error { message } ... on PermissionChange { sql warnings } }\n  }\n": types.SetGroupMembersDocument,
    "\n  query RoleDependencies($id: ID!, $name: String!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog { role(name: $name) { name dependencies { database owned privileges } } }\n        }\n      }\n    }\n  }\n": types.RoleDependenciesDocument,
    "\n  query Databases {\n    viewer { isAdmin }\n    databases {\n      __typename\n      ... on Error { message }\n      ... on QueryDatabasesSuccess {\n        data { id name viewerAccess viewerRoleName server { host port isDemo sslMode } viewerCapabilities { canDisconnect } }\n      }\n    }\n    demoDatabase { host port database role }\n  }\n": types.DatabasesDocument,
    "\n  mutation ConnectDatabase($input: ConnectDatabaseInput!) {\n    connectDatabase(input: $input) { __typename ... on Error { message } ... on Database { id } }\n  }\n": types.ConnectDatabaseDocument,
    "\n  mutation TestConnection($input: ConnectDatabaseInput!) {\n    testConnection(input: $input) { __typename ... on Error { message } ... on ConnectionTest { currentUser } }\n  }\n": types.TestConnectionDocument,
    "\n  mutation DisconnectDatabase($id: ID!) {\n    disconnectDatabase(id: $id) { __typename ... on Error { message } }\n  }\n": types.DisconnectDatabaseDocument,
    "\n  mutation AcceptInvitation($token: String!, $newAccount: NewAccountInput) {\n    acceptInvitation(token: $token, newAccount: $newAccount) { __typename ... on Error { message } ... on Collaborator { database { id name } } }\n  }\n": types.AcceptInvitationDocument,
    "\n  query MyInvitations {\n    myInvitations { __typename ... on QueryMyInvitationsSuccess { data { id databaseName access status expiresAt role { rolname } invitedBy { username } } } }\n  }\n": types.MyInvitationsDocument,
    "\n  mutation AcceptMyInvitation($id: ID!) {\n    acceptMyInvitation(id: $id) { __typename ... on Error { message } }\n  }\n": types.AcceptMyInvitationDocument,
    "\n  mutation DeclineInvitation($id: ID!) {\n    declineInvitation(id: $id) { __typename ... on Error { message } }\n  }\n": types.DeclineInvitationDocument,
    "\n  mutation Setup($input: SetupInput!) {\n    setup(input: $input) { __typename ... on Error { message } }\n  }\n": types.SetupDocument,
    "\n  mutation Login($login: String!, $password: String!) {\n    login(login: $login, password: $password) { __typename ... on Error { message } }\n  }\n": types.LoginDocument,
    "\n  query Users {\n    users { __typename ... on Error { message } ... on QueryUsersSuccess { data { id username email emailVerified displayName isAdmin isActive } } }\n  }\n": types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) { __typename ... on Error { message } }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) { __typename ... on Error { message } }\n  }\n": types.UpdateUserDocument,
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
export function graphql(source: "\n  subscription LiveEvents($databaseId: ID, $kinds: [String!], $after: BigCursor) {\n    events(databaseId: $databaseId, kinds: $kinds, after: $after) {\n      __typename\n      cursor\n      kind\n      source\n      createdAt\n      actor { username }\n      ... on PrivilegeEvent { object grantee granted revoked }\n      ... on MembershipEvent { role member }\n      ... on RoleEvent { role newName }\n      ... on OwnershipEvent { object newOwner }\n      ... on CollaboratorEvent { username }\n      ... on ObjectEvent { object }\n      ... on DatabaseEvent { database }\n      ... on UserEvent { username }\n      ... on InvitationEvent { email status }\n    }\n  }\n"): (typeof documents)["\n  subscription LiveEvents($databaseId: ID, $kinds: [String!], $after: BigCursor) {\n    events(databaseId: $databaseId, kinds: $kinds, after: $after) {\n      __typename\n      cursor\n      kind\n      source\n      createdAt\n      actor { username }\n      ... on PrivilegeEvent { object grantee granted revoked }\n      ... on MembershipEvent { role member }\n      ... on RoleEvent { role newName }\n      ... on OwnershipEvent { object newOwner }\n      ... on CollaboratorEvent { username }\n      ... on ObjectEvent { object }\n      ... on DatabaseEvent { database }\n      ... on UserEvent { username }\n      ... on InvitationEvent { email status }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LatestCursor {\n    auditLog(first: 1) { __typename ... on EventPage { events { cursor } } }\n  }\n"): (typeof documents)["\n  query LatestCursor {\n    auditLog(first: 1) { __typename ... on EventPage { events { cursor } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    setupRequired\n    viewer { id username isAdmin }\n  }\n"): (typeof documents)["\n  query Viewer {\n    setupRequired\n    viewer { id username isAdmin }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Account {\n    viewer { username email emailVerified isAdmin }\n    canSendEmail\n    apiTokens { __typename ... on QueryApiTokensSuccess { data { id name createdAt lastUsedAt revokedAt } } }\n  }\n"): (typeof documents)["\n  query Account {\n    viewer { username email emailVerified isAdmin }\n    canSendEmail\n    apiTokens { __typename ... on QueryApiTokensSuccess { data { id name createdAt lastUsedAt revokedAt } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { __typename ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { __typename ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($name: String!) {\n    createApiToken(name: $name) { __typename ... on Error { message } ... on CreatedApiToken { token } }\n  }\n"): (typeof documents)["\n  mutation CreateApiToken($name: String!) {\n    createApiToken(name: $name) { __typename ... on Error { message } ... on CreatedApiToken { token } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) { __typename ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) { __typename ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestEmailVerification {\n    requestEmailVerification { __typename ... on Error { message } ... on EmailVerificationSent { email expiresAt } }\n  }\n"): (typeof documents)["\n  mutation RequestEmailVerification {\n    requestEmailVerification { __typename ... on Error { message } ... on EmailVerificationSent { email expiresAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) { __typename ... on Error { message } ... on User { email emailVerified } }\n  }\n"): (typeof documents)["\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) { __typename ... on Error { message } ... on User { email emailVerified } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Activity($id: ID!, $first: Int, $after: BigCursor, $kinds: [String!], $actorId: ID) {\n    auditLog(databaseId: $id, first: $first, after: $after, kinds: $kinds, actorId: $actorId) {\n      __typename\n      ... on Error { message }\n      ... on EventPage {\n        nextCursor\n        events { cursor kind source createdAt sql actingRole actor { id username } warnings }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Activity($id: ID!, $first: Int, $after: BigCursor, $kinds: [String!], $actorId: ID) {\n    auditLog(databaseId: $id, first: $first, after: $after, kinds: $kinds, actorId: $actorId) {\n      __typename\n      ... on Error { message }\n      ... on EventPage {\n        nextCursor\n        events { cursor kind source createdAt sql actingRole actor { id username } warnings }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Collaborators($id: ID!) {\n    viewer { id isAdmin }\n    users { __typename ... on QueryUsersSuccess { data { id username email isActive } } }\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        collaborators { id access createdAt user { id username email isAdmin } role { id rolname } }\n        roleOffers {\n          __typename\n          ... on Error { message }\n          ... on DatabaseRoleOffersSuccess { data { ...RoleOfferFields } }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Collaborators($id: ID!) {\n    viewer { id isAdmin }\n    users { __typename ... on QueryUsersSuccess { data { id username email isActive } } }\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        collaborators { id access createdAt user { id username email isAdmin } role { id rolname } }\n        roleOffers {\n          __typename\n          ... on Error { message }\n          ... on DatabaseRoleOffersSuccess { data { ...RoleOfferFields } }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddCollaborator($input: AddCollaboratorInput!) {\n    addCollaborator(input: $input) { __typename ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation AddCollaborator($input: AddCollaboratorInput!) {\n    addCollaborator(input: $input) { __typename ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCollaborator($id: ID!, $input: UpdateCollaboratorInput!) {\n    updateCollaborator(id: $id, input: $input) { __typename ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation UpdateCollaborator($id: ID!, $input: UpdateCollaboratorInput!) {\n    updateCollaborator(id: $id, input: $input) { __typename ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveCollaborator($id: ID!) {\n    removeCollaborator(id: $id) { __typename ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation RemoveCollaborator($id: ID!) {\n    removeCollaborator(id: $id) { __typename ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaveDatabase($databaseId: ID!) {\n    leaveDatabase(databaseId: $databaseId) { __typename ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation LeaveDatabase($databaseId: ID!) {\n    leaveDatabase(databaseId: $databaseId) { __typename ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DatabaseHeader($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        id\n        name\n        viewerAccess\n        server { host port }\n        changesWatched\n        unwatchedReason\n        viewerCapabilities {\n          canManageCollaborators canConfigureRoles canReadCatalog canLeave canDisconnect canChangeOwnCollaboration\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DatabaseHeader($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        id\n        name\n        viewerAccess\n        server { host port }\n        changesWatched\n        unwatchedReason\n        viewerCapabilities {\n          canManageCollaborators canConfigureRoles canReadCatalog canLeave canDisconnect canChangeOwnCollaboration\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Explain($id: ID!, $role: String!, $object: ObjectRef!) {\n    database(id: $id) {\n      ... on Database {\n        catalog {\n          ... on DatabaseCatalog {\n            effectivePrivileges(role: $role, object: $object) {\n              __typename\n              ... on Error { message }\n              ... on DatabaseCatalogEffectivePrivilegesSuccess {\n                data { privilege held grantable sources { kind path predefinedRole grantee { name } grantor { name } } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Explain($id: ID!, $role: String!, $object: ObjectRef!) {\n    database(id: $id) {\n      ... on Database {\n        catalog {\n          ... on DatabaseCatalog {\n            effectivePrivileges(role: $role, object: $object) {\n              __typename\n              ... on Error { message }\n              ... on DatabaseCatalogEffectivePrivilegesSuccess {\n                data { privilege held grantable sources { kind path predefinedRole grantee { name } grantor { name } } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingInvitations($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        invitations { id email access status createdAt expiresAt invitedBy { username } role { id rolname } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PendingInvitations($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        invitations { id email access status createdAt expiresAt invitedBy { username } role { id rolname } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteCollaborator($input: InviteCollaboratorInput!) {\n    inviteCollaborator(input: $input) { __typename ... on Error { message } ... on InvitationSent { delivery acceptUrl } }\n  }\n"): (typeof documents)["\n  mutation InviteCollaborator($input: InviteCollaboratorInput!) {\n    inviteCollaborator(input: $input) { __typename ... on Error { message } ... on InvitationSent { delivery acceptUrl } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) { __typename ... on Error { message } ... on InvitationSent { delivery acceptUrl } }\n  }\n"): (typeof documents)["\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) { __typename ... on Error { message } ... on InvitationSent { delivery acceptUrl } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) { __typename ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) { __typename ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Overview($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            privilegesByKind { kind privileges }\n            roles { name isPredefined }\n            viewerRole { role { name } databasePrivileges canCreateSchemas }\n            database { ...Securable name }\n            schemas {\n              ...Securable\n              name\n              tables { ...Securable schema name tableKind }\n            }\n          }\n        }\n      }\n    }\n  }\n  fragment Securable on SecurableObject {\n    kind\n    owner { name }\n    aclIsDefault\n    grants { isPublic grantee { name } privileges grantable preset }\n    viewerCan { changePrivileges grantablePrivileges transferOwnership reason }\n  }\n"): (typeof documents)["\n  query Overview($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            privilegesByKind { kind privileges }\n            roles { name isPredefined }\n            viewerRole { role { name } databasePrivileges canCreateSchemas }\n            database { ...Securable name }\n            schemas {\n              ...Securable\n              name\n              tables { ...Securable schema name tableKind }\n            }\n          }\n        }\n      }\n    }\n  }\n  fragment Securable on SecurableObject {\n    kind\n    owner { name }\n    aclIsDefault\n    grants { isPublic grantee { name } privileges grantable preset }\n    viewerCan { changePrivileges grantablePrivileges transferOwnership reason }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSchema($databaseId: ID!, $name: String!, $owner: String, $dryRun: Boolean) {\n    createSchema(databaseId: $databaseId, name: $name, owner: $owner, dryRun: $dryRun) {\n      __typename\n      ... on Error { message }\n      ... on PermissionChange { sql warnings }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSchema($databaseId: ID!, $name: String!, $owner: String, $dryRun: Boolean) {\n    createSchema(databaseId: $databaseId, name: $name, owner: $owner, dryRun: $dryRun) {\n      __typename\n      ... on Error { message }\n      ... on PermissionChange { sql warnings }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPrivileges($databaseId: ID!, $object: ObjectRef!, $grants: [DesiredGrantInput!]!, $dryRun: Boolean) {\n    setPrivileges(databaseId: $databaseId, object: $object, grants: $grants, dryRun: $dryRun) {\n      __typename\n      ... on Error { message }\n      ... on PermissionChange { sql warnings }\n    }\n  }\n"): (typeof documents)["\n  mutation SetPrivileges($databaseId: ID!, $object: ObjectRef!, $grants: [DesiredGrantInput!]!, $dryRun: Boolean) {\n    setPrivileges(databaseId: $databaseId, object: $object, grants: $grants, dryRun: $dryRun) {\n      __typename\n      ... on Error { message }\n      ... on PermissionChange { sql warnings }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TransferOwnership($databaseId: ID!, $object: ObjectRef!, $newOwner: String!, $tables: [String!], $dryRun: Boolean) {\n    transferOwnership(databaseId: $databaseId, object: $object, newOwner: $newOwner, tables: $tables, dryRun: $dryRun) {\n      __typename\n      ... on Error { message }\n      ... on PermissionChange { sql warnings }\n    }\n  }\n"): (typeof documents)["\n  mutation TransferOwnership($databaseId: ID!, $object: ObjectRef!, $newOwner: String!, $tables: [String!], $dryRun: Boolean) {\n    transferOwnership(databaseId: $databaseId, object: $object, newOwner: $newOwner, tables: $tables, dryRun: $dryRun) {\n      __typename\n      ... on Error { message }\n      ... on PermissionChange { sql warnings }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LoginRoles($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        loginRoles {\n          __typename\n          ... on Error { message }\n          ... on DatabaseLoginRolesSuccess { data { rolname isSuperuser isConfigured configuredRole { id verifiedAt } } }\n        }\n        roleOffers {\n          __typename\n          ... on Error { message }\n          ... on DatabaseRoleOffersSuccess { data { ...RoleOfferFields } }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LoginRoles($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        loginRoles {\n          __typename\n          ... on Error { message }\n          ... on DatabaseLoginRolesSuccess { data { rolname isSuperuser isConfigured configuredRole { id verifiedAt } } }\n        }\n        roleOffers {\n          __typename\n          ... on Error { message }\n          ... on DatabaseRoleOffersSuccess { data { ...RoleOfferFields } }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfigureRole($databaseId: ID!, $role: String!, $password: String!) {\n    configureRole(databaseId: $databaseId, role: $role, password: $password) { __typename ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation ConfigureRole($databaseId: ID!, $role: String!, $password: String!) {\n    configureRole(databaseId: $databaseId, role: $role, password: $password) { __typename ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRoleAssignable($databaseId: ID!, $configuredRoleId: ID!, $assignable: Boolean!) {\n    setRoleAssignable(databaseId: $databaseId, configuredRoleId: $configuredRoleId, assignable: $assignable) {\n      __typename\n      ... on Error { message }\n      ... on RoleOffer { markedAssignable }\n    }\n  }\n"): (typeof documents)["\n  mutation SetRoleAssignable($databaseId: ID!, $configuredRoleId: ID!, $assignable: Boolean!) {\n    setRoleAssignable(databaseId: $databaseId, configuredRoleId: $configuredRoleId, assignable: $assignable) {\n      __typename\n      ... on Error { message }\n      ... on RoleOffer { markedAssignable }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveConfiguredRole($id: ID!) {\n    removeConfiguredRole(id: $id) { __typename ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation RemoveConfiguredRole($id: ID!) {\n    removeConfiguredRole(id: $id) { __typename ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RoleOfferFields on RoleOffer { mayGive refusal refusalMessage markedAssignable configuredRole { id rolname } }\n"): (typeof documents)["\n  fragment RoleOfferFields on RoleOffer { mayGive refusal refusalMessage markedAssignable configuredRole { id rolname } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Roles($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            membershipOptionsPerGrant\n            viewerRole { canCreateRoles role { name isSuperuser createDb } }\n            roles {\n              name canLogin isSuperuser inherit createRole createDb replication bypassRls connectionLimit validUntil\n              isPredefined isConfigured\n              members { member { name } admin inherit set }\n              viewerCan {\n                alter alterReason rename renameReason drop dropReason manageMembers manageMembersReason\n                setPassword setPasswordReason lockedAttributes { attribute reason }\n              }\n            }\n            schemas { name tables { schema name } }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Roles($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            membershipOptionsPerGrant\n            viewerRole { canCreateRoles role { name isSuperuser createDb } }\n            roles {\n              name canLogin isSuperuser inherit createRole createDb replication bypassRls connectionLimit validUntil\n              isPredefined isConfigured\n              members { member { name } admin inherit set }\n              viewerCan {\n                alter alterReason rename renameReason drop dropReason manageMembers manageMembersReason\n                setPassword setPasswordReason lockedAttributes { attribute reason }\n              }\n            }\n            schemas { name tables { schema name } }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateRole($databaseId: ID!, $input: CreateRoleInput!, $dryRun: Boolean) {\n    createRole(databaseId: $databaseId, input: $input, dryRun: $dryRun) { __typename ... on Error { message } ... on PermissionChange { sql warnings } }\n  }\n"): (typeof documents)["\n  mutation CreateRole($databaseId: ID!, $input: CreateRoleInput!, $dryRun: Boolean) {\n    createRole(databaseId: $databaseId, input: $input, dryRun: $dryRun) { __typename ... on Error { message } ... on PermissionChange { sql warnings } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AlterRole($databaseId: ID!, $name: String!, $attributes: RoleAttributesInput!, $dryRun: Boolean) {\n    alterRole(databaseId: $databaseId, name: $name, attributes: $attributes, dryRun: $dryRun) { __typename ... on Error { message } ... on PermissionChange { sql warnings } }\n  }\n"): (typeof documents)["\n  mutation AlterRole($databaseId: ID!, $name: String!, $attributes: RoleAttributesInput!, $dryRun: Boolean) {\n    alterRole(databaseId: $databaseId, name: $name, attributes: $attributes, dryRun: $dryRun) { __typename ... on Error { message } ... on PermissionChange { sql warnings } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameRole($databaseId: ID!, $name: String!, $newName: String!, $dryRun: Boolean) {\n    renameRole(databaseId: $databaseId, name: $name, newName: $newName, dryRun: $dryRun) { __typename ... on Error { message } ... on PermissionChange { sql warnings } }\n  }\n"): (typeof documents)["\n  mutation RenameRole($databaseId: ID!, $name: String!, $newName: String!, $dryRun: Boolean) {\n    renameRole(databaseId: $databaseId, name: $name, newName: $newName, dryRun: $dryRun) { __typename ... on Error { message } ... on PermissionChange { sql warnings } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRolePassword($databaseId: ID!, $name: String!, $password: String!, $dryRun: Boolean) {\n    setRolePassword(databaseId: $databaseId, name: $name, password: $password, dryRun: $dryRun) { __typename ... on Error { message } ... on PermissionChange { sql warnings } }\n  }\n"): (typeof documents)["\n  mutation SetRolePassword($databaseId: ID!, $name: String!, $password: String!, $dryRun: Boolean) {\n    setRolePassword(databaseId: $databaseId, name: $name, password: $password, dryRun: $dryRun) { __typename ... on Error { message } ... on PermissionChange { sql warnings } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DropRole($databaseId: ID!, $name: String!, $reassignTo: String, $dryRun: Boolean) {\n    dropRole(databaseId: $databaseId, name: $name, reassignTo: $reassignTo, dryRun: $dryRun) { __typename ... on Error { message } ... on PermissionChange { sql warnings } }\n  }\n"): (typeof documents)["\n  mutation DropRole($databaseId: ID!, $name: String!, $reassignTo: String, $dryRun: Boolean) {\n    dropRole(databaseId: $databaseId, name: $name, reassignTo: $reassignTo, dryRun: $dryRun) { __typename ... on Error { message } ... on PermissionChange { sql warnings } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetGroupMembers($databaseId: ID!, $role: String!, $members: [MembershipInput!]!, $dryRun: Boolean) {\n    setGroupMembers(databaseId: $databaseId, role: $role, members: $members, dryRun: $dryRun) { __typename ... on Error { message } ... on PermissionChange { sql warnings } }\n  }\n"): (typeof documents)["\n  mutation SetGroupMembers($databaseId: ID!, $role: String!, $members: [MembershipInput!]!, $dryRun: Boolean) {\n    setGroupMembers(databaseId: $databaseId, role: $role, members: $members, dryRun: $dryRun) { __typename ... on Error { message } ... on PermissionChange { sql warnings } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoleDependencies($id: ID!, $name: String!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog { role(name: $name) { name dependencies { database owned privileges } } }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RoleDependencies($id: ID!, $name: String!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog { role(name: $name) { name dependencies { database owned privileges } } }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Databases {\n    viewer { isAdmin }\n    databases {\n      __typename\n      ... on Error { message }\n      ... on QueryDatabasesSuccess {\n        data { id name viewerAccess viewerRoleName server { host port isDemo sslMode } viewerCapabilities { canDisconnect } }\n      }\n    }\n    demoDatabase { host port database role }\n  }\n"): (typeof documents)["\n  query Databases {\n    viewer { isAdmin }\n    databases {\n      __typename\n      ... on Error { message }\n      ... on QueryDatabasesSuccess {\n        data { id name viewerAccess viewerRoleName server { host port isDemo sslMode } viewerCapabilities { canDisconnect } }\n      }\n    }\n    demoDatabase { host port database role }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConnectDatabase($input: ConnectDatabaseInput!) {\n    connectDatabase(input: $input) { __typename ... on Error { message } ... on Database { id } }\n  }\n"): (typeof documents)["\n  mutation ConnectDatabase($input: ConnectDatabaseInput!) {\n    connectDatabase(input: $input) { __typename ... on Error { message } ... on Database { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestConnection($input: ConnectDatabaseInput!) {\n    testConnection(input: $input) { __typename ... on Error { message } ... on ConnectionTest { currentUser } }\n  }\n"): (typeof documents)["\n  mutation TestConnection($input: ConnectDatabaseInput!) {\n    testConnection(input: $input) { __typename ... on Error { message } ... on ConnectionTest { currentUser } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisconnectDatabase($id: ID!) {\n    disconnectDatabase(id: $id) { __typename ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation DisconnectDatabase($id: ID!) {\n    disconnectDatabase(id: $id) { __typename ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($token: String!, $newAccount: NewAccountInput) {\n    acceptInvitation(token: $token, newAccount: $newAccount) { __typename ... on Error { message } ... on Collaborator { database { id name } } }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($token: String!, $newAccount: NewAccountInput) {\n    acceptInvitation(token: $token, newAccount: $newAccount) { __typename ... on Error { message } ... on Collaborator { database { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyInvitations {\n    myInvitations { __typename ... on QueryMyInvitationsSuccess { data { id databaseName access status expiresAt role { rolname } invitedBy { username } } } }\n  }\n"): (typeof documents)["\n  query MyInvitations {\n    myInvitations { __typename ... on QueryMyInvitationsSuccess { data { id databaseName access status expiresAt role { rolname } invitedBy { username } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptMyInvitation($id: ID!) {\n    acceptMyInvitation(id: $id) { __typename ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation AcceptMyInvitation($id: ID!) {\n    acceptMyInvitation(id: $id) { __typename ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineInvitation($id: ID!) {\n    declineInvitation(id: $id) { __typename ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation DeclineInvitation($id: ID!) {\n    declineInvitation(id: $id) { __typename ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Setup($input: SetupInput!) {\n    setup(input: $input) { __typename ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation Setup($input: SetupInput!) {\n    setup(input: $input) { __typename ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($login: String!, $password: String!) {\n    login(login: $login, password: $password) { __typename ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation Login($login: String!, $password: String!) {\n    login(login: $login, password: $password) { __typename ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users {\n    users { __typename ... on Error { message } ... on QueryUsersSuccess { data { id username email emailVerified displayName isAdmin isActive } } }\n  }\n"): (typeof documents)["\n  query Users {\n    users { __typename ... on Error { message } ... on QueryUsersSuccess { data { id username email emailVerified displayName isAdmin isActive } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) { __typename ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) { __typename ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) { __typename ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) { __typename ... on Error { message } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;