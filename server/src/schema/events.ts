import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { EventAccess } from '../events/access.js';
import { EVENT_KINDS, type EventFamily, familyOf, type KindSpec } from '../events/kinds.js';
import type { CommonPayload, FamilyPayloads, GrantEntry } from '../events/payloads.js';
import { databaseEventsWhere, eventStream } from '../events/stream.js';
import type { Event as EventRow, Prisma, User as UserRow } from '../generated/prisma/client.js';
import { requireViewer } from '../policy/capabilities.js';
import { EXPECTED_ERRORS } from './errors.js';
import { localId } from './ids.js';
import { User } from './user.js';

/** An event's payload as its family's type says (events.ts writers are checked against it; old rows may lack fields). */
const payloadOf = <F extends EventFamily>(event: EventRow) =>
  (event.payload ?? {}) as Partial<FamilyPayloads[F] & CommonPayload>;
const common = (event: EventRow) => payloadOf<'ReplayCaughtUp'>(event);
const globalId = (type: string, id: string | undefined) => (id ? encodeGlobalID(type, id) : null);

/** The bus hands every live subscriber the same row: its actor is read once for all of them, not once per dashboard. */
const actors = new WeakMap<EventRow, Promise<UserRow | null>>();

function actorOf(event: EventRow, _args: unknown, context: Context): Promise<UserRow | null> | null {
  if (!event.actorId) return null;
  let actor = actors.get(event);
  if (!actor) {
    actor = context.loaders.users.load(event.actorId);
    actors.set(event, actor);
    actor.catch(() => actors.delete(event));
  }
  return actor;
}

const EventSource = builder.enumType('EventSource', {
  values: {
    ROLECALL: { description: 'Made through Rolecall.' },
    EXTERNAL: { description: 'Made outside Rolecall (psql …), found by the drift watcher.' },
  },
});

/** Kinds to filter by; one with a NUL can match no event, and PostgreSQL text cannot even be compared with it. */
const kindFilter = (kinds: string[] | null | undefined): string[] | null =>
  kinds ? kinds.filter((kind) => !kind.includes('\0')) : null;

export const EventInterface = builder.interfaceRef<EventRow>('Event').implement({
  description: 'One change, from the append-only event log. `cursor` orders all events; pass it as `after` to resume.',
  resolveType: (event) => familyOf(event.kind) ?? 'UserEvent',
  fields: (t) => ({
    cursor: t.field({ type: 'BigCursor', resolve: (event) => event.id }),
    kind: t.exposeString('kind'),
    source: t.field({ type: EventSource, resolve: (event) => event.source }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    actor: t.field({ type: User, nullable: true, resolve: actorOf }),
    databaseId: t.id({
      nullable: true,
      resolve: (event) => (event.databaseId ? encodeGlobalID('Database', event.databaseId) : null),
    }),
    serverId: t.id({
      nullable: true,
      resolve: (event) => (event.serverId ? encodeGlobalID('Server', event.serverId) : null),
    }),
    actingRole: t.string({
      nullable: true,
      description: 'The PostgreSQL role the change ran as.',
      resolve: (event) => common(event).actingRole ?? null,
    }),
    sql: t.exposeStringList('sql', { description: 'The statements that ran (passwords masked).' }),
    burstId: t.string({
      nullable: true,
      description: 'For a change found outside Rolecall: the changes one poll found share it (show them as one burst).',
      resolve: (event) => common(event).burstId ?? null,
    }),
    burstSize: t.int({
      nullable: true,
      description: 'How many changes that poll found: the whole burst, even while only some of it is loaded.',
      resolve: (event) => common(event).burstSize ?? null,
    }),
    observedSince: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        'For a change found outside Rolecall: it was made after this (the poll before the one that found it). Changes found by one poll share it: one burst.',
      resolve: (event) => {
        const since = common(event).observedSince;
        return since ? new Date(since) : null;
      },
    }),
    warnings: t.stringList({ resolve: (event) => common(event).warnings ?? [] }),
  }),
});

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
export function grantChanges(before: GrantEntry[], after: GrantEntry[]): GrantChange[] {
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
  aclChanges: t.field({
    type: [GrantChangeRef],
    description: 'What each grantee gained and lost, as PostgreSQL changed the ACL (CASCADE included).',
    resolve: (event) => grantChanges(privilege(event).aclBefore ?? [], privilege(event).acl ?? []),
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

const EventKindRef = builder.objectRef<[string, KindSpec]>('EventKind').implement({
  description: 'A kind of event: what it means, and the Event type that carries it.',
  fields: (t) => ({
    kind: t.string({ resolve: ([kind]) => kind }),
    family: t.string({ description: 'The Event type of its events.', resolve: ([, spec]) => spec.family }),
    description: t.string({ resolve: ([, spec]) => spec.description }),
    serverWide: t.boolean({
      description: 'About roles: seen on every database of the server.',
      resolve: ([, spec]) => spec.audience === 'server',
    }),
    adminsOnly: t.boolean({ resolve: ([, spec]) => spec.audience === 'admins' }),
    driftable: t.boolean({
      description: 'Also found when made outside Rolecall (psql), as EXTERNAL.',
      resolve: ([, spec]) => spec.driftable === true,
    }),
  }),
});

builder.queryField('eventKinds', (t) =>
  t.field({
    type: [EventKindRef],
    description: 'Every kind of event the log records (to filter by, and to word them).',
    resolve: () => (Object.entries(EVENT_KINDS) as [string, KindSpec][]).filter(([, spec]) => spec.streamOnly !== true),
  }),
);

interface EventPage {
  events: EventRow[];
  nextCursor: bigint | null;
}

const EventPageRef = builder.objectRef<EventPage>('EventPage').implement({
  fields: (t) => ({
    events: t.field({ type: [EventInterface], resolve: (page) => page.events }),
    nextCursor: t.field({
      type: 'BigCursor',
      nullable: true,
      description: 'Pass as `after` for the next page; null at the end.',
      resolve: (page) => page.nextCursor,
    }),
  }),
});

/** Payload keys that name the object a change is about. */
const OBJECT_KEYS = ['object'];
/** Payload keys that name a role a change is about. */
const ROLE_KEYS = ['name', 'newName', 'role', 'member', 'grantee', 'previousOwner', 'newOwner', 'owner'];

/** A name with a NUL names nothing (and jsonb cannot even hold one to compare). */
const naming = (keys: string[], value: string): Prisma.EventWhereInput =>
  value.includes('\0') ? { id: { lt: 0 } } : { OR: keys.map((key) => ({ payload: { path: [key], equals: value } })) };
const aboutObject = (object: string) => naming(OBJECT_KEYS, object);
// A role set's members are a list: `members` holds it when it is one of them.
const aboutRole = (role: string): Prisma.EventWhereInput =>
  role.includes('\0')
    ? naming(ROLE_KEYS, role)
    : { OR: [naming(ROLE_KEYS, role), { payload: { path: ['members'], array_contains: [role] } }] };

/**
 * The audit log as the viewer may see it, the same events their live stream gives: all for admins, their databases'
 * (with their servers' role events) for others; a database's log includes the role events of its server.
 */
async function auditQuery(
  context: Context,
  filter: {
    databaseId?: string | null;
    actorId?: string | null;
    kinds?: string[] | null;
    since?: Date | null;
    until?: Date | null;
    object?: string | null;
    role?: string | null;
  },
) {
  const viewer = requireViewer(context.viewer);
  const access = new EventAccess(context.metadata, viewer.user.id);
  await access.refresh();
  const where: Prisma.EventWhereInput = {
    AND: [
      {
        actorId: filter.actorId ?? undefined,
        kind: filter.kinds ? { in: filter.kinds } : undefined,
        createdAt: { gte: filter.since ?? undefined, lte: filter.until ?? undefined },
      },
      filter.databaseId ? await databaseEventsWhere(context.metadata, filter.databaseId) : {},
      filter.object ? aboutObject(filter.object) : {},
      filter.role ? aboutRole(filter.role) : {},
      access.logScope(),
    ],
  };
  return { access, where };
}

builder.queryField('auditLog', (t) =>
  t.field({
    type: EventPageRef,
    description: 'The event log, newest first, filtered; `after` continues from a previous page.',
    errors: { types: EXPECTED_ERRORS },
    args: {
      databaseId: t.arg.id(),
      actorId: t.arg.id(),
      kinds: t.arg.stringList(),
      since: t.arg({ type: 'DateTime' }),
      until: t.arg({ type: 'DateTime' }),
      object: t.arg.string({ description: 'Only changes to this object: a database, a schema, or schema.table.' }),
      role: t.arg.string({
        description: 'Only changes about this role: made to it, granted to it or in it, or giving it ownership.',
      }),
      after: t.arg({ type: 'BigCursor', description: 'Return events older than this cursor.' }),
      first: t.arg.int({ defaultValue: 50 }),
    },
    resolve: async (_root, args, context) => {
      const actorId = args.actorId ? localId(String(args.actorId), 'User') : null;
      const { access, where } = await auditQuery(context, {
        ...args,
        databaseId: args.databaseId ? localId(String(args.databaseId), 'Database') : null,
        actorId,
        kinds: kindFilter(args.kinds),
      });
      const take = Math.min(Math.max(args.first ?? 50, 1), 500);
      const events = await context.metadata.event.findMany({
        where: { AND: [where, args.after ? { id: { lt: args.after } } : {}] },
        orderBy: { id: 'desc' },
        take: take + 1,
      });
      const page = events.slice(0, take);
      return {
        events: page
          .map((event) => access.view(event))
          // A stripped view names no actor: filtering by actor must not reveal who made it either.
          .filter((event): event is EventRow => event !== null && (!actorId || event.actorId === actorId)),
        nextCursor: events.length > take ? (page.at(-1)?.id ?? null) : null,
      };
    },
  }),
);

builder.subscriptionType({});

builder.subscriptionField('events', (t) =>
  t.field({
    type: EventInterface,
    description:
      'Every change the viewer may see, live: for one database, for one server (its role events), or everything. With `after`, first replays what was missed since that cursor, then goes live — nothing lost, nothing doubled.',
    args: {
      databaseId: t.arg.id(),
      serverId: t.arg.id(),
      kinds: t.arg.stringList(),
      after: t.arg({ type: 'BigCursor' }),
    },
    subscribe: (_root, args, context) => {
      const viewer = requireViewer(context.viewer);
      const filter = {
        databaseId: args.databaseId ? localId(String(args.databaseId), 'Database') : null,
        serverId: args.serverId ? localId(String(args.serverId), 'Server') : null,
        kinds: kindFilter(args.kinds),
      };
      return eventStream(context.metadata, context.bus, viewer.user.id, filter, args.after ?? null, viewer.via);
    },
    resolve: (event) => event,
  }),
);
