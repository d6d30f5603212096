/**
 * The event contract: every kind of event Rolecall records, in one place — the GraphQL type that carries it (its
 * family, whose payload type is in payloads.ts), who may see it, whether it can change who sees what, and what it
 * means. The event log's writers, the drift watcher, the GraphQL event types, the stream's access rules and the
 * clients (through `Query.eventKinds`) all derive from this table; no kind is listed by hand anywhere else.
 */

import type { CommonPayload, FamilyPayloads } from './payloads.js';

/** The GraphQL object type (implementing Event) of each family of kinds; payloads.ts says what each carries. */
export type EventFamily = keyof FamilyPayloads;

/**
 * Who sees an event besides admins: `scoped`, those collaborating on its database (on its server, when it names no
 * database; an account's owner, for their own account; an invitee, for their own invitations); `server`, also
 * everyone collaborating on any database of its server (roles are server-wide), without what belongs to the database
 * it was made through; `admins`, admins only.
 */
export type Audience = 'scoped' | 'server' | 'admins';

export interface KindSpec {
  family: EventFamily;
  audience: Audience;
  /** After it, a subscriber's rights are read again (they may have been given or taken away). */
  changesAccess?: boolean;
  /** Found by the drift watcher as well, when made outside Rolecall. */
  driftable?: boolean;
  /** Not an event of the log: a marker on the live stream only. */
  streamOnly?: boolean;
  description: string;
}

export const EVENT_KINDS = {
  'role.created': { family: 'RoleEvent', audience: 'server', driftable: true, description: 'A role was created.' },
  'role.altered': {
    family: 'RoleEvent',
    audience: 'server',
    driftable: true,
    description: 'A role’s attributes (LOGIN, CREATEDB, CONNECTION LIMIT …), a setting or its comment changed.',
  },
  'role.renamed': { family: 'RoleEvent', audience: 'server', driftable: true, description: 'A role was renamed.' },
  'role.password_changed': {
    family: 'RoleEvent',
    audience: 'server',
    description: 'A role’s password was set (never recorded).',
  },
  'role.dropped': { family: 'RoleEvent', audience: 'server', driftable: true, description: 'A role was dropped.' },
  'membership.granted': {
    family: 'MembershipEvent',
    audience: 'server',
    driftable: true,
    description: 'A role was made a member of another, or its membership’s options changed.',
  },
  'membership.revoked': {
    family: 'MembershipEvent',
    audience: 'server',
    driftable: true,
    description: 'A membership was revoked.',
  },
  'members.set': {
    family: 'MembershipEvent',
    audience: 'server',
    description: 'A group’s members were set to a list.',
  },
  'privileges.changed': {
    family: 'PrivilegeEvent',
    audience: 'scoped',
    driftable: true,
    description: 'Privileges on a database, schema, table or sequence were granted or revoked.',
  },
  'default_privileges.changed': {
    family: 'DefaultPrivilegeEvent',
    audience: 'scoped',
    driftable: true,
    description: 'What new objects a role creates start with (ALTER DEFAULT PRIVILEGES) changed.',
  },
  'ownership.transferred': {
    family: 'OwnershipEvent',
    audience: 'scoped',
    driftable: true,
    description: 'An object was given to another owner.',
  },
  'schema.created': { family: 'ObjectEvent', audience: 'scoped', description: 'A schema was created.' },
  'object.created': {
    family: 'ObjectEvent',
    audience: 'scoped',
    driftable: true,
    description: 'A schema, table or sequence appeared.',
  },
  'object.dropped': {
    family: 'ObjectEvent',
    audience: 'scoped',
    driftable: true,
    description: 'A schema, table or sequence was dropped.',
  },
  'collaborator.added': {
    family: 'CollaboratorEvent',
    audience: 'scoped',
    changesAccess: true,
    description: 'A person was added to a database.',
  },
  'collaborator.changed': {
    family: 'CollaboratorEvent',
    audience: 'scoped',
    changesAccess: true,
    description: 'A collaborator’s access or role changed.',
  },
  'collaborator.removed': {
    family: 'CollaboratorEvent',
    audience: 'scoped',
    changesAccess: true,
    description: 'A collaborator was removed.',
  },
  'collaborator.left': {
    family: 'CollaboratorEvent',
    audience: 'scoped',
    changesAccess: true,
    description: 'A collaborator left a database.',
  },
  'database.connected': {
    family: 'DatabaseEvent',
    audience: 'scoped',
    changesAccess: true,
    description: 'A database was connected.',
  },
  'database.disconnected': {
    family: 'DatabaseEvent',
    audience: 'scoped',
    changesAccess: true,
    description: 'A database was disconnected.',
  },
  'role.configured': {
    family: 'RoleConfigurationEvent',
    audience: 'server',
    description: 'A role’s password was stored, so collaborators can work through it.',
  },
  'role.unconfigured': {
    family: 'RoleConfigurationEvent',
    audience: 'server',
    description: 'A role’s stored password was removed.',
  },
  'role.assignability_changed': {
    family: 'RoleConfigurationEvent',
    audience: 'scoped',
    description: 'Whether managers may give a role on a database changed.',
  },
  'user.created': { family: 'UserEvent', audience: 'scoped', description: 'An account was created.' },
  'user.updated': {
    family: 'UserEvent',
    audience: 'scoped',
    changesAccess: true,
    description: 'An account changed (admin, active, name, address).',
  },
  'session.ended': {
    family: 'CredentialEvent',
    audience: 'admins',
    description: 'A user’s sessions ended; the streams they opened ended with them.',
  },
  'api_token.revoked': {
    family: 'CredentialEvent',
    audience: 'admins',
    description: 'API tokens were revoked; the streams they opened ended with them.',
  },
  'invitation.created': { family: 'InvitationEvent', audience: 'scoped', description: 'Someone was invited.' },
  'invitation.resent': { family: 'InvitationEvent', audience: 'scoped', description: 'An invitation was resent.' },
  'invitation.revoked': { family: 'InvitationEvent', audience: 'scoped', description: 'An invitation was revoked.' },
  'invitation.accepted': {
    family: 'InvitationEvent',
    audience: 'scoped',
    description: 'An invitation was accepted.',
  },
  'invitation.declined': {
    family: 'InvitationEvent',
    audience: 'scoped',
    description: 'An invitation was declined.',
  },
  'invitation.expired': { family: 'InvitationEvent', audience: 'scoped', description: 'An invitation expired.' },
  'access_snapshot.saved': {
    family: 'AccessSnapshotEvent',
    audience: 'scoped',
    description: 'An access review snapshot (a report of a role, collaborator, schema or object) was saved.',
  },
  'access_snapshot.deleted': {
    family: 'AccessSnapshotEvent',
    audience: 'scoped',
    description: 'An access review snapshot was deleted.',
  },
  'replay.caught_up': {
    family: 'ReplayCaughtUp',
    audience: 'scoped',
    streamOnly: true,
    description: 'On a subscription with `after`: everything missed has been replayed; what follows is live.',
  },
} as const satisfies Record<string, KindSpec>;

export type AnyKind = keyof typeof EVENT_KINDS;
/** The kinds the event log records (every kind but stream markers). */
export type EventKind = Exclude<AnyKind, 'replay.caught_up'>;

/** What an event of kind K carries: its family's fields, and those every event may have. */
export type PayloadOf<K extends AnyKind> = FamilyPayloads[(typeof EVENT_KINDS)[K]['family']] & CommonPayload;

const ENTRIES = Object.entries(EVENT_KINDS) as [AnyKind, KindSpec][];
const kindsWhere = (test: (spec: KindSpec) => boolean) => ENTRIES.filter(([, spec]) => test(spec)).map(([k]) => k);

export const REPLAY_CAUGHT_UP = 'replay.caught_up' satisfies AnyKind;

/** Role and membership kinds: whoever collaborates on any database of the server sees them. */
export const SERVER_WIDE_KINDS: readonly string[] = kindsWhere((spec) => spec.audience === 'server');
export const ADMIN_ONLY_KINDS: readonly string[] = kindsWhere((spec) => spec.audience === 'admins');
export const ACCESS_CHANGING_KINDS: readonly string[] = kindsWhere((spec) => spec.changesAccess === true);
export const LOGGED_KINDS: readonly EventKind[] = kindsWhere((spec) => !spec.streamOnly) as EventKind[];

export function specOf(kind: string): KindSpec | undefined {
  return (EVENT_KINDS as Record<string, KindSpec>)[kind];
}

export function familyOf(kind: string): EventFamily | undefined {
  return specOf(kind)?.family;
}

/** The kinds each GraphQL event type carries. */
export function kindsOf(family: EventFamily): AnyKind[] {
  return kindsWhere((spec) => spec.family === family);
}
