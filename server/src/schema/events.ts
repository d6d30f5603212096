import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { UnauthenticatedError } from '../errors.js';
import { EventAccess } from '../events/access.js';
import { sharedActor } from '../events/actors.js';
import { EVENT_KINDS, familyOf, type KindSpec } from '../events/kinds.js';
import type { CommonPayload } from '../events/payloads.js';
import { databaseEventsWhere, eventStream } from '../events/stream.js';
import type { Event as EventRow, Prisma } from '../generated/prisma/client.js';
import { requireViewer } from '../policy/capabilities.js';
import { localId } from './ids.js';
import { User } from './user.js';

/** The fields every event's payload may have (each family's own are in event-families.ts). */
const common = (event: EventRow) => (event.payload ?? {}) as Partial<CommonPayload>;

const actorOf = (event: EventRow, _args: unknown, context: Context) =>
  sharedActor(event, (userId) => context.loaders.users.load(userId));

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
    errors: { types: [UnauthenticatedError] },
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
