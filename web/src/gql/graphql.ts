/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A position in the event log, as a decimal string. */
  BigCursor: { input: string; output: string; }
  /** An ISO-8601 instant. */
  DateTime: { input: string; output: string; }
};

export type Access =
  /** Also manages this database's collaborators. */
  | 'MANAGER'
  /** Works with the data through their role. */
  | 'MEMBER';

export type AddCollaboratorInput = {
  access?: InputMaybe<Access>;
  configuredRoleId: Scalars['ID']['input'];
  databaseId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};

/** A bearer token for integrators and the CLI. Its secret is shown once, at creation. */
export type ApiToken = Node & {
  __typename?: 'ApiToken';
  createdAt: Scalars['DateTime']['output'];
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
};

export type AuthenticationFailedError = Error & PostgresFailure & {
  __typename?: 'AuthenticationFailedError';
  code: Scalars['String']['output'];
  detail?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
  /** SQLSTATE, when the server answered. */
  sqlstate?: Maybe<Scalars['String']['output']>;
};

/** A user working on a database through one configured role. */
export type Collaborator = Node & {
  __typename?: 'Collaborator';
  access: Access;
  createdAt: Scalars['DateTime']['output'];
  database: Database;
  id: Scalars['ID']['output'];
  role: ConfiguredRole;
  user: User;
};

/** A LOGIN role whose password Rolecall stores (encrypted, never returned) so collaborators can work through it. */
export type ConfiguredRole = Node & {
  __typename?: 'ConfiguredRole';
  id: Scalars['ID']['output'];
  rolname: Scalars['String']['output'];
  server: Server;
  /** When the stored password last logged in. */
  verifiedAt: Scalars['DateTime']['output'];
};

export type ConflictError = Error & {
  __typename?: 'ConflictError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

export type ConnectDatabaseInput = {
  database: Scalars['String']['input'];
  host: Scalars['String']['input'];
  /** Omit when the role is already configured on that server. */
  password?: InputMaybe<Scalars['String']['input']>;
  port?: InputMaybe<Scalars['Int']['input']>;
  /** The LOGIN role to connect as; it becomes configured. */
  role: Scalars['String']['input'];
};

export type CreateUserInput = {
  displayName?: InputMaybe<Scalars['String']['input']>;
  email: Scalars['String']['input'];
  isAdmin?: InputMaybe<Scalars['Boolean']['input']>;
  password: Scalars['String']['input'];
  username: Scalars['String']['input'];
};

export type CreatedApiToken = {
  __typename?: 'CreatedApiToken';
  apiToken: ApiToken;
  /** The secret: send it as `Authorization: Bearer …`. Not shown again. */
  token: Scalars['String']['output'];
};

/** A connected database. Only admins and its collaborators see it. */
export type Database = Node & {
  __typename?: 'Database';
  collaborators: Array<Collaborator>;
  /** Roles with a stored password on this database's server: the ones collaborators can be given. */
  configuredRoles: Array<ConfiguredRole>;
  createdAt: Scalars['DateTime']['output'];
  /** `current_user` on a connection made as the viewer's configured role: whom PostgreSQL sees. */
  currentRole: DatabaseCurrentRoleResult;
  id: Scalars['ID']['output'];
  /** The server's LOGIN roles, read live as the viewer's role, each marked configured or not. */
  loginRoles: DatabaseLoginRolesResult;
  name: Scalars['String']['output'];
  server: Server;
  /** The viewer's access level here, or null when not a collaborator. */
  viewerAccess?: Maybe<Access>;
  viewerCapabilities: DatabaseCapabilities;
};

/** What the viewer may do with this database in Rolecall (what PostgreSQL allows is on each object). */
export type DatabaseCapabilities = {
  __typename?: 'DatabaseCapabilities';
  canConfigureRoles: Scalars['Boolean']['output'];
  canDisconnect: Scalars['Boolean']['output'];
  canLeave: Scalars['Boolean']['output'];
  canManageCollaborators: Scalars['Boolean']['output'];
  /** The viewer collaborates here, so has a role to read the catalog as. */
  canReadCatalog: Scalars['Boolean']['output'];
  canView: Scalars['Boolean']['output'];
};

export type DatabaseCurrentRoleResult = AuthenticationFailedError | ConflictError | DatabaseCurrentRoleSuccess | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InUseError | InvalidCredentialsError | InvalidGrantError | InvalidNameError | LastAdminError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | ServerUnavailableError | SetupAlreadyDoneError | TooManyAttemptsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type DatabaseCurrentRoleSuccess = {
  __typename?: 'DatabaseCurrentRoleSuccess';
  data: Scalars['String']['output'];
};

export type DatabaseDoesNotExistError = Error & PostgresFailure & {
  __typename?: 'DatabaseDoesNotExistError';
  code: Scalars['String']['output'];
  detail?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
  /** SQLSTATE, when the server answered. */
  sqlstate?: Maybe<Scalars['String']['output']>;
};

export type DatabaseLoginRolesResult = AuthenticationFailedError | ConflictError | DatabaseDoesNotExistError | DatabaseLoginRolesSuccess | DependentObjectsError | DuplicateObjectError | ForbiddenError | InUseError | InvalidCredentialsError | InvalidGrantError | InvalidNameError | LastAdminError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | ServerUnavailableError | SetupAlreadyDoneError | TooManyAttemptsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type DatabaseLoginRolesSuccess = {
  __typename?: 'DatabaseLoginRolesSuccess';
  data: Array<LoginRole>;
};

/** The seeded database in the embedded cluster: connect it with `connectDatabase` and no password. */
export type DemoDatabase = {
  __typename?: 'DemoDatabase';
  database: Scalars['String']['output'];
  host: Scalars['String']['output'];
  port: Scalars['Int']['output'];
  role: Scalars['String']['output'];
};

export type DependentObjectsError = Error & PostgresFailure & {
  __typename?: 'DependentObjectsError';
  code: Scalars['String']['output'];
  detail?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
  /** SQLSTATE, when the server answered. */
  sqlstate?: Maybe<Scalars['String']['output']>;
};

export type DuplicateObjectError = Error & PostgresFailure & {
  __typename?: 'DuplicateObjectError';
  code: Scalars['String']['output'];
  detail?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
  /** SQLSTATE, when the server answered. */
  sqlstate?: Maybe<Scalars['String']['output']>;
};

/** Every expected failure. `code` is stable; `message` is for people. */
export type Error = {
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

export type ForbiddenError = Error & {
  __typename?: 'ForbiddenError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

export type InUseError = Error & {
  __typename?: 'InUseError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  usedBy: Array<Scalars['String']['output']>;
};

export type InvalidCredentialsError = Error & {
  __typename?: 'InvalidCredentialsError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

export type InvalidGrantError = Error & PostgresFailure & {
  __typename?: 'InvalidGrantError';
  code: Scalars['String']['output'];
  detail?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
  /** SQLSTATE, when the server answered. */
  sqlstate?: Maybe<Scalars['String']['output']>;
};

export type InvalidNameError = Error & PostgresFailure & {
  __typename?: 'InvalidNameError';
  code: Scalars['String']['output'];
  detail?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
  /** SQLSTATE, when the server answered. */
  sqlstate?: Maybe<Scalars['String']['output']>;
};

export type LastAdminError = Error & {
  __typename?: 'LastAdminError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

/** A LOGIN role on the server, live from pg_roles. */
export type LoginRole = {
  __typename?: 'LoginRole';
  configuredRole?: Maybe<ConfiguredRole>;
  isConfigured: Scalars['Boolean']['output'];
  isSuperuser: Scalars['Boolean']['output'];
  rolname: Scalars['String']['output'];
  validUntil?: Maybe<Scalars['DateTime']['output']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Admins, and managers of the database, add a user through a configured role that still logs in. */
  addCollaborator: MutationAddCollaboratorResult;
  /** Changes the viewer's own password; other sessions end. */
  changePassword: MutationChangePasswordResult;
  /** Admins store a role's password after a real login proves it; again to replace it after it changed. */
  configureRole: MutationConfigureRoleResult;
  /** Admins connect a database after a real login as the role; they become its collaborator through it. */
  connectDatabase: MutationConnectDatabaseResult;
  createApiToken: MutationCreateApiTokenResult;
  /** Admins create users (standard unless isAdmin). */
  createUser: MutationCreateUserResult;
  /** Removes Rolecall's metadata about a database; nothing changes on the server. */
  disconnectDatabase: MutationDisconnectDatabaseResult;
  /** The viewer stops collaborating on a database. */
  leaveDatabase: MutationLeaveDatabaseResult;
  /** Signs in with username or e-mail; sets an httpOnly session cookie. */
  login: MutationLoginResult;
  /** Ends the current session. */
  logout: Scalars['Boolean']['output'];
  /** Ends a collaboration; the user, the configured role and the server role stay. */
  removeCollaborator: MutationRemoveCollaboratorResult;
  /** Deletes only the stored password; the role stays on the server. Refused while collaborators use it. */
  removeConfiguredRole: MutationRemoveConfiguredRoleResult;
  revokeApiToken: MutationRevokeApiTokenResult;
  /** First run only: creates the first admin and signs them in. */
  setup: MutationSetupResult;
  updateCollaborator: MutationUpdateCollaboratorResult;
  /** Admins change e-mail, name, admin flag, password, or deactivate; the last active admin stays. */
  updateUser: MutationUpdateUserResult;
};


export type MutationAddCollaboratorArgs = {
  input: AddCollaboratorInput;
};


export type MutationChangePasswordArgs = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};


export type MutationConfigureRoleArgs = {
  databaseId: Scalars['ID']['input'];
  password: Scalars['String']['input'];
  role: Scalars['String']['input'];
};


export type MutationConnectDatabaseArgs = {
  input: ConnectDatabaseInput;
};


export type MutationCreateApiTokenArgs = {
  expiresInDays?: InputMaybe<Scalars['Int']['input']>;
  name: Scalars['String']['input'];
};


export type MutationCreateUserArgs = {
  input: CreateUserInput;
};


export type MutationDisconnectDatabaseArgs = {
  id: Scalars['ID']['input'];
};


export type MutationLeaveDatabaseArgs = {
  databaseId: Scalars['ID']['input'];
};


export type MutationLoginArgs = {
  login: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


export type MutationRemoveCollaboratorArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemoveConfiguredRoleArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeApiTokenArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetupArgs = {
  input: SetupInput;
};


export type MutationUpdateCollaboratorArgs = {
  id: Scalars['ID']['input'];
  input: UpdateCollaboratorInput;
};


export type MutationUpdateUserArgs = {
  id: Scalars['ID']['input'];
  input: UpdateUserInput;
};

export type MutationAddCollaboratorResult = AuthenticationFailedError | Collaborator | ConflictError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InUseError | InvalidCredentialsError | InvalidGrantError | InvalidNameError | LastAdminError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | ServerUnavailableError | SetupAlreadyDoneError | TooManyAttemptsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationChangePasswordResult = AuthenticationFailedError | ConflictError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InUseError | InvalidCredentialsError | InvalidGrantError | InvalidNameError | LastAdminError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | ServerUnavailableError | SetupAlreadyDoneError | TooManyAttemptsError | UnauthenticatedError | UndefinedObjectError | User | ValidationError;

export type MutationConfigureRoleResult = AuthenticationFailedError | ConfiguredRole | ConflictError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InUseError | InvalidCredentialsError | InvalidGrantError | InvalidNameError | LastAdminError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | ServerUnavailableError | SetupAlreadyDoneError | TooManyAttemptsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationConnectDatabaseResult = AuthenticationFailedError | ConflictError | Database | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InUseError | InvalidCredentialsError | InvalidGrantError | InvalidNameError | LastAdminError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | ServerUnavailableError | SetupAlreadyDoneError | TooManyAttemptsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationCreateApiTokenResult = AuthenticationFailedError | ConflictError | CreatedApiToken | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InUseError | InvalidCredentialsError | InvalidGrantError | InvalidNameError | LastAdminError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | ServerUnavailableError | SetupAlreadyDoneError | TooManyAttemptsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationCreateUserResult = AuthenticationFailedError | ConflictError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InUseError | InvalidCredentialsError | InvalidGrantError | InvalidNameError | LastAdminError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | ServerUnavailableError | SetupAlreadyDoneError | TooManyAttemptsError | UnauthenticatedError | UndefinedObjectError | User | ValidationError;

export type MutationDisconnectDatabaseResult = AuthenticationFailedError | ConflictError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InUseError | InvalidCredentialsError | InvalidGrantError | InvalidNameError | LastAdminError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | Removed | ServerUnavailableError | SetupAlreadyDoneError | TooManyAttemptsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationLeaveDatabaseResult = AuthenticationFailedError | ConflictError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InUseError | InvalidCredentialsError | InvalidGrantError | InvalidNameError | LastAdminError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | Removed | ServerUnavailableError | SetupAlreadyDoneError | TooManyAttemptsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationLoginResult = AuthenticationFailedError | ConflictError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InUseError | InvalidCredentialsError | InvalidGrantError | InvalidNameError | LastAdminError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | ServerUnavailableError | SetupAlreadyDoneError | TooManyAttemptsError | UnauthenticatedError | UndefinedObjectError | User | ValidationError;

export type MutationRemoveCollaboratorResult = AuthenticationFailedError | ConflictError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InUseError | InvalidCredentialsError | InvalidGrantError | InvalidNameError | LastAdminError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | Removed | ServerUnavailableError | SetupAlreadyDoneError | TooManyAttemptsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationRemoveConfiguredRoleResult = AuthenticationFailedError | ConflictError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InUseError | InvalidCredentialsError | InvalidGrantError | InvalidNameError | LastAdminError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | Removed | ServerUnavailableError | SetupAlreadyDoneError | TooManyAttemptsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationRevokeApiTokenResult = ApiToken | AuthenticationFailedError | ConflictError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InUseError | InvalidCredentialsError | InvalidGrantError | InvalidNameError | LastAdminError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | ServerUnavailableError | SetupAlreadyDoneError | TooManyAttemptsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationSetupResult = AuthenticationFailedError | ConflictError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InUseError | InvalidCredentialsError | InvalidGrantError | InvalidNameError | LastAdminError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | ServerUnavailableError | SetupAlreadyDoneError | TooManyAttemptsError | UnauthenticatedError | UndefinedObjectError | User | ValidationError;

export type MutationUpdateCollaboratorResult = AuthenticationFailedError | Collaborator | ConflictError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InUseError | InvalidCredentialsError | InvalidGrantError | InvalidNameError | LastAdminError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | ServerUnavailableError | SetupAlreadyDoneError | TooManyAttemptsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationUpdateUserResult = AuthenticationFailedError | ConflictError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InUseError | InvalidCredentialsError | InvalidGrantError | InvalidNameError | LastAdminError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | ServerUnavailableError | SetupAlreadyDoneError | TooManyAttemptsError | UnauthenticatedError | UndefinedObjectError | User | ValidationError;

export type Node = {
  id: Scalars['ID']['output'];
};

export type NotFoundError = Error & {
  __typename?: 'NotFoundError';
  code: Scalars['String']['output'];
  kind: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

export type ObjectInUseError = Error & PostgresFailure & {
  __typename?: 'ObjectInUseError';
  code: Scalars['String']['output'];
  detail?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
  /** SQLSTATE, when the server answered. */
  sqlstate?: Maybe<Scalars['String']['output']>;
};

export type PermissionDeniedError = Error & PostgresFailure & {
  __typename?: 'PermissionDeniedError';
  code: Scalars['String']['output'];
  detail?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
  /** SQLSTATE, when the server answered. */
  sqlstate?: Maybe<Scalars['String']['output']>;
};

export type PostgresError = Error & PostgresFailure & {
  __typename?: 'PostgresError';
  code: Scalars['String']['output'];
  detail?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
  /** SQLSTATE, when the server answered. */
  sqlstate?: Maybe<Scalars['String']['output']>;
};

/** PostgreSQL refused or could not be reached. */
export type PostgresFailure = {
  code: Scalars['String']['output'];
  detail?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
  /** SQLSTATE, when the server answered. */
  sqlstate?: Maybe<Scalars['String']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /** The viewer's own API tokens. */
  apiTokens: QueryApiTokensResult;
  database: QueryDatabaseResult;
  databases: QueryDatabasesResult;
  /** For admins: the ready demo database of the embedded default, or null. */
  demoDatabase?: Maybe<DemoDatabase>;
  /** True until the first admin has been created. */
  setupRequired: Scalars['Boolean']['output'];
  /** Every Rolecall user (admins only). */
  users: QueryUsersResult;
  /** The signed-in user, or null. */
  viewer?: Maybe<User>;
};


export type QueryDatabaseArgs = {
  id: Scalars['ID']['input'];
};

export type QueryApiTokensResult = AuthenticationFailedError | ConflictError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InUseError | InvalidCredentialsError | InvalidGrantError | InvalidNameError | LastAdminError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | QueryApiTokensSuccess | ServerUnavailableError | SetupAlreadyDoneError | TooManyAttemptsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type QueryApiTokensSuccess = {
  __typename?: 'QueryApiTokensSuccess';
  data: Array<ApiToken>;
};

export type QueryDatabaseResult = AuthenticationFailedError | ConflictError | Database | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InUseError | InvalidCredentialsError | InvalidGrantError | InvalidNameError | LastAdminError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | ServerUnavailableError | SetupAlreadyDoneError | TooManyAttemptsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type QueryDatabasesResult = AuthenticationFailedError | ConflictError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InUseError | InvalidCredentialsError | InvalidGrantError | InvalidNameError | LastAdminError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | QueryDatabasesSuccess | ServerUnavailableError | SetupAlreadyDoneError | TooManyAttemptsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type QueryDatabasesSuccess = {
  __typename?: 'QueryDatabasesSuccess';
  data: Array<Database>;
};

export type QueryUsersResult = AuthenticationFailedError | ConflictError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InUseError | InvalidCredentialsError | InvalidGrantError | InvalidNameError | LastAdminError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | QueryUsersSuccess | ServerUnavailableError | SetupAlreadyDoneError | TooManyAttemptsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type QueryUsersSuccess = {
  __typename?: 'QueryUsersSuccess';
  data: Array<User>;
};

export type Removed = {
  __typename?: 'Removed';
  id: Scalars['ID']['output'];
};

/** A PostgreSQL server (host and port); roles are server-wide. */
export type Server = Node & {
  __typename?: 'Server';
  host: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The embedded demo cluster started with Rolecall. */
  isDemo: Scalars['Boolean']['output'];
  port: Scalars['Int']['output'];
};

export type ServerUnavailableError = Error & PostgresFailure & {
  __typename?: 'ServerUnavailableError';
  code: Scalars['String']['output'];
  detail?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
  /** SQLSTATE, when the server answered. */
  sqlstate?: Maybe<Scalars['String']['output']>;
};

export type SetupAlreadyDoneError = Error & {
  __typename?: 'SetupAlreadyDoneError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

export type SetupInput = {
  displayName?: InputMaybe<Scalars['String']['input']>;
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
  username: Scalars['String']['input'];
};

export type TooManyAttemptsError = Error & {
  __typename?: 'TooManyAttemptsError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  retryAfterSeconds: Scalars['Int']['output'];
};

export type UnauthenticatedError = Error & {
  __typename?: 'UnauthenticatedError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

export type UndefinedObjectError = Error & PostgresFailure & {
  __typename?: 'UndefinedObjectError';
  code: Scalars['String']['output'];
  detail?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
  /** SQLSTATE, when the server answered. */
  sqlstate?: Maybe<Scalars['String']['output']>;
};

export type UpdateCollaboratorInput = {
  access?: InputMaybe<Access>;
  configuredRoleId?: InputMaybe<Scalars['ID']['input']>;
};

export type UpdateUserInput = {
  displayName?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  /** false deactivates: the user can no longer sign in and their sessions end. */
  isActive?: InputMaybe<Scalars['Boolean']['input']>;
  isAdmin?: InputMaybe<Scalars['Boolean']['input']>;
  /** Sets a new password and ends their sessions. */
  password?: InputMaybe<Scalars['String']['input']>;
};

export type User = Node & {
  __typename?: 'User';
  createdAt: Scalars['DateTime']['output'];
  displayName?: Maybe<Scalars['String']['output']>;
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  isActive: Scalars['Boolean']['output'];
  isAdmin: Scalars['Boolean']['output'];
  username: Scalars['String']['output'];
};

export type ValidationError = Error & {
  __typename?: 'ValidationError';
  code: Scalars['String']['output'];
  field: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { __typename?: 'Query', setupRequired: boolean, viewer?: { __typename?: 'User', id: string, username: string, isAdmin: boolean } | null };

export type DatabasesQueryVariables = Exact<{ [key: string]: never; }>;


export type DatabasesQuery = { __typename?: 'Query', databases:
    | { __typename: 'AuthenticationFailedError', message: string }
    | { __typename: 'ConflictError', message: string }
    | { __typename: 'DatabaseDoesNotExistError', message: string }
    | { __typename: 'DependentObjectsError', message: string }
    | { __typename: 'DuplicateObjectError', message: string }
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'InUseError', message: string }
    | { __typename: 'InvalidCredentialsError', message: string }
    | { __typename: 'InvalidGrantError', message: string }
    | { __typename: 'InvalidNameError', message: string }
    | { __typename: 'LastAdminError', message: string }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ObjectInUseError', message: string }
    | { __typename: 'PermissionDeniedError', message: string }
    | { __typename: 'PostgresError', message: string }
    | { __typename: 'QueryDatabasesSuccess', data: Array<{ __typename?: 'Database', id: string, name: string, viewerAccess?: Access | null, server: { __typename?: 'Server', host: string, port: number, isDemo: boolean } }> }
    | { __typename: 'ServerUnavailableError', message: string }
    | { __typename: 'SetupAlreadyDoneError', message: string }
    | { __typename: 'TooManyAttemptsError', message: string }
    | { __typename: 'UnauthenticatedError', message: string }
    | { __typename: 'UndefinedObjectError', message: string }
    | { __typename: 'ValidationError', message: string }
  , demoDatabase?: { __typename?: 'DemoDatabase', host: string, port: number, database: string, role: string } | null };

export type ConnectDatabaseMutationVariables = Exact<{
  input: ConnectDatabaseInput;
}>;


export type ConnectDatabaseMutation = { __typename?: 'Mutation', connectDatabase:
    | { __typename: 'AuthenticationFailedError', message: string }
    | { __typename: 'ConflictError', message: string }
    | { __typename: 'Database' }
    | { __typename: 'DatabaseDoesNotExistError', message: string }
    | { __typename: 'DependentObjectsError', message: string }
    | { __typename: 'DuplicateObjectError', message: string }
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'InUseError', message: string }
    | { __typename: 'InvalidCredentialsError', message: string }
    | { __typename: 'InvalidGrantError', message: string }
    | { __typename: 'InvalidNameError', message: string }
    | { __typename: 'LastAdminError', message: string }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ObjectInUseError', message: string }
    | { __typename: 'PermissionDeniedError', message: string }
    | { __typename: 'PostgresError', message: string }
    | { __typename: 'ServerUnavailableError', message: string }
    | { __typename: 'SetupAlreadyDoneError', message: string }
    | { __typename: 'TooManyAttemptsError', message: string }
    | { __typename: 'UnauthenticatedError', message: string }
    | { __typename: 'UndefinedObjectError', message: string }
    | { __typename: 'ValidationError', message: string }
   };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { __typename?: 'Mutation', logout: boolean };

export type SetupMutationVariables = Exact<{
  input: SetupInput;
}>;


export type SetupMutation = { __typename?: 'Mutation', setup:
    | { __typename: 'AuthenticationFailedError', message: string }
    | { __typename: 'ConflictError', message: string }
    | { __typename: 'DatabaseDoesNotExistError', message: string }
    | { __typename: 'DependentObjectsError', message: string }
    | { __typename: 'DuplicateObjectError', message: string }
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'InUseError', message: string }
    | { __typename: 'InvalidCredentialsError', message: string }
    | { __typename: 'InvalidGrantError', message: string }
    | { __typename: 'InvalidNameError', message: string }
    | { __typename: 'LastAdminError', message: string }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ObjectInUseError', message: string }
    | { __typename: 'PermissionDeniedError', message: string }
    | { __typename: 'PostgresError', message: string }
    | { __typename: 'ServerUnavailableError', message: string }
    | { __typename: 'SetupAlreadyDoneError', message: string }
    | { __typename: 'TooManyAttemptsError', message: string }
    | { __typename: 'UnauthenticatedError', message: string }
    | { __typename: 'UndefinedObjectError', message: string }
    | { __typename: 'User' }
    | { __typename: 'ValidationError', message: string }
   };

export type LoginMutationVariables = Exact<{
  login: Scalars['String']['input'];
  password: Scalars['String']['input'];
}>;


export type LoginMutation = { __typename?: 'Mutation', login:
    | { __typename: 'AuthenticationFailedError', message: string }
    | { __typename: 'ConflictError', message: string }
    | { __typename: 'DatabaseDoesNotExistError', message: string }
    | { __typename: 'DependentObjectsError', message: string }
    | { __typename: 'DuplicateObjectError', message: string }
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'InUseError', message: string }
    | { __typename: 'InvalidCredentialsError', message: string }
    | { __typename: 'InvalidGrantError', message: string }
    | { __typename: 'InvalidNameError', message: string }
    | { __typename: 'LastAdminError', message: string }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ObjectInUseError', message: string }
    | { __typename: 'PermissionDeniedError', message: string }
    | { __typename: 'PostgresError', message: string }
    | { __typename: 'ServerUnavailableError', message: string }
    | { __typename: 'SetupAlreadyDoneError', message: string }
    | { __typename: 'TooManyAttemptsError', message: string }
    | { __typename: 'UnauthenticatedError', message: string }
    | { __typename: 'UndefinedObjectError', message: string }
    | { __typename: 'User' }
    | { __typename: 'ValidationError', message: string }
   };


export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setupRequired"}},{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"isAdmin"}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const DatabasesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Databases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"databases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"QueryDatabasesSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"viewerAccess"}},{"kind":"Field","name":{"kind":"Name","value":"server"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"host"}},{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"isDemo"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"demoDatabase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"host"}},{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"database"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<DatabasesQuery, DatabasesQueryVariables>;
export const ConnectDatabaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConnectDatabase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConnectDatabaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectDatabase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConnectDatabaseMutation, ConnectDatabaseMutationVariables>;
export const LogoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"}}]}}]} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const SetupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Setup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SetupMutation, SetupMutationVariables>;
export const LoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"login"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"login"},"value":{"kind":"Variable","name":{"kind":"Name","value":"login"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;