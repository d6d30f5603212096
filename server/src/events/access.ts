import type { Event, Prisma } from '../generated/prisma/client.js';
import type { Metadata } from '../metadata/client.js';
import { ACCESS_CHANGING_KINDS, ADMIN_ONLY_KINDS, SERVER_WIDE_KINDS } from './kinds.js';
import type { InvitationPayload, MembershipPayload, RolePayload } from './payloads.js';

const SERVER_WIDE = new Set(SERVER_WIDE_KINDS);
const ADMIN_ONLY = new Set(ADMIN_ONLY_KINDS);
const ACCESS_CHANGING = new Set(ACCESS_CHANGING_KINDS);

export function isServerWide(event: Pick<Event, 'kind'>): boolean {
  return SERVER_WIDE.has(event.kind);
}

/**
 * What a role event says about roles; its SQL, warnings and other databases' names belong to the database it ran in.
 * Typed against the payloads (payloads.ts), so a field renamed there cannot silently drop out here.
 */
const ROLE_KEYS: (keyof RolePayload | keyof MembershipPayload | 'actingRole')[] = [
  'name',
  'newName',
  'login',
  'changes',
  'reassignTo',
  'role',
  'member',
  'grantor',
  'members',
  'added',
  'removed',
  'admin',
  'inherit',
  'set',
  'actingRole',
];
/** What the invitee already sees in their own invitations list. */
const INVITATION_KEYS: (keyof InvitationPayload)[] = ['invitationId', 'email', 'access', 'role', 'status', 'expiresAt'];

function pick(payload: Event['payload'], keys: string[]): Prisma.JsonObject {
  const source = (payload ?? {}) as Prisma.JsonObject;
  return Object.fromEntries(keys.filter((key) => key in source).map((key) => [key, source[key] ?? null]));
}

/** One reduced copy per event (a kind is either server-wide or an invitation), shared by every subscriber given it. */
const views = new WeakMap<Event, Event>();

/**
 * The event without anything of the database it was made in: no database id, no SQL, only the listed payload, and
 * without who made it unless `keepActor` (an invitee sees who invited them; a role changed through another database
 * was changed by someone this viewer may not look up).
 */
function outsideView(event: Event, keys: string[], keepActor: boolean): Event {
  let view = views.get(event);
  if (!view) {
    view = {
      ...event,
      databaseId: null,
      actorId: keepActor ? event.actorId : null,
      sql: [],
      payload: pick(event.payload, keys),
    };
    views.set(event, view);
  }
  return view;
}

function readRights(metadata: Metadata, userId: string) {
  return metadata.user.findUnique({
    where: { id: userId },
    include: { collaborators: { include: { database: { select: { serverId: true } } } } },
  });
}

/** The event may have changed who sees what (rights are re-read before it is delivered). */
export function mayChangeAccess(event: Event): boolean {
  return ACCESS_CHANGING.has(event.kind);
}

type Rights = Awaited<ReturnType<typeof readRights>>;

/** What a read of a user's rights comes to; never changed once made. */
interface Held {
  isActive: boolean;
  isAdmin: boolean;
  databaseIds: ReadonlySet<string>;
  serverIds: ReadonlySet<string>;
  /** The user's proven address; null while unproven. */
  email: string | null;
  username: string | null;
}

const NOTHING_HELD: Held = {
  isActive: false,
  isAdmin: false,
  databaseIds: new Set(),
  serverIds: new Set(),
  email: null,
  username: null,
};

/** By read: the subscriptions of a user share one read (below), and so what it comes to. */
const heldByRead = new WeakMap<NonNullable<Rights>, Held>();

function held(user: Rights): Held {
  if (!user) return NOTHING_HELD;
  let rights = heldByRead.get(user);
  if (!rights) {
    rights = {
      isActive: user.isActive,
      isAdmin: user.isAdmin,
      databaseIds: new Set(user.collaborators.map((collaborator) => collaborator.databaseId)),
      serverIds: new Set(user.collaborators.map((collaborator) => collaborator.database.serverId)),
      // Invitations reach an account only through a proven address: an unproven one is a claim anyone could type.
      email: user.emailVerifiedAt ? user.email.trim().toLowerCase() : null,
      username: user.username,
    };
    heldByRead.set(user, rights);
  }
  return rights;
}

/**
 * The read of each user's rights made after an access event, by metadata store: every subscription of that user
 * (tabs, dashboards, a CLI watch) shares it instead of each querying again.
 */
const readsAfterEvent = new WeakMap<Metadata, Map<string, { eventId: bigint; rights: Promise<Rights> }>>();

/** The latest read of each user's rights for subscriptions starting at one bus position (see `refresh`). */
const startingReads = new WeakMap<Metadata, Map<string, { asOf: bigint; rights: Promise<Rights> }>>();

/**
 * What one user may see of the event stream, kept current as events arrive: admins see everything; others see
 * the events of databases they collaborate on and the server-wide (role) events of those databases' servers.
 */
export class EventAccess {
  private rights: Held = NOTHING_HELD;

  constructor(
    private readonly metadata: Metadata,
    private readonly userId: string,
  ) {}

  /**
   * Reads the user's rights. With `asOf` (the event bus's position when the caller subscribed), subscriptions of the
   * same user starting at the same position share one read: it began after every event up to there had committed,
   * and what comes after reaches each of them through `observe`. A reconnect storm then costs a query per user.
   */
  async refresh(asOf?: bigint): Promise<void> {
    if (asOf === undefined) return this.apply(await readRights(this.metadata, this.userId));
    let reads = startingReads.get(this.metadata);
    if (!reads) {
      reads = new Map();
      startingReads.set(this.metadata, reads);
    }
    let read = reads.get(this.userId);
    if (read?.asOf !== asOf) {
      const started = { asOf, rights: readRights(this.metadata, this.userId) };
      read = started;
      reads.set(this.userId, started);
      started.rights.catch(() => {
        if (reads.get(this.userId) === started) reads.delete(this.userId);
      });
    }
    this.apply(await read.rights);
  }

  private apply(user: Rights): void {
    this.rights = held(user);
  }

  private get isActive(): boolean {
    return this.rights.isActive;
  }

  private get isAdmin(): boolean {
    return this.rights.isAdmin;
  }

  private get databaseIds(): ReadonlySet<string> {
    return this.rights.databaseIds;
  }

  private get serverIds(): ReadonlySet<string> {
    return this.rights.serverIds;
  }

  private get email(): string | null {
    return this.rights.email;
  }

  private get username(): string | null {
    return this.rights.username;
  }

  /** Re-reads the user's rights when the event may have changed them (once per user and event). */
  async observe(event: Event): Promise<void> {
    if (!mayChangeAccess(event)) return;
    let reads = readsAfterEvent.get(this.metadata);
    if (!reads) {
      reads = new Map();
      readsAfterEvent.set(this.metadata, reads);
    }
    let read = reads.get(this.userId);
    if (read?.eventId !== event.id) {
      read = { eventId: event.id, rights: readRights(this.metadata, this.userId) };
      reads.set(this.userId, read);
    }
    this.apply(await read.rights);
  }

  get active(): boolean {
    return this.isActive;
  }

  canSeeDatabase(databaseId: string): boolean {
    return this.isActive && (this.isAdmin || this.databaseIds.has(databaseId));
  }

  canSeeServer(serverId: string): boolean {
    return this.isActive && (this.isAdmin || this.serverIds.has(serverId));
  }

  /**
   * The log's events this user may read back, as a query: what `view` passes, so the log and the live stream agree
   * (all for admins; else their databases' events, their servers' events that name no database, their servers' role
   * events, changes to their own account and their own invitations; `view` strips the last ones).
   */
  logScope(): Prisma.EventWhereInput {
    if (!this.isActive) return { id: { lt: 0 } };
    if (this.isAdmin) return {};
    const serverIds = [...this.serverIds];
    const scope: Prisma.EventWhereInput[] = [
      { databaseId: { in: [...this.databaseIds] } },
      { databaseId: null, serverId: { in: serverIds } },
      { serverId: { in: serverIds }, kind: { in: [...SERVER_WIDE_KINDS] } },
    ];
    if (this.username) scope.push({ kind: 'user.updated', payload: { path: ['user'], equals: this.username } });
    // Invitations store their address trimmed and lowercased, the form `email` holds here.
    if (this.email)
      scope.push({ kind: { startsWith: 'invitation.' }, payload: { path: ['email'], equals: this.email } });
    return { AND: [{ kind: { notIn: [...ADMIN_ONLY_KINDS] } }, { OR: scope }] };
  }

  /**
   * The event as this user may see it, or null: whole for its databases (or server-level events of their servers),
   * without its database for a role change made through a database they cannot see on a server they can, and their
   * own invitations' status without the database's SQL, and the changes made to their own account.
   */
  view(event: Event): Event | null {
    if (!this.isActive) return null;
    if (this.isAdmin) return event;
    if (ADMIN_ONLY.has(event.kind)) return null;
    if (event.databaseId && this.databaseIds.has(event.databaseId)) return event;
    const onTheirServer = event.serverId !== null && this.serverIds.has(event.serverId);
    if (this.isAboutThem(event)) return event;
    if (!event.databaseId) return onTheirServer ? event : null;
    if (onTheirServer && isServerWide(event)) return outsideView(event, ROLE_KEYS, false);
    if (this.isOwnInvitation(event)) return outsideView(event, INVITATION_KEYS, true);
    return null;
  }

  /** An admin changed their own account (made them admin, renamed them): their account page shows it. */
  private isAboutThem(event: Event): boolean {
    if (event.kind !== 'user.updated' || !this.username) return false;
    return (event.payload as { user?: unknown } | null)?.user === this.username;
  }

  private isOwnInvitation(event: Event): boolean {
    if (!event.kind.startsWith('invitation.') || !this.email) return false;
    const email = (event.payload as { email?: unknown } | null)?.email;
    return typeof email === 'string' && email.trim().toLowerCase() === this.email;
  }
}
