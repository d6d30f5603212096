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

export type AccessChange = {
  __typename?: 'AccessChange';
  /** A grant option change: the row as it was. */
  before?: Maybe<AccessRow>;
  change: AccessChangeKind;
  /** The row as it is in the later report (as it was, when LOST). */
  row: AccessRow;
};

export type AccessChangeKind =
  /** Held now, not before. */
  | 'GAINED'
  /** Held both times; grantable now only. */
  | 'GRANT_OPTION_GAINED'
  /** Held both times; grantable before only. */
  | 'GRANT_OPTION_LOST'
  /** Held before, not now. */
  | 'LOST';

/** A report as a file, made on the server. */
export type AccessExport = {
  __typename?: 'AccessExport';
  content: Scalars['String']['output'];
  contentType: Scalars['String']['output'];
  fileName: Scalars['String']['output'];
  format: AccessExportFormat;
  rowCount: Scalars['Int']['output'];
};

export type AccessExportFormat =
  /** One line per row and path; lists are JSON arrays in their cell. */
  | 'CSV'
  /** The subject and the rows, paths nested. */
  | 'JSON';

/** What a role lacks on the way to an object (USAGE on its schema, CONNECT on its database), and the fix. */
export type AccessGap = {
  __typename?: 'AccessGap';
  /** Why it matters, in words. */
  because: Scalars['String']['output'];
  /** The GRANT that closes the gap. */
  fix: Scalars['String']['output'];
  /** The schema or database it is missing on. */
  on: Scalars['String']['output'];
  privilege: Scalars['String']['output'];
};

/** Who gains and who loses what, as effective privileges, through memberships, with the path for each. */
export type AccessImpact = {
  __typename?: 'AccessImpact';
  /** What must be called out before applying: the actor losing access, a collaborator losing all access. */
  callouts: Array<ImpactCallout>;
  /** Distinct collaborators of this database who work through those roles. */
  collaboratorCount: Scalars['Int']['output'];
  /** Truncated impacts: the (role, object) pairs counted before comparing stopped (at least this many). */
  comparedPairs?: Maybe<Scalars['Int']['output']>;
  /** One per role whose privileges other roles gain or lose through membership ("1,000 roles lose the privileges of reporting"), and direction. */
  membershipGroups: Array<MembershipImpactGroup>;
  /** Number of privilege groups in all (privilegeGroups may return fewer). */
  privilegeGroupCount: Scalars['Int']['output'];
  /** One per object, privilege and direction: most roles first, then by object and privilege. */
  privilegeGroups: Array<PrivilegeImpactGroup>;
  /** Distinct roles whose effective access changes (privileges on objects, or privileges of other roles). */
  roleCount: Scalars['Int']['output'];
  /** True when the change reaches too many (role, object) pairs to compare them one by one: membershipGroups stay exact, privilegeGroups then list only the roles the change itself moved (each with inheritorCount, the roles that have its privileges), and roleCount / collaboratorCount count only the roles listed. */
  truncated: Scalars['Boolean']['output'];
};


/** Who gains and who loses what, as effective privileges, through memberships, with the path for each. */
export type AccessImpactMembershipGroupsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Who gains and who loses what, as effective privileges, through memberships, with the path for each. */
export type AccessImpactPrivilegeGroupsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** An object of an access review, named as an ObjectRef names it. */
export type AccessObject = {
  __typename?: 'AccessObject';
  /** FUNCTION: its argument types. */
  arguments?: Maybe<Scalars['String']['output']>;
  column?: Maybe<Scalars['String']['output']>;
  kind: ObjectKind;
  /** db, schema, schema.table, schema.table.column, schema.function(arguments), or the name. */
  label: Scalars['String']['output'];
  /** Its own name: a column’s table’s, a function’s without arguments, a large object’s OID. */
  name: Scalars['String']['output'];
  /** Its schema; a schema’s own name. */
  schema?: Maybe<Scalars['String']['output']>;
};

/** One reason a role holds a privilege. */
export type AccessPath = {
  __typename?: 'AccessPath';
  /** This source carries the grant option. */
  grantable: Scalars['Boolean']['output'];
  grantor?: Maybe<Scalars['String']['output']>;
  /** From the role to the grantee (or owner, or predefined role), along INHERIT memberships; just the role when direct; empty for PUBLIC and SUPERUSER. */
  roles: Array<Scalars['String']['output']>;
  source: PrivilegeSourceKind;
};

/** Every effective privilege of the subject, each with its paths. */
export type AccessReport = {
  __typename?: 'AccessReport';
  rowCount: Scalars['Int']['output'];
  /** A page of the rows: the database, then each schema and its objects; by role name within one. */
  rows: AccessReportRowsConnection;
  subject: AccessSubject;
};


/** Every effective privilege of the subject, each with its paths. */
export type AccessReportRowsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type AccessReportRowsConnection = {
  __typename?: 'AccessReportRowsConnection';
  edges: Array<AccessReportRowsConnectionEdge>;
  nodes: Array<AccessRow>;
  pageInfo: PageInfo;
  /** How many there are in all, whatever page this is. */
  totalCount: Scalars['Int']['output'];
};

export type AccessReportRowsConnectionEdge = {
  __typename?: 'AccessReportRowsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: AccessRow;
};

/** One effective privilege of one role on one object, with every path to it. `isPublic`: what every role holds through PUBLIC alone (in reports of a schema or an object), named PUBLIC. A column’s rows give only what its table does not. */
export type AccessRow = {
  __typename?: 'AccessRow';
  /** Usernames of this database's collaborators who work through the role. */
  collaborators: Array<Scalars['String']['output']>;
  /** The role may grant it (WITH GRANT OPTION). */
  grantable: Scalars['Boolean']['output'];
  /** The row is PUBLIC’s, not a role’s: every role holds it (a role may also be named "PUBLIC"). */
  isPublic: Scalars['Boolean']['output'];
  object: AccessObject;
  paths: Array<AccessPath>;
  privilege: Scalars['String']['output'];
  role: Scalars['String']['output'];
};

/** A saved access report: its rows as they were, to compare with a later one. */
export type AccessSnapshot = {
  __typename?: 'AccessSnapshot';
  createdAt: Scalars['DateTime']['output'];
  /** The username of whoever saved it (null once that user is deleted). */
  createdBy?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  note?: Maybe<Scalars['String']['output']>;
  rowCount: Scalars['Int']['output'];
  rows: AccessSnapshotRowsConnection;
  subject: AccessSubject;
};


/** A saved access report: its rows as they were, to compare with a later one. */
export type AccessSnapshotRowsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** What changed in access between two snapshots of one subject, or since one of them. */
export type AccessSnapshotDiff = {
  __typename?: 'AccessSnapshotDiff';
  /** Rows gained and grant option changes, in the later report’s order, then rows lost, in the earlier’s. */
  changes: AccessSnapshotDiffChangesConnection;
  /** The database's events (its server's role events too) recorded between the two, about the roles (those on the rows' paths included) or objects of the changes: what caused them, as far as the log knows. */
  events: Array<Event>;
  from: AccessSnapshot;
  gainedCount: Scalars['Int']['output'];
  lostCount: Scalars['Int']['output'];
  /** Null: compared with the report as it is now. */
  to?: Maybe<AccessSnapshot>;
  /** When the later side was read. */
  toTime: Scalars['DateTime']['output'];
};


/** What changed in access between two snapshots of one subject, or since one of them. */
export type AccessSnapshotDiffChangesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type AccessSnapshotDiffChangesConnection = {
  __typename?: 'AccessSnapshotDiffChangesConnection';
  edges: Array<AccessSnapshotDiffChangesConnectionEdge>;
  nodes: Array<AccessChange>;
  pageInfo: PageInfo;
  /** How many there are in all, whatever page this is. */
  totalCount: Scalars['Int']['output'];
};

export type AccessSnapshotDiffChangesConnectionEdge = {
  __typename?: 'AccessSnapshotDiffChangesConnectionEdge';
  cursor: Scalars['String']['output'];
  node: AccessChange;
};

export type AccessSnapshotEvent = Event & {
  __typename?: 'AccessSnapshotEvent';
  /** The PostgreSQL role the change ran as. */
  actingRole?: Maybe<Scalars['String']['output']>;
  actor?: Maybe<User>;
  /** For a change found outside Rolecall: the changes one poll found share it (show them as one burst). */
  burstId?: Maybe<Scalars['String']['output']>;
  /** How many changes that poll found: the whole burst, even while only some of it is loaded. */
  burstSize?: Maybe<Scalars['Int']['output']>;
  createdAt: Scalars['DateTime']['output'];
  cursor: Scalars['BigCursor']['output'];
  databaseId?: Maybe<Scalars['ID']['output']>;
  kind: Scalars['String']['output'];
  note?: Maybe<Scalars['String']['output']>;
  /** For a change found outside Rolecall: it was made after this (the poll before the one that found it). Changes found by one poll share it: one burst. */
  observedSince?: Maybe<Scalars['DateTime']['output']>;
  rowCount?: Maybe<Scalars['Int']['output']>;
  serverId?: Maybe<Scalars['ID']['output']>;
  /** Gone once deleted (the event keeps what it was of). */
  snapshotId?: Maybe<Scalars['ID']['output']>;
  source: EventSource;
  /** The statements that ran (passwords masked). */
  sql: Array<Scalars['String']['output']>;
  /** ROLE, COLLABORATOR, SCHEMA or OBJECT. */
  subjectKind?: Maybe<Scalars['String']['output']>;
  subjectLabel?: Maybe<Scalars['String']['output']>;
  warnings: Array<Scalars['String']['output']>;
};

export type AccessSnapshotRowsConnection = {
  __typename?: 'AccessSnapshotRowsConnection';
  edges: Array<AccessSnapshotRowsConnectionEdge>;
  nodes: Array<AccessRow>;
  pageInfo: PageInfo;
  /** How many there are in all, whatever page this is. */
  totalCount: Scalars['Int']['output'];
};

export type AccessSnapshotRowsConnectionEdge = {
  __typename?: 'AccessSnapshotRowsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: AccessRow;
};

export type AccessSubject = {
  __typename?: 'AccessSubject';
  kind: AccessSubjectKind;
  /** The role, the username, the schema, or the object’s label. */
  label: Scalars['String']['output'];
  object?: Maybe<AccessObject>;
  /** ROLE and COLLABORATOR: the role reported on. */
  role?: Maybe<Scalars['String']['output']>;
};

/** What an access review is about: exactly one of a role, a collaborator (their username), a schema, or an object. */
export type AccessSubjectInput = {
  /** A collaborator's username on this database. */
  collaborator?: InputMaybe<Scalars['String']['input']>;
  object?: InputMaybe<ObjectRef>;
  role?: InputMaybe<Scalars['String']['input']>;
  schema?: InputMaybe<Scalars['String']['input']>;
};

export type AccessSubjectKind =
  /** Everything a collaborator can use, through the role they work as. */
  | 'COLLABORATOR'
  /** Every role that can use one object. */
  | 'OBJECT'
  /** Everything one role can use in the database. */
  | 'ROLE'
  /** Every role that can use the schema or anything in it. */
  | 'SCHEMA';

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

export type CatalogChangedError = Error & {
  __typename?: 'CatalogChangedError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

/** A function (procedure, aggregate), type (domain), language, foreign-data wrapper, foreign server, large object, tablespace or configuration parameter. */
export type CatalogObject = SecurableObject & {
  __typename?: 'CatalogObject';
  /** Nobody has changed the privileges: these are the defaults (acldefault). */
  aclIsDefault: Scalars['Boolean']['output'];
  /** A function’s argument types, as an ObjectRef takes them. */
  arguments?: Maybe<Scalars['String']['output']>;
  /** Grantees, PUBLIC included. */
  grants: Array<Grant>;
  /** The object's grantees (PUBLIC included), a page at a time; `search`: part of the grantee's name. */
  grantsConnection: SecurableObjectGrantsConnection;
  kind: ObjectKind;
  /** Its own name in its schema (proname, typname): with `schema` and `arguments`, an ObjectRef. */
  localName: Scalars['String']['output'];
  /** As PostgreSQL names it: a function with its argument types, a type as format_type writes it, a large object by its OID. */
  name: Scalars['String']['output'];
  owner?: Maybe<Role>;
  /** Functions and types: their schema. */
  schemaName?: Maybe<Scalars['String']['output']>;
  /** FUNCTION, PROCEDURE, AGGREGATE, WINDOW FUNCTION; BASE TYPE, COMPOSITE TYPE, DOMAIN, ENUM, RANGE. */
  subkind?: Maybe<Scalars['String']['output']>;
  viewerCan: ObjectCapabilities;
  /** What the viewer's role (current_user) can really do here, and why: direct grants, inherited ones, PUBLIC, ownership, predefined roles, superuser. */
  viewerPrivileges: Array<EffectivePrivilege>;
};


/** A function (procedure, aggregate), type (domain), language, foreign-data wrapper, foreign server, large object, tablespace or configuration parameter. */
export type CatalogObjectGrantsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};

/** The kinds listed as catalog objects (databases, schemas, tables and columns have their own types). */
export type CatalogObjectKind =
  | 'FOREIGN_DATA_WRAPPER'
  | 'FOREIGN_SERVER'
  | 'FUNCTION'
  | 'LANGUAGE'
  | 'LARGE_OBJECT'
  | 'PARAMETER'
  | 'TABLESPACE'
  | 'TYPE';

/** Something a change should tell you, as data: word it for people from these fields. */
export type ChangeNote = {
  __typename?: 'ChangeNote';
  code: ChangeNoteCode;
  /** The boolean option of the same mutation that, set to true, fixes it; null when Rolecall cannot. */
  fixOption?: Maybe<Scalars['String']['output']>;
  /** The role it is about; null for PUBLIC (a role named "PUBLIC" is that string). */
  grantee?: Maybe<Scalars['String']['output']>;
  /** GRANT_REMAINS, MEMBERSHIP_REMAINS: whose grant it is. */
  grantor?: Maybe<Scalars['String']['output']>;
  /** The API’s own wording (also in `warnings`). */
  message: Scalars['String']['output'];
  /** The object the change is on. */
  object: Scalars['String']['output'];
  /** What the fix is on (the schema, the sequences), or the privileges that remain. */
  subjects: Array<Scalars['String']['output']>;
};

export type ChangeNoteCode =
  /** New objects in the schema still get `subjects` from the creator’s global default privileges (or the built-in default): a schema’s entry can only add to those, so change them without a schema. */
  | 'GLOBAL_DEFAULT_REMAINS'
  /** A privilege stays: another grantor’s grant, which this role cannot revoke. */
  | 'GRANT_REMAINS'
  /** PostgreSQL 15 has no per-grant INHERIT or SET: `subjects` are the options not applied (the member’s INHERIT attribute decides). */
  | 'MEMBERSHIP_OPTION_UNSUPPORTED'
  /** The member stays a member of the role: another grantor’s grant, which this role cannot revoke. */
  | 'MEMBERSHIP_REMAINS'
  /** The grantee lacks USAGE on the object’s schema (a table’s, sequence’s, column’s, routine’s or type’s): the grant does nothing yet. */
  | 'SCHEMA_USAGE_MISSING'
  /** The grantee lost every privilege on the object but keeps the USAGE on its schema granted to it: `withoutSchemaUsage` revokes it too. */
  | 'SCHEMA_USAGE_REMAINS'
  /** The grantee may INSERT but lacks USAGE on the table’s serial sequences: inserts will fail. */
  | 'SEQUENCE_USAGE_MISSING';

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

export type CollaboratorEvent = Event & {
  __typename?: 'CollaboratorEvent';
  access?: Maybe<Scalars['String']['output']>;
  /** The PostgreSQL role the change ran as. */
  actingRole?: Maybe<Scalars['String']['output']>;
  actor?: Maybe<User>;
  /** For a change found outside Rolecall: the changes one poll found share it (show them as one burst). */
  burstId?: Maybe<Scalars['String']['output']>;
  /** How many changes that poll found: the whole burst, even while only some of it is loaded. */
  burstSize?: Maybe<Scalars['Int']['output']>;
  collaboratorId?: Maybe<Scalars['ID']['output']>;
  createdAt: Scalars['DateTime']['output'];
  cursor: Scalars['BigCursor']['output'];
  databaseId?: Maybe<Scalars['ID']['output']>;
  /** Added by accepting this invitation. */
  invitationId?: Maybe<Scalars['ID']['output']>;
  kind: Scalars['String']['output'];
  /** For a change found outside Rolecall: it was made after this (the poll before the one that found it). Changes found by one poll share it: one burst. */
  observedSince?: Maybe<Scalars['DateTime']['output']>;
  role?: Maybe<Scalars['String']['output']>;
  serverId?: Maybe<Scalars['ID']['output']>;
  source: EventSource;
  /** The statements that ran (passwords masked). */
  sql: Array<Scalars['String']['output']>;
  username?: Maybe<Scalars['String']['output']>;
  warnings: Array<Scalars['String']['output']>;
};

/** A column: its own grants (SELECT, INSERT, UPDATE, REFERENCES), which add to what its table grants (has_column_privilege). */
export type Column = SecurableObject & {
  __typename?: 'Column';
  /** Nobody has changed the privileges: these are the defaults (acldefault). */
  aclIsDefault: Scalars['Boolean']['output'];
  /** Grantees, PUBLIC included. */
  grants: Array<Grant>;
  /** The object's grantees (PUBLIC included), a page at a time; `search`: part of the grantee's name. */
  grantsConnection: SecurableObjectGrantsConnection;
  kind: ObjectKind;
  name: Scalars['String']['output'];
  owner?: Maybe<Role>;
  position: Scalars['Int']['output'];
  viewerCan: ObjectCapabilities;
  /** What the viewer's role (current_user) can really do here, and why: direct grants, inherited ones, PUBLIC, ownership, predefined roles, superuser. */
  viewerPrivileges: Array<EffectivePrivilege>;
};


/** A column: its own grants (SELECT, INSERT, UPDATE, REFERENCES), which add to what its table grants (has_column_privilege). */
export type ColumnGrantsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};

export type ConcurrentChangeError = Error & PostgresFailure & {
  __typename?: 'ConcurrentChangeError';
  code: Scalars['String']['output'];
  detail?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
  /** SQLSTATE, when the server answered. */
  sqlstate?: Maybe<Scalars['String']['output']>;
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
  /** PEM text of the CA certificate(s) to verify the server against (VERIFY_CA needs it; VERIFY_FULL without one trusts the CAs Node trusts). */
  caCertificate?: InputMaybe<Scalars['String']['input']>;
  database: Scalars['String']['input'];
  host: Scalars['String']['input'];
  /** Omit when the role is already configured on that server. */
  password?: InputMaybe<Scalars['String']['input']>;
  port?: InputMaybe<Scalars['Int']['input']>;
  /** The LOGIN role to connect as; it becomes configured. */
  role: Scalars['String']['input'];
  /** Omit to use the server's stored TLS settings (DISABLE for a new server). Given for a known server, it replaces the stored settings once `connectDatabase` logged in with them. */
  sslMode?: InputMaybe<SslMode>;
};

export type ConnectionTest = {
  __typename?: 'ConnectionTest';
  /** Whom the server saw log in. */
  currentUser: Scalars['String']['output'];
};

export type CreateRoleInput = {
  /** PostgreSQL decides who may: superusers (15), or roles that have BYPASSRLS themselves (16+). */
  bypassRls?: InputMaybe<Scalars['Boolean']['input']>;
  /** Store the password in Rolecall after a real login, so collaborators can use the role at once. */
  configure?: InputMaybe<Scalars['Boolean']['input']>;
  connectionLimit?: InputMaybe<Scalars['Int']['input']>;
  createDb?: InputMaybe<Scalars['Boolean']['input']>;
  createRole?: InputMaybe<Scalars['Boolean']['input']>;
  inherit?: InputMaybe<Scalars['Boolean']['input']>;
  /** A LOGIN role also gets CONNECT and CREATE on this database. */
  login?: InputMaybe<Scalars['Boolean']['input']>;
  name: Scalars['String']['input'];
  password?: InputMaybe<Scalars['String']['input']>;
  /** PostgreSQL decides who may: superusers (15), or roles that have REPLICATION themselves (16+). */
  replication?: InputMaybe<Scalars['Boolean']['input']>;
  validUntil?: InputMaybe<Scalars['DateTime']['input']>;
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

/** Sessions ended or API tokens revoked (seen by admins only); their streams ended with them. */
export type CredentialEvent = Event & {
  __typename?: 'CredentialEvent';
  /** The PostgreSQL role the change ran as. */
  actingRole?: Maybe<Scalars['String']['output']>;
  actor?: Maybe<User>;
  apiTokenIds: Array<Scalars['ID']['output']>;
  /** For a change found outside Rolecall: the changes one poll found share it (show them as one burst). */
  burstId?: Maybe<Scalars['String']['output']>;
  /** How many changes that poll found: the whole burst, even while only some of it is loaded. */
  burstSize?: Maybe<Scalars['Int']['output']>;
  createdAt: Scalars['DateTime']['output'];
  cursor: Scalars['BigCursor']['output'];
  databaseId?: Maybe<Scalars['ID']['output']>;
  kind: Scalars['String']['output'];
  /** For a change found outside Rolecall: it was made after this (the poll before the one that found it). Changes found by one poll share it: one burst. */
  observedSince?: Maybe<Scalars['DateTime']['output']>;
  /** logout, revoked, password_changed, password_reset or deactivated. */
  reason?: Maybe<Scalars['String']['output']>;
  serverId?: Maybe<Scalars['ID']['output']>;
  sessionIds: Array<Scalars['String']['output']>;
  source: EventSource;
  /** The statements that ran (passwords masked). */
  sql: Array<Scalars['String']['output']>;
  /** The user whose credentials ended. */
  userId?: Maybe<Scalars['ID']['output']>;
  warnings: Array<Scalars['String']['output']>;
};

/** A connected database. Only admins and its collaborators see it. */
export type Database = Node & {
  __typename?: 'Database';
  /** The live catalog, read as the viewer's role; needs the viewer to collaborate on the database. */
  catalog: DatabaseCatalogResult;
  /** Whether the drift watcher can read this database, so changes made outside Rolecall reach the live feed. */
  changesWatched: Scalars['Boolean']['output'];
  collaborators: Array<Collaborator>;
  /** Its collaborators, oldest first, a page at a time: `search` keeps those whose username or role contains it (in any case), `role` those who work through that role. */
  collaboratorsConnection: DatabaseCollaboratorsConnection;
  /** The configured roles the viewer may give collaborators here: the roleOffers they may give. */
  configuredRoles: Array<ConfiguredRole>;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** Invitations to this database (pending ones by default), oldest first, with who invited and when. */
  invitations: Array<Invitation>;
  /** The server's LOGIN roles by name, read live as the viewer's role, each marked configured or not, a page at a time: `search` keeps those whose name contains it (in any case), `configured` only those Rolecall stores a password for (true) or only the others (false). */
  loginRoles: DatabaseLoginRolesResult;
  name: Scalars['String']['output'];
  /** The server's configured roles, each with whether the viewer may give it here and why not (admins: any; managers: roles their own role may SET ROLE to or an admin marked assignable, never superuser, CREATEROLE, BYPASSRLS or REPLICATION roles). Empty for those who do not manage collaborators. */
  roleOffers: DatabaseRoleOffersResult;
  server: Server;
  /** Why changes made outside Rolecall are not watched here (null while they are). */
  unwatchedReason?: Maybe<Scalars['String']['output']>;
  /** The viewer's access level here, or null when not a collaborator. */
  viewerAccess?: Maybe<Access>;
  viewerCapabilities: DatabaseCapabilities;
  /** The configured PostgreSQL role the viewer works through on this database, or null when not a collaborator. */
  viewerRoleName?: Maybe<Scalars['String']['output']>;
};


/** A connected database. Only admins and its collaborators see it. */
export type DatabaseCollaboratorsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  role?: InputMaybe<Scalars['String']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


/** A connected database. Only admins and its collaborators see it. */
export type DatabaseInvitationsArgs = {
  statuses?: InputMaybe<Array<InvitationStatus>>;
};


/** A connected database. Only admins and its collaborators see it. */
export type DatabaseLoginRolesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  configured?: InputMaybe<Scalars['Boolean']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


/** A connected database. Only admins and its collaborators see it. */
export type DatabaseRoleOffersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** What the viewer may do with this database in Rolecall (what PostgreSQL allows is on each object). */
export type DatabaseCapabilities = {
  __typename?: 'DatabaseCapabilities';
  /** Admins only: a MANAGER changing their own role or access would be giving themselves power. */
  canChangeOwnCollaboration: Scalars['Boolean']['output'];
  canConfigureRoles: Scalars['Boolean']['output'];
  canDisconnect: Scalars['Boolean']['output'];
  canLeave: Scalars['Boolean']['output'];
  canManageCollaborators: Scalars['Boolean']['output'];
  /** The viewer collaborates here, so has a role to read the catalog as. */
  canReadCatalog: Scalars['Boolean']['output'];
  canView: Scalars['Boolean']['output'];
};

/** The live catalog of a database, read as the viewer's configured role (never copied into Rolecall). */
export type DatabaseCatalog = {
  __typename?: 'DatabaseCatalog';
  /** What a role lacks on the way to an object (CONNECT on the database, USAGE on the schema of a table, column, function or type; SELECT on a large object it may UPDATE): with these missing, its privileges on the object do nothing. Empty when the way is open. */
  accessGaps: DatabaseCatalogAccessGapsResult;
  /** An access review: every effective privilege of a role, of a collaborator (their role), or on a schema (and everything in it) or an object (every role that holds something there), each with every path to it. */
  accessReport: DatabaseCatalogAccessReportResult;
  /** The same report as a CSV or JSON file (its content; `fileName` to save it as). */
  accessReportExport: DatabaseCatalogAccessReportExportResult;
  /** What changed in access between two snapshots of one subject (`to` omitted: between `from` and now), with the events behind it. */
  accessSnapshotDiff: DatabaseCatalogAccessSnapshotDiffResult;
  /** This database's saved access reports, newest first. */
  accessSnapshots: DatabaseCatalogAccessSnapshotsConnection;
  /** Everything a role can use in this database (the database, schemas, tables, views, sequences, then the objects of `kinds`), in an overview's order, with what it holds and why: effective privileges, inheritance, PUBLIC, ownership, predefined roles and superuser included. */
  accessibleObjects: DatabaseCatalogAccessibleObjectsResult;
  /** Functions, types, languages, foreign-data wrappers, foreign servers, large objects, tablespaces or parameters, by name, a page at a time. Functions and types: those of the user schemas. Parameters: every one the role can see, granted on or not. `search`: part of the name, in any case. */
  catalogObjects: DatabaseCatalogCatalogObjectsConnection;
  /** `current_user` on the viewer's connection: the role PostgreSQL sees them as. */
  currentRole: Scalars['String']['output'];
  /** The connected database itself: owner, CONNECT / CREATE / TEMPORARY grants. */
  database: DatabaseObject;
  /** The default privileges of this database, by creator, schema and kind; `creator` keeps one role’s. */
  defaultPrivileges: Array<DefaultPrivilegeEntry>;
  /** The kinds this server’s ALTER DEFAULT PRIVILEGES takes (LARGE_OBJECT from PostgreSQL 18). */
  defaultedKinds: Array<DefaultedObjectKind>;
  /** What a role can really do on an object, and every reason why (memberships, PUBLIC, ownership, predefined roles, superuser). */
  effectivePrivileges: DatabaseCatalogEffectivePrivilegesResult;
  /** What each of these roles can do on each object of one kind (every table, view and sequence when no kind is given), of one schema or of all, role by role, objects in the catalog’s order; `tables` keeps the first objects only. At most 100,000 cells a page: page with first / after beyond that. */
  effectivePrivilegesMatrix: DatabaseCatalogEffectivePrivilegesMatrixResult;
  /** PostgreSQL 16+: memberships carry their own INHERIT and SET options (on 15 inheritance follows the member). */
  membershipOptionsPerGrant: Scalars['Boolean']['output'];
  /** Who a new object of this kind will grant what to, when `creator` makes it in `schema` (none for a SCHEMA or a LARGE_OBJECT): the built-in default, or the creator’s default privileges, as PostgreSQL applies them. */
  newObjectGrants: DatabaseCatalogNewObjectGrantsResult;
  /** The database, then each schema followed by its tables, views and sequences, by name, a page at a time: the rows of an overview. `search` keeps rows whose name (schema.table for a relation) contains it, in any case, and the schemas of the relations it keeps. */
  objectsConnection: DatabaseCatalogObjectsConnection;
  /** The privilege keywords each kind of object takes on this server. */
  privilegesByKind: Array<PrivilegeList>;
  role?: Maybe<Role>;
  /** pg_has_role(member, role, USAGE / MEMBER / SET / … WITH ADMIN OPTION), explained. */
  roleAccess: DatabaseCatalogRoleAccessResult;
  /** A role, the groups it belongs to up to `depth` steps up and its members up to `depth` steps down, each role showing at most `perRole` groups and members (groups first, then by name). */
  roleNeighbourhood: DatabaseCatalogRoleNeighbourhoodResult;
  /** Every role of the server, predefined ones included (marked). */
  roles: Array<Role>;
  /** The server’s roles that match the filter, by name, a page at a time: what a list of thousands of roles shows and searches. */
  rolesConnection: DatabaseCatalogRolesConnection;
  schema?: Maybe<Schema>;
  schemas: Array<Schema>;
  /** Schemas by name, a page at a time; `search`: part of the name, in any case. */
  schemasConnection: DatabaseCatalogSchemasConnection;
  /** server_version_num, e.g. 180004. */
  serverVersion: Scalars['Int']['output'];
  /** One table, view or sequence by its schema and name, a partition too (null when there is none): one row re-read. */
  table?: Maybe<Table>;
  /** Tables, views and sequences by schema and name, a page at a time; `schema` keeps one schema, `search` relations whose schema.name contains it, in any case. */
  tablesConnection: DatabaseCatalogTablesConnection;
  viewerRole: ViewerRole;
  /** Every role that can use the object (inheritance, PUBLIC, predefined roles and superuser included), by name, with what it holds and why: the effective privileges PostgreSQL checks, not only the grants. */
  whoCanAccess: DatabaseCatalogWhoCanAccessResult;
};


/** The live catalog of a database, read as the viewer's configured role (never copied into Rolecall). */
export type DatabaseCatalogAccessGapsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  object: ObjectRef;
  role: Scalars['String']['input'];
};


/** The live catalog of a database, read as the viewer's configured role (never copied into Rolecall). */
export type DatabaseCatalogAccessReportArgs = {
  subject: AccessSubjectInput;
};


/** The live catalog of a database, read as the viewer's configured role (never copied into Rolecall). */
export type DatabaseCatalogAccessReportExportArgs = {
  format: AccessExportFormat;
  subject: AccessSubjectInput;
};


/** The live catalog of a database, read as the viewer's configured role (never copied into Rolecall). */
export type DatabaseCatalogAccessSnapshotDiffArgs = {
  from: Scalars['ID']['input'];
  to?: InputMaybe<Scalars['ID']['input']>;
};


/** The live catalog of a database, read as the viewer's configured role (never copied into Rolecall). */
export type DatabaseCatalogAccessSnapshotsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** The live catalog of a database, read as the viewer's configured role (never copied into Rolecall). */
export type DatabaseCatalogAccessibleObjectsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kinds?: InputMaybe<Array<CatalogObjectKind>>;
  last?: InputMaybe<Scalars['Int']['input']>;
  role: Scalars['String']['input'];
  search?: InputMaybe<Scalars['String']['input']>;
};


/** The live catalog of a database, read as the viewer's configured role (never copied into Rolecall). */
export type DatabaseCatalogCatalogObjectsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kind: CatalogObjectKind;
  last?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


/** The live catalog of a database, read as the viewer's configured role (never copied into Rolecall). */
export type DatabaseCatalogDefaultPrivilegesArgs = {
  creator?: InputMaybe<Scalars['String']['input']>;
};


/** The live catalog of a database, read as the viewer's configured role (never copied into Rolecall). */
export type DatabaseCatalogEffectivePrivilegesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  object: ObjectRef;
  role: Scalars['String']['input'];
};


/** The live catalog of a database, read as the viewer's configured role (never copied into Rolecall). */
export type DatabaseCatalogEffectivePrivilegesMatrixArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<ObjectKind>;
  last?: InputMaybe<Scalars['Int']['input']>;
  roles: Array<Scalars['String']['input']>;
  schema?: InputMaybe<Scalars['String']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  tables?: InputMaybe<Scalars['Int']['input']>;
};


/** The live catalog of a database, read as the viewer's configured role (never copied into Rolecall). */
export type DatabaseCatalogNewObjectGrantsArgs = {
  creator: Scalars['String']['input'];
  kind: DefaultedObjectKind;
  schema?: InputMaybe<Scalars['String']['input']>;
};


/** The live catalog of a database, read as the viewer's configured role (never copied into Rolecall). */
export type DatabaseCatalogObjectsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


/** The live catalog of a database, read as the viewer's configured role (never copied into Rolecall). */
export type DatabaseCatalogRoleArgs = {
  name: Scalars['String']['input'];
};


/** The live catalog of a database, read as the viewer's configured role (never copied into Rolecall). */
export type DatabaseCatalogRoleAccessArgs = {
  member: Scalars['String']['input'];
  role: Scalars['String']['input'];
};


/** The live catalog of a database, read as the viewer's configured role (never copied into Rolecall). */
export type DatabaseCatalogRoleNeighbourhoodArgs = {
  depth?: InputMaybe<Scalars['Int']['input']>;
  perRole?: InputMaybe<Scalars['Int']['input']>;
  role: Scalars['String']['input'];
};


/** The live catalog of a database, read as the viewer's configured role (never copied into Rolecall). */
export type DatabaseCatalogRolesConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<RoleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** The live catalog of a database, read as the viewer's configured role (never copied into Rolecall). */
export type DatabaseCatalogSchemaArgs = {
  name: Scalars['String']['input'];
};


/** The live catalog of a database, read as the viewer's configured role (never copied into Rolecall). */
export type DatabaseCatalogSchemasConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


/** The live catalog of a database, read as the viewer's configured role (never copied into Rolecall). */
export type DatabaseCatalogTableArgs = {
  name: Scalars['String']['input'];
  schema: Scalars['String']['input'];
};


/** The live catalog of a database, read as the viewer's configured role (never copied into Rolecall). */
export type DatabaseCatalogTablesConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  schema?: InputMaybe<Scalars['String']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


/** The live catalog of a database, read as the viewer's configured role (never copied into Rolecall). */
export type DatabaseCatalogWhoCanAccessArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  object: ObjectRef;
  search?: InputMaybe<Scalars['String']['input']>;
};

export type DatabaseCatalogAccessGapsConnection = {
  __typename?: 'DatabaseCatalogAccessGapsConnection';
  edges: Array<DatabaseCatalogAccessGapsConnectionEdge>;
  nodes: Array<AccessGap>;
  pageInfo: PageInfo;
  /** How many there are in all, whatever page this is. */
  totalCount: Scalars['Int']['output'];
};

export type DatabaseCatalogAccessGapsConnectionEdge = {
  __typename?: 'DatabaseCatalogAccessGapsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: AccessGap;
};

export type DatabaseCatalogAccessGapsResult = AuthenticationFailedError | ConcurrentChangeError | DatabaseCatalogAccessGapsConnection | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type DatabaseCatalogAccessReportExportResult = AccessExport | AuthenticationFailedError | ConcurrentChangeError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type DatabaseCatalogAccessReportResult = AccessReport | AuthenticationFailedError | ConcurrentChangeError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type DatabaseCatalogAccessSnapshotDiffResult = AccessSnapshotDiff | AuthenticationFailedError | ConcurrentChangeError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type DatabaseCatalogAccessSnapshotsConnection = {
  __typename?: 'DatabaseCatalogAccessSnapshotsConnection';
  edges: Array<DatabaseCatalogAccessSnapshotsConnectionEdge>;
  nodes: Array<AccessSnapshot>;
  pageInfo: PageInfo;
  /** How many there are in all, whatever page this is. */
  totalCount: Scalars['Int']['output'];
};

export type DatabaseCatalogAccessSnapshotsConnectionEdge = {
  __typename?: 'DatabaseCatalogAccessSnapshotsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: AccessSnapshot;
};

export type DatabaseCatalogAccessibleObjectsConnection = {
  __typename?: 'DatabaseCatalogAccessibleObjectsConnection';
  edges: Array<DatabaseCatalogAccessibleObjectsConnectionEdge>;
  nodes: Array<RoleObjectAccess>;
  pageInfo: PageInfo;
  /** How many there are in all, whatever page this is. */
  totalCount: Scalars['Int']['output'];
};

export type DatabaseCatalogAccessibleObjectsConnectionEdge = {
  __typename?: 'DatabaseCatalogAccessibleObjectsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: RoleObjectAccess;
};

export type DatabaseCatalogAccessibleObjectsResult = AuthenticationFailedError | ConcurrentChangeError | DatabaseCatalogAccessibleObjectsConnection | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type DatabaseCatalogCatalogObjectsConnection = {
  __typename?: 'DatabaseCatalogCatalogObjectsConnection';
  edges: Array<DatabaseCatalogCatalogObjectsConnectionEdge>;
  nodes: Array<CatalogObject>;
  pageInfo: PageInfo;
  /** How many there are in all, whatever page this is. */
  totalCount: Scalars['Int']['output'];
};

export type DatabaseCatalogCatalogObjectsConnectionEdge = {
  __typename?: 'DatabaseCatalogCatalogObjectsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: CatalogObject;
};

export type DatabaseCatalogEffectivePrivilegesConnection = {
  __typename?: 'DatabaseCatalogEffectivePrivilegesConnection';
  edges: Array<DatabaseCatalogEffectivePrivilegesConnectionEdge>;
  nodes: Array<EffectivePrivilege>;
  pageInfo: PageInfo;
  /** How many there are in all, whatever page this is. */
  totalCount: Scalars['Int']['output'];
};

export type DatabaseCatalogEffectivePrivilegesConnectionEdge = {
  __typename?: 'DatabaseCatalogEffectivePrivilegesConnectionEdge';
  cursor: Scalars['String']['output'];
  node: EffectivePrivilege;
};

export type DatabaseCatalogEffectivePrivilegesMatrixConnection = {
  __typename?: 'DatabaseCatalogEffectivePrivilegesMatrixConnection';
  edges: Array<DatabaseCatalogEffectivePrivilegesMatrixConnectionEdge>;
  nodes: Array<EffectivePrivilegeRow>;
  pageInfo: PageInfo;
  /** How many there are in all, whatever page this is. */
  totalCount: Scalars['Int']['output'];
};

export type DatabaseCatalogEffectivePrivilegesMatrixConnectionEdge = {
  __typename?: 'DatabaseCatalogEffectivePrivilegesMatrixConnectionEdge';
  cursor: Scalars['String']['output'];
  node: EffectivePrivilegeRow;
};

export type DatabaseCatalogEffectivePrivilegesMatrixResult = AuthenticationFailedError | ConcurrentChangeError | DatabaseCatalogEffectivePrivilegesMatrixConnection | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type DatabaseCatalogEffectivePrivilegesResult = AuthenticationFailedError | ConcurrentChangeError | DatabaseCatalogEffectivePrivilegesConnection | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type DatabaseCatalogNewObjectGrantsResult = AuthenticationFailedError | ConcurrentChangeError | DatabaseCatalogNewObjectGrantsSuccess | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type DatabaseCatalogNewObjectGrantsSuccess = {
  __typename?: 'DatabaseCatalogNewObjectGrantsSuccess';
  data: Array<Grant>;
};

export type DatabaseCatalogObjectsConnection = {
  __typename?: 'DatabaseCatalogObjectsConnection';
  edges: Array<DatabaseCatalogObjectsConnectionEdge>;
  nodes: Array<SecurableObject>;
  pageInfo: PageInfo;
  /** How many there are in all, whatever page this is. */
  totalCount: Scalars['Int']['output'];
};

export type DatabaseCatalogObjectsConnectionEdge = {
  __typename?: 'DatabaseCatalogObjectsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: SecurableObject;
};

export type DatabaseCatalogResult = AuthenticationFailedError | ConcurrentChangeError | DatabaseCatalog | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError;

export type DatabaseCatalogRoleAccessResult = AuthenticationFailedError | ConcurrentChangeError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | RoleAccess | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type DatabaseCatalogRoleNeighbourhoodResult = AuthenticationFailedError | ConcurrentChangeError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | RoleNeighbourhood | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type DatabaseCatalogRolesConnection = {
  __typename?: 'DatabaseCatalogRolesConnection';
  edges: Array<DatabaseCatalogRolesConnectionEdge>;
  nodes: Array<Role>;
  pageInfo: PageInfo;
  /** How many there are in all, whatever page this is. */
  totalCount: Scalars['Int']['output'];
};

export type DatabaseCatalogRolesConnectionEdge = {
  __typename?: 'DatabaseCatalogRolesConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Role;
};

export type DatabaseCatalogSchemasConnection = {
  __typename?: 'DatabaseCatalogSchemasConnection';
  edges: Array<DatabaseCatalogSchemasConnectionEdge>;
  nodes: Array<Schema>;
  pageInfo: PageInfo;
  /** How many there are in all, whatever page this is. */
  totalCount: Scalars['Int']['output'];
};

export type DatabaseCatalogSchemasConnectionEdge = {
  __typename?: 'DatabaseCatalogSchemasConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Schema;
};

export type DatabaseCatalogTablesConnection = {
  __typename?: 'DatabaseCatalogTablesConnection';
  edges: Array<DatabaseCatalogTablesConnectionEdge>;
  nodes: Array<Table>;
  pageInfo: PageInfo;
  /** How many there are in all, whatever page this is. */
  totalCount: Scalars['Int']['output'];
};

export type DatabaseCatalogTablesConnectionEdge = {
  __typename?: 'DatabaseCatalogTablesConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Table;
};

export type DatabaseCatalogWhoCanAccessConnection = {
  __typename?: 'DatabaseCatalogWhoCanAccessConnection';
  edges: Array<DatabaseCatalogWhoCanAccessConnectionEdge>;
  nodes: Array<ObjectAccess>;
  pageInfo: PageInfo;
  /** How many there are in all, whatever page this is. */
  totalCount: Scalars['Int']['output'];
};

export type DatabaseCatalogWhoCanAccessConnectionEdge = {
  __typename?: 'DatabaseCatalogWhoCanAccessConnectionEdge';
  cursor: Scalars['String']['output'];
  node: ObjectAccess;
};

export type DatabaseCatalogWhoCanAccessResult = AuthenticationFailedError | ConcurrentChangeError | DatabaseCatalogWhoCanAccessConnection | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type DatabaseCollaboratorsConnection = {
  __typename?: 'DatabaseCollaboratorsConnection';
  edges: Array<DatabaseCollaboratorsConnectionEdge>;
  nodes: Array<Collaborator>;
  pageInfo: PageInfo;
  /** How many there are in all, whatever page this is. */
  totalCount: Scalars['Int']['output'];
};

export type DatabaseCollaboratorsConnectionEdge = {
  __typename?: 'DatabaseCollaboratorsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Collaborator;
};

export type DatabaseDoesNotExistError = Error & PostgresFailure & {
  __typename?: 'DatabaseDoesNotExistError';
  code: Scalars['String']['output'];
  detail?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
  /** SQLSTATE, when the server answered. */
  sqlstate?: Maybe<Scalars['String']['output']>;
};

export type DatabaseEvent = Event & {
  __typename?: 'DatabaseEvent';
  /** The PostgreSQL role the change ran as. */
  actingRole?: Maybe<Scalars['String']['output']>;
  actor?: Maybe<User>;
  /** For a change found outside Rolecall: the changes one poll found share it (show them as one burst). */
  burstId?: Maybe<Scalars['String']['output']>;
  /** How many changes that poll found: the whole burst, even while only some of it is loaded. */
  burstSize?: Maybe<Scalars['Int']['output']>;
  createdAt: Scalars['DateTime']['output'];
  cursor: Scalars['BigCursor']['output'];
  database?: Maybe<Scalars['String']['output']>;
  databaseId?: Maybe<Scalars['ID']['output']>;
  host?: Maybe<Scalars['String']['output']>;
  kind: Scalars['String']['output'];
  /** For a change found outside Rolecall: it was made after this (the poll before the one that found it). Changes found by one poll share it: one burst. */
  observedSince?: Maybe<Scalars['DateTime']['output']>;
  port?: Maybe<Scalars['Int']['output']>;
  /** The role Rolecall connected as. */
  role?: Maybe<Scalars['String']['output']>;
  serverId?: Maybe<Scalars['ID']['output']>;
  source: EventSource;
  /** The statements that ran (passwords masked). */
  sql: Array<Scalars['String']['output']>;
  sslMode?: Maybe<Scalars['String']['output']>;
  warnings: Array<Scalars['String']['output']>;
};

export type DatabaseLoginRolesConnection = {
  __typename?: 'DatabaseLoginRolesConnection';
  edges: Array<DatabaseLoginRolesConnectionEdge>;
  nodes: Array<LoginRole>;
  pageInfo: PageInfo;
  /** How many there are in all, whatever page this is. */
  totalCount: Scalars['Int']['output'];
};

export type DatabaseLoginRolesConnectionEdge = {
  __typename?: 'DatabaseLoginRolesConnectionEdge';
  cursor: Scalars['String']['output'];
  node: LoginRole;
};

export type DatabaseLoginRolesResult = AuthenticationFailedError | ConcurrentChangeError | DatabaseDoesNotExistError | DatabaseLoginRolesConnection | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError;

export type DatabaseObject = SecurableObject & {
  __typename?: 'DatabaseObject';
  /** Nobody has changed the privileges: these are the defaults (acldefault). */
  aclIsDefault: Scalars['Boolean']['output'];
  /** Grantees, PUBLIC included. */
  grants: Array<Grant>;
  /** The object's grantees (PUBLIC included), a page at a time; `search`: part of the grantee's name. */
  grantsConnection: SecurableObjectGrantsConnection;
  kind: ObjectKind;
  name: Scalars['String']['output'];
  owner?: Maybe<Role>;
  viewerCan: ObjectCapabilities;
  /** What the viewer's role (current_user) can really do here, and why: direct grants, inherited ones, PUBLIC, ownership, predefined roles, superuser. */
  viewerPrivileges: Array<EffectivePrivilege>;
};


export type DatabaseObjectGrantsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};

export type DatabaseRoleOffersConnection = {
  __typename?: 'DatabaseRoleOffersConnection';
  edges: Array<DatabaseRoleOffersConnectionEdge>;
  nodes: Array<RoleOffer>;
  pageInfo: PageInfo;
  /** How many there are in all, whatever page this is. */
  totalCount: Scalars['Int']['output'];
};

export type DatabaseRoleOffersConnectionEdge = {
  __typename?: 'DatabaseRoleOffersConnectionEdge';
  cursor: Scalars['String']['output'];
  node: RoleOffer;
};

export type DatabaseRoleOffersResult = AuthenticationFailedError | ConcurrentChangeError | DatabaseDoesNotExistError | DatabaseRoleOffersConnection | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError;

/** What objects of one kind that one role creates start with (pg_default_acl): in one schema, added to the global entry, or everywhere, replacing the built-in default. */
export type DefaultPrivilegeEntry = {
  __typename?: 'DefaultPrivilegeEntry';
  /** The role whose new objects these apply to (ALTER DEFAULT PRIVILEGES FOR ROLE …). */
  creator?: Maybe<Role>;
  /** The ACL as the entry keeps it, by grantee. */
  grants: Array<Grant>;
  objectKind: DefaultedObjectKind;
  /** IN SCHEMA …; null for the global entry. */
  schema?: Maybe<Scalars['String']['output']>;
};

/** What new objects of one kind that one role creates start with (ALTER DEFAULT PRIVILEGES), in one schema or everywhere. */
export type DefaultPrivilegeEvent = Event & {
  __typename?: 'DefaultPrivilegeEvent';
  /** The PostgreSQL role the change ran as. */
  actingRole?: Maybe<Scalars['String']['output']>;
  actor?: Maybe<User>;
  /** For a change found outside Rolecall: the changes one poll found share it (show them as one burst). */
  burstId?: Maybe<Scalars['String']['output']>;
  /** How many changes that poll found: the whole burst, even while only some of it is loaded. */
  burstSize?: Maybe<Scalars['Int']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** The role whose new objects these are. */
  creator?: Maybe<Scalars['String']['output']>;
  cursor: Scalars['BigCursor']['output'];
  databaseId?: Maybe<Scalars['ID']['output']>;
  /** What each grantee gained and lost on new objects, as PostgreSQL changed the entry. */
  grantChanges: Array<GrantChange>;
  /** The grantees whose default grants were set (for a change found outside Rolecall: those whose grants moved). */
  grantees: Array<Scalars['String']['output']>;
  /** What new objects start with at this level after the change. */
  grants: Array<GrantEntry>;
  /** What new objects started with at this level (a global entry’s absence: the built-in default). */
  grantsBefore: Array<GrantEntry>;
  /** Who gained and who lost what through this change (Rolecall’s own changes; null for changes found outside it and older events): each group names at most 20 roles and 20 collaborators, at most 50 groups and callouts; the counts are exact. */
  impact?: Maybe<AccessImpact>;
  kind: Scalars['String']['output'];
  objectKind?: Maybe<Scalars['String']['output']>;
  /** For a change found outside Rolecall: it was made after this (the poll before the one that found it). Changes found by one poll share it: one burst. */
  observedSince?: Maybe<Scalars['DateTime']['output']>;
  /** IN SCHEMA; null for the creator’s global entry. */
  schema?: Maybe<Scalars['String']['output']>;
  serverId?: Maybe<Scalars['ID']['output']>;
  source: EventSource;
  /** The statements that ran (passwords masked). */
  sql: Array<Scalars['String']['output']>;
  warnings: Array<Scalars['String']['output']>;
};

/** The kinds of object ALTER DEFAULT PRIVILEGES sets the starting privileges of (FUNCTION: routines; LARGE_OBJECT: PostgreSQL 18+, see DatabaseCatalog.defaultedKinds). */
export type DefaultedObjectKind =
  | 'FUNCTION'
  | 'LARGE_OBJECT'
  | 'SCHEMA'
  | 'SEQUENCE'
  | 'TABLE'
  | 'TYPE';

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

/** What one grantee should get on the new objects: a preset, or exactly `privileges`. */
export type DesiredDefaultGrantInput = {
  /** Which of them WITH GRANT OPTION. */
  grantable?: InputMaybe<Array<Scalars['String']['input']>>;
  /** A role name; null or omitted for PUBLIC. */
  grantee?: InputMaybe<Scalars['String']['input']>;
  /** Instead of privileges: NONE (nothing) or a preset of the kind (tables, sequences and large objects: READ, WRITE; schemas: READ, CREATE). */
  preset?: InputMaybe<PrivilegePreset>;
  /** Exactly these (a custom set); ignored when preset is given. */
  privileges?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type DesiredGrantInput = {
  /** Which of them WITH GRANT OPTION. */
  grantable?: InputMaybe<Array<Scalars['String']['input']>>;
  /** A role name; null or omitted for PUBLIC. */
  grantee?: InputMaybe<Scalars['String']['input']>;
  /** Instead of privileges: NONE (no access) or a preset of this kind of object. */
  preset?: InputMaybe<PrivilegePreset>;
  /** Exactly these (a custom set); ignored when preset is given. */
  privileges?: InputMaybe<Array<Scalars['String']['input']>>;
  /** When the grantee gains privileges on an object in a schema (table, sequence, column, routine, type): also grant USAGE on the schema if it lacks it. */
  withSchemaUsage?: InputMaybe<Scalars['Boolean']['input']>;
  /** When the grantee gains INSERT on a table: also grant USAGE on the sequences behind its serial columns. */
  withSequenceUsage?: InputMaybe<Scalars['Boolean']['input']>;
  /** When the grantee loses every privilege on an object in a schema: also revoke the USAGE on the schema granted to it directly. */
  withoutSchemaUsage?: InputMaybe<Scalars['Boolean']['input']>;
};

export type DuplicateObjectError = Error & PostgresFailure & {
  __typename?: 'DuplicateObjectError';
  code: Scalars['String']['output'];
  detail?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
  /** SQLSTATE, when the server answered. */
  sqlstate?: Maybe<Scalars['String']['output']>;
};

export type EffectivePrivilege = {
  __typename?: 'EffectivePrivilege';
  grantable: Scalars['Boolean']['output'];
  /** False when only the owner’s implicit grant option applies (the owner revoked it from itself). */
  held: Scalars['Boolean']['output'];
  privilege: Scalars['String']['output'];
  sources: Array<PrivilegeSource>;
};

/** What a role can really do on an object, as PostgreSQL’s has_*_privilege answers it (has_column_privilege for a column: its own grants and its table’s). */
export type EffectivePrivilegeRow = {
  __typename?: 'EffectivePrivilegeRow';
  /** FUNCTION: its argument types, as PostgreSQL writes them. */
  arguments?: Maybe<Scalars['String']['output']>;
  column?: Maybe<Scalars['String']['output']>;
  /** Privileges the role may grant to others. */
  grantable: Array<Scalars['String']['output']>;
  kind: ObjectKind;
  /** As an ObjectRef names it: a relation’s, a column’s table’s, a function’s or type’s name in its schema, a large object’s OID. */
  name: Scalars['String']['output'];
  /** Privileges the role holds, in PostgreSQL’s order. */
  privileges: Array<Scalars['String']['output']>;
  role: Scalars['String']['output'];
  /** The object’s schema (a table’s, a column’s table’s, a function’s, a type’s); a schema’s own name. */
  schema?: Maybe<Scalars['String']['output']>;
  /** @deprecated Use name (and column). */
  table?: Maybe<Scalars['String']['output']>;
};

export type EmailNotSentError = Error & {
  __typename?: 'EmailNotSentError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  /** SMTP_NOT_CONFIGURED or SMTP_FAILED. */
  reason: Scalars['String']['output'];
};

/** A verification link went out by e-mail to the address; it is never shown here. */
export type EmailVerificationSent = {
  __typename?: 'EmailVerificationSent';
  email: Scalars['String']['output'];
  expiresAt: Scalars['DateTime']['output'];
};

/** Every expected failure. `code` is stable; `message` is for people. */
export type Error = {
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

/** One change, from the append-only event log. `cursor` orders all events; pass it as `after` to resume. */
export type Event = {
  /** The PostgreSQL role the change ran as. */
  actingRole?: Maybe<Scalars['String']['output']>;
  actor?: Maybe<User>;
  /** For a change found outside Rolecall: the changes one poll found share it (show them as one burst). */
  burstId?: Maybe<Scalars['String']['output']>;
  /** How many changes that poll found: the whole burst, even while only some of it is loaded. */
  burstSize?: Maybe<Scalars['Int']['output']>;
  createdAt: Scalars['DateTime']['output'];
  cursor: Scalars['BigCursor']['output'];
  databaseId?: Maybe<Scalars['ID']['output']>;
  kind: Scalars['String']['output'];
  /** For a change found outside Rolecall: it was made after this (the poll before the one that found it). Changes found by one poll share it: one burst. */
  observedSince?: Maybe<Scalars['DateTime']['output']>;
  serverId?: Maybe<Scalars['ID']['output']>;
  source: EventSource;
  /** The statements that ran (passwords masked). */
  sql: Array<Scalars['String']['output']>;
  warnings: Array<Scalars['String']['output']>;
};

/** A kind of event: what it means, and the Event type that carries it. */
export type EventKind = {
  __typename?: 'EventKind';
  adminsOnly: Scalars['Boolean']['output'];
  description: Scalars['String']['output'];
  /** Also found when made outside Rolecall (psql), as EXTERNAL. */
  driftable: Scalars['Boolean']['output'];
  /** The Event type of its events. */
  family: Scalars['String']['output'];
  kind: Scalars['String']['output'];
  /** About roles: seen on every database of the server. */
  serverWide: Scalars['Boolean']['output'];
};

export type EventPage = {
  __typename?: 'EventPage';
  events: Array<Event>;
  /** Pass as `after` for the next page; null at the end. */
  nextCursor?: Maybe<Scalars['BigCursor']['output']>;
};

export type EventSource =
  /** Made outside Rolecall (psql …), found by the drift watcher. */
  | 'EXTERNAL'
  /** Made through Rolecall. */
  | 'ROLECALL';

export type ForbiddenError = Error & {
  __typename?: 'ForbiddenError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

/** What one grantee (a role, or PUBLIC) holds on an object, de-duplicated across grantors. */
export type Grant = {
  __typename?: 'Grant';
  /** Privileges held WITH GRANT OPTION (from any grantor). */
  grantable: Array<Scalars['String']['output']>;
  /** Null for PUBLIC. */
  grantee?: Maybe<Role>;
  isPublic: Scalars['Boolean']['output'];
  /** Each grantor’s grants. */
  items: Array<PrivilegeGrant>;
  preset: PrivilegePreset;
  privileges: Array<Scalars['String']['output']>;
};

/** What one grantee gained and lost on the object, from its ACL before and after the change. */
export type GrantChange = {
  __typename?: 'GrantChange';
  grantOptionGranted: Array<Scalars['String']['output']>;
  grantOptionRevoked: Array<Scalars['String']['output']>;
  granted: Array<Scalars['String']['output']>;
  /** A role name, or PUBLIC. */
  grantee: Scalars['String']['output'];
  revoked: Array<Scalars['String']['output']>;
};

/** What a grantee (a role name, or PUBLIC) holds on the object. */
export type GrantEntry = {
  __typename?: 'GrantEntry';
  grantable: Array<Scalars['String']['output']>;
  grantee: Scalars['String']['output'];
  privileges: Array<Scalars['String']['output']>;
};

/** What must be called out before applying a change. */
export type ImpactCallout = {
  __typename?: 'ImpactCallout';
  code: ImpactCalloutCode;
  collaborators: Array<Scalars['String']['output']>;
  /** The API’s own wording; clients may word it from the fields. */
  message: Scalars['String']['output'];
  role: Scalars['String']['output'];
};

export type ImpactCalloutCode =
  /** The role the viewer acts as here (their collaborator role) loses a privilege or a membership. */
  | 'ACTOR_LOSES_ACCESS'
  /** A collaborator's role is dropped, loses LOGIN or loses CONNECT on this database: it can no longer work here. */
  | 'COLLABORATOR_LOSES_ALL_ACCESS';

export type ImpactDirection =
  /** Held after the change, not before. */
  | 'GAIN'
  /** Held before the change, not after. */
  | 'LOSS';

/** The object a privilege is gained or lost on (or, for default privileges, the objects made later). */
export type ImpactObject = {
  __typename?: 'ImpactObject';
  arguments?: Maybe<Scalars['String']['output']>;
  column?: Maybe<Scalars['String']['output']>;
  kind: ObjectKind;
  /** As people read it: sales.orders, sales.orders(amount), sales.f(integer), database shop … */
  label: Scalars['String']['output'];
  name: Scalars['String']['output'];
  schema?: Maybe<Scalars['String']['output']>;
};

/** One reason a role held (or will hold) a privilege. */
export type ImpactSource = {
  __typename?: 'ImpactSource';
  grantable: Scalars['Boolean']['output'];
  grantor?: Maybe<Scalars['String']['output']>;
  /** GRANT, PUBLIC, OWNER, OWNER_GRANT_OPTION, SUPERUSER, PREDEFINED_ROLE (as Explain’s sources). */
  kind: Scalars['String']['output'];
  /** Role names from the role itself to the grantee / owner / predefined role it inherits from ([] for PUBLIC and SUPERUSER). */
  path: Array<Scalars['String']['output']>;
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

/** An e-mail address invited to collaborate on a database through a configured role. Its token is never shown here. */
export type Invitation = Node & {
  __typename?: 'Invitation';
  access: Access;
  /** When the invitation was first sent. */
  createdAt: Scalars['DateTime']['output'];
  databaseId: Scalars['ID']['output'];
  databaseName: Scalars['String']['output'];
  email: Scalars['String']['output'];
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  invitedBy?: Maybe<User>;
  /** When the invitee accepted or declined. */
  respondedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The configured role the invitee will work through. */
  role: ConfiguredRole;
  status: InvitationStatus;
};

export type InvitationDelivery =
  /** E-mailed through SMTP_URL. */
  | 'EMAIL'
  /** The SMTP server refused or was unreachable; re-send later. */
  | 'EMAIL_FAILED'
  /** No SMTP configured: `acceptUrl` is the link to hand over. */
  | 'LINK';

export type InvitationEvent = Event & {
  __typename?: 'InvitationEvent';
  access?: Maybe<Scalars['String']['output']>;
  /** The PostgreSQL role the change ran as. */
  actingRole?: Maybe<Scalars['String']['output']>;
  actor?: Maybe<User>;
  /** For a change found outside Rolecall: the changes one poll found share it (show them as one burst). */
  burstId?: Maybe<Scalars['String']['output']>;
  /** How many changes that poll found: the whole burst, even while only some of it is loaded. */
  burstSize?: Maybe<Scalars['Int']['output']>;
  createdAt: Scalars['DateTime']['output'];
  cursor: Scalars['BigCursor']['output'];
  databaseId?: Maybe<Scalars['ID']['output']>;
  email?: Maybe<Scalars['String']['output']>;
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  invitationId?: Maybe<Scalars['ID']['output']>;
  kind: Scalars['String']['output'];
  /** For a change found outside Rolecall: it was made after this (the poll before the one that found it). Changes found by one poll share it: one burst. */
  observedSince?: Maybe<Scalars['DateTime']['output']>;
  /** invitation.revoked: ADDED_DIRECTLY when the invitee was added without it. */
  reason?: Maybe<Scalars['String']['output']>;
  role?: Maybe<Scalars['String']['output']>;
  serverId?: Maybe<Scalars['ID']['output']>;
  source: EventSource;
  /** The statements that ran (passwords masked). */
  sql: Array<Scalars['String']['output']>;
  status?: Maybe<Scalars['String']['output']>;
  /** The account that accepted or declined it. */
  username?: Maybe<Scalars['String']['output']>;
  warnings: Array<Scalars['String']['output']>;
};

export type InvitationLink = {
  __typename?: 'InvitationLink';
  access: Access;
  database: Scalars['String']['output'];
  /** The address invited. */
  email: Scalars['String']['output'];
  expiresAt: Scalars['DateTime']['output'];
  /** The inviter's display name, else username (null once that account is gone). */
  invitedBy?: Maybe<Scalars['String']['output']>;
  /** The PostgreSQL role the invitee will work through. */
  role: Scalars['String']['output'];
  /** host:port of its PostgreSQL server. */
  server: Scalars['String']['output'];
};

/** An invitation just (re-)sent, and how it reached the invitee. */
export type InvitationSent = {
  __typename?: 'InvitationSent';
  /** Only when no SMTP is configured: the accept link (on PUBLIC_URL, else the server's own address) to hand to the invitee. Not shown again. */
  acceptUrl?: Maybe<Scalars['String']['output']>;
  delivery: InvitationDelivery;
  invitation: Invitation;
};

export type InvitationStatus =
  /** The invitee became a collaborator. */
  | 'ACCEPTED'
  /** The invitee said no. */
  | 'DECLINED'
  /** Not answered in time; re-sending makes it pending again. */
  | 'EXPIRED'
  /** Sent, not answered yet, not expired. */
  | 'PENDING'
  /** Withdrawn by an admin or manager. */
  | 'REVOKED';

export type InvitationUnusableError = Error & {
  __typename?: 'InvitationUnusableError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  /** UNKNOWN, ACCEPTED, REVOKED, EXPIRED or DECLINED. */
  state: Scalars['String']['output'];
};

export type InviteCollaboratorInput = {
  access?: InputMaybe<Access>;
  configuredRoleId: Scalars['ID']['input'];
  databaseId: Scalars['ID']['input'];
  email: Scalars['String']['input'];
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

/** A role that gains or loses the privileges of a group, and through which memberships. */
export type MemberAccessChange = {
  __typename?: 'MemberAccessChange';
  collaborators: Array<Scalars['String']['output']>;
  /** The inheriting membership chain from this role to the group: before (LOSS) or after (GAIN). */
  path: Array<Scalars['String']['output']>;
  role: Scalars['String']['output'];
};

export type MembershipEvent = Event & {
  __typename?: 'MembershipEvent';
  /** The PostgreSQL role the change ran as. */
  actingRole?: Maybe<Scalars['String']['output']>;
  actor?: Maybe<User>;
  /** For members.set: who PostgreSQL made a member. */
  added: Array<Scalars['String']['output']>;
  admin?: Maybe<Scalars['Boolean']['output']>;
  /** For a change found outside Rolecall: the changes one poll found share it (show them as one burst). */
  burstId?: Maybe<Scalars['String']['output']>;
  /** How many changes that poll found: the whole burst, even while only some of it is loaded. */
  burstSize?: Maybe<Scalars['Int']['output']>;
  createdAt: Scalars['DateTime']['output'];
  cursor: Scalars['BigCursor']['output'];
  databaseId?: Maybe<Scalars['ID']['output']>;
  grantor?: Maybe<Scalars['String']['output']>;
  /** Who gained and who lost what through this change (Rolecall’s own changes; null for changes found outside it and older events): each group names at most 20 roles and 20 collaborators, at most 50 groups and callouts; the counts are exact. */
  impact?: Maybe<AccessImpact>;
  inherit?: Maybe<Scalars['Boolean']['output']>;
  kind: Scalars['String']['output'];
  member?: Maybe<Scalars['String']['output']>;
  /** For members.set: the members asked for. */
  members: Array<Scalars['String']['output']>;
  /** For a change found outside Rolecall: it was made after this (the poll before the one that found it). Changes found by one poll share it: one burst. */
  observedSince?: Maybe<Scalars['DateTime']['output']>;
  /** For members.set: whose membership PostgreSQL revoked. */
  removed: Array<Scalars['String']['output']>;
  role?: Maybe<Scalars['String']['output']>;
  serverId?: Maybe<Scalars['ID']['output']>;
  set?: Maybe<Scalars['Boolean']['output']>;
  source: EventSource;
  /** The statements that ran (passwords masked). */
  sql: Array<Scalars['String']['output']>;
  warnings: Array<Scalars['String']['output']>;
};

/** One grant of a membership, by one grantor. */
export type MembershipGrant = {
  __typename?: 'MembershipGrant';
  admin: Scalars['Boolean']['output'];
  grantor?: Maybe<Role>;
  inherit: Scalars['Boolean']['output'];
  set: Scalars['Boolean']['output'];
};

/** The roles that gain, or lose, the privileges of one role through inheriting memberships. */
export type MembershipImpactGroup = {
  __typename?: 'MembershipImpactGroup';
  collaboratorCount: Scalars['Int']['output'];
  collaborators: Array<Scalars['String']['output']>;
  direction: ImpactDirection;
  /** Truncated impacts only (the largest groups): how many objects of this database (columns apart) the role, or a role whose privileges it has, owns or is granted something on: what its members gain or lose access to, at most ("1,000 roles lose the privileges of reporting, which reaches 5,000 objects"). Null otherwise. */
  heldObjectCount?: Maybe<Scalars['Int']['output']>;
  members: Array<MemberAccessChange>;
  /** The role whose privileges are gained or lost (through inheriting memberships). */
  role: Scalars['String']['output'];
  roleCount: Scalars['Int']['output'];
};


/** The roles that gain, or lose, the privileges of one role through inheriting memberships. */
export type MembershipImpactGroupMembersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type MembershipInput = {
  /** May grant and revoke this membership to others. */
  admin?: InputMaybe<Scalars['Boolean']['input']>;
  /** Has the role’s privileges without SET ROLE (16+; on 15 the member’s INHERIT decides). */
  inherit?: InputMaybe<Scalars['Boolean']['input']>;
  member: Scalars['String']['input'];
  /** May SET ROLE to it (16+; always on 15). */
  set?: InputMaybe<Scalars['Boolean']['input']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Follows an invitation link. With `newAccount`: creates the account (standard user, the invited address), signs it in and makes it a collaborator, in one step. Without: accepts as the signed-in user, whose e-mail must be the invited one. A link that went out by e-mail proves the address; a link handed over by the inviter does not. */
  acceptInvitation: MutationAcceptInvitationResult;
  /** Accepts one of `myInvitations` (invitations to the viewer's proven address). */
  acceptMyInvitation: MutationAcceptMyInvitationResult;
  /** Admins, and managers of the database, add a user through a configured role that still logs in. */
  addCollaborator: MutationAddCollaboratorResult;
  alterRole: MutationAlterRoleResult;
  /** Changes the viewer's own password; other sessions end. */
  changePassword: MutationChangePasswordResult;
  /** Admins store a role's password after a real login proves it; again to replace it after it changed. */
  configureRole: MutationConfigureRoleResult;
  /** Admins connect a database after a real login as the role; they become its collaborator through it. */
  connectDatabase: MutationConnectDatabaseResult;
  createApiToken: MutationCreateApiTokenResult;
  /** CREATE ROLE (needs CREATEROLE); the creator holds ADMIN OPTION on it (16+). */
  createRole: MutationCreateRoleResult;
  createSchema: MutationCreateSchemaResult;
  /** Admins create users (standard unless isAdmin); the address an admin types counts as proven. */
  createUser: MutationCreateUserResult;
  /** Declines one of `myInvitations`. */
  declineInvitation: MutationDeclineInvitationResult;
  /** Declines through the link itself (signed in or not): the invitation closes and its link opens nothing. */
  declineInvitationLink: MutationDeclineInvitationLinkResult;
  /** Deletes a snapshot; only whoever saved it may. */
  deleteAccessSnapshot: MutationDeleteAccessSnapshotResult;
  /** Removes Rolecall's metadata about a database; nothing changes on the server. */
  disconnectDatabase: MutationDisconnectDatabaseResult;
  /** REASSIGN OWNED (in every connected database of the server where it owns something), DROP OWNED, DROP ROLE — all or nothing. */
  dropRole: MutationDropRoleResult;
  /** GRANT role TO member WITH ADMIN / INHERIT / SET (16+); again to change the options of an existing grant. */
  grantMembership: MutationGrantMembershipResult;
  /** GRANT … ON ALL TABLES (and SEQUENCES) IN SCHEMA: every one the schema holds now, in one change; PostgreSQL warns for those the role may not grant on. */
  grantOnAllTables: MutationGrantOnAllTablesResult;
  grantPrivileges: MutationGrantPrivilegesResult;
  /** Admins, and managers of the database, invite an e-mail address through a configured role that still logs in. */
  inviteCollaborator: MutationInviteCollaboratorResult;
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
  renameRole: MutationRenameRoleResult;
  /** E-mails the signed-in user a one-time link (valid 24 h, one request a minute) that proves their address; earlier links stop working. Without SMTP: EmailNotSentError, never the link. */
  requestEmailVerification: MutationRequestEmailVerificationResult;
  /** A new link (the old one stops working) and a new expiry; an expired invitation becomes pending. */
  resendInvitation: MutationResendInvitationResult;
  /** ALTER ROLE … [IN DATABASE …] RESET name: its sessions start with the server’s value again. */
  resetRoleSetting: MutationResetRoleSettingResult;
  revokeApiToken: MutationRevokeApiTokenResult;
  revokeInvitation: MutationRevokeInvitationResult;
  /** REVOKE role FROM member; warns when a grant by another grantor remains. */
  revokeMembership: MutationRevokeMembershipResult;
  /** REVOKE; warns when grants by other grantors remain. */
  revokePrivileges: MutationRevokePrivilegesResult;
  /** Saves the access report of a subject as it is now, to compare later ('what changed since the last review'). */
  saveAccessSnapshot: MutationSaveAccessSnapshotResult;
  /** ALTER DEFAULT PRIVILEGES: makes what these grantees get on the objects of one kind that `creator` makes from now on exactly as asked (diffed against the entry, one transaction; grantees not named are left alone). Without a schema this is the creator’s global entry, whose absence means the built-in default (the creator holds everything, PUBLIC may execute functions and use types); in a schema it can only add to that, and a note says what stays. */
  setDefaultPrivileges: MutationSetDefaultPrivilegesResult;
  /** Makes the members of a group exactly this list (diffed, one transaction). */
  setGroupMembers: MutationSetGroupMembersResult;
  /** Makes the privileges of these grantees on one object exactly these (diffed against its ACL, one transaction), with the schema and sequence USAGE each grant asks for. */
  setPrivileges: MutationSetPrivilegesResult;
  /** Admins mark a configured role as one this database's managers may give (or take the mark back); never a role with superuser, CREATEROLE, BYPASSRLS or REPLICATION. */
  setRoleAssignable: MutationSetRoleAssignableResult;
  /** COMMENT ON ROLE … IS comment; null (or empty) removes it. PostgreSQL decides who may. */
  setRoleComment: MutationSetRoleCommentResult;
  /** ALTER ROLE … PASSWORD (sent as a SCRAM verifier); a password Rolecall stores for the role follows. */
  setRolePassword: MutationSetRolePasswordResult;
  /** ALTER ROLE … [IN DATABASE …] SET name = value: the role’s sessions start with it. PostgreSQL decides who may (CREATEROLE, with ADMIN OPTION on the role on 16+; superuser for superuser roles and parameters) and whether the parameter and value exist. */
  setRoleSetting: MutationSetRoleSettingResult;
  /** First run only: creates the first admin and signs them in. */
  setup: MutationSetupResult;
  /** Admins check that a connection works (a real login) before connecting; nothing is stored. */
  testConnection: MutationTestConnectionResult;
  /** ALTER … OWNER TO; for a schema, optionally with some of its tables that the viewer’s role (or a group of it) owns. */
  transferOwnership: MutationTransferOwnershipResult;
  updateCollaborator: MutationUpdateCollaboratorResult;
  /** Admins change e-mail (which then counts as proven), name, admin flag, password, or deactivate; the last active admin stays. */
  updateUser: MutationUpdateUserResult;
  /** Follows a verification link, signed in as the account that asked for it: its address, if unchanged since, becomes proven. */
  verifyEmail: MutationVerifyEmailResult;
};


export type MutationAcceptInvitationArgs = {
  newAccount?: InputMaybe<NewAccountInput>;
  token: Scalars['String']['input'];
};


export type MutationAcceptMyInvitationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationAddCollaboratorArgs = {
  input: AddCollaboratorInput;
};


export type MutationAlterRoleArgs = {
  attributes: RoleAttributesInput;
  databaseId: Scalars['ID']['input'];
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  name: Scalars['String']['input'];
  previewToken?: InputMaybe<Scalars['String']['input']>;
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


export type MutationCreateRoleArgs = {
  databaseId: Scalars['ID']['input'];
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  input: CreateRoleInput;
  previewToken?: InputMaybe<Scalars['String']['input']>;
};


export type MutationCreateSchemaArgs = {
  databaseId: Scalars['ID']['input'];
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  name: Scalars['String']['input'];
  owner?: InputMaybe<Scalars['String']['input']>;
  previewToken?: InputMaybe<Scalars['String']['input']>;
};


export type MutationCreateUserArgs = {
  input: CreateUserInput;
};


export type MutationDeclineInvitationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeclineInvitationLinkArgs = {
  token: Scalars['String']['input'];
};


export type MutationDeleteAccessSnapshotArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDisconnectDatabaseArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDropRoleArgs = {
  databaseId: Scalars['ID']['input'];
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  name: Scalars['String']['input'];
  previewToken?: InputMaybe<Scalars['String']['input']>;
  reassignTo?: InputMaybe<Scalars['String']['input']>;
};


export type MutationGrantMembershipArgs = {
  databaseId: Scalars['ID']['input'];
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  membership: MembershipInput;
  previewToken?: InputMaybe<Scalars['String']['input']>;
  role: Scalars['String']['input'];
};


export type MutationGrantOnAllTablesArgs = {
  andFuture?: InputMaybe<Scalars['Boolean']['input']>;
  databaseId: Scalars['ID']['input'];
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  futureCreator?: InputMaybe<Scalars['String']['input']>;
  grantee?: InputMaybe<Scalars['String']['input']>;
  previewToken?: InputMaybe<Scalars['String']['input']>;
  privileges: Array<Scalars['String']['input']>;
  schema: Scalars['String']['input'];
  sequencePrivileges?: InputMaybe<Array<Scalars['String']['input']>>;
  withGrantOption?: InputMaybe<Scalars['Boolean']['input']>;
  withSchemaUsage?: InputMaybe<Scalars['Boolean']['input']>;
};


export type MutationGrantPrivilegesArgs = {
  databaseId: Scalars['ID']['input'];
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  grantee?: InputMaybe<Scalars['String']['input']>;
  object: ObjectRef;
  previewToken?: InputMaybe<Scalars['String']['input']>;
  privileges: Array<Scalars['String']['input']>;
  withGrantOption?: InputMaybe<Scalars['Boolean']['input']>;
  withSchemaUsage?: InputMaybe<Scalars['Boolean']['input']>;
  withSequenceUsage?: InputMaybe<Scalars['Boolean']['input']>;
};


export type MutationInviteCollaboratorArgs = {
  input: InviteCollaboratorInput;
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


export type MutationRenameRoleArgs = {
  databaseId: Scalars['ID']['input'];
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  name: Scalars['String']['input'];
  newName: Scalars['String']['input'];
  previewToken?: InputMaybe<Scalars['String']['input']>;
};


export type MutationResendInvitationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationResetRoleSettingArgs = {
  databaseId: Scalars['ID']['input'];
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  inDatabase?: InputMaybe<Scalars['Boolean']['input']>;
  name: Scalars['String']['input'];
  previewToken?: InputMaybe<Scalars['String']['input']>;
  role: Scalars['String']['input'];
};


export type MutationRevokeApiTokenArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeInvitationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeMembershipArgs = {
  databaseId: Scalars['ID']['input'];
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  member: Scalars['String']['input'];
  previewToken?: InputMaybe<Scalars['String']['input']>;
  role: Scalars['String']['input'];
};


export type MutationRevokePrivilegesArgs = {
  cascade?: InputMaybe<Scalars['Boolean']['input']>;
  databaseId: Scalars['ID']['input'];
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  grantOptionOnly?: InputMaybe<Scalars['Boolean']['input']>;
  grantee?: InputMaybe<Scalars['String']['input']>;
  object: ObjectRef;
  previewToken?: InputMaybe<Scalars['String']['input']>;
  privileges: Array<Scalars['String']['input']>;
};


export type MutationSaveAccessSnapshotArgs = {
  databaseId: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  subject: AccessSubjectInput;
};


export type MutationSetDefaultPrivilegesArgs = {
  creator?: InputMaybe<Scalars['String']['input']>;
  databaseId: Scalars['ID']['input'];
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  grants: Array<DesiredDefaultGrantInput>;
  kind: DefaultedObjectKind;
  previewToken?: InputMaybe<Scalars['String']['input']>;
  schema?: InputMaybe<Scalars['String']['input']>;
};


export type MutationSetGroupMembersArgs = {
  databaseId: Scalars['ID']['input'];
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  members: Array<MembershipInput>;
  previewToken?: InputMaybe<Scalars['String']['input']>;
  role: Scalars['String']['input'];
};


export type MutationSetPrivilegesArgs = {
  cascade?: InputMaybe<Scalars['Boolean']['input']>;
  databaseId: Scalars['ID']['input'];
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  grants: Array<DesiredGrantInput>;
  object: ObjectRef;
  previewToken?: InputMaybe<Scalars['String']['input']>;
};


export type MutationSetRoleAssignableArgs = {
  assignable: Scalars['Boolean']['input'];
  configuredRoleId: Scalars['ID']['input'];
  databaseId: Scalars['ID']['input'];
};


export type MutationSetRoleCommentArgs = {
  comment?: InputMaybe<Scalars['String']['input']>;
  databaseId: Scalars['ID']['input'];
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  previewToken?: InputMaybe<Scalars['String']['input']>;
  role: Scalars['String']['input'];
};


export type MutationSetRolePasswordArgs = {
  databaseId: Scalars['ID']['input'];
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  name: Scalars['String']['input'];
  password: Scalars['String']['input'];
  previewToken?: InputMaybe<Scalars['String']['input']>;
};


export type MutationSetRoleSettingArgs = {
  databaseId: Scalars['ID']['input'];
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  inDatabase?: InputMaybe<Scalars['Boolean']['input']>;
  name: Scalars['String']['input'];
  previewToken?: InputMaybe<Scalars['String']['input']>;
  role: Scalars['String']['input'];
  value: Scalars['String']['input'];
};


export type MutationSetupArgs = {
  input: SetupInput;
};


export type MutationTestConnectionArgs = {
  input: ConnectDatabaseInput;
};


export type MutationTransferOwnershipArgs = {
  databaseId: Scalars['ID']['input'];
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  newOwner: Scalars['String']['input'];
  object: ObjectRef;
  previewToken?: InputMaybe<Scalars['String']['input']>;
  tables?: InputMaybe<Array<Scalars['String']['input']>>;
};


export type MutationUpdateCollaboratorArgs = {
  id: Scalars['ID']['input'];
  input: UpdateCollaboratorInput;
};


export type MutationUpdateUserArgs = {
  id: Scalars['ID']['input'];
  input: UpdateUserInput;
};


export type MutationVerifyEmailArgs = {
  token: Scalars['String']['input'];
};

export type MutationAcceptInvitationResult = AuthenticationFailedError | Collaborator | ConcurrentChangeError | ConflictError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | InvalidGrantError | InvalidNameError | InvitationUnusableError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | TooManyAttemptsError | UnauthenticatedError | UndefinedObjectError | ValidationError | WrongUserError;

export type MutationAcceptMyInvitationResult = AuthenticationFailedError | Collaborator | ConcurrentChangeError | ConflictError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | InvalidGrantError | InvalidNameError | InvitationUnusableError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | TooManyAttemptsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationAddCollaboratorResult = AuthenticationFailedError | Collaborator | ConcurrentChangeError | ConflictError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationAlterRoleResult = AuthenticationFailedError | CatalogChangedError | ConcurrentChangeError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | ObjectInUseError | PermissionChange | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationChangePasswordResult = InvalidCredentialsError | TooManyAttemptsError | UnauthenticatedError | User | ValidationError;

export type MutationConfigureRoleResult = AuthenticationFailedError | ConcurrentChangeError | ConfiguredRole | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationConnectDatabaseResult = AuthenticationFailedError | ConcurrentChangeError | ConflictError | Database | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | ObjectInUseError | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationCreateApiTokenResult = CreatedApiToken | UnauthenticatedError | ValidationError;

export type MutationCreateRoleResult = AuthenticationFailedError | CatalogChangedError | ConcurrentChangeError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | ObjectInUseError | PermissionChange | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationCreateSchemaResult = AuthenticationFailedError | CatalogChangedError | ConcurrentChangeError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | ObjectInUseError | PermissionChange | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationCreateUserResult = ConflictError | ForbiddenError | TooManyAttemptsError | UnauthenticatedError | User | ValidationError;

export type MutationDeclineInvitationLinkResult = Invitation | InvitationUnusableError;

export type MutationDeclineInvitationResult = Invitation | InvitationUnusableError | NotFoundError | UnauthenticatedError;

export type MutationDeleteAccessSnapshotResult = ForbiddenError | NotFoundError | Removed | UnauthenticatedError;

export type MutationDisconnectDatabaseResult = ForbiddenError | NotFoundError | Removed | UnauthenticatedError;

export type MutationDropRoleResult = AuthenticationFailedError | CatalogChangedError | ConcurrentChangeError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InUseError | InvalidGrantError | InvalidNameError | NotFoundError | ObjectInUseError | PermissionChange | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationGrantMembershipResult = AuthenticationFailedError | CatalogChangedError | ConcurrentChangeError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | NothingChanged | ObjectInUseError | PermissionChange | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationGrantOnAllTablesResult = AuthenticationFailedError | CatalogChangedError | ConcurrentChangeError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | NothingChanged | ObjectInUseError | PermissionChange | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationGrantPrivilegesResult = AuthenticationFailedError | CatalogChangedError | ConcurrentChangeError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | NothingChanged | ObjectInUseError | PermissionChange | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationInviteCollaboratorResult = AuthenticationFailedError | ConcurrentChangeError | ConflictError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | InvitationSent | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationLeaveDatabaseResult = NotFoundError | Removed | UnauthenticatedError;

export type MutationLoginResult = InvalidCredentialsError | TooManyAttemptsError | User;

export type MutationRemoveCollaboratorResult = ForbiddenError | NotFoundError | Removed | UnauthenticatedError;

export type MutationRemoveConfiguredRoleResult = ForbiddenError | InUseError | NotFoundError | Removed | UnauthenticatedError;

export type MutationRenameRoleResult = AuthenticationFailedError | CatalogChangedError | ConcurrentChangeError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | ObjectInUseError | PermissionChange | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationRequestEmailVerificationResult = ConflictError | EmailNotSentError | EmailVerificationSent | TooManyAttemptsError | UnauthenticatedError;

export type MutationResendInvitationResult = AuthenticationFailedError | ConcurrentChangeError | ConflictError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | InvitationSent | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationResetRoleSettingResult = AuthenticationFailedError | CatalogChangedError | ConcurrentChangeError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | NothingChanged | ObjectInUseError | PermissionChange | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationRevokeApiTokenResult = ApiToken | NotFoundError | UnauthenticatedError;

export type MutationRevokeInvitationResult = ConflictError | ForbiddenError | Invitation | NotFoundError | UnauthenticatedError;

export type MutationRevokeMembershipResult = AuthenticationFailedError | CatalogChangedError | ConcurrentChangeError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | NothingChanged | ObjectInUseError | PermissionChange | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationRevokePrivilegesResult = AuthenticationFailedError | CatalogChangedError | ConcurrentChangeError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | NothingChanged | ObjectInUseError | PermissionChange | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationSaveAccessSnapshotResult = AccessSnapshot | AuthenticationFailedError | ConcurrentChangeError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationSetDefaultPrivilegesResult = AuthenticationFailedError | CatalogChangedError | ConcurrentChangeError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | NothingChanged | ObjectInUseError | PermissionChange | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationSetGroupMembersResult = AuthenticationFailedError | CatalogChangedError | ConcurrentChangeError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | ObjectInUseError | PermissionChange | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationSetPrivilegesResult = AuthenticationFailedError | CatalogChangedError | ConcurrentChangeError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | NothingChanged | ObjectInUseError | PermissionChange | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationSetRoleAssignableResult = AuthenticationFailedError | ConcurrentChangeError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | RoleOffer | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationSetRoleCommentResult = AuthenticationFailedError | CatalogChangedError | ConcurrentChangeError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | NothingChanged | ObjectInUseError | PermissionChange | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationSetRolePasswordResult = AuthenticationFailedError | CatalogChangedError | ConcurrentChangeError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | ObjectInUseError | PermissionChange | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationSetRoleSettingResult = AuthenticationFailedError | CatalogChangedError | ConcurrentChangeError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | NothingChanged | ObjectInUseError | PermissionChange | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationSetupResult = ConflictError | SetupAlreadyDoneError | TooManyAttemptsError | User | ValidationError;

export type MutationTestConnectionResult = AuthenticationFailedError | ConcurrentChangeError | ConnectionTest | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | ObjectInUseError | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationTransferOwnershipResult = AuthenticationFailedError | CatalogChangedError | ConcurrentChangeError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | ObjectInUseError | PermissionChange | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationUpdateCollaboratorResult = AuthenticationFailedError | Collaborator | ConcurrentChangeError | DatabaseDoesNotExistError | DependentObjectsError | DuplicateObjectError | ForbiddenError | InvalidGrantError | InvalidNameError | NotFoundError | ObjectInUseError | PermissionDeniedError | PostgresError | SecretUnreadableError | ServerUnavailableError | TlsError | UnauthenticatedError | UndefinedObjectError | ValidationError;

export type MutationUpdateUserResult = ConflictError | ForbiddenError | LastAdminError | NotFoundError | TooManyAttemptsError | UnauthenticatedError | User | ValidationError;

export type MutationVerifyEmailResult = UnauthenticatedError | User | VerificationUnusableError;

export type NewAccountInput = {
  displayName?: InputMaybe<Scalars['String']['input']>;
  password: Scalars['String']['input'];
  username: Scalars['String']['input'];
};

export type Node = {
  id: Scalars['ID']['output'];
};

export type NotFoundError = Error & {
  __typename?: 'NotFoundError';
  code: Scalars['String']['output'];
  kind: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

/** PostgreSQL ran the statements and changed nothing (only a WARNING): no event is recorded. */
export type NothingChanged = Error & {
  __typename?: 'NothingChanged';
  code: Scalars['String']['output'];
  dryRun: Scalars['Boolean']['output'];
  message: Scalars['String']['output'];
  sql: Array<Scalars['String']['output']>;
  /** PostgreSQL's warnings and Rolecall's notes on why. */
  warnings: Array<Scalars['String']['output']>;
};

/** A role that can use the object: what it holds there, why, and the collaborators who work through it. */
export type ObjectAccess = {
  __typename?: 'ObjectAccess';
  /** Usernames of this database's collaborators who work through this role. */
  collaborators: Array<Scalars['String']['output']>;
  /** Each privilege it holds (or may grant), with every source and path, as Explain gives them. */
  privileges: Array<EffectivePrivilege>;
  role: Role;
};

/** What the viewer's role may do to the object, as PostgreSQL decides it: a UI offers only these. */
export type ObjectCapabilities = {
  __typename?: 'ObjectCapabilities';
  changePrivileges: Scalars['Boolean']['output'];
  drop: Scalars['Boolean']['output'];
  /** What it may grant and revoke: everything as owner (or member of the owner), else what it holds WITH GRANT OPTION. */
  grantablePrivileges: Array<Scalars['String']['output']>;
  /** Why ownership actions are unavailable, when they are. */
  reason?: Maybe<Scalars['String']['output']>;
  /** Owner, member of the owning role, or superuser (never for a column or parameter: no owner of its own). */
  transferOwnership: Scalars['Boolean']['output'];
};

export type ObjectEvent = Event & {
  __typename?: 'ObjectEvent';
  /** The PostgreSQL role the change ran as. */
  actingRole?: Maybe<Scalars['String']['output']>;
  actor?: Maybe<User>;
  /** For a change found outside Rolecall: the changes one poll found share it (show them as one burst). */
  burstId?: Maybe<Scalars['String']['output']>;
  /** How many changes that poll found: the whole burst, even while only some of it is loaded. */
  burstSize?: Maybe<Scalars['Int']['output']>;
  createdAt: Scalars['DateTime']['output'];
  cursor: Scalars['BigCursor']['output'];
  databaseId?: Maybe<Scalars['ID']['output']>;
  /** Who gained and who lost what through this change (Rolecall’s own changes; null for changes found outside it and older events): each group names at most 20 roles and 20 collaborators, at most 50 groups and callouts; the counts are exact. */
  impact?: Maybe<AccessImpact>;
  kind: Scalars['String']['output'];
  object?: Maybe<Scalars['String']['output']>;
  objectKind?: Maybe<Scalars['String']['output']>;
  /** For a change found outside Rolecall: it was made after this (the poll before the one that found it). Changes found by one poll share it: one burst. */
  observedSince?: Maybe<Scalars['DateTime']['output']>;
  owner?: Maybe<Scalars['String']['output']>;
  serverId?: Maybe<Scalars['ID']['output']>;
  source: EventSource;
  /** The statements that ran (passwords masked). */
  sql: Array<Scalars['String']['output']>;
  warnings: Array<Scalars['String']['output']>;
};

export type ObjectInUseError = Error & PostgresFailure & {
  __typename?: 'ObjectInUseError';
  code: Scalars['String']['output'];
  detail?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
  /** SQLSTATE, when the server answered. */
  sqlstate?: Maybe<Scalars['String']['output']>;
};

/** Every kind of object PostgreSQL keeps privileges on. FUNCTION: functions, procedures and aggregates; TYPE: types and domains; PARAMETER: configuration parameters (SET, ALTER SYSTEM). */
export type ObjectKind =
  | 'COLUMN'
  | 'DATABASE'
  | 'FOREIGN_DATA_WRAPPER'
  | 'FOREIGN_SERVER'
  | 'FUNCTION'
  | 'LANGUAGE'
  | 'LARGE_OBJECT'
  | 'PARAMETER'
  | 'SCHEMA'
  | 'SEQUENCE'
  | 'TABLE'
  | 'TABLESPACE'
  | 'TYPE';

/** DATABASE (the connected one; name optional); SCHEMA name; TABLE schema + name (views, sequences and partitions too); SEQUENCE schema + name; COLUMN schema + name (its table) + column; FUNCTION schema + name + arguments (its argument types, e.g. "integer, text": procedures and aggregates too); TYPE schema + name (domains too); LANGUAGE, FOREIGN_DATA_WRAPPER, FOREIGN_SERVER, TABLESPACE, PARAMETER name; LARGE_OBJECT name = its OID. */
export type ObjectRef = {
  /** FUNCTION: its argument types, as PostgreSQL reads them (empty: none). */
  arguments?: InputMaybe<Scalars['String']['input']>;
  /** COLUMN: the column’s name. */
  column?: InputMaybe<Scalars['String']['input']>;
  kind: ObjectKind;
  name?: InputMaybe<Scalars['String']['input']>;
  schema?: InputMaybe<Scalars['String']['input']>;
};

export type OwnershipEvent = Event & {
  __typename?: 'OwnershipEvent';
  /** The PostgreSQL role the change ran as. */
  actingRole?: Maybe<Scalars['String']['output']>;
  actor?: Maybe<User>;
  /** For a change found outside Rolecall: the changes one poll found share it (show them as one burst). */
  burstId?: Maybe<Scalars['String']['output']>;
  /** How many changes that poll found: the whole burst, even while only some of it is loaded. */
  burstSize?: Maybe<Scalars['Int']['output']>;
  createdAt: Scalars['DateTime']['output'];
  cursor: Scalars['BigCursor']['output'];
  databaseId?: Maybe<Scalars['ID']['output']>;
  /** Who gained and who lost what through this change (Rolecall’s own changes; null for changes found outside it and older events): each group names at most 20 roles and 20 collaborators, at most 50 groups and callouts; the counts are exact. */
  impact?: Maybe<AccessImpact>;
  kind: Scalars['String']['output'];
  newOwner?: Maybe<Scalars['String']['output']>;
  object?: Maybe<Scalars['String']['output']>;
  objectKind?: Maybe<Scalars['String']['output']>;
  /** For a change found outside Rolecall: it was made after this (the poll before the one that found it). Changes found by one poll share it: one burst. */
  observedSince?: Maybe<Scalars['DateTime']['output']>;
  previousOwner?: Maybe<Scalars['String']['output']>;
  serverId?: Maybe<Scalars['ID']['output']>;
  source: EventSource;
  /** The statements that ran (passwords masked). */
  sql: Array<Scalars['String']['output']>;
  tables: Array<Scalars['String']['output']>;
  warnings: Array<Scalars['String']['output']>;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** A change to PostgreSQL made as the viewer’s role (or, on a dry run, what would be made). */
export type PermissionChange = {
  __typename?: 'PermissionChange';
  dryRun: Scalars['Boolean']['output'];
  eventId?: Maybe<Scalars['BigCursor']['output']>;
  /** Who gains and who loses what (effective privileges, through memberships, CASCADE included), on a preview and on an applied change; null only where it cannot be computed (a preview whose first steps commit in other databases). */
  impact?: Maybe<AccessImpact>;
  /** The warnings about a role and object, as data (code, grantee, object, the option that fixes it). */
  notes: Array<ChangeNote>;
  /** On a preview: pass it as `previewToken` to apply exactly what was previewed, refused if the catalog changed meanwhile. */
  previewToken?: Maybe<Scalars['String']['output']>;
  /** The exact statements, in order (passwords shown as ********). */
  sql: Array<Scalars['String']['output']>;
  /** What did not or will not happen as asked, and what to do about it. */
  warnings: Array<Scalars['String']['output']>;
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

export type PrivilegeEvent = Event & {
  __typename?: 'PrivilegeEvent';
  /** The object's grants after the change, so a view can update without a refetch. */
  acl: Array<GrantEntry>;
  /** The object's grants before the change. */
  aclBefore: Array<GrantEntry>;
  /** What each grantee gained and lost, as PostgreSQL changed the ACL (CASCADE included). */
  aclChanges: Array<GrantChange>;
  /** The PostgreSQL role the change ran as. */
  actingRole?: Maybe<Scalars['String']['output']>;
  actor?: Maybe<User>;
  /** For a change found outside Rolecall: the changes one poll found share it (show them as one burst). */
  burstId?: Maybe<Scalars['String']['output']>;
  /** How many changes that poll found: the whole burst, even while only some of it is loaded. */
  burstSize?: Maybe<Scalars['Int']['output']>;
  cascade?: Maybe<Scalars['Boolean']['output']>;
  createdAt: Scalars['DateTime']['output'];
  cursor: Scalars['BigCursor']['output'];
  databaseId?: Maybe<Scalars['ID']['output']>;
  /** grantOnAllTables with andFuture: the role whose tables made there later get the same grants. */
  futureCreator?: Maybe<Scalars['String']['output']>;
  grantOptionOnly?: Maybe<Scalars['Boolean']['output']>;
  /** As asked. */
  granted: Array<Scalars['String']['output']>;
  grantee?: Maybe<Scalars['String']['output']>;
  /** setPrivileges: the grantees whose grants were set. */
  grantees: Array<Scalars['String']['output']>;
  /** Who gained and who lost what through this change (Rolecall’s own changes; null for changes found outside it and older events): each group names at most 20 roles and 20 collaborators, at most 50 groups and callouts; the counts are exact. */
  impact?: Maybe<AccessImpact>;
  kind: Scalars['String']['output'];
  /** database, schema or schema.table */
  object?: Maybe<Scalars['String']['output']>;
  objectKind?: Maybe<Scalars['String']['output']>;
  /** For a change found outside Rolecall: it was made after this (the poll before the one that found it). Changes found by one poll share it: one burst. */
  observedSince?: Maybe<Scalars['DateTime']['output']>;
  /** As asked. */
  revoked: Array<Scalars['String']['output']>;
  serverId?: Maybe<Scalars['ID']['output']>;
  source: EventSource;
  /** The statements that ran (passwords masked). */
  sql: Array<Scalars['String']['output']>;
  warnings: Array<Scalars['String']['output']>;
};

/** One ACL item: a privilege granted by one grantor. */
export type PrivilegeGrant = {
  __typename?: 'PrivilegeGrant';
  /** WITH GRANT OPTION. */
  grantable: Scalars['Boolean']['output'];
  grantor?: Maybe<Role>;
  privilege: Scalars['String']['output'];
};

/** The roles that gain, or lose, one privilege on one object. */
export type PrivilegeImpactGroup = {
  __typename?: 'PrivilegeImpactGroup';
  collaboratorCount: Scalars['Int']['output'];
  /** Every collaborator (username) affected through these roles, sorted. */
  collaborators: Array<Scalars['String']['output']>;
  direction: ImpactDirection;
  /** True when only WITH GRANT OPTION is gained or lost; the privilege itself is kept (LOSS) or was held (GAIN). */
  grantOptionOnly: Scalars['Boolean']['output'];
  /** Truncated impacts only: how many roles, besides those listed, have the privileges of the listed roles through inheriting memberships (before the change for LOSS, after for GAIN). They may gain or lose the same, but were not compared one by one. Null when the impact is complete (every role is listed). */
  inheritorCount?: Maybe<Scalars['Int']['output']>;
  object: ImpactObject;
  /** e.g. SELECT */
  privilege: Scalars['String']['output'];
  roleCount: Scalars['Int']['output'];
  /** The roles, by name, at most `first`: each with its collaborators and how it held (LOSS) / will hold (GAIN) it. */
  roles: Array<RoleAccessChange>;
};


/** The roles that gain, or lose, one privilege on one object. */
export type PrivilegeImpactGroupRolesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type PrivilegeList = {
  __typename?: 'PrivilegeList';
  kind: Scalars['String']['output'];
  /** The presets of this kind of object (NONE and CUSTOM are not listed: no privileges, and any other set). */
  presets: Array<PrivilegePresetEntry>;
  privileges: Array<Scalars['String']['output']>;
};

/** Database: CONNECT, CREATE; schema: READ (USAGE), CREATE (USAGE+CREATE); table: READ (SELECT), WRITE (SELECT, INSERT, UPDATE, DELETE). */
export type PrivilegePreset =
  | 'CONNECT'
  | 'CREATE'
  | 'CUSTOM'
  | 'NONE'
  | 'READ'
  | 'WRITE';

/** A preset and the privileges it stands for: a set equal to these is shown as the preset. */
export type PrivilegePresetEntry = {
  __typename?: 'PrivilegePresetEntry';
  preset: PrivilegePreset;
  privileges: Array<Scalars['String']['output']>;
};

/** One reason a role holds (or may grant) a privilege. */
export type PrivilegeSource = {
  __typename?: 'PrivilegeSource';
  grantable: Scalars['Boolean']['output'];
  grantee?: Maybe<Role>;
  grantor?: Maybe<Role>;
  kind: PrivilegeSourceKind;
  /** The roles from the role to the one holding the grant, along INHERIT memberships (just the role when direct). */
  path: Array<Scalars['String']['output']>;
  predefinedRole?: Maybe<Scalars['String']['output']>;
};

export type PrivilegeSourceKind =
  /** An ACL item granted to the role or to a role it inherits from. */
  | 'GRANT'
  /** An ACL item of the object's owner, whose privileges the role has. */
  | 'OWNER'
  /** Having the owner's privileges implies every grant option. */
  | 'OWNER_GRANT_OPTION'
  /** pg_read_all_data, pg_write_all_data or pg_maintain, which the role inherits. */
  | 'PREDEFINED_ROLE'
  /** Granted to PUBLIC: every role has it. */
  | 'PUBLIC'
  /** Superusers bypass every check. */
  | 'SUPERUSER';

export type Query = {
  __typename?: 'Query';
  /** The viewer's own API tokens, newest first. */
  apiTokens: QueryApiTokensResult;
  /** The event log, newest first, filtered; `after` continues from a previous page. */
  auditLog: QueryAuditLogResult;
  /** SMTP is configured: invitations and verification links go out by e-mail. Without it no address can be proven by e-mail, only by an admin setting it. */
  canSendEmail: Scalars['Boolean']['output'];
  database: QueryDatabaseResult;
  /** The databases the viewer may see (admins: all), by name. */
  databases: QueryDatabasesResult;
  /** For admins: the ready demo database of the embedded default, or null. */
  demoDatabase?: Maybe<DemoDatabase>;
  /** Who gained and who lost what through one applied change of the database (its event's impact, capped at 20 roles a group, counts exact), by the event's cursor. Null when the event has none (changes made outside Rolecall, kinds without one) or is not one the viewer may see. */
  eventImpact?: Maybe<QueryEventImpactResult>;
  /** Every kind of event the log records (to filter by, and to word them). */
  eventKinds: Array<EventKind>;
  /** What a pending invitation link is for; the link itself is the credential (no sign-in needed). */
  invitationLink: QueryInvitationLinkResult;
  /** The signed-in user's pending invitations (addressed to their e-mail, once proven; none until then), newest first. */
  myInvitations: QueryMyInvitationsResult;
  /** Any object by its global id, if the viewer may see it (each type keeps its own rule); null when signed out, and for one they may not see, one that does not exist or an id that is not one. */
  node?: Maybe<Node>;
  /** True until the first admin has been created. */
  setupRequired: Scalars['Boolean']['output'];
  /** Every Rolecall user (admins only), by username. */
  users: QueryUsersResult;
  /** The signed-in user, or null. */
  viewer?: Maybe<User>;
};


export type QueryApiTokensArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryAuditLogArgs = {
  actorId?: InputMaybe<Scalars['ID']['input']>;
  after?: InputMaybe<Scalars['BigCursor']['input']>;
  databaseId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kinds?: InputMaybe<Array<Scalars['String']['input']>>;
  object?: InputMaybe<Scalars['String']['input']>;
  role?: InputMaybe<Scalars['String']['input']>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryDatabaseArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDatabasesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryEventImpactArgs = {
  cursor: Scalars['BigCursor']['input'];
  databaseId: Scalars['ID']['input'];
};


export type QueryInvitationLinkArgs = {
  token: Scalars['String']['input'];
};


export type QueryMyInvitationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryApiTokensConnection = {
  __typename?: 'QueryApiTokensConnection';
  edges: Array<QueryApiTokensConnectionEdge>;
  nodes: Array<ApiToken>;
  pageInfo: PageInfo;
  /** How many there are in all, whatever page this is. */
  totalCount: Scalars['Int']['output'];
};

export type QueryApiTokensConnectionEdge = {
  __typename?: 'QueryApiTokensConnectionEdge';
  cursor: Scalars['String']['output'];
  node: ApiToken;
};

export type QueryApiTokensResult = QueryApiTokensConnection | UnauthenticatedError;

export type QueryAuditLogResult = EventPage | UnauthenticatedError;

export type QueryDatabaseResult = Database | NotFoundError | UnauthenticatedError;

export type QueryDatabasesConnection = {
  __typename?: 'QueryDatabasesConnection';
  edges: Array<QueryDatabasesConnectionEdge>;
  nodes: Array<Database>;
  pageInfo: PageInfo;
  /** How many there are in all, whatever page this is. */
  totalCount: Scalars['Int']['output'];
};

export type QueryDatabasesConnectionEdge = {
  __typename?: 'QueryDatabasesConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Database;
};

export type QueryDatabasesResult = QueryDatabasesConnection | UnauthenticatedError;

export type QueryEventImpactResult = AccessImpact | UnauthenticatedError;

export type QueryInvitationLinkResult = InvitationLink | InvitationUnusableError;

export type QueryMyInvitationsConnection = {
  __typename?: 'QueryMyInvitationsConnection';
  edges: Array<QueryMyInvitationsConnectionEdge>;
  nodes: Array<Invitation>;
  pageInfo: PageInfo;
  /** How many there are in all, whatever page this is. */
  totalCount: Scalars['Int']['output'];
};

export type QueryMyInvitationsConnectionEdge = {
  __typename?: 'QueryMyInvitationsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Invitation;
};

export type QueryMyInvitationsResult = QueryMyInvitationsConnection | UnauthenticatedError;

export type QueryUsersConnection = {
  __typename?: 'QueryUsersConnection';
  edges: Array<QueryUsersConnectionEdge>;
  nodes: Array<User>;
  pageInfo: PageInfo;
  /** How many there are in all, whatever page this is. */
  totalCount: Scalars['Int']['output'];
};

export type QueryUsersConnectionEdge = {
  __typename?: 'QueryUsersConnectionEdge';
  cursor: Scalars['String']['output'];
  node: User;
};

export type QueryUsersResult = ForbiddenError | QueryUsersConnection | UnauthenticatedError;

export type Removed = {
  __typename?: 'Removed';
  id: Scalars['ID']['output'];
};

/** Sent once on a subscription with `after`, when everything missed since that cursor has been replayed: what follows is live. Its cursor is the last one replayed to this subscriber (or `after`); it is not an event of the log. */
export type ReplayCaughtUp = Event & {
  __typename?: 'ReplayCaughtUp';
  /** The PostgreSQL role the change ran as. */
  actingRole?: Maybe<Scalars['String']['output']>;
  actor?: Maybe<User>;
  /** For a change found outside Rolecall: the changes one poll found share it (show them as one burst). */
  burstId?: Maybe<Scalars['String']['output']>;
  /** How many changes that poll found: the whole burst, even while only some of it is loaded. */
  burstSize?: Maybe<Scalars['Int']['output']>;
  createdAt: Scalars['DateTime']['output'];
  cursor: Scalars['BigCursor']['output'];
  databaseId?: Maybe<Scalars['ID']['output']>;
  kind: Scalars['String']['output'];
  /** For a change found outside Rolecall: it was made after this (the poll before the one that found it). Changes found by one poll share it: one burst. */
  observedSince?: Maybe<Scalars['DateTime']['output']>;
  serverId?: Maybe<Scalars['ID']['output']>;
  source: EventSource;
  /** The statements that ran (passwords masked). */
  sql: Array<Scalars['String']['output']>;
  warnings: Array<Scalars['String']['output']>;
};

/** A role of the server (roles are cluster-wide), live from pg_roles. */
export type Role = {
  __typename?: 'Role';
  bypassRls: Scalars['Boolean']['output'];
  canLogin: Scalars['Boolean']['output'];
  /** COMMENT ON ROLE. */
  comment?: Maybe<Scalars['String']['output']>;
  /** -1 means no limit. */
  connectionLimit: Scalars['Int']['output'];
  /** Sessions open as this role on the server now (pg_stat_activity); compare with connectionLimit. */
  connectionsInUse: Scalars['Int']['output'];
  createDb: Scalars['Boolean']['output'];
  createRole: Scalars['Boolean']['output'];
  /** The statements that recreate this role as it is, in order: CREATE ROLE with every attribute (VALID UNTIL to the microsecond), ALTER ROLE … SET for each setting, COMMENT ON ROLE, and GRANT for each role it is a member of (WITH ADMIN / INHERIT / SET on 16+, WITH ADMIN OPTION on 15). Never a password: Rolecall cannot read one (pg_authid), so a LOGIN role needs ALTER ROLE … PASSWORD after. A membership granted by several grantors is one GRANT with their options together, without GRANTED BY: whoever runs it is its grantor. */
  definitionSql: Array<Scalars['String']['output']>;
  /** Databases of the server where it owns objects or holds privileges. Asked of many roles (a whole graph), it is read for all of them in one query. */
  dependencies: Array<RoleDependency>;
  /** INHERIT: on 16+ the default for new memberships; on 15 how all its memberships behave. */
  inherit: Scalars['Boolean']['output'];
  /** Rolecall stores a verified password for it, so collaborators can work through it. */
  isConfigured: Scalars['Boolean']['output'];
  /** A built-in role such as pg_read_all_data. */
  isPredefined: Scalars['Boolean']['output'];
  isSuperuser: Scalars['Boolean']['output'];
  /** How many direct members it has. */
  memberCount: Scalars['Int']['output'];
  /** Roles this role is a member of, in no particular order. */
  memberOf: Array<RoleMembership>;
  /** The roles it is a direct member of, groups first then by name, a page at a time. */
  memberOfConnection: RoleMemberOfConnection;
  /** How many roles it is a direct member of. */
  memberOfCount: Scalars['Int']['output'];
  /** Members of this role, in no particular order. */
  members: Array<RoleMembership>;
  /** Its direct members, groups first then by name, a page at a time; `search`: part of the name. */
  membersConnection: RoleMembersConnection;
  name: Scalars['String']['output'];
  oid: Scalars['Int']['output'];
  replication: Scalars['Boolean']['output'];
  /** Its parameter settings, those for every database first. Asked of many roles, read in one query. */
  settings: Array<RoleSetting>;
  validUntil?: Maybe<Scalars['DateTime']['output']>;
  /** VALID UNTIL 'infinity': its password never expires. validUntil is null then, as it is when VALID UNTIL was never set; this tells the two apart. */
  validUntilInfinity: Scalars['Boolean']['output'];
  /** What the viewer's role may do to this role. Worked out only when asked, from the roles and memberships already read. */
  viewerCan: RoleCapabilities;
};


/** A role of the server (roles are cluster-wide), live from pg_roles. */
export type RoleMemberOfConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


/** A role of the server (roles are cluster-wide), live from pg_roles. */
export type RoleMembersConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};

/** How one role relates to another, as pg_has_role answers it, and the membership path that explains it. */
export type RoleAccess = {
  __typename?: 'RoleAccess';
  /** May grant it to others. */
  admin: Scalars['Boolean']['output'];
  inheritPath?: Maybe<Array<Scalars['String']['output']>>;
  member: Scalars['Boolean']['output'];
  memberPath?: Maybe<Array<Scalars['String']['output']>>;
  /** May SET ROLE to it. */
  set: Scalars['Boolean']['output'];
  /** Has the role's privileges (INHERIT path). */
  usage: Scalars['Boolean']['output'];
};

/** A role whose privilege changes, the collaborators who work through it, and how it held it. */
export type RoleAccessChange = {
  __typename?: 'RoleAccessChange';
  collaborators: Array<Scalars['String']['output']>;
  role: Scalars['String']['output'];
  /** How the role held it before (LOSS) or will hold it after (GAIN): each source with its membership path. */
  sources: Array<ImpactSource>;
};

/** An attribute ALTER ROLE changes (RoleAttributesInput). */
export type RoleAttribute =
  | 'BYPASSRLS'
  | 'CONNECTION_LIMIT'
  | 'CREATEDB'
  | 'CREATEROLE'
  | 'INHERIT'
  | 'LOGIN'
  | 'REPLICATION'
  | 'VALID_UNTIL';

export type RoleAttributeLock = {
  __typename?: 'RoleAttributeLock';
  attribute: RoleAttribute;
  reason: Scalars['String']['output'];
};

export type RoleAttributesInput = {
  bypassRls?: InputMaybe<Scalars['Boolean']['input']>;
  connectionLimit?: InputMaybe<Scalars['Int']['input']>;
  createDb?: InputMaybe<Scalars['Boolean']['input']>;
  createRole?: InputMaybe<Scalars['Boolean']['input']>;
  inherit?: InputMaybe<Scalars['Boolean']['input']>;
  login?: InputMaybe<Scalars['Boolean']['input']>;
  replication?: InputMaybe<Scalars['Boolean']['input']>;
  /** VALID UNTIL this time; null or omitted: left as it is. */
  validUntil?: InputMaybe<Scalars['DateTime']['input']>;
  /** True: VALID UNTIL 'infinity', the password never expires again (clears validUntil); false or omitted: left as it is. */
  validUntilInfinity?: InputMaybe<Scalars['Boolean']['input']>;
};

/** What the viewer's role may do to this role, by PostgreSQL's rules for its version (superuser; CREATEROLE, plus ADMIN OPTION on 16+). A UI offers only these, with the reason for the rest. */
export type RoleCapabilities = {
  __typename?: 'RoleCapabilities';
  /** ALTER ROLE … attributes. */
  alter: Scalars['Boolean']['output'];
  alterReason?: Maybe<Scalars['String']['output']>;
  /** DROP ROLE itself; Rolecall may still refuse a role collaborators work through. */
  drop: Scalars['Boolean']['output'];
  dropReason?: Maybe<Scalars['String']['output']>;
  /** Attributes it may not change, each with the reason (all of them when alter is false). */
  lockedAttributes: Array<RoleAttributeLock>;
  /** GRANT and REVOKE membership in this role. */
  manageMembers: Scalars['Boolean']['output'];
  manageMembersReason?: Maybe<Scalars['String']['output']>;
  /** The first reason anything here is refused, or null when everything is allowed. */
  reason?: Maybe<Scalars['String']['output']>;
  rename: Scalars['Boolean']['output'];
  renameReason?: Maybe<Scalars['String']['output']>;
  /** ALTER ROLE … PASSWORD by PostgreSQL's rules. Rolecall also refuses a configured role's (`isConfigured`) to all but admins. */
  setPassword: Scalars['Boolean']['output'];
  setPasswordReason?: Maybe<Scalars['String']['output']>;
};

/** COMMENT ON ROLE before and after a change (null: none). */
export type RoleCommentChange = {
  __typename?: 'RoleCommentChange';
  after?: Maybe<Scalars['String']['output']>;
  before?: Maybe<Scalars['String']['output']>;
};

export type RoleConfigurationEvent = Event & {
  __typename?: 'RoleConfigurationEvent';
  /** The PostgreSQL role the change ran as. */
  actingRole?: Maybe<Scalars['String']['output']>;
  actor?: Maybe<User>;
  /** role.assignability_changed: whether managers may now give the role. */
  assignable?: Maybe<Scalars['Boolean']['output']>;
  /** For a change found outside Rolecall: the changes one poll found share it (show them as one burst). */
  burstId?: Maybe<Scalars['String']['output']>;
  /** How many changes that poll found: the whole burst, even while only some of it is loaded. */
  burstSize?: Maybe<Scalars['Int']['output']>;
  createdAt: Scalars['DateTime']['output'];
  cursor: Scalars['BigCursor']['output'];
  databaseId?: Maybe<Scalars['ID']['output']>;
  kind: Scalars['String']['output'];
  /** For a change found outside Rolecall: it was made after this (the poll before the one that found it). Changes found by one poll share it: one burst. */
  observedSince?: Maybe<Scalars['DateTime']['output']>;
  role?: Maybe<Scalars['String']['output']>;
  serverId?: Maybe<Scalars['ID']['output']>;
  source: EventSource;
  /** The statements that ran (passwords masked). */
  sql: Array<Scalars['String']['output']>;
  warnings: Array<Scalars['String']['output']>;
};

/** Where a role owns objects or holds privileges (pg_shdepend): what DROP ROLE has to clean up first. */
export type RoleDependency = {
  __typename?: 'RoleDependency';
  database: Scalars['String']['output'];
  /** Objects it owns there: DROP ROLE needs them reassigned first. */
  owned: Scalars['Int']['output'];
  /** Privileges granted to it there: DROP OWNED revokes them. */
  privileges: Scalars['Int']['output'];
};

export type RoleEvent = Event & {
  __typename?: 'RoleEvent';
  /** The PostgreSQL role the change ran as. */
  actingRole?: Maybe<Scalars['String']['output']>;
  actor?: Maybe<User>;
  /** For a change found outside Rolecall: the changes one poll found share it (show them as one burst). */
  burstId?: Maybe<Scalars['String']['output']>;
  /** How many changes that poll found: the whole burst, even while only some of it is loaded. */
  burstSize?: Maybe<Scalars['Int']['output']>;
  /** Attributes as PostgreSQL changed them, e.g. "LOGIN", "NOCREATEDB", "CONNECTION LIMIT 5". */
  changes: Array<Scalars['String']['output']>;
  /** role.altered by setRoleComment, or COMMENT ON ROLE outside Rolecall: the comment before and after. */
  comment?: Maybe<RoleCommentChange>;
  createdAt: Scalars['DateTime']['output'];
  cursor: Scalars['BigCursor']['output'];
  databaseId?: Maybe<Scalars['ID']['output']>;
  /** Who gained and who lost what through this change (Rolecall’s own changes; null for changes found outside it and older events): each group names at most 20 roles and 20 collaborators, at most 50 groups and callouts; the counts are exact. */
  impact?: Maybe<AccessImpact>;
  kind: Scalars['String']['output'];
  /** role.created: a LOGIN role. */
  login?: Maybe<Scalars['Boolean']['output']>;
  newName?: Maybe<Scalars['String']['output']>;
  /** For a change found outside Rolecall: it was made after this (the poll before the one that found it). Changes found by one poll share it: one burst. */
  observedSince?: Maybe<Scalars['DateTime']['output']>;
  /** role.dropped: the other databases of the server it was cleared from first. */
  otherDatabases: Array<Scalars['String']['output']>;
  /** role.dropped: the role its objects were given to. */
  reassignTo?: Maybe<Scalars['String']['output']>;
  role?: Maybe<Scalars['String']['output']>;
  serverId?: Maybe<Scalars['ID']['output']>;
  /** role.altered by setRoleSetting / resetRoleSetting, or ALTER ROLE … SET / RESET outside Rolecall (one event per setting): the parameter before and after. */
  setting?: Maybe<RoleSettingChange>;
  source: EventSource;
  /** The statements that ran (passwords masked). */
  sql: Array<Scalars['String']['output']>;
  warnings: Array<Scalars['String']['output']>;
};

/** Roles matching all that is given. */
export type RoleFilter = {
  /** Whether Rolecall stores a verified password for it. */
  configured?: InputMaybe<Scalars['Boolean']['input']>;
  /** true: LOGIN roles only; false: group roles (NOLOGIN) only. */
  login?: InputMaybe<Scalars['Boolean']['input']>;
  /** Direct members of this role only. */
  memberOf?: InputMaybe<Scalars['String']['input']>;
  /** Roles that are not direct members of this role, nor the role itself: who may still be added to it. */
  notMemberOf?: InputMaybe<Scalars['String']['input']>;
  /** Roles that have this attribute only. */
  power?: InputMaybe<RolePower>;
  /** false: no built-in pg_* roles; true: only those. */
  predefined?: InputMaybe<Scalars['Boolean']['input']>;
  /** Part of the name, in any case. */
  search?: InputMaybe<Scalars['String']['input']>;
};

export type RoleMemberOfConnection = {
  __typename?: 'RoleMemberOfConnection';
  edges: Array<RoleMemberOfConnectionEdge>;
  nodes: Array<RoleMembership>;
  pageInfo: PageInfo;
  /** How many there are in all, whatever page this is. */
  totalCount: Scalars['Int']['output'];
};

export type RoleMemberOfConnectionEdge = {
  __typename?: 'RoleMemberOfConnectionEdge';
  cursor: Scalars['String']['output'];
  node: RoleMembership;
};

export type RoleMembersConnection = {
  __typename?: 'RoleMembersConnection';
  edges: Array<RoleMembersConnectionEdge>;
  nodes: Array<RoleMembership>;
  pageInfo: PageInfo;
  /** How many there are in all, whatever page this is. */
  totalCount: Scalars['Int']['output'];
};

export type RoleMembersConnectionEdge = {
  __typename?: 'RoleMembersConnectionEdge';
  cursor: Scalars['String']['output'];
  node: RoleMembership;
};

/** member is a member of role. On 16+ each grantor has its own grant; the options are combined as PostgreSQL does (any grant that has one). */
export type RoleMembership = {
  __typename?: 'RoleMembership';
  admin: Scalars['Boolean']['output'];
  grants: Array<MembershipGrant>;
  inherit: Scalars['Boolean']['output'];
  member: Role;
  role: Role;
  set: Scalars['Boolean']['output'];
};

/** A role with its groups above and its members below, to a depth: what a readable role graph shows. */
export type RoleNeighbourhood = {
  __typename?: 'RoleNeighbourhood';
  center: Role;
  /** Every membership between the roles listed. */
  memberships: Array<RoleMembership>;
  /** The role first, then the others. */
  roles: Array<Role>;
  /** Some role had more groups or members than perRole: memberCount and memberOfCount say how many. */
  truncated: Scalars['Boolean']['output'];
};

/** An object a role can use: what it holds there and why. */
export type RoleObjectAccess = {
  __typename?: 'RoleObjectAccess';
  object: SecurableObject;
  /** Each privilege it holds (or may grant), with every source and path, as Explain gives them. */
  privileges: Array<EffectivePrivilege>;
};

/** A configured role of the server, and whether the viewer may give it to collaborators of this database. */
export type RoleOffer = {
  __typename?: 'RoleOffer';
  configuredRole: ConfiguredRole;
  /** An admin marked it as one this database's managers may give. */
  markedAssignable: Scalars['Boolean']['output'];
  mayGive: Scalars['Boolean']['output'];
  refusal?: Maybe<RoleRefusal>;
  /** The refusal in words, for people. */
  refusalMessage?: Maybe<Scalars['String']['output']>;
};

/** A role attribute with powers beyond one database. */
export type RolePower =
  | 'BYPASSRLS'
  | 'CREATEDB'
  | 'CREATEROLE'
  | 'REPLICATION'
  | 'SUPERUSER';

/** Why the viewer may not give a configured role to collaborators of a database. */
export type RoleRefusal =
  /** The viewer's role cannot SET ROLE to it, and no admin marked it assignable here. */
  | 'NOT_SETTABLE'
  /** It has superuser, CREATEROLE, BYPASSRLS or REPLICATION: admins only. */
  | 'SERVER_WIDE_POWER';

/** A parameter set for a role (`ALTER ROLE … [IN DATABASE …] SET`): its sessions start with it. */
export type RoleSetting = {
  __typename?: 'RoleSetting';
  /** Null: in every database (ALTER ROLE … SET); else only in this one (… IN DATABASE). */
  database?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  /** As PostgreSQL keeps it (pg_db_role_setting). */
  value: Scalars['String']['output'];
};

/** One parameter of a role, as PostgreSQL kept it before and after a change. */
export type RoleSettingChange = {
  __typename?: 'RoleSettingChange';
  /** Null: not set (reset). */
  after?: Maybe<Scalars['String']['output']>;
  /** Null: not set. */
  before?: Maybe<Scalars['String']['output']>;
  /** Null: the setting for every database. */
  database?: Maybe<Scalars['String']['output']>;
  /** As PostgreSQL stores it (its own parameters in their own case). */
  name: Scalars['String']['output'];
};

export type Schema = SecurableObject & {
  __typename?: 'Schema';
  /** Nobody has changed the privileges: these are the defaults (acldefault). */
  aclIsDefault: Scalars['Boolean']['output'];
  /** Grantees, PUBLIC included. */
  grants: Array<Grant>;
  /** The object's grantees (PUBLIC included), a page at a time; `search`: part of the grantee's name. */
  grantsConnection: SecurableObjectGrantsConnection;
  kind: ObjectKind;
  name: Scalars['String']['output'];
  owner?: Maybe<Role>;
  /** Tables, views, materialized views, partitioned and foreign tables, and sequences. */
  tables: Array<Table>;
  viewerCan: ObjectCapabilities;
  /** What the viewer's role (current_user) can really do here, and why: direct grants, inherited ones, PUBLIC, ownership, predefined roles, superuser. */
  viewerPrivileges: Array<EffectivePrivilege>;
};


export type SchemaGrantsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};

/** A stored role password that does not decrypt; configuring the role again replaces it. */
export type SecretUnreadableError = Error & {
  __typename?: 'SecretUnreadableError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  /** malformed or unauthenticated. */
  reason: Scalars['String']['output'];
};

/** Any object PostgreSQL keeps privileges on: owner, privileges and what the viewer may do. */
export type SecurableObject = {
  /** Nobody has changed the privileges: these are the defaults (acldefault). */
  aclIsDefault: Scalars['Boolean']['output'];
  /** Grantees, PUBLIC included. */
  grants: Array<Grant>;
  /** The object's grantees (PUBLIC included), a page at a time; `search`: part of the grantee's name. */
  grantsConnection: SecurableObjectGrantsConnection;
  kind: ObjectKind;
  owner?: Maybe<Role>;
  viewerCan: ObjectCapabilities;
  /** What the viewer's role (current_user) can really do here, and why: direct grants, inherited ones, PUBLIC, ownership, predefined roles, superuser. */
  viewerPrivileges: Array<EffectivePrivilege>;
};


/** Any object PostgreSQL keeps privileges on: owner, privileges and what the viewer may do. */
export type SecurableObjectGrantsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};

export type SecurableObjectGrantsConnection = {
  __typename?: 'SecurableObjectGrantsConnection';
  edges: Array<SecurableObjectGrantsConnectionEdge>;
  nodes: Array<Grant>;
  pageInfo: PageInfo;
  /** How many there are in all, whatever page this is. */
  totalCount: Scalars['Int']['output'];
};

export type SecurableObjectGrantsConnectionEdge = {
  __typename?: 'SecurableObjectGrantsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Grant;
};

/** A PostgreSQL server (host and port); roles are server-wide. */
export type Server = Node & {
  __typename?: 'Server';
  /** A CA certificate of its own is stored for VERIFY_CA / VERIFY_FULL. */
  hasCaCertificate: Scalars['Boolean']['output'];
  host: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The embedded demo cluster started with Rolecall. */
  isDemo: Scalars['Boolean']['output'];
  port: Scalars['Int']['output'];
  sslMode: SslMode;
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

/** How Rolecall's connections to a server use TLS (libpq's sslmode; there is no PREFER). */
export type SslMode =
  /** No TLS (what servers connected before TLS settings existed use). */
  | 'DISABLE'
  /** TLS, without checking the server's certificate. */
  | 'REQUIRE'
  /** TLS; the certificate must be signed by the CA certificate given; its name is not checked. */
  | 'VERIFY_CA'
  /** TLS; the certificate must be signed by the CA given (or a CA Node trusts) and name the host. */
  | 'VERIFY_FULL';

export type Subscription = {
  __typename?: 'Subscription';
  /** Every change the viewer may see, live: for one database, for one server (its role events), or everything. With `after`, first replays what was missed since that cursor, then goes live — nothing lost, nothing doubled. */
  events: Event;
};


export type SubscriptionEventsArgs = {
  after?: InputMaybe<Scalars['BigCursor']['input']>;
  databaseId?: InputMaybe<Scalars['ID']['input']>;
  kinds?: InputMaybe<Array<Scalars['String']['input']>>;
  serverId?: InputMaybe<Scalars['ID']['input']>;
};

export type Table = SecurableObject & {
  __typename?: 'Table';
  /** Nobody has changed the privileges: these are the defaults (acldefault). */
  aclIsDefault: Scalars['Boolean']['output'];
  /** Its columns in order, each with the privileges granted on it alone (none for a sequence). */
  columns: Array<Column>;
  /** Grantees, PUBLIC included. */
  grants: Array<Grant>;
  /** The object's grantees (PUBLIC included), a page at a time; `search`: part of the grantee's name. */
  grantsConnection: SecurableObjectGrantsConnection;
  kind: ObjectKind;
  name: Scalars['String']['output'];
  owner?: Maybe<Role>;
  /** A partitioned table’s partitions, each with its own privileges (queries through the parent check the parent’s). */
  partitions: Array<Table>;
  schema: Scalars['String']['output'];
  tableKind: TableKind;
  viewerCan: ObjectCapabilities;
  /** What the viewer's role (current_user) can really do here, and why: direct grants, inherited ones, PUBLIC, ownership, predefined roles, superuser. */
  viewerPrivileges: Array<EffectivePrivilege>;
};


export type TableGrantsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};

export type TableKind =
  | 'FOREIGN_TABLE'
  | 'MATERIALIZED_VIEW'
  | 'PARTITIONED_TABLE'
  | 'SEQUENCE'
  | 'TABLE'
  | 'VIEW';

/** A connection to a PostgreSQL server failed its TLS settings (the server's or the input's). */
export type TlsError = Error & {
  __typename?: 'TlsError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  /** SERVER_WITHOUT_TLS, TLS_REQUIRED_BY_SERVER, UNTRUSTED_CERTIFICATE, HOST_NAME_MISMATCH, CERTIFICATE_NOT_VALID_NOW or HANDSHAKE_FAILED. */
  reason: Scalars['String']['output'];
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
  /** The address is proven (a token e-mailed to it was used, or an admin set it); only then do invitations to it reach this account. */
  emailVerified: Scalars['Boolean']['output'];
  emailVerifiedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  isActive: Scalars['Boolean']['output'];
  isAdmin: Scalars['Boolean']['output'];
  username: Scalars['String']['output'];
};

export type UserEvent = Event & {
  __typename?: 'UserEvent';
  /** The PostgreSQL role the change ran as. */
  actingRole?: Maybe<Scalars['String']['output']>;
  actor?: Maybe<User>;
  /** For a change found outside Rolecall: the changes one poll found share it (show them as one burst). */
  burstId?: Maybe<Scalars['String']['output']>;
  /** How many changes that poll found: the whole burst, even while only some of it is loaded. */
  burstSize?: Maybe<Scalars['Int']['output']>;
  changed: Array<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  cursor: Scalars['BigCursor']['output'];
  databaseId?: Maybe<Scalars['ID']['output']>;
  /** Created by accepting this invitation. */
  invitationId?: Maybe<Scalars['ID']['output']>;
  isAdmin?: Maybe<Scalars['Boolean']['output']>;
  kind: Scalars['String']['output'];
  /** For a change found outside Rolecall: it was made after this (the poll before the one that found it). Changes found by one poll share it: one burst. */
  observedSince?: Maybe<Scalars['DateTime']['output']>;
  serverId?: Maybe<Scalars['ID']['output']>;
  source: EventSource;
  /** The statements that ran (passwords masked). */
  sql: Array<Scalars['String']['output']>;
  username?: Maybe<Scalars['String']['output']>;
  warnings: Array<Scalars['String']['output']>;
};

export type ValidationError = Error & {
  __typename?: 'ValidationError';
  code: Scalars['String']['output'];
  field: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

export type VerificationUnusableError = Error & {
  __typename?: 'VerificationUnusableError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  /** UNKNOWN, USED, EXPIRED, ADDRESS_CHANGED (sent to an address the account no longer has) or OTHER_ACCOUNT. */
  state: Scalars['String']['output'];
};

/** The role the viewer works through here: its attributes, the groups whose privileges it has, what it owns and may do. */
export type ViewerRole = {
  __typename?: 'ViewerRole';
  canCreateRoles: Scalars['Boolean']['output'];
  /** Holds CREATE on the database. */
  canCreateSchemas: Scalars['Boolean']['output'];
  /** CONNECT / CREATE / TEMPORARY as PostgreSQL decides them. */
  databasePrivileges: Array<Scalars['String']['output']>;
  /** Every role whose privileges it has (through INHERIT memberships, transitively). */
  inheritsFrom: Array<Role>;
  /** Attributes CREATE ROLE may not give as this role, each with the reason (all of them without CREATEROLE): on 15 REPLICATION and BYPASSRLS are for superusers; on 16+ CREATEDB, REPLICATION and BYPASSRLS are given only by a role that has them itself. */
  lockedAttributesOnCreate: Array<RoleAttributeLock>;
  /** Schemas it owns or whose owner’s privileges it has. */
  ownedSchemas: Array<Schema>;
  /** Tables, views and sequences it owns or whose owner’s privileges it has. */
  ownedTables: Array<Table>;
  role?: Maybe<Role>;
};

export type WrongUserError = Error & {
  __typename?: 'WrongUserError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

type CliError_AuthenticationFailedError_Fragment = { __typename?: 'AuthenticationFailedError', code: string, message: string };

type CliError_CatalogChangedError_Fragment = { __typename?: 'CatalogChangedError', code: string, message: string };

type CliError_ConcurrentChangeError_Fragment = { __typename?: 'ConcurrentChangeError', code: string, message: string };

type CliError_ConflictError_Fragment = { __typename?: 'ConflictError', code: string, message: string };

type CliError_DatabaseDoesNotExistError_Fragment = { __typename?: 'DatabaseDoesNotExistError', code: string, message: string };

type CliError_DependentObjectsError_Fragment = { __typename?: 'DependentObjectsError', code: string, message: string };

type CliError_DuplicateObjectError_Fragment = { __typename?: 'DuplicateObjectError', code: string, message: string };

type CliError_EmailNotSentError_Fragment = { __typename?: 'EmailNotSentError', code: string, message: string };

type CliError_ForbiddenError_Fragment = { __typename?: 'ForbiddenError', code: string, message: string };

type CliError_InUseError_Fragment = { __typename?: 'InUseError', code: string, message: string };

type CliError_InvalidCredentialsError_Fragment = { __typename?: 'InvalidCredentialsError', code: string, message: string };

type CliError_InvalidGrantError_Fragment = { __typename?: 'InvalidGrantError', code: string, message: string };

type CliError_InvalidNameError_Fragment = { __typename?: 'InvalidNameError', code: string, message: string };

type CliError_InvitationUnusableError_Fragment = { __typename?: 'InvitationUnusableError', code: string, message: string };

type CliError_LastAdminError_Fragment = { __typename?: 'LastAdminError', code: string, message: string };

type CliError_NotFoundError_Fragment = { __typename?: 'NotFoundError', code: string, message: string };

type CliError_NothingChanged_Fragment = { __typename?: 'NothingChanged', code: string, message: string };

type CliError_ObjectInUseError_Fragment = { __typename?: 'ObjectInUseError', code: string, message: string };

type CliError_PermissionDeniedError_Fragment = { __typename?: 'PermissionDeniedError', code: string, message: string };

type CliError_PostgresError_Fragment = { __typename?: 'PostgresError', code: string, message: string };

type CliError_SecretUnreadableError_Fragment = { __typename?: 'SecretUnreadableError', code: string, message: string };

type CliError_ServerUnavailableError_Fragment = { __typename?: 'ServerUnavailableError', code: string, message: string };

type CliError_SetupAlreadyDoneError_Fragment = { __typename?: 'SetupAlreadyDoneError', code: string, message: string };

type CliError_TlsError_Fragment = { __typename?: 'TlsError', code: string, message: string };

type CliError_TooManyAttemptsError_Fragment = { __typename?: 'TooManyAttemptsError', code: string, message: string };

type CliError_UnauthenticatedError_Fragment = { __typename?: 'UnauthenticatedError', code: string, message: string };

type CliError_UndefinedObjectError_Fragment = { __typename?: 'UndefinedObjectError', code: string, message: string };

type CliError_ValidationError_Fragment = { __typename?: 'ValidationError', code: string, message: string };

type CliError_VerificationUnusableError_Fragment = { __typename?: 'VerificationUnusableError', code: string, message: string };

type CliError_WrongUserError_Fragment = { __typename?: 'WrongUserError', code: string, message: string };

export type CliErrorFragment =
  | CliError_AuthenticationFailedError_Fragment
  | CliError_CatalogChangedError_Fragment
  | CliError_ConcurrentChangeError_Fragment
  | CliError_ConflictError_Fragment
  | CliError_DatabaseDoesNotExistError_Fragment
  | CliError_DependentObjectsError_Fragment
  | CliError_DuplicateObjectError_Fragment
  | CliError_EmailNotSentError_Fragment
  | CliError_ForbiddenError_Fragment
  | CliError_InUseError_Fragment
  | CliError_InvalidCredentialsError_Fragment
  | CliError_InvalidGrantError_Fragment
  | CliError_InvalidNameError_Fragment
  | CliError_InvitationUnusableError_Fragment
  | CliError_LastAdminError_Fragment
  | CliError_NotFoundError_Fragment
  | CliError_NothingChanged_Fragment
  | CliError_ObjectInUseError_Fragment
  | CliError_PermissionDeniedError_Fragment
  | CliError_PostgresError_Fragment
  | CliError_SecretUnreadableError_Fragment
  | CliError_ServerUnavailableError_Fragment
  | CliError_SetupAlreadyDoneError_Fragment
  | CliError_TlsError_Fragment
  | CliError_TooManyAttemptsError_Fragment
  | CliError_UnauthenticatedError_Fragment
  | CliError_UndefinedObjectError_Fragment
  | CliError_ValidationError_Fragment
  | CliError_VerificationUnusableError_Fragment
  | CliError_WrongUserError_Fragment
;

export type CliChangeFragment = { __typename?: 'PermissionChange', dryRun: boolean, sql: Array<string>, warnings: Array<string>, eventId?: string | null, notes: Array<{ __typename?: 'ChangeNote', code: ChangeNoteCode, grantee?: string | null, object: string, subjects: Array<string>, grantor?: string | null, message: string, fixOption?: string | null }>, impact?: { __typename?: 'AccessImpact', roleCount: number, collaboratorCount: number, privilegeGroupCount: number, truncated: boolean, comparedPairs?: number | null, privilegeGroups: Array<{ __typename?: 'PrivilegeImpactGroup', direction: ImpactDirection, privilege: string, grantOptionOnly: boolean, roleCount: number, collaboratorCount: number, collaborators: Array<string>, inheritorCount?: number | null, object: { __typename?: 'ImpactObject', kind: ObjectKind, schema?: string | null, name: string, column?: string | null, arguments?: string | null, label: string }, roles: Array<{ __typename?: 'RoleAccessChange', role: string, collaborators: Array<string>, sources: Array<{ __typename?: 'ImpactSource', kind: string, path: Array<string>, grantor?: string | null, grantable: boolean }> }> }>, membershipGroups: Array<{ __typename?: 'MembershipImpactGroup', direction: ImpactDirection, role: string, roleCount: number, collaboratorCount: number, collaborators: Array<string>, heldObjectCount?: number | null, members: Array<{ __typename?: 'MemberAccessChange', role: string, collaborators: Array<string>, path: Array<string> }> }>, callouts: Array<{ __typename?: 'ImpactCallout', code: ImpactCalloutCode, role: string, collaborators: Array<string>, message: string }> } | null };

export type CliAccessRowFragment = { __typename?: 'AccessRow', role: string, isPublic: boolean, collaborators: Array<string>, privilege: string, grantable: boolean, object: { __typename?: 'AccessObject', kind: ObjectKind, label: string }, paths: Array<{ __typename?: 'AccessPath', source: PrivilegeSourceKind, roles: Array<string>, grantor?: string | null, grantable: boolean }> };

export type CliAccessReportQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  subject: AccessSubjectInput;
}>;


export type CliAccessReportQuery = { __typename?: 'Query', database:
    | { __typename: 'Database', catalog:
        | { __typename: 'AuthenticationFailedError', code: string, message: string }
        | { __typename: 'ConcurrentChangeError', code: string, message: string }
        | { __typename: 'DatabaseCatalog', accessReport:
            | { __typename: 'AccessReport', rowCount: number, subject: { __typename?: 'AccessSubject', kind: AccessSubjectKind, label: string, role?: string | null }, rows: { __typename?: 'AccessReportRowsConnection', nodes: Array<{ __typename?: 'AccessRow', role: string, isPublic: boolean, collaborators: Array<string>, privilege: string, grantable: boolean, object: { __typename?: 'AccessObject', kind: ObjectKind, label: string }, paths: Array<{ __typename?: 'AccessPath', source: PrivilegeSourceKind, roles: Array<string>, grantor?: string | null, grantable: boolean }> }> } }
            | { __typename: 'AuthenticationFailedError', code: string, message: string }
            | { __typename: 'ConcurrentChangeError', code: string, message: string }
            | { __typename: 'DatabaseDoesNotExistError', code: string, message: string }
            | { __typename: 'DependentObjectsError', code: string, message: string }
            | { __typename: 'DuplicateObjectError', code: string, message: string }
            | { __typename: 'ForbiddenError', code: string, message: string }
            | { __typename: 'InvalidGrantError', code: string, message: string }
            | { __typename: 'InvalidNameError', code: string, message: string }
            | { __typename: 'NotFoundError', code: string, message: string }
            | { __typename: 'ObjectInUseError', code: string, message: string }
            | { __typename: 'PermissionDeniedError', code: string, message: string }
            | { __typename: 'PostgresError', code: string, message: string }
            | { __typename: 'SecretUnreadableError', code: string, message: string }
            | { __typename: 'ServerUnavailableError', code: string, message: string }
            | { __typename: 'TlsError', code: string, message: string }
            | { __typename: 'UnauthenticatedError', code: string, message: string }
            | { __typename: 'UndefinedObjectError', code: string, message: string }
            | { __typename: 'ValidationError', code: string, message: string }
           }
        | { __typename: 'DatabaseDoesNotExistError', code: string, message: string }
        | { __typename: 'DependentObjectsError', code: string, message: string }
        | { __typename: 'DuplicateObjectError', code: string, message: string }
        | { __typename: 'ForbiddenError', code: string, message: string }
        | { __typename: 'InvalidGrantError', code: string, message: string }
        | { __typename: 'InvalidNameError', code: string, message: string }
        | { __typename: 'NotFoundError', code: string, message: string }
        | { __typename: 'ObjectInUseError', code: string, message: string }
        | { __typename: 'PermissionDeniedError', code: string, message: string }
        | { __typename: 'PostgresError', code: string, message: string }
        | { __typename: 'SecretUnreadableError', code: string, message: string }
        | { __typename: 'ServerUnavailableError', code: string, message: string }
        | { __typename: 'TlsError', code: string, message: string }
        | { __typename: 'UnauthenticatedError', code: string, message: string }
        | { __typename: 'UndefinedObjectError', code: string, message: string }
       }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'UnauthenticatedError', code: string, message: string }
   };

export type CliAccessExportQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  subject: AccessSubjectInput;
  format: AccessExportFormat;
}>;


export type CliAccessExportQuery = { __typename?: 'Query', database:
    | { __typename: 'Database', catalog:
        | { __typename: 'AuthenticationFailedError', code: string, message: string }
        | { __typename: 'ConcurrentChangeError', code: string, message: string }
        | { __typename: 'DatabaseCatalog', accessReportExport:
            | { __typename: 'AccessExport', content: string }
            | { __typename: 'AuthenticationFailedError', code: string, message: string }
            | { __typename: 'ConcurrentChangeError', code: string, message: string }
            | { __typename: 'DatabaseDoesNotExistError', code: string, message: string }
            | { __typename: 'DependentObjectsError', code: string, message: string }
            | { __typename: 'DuplicateObjectError', code: string, message: string }
            | { __typename: 'ForbiddenError', code: string, message: string }
            | { __typename: 'InvalidGrantError', code: string, message: string }
            | { __typename: 'InvalidNameError', code: string, message: string }
            | { __typename: 'NotFoundError', code: string, message: string }
            | { __typename: 'ObjectInUseError', code: string, message: string }
            | { __typename: 'PermissionDeniedError', code: string, message: string }
            | { __typename: 'PostgresError', code: string, message: string }
            | { __typename: 'SecretUnreadableError', code: string, message: string }
            | { __typename: 'ServerUnavailableError', code: string, message: string }
            | { __typename: 'TlsError', code: string, message: string }
            | { __typename: 'UnauthenticatedError', code: string, message: string }
            | { __typename: 'UndefinedObjectError', code: string, message: string }
            | { __typename: 'ValidationError', code: string, message: string }
           }
        | { __typename: 'DatabaseDoesNotExistError', code: string, message: string }
        | { __typename: 'DependentObjectsError', code: string, message: string }
        | { __typename: 'DuplicateObjectError', code: string, message: string }
        | { __typename: 'ForbiddenError', code: string, message: string }
        | { __typename: 'InvalidGrantError', code: string, message: string }
        | { __typename: 'InvalidNameError', code: string, message: string }
        | { __typename: 'NotFoundError', code: string, message: string }
        | { __typename: 'ObjectInUseError', code: string, message: string }
        | { __typename: 'PermissionDeniedError', code: string, message: string }
        | { __typename: 'PostgresError', code: string, message: string }
        | { __typename: 'SecretUnreadableError', code: string, message: string }
        | { __typename: 'ServerUnavailableError', code: string, message: string }
        | { __typename: 'TlsError', code: string, message: string }
        | { __typename: 'UnauthenticatedError', code: string, message: string }
        | { __typename: 'UndefinedObjectError', code: string, message: string }
       }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'UnauthenticatedError', code: string, message: string }
   };

export type CliSaveAccessSnapshotMutationVariables = Exact<{
  db: Scalars['ID']['input'];
  subject: AccessSubjectInput;
  note?: InputMaybe<Scalars['String']['input']>;
}>;


export type CliSaveAccessSnapshotMutation = { __typename?: 'Mutation', saveAccessSnapshot:
    | { __typename: 'AccessSnapshot', id: string, createdAt: string, createdBy?: string | null, note?: string | null, rowCount: number, subject: { __typename?: 'AccessSubject', kind: AccessSubjectKind, label: string } }
    | { __typename: 'AuthenticationFailedError', code: string, message: string }
    | { __typename: 'ConcurrentChangeError', code: string, message: string }
    | { __typename: 'DatabaseDoesNotExistError', code: string, message: string }
    | { __typename: 'DependentObjectsError', code: string, message: string }
    | { __typename: 'DuplicateObjectError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidGrantError', code: string, message: string }
    | { __typename: 'InvalidNameError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ObjectInUseError', code: string, message: string }
    | { __typename: 'PermissionDeniedError', code: string, message: string }
    | { __typename: 'PostgresError', code: string, message: string }
    | { __typename: 'SecretUnreadableError', code: string, message: string }
    | { __typename: 'ServerUnavailableError', code: string, message: string }
    | { __typename: 'TlsError', code: string, message: string }
    | { __typename: 'UnauthenticatedError', code: string, message: string }
    | { __typename: 'UndefinedObjectError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type CliAccessSnapshotFragment = { __typename?: 'AccessSnapshot', id: string, createdAt: string, createdBy?: string | null, note?: string | null, rowCount: number, subject: { __typename?: 'AccessSubject', kind: AccessSubjectKind, label: string } };

export type CliAccessSnapshotsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CliAccessSnapshotsQuery = { __typename?: 'Query', database:
    | { __typename: 'Database', catalog:
        | { __typename: 'AuthenticationFailedError', code: string, message: string }
        | { __typename: 'ConcurrentChangeError', code: string, message: string }
        | { __typename: 'DatabaseCatalog', accessSnapshots: { __typename?: 'DatabaseCatalogAccessSnapshotsConnection', nodes: Array<{ __typename?: 'AccessSnapshot', id: string, createdAt: string, createdBy?: string | null, note?: string | null, rowCount: number, subject: { __typename?: 'AccessSubject', kind: AccessSubjectKind, label: string } }> } }
        | { __typename: 'DatabaseDoesNotExistError', code: string, message: string }
        | { __typename: 'DependentObjectsError', code: string, message: string }
        | { __typename: 'DuplicateObjectError', code: string, message: string }
        | { __typename: 'ForbiddenError', code: string, message: string }
        | { __typename: 'InvalidGrantError', code: string, message: string }
        | { __typename: 'InvalidNameError', code: string, message: string }
        | { __typename: 'NotFoundError', code: string, message: string }
        | { __typename: 'ObjectInUseError', code: string, message: string }
        | { __typename: 'PermissionDeniedError', code: string, message: string }
        | { __typename: 'PostgresError', code: string, message: string }
        | { __typename: 'SecretUnreadableError', code: string, message: string }
        | { __typename: 'ServerUnavailableError', code: string, message: string }
        | { __typename: 'TlsError', code: string, message: string }
        | { __typename: 'UnauthenticatedError', code: string, message: string }
        | { __typename: 'UndefinedObjectError', code: string, message: string }
       }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'UnauthenticatedError', code: string, message: string }
   };

export type CliAccessSnapshotDiffQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  from: Scalars['ID']['input'];
  to?: InputMaybe<Scalars['ID']['input']>;
}>;


export type CliAccessSnapshotDiffQuery = { __typename?: 'Query', database:
    | { __typename: 'Database', catalog:
        | { __typename: 'AuthenticationFailedError', code: string, message: string }
        | { __typename: 'ConcurrentChangeError', code: string, message: string }
        | { __typename: 'DatabaseCatalog', accessSnapshotDiff:
            | { __typename: 'AccessSnapshotDiff', toTime: string, gainedCount: number, lostCount: number, changes: { __typename?: 'AccessSnapshotDiffChangesConnection', nodes: Array<{ __typename?: 'AccessChange', change: AccessChangeKind, row: { __typename?: 'AccessRow', role: string, isPublic: boolean, collaborators: Array<string>, privilege: string, grantable: boolean, object: { __typename?: 'AccessObject', kind: ObjectKind, label: string }, paths: Array<{ __typename?: 'AccessPath', source: PrivilegeSourceKind, roles: Array<string>, grantor?: string | null, grantable: boolean }> } }> }, events: Array<
                | { __typename?: 'AccessSnapshotEvent', cursor: string, createdAt: string, kind: string, source: EventSource, actingRole?: string | null, sql: Array<string> }
                | { __typename?: 'CollaboratorEvent', cursor: string, createdAt: string, kind: string, source: EventSource, actingRole?: string | null, sql: Array<string> }
                | { __typename?: 'CredentialEvent', cursor: string, createdAt: string, kind: string, source: EventSource, actingRole?: string | null, sql: Array<string> }
                | { __typename?: 'DatabaseEvent', cursor: string, createdAt: string, kind: string, source: EventSource, actingRole?: string | null, sql: Array<string> }
                | { __typename?: 'DefaultPrivilegeEvent', cursor: string, createdAt: string, kind: string, source: EventSource, actingRole?: string | null, sql: Array<string> }
                | { __typename?: 'InvitationEvent', cursor: string, createdAt: string, kind: string, source: EventSource, actingRole?: string | null, sql: Array<string> }
                | { __typename?: 'MembershipEvent', cursor: string, createdAt: string, kind: string, source: EventSource, actingRole?: string | null, sql: Array<string> }
                | { __typename?: 'ObjectEvent', cursor: string, createdAt: string, kind: string, source: EventSource, actingRole?: string | null, sql: Array<string> }
                | { __typename?: 'OwnershipEvent', cursor: string, createdAt: string, kind: string, source: EventSource, actingRole?: string | null, sql: Array<string> }
                | { __typename?: 'PrivilegeEvent', cursor: string, createdAt: string, kind: string, source: EventSource, actingRole?: string | null, sql: Array<string> }
                | { __typename?: 'ReplayCaughtUp', cursor: string, createdAt: string, kind: string, source: EventSource, actingRole?: string | null, sql: Array<string> }
                | { __typename?: 'RoleConfigurationEvent', cursor: string, createdAt: string, kind: string, source: EventSource, actingRole?: string | null, sql: Array<string> }
                | { __typename?: 'RoleEvent', cursor: string, createdAt: string, kind: string, source: EventSource, actingRole?: string | null, sql: Array<string> }
                | { __typename?: 'UserEvent', cursor: string, createdAt: string, kind: string, source: EventSource, actingRole?: string | null, sql: Array<string> }
              > }
            | { __typename: 'AuthenticationFailedError', code: string, message: string }
            | { __typename: 'ConcurrentChangeError', code: string, message: string }
            | { __typename: 'DatabaseDoesNotExistError', code: string, message: string }
            | { __typename: 'DependentObjectsError', code: string, message: string }
            | { __typename: 'DuplicateObjectError', code: string, message: string }
            | { __typename: 'ForbiddenError', code: string, message: string }
            | { __typename: 'InvalidGrantError', code: string, message: string }
            | { __typename: 'InvalidNameError', code: string, message: string }
            | { __typename: 'NotFoundError', code: string, message: string }
            | { __typename: 'ObjectInUseError', code: string, message: string }
            | { __typename: 'PermissionDeniedError', code: string, message: string }
            | { __typename: 'PostgresError', code: string, message: string }
            | { __typename: 'SecretUnreadableError', code: string, message: string }
            | { __typename: 'ServerUnavailableError', code: string, message: string }
            | { __typename: 'TlsError', code: string, message: string }
            | { __typename: 'UnauthenticatedError', code: string, message: string }
            | { __typename: 'UndefinedObjectError', code: string, message: string }
            | { __typename: 'ValidationError', code: string, message: string }
           }
        | { __typename: 'DatabaseDoesNotExistError', code: string, message: string }
        | { __typename: 'DependentObjectsError', code: string, message: string }
        | { __typename: 'DuplicateObjectError', code: string, message: string }
        | { __typename: 'ForbiddenError', code: string, message: string }
        | { __typename: 'InvalidGrantError', code: string, message: string }
        | { __typename: 'InvalidNameError', code: string, message: string }
        | { __typename: 'NotFoundError', code: string, message: string }
        | { __typename: 'ObjectInUseError', code: string, message: string }
        | { __typename: 'PermissionDeniedError', code: string, message: string }
        | { __typename: 'PostgresError', code: string, message: string }
        | { __typename: 'SecretUnreadableError', code: string, message: string }
        | { __typename: 'ServerUnavailableError', code: string, message: string }
        | { __typename: 'TlsError', code: string, message: string }
        | { __typename: 'UnauthenticatedError', code: string, message: string }
        | { __typename: 'UndefinedObjectError', code: string, message: string }
       }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'UnauthenticatedError', code: string, message: string }
   };

export type CliCollaboratorsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CliCollaboratorsQuery = { __typename?: 'Query', database:
    | { __typename: 'Database', collaborators: Array<{ __typename?: 'Collaborator', id: string, access: Access, createdAt: string, user: { __typename?: 'User', username: string, email: string }, role: { __typename?: 'ConfiguredRole', rolname: string } }>, invitations: Array<{ __typename?: 'Invitation', id: string, email: string, access: Access, createdAt: string, expiresAt: string, role: { __typename?: 'ConfiguredRole', rolname: string } }> }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'UnauthenticatedError', code: string, message: string }
   };

export type CliUsersQueryVariables = Exact<{ [key: string]: never; }>;


export type CliUsersQuery = { __typename?: 'Query', users:
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'QueryUsersConnection', nodes: Array<{ __typename?: 'User', id: string, username: string, email: string }> }
    | { __typename: 'UnauthenticatedError', code: string, message: string }
   };

export type CliAddCollaboratorMutationVariables = Exact<{
  input: AddCollaboratorInput;
}>;


export type CliAddCollaboratorMutation = { __typename?: 'Mutation', addCollaborator:
    | { __typename: 'AuthenticationFailedError', code: string, message: string }
    | { __typename: 'Collaborator', id: string, access: Access, user: { __typename?: 'User', username: string, email: string }, role: { __typename?: 'ConfiguredRole', rolname: string } }
    | { __typename: 'ConcurrentChangeError', code: string, message: string }
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'DatabaseDoesNotExistError', code: string, message: string }
    | { __typename: 'DependentObjectsError', code: string, message: string }
    | { __typename: 'DuplicateObjectError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidGrantError', code: string, message: string }
    | { __typename: 'InvalidNameError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ObjectInUseError', code: string, message: string }
    | { __typename: 'PermissionDeniedError', code: string, message: string }
    | { __typename: 'PostgresError', code: string, message: string }
    | { __typename: 'SecretUnreadableError', code: string, message: string }
    | { __typename: 'ServerUnavailableError', code: string, message: string }
    | { __typename: 'TlsError', code: string, message: string }
    | { __typename: 'UnauthenticatedError', code: string, message: string }
    | { __typename: 'UndefinedObjectError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type CliRemoveCollaboratorMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CliRemoveCollaboratorMutation = { __typename?: 'Mutation', removeCollaborator:
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'Removed', id: string }
    | { __typename: 'UnauthenticatedError', code: string, message: string }
   };

export type CliRevokeInvitationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CliRevokeInvitationMutation = { __typename?: 'Mutation', revokeInvitation:
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'Invitation', id: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'UnauthenticatedError', code: string, message: string }
   };

export type CliDefaultPrivilegesQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  creator?: InputMaybe<Scalars['String']['input']>;
}>;


export type CliDefaultPrivilegesQuery = { __typename?: 'Query', database:
    | { __typename: 'Database', catalog:
        | { __typename: 'AuthenticationFailedError', code: string, message: string }
        | { __typename: 'ConcurrentChangeError', code: string, message: string }
        | { __typename: 'DatabaseCatalog', defaultPrivileges: Array<{ __typename?: 'DefaultPrivilegeEntry', schema?: string | null, objectKind: DefaultedObjectKind, creator?: { __typename?: 'Role', name: string } | null, grants: Array<{ __typename?: 'Grant', isPublic: boolean, privileges: Array<string>, grantable: Array<string>, grantee?: { __typename?: 'Role', name: string } | null }> }> }
        | { __typename: 'DatabaseDoesNotExistError', code: string, message: string }
        | { __typename: 'DependentObjectsError', code: string, message: string }
        | { __typename: 'DuplicateObjectError', code: string, message: string }
        | { __typename: 'ForbiddenError', code: string, message: string }
        | { __typename: 'InvalidGrantError', code: string, message: string }
        | { __typename: 'InvalidNameError', code: string, message: string }
        | { __typename: 'NotFoundError', code: string, message: string }
        | { __typename: 'ObjectInUseError', code: string, message: string }
        | { __typename: 'PermissionDeniedError', code: string, message: string }
        | { __typename: 'PostgresError', code: string, message: string }
        | { __typename: 'SecretUnreadableError', code: string, message: string }
        | { __typename: 'ServerUnavailableError', code: string, message: string }
        | { __typename: 'TlsError', code: string, message: string }
        | { __typename: 'UnauthenticatedError', code: string, message: string }
        | { __typename: 'UndefinedObjectError', code: string, message: string }
       }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'UnauthenticatedError', code: string, message: string }
   };

export type CliSetDefaultPrivilegesMutationVariables = Exact<{
  db: Scalars['ID']['input'];
  creator?: InputMaybe<Scalars['String']['input']>;
  schema?: InputMaybe<Scalars['String']['input']>;
  kind: DefaultedObjectKind;
  grants: Array<DesiredDefaultGrantInput> | DesiredDefaultGrantInput;
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type CliSetDefaultPrivilegesMutation = { __typename?: 'Mutation', setDefaultPrivileges:
    | { __typename: 'AuthenticationFailedError', code: string, message: string }
    | { __typename: 'CatalogChangedError', code: string, message: string }
    | { __typename: 'ConcurrentChangeError', code: string, message: string }
    | { __typename: 'DatabaseDoesNotExistError', code: string, message: string }
    | { __typename: 'DependentObjectsError', code: string, message: string }
    | { __typename: 'DuplicateObjectError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidGrantError', code: string, message: string }
    | { __typename: 'InvalidNameError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'NothingChanged', code: string, message: string }
    | { __typename: 'ObjectInUseError', code: string, message: string }
    | { __typename: 'PermissionChange', dryRun: boolean, sql: Array<string>, warnings: Array<string>, eventId?: string | null, notes: Array<{ __typename?: 'ChangeNote', code: ChangeNoteCode, grantee?: string | null, object: string, subjects: Array<string>, grantor?: string | null, message: string, fixOption?: string | null }>, impact?: { __typename?: 'AccessImpact', roleCount: number, collaboratorCount: number, privilegeGroupCount: number, truncated: boolean, comparedPairs?: number | null, privilegeGroups: Array<{ __typename?: 'PrivilegeImpactGroup', direction: ImpactDirection, privilege: string, grantOptionOnly: boolean, roleCount: number, collaboratorCount: number, collaborators: Array<string>, inheritorCount?: number | null, object: { __typename?: 'ImpactObject', kind: ObjectKind, schema?: string | null, name: string, column?: string | null, arguments?: string | null, label: string }, roles: Array<{ __typename?: 'RoleAccessChange', role: string, collaborators: Array<string>, sources: Array<{ __typename?: 'ImpactSource', kind: string, path: Array<string>, grantor?: string | null, grantable: boolean }> }> }>, membershipGroups: Array<{ __typename?: 'MembershipImpactGroup', direction: ImpactDirection, role: string, roleCount: number, collaboratorCount: number, collaborators: Array<string>, heldObjectCount?: number | null, members: Array<{ __typename?: 'MemberAccessChange', role: string, collaborators: Array<string>, path: Array<string> }> }>, callouts: Array<{ __typename?: 'ImpactCallout', code: ImpactCalloutCode, role: string, collaborators: Array<string>, message: string }> } | null }
    | { __typename: 'PermissionDeniedError', code: string, message: string }
    | { __typename: 'PostgresError', code: string, message: string }
    | { __typename: 'SecretUnreadableError', code: string, message: string }
    | { __typename: 'ServerUnavailableError', code: string, message: string }
    | { __typename: 'TlsError', code: string, message: string }
    | { __typename: 'UnauthenticatedError', code: string, message: string }
    | { __typename: 'UndefinedObjectError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type CliExplainQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  object: ObjectRef;
  role: Scalars['String']['input'];
}>;


export type CliExplainQuery = { __typename?: 'Query', database:
    | { __typename: 'Database', catalog:
        | { __typename: 'AuthenticationFailedError', code: string, message: string }
        | { __typename: 'ConcurrentChangeError', code: string, message: string }
        | { __typename: 'DatabaseCatalog', effectivePrivileges:
            | { __typename: 'AuthenticationFailedError', code: string, message: string }
            | { __typename: 'ConcurrentChangeError', code: string, message: string }
            | { __typename: 'DatabaseCatalogEffectivePrivilegesConnection', nodes: Array<{ __typename?: 'EffectivePrivilege', privilege: string, held: boolean, grantable: boolean, sources: Array<{ __typename?: 'PrivilegeSource', kind: PrivilegeSourceKind, path: Array<string>, grantable: boolean, predefinedRole?: string | null, grantor?: { __typename?: 'Role', name: string } | null, grantee?: { __typename?: 'Role', name: string } | null }> }> }
            | { __typename: 'DatabaseDoesNotExistError', code: string, message: string }
            | { __typename: 'DependentObjectsError', code: string, message: string }
            | { __typename: 'DuplicateObjectError', code: string, message: string }
            | { __typename: 'ForbiddenError', code: string, message: string }
            | { __typename: 'InvalidGrantError', code: string, message: string }
            | { __typename: 'InvalidNameError', code: string, message: string }
            | { __typename: 'NotFoundError', code: string, message: string }
            | { __typename: 'ObjectInUseError', code: string, message: string }
            | { __typename: 'PermissionDeniedError', code: string, message: string }
            | { __typename: 'PostgresError', code: string, message: string }
            | { __typename: 'SecretUnreadableError', code: string, message: string }
            | { __typename: 'ServerUnavailableError', code: string, message: string }
            | { __typename: 'TlsError', code: string, message: string }
            | { __typename: 'UnauthenticatedError', code: string, message: string }
            | { __typename: 'UndefinedObjectError', code: string, message: string }
            | { __typename: 'ValidationError', code: string, message: string }
           }
        | { __typename: 'DatabaseDoesNotExistError', code: string, message: string }
        | { __typename: 'DependentObjectsError', code: string, message: string }
        | { __typename: 'DuplicateObjectError', code: string, message: string }
        | { __typename: 'ForbiddenError', code: string, message: string }
        | { __typename: 'InvalidGrantError', code: string, message: string }
        | { __typename: 'InvalidNameError', code: string, message: string }
        | { __typename: 'NotFoundError', code: string, message: string }
        | { __typename: 'ObjectInUseError', code: string, message: string }
        | { __typename: 'PermissionDeniedError', code: string, message: string }
        | { __typename: 'PostgresError', code: string, message: string }
        | { __typename: 'SecretUnreadableError', code: string, message: string }
        | { __typename: 'ServerUnavailableError', code: string, message: string }
        | { __typename: 'TlsError', code: string, message: string }
        | { __typename: 'UnauthenticatedError', code: string, message: string }
        | { __typename: 'UndefinedObjectError', code: string, message: string }
       }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'UnauthenticatedError', code: string, message: string }
   };

export type CliPrivilegeSourceFragment = { __typename?: 'PrivilegeSource', kind: PrivilegeSourceKind, path: Array<string>, grantable: boolean, predefinedRole?: string | null, grantor?: { __typename?: 'Role', name: string } | null, grantee?: { __typename?: 'Role', name: string } | null };

export type CliImpactFragment = { __typename?: 'AccessImpact', roleCount: number, collaboratorCount: number, privilegeGroupCount: number, truncated: boolean, comparedPairs?: number | null, privilegeGroups: Array<{ __typename?: 'PrivilegeImpactGroup', direction: ImpactDirection, privilege: string, grantOptionOnly: boolean, roleCount: number, collaboratorCount: number, collaborators: Array<string>, inheritorCount?: number | null, object: { __typename?: 'ImpactObject', kind: ObjectKind, schema?: string | null, name: string, column?: string | null, arguments?: string | null, label: string }, roles: Array<{ __typename?: 'RoleAccessChange', role: string, collaborators: Array<string>, sources: Array<{ __typename?: 'ImpactSource', kind: string, path: Array<string>, grantor?: string | null, grantable: boolean }> }> }>, membershipGroups: Array<{ __typename?: 'MembershipImpactGroup', direction: ImpactDirection, role: string, roleCount: number, collaboratorCount: number, collaborators: Array<string>, heldObjectCount?: number | null, members: Array<{ __typename?: 'MemberAccessChange', role: string, collaborators: Array<string>, path: Array<string> }> }>, callouts: Array<{ __typename?: 'ImpactCallout', code: ImpactCalloutCode, role: string, collaborators: Array<string>, message: string }> };

export type CliInvitationSentFragment = { __typename?: 'InvitationSent', delivery: InvitationDelivery, acceptUrl?: string | null, invitation: { __typename?: 'Invitation', id: string, email: string, status: InvitationStatus, access: Access, expiresAt: string, role: { __typename?: 'ConfiguredRole', rolname: string } } };

export type CliPendingInvitationsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CliPendingInvitationsQuery = { __typename?: 'Query', database:
    | { __typename: 'Database', invitations: Array<{ __typename?: 'Invitation', id: string, email: string }> }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'UnauthenticatedError', code: string, message: string }
   };

export type CliResendInvitationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CliResendInvitationMutation = { __typename?: 'Mutation', resendInvitation:
    | { __typename: 'AuthenticationFailedError', code: string, message: string }
    | { __typename: 'ConcurrentChangeError', code: string, message: string }
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'DatabaseDoesNotExistError', code: string, message: string }
    | { __typename: 'DependentObjectsError', code: string, message: string }
    | { __typename: 'DuplicateObjectError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidGrantError', code: string, message: string }
    | { __typename: 'InvalidNameError', code: string, message: string }
    | { __typename: 'InvitationSent', delivery: InvitationDelivery, acceptUrl?: string | null, invitation: { __typename?: 'Invitation', id: string, email: string, status: InvitationStatus, access: Access, expiresAt: string, role: { __typename?: 'ConfiguredRole', rolname: string } } }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ObjectInUseError', code: string, message: string }
    | { __typename: 'PermissionDeniedError', code: string, message: string }
    | { __typename: 'PostgresError', code: string, message: string }
    | { __typename: 'SecretUnreadableError', code: string, message: string }
    | { __typename: 'ServerUnavailableError', code: string, message: string }
    | { __typename: 'TlsError', code: string, message: string }
    | { __typename: 'UnauthenticatedError', code: string, message: string }
    | { __typename: 'UndefinedObjectError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type CliInviteCollaboratorMutationVariables = Exact<{
  input: InviteCollaboratorInput;
}>;


export type CliInviteCollaboratorMutation = { __typename?: 'Mutation', inviteCollaborator:
    | { __typename: 'AuthenticationFailedError', code: string, message: string }
    | { __typename: 'ConcurrentChangeError', code: string, message: string }
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'DatabaseDoesNotExistError', code: string, message: string }
    | { __typename: 'DependentObjectsError', code: string, message: string }
    | { __typename: 'DuplicateObjectError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidGrantError', code: string, message: string }
    | { __typename: 'InvalidNameError', code: string, message: string }
    | { __typename: 'InvitationSent', delivery: InvitationDelivery, acceptUrl?: string | null, invitation: { __typename?: 'Invitation', id: string, email: string, status: InvitationStatus, access: Access, expiresAt: string, role: { __typename?: 'ConfiguredRole', rolname: string } } }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ObjectInUseError', code: string, message: string }
    | { __typename: 'PermissionDeniedError', code: string, message: string }
    | { __typename: 'PostgresError', code: string, message: string }
    | { __typename: 'SecretUnreadableError', code: string, message: string }
    | { __typename: 'ServerUnavailableError', code: string, message: string }
    | { __typename: 'TlsError', code: string, message: string }
    | { __typename: 'UnauthenticatedError', code: string, message: string }
    | { __typename: 'UndefinedObjectError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type CliLoginMutationVariables = Exact<{
  login: Scalars['String']['input'];
  password: Scalars['String']['input'];
}>;


export type CliLoginMutation = { __typename?: 'Mutation', login:
    | { __typename: 'InvalidCredentialsError', code: string, message: string }
    | { __typename: 'TooManyAttemptsError', code: string, message: string }
    | { __typename: 'User', username: string }
   };

export type CliCreateApiTokenMutationVariables = Exact<{
  name: Scalars['String']['input'];
}>;


export type CliCreateApiTokenMutation = { __typename?: 'Mutation', createApiToken:
    | { __typename: 'CreatedApiToken', token: string, apiToken: { __typename?: 'ApiToken', id: string } }
    | { __typename: 'UnauthenticatedError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type CliLogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type CliLogoutMutation = { __typename?: 'Mutation', logout: boolean };

export type CliGrantPrivilegesMutationVariables = Exact<{
  db: Scalars['ID']['input'];
  object: ObjectRef;
  grantee?: InputMaybe<Scalars['String']['input']>;
  privileges: Array<Scalars['String']['input']> | Scalars['String']['input'];
  grantOption?: InputMaybe<Scalars['Boolean']['input']>;
  schemaUsage?: InputMaybe<Scalars['Boolean']['input']>;
  sequenceUsage?: InputMaybe<Scalars['Boolean']['input']>;
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type CliGrantPrivilegesMutation = { __typename?: 'Mutation', grantPrivileges:
    | { __typename: 'AuthenticationFailedError', code: string, message: string }
    | { __typename: 'CatalogChangedError', code: string, message: string }
    | { __typename: 'ConcurrentChangeError', code: string, message: string }
    | { __typename: 'DatabaseDoesNotExistError', code: string, message: string }
    | { __typename: 'DependentObjectsError', code: string, message: string }
    | { __typename: 'DuplicateObjectError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidGrantError', code: string, message: string }
    | { __typename: 'InvalidNameError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'NothingChanged', code: string, message: string }
    | { __typename: 'ObjectInUseError', code: string, message: string }
    | { __typename: 'PermissionChange', dryRun: boolean, sql: Array<string>, warnings: Array<string>, eventId?: string | null, notes: Array<{ __typename?: 'ChangeNote', code: ChangeNoteCode, grantee?: string | null, object: string, subjects: Array<string>, grantor?: string | null, message: string, fixOption?: string | null }>, impact?: { __typename?: 'AccessImpact', roleCount: number, collaboratorCount: number, privilegeGroupCount: number, truncated: boolean, comparedPairs?: number | null, privilegeGroups: Array<{ __typename?: 'PrivilegeImpactGroup', direction: ImpactDirection, privilege: string, grantOptionOnly: boolean, roleCount: number, collaboratorCount: number, collaborators: Array<string>, inheritorCount?: number | null, object: { __typename?: 'ImpactObject', kind: ObjectKind, schema?: string | null, name: string, column?: string | null, arguments?: string | null, label: string }, roles: Array<{ __typename?: 'RoleAccessChange', role: string, collaborators: Array<string>, sources: Array<{ __typename?: 'ImpactSource', kind: string, path: Array<string>, grantor?: string | null, grantable: boolean }> }> }>, membershipGroups: Array<{ __typename?: 'MembershipImpactGroup', direction: ImpactDirection, role: string, roleCount: number, collaboratorCount: number, collaborators: Array<string>, heldObjectCount?: number | null, members: Array<{ __typename?: 'MemberAccessChange', role: string, collaborators: Array<string>, path: Array<string> }> }>, callouts: Array<{ __typename?: 'ImpactCallout', code: ImpactCalloutCode, role: string, collaborators: Array<string>, message: string }> } | null }
    | { __typename: 'PermissionDeniedError', code: string, message: string }
    | { __typename: 'PostgresError', code: string, message: string }
    | { __typename: 'SecretUnreadableError', code: string, message: string }
    | { __typename: 'ServerUnavailableError', code: string, message: string }
    | { __typename: 'TlsError', code: string, message: string }
    | { __typename: 'UnauthenticatedError', code: string, message: string }
    | { __typename: 'UndefinedObjectError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type CliRevokePrivilegesMutationVariables = Exact<{
  db: Scalars['ID']['input'];
  object: ObjectRef;
  grantee?: InputMaybe<Scalars['String']['input']>;
  privileges: Array<Scalars['String']['input']> | Scalars['String']['input'];
  grantOptionOnly?: InputMaybe<Scalars['Boolean']['input']>;
  cascade?: InputMaybe<Scalars['Boolean']['input']>;
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type CliRevokePrivilegesMutation = { __typename?: 'Mutation', revokePrivileges:
    | { __typename: 'AuthenticationFailedError', code: string, message: string }
    | { __typename: 'CatalogChangedError', code: string, message: string }
    | { __typename: 'ConcurrentChangeError', code: string, message: string }
    | { __typename: 'DatabaseDoesNotExistError', code: string, message: string }
    | { __typename: 'DependentObjectsError', code: string, message: string }
    | { __typename: 'DuplicateObjectError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidGrantError', code: string, message: string }
    | { __typename: 'InvalidNameError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'NothingChanged', code: string, message: string }
    | { __typename: 'ObjectInUseError', code: string, message: string }
    | { __typename: 'PermissionChange', dryRun: boolean, sql: Array<string>, warnings: Array<string>, eventId?: string | null, notes: Array<{ __typename?: 'ChangeNote', code: ChangeNoteCode, grantee?: string | null, object: string, subjects: Array<string>, grantor?: string | null, message: string, fixOption?: string | null }>, impact?: { __typename?: 'AccessImpact', roleCount: number, collaboratorCount: number, privilegeGroupCount: number, truncated: boolean, comparedPairs?: number | null, privilegeGroups: Array<{ __typename?: 'PrivilegeImpactGroup', direction: ImpactDirection, privilege: string, grantOptionOnly: boolean, roleCount: number, collaboratorCount: number, collaborators: Array<string>, inheritorCount?: number | null, object: { __typename?: 'ImpactObject', kind: ObjectKind, schema?: string | null, name: string, column?: string | null, arguments?: string | null, label: string }, roles: Array<{ __typename?: 'RoleAccessChange', role: string, collaborators: Array<string>, sources: Array<{ __typename?: 'ImpactSource', kind: string, path: Array<string>, grantor?: string | null, grantable: boolean }> }> }>, membershipGroups: Array<{ __typename?: 'MembershipImpactGroup', direction: ImpactDirection, role: string, roleCount: number, collaboratorCount: number, collaborators: Array<string>, heldObjectCount?: number | null, members: Array<{ __typename?: 'MemberAccessChange', role: string, collaborators: Array<string>, path: Array<string> }> }>, callouts: Array<{ __typename?: 'ImpactCallout', code: ImpactCalloutCode, role: string, collaborators: Array<string>, message: string }> } | null }
    | { __typename: 'PermissionDeniedError', code: string, message: string }
    | { __typename: 'PostgresError', code: string, message: string }
    | { __typename: 'SecretUnreadableError', code: string, message: string }
    | { __typename: 'ServerUnavailableError', code: string, message: string }
    | { __typename: 'TlsError', code: string, message: string }
    | { __typename: 'UnauthenticatedError', code: string, message: string }
    | { __typename: 'UndefinedObjectError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type CliTransferOwnershipMutationVariables = Exact<{
  db: Scalars['ID']['input'];
  object: ObjectRef;
  newOwner: Scalars['String']['input'];
  tables?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type CliTransferOwnershipMutation = { __typename?: 'Mutation', transferOwnership:
    | { __typename: 'AuthenticationFailedError', code: string, message: string }
    | { __typename: 'CatalogChangedError', code: string, message: string }
    | { __typename: 'ConcurrentChangeError', code: string, message: string }
    | { __typename: 'DatabaseDoesNotExistError', code: string, message: string }
    | { __typename: 'DependentObjectsError', code: string, message: string }
    | { __typename: 'DuplicateObjectError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidGrantError', code: string, message: string }
    | { __typename: 'InvalidNameError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ObjectInUseError', code: string, message: string }
    | { __typename: 'PermissionChange', dryRun: boolean, sql: Array<string>, warnings: Array<string>, eventId?: string | null, notes: Array<{ __typename?: 'ChangeNote', code: ChangeNoteCode, grantee?: string | null, object: string, subjects: Array<string>, grantor?: string | null, message: string, fixOption?: string | null }>, impact?: { __typename?: 'AccessImpact', roleCount: number, collaboratorCount: number, privilegeGroupCount: number, truncated: boolean, comparedPairs?: number | null, privilegeGroups: Array<{ __typename?: 'PrivilegeImpactGroup', direction: ImpactDirection, privilege: string, grantOptionOnly: boolean, roleCount: number, collaboratorCount: number, collaborators: Array<string>, inheritorCount?: number | null, object: { __typename?: 'ImpactObject', kind: ObjectKind, schema?: string | null, name: string, column?: string | null, arguments?: string | null, label: string }, roles: Array<{ __typename?: 'RoleAccessChange', role: string, collaborators: Array<string>, sources: Array<{ __typename?: 'ImpactSource', kind: string, path: Array<string>, grantor?: string | null, grantable: boolean }> }> }>, membershipGroups: Array<{ __typename?: 'MembershipImpactGroup', direction: ImpactDirection, role: string, roleCount: number, collaboratorCount: number, collaborators: Array<string>, heldObjectCount?: number | null, members: Array<{ __typename?: 'MemberAccessChange', role: string, collaborators: Array<string>, path: Array<string> }> }>, callouts: Array<{ __typename?: 'ImpactCallout', code: ImpactCalloutCode, role: string, collaborators: Array<string>, message: string }> } | null }
    | { __typename: 'PermissionDeniedError', code: string, message: string }
    | { __typename: 'PostgresError', code: string, message: string }
    | { __typename: 'SecretUnreadableError', code: string, message: string }
    | { __typename: 'ServerUnavailableError', code: string, message: string }
    | { __typename: 'TlsError', code: string, message: string }
    | { __typename: 'UnauthenticatedError', code: string, message: string }
    | { __typename: 'UndefinedObjectError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type CliSetRoleSettingMutationVariables = Exact<{
  db: Scalars['ID']['input'];
  role: Scalars['String']['input'];
  name: Scalars['String']['input'];
  value: Scalars['String']['input'];
  inDatabase?: InputMaybe<Scalars['Boolean']['input']>;
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type CliSetRoleSettingMutation = { __typename?: 'Mutation', setRoleSetting:
    | { __typename: 'AuthenticationFailedError', code: string, message: string }
    | { __typename: 'CatalogChangedError', code: string, message: string }
    | { __typename: 'ConcurrentChangeError', code: string, message: string }
    | { __typename: 'DatabaseDoesNotExistError', code: string, message: string }
    | { __typename: 'DependentObjectsError', code: string, message: string }
    | { __typename: 'DuplicateObjectError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidGrantError', code: string, message: string }
    | { __typename: 'InvalidNameError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'NothingChanged', code: string, message: string }
    | { __typename: 'ObjectInUseError', code: string, message: string }
    | { __typename: 'PermissionChange', dryRun: boolean, sql: Array<string>, warnings: Array<string>, eventId?: string | null, notes: Array<{ __typename?: 'ChangeNote', code: ChangeNoteCode, grantee?: string | null, object: string, subjects: Array<string>, grantor?: string | null, message: string, fixOption?: string | null }>, impact?: { __typename?: 'AccessImpact', roleCount: number, collaboratorCount: number, privilegeGroupCount: number, truncated: boolean, comparedPairs?: number | null, privilegeGroups: Array<{ __typename?: 'PrivilegeImpactGroup', direction: ImpactDirection, privilege: string, grantOptionOnly: boolean, roleCount: number, collaboratorCount: number, collaborators: Array<string>, inheritorCount?: number | null, object: { __typename?: 'ImpactObject', kind: ObjectKind, schema?: string | null, name: string, column?: string | null, arguments?: string | null, label: string }, roles: Array<{ __typename?: 'RoleAccessChange', role: string, collaborators: Array<string>, sources: Array<{ __typename?: 'ImpactSource', kind: string, path: Array<string>, grantor?: string | null, grantable: boolean }> }> }>, membershipGroups: Array<{ __typename?: 'MembershipImpactGroup', direction: ImpactDirection, role: string, roleCount: number, collaboratorCount: number, collaborators: Array<string>, heldObjectCount?: number | null, members: Array<{ __typename?: 'MemberAccessChange', role: string, collaborators: Array<string>, path: Array<string> }> }>, callouts: Array<{ __typename?: 'ImpactCallout', code: ImpactCalloutCode, role: string, collaborators: Array<string>, message: string }> } | null }
    | { __typename: 'PermissionDeniedError', code: string, message: string }
    | { __typename: 'PostgresError', code: string, message: string }
    | { __typename: 'SecretUnreadableError', code: string, message: string }
    | { __typename: 'ServerUnavailableError', code: string, message: string }
    | { __typename: 'TlsError', code: string, message: string }
    | { __typename: 'UnauthenticatedError', code: string, message: string }
    | { __typename: 'UndefinedObjectError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type CliResetRoleSettingMutationVariables = Exact<{
  db: Scalars['ID']['input'];
  role: Scalars['String']['input'];
  name: Scalars['String']['input'];
  inDatabase?: InputMaybe<Scalars['Boolean']['input']>;
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type CliResetRoleSettingMutation = { __typename?: 'Mutation', resetRoleSetting:
    | { __typename: 'AuthenticationFailedError', code: string, message: string }
    | { __typename: 'CatalogChangedError', code: string, message: string }
    | { __typename: 'ConcurrentChangeError', code: string, message: string }
    | { __typename: 'DatabaseDoesNotExistError', code: string, message: string }
    | { __typename: 'DependentObjectsError', code: string, message: string }
    | { __typename: 'DuplicateObjectError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidGrantError', code: string, message: string }
    | { __typename: 'InvalidNameError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'NothingChanged', code: string, message: string }
    | { __typename: 'ObjectInUseError', code: string, message: string }
    | { __typename: 'PermissionChange', dryRun: boolean, sql: Array<string>, warnings: Array<string>, eventId?: string | null, notes: Array<{ __typename?: 'ChangeNote', code: ChangeNoteCode, grantee?: string | null, object: string, subjects: Array<string>, grantor?: string | null, message: string, fixOption?: string | null }>, impact?: { __typename?: 'AccessImpact', roleCount: number, collaboratorCount: number, privilegeGroupCount: number, truncated: boolean, comparedPairs?: number | null, privilegeGroups: Array<{ __typename?: 'PrivilegeImpactGroup', direction: ImpactDirection, privilege: string, grantOptionOnly: boolean, roleCount: number, collaboratorCount: number, collaborators: Array<string>, inheritorCount?: number | null, object: { __typename?: 'ImpactObject', kind: ObjectKind, schema?: string | null, name: string, column?: string | null, arguments?: string | null, label: string }, roles: Array<{ __typename?: 'RoleAccessChange', role: string, collaborators: Array<string>, sources: Array<{ __typename?: 'ImpactSource', kind: string, path: Array<string>, grantor?: string | null, grantable: boolean }> }> }>, membershipGroups: Array<{ __typename?: 'MembershipImpactGroup', direction: ImpactDirection, role: string, roleCount: number, collaboratorCount: number, collaborators: Array<string>, heldObjectCount?: number | null, members: Array<{ __typename?: 'MemberAccessChange', role: string, collaborators: Array<string>, path: Array<string> }> }>, callouts: Array<{ __typename?: 'ImpactCallout', code: ImpactCalloutCode, role: string, collaborators: Array<string>, message: string }> } | null }
    | { __typename: 'PermissionDeniedError', code: string, message: string }
    | { __typename: 'PostgresError', code: string, message: string }
    | { __typename: 'SecretUnreadableError', code: string, message: string }
    | { __typename: 'ServerUnavailableError', code: string, message: string }
    | { __typename: 'TlsError', code: string, message: string }
    | { __typename: 'UnauthenticatedError', code: string, message: string }
    | { __typename: 'UndefinedObjectError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type CliSetRoleCommentMutationVariables = Exact<{
  db: Scalars['ID']['input'];
  role: Scalars['String']['input'];
  comment?: InputMaybe<Scalars['String']['input']>;
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type CliSetRoleCommentMutation = { __typename?: 'Mutation', setRoleComment:
    | { __typename: 'AuthenticationFailedError', code: string, message: string }
    | { __typename: 'CatalogChangedError', code: string, message: string }
    | { __typename: 'ConcurrentChangeError', code: string, message: string }
    | { __typename: 'DatabaseDoesNotExistError', code: string, message: string }
    | { __typename: 'DependentObjectsError', code: string, message: string }
    | { __typename: 'DuplicateObjectError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidGrantError', code: string, message: string }
    | { __typename: 'InvalidNameError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'NothingChanged', code: string, message: string }
    | { __typename: 'ObjectInUseError', code: string, message: string }
    | { __typename: 'PermissionChange', dryRun: boolean, sql: Array<string>, warnings: Array<string>, eventId?: string | null, notes: Array<{ __typename?: 'ChangeNote', code: ChangeNoteCode, grantee?: string | null, object: string, subjects: Array<string>, grantor?: string | null, message: string, fixOption?: string | null }>, impact?: { __typename?: 'AccessImpact', roleCount: number, collaboratorCount: number, privilegeGroupCount: number, truncated: boolean, comparedPairs?: number | null, privilegeGroups: Array<{ __typename?: 'PrivilegeImpactGroup', direction: ImpactDirection, privilege: string, grantOptionOnly: boolean, roleCount: number, collaboratorCount: number, collaborators: Array<string>, inheritorCount?: number | null, object: { __typename?: 'ImpactObject', kind: ObjectKind, schema?: string | null, name: string, column?: string | null, arguments?: string | null, label: string }, roles: Array<{ __typename?: 'RoleAccessChange', role: string, collaborators: Array<string>, sources: Array<{ __typename?: 'ImpactSource', kind: string, path: Array<string>, grantor?: string | null, grantable: boolean }> }> }>, membershipGroups: Array<{ __typename?: 'MembershipImpactGroup', direction: ImpactDirection, role: string, roleCount: number, collaboratorCount: number, collaborators: Array<string>, heldObjectCount?: number | null, members: Array<{ __typename?: 'MemberAccessChange', role: string, collaborators: Array<string>, path: Array<string> }> }>, callouts: Array<{ __typename?: 'ImpactCallout', code: ImpactCalloutCode, role: string, collaborators: Array<string>, message: string }> } | null }
    | { __typename: 'PermissionDeniedError', code: string, message: string }
    | { __typename: 'PostgresError', code: string, message: string }
    | { __typename: 'SecretUnreadableError', code: string, message: string }
    | { __typename: 'ServerUnavailableError', code: string, message: string }
    | { __typename: 'TlsError', code: string, message: string }
    | { __typename: 'UnauthenticatedError', code: string, message: string }
    | { __typename: 'UndefinedObjectError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type CliRoleDefinitionQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  name: Scalars['String']['input'];
}>;


export type CliRoleDefinitionQuery = { __typename?: 'Query', database:
    | { __typename: 'Database', catalog:
        | { __typename: 'AuthenticationFailedError', code: string, message: string }
        | { __typename: 'ConcurrentChangeError', code: string, message: string }
        | { __typename: 'DatabaseCatalog', role?: { __typename?: 'Role', definitionSql: Array<string> } | null }
        | { __typename: 'DatabaseDoesNotExistError', code: string, message: string }
        | { __typename: 'DependentObjectsError', code: string, message: string }
        | { __typename: 'DuplicateObjectError', code: string, message: string }
        | { __typename: 'ForbiddenError', code: string, message: string }
        | { __typename: 'InvalidGrantError', code: string, message: string }
        | { __typename: 'InvalidNameError', code: string, message: string }
        | { __typename: 'NotFoundError', code: string, message: string }
        | { __typename: 'ObjectInUseError', code: string, message: string }
        | { __typename: 'PermissionDeniedError', code: string, message: string }
        | { __typename: 'PostgresError', code: string, message: string }
        | { __typename: 'SecretUnreadableError', code: string, message: string }
        | { __typename: 'ServerUnavailableError', code: string, message: string }
        | { __typename: 'TlsError', code: string, message: string }
        | { __typename: 'UnauthenticatedError', code: string, message: string }
        | { __typename: 'UndefinedObjectError', code: string, message: string }
       }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'UnauthenticatedError', code: string, message: string }
   };

export type CliRolesQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  filter?: InputMaybe<RoleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type CliRolesQuery = { __typename?: 'Query', database:
    | { __typename: 'Database', catalog:
        | { __typename: 'AuthenticationFailedError', code: string, message: string }
        | { __typename: 'ConcurrentChangeError', code: string, message: string }
        | { __typename: 'DatabaseCatalog', rolesConnection: { __typename?: 'DatabaseCatalogRolesConnection', totalCount: number, nodes: Array<{ __typename?: 'Role', name: string, canLogin: boolean, isSuperuser: boolean, createRole: boolean, createDb: boolean, inherit: boolean, bypassRls: boolean, replication: boolean, isConfigured: boolean, isPredefined: boolean, memberOf: Array<{ __typename?: 'RoleMembership', admin: boolean, role: { __typename?: 'Role', name: string } }> }> } }
        | { __typename: 'DatabaseDoesNotExistError', code: string, message: string }
        | { __typename: 'DependentObjectsError', code: string, message: string }
        | { __typename: 'DuplicateObjectError', code: string, message: string }
        | { __typename: 'ForbiddenError', code: string, message: string }
        | { __typename: 'InvalidGrantError', code: string, message: string }
        | { __typename: 'InvalidNameError', code: string, message: string }
        | { __typename: 'NotFoundError', code: string, message: string }
        | { __typename: 'ObjectInUseError', code: string, message: string }
        | { __typename: 'PermissionDeniedError', code: string, message: string }
        | { __typename: 'PostgresError', code: string, message: string }
        | { __typename: 'SecretUnreadableError', code: string, message: string }
        | { __typename: 'ServerUnavailableError', code: string, message: string }
        | { __typename: 'TlsError', code: string, message: string }
        | { __typename: 'UnauthenticatedError', code: string, message: string }
        | { __typename: 'UndefinedObjectError', code: string, message: string }
       }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'UnauthenticatedError', code: string, message: string }
   };

export type CliDatabasesQueryVariables = Exact<{ [key: string]: never; }>;


export type CliDatabasesQuery = { __typename?: 'Query', databases:
    | { __typename: 'QueryDatabasesConnection', nodes: Array<{ __typename?: 'Database', id: string, name: string, viewerAccess?: Access | null, server: { __typename?: 'Server', host: string, port: number } }> }
    | { __typename: 'UnauthenticatedError', code: string, message: string }
   };

export type CliRoleOffersQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CliRoleOffersQuery = { __typename?: 'Query', database:
    | { __typename: 'Database', viewerCapabilities: { __typename?: 'DatabaseCapabilities', canManageCollaborators: boolean }, roleOffers:
        | { __typename: 'AuthenticationFailedError', code: string, message: string }
        | { __typename: 'ConcurrentChangeError', code: string, message: string }
        | { __typename: 'DatabaseDoesNotExistError', code: string, message: string }
        | { __typename: 'DatabaseRoleOffersConnection', nodes: Array<{ __typename?: 'RoleOffer', mayGive: boolean, refusalMessage?: string | null, configuredRole: { __typename?: 'ConfiguredRole', id: string, rolname: string } }> }
        | { __typename: 'DependentObjectsError', code: string, message: string }
        | { __typename: 'DuplicateObjectError', code: string, message: string }
        | { __typename: 'ForbiddenError', code: string, message: string }
        | { __typename: 'InvalidGrantError', code: string, message: string }
        | { __typename: 'InvalidNameError', code: string, message: string }
        | { __typename: 'NotFoundError', code: string, message: string }
        | { __typename: 'ObjectInUseError', code: string, message: string }
        | { __typename: 'PermissionDeniedError', code: string, message: string }
        | { __typename: 'PostgresError', code: string, message: string }
        | { __typename: 'SecretUnreadableError', code: string, message: string }
        | { __typename: 'ServerUnavailableError', code: string, message: string }
        | { __typename: 'TlsError', code: string, message: string }
        | { __typename: 'UnauthenticatedError', code: string, message: string }
        | { __typename: 'UndefinedObjectError', code: string, message: string }
       }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'UnauthenticatedError', code: string, message: string }
   };

export type CliWatchEventsSubscriptionVariables = Exact<{
  databaseId: Scalars['ID']['input'];
  after?: InputMaybe<Scalars['BigCursor']['input']>;
  kinds?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
}>;


export type CliWatchEventsSubscription = { __typename?: 'Subscription', events:
    | { __typename: 'AccessSnapshotEvent', cursor: string, kind: string, source: EventSource, createdAt: string, databaseId?: string | null, serverId?: string | null, actingRole?: string | null, sql: Array<string>, warnings: Array<string>, burstId?: string | null, burstSize?: number | null, observedSince?: string | null, actor?: { __typename?: 'User', username: string } | null }
    | { __typename: 'CollaboratorEvent', collaboratorId?: string | null, username?: string | null, role?: string | null, access?: string | null, invitationId?: string | null, cursor: string, kind: string, source: EventSource, createdAt: string, databaseId?: string | null, serverId?: string | null, actingRole?: string | null, sql: Array<string>, warnings: Array<string>, burstId?: string | null, burstSize?: number | null, observedSince?: string | null, actor?: { __typename?: 'User', username: string } | null }
    | { __typename: 'CredentialEvent', cursor: string, kind: string, source: EventSource, createdAt: string, databaseId?: string | null, serverId?: string | null, actingRole?: string | null, sql: Array<string>, warnings: Array<string>, burstId?: string | null, burstSize?: number | null, observedSince?: string | null, actor?: { __typename?: 'User', username: string } | null }
    | { __typename: 'DatabaseEvent', database?: string | null, host?: string | null, port?: number | null, role?: string | null, sslMode?: string | null, cursor: string, kind: string, source: EventSource, createdAt: string, databaseId?: string | null, serverId?: string | null, actingRole?: string | null, sql: Array<string>, warnings: Array<string>, burstId?: string | null, burstSize?: number | null, observedSince?: string | null, actor?: { __typename?: 'User', username: string } | null }
    | { __typename: 'DefaultPrivilegeEvent', creator?: string | null, schema?: string | null, objectKind?: string | null, cursor: string, kind: string, source: EventSource, createdAt: string, databaseId?: string | null, serverId?: string | null, actingRole?: string | null, sql: Array<string>, warnings: Array<string>, burstId?: string | null, burstSize?: number | null, observedSince?: string | null, grantChanges: Array<{ __typename?: 'GrantChange', grantee: string, granted: Array<string>, revoked: Array<string>, grantOptionGranted: Array<string>, grantOptionRevoked: Array<string> }>, actor?: { __typename?: 'User', username: string } | null }
    | { __typename: 'InvitationEvent', invitationId?: string | null, email?: string | null, access?: string | null, role?: string | null, status?: string | null, expiresAt?: string | null, username?: string | null, reason?: string | null, cursor: string, kind: string, source: EventSource, createdAt: string, databaseId?: string | null, serverId?: string | null, actingRole?: string | null, sql: Array<string>, warnings: Array<string>, burstId?: string | null, burstSize?: number | null, observedSince?: string | null, actor?: { __typename?: 'User', username: string } | null }
    | { __typename: 'MembershipEvent', role?: string | null, member?: string | null, grantor?: string | null, members: Array<string>, added: Array<string>, removed: Array<string>, admin?: boolean | null, inherit?: boolean | null, set?: boolean | null, cursor: string, kind: string, source: EventSource, createdAt: string, databaseId?: string | null, serverId?: string | null, actingRole?: string | null, sql: Array<string>, warnings: Array<string>, burstId?: string | null, burstSize?: number | null, observedSince?: string | null, actor?: { __typename?: 'User', username: string } | null }
    | { __typename: 'ObjectEvent', object?: string | null, objectKind?: string | null, owner?: string | null, cursor: string, kind: string, source: EventSource, createdAt: string, databaseId?: string | null, serverId?: string | null, actingRole?: string | null, sql: Array<string>, warnings: Array<string>, burstId?: string | null, burstSize?: number | null, observedSince?: string | null, actor?: { __typename?: 'User', username: string } | null }
    | { __typename: 'OwnershipEvent', object?: string | null, objectKind?: string | null, previousOwner?: string | null, newOwner?: string | null, tables: Array<string>, cursor: string, kind: string, source: EventSource, createdAt: string, databaseId?: string | null, serverId?: string | null, actingRole?: string | null, sql: Array<string>, warnings: Array<string>, burstId?: string | null, burstSize?: number | null, observedSince?: string | null, actor?: { __typename?: 'User', username: string } | null }
    | { __typename: 'PrivilegeEvent', object?: string | null, objectKind?: string | null, grantee?: string | null, grantees: Array<string>, granted: Array<string>, revoked: Array<string>, grantOptionOnly?: boolean | null, cascade?: boolean | null, cursor: string, kind: string, source: EventSource, createdAt: string, databaseId?: string | null, serverId?: string | null, actingRole?: string | null, sql: Array<string>, warnings: Array<string>, burstId?: string | null, burstSize?: number | null, observedSince?: string | null, aclChanges: Array<{ __typename?: 'GrantChange', grantee: string, granted: Array<string>, revoked: Array<string>, grantOptionGranted: Array<string>, grantOptionRevoked: Array<string> }>, actor?: { __typename?: 'User', username: string } | null }
    | { __typename: 'ReplayCaughtUp', cursor: string, kind: string, source: EventSource, createdAt: string, databaseId?: string | null, serverId?: string | null, actingRole?: string | null, sql: Array<string>, warnings: Array<string>, burstId?: string | null, burstSize?: number | null, observedSince?: string | null, actor?: { __typename?: 'User', username: string } | null }
    | { __typename: 'RoleConfigurationEvent', role?: string | null, assignable?: boolean | null, cursor: string, kind: string, source: EventSource, createdAt: string, databaseId?: string | null, serverId?: string | null, actingRole?: string | null, sql: Array<string>, warnings: Array<string>, burstId?: string | null, burstSize?: number | null, observedSince?: string | null, actor?: { __typename?: 'User', username: string } | null }
    | { __typename: 'RoleEvent', role?: string | null, newName?: string | null, login?: boolean | null, changes: Array<string>, reassignTo?: string | null, otherDatabases: Array<string>, cursor: string, kind: string, source: EventSource, createdAt: string, databaseId?: string | null, serverId?: string | null, actingRole?: string | null, sql: Array<string>, warnings: Array<string>, burstId?: string | null, burstSize?: number | null, observedSince?: string | null, setting?: { __typename?: 'RoleSettingChange', name: string, database?: string | null, before?: string | null, after?: string | null } | null, comment?: { __typename?: 'RoleCommentChange', before?: string | null, after?: string | null } | null, actor?: { __typename?: 'User', username: string } | null }
    | { __typename: 'UserEvent', username?: string | null, isAdmin?: boolean | null, changed: Array<string>, cursor: string, kind: string, source: EventSource, createdAt: string, databaseId?: string | null, serverId?: string | null, actingRole?: string | null, sql: Array<string>, warnings: Array<string>, burstId?: string | null, burstSize?: number | null, observedSince?: string | null, actor?: { __typename?: 'User', username: string } | null }
   };

export type CliLatestCursorQueryVariables = Exact<{
  db: Scalars['ID']['input'];
}>;


export type CliLatestCursorQuery = { __typename?: 'Query', auditLog:
    | { __typename: 'EventPage', events: Array<
        | { __typename?: 'AccessSnapshotEvent', cursor: string }
        | { __typename?: 'CollaboratorEvent', cursor: string }
        | { __typename?: 'CredentialEvent', cursor: string }
        | { __typename?: 'DatabaseEvent', cursor: string }
        | { __typename?: 'DefaultPrivilegeEvent', cursor: string }
        | { __typename?: 'InvitationEvent', cursor: string }
        | { __typename?: 'MembershipEvent', cursor: string }
        | { __typename?: 'ObjectEvent', cursor: string }
        | { __typename?: 'OwnershipEvent', cursor: string }
        | { __typename?: 'PrivilegeEvent', cursor: string }
        | { __typename?: 'ReplayCaughtUp', cursor: string }
        | { __typename?: 'RoleConfigurationEvent', cursor: string }
        | { __typename?: 'RoleEvent', cursor: string }
        | { __typename?: 'UserEvent', cursor: string }
      > }
    | { __typename: 'UnauthenticatedError', code: string, message: string }
   };

export const CliErrorFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CliErrorFragment, unknown>;
export const CliImpactFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliImpact"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccessImpact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roleCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaboratorCount"}},{"kind":"Field","name":{"kind":"Name","value":"privilegeGroupCount"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"comparedPairs"}},{"kind":"Field","name":{"kind":"Name","value":"privilegeGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"privilege"}},{"kind":"Field","name":{"kind":"Name","value":"grantOptionOnly"}},{"kind":"Field","name":{"kind":"Name","value":"roleCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaboratorCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"inheritorCount"}},{"kind":"Field","name":{"kind":"Name","value":"object"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"schema"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"arguments"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"grantor"}},{"kind":"Field","name":{"kind":"Name","value":"grantable"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"membershipGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"roleCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaboratorCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"heldObjectCount"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"callouts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<CliImpactFragment, unknown>;
export const CliChangeFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliChange"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermissionChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"sql"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"notes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"grantee"}},{"kind":"Field","name":{"kind":"Name","value":"object"}},{"kind":"Field","name":{"kind":"Name","value":"subjects"}},{"kind":"Field","name":{"kind":"Name","value":"grantor"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"fixOption"}}]}},{"kind":"Field","name":{"kind":"Name","value":"impact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliImpact"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliImpact"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccessImpact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roleCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaboratorCount"}},{"kind":"Field","name":{"kind":"Name","value":"privilegeGroupCount"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"comparedPairs"}},{"kind":"Field","name":{"kind":"Name","value":"privilegeGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"privilege"}},{"kind":"Field","name":{"kind":"Name","value":"grantOptionOnly"}},{"kind":"Field","name":{"kind":"Name","value":"roleCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaboratorCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"inheritorCount"}},{"kind":"Field","name":{"kind":"Name","value":"object"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"schema"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"arguments"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"grantor"}},{"kind":"Field","name":{"kind":"Name","value":"grantable"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"membershipGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"roleCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaboratorCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"heldObjectCount"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"callouts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<CliChangeFragment, unknown>;
export const CliAccessRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliAccessRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccessRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"isPublic"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"privilege"}},{"kind":"Field","name":{"kind":"Name","value":"grantable"}},{"kind":"Field","name":{"kind":"Name","value":"object"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paths"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"grantor"}},{"kind":"Field","name":{"kind":"Name","value":"grantable"}}]}}]}}]} as unknown as DocumentNode<CliAccessRowFragment, unknown>;
export const CliAccessSnapshotFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliAccessSnapshot"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccessSnapshot"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]} as unknown as DocumentNode<CliAccessSnapshotFragment, unknown>;
export const CliPrivilegeSourceFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliPrivilegeSource"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrivilegeSource"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"grantable"}},{"kind":"Field","name":{"kind":"Name","value":"predefinedRole"}},{"kind":"Field","name":{"kind":"Name","value":"grantor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"grantee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CliPrivilegeSourceFragment, unknown>;
export const CliInvitationSentFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliInvitationSent"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvitationSent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delivery"}},{"kind":"Field","name":{"kind":"Name","value":"acceptUrl"}},{"kind":"Field","name":{"kind":"Name","value":"invitation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"role"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rolname"}}]}}]}}]}}]} as unknown as DocumentNode<CliInvitationSentFragment, unknown>;
export const CliAccessReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CliAccessReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subject"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AccessSubjectInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"database"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Database"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DatabaseCatalog"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"subject"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subject"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccessReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliAccessRow"}}]}}]}}]}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliAccessRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccessRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"isPublic"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"privilege"}},{"kind":"Field","name":{"kind":"Name","value":"grantable"}},{"kind":"Field","name":{"kind":"Name","value":"object"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paths"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"grantor"}},{"kind":"Field","name":{"kind":"Name","value":"grantable"}}]}}]}}]} as unknown as DocumentNode<CliAccessReportQuery, CliAccessReportQueryVariables>;
export const CliAccessExportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CliAccessExport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subject"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AccessSubjectInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"format"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AccessExportFormat"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"database"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Database"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DatabaseCatalog"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessReportExport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"subject"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subject"}}},{"kind":"Argument","name":{"kind":"Name","value":"format"},"value":{"kind":"Variable","name":{"kind":"Name","value":"format"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccessExport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"content"}}]}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CliAccessExportQuery, CliAccessExportQueryVariables>;
export const CliSaveAccessSnapshotDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliSaveAccessSnapshot"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"db"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subject"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AccessSubjectInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"saveAccessSnapshot"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"databaseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"db"}}},{"kind":"Argument","name":{"kind":"Name","value":"subject"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subject"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccessSnapshot"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliAccessSnapshot"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliAccessSnapshot"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccessSnapshot"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]} as unknown as DocumentNode<CliSaveAccessSnapshotMutation, CliSaveAccessSnapshotMutationVariables>;
export const CliAccessSnapshotsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CliAccessSnapshots"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"database"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Database"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DatabaseCatalog"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessSnapshots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliAccessSnapshot"}}]}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliAccessSnapshot"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccessSnapshot"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]} as unknown as DocumentNode<CliAccessSnapshotsQuery, CliAccessSnapshotsQueryVariables>;
export const CliAccessSnapshotDiffDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CliAccessSnapshotDiff"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"database"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Database"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DatabaseCatalog"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessSnapshotDiff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccessSnapshotDiff"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"toTime"}},{"kind":"Field","name":{"kind":"Name","value":"gainedCount"}},{"kind":"Field","name":{"kind":"Name","value":"lostCount"}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"row"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliAccessRow"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"actingRole"}},{"kind":"Field","name":{"kind":"Name","value":"sql"}}]}}]}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliAccessRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccessRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"isPublic"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"privilege"}},{"kind":"Field","name":{"kind":"Name","value":"grantable"}},{"kind":"Field","name":{"kind":"Name","value":"object"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paths"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"grantor"}},{"kind":"Field","name":{"kind":"Name","value":"grantable"}}]}}]}}]} as unknown as DocumentNode<CliAccessSnapshotDiffQuery, CliAccessSnapshotDiffQueryVariables>;
export const CliCollaboratorsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CliCollaborators"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"database"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Database"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"collaborators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"role"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rolname"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"invitations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"role"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rolname"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CliCollaboratorsQuery, CliCollaboratorsQueryVariables>;
export const CliUsersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CliUsers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"QueryUsersConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CliUsersQuery, CliUsersQueryVariables>;
export const CliAddCollaboratorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliAddCollaborator"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddCollaboratorInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addCollaborator"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Collaborator"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"role"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rolname"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CliAddCollaboratorMutation, CliAddCollaboratorMutationVariables>;
export const CliRemoveCollaboratorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliRemoveCollaborator"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeCollaborator"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Removed"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CliRemoveCollaboratorMutation, CliRemoveCollaboratorMutationVariables>;
export const CliRevokeInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliRevokeInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Invitation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CliRevokeInvitationMutation, CliRevokeInvitationMutationVariables>;
export const CliDefaultPrivilegesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CliDefaultPrivileges"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"creator"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"database"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Database"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DatabaseCatalog"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"defaultPrivileges"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"creator"},"value":{"kind":"Variable","name":{"kind":"Name","value":"creator"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"creator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schema"}},{"kind":"Field","name":{"kind":"Name","value":"objectKind"}},{"kind":"Field","name":{"kind":"Name","value":"grants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isPublic"}},{"kind":"Field","name":{"kind":"Name","value":"grantee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"privileges"}},{"kind":"Field","name":{"kind":"Name","value":"grantable"}}]}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CliDefaultPrivilegesQuery, CliDefaultPrivilegesQueryVariables>;
export const CliSetDefaultPrivilegesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliSetDefaultPrivileges"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"db"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"creator"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schema"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DefaultedObjectKind"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"grants"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DesiredDefaultGrantInput"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setDefaultPrivileges"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"databaseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"db"}}},{"kind":"Argument","name":{"kind":"Name","value":"creator"},"value":{"kind":"Variable","name":{"kind":"Name","value":"creator"}}},{"kind":"Argument","name":{"kind":"Name","value":"schema"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schema"}}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"grants"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grants"}}},{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliChange"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliImpact"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccessImpact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roleCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaboratorCount"}},{"kind":"Field","name":{"kind":"Name","value":"privilegeGroupCount"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"comparedPairs"}},{"kind":"Field","name":{"kind":"Name","value":"privilegeGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"privilege"}},{"kind":"Field","name":{"kind":"Name","value":"grantOptionOnly"}},{"kind":"Field","name":{"kind":"Name","value":"roleCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaboratorCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"inheritorCount"}},{"kind":"Field","name":{"kind":"Name","value":"object"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"schema"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"arguments"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"grantor"}},{"kind":"Field","name":{"kind":"Name","value":"grantable"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"membershipGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"roleCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaboratorCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"heldObjectCount"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"callouts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliChange"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermissionChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"sql"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"notes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"grantee"}},{"kind":"Field","name":{"kind":"Name","value":"object"}},{"kind":"Field","name":{"kind":"Name","value":"subjects"}},{"kind":"Field","name":{"kind":"Name","value":"grantor"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"fixOption"}}]}},{"kind":"Field","name":{"kind":"Name","value":"impact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliImpact"}}]}}]}}]} as unknown as DocumentNode<CliSetDefaultPrivilegesMutation, CliSetDefaultPrivilegesMutationVariables>;
export const CliExplainDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CliExplain"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"object"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ObjectRef"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"database"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Database"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DatabaseCatalog"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"effectivePrivileges"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"object"},"value":{"kind":"Variable","name":{"kind":"Name","value":"object"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DatabaseCatalogEffectivePrivilegesConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"privilege"}},{"kind":"Field","name":{"kind":"Name","value":"held"}},{"kind":"Field","name":{"kind":"Name","value":"grantable"}},{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliPrivilegeSource"}}]}}]}}]}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliPrivilegeSource"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrivilegeSource"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"grantable"}},{"kind":"Field","name":{"kind":"Name","value":"predefinedRole"}},{"kind":"Field","name":{"kind":"Name","value":"grantor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"grantee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CliExplainQuery, CliExplainQueryVariables>;
export const CliPendingInvitationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CliPendingInvitations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"database"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Database"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"statuses"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"PENDING"},{"kind":"EnumValue","value":"EXPIRED"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CliPendingInvitationsQuery, CliPendingInvitationsQueryVariables>;
export const CliResendInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliResendInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resendInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliInvitationSent"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliInvitationSent"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvitationSent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delivery"}},{"kind":"Field","name":{"kind":"Name","value":"acceptUrl"}},{"kind":"Field","name":{"kind":"Name","value":"invitation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"role"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rolname"}}]}}]}}]}}]} as unknown as DocumentNode<CliResendInvitationMutation, CliResendInvitationMutationVariables>;
export const CliInviteCollaboratorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliInviteCollaborator"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InviteCollaboratorInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inviteCollaborator"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliInvitationSent"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliInvitationSent"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvitationSent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delivery"}},{"kind":"Field","name":{"kind":"Name","value":"acceptUrl"}},{"kind":"Field","name":{"kind":"Name","value":"invitation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"role"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rolname"}}]}}]}}]}}]} as unknown as DocumentNode<CliInviteCollaboratorMutation, CliInviteCollaboratorMutationVariables>;
export const CliLoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"login"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"login"},"value":{"kind":"Variable","name":{"kind":"Name","value":"login"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CliLoginMutation, CliLoginMutationVariables>;
export const CliCreateApiTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliCreateApiToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreatedApiToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"apiToken"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CliCreateApiTokenMutation, CliCreateApiTokenMutationVariables>;
export const CliLogoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliLogout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"}}]}}]} as unknown as DocumentNode<CliLogoutMutation, CliLogoutMutationVariables>;
export const CliGrantPrivilegesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliGrantPrivileges"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"db"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"object"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ObjectRef"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"grantee"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"privileges"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"grantOption"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schemaUsage"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sequenceUsage"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantPrivileges"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"databaseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"db"}}},{"kind":"Argument","name":{"kind":"Name","value":"object"},"value":{"kind":"Variable","name":{"kind":"Name","value":"object"}}},{"kind":"Argument","name":{"kind":"Name","value":"grantee"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grantee"}}},{"kind":"Argument","name":{"kind":"Name","value":"privileges"},"value":{"kind":"Variable","name":{"kind":"Name","value":"privileges"}}},{"kind":"Argument","name":{"kind":"Name","value":"withGrantOption"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grantOption"}}},{"kind":"Argument","name":{"kind":"Name","value":"withSchemaUsage"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schemaUsage"}}},{"kind":"Argument","name":{"kind":"Name","value":"withSequenceUsage"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sequenceUsage"}}},{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliChange"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliImpact"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccessImpact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roleCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaboratorCount"}},{"kind":"Field","name":{"kind":"Name","value":"privilegeGroupCount"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"comparedPairs"}},{"kind":"Field","name":{"kind":"Name","value":"privilegeGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"privilege"}},{"kind":"Field","name":{"kind":"Name","value":"grantOptionOnly"}},{"kind":"Field","name":{"kind":"Name","value":"roleCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaboratorCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"inheritorCount"}},{"kind":"Field","name":{"kind":"Name","value":"object"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"schema"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"arguments"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"grantor"}},{"kind":"Field","name":{"kind":"Name","value":"grantable"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"membershipGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"roleCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaboratorCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"heldObjectCount"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"callouts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliChange"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermissionChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"sql"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"notes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"grantee"}},{"kind":"Field","name":{"kind":"Name","value":"object"}},{"kind":"Field","name":{"kind":"Name","value":"subjects"}},{"kind":"Field","name":{"kind":"Name","value":"grantor"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"fixOption"}}]}},{"kind":"Field","name":{"kind":"Name","value":"impact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliImpact"}}]}}]}}]} as unknown as DocumentNode<CliGrantPrivilegesMutation, CliGrantPrivilegesMutationVariables>;
export const CliRevokePrivilegesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliRevokePrivileges"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"db"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"object"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ObjectRef"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"grantee"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"privileges"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"grantOptionOnly"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cascade"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokePrivileges"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"databaseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"db"}}},{"kind":"Argument","name":{"kind":"Name","value":"object"},"value":{"kind":"Variable","name":{"kind":"Name","value":"object"}}},{"kind":"Argument","name":{"kind":"Name","value":"grantee"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grantee"}}},{"kind":"Argument","name":{"kind":"Name","value":"privileges"},"value":{"kind":"Variable","name":{"kind":"Name","value":"privileges"}}},{"kind":"Argument","name":{"kind":"Name","value":"grantOptionOnly"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grantOptionOnly"}}},{"kind":"Argument","name":{"kind":"Name","value":"cascade"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cascade"}}},{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliChange"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliImpact"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccessImpact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roleCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaboratorCount"}},{"kind":"Field","name":{"kind":"Name","value":"privilegeGroupCount"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"comparedPairs"}},{"kind":"Field","name":{"kind":"Name","value":"privilegeGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"privilege"}},{"kind":"Field","name":{"kind":"Name","value":"grantOptionOnly"}},{"kind":"Field","name":{"kind":"Name","value":"roleCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaboratorCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"inheritorCount"}},{"kind":"Field","name":{"kind":"Name","value":"object"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"schema"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"arguments"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"grantor"}},{"kind":"Field","name":{"kind":"Name","value":"grantable"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"membershipGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"roleCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaboratorCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"heldObjectCount"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"callouts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliChange"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermissionChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"sql"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"notes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"grantee"}},{"kind":"Field","name":{"kind":"Name","value":"object"}},{"kind":"Field","name":{"kind":"Name","value":"subjects"}},{"kind":"Field","name":{"kind":"Name","value":"grantor"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"fixOption"}}]}},{"kind":"Field","name":{"kind":"Name","value":"impact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliImpact"}}]}}]}}]} as unknown as DocumentNode<CliRevokePrivilegesMutation, CliRevokePrivilegesMutationVariables>;
export const CliTransferOwnershipDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliTransferOwnership"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"db"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"object"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ObjectRef"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"newOwner"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tables"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transferOwnership"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"databaseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"db"}}},{"kind":"Argument","name":{"kind":"Name","value":"object"},"value":{"kind":"Variable","name":{"kind":"Name","value":"object"}}},{"kind":"Argument","name":{"kind":"Name","value":"newOwner"},"value":{"kind":"Variable","name":{"kind":"Name","value":"newOwner"}}},{"kind":"Argument","name":{"kind":"Name","value":"tables"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tables"}}},{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliChange"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliImpact"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccessImpact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roleCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaboratorCount"}},{"kind":"Field","name":{"kind":"Name","value":"privilegeGroupCount"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"comparedPairs"}},{"kind":"Field","name":{"kind":"Name","value":"privilegeGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"privilege"}},{"kind":"Field","name":{"kind":"Name","value":"grantOptionOnly"}},{"kind":"Field","name":{"kind":"Name","value":"roleCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaboratorCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"inheritorCount"}},{"kind":"Field","name":{"kind":"Name","value":"object"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"schema"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"arguments"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"grantor"}},{"kind":"Field","name":{"kind":"Name","value":"grantable"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"membershipGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"roleCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaboratorCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"heldObjectCount"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"callouts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliChange"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermissionChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"sql"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"notes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"grantee"}},{"kind":"Field","name":{"kind":"Name","value":"object"}},{"kind":"Field","name":{"kind":"Name","value":"subjects"}},{"kind":"Field","name":{"kind":"Name","value":"grantor"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"fixOption"}}]}},{"kind":"Field","name":{"kind":"Name","value":"impact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliImpact"}}]}}]}}]} as unknown as DocumentNode<CliTransferOwnershipMutation, CliTransferOwnershipMutationVariables>;
export const CliSetRoleSettingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliSetRoleSetting"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"db"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"value"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inDatabase"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setRoleSetting"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"databaseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"db"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"value"},"value":{"kind":"Variable","name":{"kind":"Name","value":"value"}}},{"kind":"Argument","name":{"kind":"Name","value":"inDatabase"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inDatabase"}}},{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliChange"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliImpact"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccessImpact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roleCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaboratorCount"}},{"kind":"Field","name":{"kind":"Name","value":"privilegeGroupCount"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"comparedPairs"}},{"kind":"Field","name":{"kind":"Name","value":"privilegeGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"privilege"}},{"kind":"Field","name":{"kind":"Name","value":"grantOptionOnly"}},{"kind":"Field","name":{"kind":"Name","value":"roleCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaboratorCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"inheritorCount"}},{"kind":"Field","name":{"kind":"Name","value":"object"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"schema"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"arguments"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"grantor"}},{"kind":"Field","name":{"kind":"Name","value":"grantable"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"membershipGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"roleCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaboratorCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"heldObjectCount"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"callouts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliChange"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermissionChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"sql"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"notes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"grantee"}},{"kind":"Field","name":{"kind":"Name","value":"object"}},{"kind":"Field","name":{"kind":"Name","value":"subjects"}},{"kind":"Field","name":{"kind":"Name","value":"grantor"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"fixOption"}}]}},{"kind":"Field","name":{"kind":"Name","value":"impact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliImpact"}}]}}]}}]} as unknown as DocumentNode<CliSetRoleSettingMutation, CliSetRoleSettingMutationVariables>;
export const CliResetRoleSettingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliResetRoleSetting"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"db"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inDatabase"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetRoleSetting"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"databaseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"db"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"inDatabase"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inDatabase"}}},{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliChange"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliImpact"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccessImpact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roleCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaboratorCount"}},{"kind":"Field","name":{"kind":"Name","value":"privilegeGroupCount"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"comparedPairs"}},{"kind":"Field","name":{"kind":"Name","value":"privilegeGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"privilege"}},{"kind":"Field","name":{"kind":"Name","value":"grantOptionOnly"}},{"kind":"Field","name":{"kind":"Name","value":"roleCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaboratorCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"inheritorCount"}},{"kind":"Field","name":{"kind":"Name","value":"object"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"schema"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"arguments"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"grantor"}},{"kind":"Field","name":{"kind":"Name","value":"grantable"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"membershipGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"roleCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaboratorCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"heldObjectCount"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"callouts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliChange"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermissionChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"sql"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"notes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"grantee"}},{"kind":"Field","name":{"kind":"Name","value":"object"}},{"kind":"Field","name":{"kind":"Name","value":"subjects"}},{"kind":"Field","name":{"kind":"Name","value":"grantor"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"fixOption"}}]}},{"kind":"Field","name":{"kind":"Name","value":"impact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliImpact"}}]}}]}}]} as unknown as DocumentNode<CliResetRoleSettingMutation, CliResetRoleSettingMutationVariables>;
export const CliSetRoleCommentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliSetRoleComment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"db"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"comment"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setRoleComment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"databaseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"db"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}},{"kind":"Argument","name":{"kind":"Name","value":"comment"},"value":{"kind":"Variable","name":{"kind":"Name","value":"comment"}}},{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliChange"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliImpact"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccessImpact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roleCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaboratorCount"}},{"kind":"Field","name":{"kind":"Name","value":"privilegeGroupCount"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"comparedPairs"}},{"kind":"Field","name":{"kind":"Name","value":"privilegeGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"privilege"}},{"kind":"Field","name":{"kind":"Name","value":"grantOptionOnly"}},{"kind":"Field","name":{"kind":"Name","value":"roleCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaboratorCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"inheritorCount"}},{"kind":"Field","name":{"kind":"Name","value":"object"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"schema"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"arguments"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"grantor"}},{"kind":"Field","name":{"kind":"Name","value":"grantable"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"membershipGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"roleCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaboratorCount"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"heldObjectCount"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"callouts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"collaborators"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliChange"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermissionChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"sql"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"notes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"grantee"}},{"kind":"Field","name":{"kind":"Name","value":"object"}},{"kind":"Field","name":{"kind":"Name","value":"subjects"}},{"kind":"Field","name":{"kind":"Name","value":"grantor"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"fixOption"}}]}},{"kind":"Field","name":{"kind":"Name","value":"impact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliImpact"}}]}}]}}]} as unknown as DocumentNode<CliSetRoleCommentMutation, CliSetRoleCommentMutationVariables>;
export const CliRoleDefinitionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CliRoleDefinition"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"database"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Database"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DatabaseCatalog"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"definitionSql"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CliRoleDefinitionQuery, CliRoleDefinitionQueryVariables>;
export const CliRolesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CliRoles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RoleFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"database"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Database"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DatabaseCatalog"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rolesConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"canLogin"}},{"kind":"Field","name":{"kind":"Name","value":"isSuperuser"}},{"kind":"Field","name":{"kind":"Name","value":"createRole"}},{"kind":"Field","name":{"kind":"Name","value":"createDb"}},{"kind":"Field","name":{"kind":"Name","value":"inherit"}},{"kind":"Field","name":{"kind":"Name","value":"bypassRls"}},{"kind":"Field","name":{"kind":"Name","value":"replication"}},{"kind":"Field","name":{"kind":"Name","value":"isConfigured"}},{"kind":"Field","name":{"kind":"Name","value":"isPredefined"}},{"kind":"Field","name":{"kind":"Name","value":"memberOf"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"admin"}},{"kind":"Field","name":{"kind":"Name","value":"role"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CliRolesQuery, CliRolesQueryVariables>;
export const CliDatabasesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CliDatabases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"databases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"QueryDatabasesConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"viewerAccess"}},{"kind":"Field","name":{"kind":"Name","value":"server"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"host"}},{"kind":"Field","name":{"kind":"Name","value":"port"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CliDatabasesQuery, CliDatabasesQueryVariables>;
export const CliRoleOffersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CliRoleOffers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"database"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Database"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerCapabilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"canManageCollaborators"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roleOffers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DatabaseRoleOffersConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mayGive"}},{"kind":"Field","name":{"kind":"Name","value":"refusalMessage"}},{"kind":"Field","name":{"kind":"Name","value":"configuredRole"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rolname"}}]}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CliRoleOffersQuery, CliRoleOffersQueryVariables>;
export const CliWatchEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CliWatchEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"databaseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"BigCursor"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kinds"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"databaseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"databaseId"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"kinds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kinds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"databaseId"}},{"kind":"Field","name":{"kind":"Name","value":"serverId"}},{"kind":"Field","name":{"kind":"Name","value":"actingRole"}},{"kind":"Field","name":{"kind":"Name","value":"sql"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"burstId"}},{"kind":"Field","name":{"kind":"Name","value":"burstSize"}},{"kind":"Field","name":{"kind":"Name","value":"observedSince"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrivilegeEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"object"}},{"kind":"Field","name":{"kind":"Name","value":"objectKind"}},{"kind":"Field","name":{"kind":"Name","value":"grantee"}},{"kind":"Field","name":{"kind":"Name","value":"grantees"}},{"kind":"Field","name":{"kind":"Name","value":"granted"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"grantOptionOnly"}},{"kind":"Field","name":{"kind":"Name","value":"cascade"}},{"kind":"Field","name":{"kind":"Name","value":"aclChanges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantee"}},{"kind":"Field","name":{"kind":"Name","value":"granted"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"grantOptionGranted"}},{"kind":"Field","name":{"kind":"Name","value":"grantOptionRevoked"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MembershipEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"member"}},{"kind":"Field","name":{"kind":"Name","value":"grantor"}},{"kind":"Field","name":{"kind":"Name","value":"members"}},{"kind":"Field","name":{"kind":"Name","value":"added"}},{"kind":"Field","name":{"kind":"Name","value":"removed"}},{"kind":"Field","name":{"kind":"Name","value":"admin"}},{"kind":"Field","name":{"kind":"Name","value":"inherit"}},{"kind":"Field","name":{"kind":"Name","value":"set"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RoleEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"newName"}},{"kind":"Field","name":{"kind":"Name","value":"login"}},{"kind":"Field","name":{"kind":"Name","value":"changes"}},{"kind":"Field","name":{"kind":"Name","value":"reassignTo"}},{"kind":"Field","name":{"kind":"Name","value":"otherDatabases"}},{"kind":"Field","name":{"kind":"Name","value":"setting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"database"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}}]}},{"kind":"Field","name":{"kind":"Name","value":"comment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DefaultPrivilegeEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"creator"}},{"kind":"Field","name":{"kind":"Name","value":"schema"}},{"kind":"Field","name":{"kind":"Name","value":"objectKind"}},{"kind":"Field","name":{"kind":"Name","value":"grantChanges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantee"}},{"kind":"Field","name":{"kind":"Name","value":"granted"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"grantOptionGranted"}},{"kind":"Field","name":{"kind":"Name","value":"grantOptionRevoked"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OwnershipEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"object"}},{"kind":"Field","name":{"kind":"Name","value":"objectKind"}},{"kind":"Field","name":{"kind":"Name","value":"previousOwner"}},{"kind":"Field","name":{"kind":"Name","value":"newOwner"}},{"kind":"Field","name":{"kind":"Name","value":"tables"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ObjectEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"object"}},{"kind":"Field","name":{"kind":"Name","value":"objectKind"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CollaboratorEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"collaboratorId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"invitationId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DatabaseEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"database"}},{"kind":"Field","name":{"kind":"Name","value":"host"}},{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"sslMode"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RoleConfigurationEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"assignable"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"isAdmin"}},{"kind":"Field","name":{"kind":"Name","value":"changed"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvitationEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitationId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<CliWatchEventsSubscription, CliWatchEventsSubscriptionVariables>;
export const CliLatestCursorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CliLatestCursor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"db"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"databaseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"db"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliError"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EventPage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CliLatestCursorQuery, CliLatestCursorQueryVariables>;