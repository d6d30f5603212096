/**
 * What each family of events carries (see kinds.ts for which kinds belong to which family). Writers are checked
 * against these types, and the GraphQL event types expose exactly these fields: there is no free-form payload.
 */
import type { DefaultedKind, PgDefaultAcl } from '../catalog/default-privileges.js';
import type { AclItem } from '../catalog/objects.js';
import type { ObjectKind } from '../catalog/privileges.js';
import type { PgAuthMember, PgRole } from '../catalog/roles.js';
import type { AccessImpact } from '../impact/model.js';

/** What one grantee (a role name, or PUBLIC) holds on an object. */
export type GrantEntry = {
  grantee: string;
  privileges: string[];
  grantable: string[];
};

/**
 * A securable object of one database: the database itself, a schema, a relation, a column with privileges of its
 * own, a function, type, language, foreign-data wrapper or server, large object; or of the server: a tablespace, a
 * parameter with privileges granted.
 */
export interface ObjectState {
  oid: number;
  objectKind: ObjectKind;
  label: string;
  owner: number;
  acl: AclItem[];
  /** What tells it apart where OIDs do not (see objectKey): absent for databases, schemas and relations. */
  key?: string;
  /** A column's relation; a partition's partitioned table (as the drift watcher reads it). */
  parent?: number;
}

/** The identity of an object state across reads: its OID, or its key where the OID is not enough. */
export function objectKey(state: ObjectState): string {
  return state.key ?? String(state.oid);
}

/** One setting of a role (pg_db_role_setting): ALTER ROLE … [IN DATABASE …] SET name = value. */
export interface RoleSettingState {
  role: number;
  /** 0: for every database. */
  database: number;
  datname: string | null;
  name: string;
  value: string;
}

/** COMMENT ON ROLE (pg_shdescription). */
export interface RoleCommentState {
  role: number;
  comment: string;
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
  /** Role settings and comments: the server's (absent from events recorded before they were observed). */
  settings?: Touched<RoleSettingState>[];
  comments?: Touched<RoleCommentState>[];
  /** Default privileges (pg_default_acl) of the database named. */
  defaultAcls?: (Touched<PgDefaultAcl> & { database: string })[];
};

/**
 * An object state as an event stores it (stored-effects.ts): its ACL as compact text, or, after a change that only
 * appended to it, the items appended. A bulk change's effects hold hundreds of ACLs before and after: as JSON objects
 * they were megabytes to send, store and parse; as text, a third; after a bulk GRANT, about three fifths of that.
 */
export type StoredObjectState = Omit<ObjectState, 'acl'> & ({ acl: string } | { aclAppended: string });
type StoredObject = Omit<Effects['objects'][number], 'before' | 'after'> & Touched<StoredObjectState>;
export type StoredEffects = Omit<Effects, 'objects'> & { objects: StoredObject[] };

/** Fields every event may carry. */
export type CommonPayload = {
  /** The PostgreSQL role a change ran as. */
  actingRole?: string;
  warnings?: string[];
  /** What a change did to the catalog, item by item (stored for the drift watcher; never shown). */
  effects?: StoredEffects[];
  /** For a change found outside Rolecall: when the poll before the one that found it read the catalog. */
  observedSince?: string;
  burstId?: string;
  burstSize?: number;
  /** A Rolecall change's impact on effective access, capped (impact/summary.ts): groups of at most 20 roles each. */
  impact?: AccessImpact | null;
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
  /**
   * role.altered by setRoleSetting / resetRoleSetting, or ALTER ROLE … SET / RESET outside Rolecall (one event per
   * setting): the parameter, as PostgreSQL kept it before and after.
   */
  setting?: RoleSettingChange;
  /** role.altered by setRoleComment, or COMMENT ON ROLE outside Rolecall: the comment before and after. */
  comment?: RoleCommentChange;
};

export type RoleSettingChange = {
  /** As PostgreSQL stores it (its own parameters in their canonical case). */
  name: string;
  /** Null: the setting for every database; else the one for this database. */
  database: string | null;
  /** Null: not set. */
  before: string | null;
  after: string | null;
};

export type RoleCommentChange = { before: string | null; after: string | null };

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
  /** grantOnAllTables with andFuture: the role whose future tables (and sequences) there get the same grants. */
  futureCreator?: string;
};

export type DefaultPrivilegePayload = {
  /** The role whose new objects these are (FOR ROLE). */
  creator: string;
  /** IN SCHEMA; null for the creator's global entry. */
  schema: string | null;
  objectKind: DefaultedKind;
  /** The grantees whose default grants were set (found outside Rolecall: those whose grants moved). */
  grantees?: string[];
  /**
   * What new objects start with at this level, before and after, as PostgreSQL left it: a global entry's absence is
   * the built-in default (the creator holds everything; PUBLIC may execute functions and use types).
   */
  grantsBefore?: GrantEntry[];
  grants?: GrantEntry[];
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

export type AccessSnapshotPayload = {
  snapshotId: string;
  /** ROLE, COLLABORATOR, SCHEMA or OBJECT. */
  subjectKind: string;
  /** The subject as people read it (a role's name, a username, sales.orders …). */
  subjectLabel: string;
  note?: string | null;
  rowCount?: number;
};

/** The payload of each family (the GraphQL event type's own fields). */
export type FamilyPayloads = {
  RoleEvent: RolePayload;
  MembershipEvent: MembershipPayload;
  PrivilegeEvent: PrivilegePayload;
  DefaultPrivilegeEvent: DefaultPrivilegePayload;
  OwnershipEvent: OwnershipPayload;
  ObjectEvent: ObjectPayload;
  CollaboratorEvent: CollaboratorPayload;
  DatabaseEvent: DatabasePayload;
  RoleConfigurationEvent: RoleConfigurationPayload;
  UserEvent: UserPayload;
  CredentialEvent: CredentialPayload;
  InvitationEvent: InvitationPayload;
  AccessSnapshotEvent: AccessSnapshotPayload;
  ReplayCaughtUp: Record<string, never>;
};
