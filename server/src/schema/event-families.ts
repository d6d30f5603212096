import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.js';
import { type EventFamily, familyOf } from '../events/kinds.js';
import type {
  CommonPayload,
  FamilyPayloads,
  GrantEntry,
  RoleCommentChange,
  RoleSettingChange,
} from '../events/payloads.js';
import type { Event as EventRow } from '../generated/prisma/client.js';
import { EventInterface } from './events.js';
import { AccessImpactRef } from './impact.js';

/**
 * The Event type of each family of kinds (events/kinds.ts), with exactly the fields its payload type has
 * (events/payloads.ts): what changed, typed, instead of a payload to parse.
 */

/** An event's payload as its family's type says (old rows may lack fields added since). */
const payloadOf = <F extends EventFamily>(event: EventRow) =>
  (event.payload ?? {}) as Partial<FamilyPayloads[F] & CommonPayload>;
const globalId = (type: string, id: string | undefined) => (id ? encodeGlobalID(type, id) : null);

const GrantEntryRef = builder.objectRef<GrantEntry>('GrantEntry').implement({
  description: 'What a grantee (a role name, or PUBLIC) holds on the object.',
  fields: (t) => ({
    grantee: t.exposeString('grantee'),
    privileges: t.exposeStringList('privileges'),
    grantable: t.exposeStringList('grantable'),
  }),
});

interface GrantChange {
  grantee: string;
  granted: string[];
  revoked: string[];
  grantOptionGranted: string[];
  grantOptionRevoked: string[];
}

const GrantChangeRef = builder.objectRef<GrantChange>('GrantChange').implement({
  description: 'What one grantee gained and lost on the object, from its ACL before and after the change.',
  fields: (t) => ({
    grantee: t.exposeString('grantee', { description: 'A role name, or PUBLIC.' }),
    granted: t.exposeStringList('granted'),
    revoked: t.exposeStringList('revoked'),
    grantOptionGranted: t.exposeStringList('grantOptionGranted'),
    grantOptionRevoked: t.exposeStringList('grantOptionRevoked'),
  }),
});

/** Each grantee's gains and losses between two ACLs (grantees whose grants did not move are left out). */
function grantChanges(before: GrantEntry[], after: GrantEntry[]): GrantChange[] {
  const was = new Map(before.map((entry) => [entry.grantee, entry]));
  const is = new Map(after.map((entry) => [entry.grantee, entry]));
  const minus = (a: string[] = [], b: string[] = []) => a.filter((item) => !b.includes(item));
  return [...new Set([...was.keys(), ...is.keys()])]
    .map((grantee) => {
      const [old, now] = [was.get(grantee), is.get(grantee)];
      return {
        grantee,
        granted: minus(now?.privileges, old?.privileges),
        revoked: minus(old?.privileges, now?.privileges),
        grantOptionGranted: minus(now?.grantable, old?.grantable),
        grantOptionRevoked: minus(old?.grantable, now?.grantable),
      };
    })
    .filter((change) => Object.values(change).some((value) => Array.isArray(value) && value.length > 0));
}

/** An Event type for one family: it carries exactly the kinds kinds.ts gives that family. */
function eventFamily(family: EventFamily, description?: string) {
  return builder.objectRef<EventRow>(family).implement({
    description,
    interfaces: [EventInterface],
    isTypeOf: (value) => familyOf((value as EventRow).kind) === family,
  });
}

const RoleSettingChangeRef = builder.objectRef<RoleSettingChange>('RoleSettingChange').implement({
  description: 'One parameter of a role, as PostgreSQL kept it before and after a change.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'As PostgreSQL stores it (its own parameters in their own case).' }),
    database: t.exposeString('database', { nullable: true, description: 'Null: the setting for every database.' }),
    before: t.exposeString('before', { nullable: true, description: 'Null: not set.' }),
    after: t.exposeString('after', { nullable: true, description: 'Null: not set (reset).' }),
  }),
});

const RoleCommentChangeRef = builder.objectRef<RoleCommentChange>('RoleCommentChange').implement({
  description: 'COMMENT ON ROLE before and after a change (null: none).',
  fields: (t) => ({
    before: t.exposeString('before', { nullable: true }),
    after: t.exposeString('after', { nullable: true }),
  }),
});

const RoleEvent = eventFamily('RoleEvent');
const role = (event: EventRow) => payloadOf<'RoleEvent'>(event);
builder.objectFields(RoleEvent, (t) => ({
  role: t.string({ nullable: true, resolve: (event) => role(event).name ?? null }),
  newName: t.string({ nullable: true, resolve: (event) => role(event).newName ?? null }),
  login: t.boolean({
    nullable: true,
    description: 'role.created: a LOGIN role.',
    resolve: (e) => role(e).login ?? null,
  }),
  changes: t.stringList({
    description: 'Attributes as PostgreSQL changed them, e.g. "LOGIN", "NOCREATEDB", "CONNECTION LIMIT 5".',
    resolve: (event) => role(event).changes ?? [],
  }),
  reassignTo: t.string({
    nullable: true,
    description: 'role.dropped: the role its objects were given to.',
    resolve: (event) => role(event).reassignTo ?? null,
  }),
  otherDatabases: t.stringList({
    description: 'role.dropped: the other databases of the server it was cleared from first.',
    resolve: (event) => role(event).otherDatabases ?? [],
  }),
  setting: t.field({
    type: RoleSettingChangeRef,
    nullable: true,
    description:
      'role.altered by setRoleSetting / resetRoleSetting, or ALTER ROLE … SET / RESET outside Rolecall (one event per setting): the parameter before and after.',
    resolve: (event) => role(event).setting ?? null,
  }),
  comment: t.field({
    type: RoleCommentChangeRef,
    nullable: true,
    description: 'role.altered by setRoleComment, or COMMENT ON ROLE outside Rolecall: the comment before and after.',
    resolve: (event) => role(event).comment ?? null,
  }),
}));

const MembershipEvent = eventFamily('MembershipEvent');
const membership = (event: EventRow) => payloadOf<'MembershipEvent'>(event);
builder.objectFields(MembershipEvent, (t) => ({
  role: t.string({ nullable: true, resolve: (event) => membership(event).role ?? null }),
  member: t.string({ nullable: true, resolve: (event) => membership(event).member ?? null }),
  grantor: t.string({ nullable: true, resolve: (event) => membership(event).grantor ?? null }),
  members: t.stringList({
    description: 'For members.set: the members asked for.',
    resolve: (event) => membership(event).members ?? [],
  }),
  added: t.stringList({
    description: 'For members.set: who PostgreSQL made a member.',
    resolve: (event) => membership(event).added ?? [],
  }),
  removed: t.stringList({
    description: 'For members.set: whose membership PostgreSQL revoked.',
    resolve: (event) => membership(event).removed ?? [],
  }),
  admin: t.boolean({ nullable: true, resolve: (event) => membership(event).admin ?? null }),
  inherit: t.boolean({ nullable: true, resolve: (event) => membership(event).inherit ?? null }),
  set: t.boolean({ nullable: true, resolve: (event) => membership(event).set ?? null }),
}));

const PrivilegeEvent = eventFamily('PrivilegeEvent');
const privilege = (event: EventRow) => payloadOf<'PrivilegeEvent'>(event);
builder.objectFields(PrivilegeEvent, (t) => ({
  objectKind: t.string({ nullable: true, resolve: (event) => privilege(event).objectKind ?? null }),
  object: t.string({
    nullable: true,
    description: 'database, schema or schema.table',
    resolve: (event) => privilege(event).object ?? null,
  }),
  grantee: t.string({ nullable: true, resolve: (event) => privilege(event).grantee ?? null }),
  grantees: t.stringList({
    description: 'setPrivileges: the grantees whose grants were set.',
    resolve: (event) => privilege(event).grantees ?? [],
  }),
  granted: t.stringList({ description: 'As asked.', resolve: (event) => privilege(event).granted ?? [] }),
  revoked: t.stringList({ description: 'As asked.', resolve: (event) => privilege(event).revoked ?? [] }),
  grantOptionOnly: t.boolean({ nullable: true, resolve: (event) => privilege(event).grantOptionOnly ?? null }),
  cascade: t.boolean({ nullable: true, resolve: (event) => privilege(event).cascade ?? null }),
  aclBefore: t.field({
    type: [GrantEntryRef],
    description: "The object's grants before the change.",
    resolve: (event) => privilege(event).aclBefore ?? [],
  }),
  acl: t.field({
    type: [GrantEntryRef],
    description: "The object's grants after the change, so a view can update without a refetch.",
    resolve: (event) => privilege(event).acl ?? [],
  }),
  futureCreator: t.string({
    nullable: true,
    description: 'grantOnAllTables with andFuture: the role whose tables made there later get the same grants.',
    resolve: (event) => privilege(event).futureCreator ?? null,
  }),
  aclChanges: t.field({
    type: [GrantChangeRef],
    description: 'What each grantee gained and lost, as PostgreSQL changed the ACL (CASCADE included).',
    resolve: (event) => {
      const { aclBefore, acl, grantee } = privilege(event);
      if (!aclBefore) return [];
      const changes = grantChanges(aclBefore, acl ?? []);
      // The drift watcher records one event per grantee whose grants moved: each tells that grantee's change.
      return event.source === 'EXTERNAL' && grantee ? changes.filter((change) => change.grantee === grantee) : changes;
    },
  }),
}));

const DefaultPrivilegeEvent = eventFamily(
  'DefaultPrivilegeEvent',
  'What new objects of one kind that one role creates start with (ALTER DEFAULT PRIVILEGES), in one schema or everywhere.',
);
const defaults = (event: EventRow) => payloadOf<'DefaultPrivilegeEvent'>(event);
builder.objectFields(DefaultPrivilegeEvent, (t) => ({
  creator: t.string({
    nullable: true,
    description: 'The role whose new objects these are.',
    resolve: (event) => defaults(event).creator ?? null,
  }),
  schema: t.string({
    nullable: true,
    description: 'IN SCHEMA; null for the creator’s global entry.',
    resolve: (event) => defaults(event).schema ?? null,
  }),
  objectKind: t.string({ nullable: true, resolve: (event) => defaults(event).objectKind ?? null }),
  grantees: t.stringList({
    description:
      'The grantees whose default grants were set (for a change found outside Rolecall: those whose grants moved).',
    resolve: (event) => defaults(event).grantees ?? [],
  }),
  grantsBefore: t.field({
    type: [GrantEntryRef],
    description: 'What new objects started with at this level (a global entry’s absence: the built-in default).',
    resolve: (event) => defaults(event).grantsBefore ?? [],
  }),
  grants: t.field({
    type: [GrantEntryRef],
    description: 'What new objects start with at this level after the change.',
    resolve: (event) => defaults(event).grants ?? [],
  }),
  grantChanges: t.field({
    type: [GrantChangeRef],
    description: 'What each grantee gained and lost on new objects, as PostgreSQL changed the entry.',
    resolve: (event) => grantChanges(defaults(event).grantsBefore ?? [], defaults(event).grants ?? []),
  }),
}));

const OwnershipEvent = eventFamily('OwnershipEvent');
const ownership = (event: EventRow) => payloadOf<'OwnershipEvent'>(event);
builder.objectFields(OwnershipEvent, (t) => ({
  objectKind: t.string({ nullable: true, resolve: (event) => ownership(event).objectKind ?? null }),
  object: t.string({ nullable: true, resolve: (event) => ownership(event).object ?? null }),
  previousOwner: t.string({ nullable: true, resolve: (event) => ownership(event).previousOwner ?? null }),
  newOwner: t.string({ nullable: true, resolve: (event) => ownership(event).newOwner ?? null }),
  tables: t.stringList({ resolve: (event) => ownership(event).tables ?? [] }),
}));

const ObjectEvent = eventFamily('ObjectEvent');
const object = (event: EventRow) => payloadOf<'ObjectEvent'>(event);
builder.objectFields(ObjectEvent, (t) => ({
  objectKind: t.string({ nullable: true, resolve: (event) => object(event).objectKind ?? null }),
  object: t.string({ nullable: true, resolve: (event) => object(event).object ?? null }),
  owner: t.string({ nullable: true, resolve: (event) => object(event).owner ?? null }),
}));

// The families with a Rolecall mutation behind them carry its impact on effective access.
for (const family of [RoleEvent, MembershipEvent, PrivilegeEvent, DefaultPrivilegeEvent, OwnershipEvent, ObjectEvent])
  builder.objectField(family, 'impact', (t) =>
    t.field({
      type: AccessImpactRef,
      nullable: true,
      description:
        'Who gained and who lost what through this change (Rolecall’s own changes; null for changes found outside it and older events): each group names at most 20 roles and 20 collaborators, at most 50 groups and callouts; the counts are exact.',
      resolve: (event) => payloadOf<EventFamily>(event).impact ?? null,
    }),
  );

const CollaboratorEvent = eventFamily('CollaboratorEvent');
const collaborator = (event: EventRow) => payloadOf<'CollaboratorEvent'>(event);
builder.objectFields(CollaboratorEvent, (t) => ({
  collaboratorId: t.id({
    nullable: true,
    resolve: (event) => globalId('Collaborator', collaborator(event).collaboratorId),
  }),
  username: t.string({ nullable: true, resolve: (event) => collaborator(event).user ?? null }),
  role: t.string({ nullable: true, resolve: (event) => collaborator(event).role ?? null }),
  access: t.string({ nullable: true, resolve: (event) => collaborator(event).access ?? null }),
  invitationId: t.id({
    nullable: true,
    description: 'Added by accepting this invitation.',
    resolve: (event) => globalId('Invitation', collaborator(event).invitationId),
  }),
}));

const DatabaseEvent = eventFamily('DatabaseEvent');
const database = (event: EventRow) => payloadOf<'DatabaseEvent'>(event);
builder.objectFields(DatabaseEvent, (t) => ({
  database: t.string({ nullable: true, resolve: (event) => database(event).database ?? null }),
  host: t.string({ nullable: true, resolve: (event) => database(event).host ?? null }),
  port: t.int({ nullable: true, resolve: (event) => database(event).port ?? null }),
  role: t.string({
    nullable: true,
    description: 'The role Rolecall connected as.',
    resolve: (event) => database(event).role ?? null,
  }),
  sslMode: t.string({ nullable: true, resolve: (event) => database(event).sslMode ?? null }),
}));

const RoleConfigurationEvent = eventFamily('RoleConfigurationEvent');
const configuration = (event: EventRow) => payloadOf<'RoleConfigurationEvent'>(event);
builder.objectFields(RoleConfigurationEvent, (t) => ({
  role: t.string({ nullable: true, resolve: (event) => configuration(event).role ?? null }),
  assignable: t.boolean({
    nullable: true,
    description: 'role.assignability_changed: whether managers may now give the role.',
    resolve: (event) => configuration(event).assignable ?? null,
  }),
}));

const AccessSnapshotEvent = eventFamily('AccessSnapshotEvent');
const accessSnapshot = (event: EventRow) => payloadOf<'AccessSnapshotEvent'>(event);
builder.objectFields(AccessSnapshotEvent, (t) => ({
  snapshotId: t.id({
    nullable: true,
    description: 'Gone once deleted (the event keeps what it was of).',
    resolve: (event) => globalId('AccessSnapshot', accessSnapshot(event).snapshotId),
  }),
  subjectKind: t.string({
    nullable: true,
    description: 'ROLE, COLLABORATOR, SCHEMA or OBJECT.',
    resolve: (event) => accessSnapshot(event).subjectKind ?? null,
  }),
  subjectLabel: t.string({ nullable: true, resolve: (event) => accessSnapshot(event).subjectLabel ?? null }),
  note: t.string({ nullable: true, resolve: (event) => accessSnapshot(event).note ?? null }),
  rowCount: t.int({ nullable: true, resolve: (event) => accessSnapshot(event).rowCount ?? null }),
}));

const UserEvent = eventFamily('UserEvent');
const user = (event: EventRow) => payloadOf<'UserEvent'>(event);
builder.objectFields(UserEvent, (t) => ({
  username: t.string({ nullable: true, resolve: (event) => user(event).user ?? null }),
  isAdmin: t.boolean({ nullable: true, resolve: (event) => user(event).isAdmin ?? null }),
  changed: t.stringList({ resolve: (event) => user(event).changed ?? [] }),
  invitationId: t.id({
    nullable: true,
    description: 'Created by accepting this invitation.',
    resolve: (event) => globalId('Invitation', user(event).invitationId),
  }),
}));

const CredentialEvent = eventFamily(
  'CredentialEvent',
  'Sessions ended or API tokens revoked (seen by admins only); their streams ended with them.',
);
const credential = (event: EventRow) => payloadOf<'CredentialEvent'>(event);
builder.objectFields(CredentialEvent, (t) => ({
  userId: t.id({
    nullable: true,
    description: 'The user whose credentials ended.',
    resolve: (event) => globalId('User', credential(event).userId),
  }),
  sessionIds: t.stringList({ resolve: (event) => credential(event).sessionIds ?? [] }),
  apiTokenIds: t.idList({
    resolve: (event) => (credential(event).tokenIds ?? []).map((id) => encodeGlobalID('ApiToken', id)),
  }),
  reason: t.string({
    nullable: true,
    description: 'logout, revoked, password_changed, password_reset or deactivated.',
    resolve: (event) => credential(event).reason ?? null,
  }),
}));

eventFamily(
  'ReplayCaughtUp',
  'Sent once on a subscription with `after`, when everything missed since that cursor has been replayed: what follows is live. Its cursor is the last one replayed to this subscriber (or `after`); it is not an event of the log.',
);

const InvitationEvent = eventFamily('InvitationEvent');
const invitation = (event: EventRow) => payloadOf<'InvitationEvent'>(event);
builder.objectFields(InvitationEvent, (t) => ({
  invitationId: t.id({ nullable: true, resolve: (event) => globalId('Invitation', invitation(event).invitationId) }),
  email: t.string({ nullable: true, resolve: (event) => invitation(event).email ?? null }),
  access: t.string({ nullable: true, resolve: (event) => invitation(event).access ?? null }),
  role: t.string({ nullable: true, resolve: (event) => invitation(event).role ?? null }),
  status: t.string({ nullable: true, resolve: (event) => invitation(event).status ?? null }),
  expiresAt: t.field({
    type: 'DateTime',
    nullable: true,
    resolve: (event) => {
      const at = invitation(event).expiresAt;
      return at ? new Date(at) : null;
    },
  }),
  username: t.string({
    nullable: true,
    description: 'The account that accepted or declined it.',
    resolve: (event) => invitation(event).user ?? null,
  }),
  reason: t.string({
    nullable: true,
    description: 'invitation.revoked: ADDED_DIRECTLY when the invitee was added without it.',
    resolve: (event) => invitation(event).reason ?? null,
  }),
}));
