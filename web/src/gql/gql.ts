/* eslint-disable */
import * as types from './graphql';



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
    "\n  fragment EffectivePrivilegeFields on EffectivePrivilege {\n    privilege held grantable\n    sources { kind path grantee { name } predefinedRole }\n  }\n": typeof types.EffectivePrivilegeFieldsFragmentDoc,
    "\n  query ObjectPicker($id: ID!, $search: String, $first: Int!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            objectsConnection(search: $search, first: $first) {\n              totalCount\n              nodes {\n                __typename\n                kind\n                ... on DatabaseObject { name }\n                ... on Schema { name }\n                ... on Table { schema name }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ObjectPickerDocument,
    "\n  query RolePicker($id: ID!, $filter: RoleFilter!, $first: Int!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            rolesConnection(filter: $filter, first: $first) { totalCount nodes { name } }\n          }\n        }\n      }\n    }\n  }\n": typeof types.RolePickerDocument,
    "\n  subscription LiveEvents($databaseId: ID, $kinds: [String!], $after: BigCursor) {\n    events(databaseId: $databaseId, kinds: $kinds, after: $after) {\n      __typename\n      cursor\n      kind\n      source\n      createdAt\n      actor { username }\n      burstId\n      burstSize\n      ... on PrivilegeEvent {\n        object objectKind grantee granted revoked\n        aclChanges { grantee granted revoked grantOptionGranted grantOptionRevoked }\n      }\n      ... on MembershipEvent { role member members added removed admin }\n      ... on RoleEvent { role newName changes reassignTo }\n      ... on OwnershipEvent { object objectKind previousOwner newOwner }\n      ... on CollaboratorEvent { username role access }\n      ... on ObjectEvent { object objectKind owner }\n      ... on DatabaseEvent { database }\n      ... on UserEvent { username }\n      ... on InvitationEvent { email status role access }\n    }\n  }\n": typeof types.LiveEventsDocument,
    "\n  query LatestCursor {\n    auditLog(first: 1) { __typename ... on EventPage { events { cursor } } }\n  }\n": typeof types.LatestCursorDocument,
    "\n  query Viewer {\n    setupRequired\n    viewer { id username isAdmin }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query Account {\n    viewer { username email emailVerified isAdmin }\n    canSendEmail\n    apiTokens { __typename ... on QueryApiTokensConnection { nodes { id name createdAt lastUsedAt revokedAt } } }\n  }\n": typeof types.AccountDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { __typename ... on Error { message } }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation CreateApiToken($name: String!) {\n    createApiToken(name: $name) { __typename ... on Error { message } ... on CreatedApiToken { token } }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) { __typename ... on Error { message } }\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  mutation RequestEmailVerification {\n    requestEmailVerification { __typename ... on Error { message } ... on EmailVerificationSent { email expiresAt } }\n  }\n": typeof types.RequestEmailVerificationDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) { __typename ... on Error { message } ... on User { email emailVerified } }\n  }\n": typeof types.VerifyEmailDocument,
    "\n  query AccessibleObjects($id: ID!, $role: String!, $search: String, $first: Int, $after: String) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            accessibleObjects(role: $role, search: $search, first: $first, after: $after) {\n              __typename\n              ... on Error { message }\n              ... on DatabaseCatalogAccessibleObjectsConnection {\n                totalCount\n                pageInfo { hasNextPage endCursor }\n                nodes {\n                  object { ...ObjectIdentity }\n                  privileges { ...EffectivePrivilegeFields }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.AccessibleObjectsDocument,
    "\n  query Activity(\n    $id: ID!\n    $first: Int\n    $after: BigCursor\n    $kinds: [String!]\n    $actorId: ID\n    $object: String\n    $role: String\n  ) {\n    auditLog(\n      databaseId: $id\n      first: $first\n      after: $after\n      kinds: $kinds\n      actorId: $actorId\n      object: $object\n      role: $role\n    ) {\n      __typename\n      ... on Error { message }\n      ... on EventPage {\n        nextCursor\n        events {\n          cursor kind source createdAt sql actingRole actor { id username } warnings burstId burstSize\n          ... on PrivilegeEvent {\n            object objectKind grantee granted revoked\n            aclChanges { grantee granted revoked grantOptionGranted grantOptionRevoked }\n          }\n          ... on MembershipEvent { role member members added removed admin }\n          ... on RoleEvent { role newName changes reassignTo }\n          ... on OwnershipEvent { object objectKind previousOwner newOwner }\n          ... on ObjectEvent { object objectKind owner }\n          ... on CollaboratorEvent { username role access }\n          ... on InvitationEvent { email status role access }\n        }\n      }\n    }\n  }\n": typeof types.ActivityDocument,
    "\n  query EventKinds {\n    eventKinds { kind }\n  }\n": typeof types.EventKindsDocument,
    "\n  query Collaborators($id: ID!) {\n    viewer { id isAdmin }\n    users { __typename ... on QueryUsersConnection { nodes { id username email isActive } } }\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        collaborators { id access createdAt user { id username email isAdmin } role { id rolname } }\n        roleOffers {\n          __typename\n          ... on Error { message }\n          ... on DatabaseRoleOffersConnection { nodes { ...RoleOfferFields } }\n        }\n      }\n    }\n  }\n": typeof types.CollaboratorsDocument,
    "\n  mutation AddCollaborator($input: AddCollaboratorInput!) {\n    addCollaborator(input: $input) { __typename ... on Error { message } }\n  }\n": typeof types.AddCollaboratorDocument,
    "\n  mutation UpdateCollaborator($id: ID!, $input: UpdateCollaboratorInput!) {\n    updateCollaborator(id: $id, input: $input) { __typename ... on Error { message } }\n  }\n": typeof types.UpdateCollaboratorDocument,
    "\n  mutation RemoveCollaborator($id: ID!) {\n    removeCollaborator(id: $id) { __typename ... on Error { message } }\n  }\n": typeof types.RemoveCollaboratorDocument,
    "\n  mutation LeaveDatabase($databaseId: ID!) {\n    leaveDatabase(databaseId: $databaseId) { __typename ... on Error { message } }\n  }\n": typeof types.LeaveDatabaseDocument,
    "\n  query DatabaseHeader($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        id\n        name\n        viewerAccess\n        server { host port }\n        changesWatched\n        unwatchedReason\n        viewerCapabilities {\n          canManageCollaborators canConfigureRoles canReadCatalog canLeave canDisconnect canChangeOwnCollaboration\n        }\n      }\n    }\n  }\n": typeof types.DatabaseHeaderDocument,
    "\n  query Explain($id: ID!, $role: String!, $object: ObjectRef!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            effectivePrivileges(role: $role, object: $object) {\n              __typename\n              ... on Error { message }\n              ... on DatabaseCatalogEffectivePrivilegesConnection {\n                nodes { privilege held grantable sources { kind path predefinedRole grantee { name } grantor { name } } }\n              }\n            }\n            accessGaps(role: $role, object: $object) {\n              __typename\n              ... on DatabaseCatalogAccessGapsConnection { nodes { privilege on because fix } }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ExplainDocument,
    "\n  query PendingInvitations($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        invitations { id email access status createdAt expiresAt invitedBy { username } role { id rolname } }\n      }\n    }\n  }\n": typeof types.PendingInvitationsDocument,
    "\n  mutation InviteCollaborator($input: InviteCollaboratorInput!) {\n    inviteCollaborator(input: $input) { __typename ... on Error { message } ... on InvitationSent { delivery acceptUrl } }\n  }\n": typeof types.InviteCollaboratorDocument,
    "\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) { __typename ... on Error { message } ... on InvitationSent { delivery acceptUrl } }\n  }\n": typeof types.ResendInvitationDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) { __typename ... on Error { message } }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  query Overview($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            privilegesByKind { kind privileges presets { preset privileges } }\n            viewerRole { role { name } databasePrivileges canCreateSchemas }\n          }\n        }\n      }\n    }\n  }\n": typeof types.OverviewDocument,
    "\n  query OverviewObjects($id: ID!, $search: String, $first: Int, $after: String) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            objectsConnection(search: $search, first: $first, after: $after) {\n              totalCount\n              pageInfo { hasNextPage endCursor }\n              nodes { ...OverviewObject }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.OverviewObjectsDocument,
    "\n  query OverviewSchemaTables($id: ID!, $name: String!) {\n    database(id: $id) {\n      __typename\n      ... on Database {\n        catalog {\n          __typename\n          ... on DatabaseCatalog {\n            schema(name: $name) {\n              tables { name owner { name } viewerCan { changePrivileges grantablePrivileges transferOwnership reason } }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.OverviewSchemaTablesDocument,
    "\n  mutation CreateSchema($databaseId: ID!, $name: String!, $owner: String, $dryRun: Boolean, $previewToken: String) {\n    createSchema(databaseId: $databaseId, name: $name, owner: $owner, dryRun: $dryRun, previewToken: $previewToken) {\n      __typename\n      ... on Error { message }\n      ... on PermissionChange { ...PreviewedChangeFields }\n    }\n  }\n": typeof types.CreateSchemaDocument,
    "\n  query LoginRoles($id: ID!, $search: String, $configured: Boolean, $first: Int, $after: String) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        loginRoles(search: $search, configured: $configured, first: $first, after: $after) {\n          __typename\n          ... on Error { message }\n          ... on DatabaseLoginRolesConnection {\n            totalCount\n            pageInfo { hasNextPage endCursor }\n            nodes { rolname isSuperuser isConfigured configuredRole { id verifiedAt } }\n          }\n        }\n      }\n    }\n  }\n": typeof types.LoginRolesDocument,
    "\n  query LoginRoleOffers($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Database {\n        roleOffers {\n          __typename\n          ... on Error { message }\n          ... on DatabaseRoleOffersConnection { nodes { ...RoleOfferFields } }\n        }\n      }\n    }\n  }\n": typeof types.LoginRoleOffersDocument,
    "\n  mutation ConfigureRole($databaseId: ID!, $role: String!, $password: String!) {\n    configureRole(databaseId: $databaseId, role: $role, password: $password) { __typename ... on Error { message } }\n  }\n": typeof types.ConfigureRoleDocument,
    "\n  mutation SetRoleAssignable($databaseId: ID!, $configuredRoleId: ID!, $assignable: Boolean!) {\n    setRoleAssignable(databaseId: $databaseId, configuredRoleId: $configuredRoleId, assignable: $assignable) {\n      __typename\n      ... on Error { message }\n      ... on RoleOffer { markedAssignable }\n    }\n  }\n": typeof types.SetRoleAssignableDocument,
    "\n  mutation RemoveConfiguredRole($id: ID!) {\n    removeConfiguredRole(id: $id) { __typename ... on Error { message } }\n  }\n": typeof types.RemoveConfiguredRoleDocument,
    "\n  fragment RoleOfferFields on RoleOffer { mayGive refusal refusalMessage markedAssignable configuredRole { id rolname } }\n": typeof types.RoleOfferFieldsFragmentDoc,
    "\n  fragment GraphRoleFields on Role { name canLogin isSuperuser memberCount memberOfCount }\n": typeof types.GraphRoleFieldsFragmentDoc,
    "\n  query RoleNeighbourhood($id: ID!, $role: String!, $depth: Int!, $perRole: Int!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            roleNeighbourhood(role: $role, depth: $depth, perRole: $perRole) {\n              __typename\n              ... on Error { message }\n              ... on RoleNeighbourhood {\n                center { name }\n                roles { ...GraphRoleFields }\n                memberships { role { name } member { name } admin inherit set }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.RoleNeighbourhoodDocument,
    "\n  query GraphViewerRole($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog { viewerRole { role { name } } }\n        }\n      }\n    }\n  }\n": typeof types.GraphViewerRoleDocument,
    "\n  query ServerRoleGraph($id: ID!, $first: Int!, $withRoles: Boolean!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            rolesConnection(filter: { predefined: false }, first: $first) {\n              totalCount\n              nodes @include(if: $withRoles) {\n                ...GraphRoleFields\n                members { member { name } admin inherit set }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ServerRoleGraphDocument,
    "\n  fragment OverviewObject on SecurableObject {\n    __typename\n    ...Securable\n    viewerPrivileges { ...EffectivePrivilegeFields }\n    ... on DatabaseObject { name }\n    ... on Schema { name }\n    ... on Table { schema name tableKind }\n    ... on CatalogObject { name kind schemaName localName arguments subkind }\n    ... on Column { name }\n  }\n": typeof types.OverviewObjectFragmentDoc,
    "\n  fragment ObjectIdentity on SecurableObject {\n    __typename\n    ... on DatabaseObject { name }\n    ... on Schema { name }\n    ... on Table { schema name tableKind }\n    ... on CatalogObject { name kind schemaName localName arguments subkind }\n    ... on Column { name }\n  }\n": typeof types.ObjectIdentityFragmentDoc,
    "\n  query OverviewSchemaRow($id: ID!, $name: String!) {\n    database(id: $id) {\n      __typename\n      ... on Database {\n        catalog { __typename ... on DatabaseCatalog { schema(name: $name) { ...OverviewObject } } }\n      }\n    }\n  }\n": typeof types.OverviewSchemaRowDocument,
    "\n  query OverviewTableRow($id: ID!, $schema: String!, $name: String!) {\n    database(id: $id) {\n      __typename\n      ... on Database {\n        catalog { __typename ... on DatabaseCatalog { table(schema: $schema, name: $name) { ...OverviewObject } } }\n      }\n    }\n  }\n": typeof types.OverviewTableRowDocument,
    "\n  mutation TransferOwnership(\n    $databaseId: ID!, $object: ObjectRef!, $newOwner: String!, $tables: [String!], $dryRun: Boolean, $previewToken: String\n  ) {\n    transferOwnership(\n      databaseId: $databaseId, object: $object, newOwner: $newOwner, tables: $tables, dryRun: $dryRun,\n      previewToken: $previewToken\n    ) {\n      __typename\n      ... on Error { message }\n      ... on PermissionChange { ...PreviewedChangeFields }\n    }\n  }\n": typeof types.TransferOwnershipDocument,
    "\n  mutation SetPrivileges(\n    $databaseId: ID!, $object: ObjectRef!, $grants: [DesiredGrantInput!]!, $dryRun: Boolean, $previewToken: String\n  ) {\n    setPrivileges(\n      databaseId: $databaseId, object: $object, grants: $grants, dryRun: $dryRun, previewToken: $previewToken\n    ) {\n      __typename\n      ... on Error { message }\n      ... on PermissionChange { ...PreviewedChangeFields }\n    }\n  }\n": typeof types.SetPrivilegesDocument,
    "\n  mutation GrantOnAllTables(\n    $databaseId: ID!, $schema: String!, $grantee: String, $privileges: [String!]!, $sequencePrivileges: [String!],\n    $withSchemaUsage: Boolean, $dryRun: Boolean, $previewToken: String\n  ) {\n    grantOnAllTables(\n      databaseId: $databaseId, schema: $schema, grantee: $grantee, privileges: $privileges,\n      sequencePrivileges: $sequencePrivileges, withSchemaUsage: $withSchemaUsage, dryRun: $dryRun,\n      previewToken: $previewToken\n    ) {\n      __typename\n      ... on Error { message }\n      ... on PermissionChange { ...PreviewedChangeFields }\n    }\n  }\n": typeof types.GrantOnAllTablesDocument,
    "\n  query WhoCanAccess($id: ID!, $object: ObjectRef!, $search: String, $first: Int, $after: String) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            whoCanAccess(object: $object, search: $search, first: $first, after: $after) {\n              __typename\n              ... on Error { message }\n              ... on DatabaseCatalogWhoCanAccessConnection {\n                totalCount\n                pageInfo { hasNextPage endCursor }\n                nodes {\n                  role { name isSuperuser }\n                  collaborators\n                  privileges { ...EffectivePrivilegeFields }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.WhoCanAccessDocument,
    "\n  fragment Securable on SecurableObject {\n    kind\n    owner { name }\n    aclIsDefault\n    grants { isPublic grantee { name } privileges grantable preset }\n    viewerCan { changePrivileges grantablePrivileges transferOwnership reason }\n  }\n": typeof types.SecurableFragmentDoc,
    "\n  query GroupMembers($id: ID!, $role: String!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            role(name: $role) {\n              name\n              membersConnection { nodes { member { name } admin inherit set } }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.GroupMembersDocument,
    "\n  fragment RoleRowFields on Role {\n    name canLogin isSuperuser inherit createRole createDb replication bypassRls connectionLimit validUntil\n    isPredefined isConfigured\n    memberCount memberOfCount\n    membersConnection(first: 3) { nodes { member { name } } }\n    memberOfConnection(first: 3) { nodes { role { name } } }\n    viewerCan {\n      alter alterReason rename renameReason drop dropReason manageMembers manageMembersReason\n      setPassword setPasswordReason lockedAttributes { attribute reason }\n    }\n  }\n": typeof types.RoleRowFieldsFragmentDoc,
    "\n  fragment PreviewedChangeFields on PermissionChange {\n    sql warnings previewToken\n    notes { code grantee object subjects grantor message }\n  }\n": typeof types.PreviewedChangeFieldsFragmentDoc,
    "\n  mutation CreateRole($databaseId: ID!, $input: CreateRoleInput!, $dryRun: Boolean, $previewToken: String) {\n    createRole(databaseId: $databaseId, input: $input, dryRun: $dryRun, previewToken: $previewToken) { __typename ... on Error { message } ... on PermissionChange { ...PreviewedChangeFields } }\n  }\n": typeof types.CreateRoleDocument,
    "\n  mutation AlterRole($databaseId: ID!, $name: String!, $attributes: RoleAttributesInput!, $dryRun: Boolean, $previewToken: String) {\n    alterRole(databaseId: $databaseId, name: $name, attributes: $attributes, dryRun: $dryRun, previewToken: $previewToken) { __typename ... on Error { message } ... on PermissionChange { ...PreviewedChangeFields } }\n  }\n": typeof types.AlterRoleDocument,
    "\n  mutation RenameRole($databaseId: ID!, $name: String!, $newName: String!, $dryRun: Boolean, $previewToken: String) {\n    renameRole(databaseId: $databaseId, name: $name, newName: $newName, dryRun: $dryRun, previewToken: $previewToken) { __typename ... on Error { message } ... on PermissionChange { ...PreviewedChangeFields } }\n  }\n": typeof types.RenameRoleDocument,
    "\n  mutation SetRolePassword($databaseId: ID!, $name: String!, $password: String!, $dryRun: Boolean, $previewToken: String) {\n    setRolePassword(databaseId: $databaseId, name: $name, password: $password, dryRun: $dryRun, previewToken: $previewToken) { __typename ... on Error { message } ... on PermissionChange { ...PreviewedChangeFields } }\n  }\n": typeof types.SetRolePasswordDocument,
    "\n  mutation DropRole($databaseId: ID!, $name: String!, $reassignTo: String, $dryRun: Boolean, $previewToken: String) {\n    dropRole(databaseId: $databaseId, name: $name, reassignTo: $reassignTo, dryRun: $dryRun, previewToken: $previewToken) { __typename ... on Error { message } ... on PermissionChange { ...PreviewedChangeFields } }\n  }\n": typeof types.DropRoleDocument,
    "\n  mutation SetGroupMembers($databaseId: ID!, $role: String!, $members: [MembershipInput!]!, $dryRun: Boolean, $previewToken: String) {\n    setGroupMembers(databaseId: $databaseId, role: $role, members: $members, dryRun: $dryRun, previewToken: $previewToken) { __typename ... on Error { message } ... on PermissionChange { ...PreviewedChangeFields } }\n  }\n": typeof types.SetGroupMembersDocument,
    "\n  query RoleDependencies($id: ID!, $name: String!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog { role(name: $name) { name dependencies { database owned privileges } } }\n        }\n      }\n    }\n  }\n": typeof types.RoleDependenciesDocument,
    "\n  query Roles($id: ID!, $filter: RoleFilter, $first: Int, $after: String) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            membershipOptionsPerGrant\n            viewerRole { canCreateRoles role { name isSuperuser createDb } }\n            rolesConnection(filter: $filter, first: $first, after: $after) {\n              totalCount\n              pageInfo { hasNextPage endCursor }\n              nodes { ...RoleRowFields }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.RolesDocument,
    "\n  query Databases {\n    viewer { isAdmin }\n    databases {\n      __typename\n      ... on Error { message }\n      ... on QueryDatabasesConnection {\n        nodes { id name viewerAccess viewerRoleName server { host port isDemo sslMode } viewerCapabilities { canDisconnect } }\n      }\n    }\n    demoDatabase { host port database role }\n  }\n": typeof types.DatabasesDocument,
    "\n  mutation ConnectDatabase($input: ConnectDatabaseInput!) {\n    connectDatabase(input: $input) { __typename ... on Error { message } ... on Database { id } }\n  }\n": typeof types.ConnectDatabaseDocument,
    "\n  mutation TestConnection($input: ConnectDatabaseInput!) {\n    testConnection(input: $input) { __typename ... on Error { message } ... on ConnectionTest { currentUser } }\n  }\n": typeof types.TestConnectionDocument,
    "\n  mutation DisconnectDatabase($id: ID!) {\n    disconnectDatabase(id: $id) { __typename ... on Error { message } }\n  }\n": typeof types.DisconnectDatabaseDocument,
    "\n  mutation AcceptInvitation($token: String!, $newAccount: NewAccountInput) {\n    acceptInvitation(token: $token, newAccount: $newAccount) { __typename ... on Error { message } ... on Collaborator { database { id name } } }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  query InvitationLink($token: String!) {\n    invitationLink(token: $token) {\n      __typename\n      ... on Error { message }\n      ... on InvitationLink { email database server role access invitedBy expiresAt }\n    }\n  }\n": typeof types.InvitationLinkDocument,
    "\n  mutation DeclineInvitationLink($token: String!) {\n    declineInvitationLink(token: $token) { __typename ... on Error { message } }\n  }\n": typeof types.DeclineInvitationLinkDocument,
    "\n  query MyInvitations {\n    myInvitations { __typename ... on QueryMyInvitationsConnection { nodes { id databaseName access status expiresAt role { rolname } invitedBy { username } } } }\n  }\n": typeof types.MyInvitationsDocument,
    "\n  mutation AcceptMyInvitation($id: ID!) {\n    acceptMyInvitation(id: $id) { __typename ... on Error { message } }\n  }\n": typeof types.AcceptMyInvitationDocument,
    "\n  mutation DeclineInvitation($id: ID!) {\n    declineInvitation(id: $id) { __typename ... on Error { message } }\n  }\n": typeof types.DeclineInvitationDocument,
    "\n  mutation Setup($input: SetupInput!) {\n    setup(input: $input) { __typename ... on Error { message } }\n  }\n": typeof types.SetupDocument,
    "\n  mutation Login($login: String!, $password: String!) {\n    login(login: $login, password: $password) { __typename ... on Error { message } }\n  }\n": typeof types.LoginDocument,
    "\n  query Users {\n    viewer { id }\n    users { __typename ... on Error { message } ... on QueryUsersConnection { nodes { id username email emailVerified displayName isAdmin isActive } } }\n  }\n": typeof types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) { __typename ... on Error { message } }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) { __typename ... on Error { message } }\n  }\n": typeof types.UpdateUserDocument,
};
const documents: Documents = {
    "\n  fragment EffectivePrivilegeFields on EffectivePrivilege {\n    privilege held grantable\n    sources { kind path grantee { name } predefinedRole }\n  }\n": types.EffectivePrivilegeFieldsFragmentDoc,
    "\n  query ObjectPicker($id: ID!, $search: String, $first: Int!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            objectsConnection(search: $search, first: $first) {\n              totalCount\n              nodes {\n                __typename\n                kind\n                ... on DatabaseObject { name }\n                ... on Schema { name }\n                ... on Table { schema name }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ObjectPickerDocument,
    "\n  query RolePicker($id: ID!, $filter: RoleFilter!, $first: Int!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            rolesConnection(filter: $filter, first: $first) { totalCount nodes { name } }\n          }\n        }\n      }\n    }\n  }\n": types.RolePickerDocument,
    "\n  subscription LiveEvents($databaseId: ID, $kinds: [String!], $after: BigCursor) {\n    events(databaseId: $databaseId, kinds: $kinds, after: $after) {\n      __typename\n      cursor\n      kind\n      source\n      createdAt\n      actor { username }\n      burstId\n      burstSize\n      ... on PrivilegeEvent {\n        object objectKind grantee granted revoked\n        aclChanges { grantee granted revoked grantOptionGranted grantOptionRevoked }\n      }\n      ... on MembershipEvent { role member members added removed admin }\n      ... on RoleEvent { role newName changes reassignTo }\n      ... on OwnershipEvent { object objectKind previousOwner newOwner }\n      ... on CollaboratorEvent { username role access }\n      ... on ObjectEvent { object objectKind owner }\n      ... on DatabaseEvent { database }\n      ... on UserEvent { username }\n      ... on InvitationEvent { email status role access }\n    }\n  }\n": types.LiveEventsDocument,
    "\n  query LatestCursor {\n    auditLog(first: 1) { __typename ... on EventPage { events { cursor } } }\n  }\n": types.LatestCursorDocument,
    "\n  query Viewer {\n    setupRequired\n    viewer { id username isAdmin }\n  }\n": types.ViewerDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query Account {\n    viewer { username email emailVerified isAdmin }\n    canSendEmail\n    apiTokens { __typename ... on QueryApiTokensConnection { nodes { id name createdAt lastUsedAt revokedAt } } }\n  }\n": types.AccountDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { __typename ... on Error { message } }\n  }\n": types.ChangePasswordDocument,
    "\n  mutation CreateApiToken($name: String!) {\n    createApiToken(name: $name) { __typename ... on Error { message } ... on CreatedApiToken { token } }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) { __typename ... on Error { message } }\n  }\n": types.RevokeApiTokenDocument,
    "\n  mutation RequestEmailVerification {\n    requestEmailVerification { __typename ... on Error { message } ... on EmailVerificationSent { email expiresAt } }\n  }\n": types.RequestEmailVerificationDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) { __typename ... on Error { message } ... on User { email emailVerified } }\n  }\n": types.VerifyEmailDocument,
    "\n  query AccessibleObjects($id: ID!, $role: String!, $search: String, $first: Int, $after: String) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            accessibleObjects(role: $role, search: $search, first: $first, after: $after) {\n              __typename\n              ... on Error { message }\n              ... on DatabaseCatalogAccessibleObjectsConnection {\n                totalCount\n                pageInfo { hasNextPage endCursor }\n                nodes {\n                  object { ...ObjectIdentity }\n                  privileges { ...EffectivePrivilegeFields }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.AccessibleObjectsDocument,
    "\n  query Activity(\n    $id: ID!\n    $first: Int\n    $after: BigCursor\n    $kinds: [String!]\n    $actorId: ID\n    $object: String\n    $role: String\n  ) {\n    auditLog(\n      databaseId: $id\n      first: $first\n      after: $after\n      kinds: $kinds\n      actorId: $actorId\n      object: $object\n      role: $role\n    ) {\n      __typename\n      ... on Error { message }\n      ... on EventPage {\n        nextCursor\n        events {\n          cursor kind source createdAt sql actingRole actor { id username } warnings burstId burstSize\n          ... on PrivilegeEvent {\n            object objectKind grantee granted revoked\n            aclChanges { grantee granted revoked grantOptionGranted grantOptionRevoked }\n          }\n          ... on MembershipEvent { role member members added removed admin }\n          ... on RoleEvent { role newName changes reassignTo }\n          ... on OwnershipEvent { object objectKind previousOwner newOwner }\n          ... on ObjectEvent { object objectKind owner }\n          ... on CollaboratorEvent { username role access }\n          ... on InvitationEvent { email status role access }\n        }\n      }\n    }\n  }\n": types.ActivityDocument,
    "\n  query EventKinds {\n    eventKinds { kind }\n  }\n": types.EventKindsDocument,
    "\n  query Collaborators($id: ID!) {\n    viewer { id isAdmin }\n    users { __typename ... on QueryUsersConnection { nodes { id username email isActive } } }\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        collaborators { id access createdAt user { id username email isAdmin } role { id rolname } }\n        roleOffers {\n          __typename\n          ... on Error { message }\n          ... on DatabaseRoleOffersConnection { nodes { ...RoleOfferFields } }\n        }\n      }\n    }\n  }\n": types.CollaboratorsDocument,
    "\n  mutation AddCollaborator($input: AddCollaboratorInput!) {\n    addCollaborator(input: $input) { __typename ... on Error { message } }\n  }\n": types.AddCollaboratorDocument,
    "\n  mutation UpdateCollaborator($id: ID!, $input: UpdateCollaboratorInput!) {\n    updateCollaborator(id: $id, input: $input) { __typename ... on Error { message } }\n  }\n": types.UpdateCollaboratorDocument,
    "\n  mutation RemoveCollaborator($id: ID!) {\n    removeCollaborator(id: $id) { __typename ... on Error { message } }\n  }\n": types.RemoveCollaboratorDocument,
    "\n  mutation LeaveDatabase($databaseId: ID!) {\n    leaveDatabase(databaseId: $databaseId) { __typename ... on Error { message } }\n  }\n": types.LeaveDatabaseDocument,
    "\n  query DatabaseHeader($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        id\n        name\n        viewerAccess\n        server { host port }\n        changesWatched\n        unwatchedReason\n        viewerCapabilities {\n          canManageCollaborators canConfigureRoles canReadCatalog canLeave canDisconnect canChangeOwnCollaboration\n        }\n      }\n    }\n  }\n": types.DatabaseHeaderDocument,
    "\n  query Explain($id: ID!, $role: String!, $object: ObjectRef!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            effectivePrivileges(role: $role, object: $object) {\n              __typename\n              ... on Error { message }\n              ... on DatabaseCatalogEffectivePrivilegesConnection {\n                nodes { privilege held grantable sources { kind path predefinedRole grantee { name } grantor { name } } }\n              }\n            }\n            accessGaps(role: $role, object: $object) {\n              __typename\n              ... on DatabaseCatalogAccessGapsConnection { nodes { privilege on because fix } }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ExplainDocument,
    "\n  query PendingInvitations($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        invitations { id email access status createdAt expiresAt invitedBy { username } role { id rolname } }\n      }\n    }\n  }\n": types.PendingInvitationsDocument,
    "\n  mutation InviteCollaborator($input: InviteCollaboratorInput!) {\n    inviteCollaborator(input: $input) { __typename ... on Error { message } ... on InvitationSent { delivery acceptUrl } }\n  }\n": types.InviteCollaboratorDocument,
    "\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) { __typename ... on Error { message } ... on InvitationSent { delivery acceptUrl } }\n  }\n": types.ResendInvitationDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) { __typename ... on Error { message } }\n  }\n": types.RevokeInvitationDocument,
    "\n  query Overview($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            privilegesByKind { kind privileges presets { preset privileges } }\n            viewerRole { role { name } databasePrivileges canCreateSchemas }\n          }\n        }\n      }\n    }\n  }\n": types.OverviewDocument,
    "\n  query OverviewObjects($id: ID!, $search: String, $first: Int, $after: String) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            objectsConnection(search: $search, first: $first, after: $after) {\n              totalCount\n              pageInfo { hasNextPage endCursor }\n              nodes { ...OverviewObject }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.OverviewObjectsDocument,
    "\n  query OverviewSchemaTables($id: ID!, $name: String!) {\n    database(id: $id) {\n      __typename\n      ... on Database {\n        catalog {\n          __typename\n          ... on DatabaseCatalog {\n            schema(name: $name) {\n              tables { name owner { name } viewerCan { changePrivileges grantablePrivileges transferOwnership reason } }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.OverviewSchemaTablesDocument,
    "\n  mutation CreateSchema($databaseId: ID!, $name: String!, $owner: String, $dryRun: Boolean, $previewToken: String) {\n    createSchema(databaseId: $databaseId, name: $name, owner: $owner, dryRun: $dryRun, previewToken: $previewToken) {\n      __typename\n      ... on Error { message }\n      ... on PermissionChange { ...PreviewedChangeFields }\n    }\n  }\n": types.CreateSchemaDocument,
    "\n  query LoginRoles($id: ID!, $search: String, $configured: Boolean, $first: Int, $after: String) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        loginRoles(search: $search, configured: $configured, first: $first, after: $after) {\n          __typename\n          ... on Error { message }\n          ... on DatabaseLoginRolesConnection {\n            totalCount\n            pageInfo { hasNextPage endCursor }\n            nodes { rolname isSuperuser isConfigured configuredRole { id verifiedAt } }\n          }\n        }\n      }\n    }\n  }\n": types.LoginRolesDocument,
    "\n  query LoginRoleOffers($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Database {\n        roleOffers {\n          __typename\n          ... on Error { message }\n          ... on DatabaseRoleOffersConnection { nodes { ...RoleOfferFields } }\n        }\n      }\n    }\n  }\n": types.LoginRoleOffersDocument,
    "\n  mutation ConfigureRole($databaseId: ID!, $role: String!, $password: String!) {\n    configureRole(databaseId: $databaseId, role: $role, password: $password) { __typename ... on Error { message } }\n  }\n": types.ConfigureRoleDocument,
    "\n  mutation SetRoleAssignable($databaseId: ID!, $configuredRoleId: ID!, $assignable: Boolean!) {\n    setRoleAssignable(databaseId: $databaseId, configuredRoleId: $configuredRoleId, assignable: $assignable) {\n      __typename\n      ... on Error { message }\n      ... on RoleOffer { markedAssignable }\n    }\n  }\n": types.SetRoleAssignableDocument,
    "\n  mutation RemoveConfiguredRole($id: ID!) {\n    removeConfiguredRole(id: $id) { __typename ... on Error { message } }\n  }\n": types.RemoveConfiguredRoleDocument,
    "\n  fragment RoleOfferFields on RoleOffer { mayGive refusal refusalMessage markedAssignable configuredRole { id rolname } }\n": types.RoleOfferFieldsFragmentDoc,
    "\n  fragment GraphRoleFields on Role { name canLogin isSuperuser memberCount memberOfCount }\n": types.GraphRoleFieldsFragmentDoc,
    "\n  query RoleNeighbourhood($id: ID!, $role: String!, $depth: Int!, $perRole: Int!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            roleNeighbourhood(role: $role, depth: $depth, perRole: $perRole) {\n              __typename\n              ... on Error { message }\n              ... on RoleNeighbourhood {\n                center { name }\n                roles { ...GraphRoleFields }\n                memberships { role { name } member { name } admin inherit set }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.RoleNeighbourhoodDocument,
    "\n  query GraphViewerRole($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog { viewerRole { role { name } } }\n        }\n      }\n    }\n  }\n": types.GraphViewerRoleDocument,
    "\n  query ServerRoleGraph($id: ID!, $first: Int!, $withRoles: Boolean!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            rolesConnection(filter: { predefined: false }, first: $first) {\n              totalCount\n              nodes @include(if: $withRoles) {\n                ...GraphRoleFields\n                members { member { name } admin inherit set }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ServerRoleGraphDocument,
    "\n  fragment OverviewObject on SecurableObject {\n    __typename\n    ...Securable\n    viewerPrivileges { ...EffectivePrivilegeFields }\n    ... on DatabaseObject { name }\n    ... on Schema { name }\n    ... on Table { schema name tableKind }\n    ... on CatalogObject { name kind schemaName localName arguments subkind }\n    ... on Column { name }\n  }\n": types.OverviewObjectFragmentDoc,
    "\n  fragment ObjectIdentity on SecurableObject {\n    __typename\n    ... on DatabaseObject { name }\n    ... on Schema { name }\n    ... on Table { schema name tableKind }\n    ... on CatalogObject { name kind schemaName localName arguments subkind }\n    ... on Column { name }\n  }\n": types.ObjectIdentityFragmentDoc,
    "\n  query OverviewSchemaRow($id: ID!, $name: String!) {\n    database(id: $id) {\n      __typename\n      ... on Database {\n        catalog { __typename ... on DatabaseCatalog { schema(name: $name) { ...OverviewObject } } }\n      }\n    }\n  }\n": types.OverviewSchemaRowDocument,
    "\n  query OverviewTableRow($id: ID!, $schema: String!, $name: String!) {\n    database(id: $id) {\n      __typename\n      ... on Database {\n        catalog { __typename ... on DatabaseCatalog { table(schema: $schema, name: $name) { ...OverviewObject } } }\n      }\n    }\n  }\n": types.OverviewTableRowDocument,
    "\n  mutation TransferOwnership(\n    $databaseId: ID!, $object: ObjectRef!, $newOwner: String!, $tables: [String!], $dryRun: Boolean, $previewToken: String\n  ) {\n    transferOwnership(\n      databaseId: $databaseId, object: $object, newOwner: $newOwner, tables: $tables, dryRun: $dryRun,\n      previewToken: $previewToken\n    ) {\n      __typename\n      ... on Error { message }\n      ... on PermissionChange { ...PreviewedChangeFields }\n    }\n  }\n": types.TransferOwnershipDocument,
    "\n  mutation SetPrivileges(\n    $databaseId: ID!, $object: ObjectRef!, $grants: [DesiredGrantInput!]!, $dryRun: Boolean, $previewToken: String\n  ) {\n    setPrivileges(\n      databaseId: $databaseId, object: $object, grants: $grants, dryRun: $dryRun, previewToken: $previewToken\n    ) {\n      __typename\n      ... on Error { message }\n      ... on PermissionChange { ...PreviewedChangeFields }\n    }\n  }\n": types.SetPrivilegesDocument,
    "\n  mutation GrantOnAllTables(\n    $databaseId: ID!, $schema: String!, $grantee: String, $privileges: [String!]!, $sequencePrivileges: [String!],\n    $withSchemaUsage: Boolean, $dryRun: Boolean, $previewToken: String\n  ) {\n    grantOnAllTables(\n      databaseId: $databaseId, schema: $schema, grantee: $grantee, privileges: $privileges,\n      sequencePrivileges: $sequencePrivileges, withSchemaUsage: $withSchemaUsage, dryRun: $dryRun,\n      previewToken: $previewToken\n    ) {\n      __typename\n      ... on Error { message }\n      ... on PermissionChange { ...PreviewedChangeFields }\n    }\n  }\n": types.GrantOnAllTablesDocument,
    "\n  query WhoCanAccess($id: ID!, $object: ObjectRef!, $search: String, $first: Int, $after: String) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            whoCanAccess(object: $object, search: $search, first: $first, after: $after) {\n              __typename\n              ... on Error { message }\n              ... on DatabaseCatalogWhoCanAccessConnection {\n                totalCount\n                pageInfo { hasNextPage endCursor }\n                nodes {\n                  role { name isSuperuser }\n                  collaborators\n                  privileges { ...EffectivePrivilegeFields }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.WhoCanAccessDocument,
    "\n  fragment Securable on SecurableObject {\n    kind\n    owner { name }\n    aclIsDefault\n    grants { isPublic grantee { name } privileges grantable preset }\n    viewerCan { changePrivileges grantablePrivileges transferOwnership reason }\n  }\n": types.SecurableFragmentDoc,
    "\n  query GroupMembers($id: ID!, $role: String!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            role(name: $role) {\n              name\n              membersConnection { nodes { member { name } admin inherit set } }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.GroupMembersDocument,
    "\n  fragment RoleRowFields on Role {\n    name canLogin isSuperuser inherit createRole createDb replication bypassRls connectionLimit validUntil\n    isPredefined isConfigured\n    memberCount memberOfCount\n    membersConnection(first: 3) { nodes { member { name } } }\n    memberOfConnection(first: 3) { nodes { role { name } } }\n    viewerCan {\n      alter alterReason rename renameReason drop dropReason manageMembers manageMembersReason\n      setPassword setPasswordReason lockedAttributes { attribute reason }\n    }\n  }\n": types.RoleRowFieldsFragmentDoc,
    "\n  fragment PreviewedChangeFields on PermissionChange {\n    sql warnings previewToken\n    notes { code grantee object subjects grantor message }\n  }\n": types.PreviewedChangeFieldsFragmentDoc,
    "\n  mutation CreateRole($databaseId: ID!, $input: CreateRoleInput!, $dryRun: Boolean, $previewToken: String) {\n    createRole(databaseId: $databaseId, input: $input, dryRun: $dryRun, previewToken: $previewToken) { __typename ... on Error { message } ... on PermissionChange { ...PreviewedChangeFields } }\n  }\n": types.CreateRoleDocument,
    "\n  mutation AlterRole($databaseId: ID!, $name: String!, $attributes: RoleAttributesInput!, $dryRun: Boolean, $previewToken: String) {\n    alterRole(databaseId: $databaseId, name: $name, attributes: $attributes, dryRun: $dryRun, previewToken: $previewToken) { __typename ... on Error { message } ... on PermissionChange { ...PreviewedChangeFields } }\n  }\n": types.AlterRoleDocument,
    "\n  mutation RenameRole($databaseId: ID!, $name: String!, $newName: String!, $dryRun: Boolean, $previewToken: String) {\n    renameRole(databaseId: $databaseId, name: $name, newName: $newName, dryRun: $dryRun, previewToken: $previewToken) { __typename ... on Error { message } ... on PermissionChange { ...PreviewedChangeFields } }\n  }\n": types.RenameRoleDocument,
    "\n  mutation SetRolePassword($databaseId: ID!, $name: String!, $password: String!, $dryRun: Boolean, $previewToken: String) {\n    setRolePassword(databaseId: $databaseId, name: $name, password: $password, dryRun: $dryRun, previewToken: $previewToken) { __typename ... on Error { message } ... on PermissionChange { ...PreviewedChangeFields } }\n  }\n": types.SetRolePasswordDocument,
    "\n  mutation DropRole($databaseId: ID!, $name: String!, $reassignTo: String, $dryRun: Boolean, $previewToken: String) {\n    dropRole(databaseId: $databaseId, name: $name, reassignTo: $reassignTo, dryRun: $dryRun, previewToken: $previewToken) { __typename ... on Error { message } ... on PermissionChange { ...PreviewedChangeFields } }\n  }\n": types.DropRoleDocument,
    "\n  mutation SetGroupMembers($databaseId: ID!, $role: String!, $members: [MembershipInput!]!, $dryRun: Boolean, $previewToken: String) {\n    setGroupMembers(databaseId: $databaseId, role: $role, members: $members, dryRun: $dryRun, previewToken: $previewToken) { __typename ... on Error { message } ... on PermissionChange { ...PreviewedChangeFields } }\n  }\n": types.SetGroupMembersDocument,
    "\n  query RoleDependencies($id: ID!, $name: String!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog { role(name: $name) { name dependencies { database owned privileges } } }\n        }\n      }\n    }\n  }\n": types.RoleDependenciesDocument,
    "\n  query Roles($id: ID!, $filter: RoleFilter, $first: Int, $after: String) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            membershipOptionsPerGrant\n            viewerRole { canCreateRoles role { name isSuperuser createDb } }\n            rolesConnection(filter: $filter, first: $first, after: $after) {\n              totalCount\n              pageInfo { hasNextPage endCursor }\n              nodes { ...RoleRowFields }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.RolesDocument,
    "\n  query Databases {\n    viewer { isAdmin }\n    databases {\n      __typename\n      ... on Error { message }\n      ... on QueryDatabasesConnection {\n        nodes { id name viewerAccess viewerRoleName server { host port isDemo sslMode } viewerCapabilities { canDisconnect } }\n      }\n    }\n    demoDatabase { host port database role }\n  }\n": types.DatabasesDocument,
    "\n  mutation ConnectDatabase($input: ConnectDatabaseInput!) {\n    connectDatabase(input: $input) { __typename ... on Error { message } ... on Database { id } }\n  }\n": types.ConnectDatabaseDocument,
    "\n  mutation TestConnection($input: ConnectDatabaseInput!) {\n    testConnection(input: $input) { __typename ... on Error { message } ... on ConnectionTest { currentUser } }\n  }\n": types.TestConnectionDocument,
    "\n  mutation DisconnectDatabase($id: ID!) {\n    disconnectDatabase(id: $id) { __typename ... on Error { message } }\n  }\n": types.DisconnectDatabaseDocument,
    "\n  mutation AcceptInvitation($token: String!, $newAccount: NewAccountInput) {\n    acceptInvitation(token: $token, newAccount: $newAccount) { __typename ... on Error { message } ... on Collaborator { database { id name } } }\n  }\n": types.AcceptInvitationDocument,
    "\n  query InvitationLink($token: String!) {\n    invitationLink(token: $token) {\n      __typename\n      ... on Error { message }\n      ... on InvitationLink { email database server role access invitedBy expiresAt }\n    }\n  }\n": types.InvitationLinkDocument,
    "\n  mutation DeclineInvitationLink($token: String!) {\n    declineInvitationLink(token: $token) { __typename ... on Error { message } }\n  }\n": types.DeclineInvitationLinkDocument,
    "\n  query MyInvitations {\n    myInvitations { __typename ... on QueryMyInvitationsConnection { nodes { id databaseName access status expiresAt role { rolname } invitedBy { username } } } }\n  }\n": types.MyInvitationsDocument,
    "\n  mutation AcceptMyInvitation($id: ID!) {\n    acceptMyInvitation(id: $id) { __typename ... on Error { message } }\n  }\n": types.AcceptMyInvitationDocument,
    "\n  mutation DeclineInvitation($id: ID!) {\n    declineInvitation(id: $id) { __typename ... on Error { message } }\n  }\n": types.DeclineInvitationDocument,
    "\n  mutation Setup($input: SetupInput!) {\n    setup(input: $input) { __typename ... on Error { message } }\n  }\n": types.SetupDocument,
    "\n  mutation Login($login: String!, $password: String!) {\n    login(login: $login, password: $password) { __typename ... on Error { message } }\n  }\n": types.LoginDocument,
    "\n  query Users {\n    viewer { id }\n    users { __typename ... on Error { message } ... on QueryUsersConnection { nodes { id username email emailVerified displayName isAdmin isActive } } }\n  }\n": types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) { __typename ... on Error { message } }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) { __typename ... on Error { message } }\n  }\n": types.UpdateUserDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EffectivePrivilegeFields on EffectivePrivilege {\n    privilege held grantable\n    sources { kind path grantee { name } predefinedRole }\n  }\n"): typeof import('./graphql').EffectivePrivilegeFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ObjectPicker($id: ID!, $search: String, $first: Int!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            objectsConnection(search: $search, first: $first) {\n              totalCount\n              nodes {\n                __typename\n                kind\n                ... on DatabaseObject { name }\n                ... on Schema { name }\n                ... on Table { schema name }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ObjectPickerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RolePicker($id: ID!, $filter: RoleFilter!, $first: Int!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            rolesConnection(filter: $filter, first: $first) { totalCount nodes { name } }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').RolePickerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveEvents($databaseId: ID, $kinds: [String!], $after: BigCursor) {\n    events(databaseId: $databaseId, kinds: $kinds, after: $after) {\n      __typename\n      cursor\n      kind\n      source\n      createdAt\n      actor { username }\n      burstId\n      burstSize\n      ... on PrivilegeEvent {\n        object objectKind grantee granted revoked\n        aclChanges { grantee granted revoked grantOptionGranted grantOptionRevoked }\n      }\n      ... on MembershipEvent { role member members added removed admin }\n      ... on RoleEvent { role newName changes reassignTo }\n      ... on OwnershipEvent { object objectKind previousOwner newOwner }\n      ... on CollaboratorEvent { username role access }\n      ... on ObjectEvent { object objectKind owner }\n      ... on DatabaseEvent { database }\n      ... on UserEvent { username }\n      ... on InvitationEvent { email status role access }\n    }\n  }\n"): typeof import('./graphql').LiveEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LatestCursor {\n    auditLog(first: 1) { __typename ... on EventPage { events { cursor } } }\n  }\n"): typeof import('./graphql').LatestCursorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    setupRequired\n    viewer { id username isAdmin }\n  }\n"): typeof import('./graphql').ViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): typeof import('./graphql').LogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Account {\n    viewer { username email emailVerified isAdmin }\n    canSendEmail\n    apiTokens { __typename ... on QueryApiTokensConnection { nodes { id name createdAt lastUsedAt revokedAt } } }\n  }\n"): typeof import('./graphql').AccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { __typename ... on Error { message } }\n  }\n"): typeof import('./graphql').ChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($name: String!) {\n    createApiToken(name: $name) { __typename ... on Error { message } ... on CreatedApiToken { token } }\n  }\n"): typeof import('./graphql').CreateApiTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) { __typename ... on Error { message } }\n  }\n"): typeof import('./graphql').RevokeApiTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestEmailVerification {\n    requestEmailVerification { __typename ... on Error { message } ... on EmailVerificationSent { email expiresAt } }\n  }\n"): typeof import('./graphql').RequestEmailVerificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) { __typename ... on Error { message } ... on User { email emailVerified } }\n  }\n"): typeof import('./graphql').VerifyEmailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessibleObjects($id: ID!, $role: String!, $search: String, $first: Int, $after: String) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            accessibleObjects(role: $role, search: $search, first: $first, after: $after) {\n              __typename\n              ... on Error { message }\n              ... on DatabaseCatalogAccessibleObjectsConnection {\n                totalCount\n                pageInfo { hasNextPage endCursor }\n                nodes {\n                  object { ...ObjectIdentity }\n                  privileges { ...EffectivePrivilegeFields }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AccessibleObjectsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Activity(\n    $id: ID!\n    $first: Int\n    $after: BigCursor\n    $kinds: [String!]\n    $actorId: ID\n    $object: String\n    $role: String\n  ) {\n    auditLog(\n      databaseId: $id\n      first: $first\n      after: $after\n      kinds: $kinds\n      actorId: $actorId\n      object: $object\n      role: $role\n    ) {\n      __typename\n      ... on Error { message }\n      ... on EventPage {\n        nextCursor\n        events {\n          cursor kind source createdAt sql actingRole actor { id username } warnings burstId burstSize\n          ... on PrivilegeEvent {\n            object objectKind grantee granted revoked\n            aclChanges { grantee granted revoked grantOptionGranted grantOptionRevoked }\n          }\n          ... on MembershipEvent { role member members added removed admin }\n          ... on RoleEvent { role newName changes reassignTo }\n          ... on OwnershipEvent { object objectKind previousOwner newOwner }\n          ... on ObjectEvent { object objectKind owner }\n          ... on CollaboratorEvent { username role access }\n          ... on InvitationEvent { email status role access }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ActivityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventKinds {\n    eventKinds { kind }\n  }\n"): typeof import('./graphql').EventKindsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Collaborators($id: ID!) {\n    viewer { id isAdmin }\n    users { __typename ... on QueryUsersConnection { nodes { id username email isActive } } }\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        collaborators { id access createdAt user { id username email isAdmin } role { id rolname } }\n        roleOffers {\n          __typename\n          ... on Error { message }\n          ... on DatabaseRoleOffersConnection { nodes { ...RoleOfferFields } }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CollaboratorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddCollaborator($input: AddCollaboratorInput!) {\n    addCollaborator(input: $input) { __typename ... on Error { message } }\n  }\n"): typeof import('./graphql').AddCollaboratorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCollaborator($id: ID!, $input: UpdateCollaboratorInput!) {\n    updateCollaborator(id: $id, input: $input) { __typename ... on Error { message } }\n  }\n"): typeof import('./graphql').UpdateCollaboratorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveCollaborator($id: ID!) {\n    removeCollaborator(id: $id) { __typename ... on Error { message } }\n  }\n"): typeof import('./graphql').RemoveCollaboratorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaveDatabase($databaseId: ID!) {\n    leaveDatabase(databaseId: $databaseId) { __typename ... on Error { message } }\n  }\n"): typeof import('./graphql').LeaveDatabaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DatabaseHeader($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        id\n        name\n        viewerAccess\n        server { host port }\n        changesWatched\n        unwatchedReason\n        viewerCapabilities {\n          canManageCollaborators canConfigureRoles canReadCatalog canLeave canDisconnect canChangeOwnCollaboration\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').DatabaseHeaderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Explain($id: ID!, $role: String!, $object: ObjectRef!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            effectivePrivileges(role: $role, object: $object) {\n              __typename\n              ... on Error { message }\n              ... on DatabaseCatalogEffectivePrivilegesConnection {\n                nodes { privilege held grantable sources { kind path predefinedRole grantee { name } grantor { name } } }\n              }\n            }\n            accessGaps(role: $role, object: $object) {\n              __typename\n              ... on DatabaseCatalogAccessGapsConnection { nodes { privilege on because fix } }\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ExplainDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingInvitations($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        invitations { id email access status createdAt expiresAt invitedBy { username } role { id rolname } }\n      }\n    }\n  }\n"): typeof import('./graphql').PendingInvitationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteCollaborator($input: InviteCollaboratorInput!) {\n    inviteCollaborator(input: $input) { __typename ... on Error { message } ... on InvitationSent { delivery acceptUrl } }\n  }\n"): typeof import('./graphql').InviteCollaboratorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) { __typename ... on Error { message } ... on InvitationSent { delivery acceptUrl } }\n  }\n"): typeof import('./graphql').ResendInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) { __typename ... on Error { message } }\n  }\n"): typeof import('./graphql').RevokeInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Overview($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            privilegesByKind { kind privileges presets { preset privileges } }\n            viewerRole { role { name } databasePrivileges canCreateSchemas }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').OverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewObjects($id: ID!, $search: String, $first: Int, $after: String) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            objectsConnection(search: $search, first: $first, after: $after) {\n              totalCount\n              pageInfo { hasNextPage endCursor }\n              nodes { ...OverviewObject }\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').OverviewObjectsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewSchemaTables($id: ID!, $name: String!) {\n    database(id: $id) {\n      __typename\n      ... on Database {\n        catalog {\n          __typename\n          ... on DatabaseCatalog {\n            schema(name: $name) {\n              tables { name owner { name } viewerCan { changePrivileges grantablePrivileges transferOwnership reason } }\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').OverviewSchemaTablesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSchema($databaseId: ID!, $name: String!, $owner: String, $dryRun: Boolean, $previewToken: String) {\n    createSchema(databaseId: $databaseId, name: $name, owner: $owner, dryRun: $dryRun, previewToken: $previewToken) {\n      __typename\n      ... on Error { message }\n      ... on PermissionChange { ...PreviewedChangeFields }\n    }\n  }\n"): typeof import('./graphql').CreateSchemaDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LoginRoles($id: ID!, $search: String, $configured: Boolean, $first: Int, $after: String) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        loginRoles(search: $search, configured: $configured, first: $first, after: $after) {\n          __typename\n          ... on Error { message }\n          ... on DatabaseLoginRolesConnection {\n            totalCount\n            pageInfo { hasNextPage endCursor }\n            nodes { rolname isSuperuser isConfigured configuredRole { id verifiedAt } }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').LoginRolesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LoginRoleOffers($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Database {\n        roleOffers {\n          __typename\n          ... on Error { message }\n          ... on DatabaseRoleOffersConnection { nodes { ...RoleOfferFields } }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').LoginRoleOffersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfigureRole($databaseId: ID!, $role: String!, $password: String!) {\n    configureRole(databaseId: $databaseId, role: $role, password: $password) { __typename ... on Error { message } }\n  }\n"): typeof import('./graphql').ConfigureRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRoleAssignable($databaseId: ID!, $configuredRoleId: ID!, $assignable: Boolean!) {\n    setRoleAssignable(databaseId: $databaseId, configuredRoleId: $configuredRoleId, assignable: $assignable) {\n      __typename\n      ... on Error { message }\n      ... on RoleOffer { markedAssignable }\n    }\n  }\n"): typeof import('./graphql').SetRoleAssignableDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveConfiguredRole($id: ID!) {\n    removeConfiguredRole(id: $id) { __typename ... on Error { message } }\n  }\n"): typeof import('./graphql').RemoveConfiguredRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RoleOfferFields on RoleOffer { mayGive refusal refusalMessage markedAssignable configuredRole { id rolname } }\n"): typeof import('./graphql').RoleOfferFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GraphRoleFields on Role { name canLogin isSuperuser memberCount memberOfCount }\n"): typeof import('./graphql').GraphRoleFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoleNeighbourhood($id: ID!, $role: String!, $depth: Int!, $perRole: Int!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            roleNeighbourhood(role: $role, depth: $depth, perRole: $perRole) {\n              __typename\n              ... on Error { message }\n              ... on RoleNeighbourhood {\n                center { name }\n                roles { ...GraphRoleFields }\n                memberships { role { name } member { name } admin inherit set }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').RoleNeighbourhoodDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GraphViewerRole($id: ID!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog { viewerRole { role { name } } }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').GraphViewerRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServerRoleGraph($id: ID!, $first: Int!, $withRoles: Boolean!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            rolesConnection(filter: { predefined: false }, first: $first) {\n              totalCount\n              nodes @include(if: $withRoles) {\n                ...GraphRoleFields\n                members { member { name } admin inherit set }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ServerRoleGraphDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OverviewObject on SecurableObject {\n    __typename\n    ...Securable\n    viewerPrivileges { ...EffectivePrivilegeFields }\n    ... on DatabaseObject { name }\n    ... on Schema { name }\n    ... on Table { schema name tableKind }\n    ... on CatalogObject { name kind schemaName localName arguments subkind }\n    ... on Column { name }\n  }\n"): typeof import('./graphql').OverviewObjectFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ObjectIdentity on SecurableObject {\n    __typename\n    ... on DatabaseObject { name }\n    ... on Schema { name }\n    ... on Table { schema name tableKind }\n    ... on CatalogObject { name kind schemaName localName arguments subkind }\n    ... on Column { name }\n  }\n"): typeof import('./graphql').ObjectIdentityFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewSchemaRow($id: ID!, $name: String!) {\n    database(id: $id) {\n      __typename\n      ... on Database {\n        catalog { __typename ... on DatabaseCatalog { schema(name: $name) { ...OverviewObject } } }\n      }\n    }\n  }\n"): typeof import('./graphql').OverviewSchemaRowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewTableRow($id: ID!, $schema: String!, $name: String!) {\n    database(id: $id) {\n      __typename\n      ... on Database {\n        catalog { __typename ... on DatabaseCatalog { table(schema: $schema, name: $name) { ...OverviewObject } } }\n      }\n    }\n  }\n"): typeof import('./graphql').OverviewTableRowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TransferOwnership(\n    $databaseId: ID!, $object: ObjectRef!, $newOwner: String!, $tables: [String!], $dryRun: Boolean, $previewToken: String\n  ) {\n    transferOwnership(\n      databaseId: $databaseId, object: $object, newOwner: $newOwner, tables: $tables, dryRun: $dryRun,\n      previewToken: $previewToken\n    ) {\n      __typename\n      ... on Error { message }\n      ... on PermissionChange { ...PreviewedChangeFields }\n    }\n  }\n"): typeof import('./graphql').TransferOwnershipDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPrivileges(\n    $databaseId: ID!, $object: ObjectRef!, $grants: [DesiredGrantInput!]!, $dryRun: Boolean, $previewToken: String\n  ) {\n    setPrivileges(\n      databaseId: $databaseId, object: $object, grants: $grants, dryRun: $dryRun, previewToken: $previewToken\n    ) {\n      __typename\n      ... on Error { message }\n      ... on PermissionChange { ...PreviewedChangeFields }\n    }\n  }\n"): typeof import('./graphql').SetPrivilegesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantOnAllTables(\n    $databaseId: ID!, $schema: String!, $grantee: String, $privileges: [String!]!, $sequencePrivileges: [String!],\n    $withSchemaUsage: Boolean, $dryRun: Boolean, $previewToken: String\n  ) {\n    grantOnAllTables(\n      databaseId: $databaseId, schema: $schema, grantee: $grantee, privileges: $privileges,\n      sequencePrivileges: $sequencePrivileges, withSchemaUsage: $withSchemaUsage, dryRun: $dryRun,\n      previewToken: $previewToken\n    ) {\n      __typename\n      ... on Error { message }\n      ... on PermissionChange { ...PreviewedChangeFields }\n    }\n  }\n"): typeof import('./graphql').GrantOnAllTablesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WhoCanAccess($id: ID!, $object: ObjectRef!, $search: String, $first: Int, $after: String) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            whoCanAccess(object: $object, search: $search, first: $first, after: $after) {\n              __typename\n              ... on Error { message }\n              ... on DatabaseCatalogWhoCanAccessConnection {\n                totalCount\n                pageInfo { hasNextPage endCursor }\n                nodes {\n                  role { name isSuperuser }\n                  collaborators\n                  privileges { ...EffectivePrivilegeFields }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').WhoCanAccessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Securable on SecurableObject {\n    kind\n    owner { name }\n    aclIsDefault\n    grants { isPublic grantee { name } privileges grantable preset }\n    viewerCan { changePrivileges grantablePrivileges transferOwnership reason }\n  }\n"): typeof import('./graphql').SecurableFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupMembers($id: ID!, $role: String!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            role(name: $role) {\n              name\n              membersConnection { nodes { member { name } admin inherit set } }\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').GroupMembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RoleRowFields on Role {\n    name canLogin isSuperuser inherit createRole createDb replication bypassRls connectionLimit validUntil\n    isPredefined isConfigured\n    memberCount memberOfCount\n    membersConnection(first: 3) { nodes { member { name } } }\n    memberOfConnection(first: 3) { nodes { role { name } } }\n    viewerCan {\n      alter alterReason rename renameReason drop dropReason manageMembers manageMembersReason\n      setPassword setPasswordReason lockedAttributes { attribute reason }\n    }\n  }\n"): typeof import('./graphql').RoleRowFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PreviewedChangeFields on PermissionChange {\n    sql warnings previewToken\n    notes { code grantee object subjects grantor message }\n  }\n"): typeof import('./graphql').PreviewedChangeFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateRole($databaseId: ID!, $input: CreateRoleInput!, $dryRun: Boolean, $previewToken: String) {\n    createRole(databaseId: $databaseId, input: $input, dryRun: $dryRun, previewToken: $previewToken) { __typename ... on Error { message } ... on PermissionChange { ...PreviewedChangeFields } }\n  }\n"): typeof import('./graphql').CreateRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AlterRole($databaseId: ID!, $name: String!, $attributes: RoleAttributesInput!, $dryRun: Boolean, $previewToken: String) {\n    alterRole(databaseId: $databaseId, name: $name, attributes: $attributes, dryRun: $dryRun, previewToken: $previewToken) { __typename ... on Error { message } ... on PermissionChange { ...PreviewedChangeFields } }\n  }\n"): typeof import('./graphql').AlterRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameRole($databaseId: ID!, $name: String!, $newName: String!, $dryRun: Boolean, $previewToken: String) {\n    renameRole(databaseId: $databaseId, name: $name, newName: $newName, dryRun: $dryRun, previewToken: $previewToken) { __typename ... on Error { message } ... on PermissionChange { ...PreviewedChangeFields } }\n  }\n"): typeof import('./graphql').RenameRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRolePassword($databaseId: ID!, $name: String!, $password: String!, $dryRun: Boolean, $previewToken: String) {\n    setRolePassword(databaseId: $databaseId, name: $name, password: $password, dryRun: $dryRun, previewToken: $previewToken) { __typename ... on Error { message } ... on PermissionChange { ...PreviewedChangeFields } }\n  }\n"): typeof import('./graphql').SetRolePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DropRole($databaseId: ID!, $name: String!, $reassignTo: String, $dryRun: Boolean, $previewToken: String) {\n    dropRole(databaseId: $databaseId, name: $name, reassignTo: $reassignTo, dryRun: $dryRun, previewToken: $previewToken) { __typename ... on Error { message } ... on PermissionChange { ...PreviewedChangeFields } }\n  }\n"): typeof import('./graphql').DropRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetGroupMembers($databaseId: ID!, $role: String!, $members: [MembershipInput!]!, $dryRun: Boolean, $previewToken: String) {\n    setGroupMembers(databaseId: $databaseId, role: $role, members: $members, dryRun: $dryRun, previewToken: $previewToken) { __typename ... on Error { message } ... on PermissionChange { ...PreviewedChangeFields } }\n  }\n"): typeof import('./graphql').SetGroupMembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoleDependencies($id: ID!, $name: String!) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog { role(name: $name) { name dependencies { database owned privileges } } }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').RoleDependenciesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Roles($id: ID!, $filter: RoleFilter, $first: Int, $after: String) {\n    database(id: $id) {\n      __typename\n      ... on Error { message }\n      ... on Database {\n        catalog {\n          __typename\n          ... on Error { message }\n          ... on DatabaseCatalog {\n            membershipOptionsPerGrant\n            viewerRole { canCreateRoles role { name isSuperuser createDb } }\n            rolesConnection(filter: $filter, first: $first, after: $after) {\n              totalCount\n              pageInfo { hasNextPage endCursor }\n              nodes { ...RoleRowFields }\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').RolesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Databases {\n    viewer { isAdmin }\n    databases {\n      __typename\n      ... on Error { message }\n      ... on QueryDatabasesConnection {\n        nodes { id name viewerAccess viewerRoleName server { host port isDemo sslMode } viewerCapabilities { canDisconnect } }\n      }\n    }\n    demoDatabase { host port database role }\n  }\n"): typeof import('./graphql').DatabasesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConnectDatabase($input: ConnectDatabaseInput!) {\n    connectDatabase(input: $input) { __typename ... on Error { message } ... on Database { id } }\n  }\n"): typeof import('./graphql').ConnectDatabaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestConnection($input: ConnectDatabaseInput!) {\n    testConnection(input: $input) { __typename ... on Error { message } ... on ConnectionTest { currentUser } }\n  }\n"): typeof import('./graphql').TestConnectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisconnectDatabase($id: ID!) {\n    disconnectDatabase(id: $id) { __typename ... on Error { message } }\n  }\n"): typeof import('./graphql').DisconnectDatabaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($token: String!, $newAccount: NewAccountInput) {\n    acceptInvitation(token: $token, newAccount: $newAccount) { __typename ... on Error { message } ... on Collaborator { database { id name } } }\n  }\n"): typeof import('./graphql').AcceptInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvitationLink($token: String!) {\n    invitationLink(token: $token) {\n      __typename\n      ... on Error { message }\n      ... on InvitationLink { email database server role access invitedBy expiresAt }\n    }\n  }\n"): typeof import('./graphql').InvitationLinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineInvitationLink($token: String!) {\n    declineInvitationLink(token: $token) { __typename ... on Error { message } }\n  }\n"): typeof import('./graphql').DeclineInvitationLinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyInvitations {\n    myInvitations { __typename ... on QueryMyInvitationsConnection { nodes { id databaseName access status expiresAt role { rolname } invitedBy { username } } } }\n  }\n"): typeof import('./graphql').MyInvitationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptMyInvitation($id: ID!) {\n    acceptMyInvitation(id: $id) { __typename ... on Error { message } }\n  }\n"): typeof import('./graphql').AcceptMyInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineInvitation($id: ID!) {\n    declineInvitation(id: $id) { __typename ... on Error { message } }\n  }\n"): typeof import('./graphql').DeclineInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Setup($input: SetupInput!) {\n    setup(input: $input) { __typename ... on Error { message } }\n  }\n"): typeof import('./graphql').SetupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($login: String!, $password: String!) {\n    login(login: $login, password: $password) { __typename ... on Error { message } }\n  }\n"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users {\n    viewer { id }\n    users { __typename ... on Error { message } ... on QueryUsersConnection { nodes { id username email emailVerified displayName isAdmin isActive } } }\n  }\n"): typeof import('./graphql').UsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) { __typename ... on Error { message } }\n  }\n"): typeof import('./graphql').CreateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) { __typename ... on Error { message } }\n  }\n"): typeof import('./graphql').UpdateUserDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
