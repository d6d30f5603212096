import type { Context } from '../context.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { EventAccess } from '../events/access.js';
import type { EventLog } from '../events/log.js';
import { databaseEventsWhere } from '../events/stream.js';
import type { AccessSnapshot, Event, Prisma } from '../generated/prisma/client.js';
import { requireViewer } from '../policy/capabilities.js';
import { type AccessReport, type AccessSubjectInput, accessReport, type ReportSource } from './report.js';
import { type AccessRow, privilegeKey, rowKey } from './rows.js';

/** A snapshot keeps its rows in one JSON value: beyond this a report is too wide to keep, and should be narrowed. */
export const MAX_SNAPSHOT_ROWS = 200_000;
const MAX_NOTE_LENGTH = 2_000;
/** The events a diff looks through for causes, at most (the newest ones of the interval are kept). */
const MAX_EVENTS_SCANNED = 5_000;

/** A snapshot without its rows: what lists show. */
export type SnapshotSummary = Omit<AccessSnapshot, 'rows'>;

const SUMMARY = {
  id: true,
  databaseId: true,
  subject: true,
  subjectKind: true,
  subjectLabel: true,
  note: true,
  createdById: true,
  createdAt: true,
  rowCount: true,
} satisfies Prisma.AccessSnapshotSelect;

/** What records a snapshot's saving and deletion: the event log, in the snapshot's own metadata transaction. */
export type SnapshotEvents = Pick<EventLog, 'record'>;

/** The event a snapshot's saving or deletion is recorded as (its database's server is the event's too). */
async function recordSnapshotEvent(
  tx: Prisma.TransactionClient,
  events: SnapshotEvents,
  kind: 'access_snapshot.saved' | 'access_snapshot.deleted',
  actorId: string,
  snapshot: SnapshotSummary,
): Promise<void> {
  const database = await tx.database.findUniqueOrThrow({
    where: { id: snapshot.databaseId },
    select: { serverId: true },
  });
  await events.record(tx, {
    kind,
    actorId,
    serverId: database.serverId,
    databaseId: snapshot.databaseId,
    payload: {
      snapshotId: snapshot.id,
      subjectKind: snapshot.subjectKind,
      subjectLabel: snapshot.subjectLabel,
      note: snapshot.note,
      rowCount: snapshot.rowCount,
    },
  });
}

export async function saveSnapshot(
  source: ReportSource,
  events: SnapshotEvents,
  userId: string,
  input: AccessSubjectInput,
  note: string | null | undefined,
): Promise<SnapshotSummary> {
  // A database the viewer cannot reach is NotFound (or Forbidden) whatever else the input says.
  await source.reader.features();
  if (note != null && note.length > MAX_NOTE_LENGTH)
    throw new ValidationError('note', `A note has at most ${MAX_NOTE_LENGTH} characters.`);
  const report = await accessReport(source, input);
  if (report.rows.length > MAX_SNAPSHOT_ROWS)
    throw new ValidationError(
      'subject',
      `The report has ${report.rows.length} rows; a snapshot keeps at most ${MAX_SNAPSHOT_ROWS}: review a narrower subject.`,
    );
  return source.metadata.$transaction(async (tx) => {
    const snapshot = await tx.accessSnapshot.create({
      data: {
        databaseId: source.databaseId,
        subject: report.subject.input as Prisma.InputJsonValue,
        subjectKind: report.subject.kind,
        subjectLabel: report.subject.label,
        note: note?.trim() || null,
        createdById: userId,
        rowCount: report.rows.length,
        rows: report.rows as unknown as Prisma.InputJsonValue,
      },
      select: SUMMARY,
    });
    await recordSnapshotEvent(tx, events, 'access_snapshot.saved', userId, snapshot);
    return snapshot;
  });
}

export function snapshotsOf(metadata: Context['metadata'], databaseId: string): Promise<SnapshotSummary[]> {
  return metadata.accessSnapshot.findMany({
    where: { databaseId },
    select: SUMMARY,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
}

/** A snapshot of this database (any other id, of another database included, names nothing here). */
export async function snapshotIn(
  metadata: Context['metadata'],
  databaseId: string,
  id: string,
): Promise<AccessSnapshot> {
  const snapshot = await metadata.accessSnapshot.findFirst({ where: { id, databaseId } });
  if (!snapshot) throw new NotFoundError('access snapshot');
  return snapshot;
}

export function rowsOfSnapshot(snapshot: AccessSnapshot): AccessRow[] {
  return snapshot.rows as unknown as AccessRow[];
}

/**
 * Only whoever saved a snapshot deletes it: a review is evidence. Anyone else who collaborates on its database is
 * refused; anyone who does not is told it does not exist.
 */
export async function deleteSnapshot(context: Context, id: string): Promise<{ id: string }> {
  const viewer = requireViewer(context.viewer);
  const snapshot = await context.metadata.accessSnapshot.findFirst({
    where: { id, database: { collaborators: { some: { userId: viewer.user.id } } } },
    select: SUMMARY,
  });
  if (!snapshot) throw new NotFoundError('access snapshot');
  if (snapshot.createdById !== viewer.user.id) throw new ForbiddenError('Only whoever saved a snapshot may delete it.');
  await context.metadata.$transaction(async (tx) => {
    await tx.accessSnapshot.delete({ where: { id } });
    await recordSnapshotEvent(tx, context.events, 'access_snapshot.deleted', viewer.user.id, snapshot);
  });
  return { id };
}

export type ChangeKind = 'GAINED' | 'LOST' | 'GRANT_OPTION_GAINED' | 'GRANT_OPTION_LOST';

export interface AccessChange {
  change: ChangeKind;
  /** The row as it is in the later report (as it was, for LOST). */
  row: AccessRow;
  /** GRANT_OPTION_*: the row as it was. */
  before: AccessRow | null;
}

/**
 * A report of holders leaves out a role's privileges that PUBLIC alone gives it (PUBLIC's row stands for every role):
 * the role's row as it would be, held through PUBLIC, when `rows` have PUBLIC holding that privilege.
 */
function heldThroughPublic(row: AccessRow, publicRows: ReadonlyMap<string, AccessRow>): AccessRow | undefined {
  if (row.isPublic) return undefined;
  const everyone = publicRows.get(privilegeKey(row));
  return everyone && { ...row, grantable: everyone.grantable, paths: everyone.paths };
}

/** PUBLIC's rows of a report by object and privilege. */
const publicRowsOf = (rows: readonly AccessRow[]) =>
  new Map(rows.filter((row) => row.isPublic).map((row) => [privilegeKey(row), row]));

/**
 * Rows gained and lost between two reports of one subject, and privileges whose grant option came or went. A role's
 * row that appears or goes while PUBLIC gives the privilege on that side is no gain or loss: the role held it anyway.
 */
export function diffRows(before: readonly AccessRow[], after: readonly AccessRow[]): AccessChange[] {
  const old = new Map(before.map((row) => [rowKey(row), row]));
  const [publicBefore, publicAfter] = [publicRowsOf(before), publicRowsOf(after)];
  const changes: AccessChange[] = [];
  const kept = new Set<string>();
  const grantOption = (row: AccessRow, was: AccessRow) => {
    if (was.grantable !== row.grantable)
      changes.push({ change: row.grantable ? 'GRANT_OPTION_GAINED' : 'GRANT_OPTION_LOST', row, before: was });
  };
  for (const row of after) {
    const key = rowKey(row);
    const was = old.get(key) ?? heldThroughPublic(row, publicBefore);
    kept.add(key);
    if (!was) changes.push({ change: 'GAINED', row, before: null });
    else grantOption(row, was);
  }
  for (const [key, row] of old) {
    if (kept.has(key)) continue;
    const now = heldThroughPublic(row, publicAfter);
    if (!now) changes.push({ change: 'LOST', row, before: null });
    else grantOption(now, row);
  }
  return changes;
}

/** Payload keys that name roles, and the one that names an object (schemas.ts and event-families.ts words). */
const ROLE_KEYS = ['name', 'newName', 'role', 'member', 'grantee', 'previousOwner', 'newOwner', 'owner', 'creator'];
const ROLE_LIST_KEYS = ['members', 'added', 'removed', 'grantees'];

/** The roles and objects the changes are about: their roles, every role on their paths, their objects' names. */
function touchedBy(changes: readonly AccessChange[]): { roles: Set<string>; objects: Set<string> } {
  const roles = new Set<string>();
  const objects = new Set<string>();
  for (const { row, before } of changes) {
    for (const { role, object, paths } of before ? [row, before] : [row]) {
      roles.add(role);
      for (const path of paths) for (const name of path.roles) roles.add(name);
      objects.add(object.label);
      if (object.kind === 'COLUMN' && object.schema) objects.add(`${object.schema}.${object.name}`);
    }
  }
  return { roles, objects };
}

function touches(event: Event, touched: { roles: Set<string>; objects: Set<string> }): boolean {
  const payload = (event.payload ?? {}) as Record<string, unknown>;
  if (typeof payload.object === 'string' && touched.objects.has(payload.object)) return true;
  for (const key of ROLE_KEYS) {
    const value = payload[key];
    if (typeof value === 'string' && touched.roles.has(value)) return true;
  }
  for (const key of ROLE_LIST_KEYS) {
    const value = payload[key];
    if (Array.isArray(value) && value.some((name) => typeof name === 'string' && touched.roles.has(name))) return true;
  }
  return false;
}

/**
 * The events of the database (its server's role events included) recorded between the two reports that are about
 * the roles or objects of the changes: what caused them, as far as the log knows. Seen as the viewer may see them.
 */
export async function eventsBehind(
  context: Context,
  databaseId: string,
  since: Date,
  until: Date,
  changes: readonly AccessChange[],
): Promise<Event[]> {
  if (changes.length === 0) return [];
  const viewer = requireViewer(context.viewer);
  const access = new EventAccess(context.metadata, viewer.user.id);
  await access.refresh();
  const events = await context.metadata.event.findMany({
    where: {
      AND: [
        await databaseEventsWhere(context.metadata, databaseId),
        { createdAt: { gt: since, lte: until } },
        access.logScope(),
      ],
    },
    orderBy: { id: 'desc' },
    take: MAX_EVENTS_SCANNED,
  });
  const touched = touchedBy(changes);
  return events
    .reverse()
    .filter((event) => touches(event, touched))
    .map((event) => access.view(event))
    .filter((event): event is Event => event !== null);
}

/** The later side of a diff: another snapshot of the same subject, or the report as it is now. */
export async function laterSide(
  source: ReportSource,
  from: AccessSnapshot,
  to: AccessSnapshot | null,
): Promise<{ rows: AccessRow[]; at: Date; report: AccessReport | null }> {
  if (to) {
    if (to.subjectKind !== from.subjectKind || JSON.stringify(to.subject) !== JSON.stringify(from.subject))
      throw new ValidationError('to', 'The two snapshots are of different subjects.');
    return { rows: rowsOfSnapshot(to), at: to.createdAt, report: null };
  }
  const report = await accessReport(source, from.subject as AccessSubjectInput);
  return { rows: report.rows, at: new Date(), report };
}
