/**
 * What each family of events carries (see kinds.ts for which kinds belong to which family). Writers are checked
 * against these types, and the GraphQL event types expose exactly these fields: there is no free-form payload.
 */
import type { AclItem } from '../catalog/objects.js';
import type { ObjectKind } from '../catalog/privileges.js';
import type { PgAuthMember, PgRole } from '../catalog/roles.js';

/** What one grantee (a role name, or PUBLIC) holds on an object. */
export type GrantEntry = {
  grantee: string;
  privileges: string[];
  grantable: string[];
};

/** A securable object of one database: the database itself, a schema, or a relation. */
export interface ObjectState {
  oid: number;
  objectKind: ObjectKind;
  label: string;
  owner: number;
  acl: AclItem[];
}

/** One item as it was before a change and after it; null where it did not exist. */
export type Touched<T> = { before: T | null; after: T | null };

/** What one transaction did to the catalog, item by item. */
export type Effects = {
  /** The transaction's id (xid8, as text): whether a poll's snapshot saw this change is then exact. */
  xid: string;
  roles: Touched<PgRole>[];
  memberships: Touched<PgAuthMember>[];
  /** Objects of the database named: its schemas and relations, or the database itself (any of the server's). */
  objects: (Touched<ObjectState> & { database: string })[];
};

/** Fields every event may carry. */
export type CommonPayload = {
  /** The PostgreSQL role a change ran as. */
  actingRole?: string;
  warnings?: string[];
  /** What a change did to the catalog, item by item (stored for the drift watcher; never shown). */
  effects?: Effects[];
  /** For a change found outside Rolecall: when the poll before the one that found it read the catalog. */
  observedSince?: string;
  burstId?: string;
  burstSize?: number;
};

export type RolePayload = {
  name: string;
  newName?: string;
  login?: boolean;
  /** Attributes as PostgreSQL changed them, e.g. "LOGIN", "NOCREATEDB", "CONNECTION LIMIT 5". */
  changes?: string[];
  /** role.dropped: who its objects went to, and the other databases it was dropped from. */
  reassignTo?: string | null;
  otherDatabases?: string[];
};

export type MembershipPayload = {
  role: string;
  member?: string;
  grantor?: string;
  admin?: boolean | null;
  inherit?: boolean | null;
  set?: boolean | null;
  /** members.set: the group's members asked for, and who PostgreSQL added and removed. */
  members?: string[];
  added?: string[];
  removed?: string[];
};

export type PrivilegePayload = {
  objectKind: ObjectKind;
  /** database, schema or schema.table */
  object: string;
  grantee?: string;
  granted?: string[];
  revoked?: string[];
  grantOptionOnly?: boolean;
  cascade?: boolean;
  /** setPrivileges: the grantees whose grants were set. */
  grantees?: string[];
  /** The object's grants before and after the change, as PostgreSQL left them. */
  aclBefore?: GrantEntry[];
  acl?: GrantEntry[];
};

export type OwnershipPayload = {
  objectKind: ObjectKind;
  object: string;
  previousOwner: string | null;
  newOwner: string;
  /** A schema's tables transferred with it. */
  tables?: string[];
};

export type ObjectPayload = {
  objectKind: ObjectKind;
  object: string;
  owner?: string;
};

export type CollaboratorPayload = {
  collaboratorId: string;
  user: string;
  role?: string;
  access?: string;
  /** Added by accepting this invitation. */
  invitationId?: string;
};

export type DatabasePayload = {
  database: string;
  host?: string;
  port?: number;
  role?: string;
  sslMode?: string;
};

export type RoleConfigurationPayload = {
  role: string;
  /** role.assignability_changed: whether managers may now give it. */
  assignable?: boolean;
};

export type UserPayload = {
  user: string;
  isAdmin?: boolean;
  /** user.updated: what changed (e.g. "isAdmin", "email"). */
  changed?: string[];
  /** Created by accepting this invitation. */
  invitationId?: string;
};

export type CredentialPayload = {
  userId: string;
  sessionIds?: string[];
  tokenIds?: string[];
  reason: string;
};

export type InvitationPayload = {
  invitationId: string;
  email: string;
  access: string;
  role: string;
  status: string;
  expiresAt?: string;
  /** The account that accepted or declined it. */
  user?: string;
  /** invitation.revoked: why (e.g. ADDED_DIRECTLY, when the invitee was added without it). */
  reason?: string;
  collaboratorId?: string;
};

/** The payload of each family (the GraphQL event type's own fields). */
export type FamilyPayloads = {
  RoleEvent: RolePayload;
  MembershipEvent: MembershipPayload;
  PrivilegeEvent: PrivilegePayload;
  OwnershipEvent: OwnershipPayload;
  ObjectEvent: ObjectPayload;
  CollaboratorEvent: CollaboratorPayload;
  DatabaseEvent: DatabasePayload;
  RoleConfigurationEvent: RoleConfigurationPayload;
  UserEvent: UserPayload;
  CredentialEvent: CredentialPayload;
  InvitationEvent: InvitationPayload;
  ReplayCaughtUp: Record<string, never>;
};
