import { encodeGlobalID } from '@pothos/plugin-relay';
import { type AccessExport, type ExportFormat, exportReport } from '../access/export.js';
import type { ObjectLabel } from '../access/objects.js';
import { type AccessSubject, type AccessSubjectInput, accessReport, type ReportSource } from '../access/report.js';
import type { AccessPath, AccessRow } from '../access/rows.js';
import {
  type AccessChange,
  deleteSnapshot,
  diffRows,
  eventsBehind,
  laterSide,
  rowsOfSnapshot,
  type SnapshotSummary,
  saveSnapshot,
  snapshotIn,
  snapshotsOf,
} from '../access/snapshots.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../errors.js';
import { EventAccess } from '../events/access.js';
import type { Event, AccessSnapshot as SnapshotRow } from '../generated/prisma/client.js';
import type { AccessImpact } from '../impact/model.js';
import { requireViewer } from '../policy/capabilities.js';
import { catalogFor } from '../scope/viewer-connections.js';
import { type CatalogShape, DatabaseCatalog } from './catalog.js';
import { SourceKind } from './effective.js';
import { AS_VIEWER_ROLE } from './errors.js';
import { EventInterface } from './events.js';
import { localId, Removed } from './ids.js';
import { AccessImpactRef } from './impact.js';
import { listConnection } from './lists.js';
import { ObjectKindEnum } from './objects.js';
import { ObjectRef } from './permissions.js';

const SubjectKind = builder.enumType('AccessSubjectKind', {
  values: {
    ROLE: { description: 'Everything one role can use in the database.' },
    COLLABORATOR: { description: 'Everything a collaborator can use, through the role they work as.' },
    SCHEMA: { description: 'Every role that can use the schema or anything in it.' },
    OBJECT: { description: 'Every role that can use one object.' },
  } as const,
});

const AccessSubjectInputRef = builder.inputType('AccessSubjectInput', {
  description:
    'What an access review is about: exactly one of a role, a collaborator (their username), a schema, or an object.',
  fields: (t) => ({
    role: t.string(),
    collaborator: t.string({ description: "A collaborator's username on this database." }),
    schema: t.string(),
    object: t.field({ type: ObjectRef }),
  }),
});

const AccessObject = builder.objectRef<ObjectLabel>('AccessObject').implement({
  description: 'An object of an access review, named as an ObjectRef names it.',
  fields: (t) => ({
    kind: t.field({ type: ObjectKindEnum, resolve: (object) => object.kind }),
    schema: t.exposeString('schema', { nullable: true, description: 'Its schema; a schema’s own name.' }),
    name: t.exposeString('name', {
      description: 'Its own name: a column’s table’s, a function’s without arguments, a large object’s OID.',
    }),
    column: t.exposeString('column', { nullable: true }),
    arguments: t.exposeString('arguments', { nullable: true, description: 'FUNCTION: its argument types.' }),
    label: t.exposeString('label', {
      description: 'db, schema, schema.table, schema.table.column, schema.function(arguments), or the name.',
    }),
  }),
});

const AccessSubjectRef = builder.objectRef<Omit<AccessSubject, 'input'>>('AccessSubject').implement({
  fields: (t) => ({
    kind: t.field({ type: SubjectKind, resolve: (subject) => subject.kind }),
    label: t.exposeString('label', { description: 'The role, the username, the schema, or the object’s label.' }),
    role: t.exposeString('role', { nullable: true, description: 'ROLE and COLLABORATOR: the role reported on.' }),
    object: t.field({ type: AccessObject, nullable: true, resolve: (subject) => subject.object }),
  }),
});

const AccessPathRef = builder.objectRef<AccessPath>('AccessPath').implement({
  description: 'One reason a role holds a privilege.',
  fields: (t) => ({
    source: t.field({ type: SourceKind, resolve: (path) => path.source }),
    roles: t.exposeStringList('roles', {
      description:
        'From the role to the grantee (or owner, or predefined role), along INHERIT memberships; just the role when direct; empty for PUBLIC and SUPERUSER.',
    }),
    grantor: t.exposeString('grantor', { nullable: true }),
    grantable: t.exposeBoolean('grantable', { description: 'This source carries the grant option.' }),
  }),
});

const AccessRowRef = builder.objectRef<AccessRow>('AccessRow').implement({
  description:
    'One effective privilege of one role on one object, with every path to it. `isPublic`: what every role holds through PUBLIC alone (in reports of a schema or an object), named PUBLIC. A column’s rows give only what its table does not.',
  fields: (t) => ({
    role: t.exposeString('role'),
    isPublic: t.exposeBoolean('isPublic', {
      description: 'The row is PUBLIC’s, not a role’s: every role holds it (a role may also be named "PUBLIC").',
    }),
    collaborators: t.exposeStringList('collaborators', {
      description: "Usernames of this database's collaborators who work through the role.",
    }),
    object: t.field({ type: AccessObject, resolve: (row) => row.object }),
    privilege: t.exposeString('privilege'),
    grantable: t.exposeBoolean('grantable', { description: 'The role may grant it (WITH GRANT OPTION).' }),
    paths: t.field({ type: [AccessPathRef], resolve: (row) => row.paths }),
  }),
});

interface ReportShape {
  subject: Omit<AccessSubject, 'input'>;
  rows: AccessRow[];
}

const AccessReportRef = builder.objectRef<ReportShape>('AccessReport').implement({
  description: 'Every effective privilege of the subject, each with its paths.',
  fields: (t) => ({
    subject: t.field({ type: AccessSubjectRef, resolve: (report) => report.subject }),
    rowCount: t.int({ resolve: (report) => report.rows.length }),
    rows: t.connection({
      type: AccessRowRef,
      description: 'A page of the rows: the database, then each schema and its objects; by role name within one.',
      resolve: (report, args) => listConnection(args, report.rows),
    }),
  }),
});

const ExportFormatEnum = builder.enumType('AccessExportFormat', {
  values: {
    CSV: { description: 'One line per row and path; lists are JSON arrays in their cell.' },
    JSON: { description: 'The subject and the rows, paths nested.' },
  } as const,
});

const AccessExportRef = builder.objectRef<AccessExport>('AccessExport').implement({
  description: 'A report as a file, made on the server.',
  fields: (t) => ({
    format: t.field({ type: ExportFormatEnum, resolve: (file) => file.format }),
    fileName: t.exposeString('fileName'),
    contentType: t.exposeString('contentType'),
    content: t.exposeString('content'),
    rowCount: t.exposeInt('rowCount'),
  }),
});

const snapshotId = (id: string) => encodeGlobalID('AccessSnapshot', id);

/** A snapshot's rows are read only when asked for. */
type SnapshotShape = SnapshotSummary | SnapshotRow;

const AccessSnapshotRef = builder.objectRef<SnapshotShape>('AccessSnapshot').implement({
  description: 'A saved access report: its rows as they were, to compare with a later one.',
  fields: (t) => ({
    id: t.id({ resolve: (snapshot) => snapshotId(snapshot.id) }),
    subject: t.field({
      type: AccessSubjectRef,
      resolve: (snapshot) => ({
        kind: snapshot.subjectKind as AccessSubject['kind'],
        label: snapshot.subjectLabel,
        role: (snapshot.subject as AccessSubjectInput | null)?.role ?? null,
        object: null,
      }),
    }),
    note: t.exposeString('note', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    createdBy: t.string({
      nullable: true,
      description: 'The username of whoever saved it (null once that user is deleted).',
      resolve: async (snapshot, _args, context) =>
        snapshot.createdById ? ((await context.loaders.users.load(snapshot.createdById))?.username ?? null) : null,
    }),
    rowCount: t.exposeInt('rowCount'),
    rows: t.connection({
      type: AccessRowRef,
      resolve: async (snapshot, args, context) => {
        const full =
          'rows' in snapshot ? snapshot : await snapshotIn(context.metadata, snapshot.databaseId, snapshot.id);
        return listConnection(args, rowsOfSnapshot(full));
      },
    }),
  }),
});

const ChangeKindEnum = builder.enumType('AccessChangeKind', {
  values: {
    GAINED: { description: 'Held now, not before.' },
    LOST: { description: 'Held before, not now.' },
    GRANT_OPTION_GAINED: { description: 'Held both times; grantable now only.' },
    GRANT_OPTION_LOST: { description: 'Held both times; grantable before only.' },
  } as const,
});

const AccessChangeRef = builder.objectRef<AccessChange>('AccessChange').implement({
  fields: (t) => ({
    change: t.field({ type: ChangeKindEnum, resolve: (change) => change.change }),
    row: t.field({
      type: AccessRowRef,
      description: 'The row as it is in the later report (as it was, when LOST).',
      resolve: (change) => change.row,
    }),
    before: t.field({
      type: AccessRowRef,
      nullable: true,
      description: 'A grant option change: the row as it was.',
      resolve: (change) => change.before,
    }),
  }),
});

interface DiffShape {
  from: SnapshotRow;
  to: SnapshotRow | null;
  toTime: Date;
  changes: AccessChange[];
  databaseId: string;
}

const AccessSnapshotDiffRef = builder.objectRef<DiffShape>('AccessSnapshotDiff').implement({
  description: 'What changed in access between two snapshots of one subject, or since one of them.',
  fields: (t) => ({
    from: t.field({ type: AccessSnapshotRef, resolve: (diff) => diff.from }),
    to: t.field({
      type: AccessSnapshotRef,
      nullable: true,
      description: 'Null: compared with the report as it is now.',
      resolve: (diff) => diff.to,
    }),
    toTime: t.expose('toTime', { type: 'DateTime', description: 'When the later side was read.' }),
    gainedCount: t.int({ resolve: (diff) => diff.changes.filter((change) => change.change === 'GAINED').length }),
    lostCount: t.int({ resolve: (diff) => diff.changes.filter((change) => change.change === 'LOST').length }),
    changes: t.connection({
      type: AccessChangeRef,
      description:
        'Rows gained and grant option changes, in the later report’s order, then rows lost, in the earlier’s.',
      resolve: (diff, args) => listConnection(args, diff.changes),
    }),
    events: t.field({
      type: [EventInterface],
      description:
        "The database's events (its server's role events too) recorded between the two, about the roles (those on the rows' paths included) or objects of the changes: what caused them, as far as the log knows.",
      resolve: (diff, _args, context): Promise<Event[]> =>
        eventsBehind(context, diff.databaseId, diff.from.createdAt, diff.toTime, diff.changes),
    }),
  }),
});

const sourceOf = (catalog: CatalogShape, context: Context): ReportSource => ({
  databaseId: catalog.databaseId,
  reader: catalog.reader,
  metadata: context.metadata,
});

const withoutInput = ({ input: _, ...subject }: AccessSubject) => subject;

builder.objectFields(DatabaseCatalog, (t) => ({
  accessReport: t.field({
    type: AccessReportRef,
    description:
      'An access review: every effective privilege of a role, of a collaborator (their role), or on a schema (and everything in it) or an object (every role that holds something there), each with every path to it.',
    errors: { types: [...AS_VIEWER_ROLE, ValidationError] },
    args: { subject: t.arg({ type: AccessSubjectInputRef, required: true }) },
    resolve: async (catalog, args, context) => {
      const report = await accessReport(sourceOf(catalog, context), args.subject as AccessSubjectInput);
      return { subject: withoutInput(report.subject), rows: report.rows };
    },
  }),
  accessReportExport: t.field({
    type: AccessExportRef,
    description: 'The same report as a CSV or JSON file (its content; `fileName` to save it as).',
    errors: { types: [...AS_VIEWER_ROLE, ValidationError] },
    args: {
      subject: t.arg({ type: AccessSubjectInputRef, required: true }),
      format: t.arg({ type: ExportFormatEnum, required: true }),
    },
    resolve: async (catalog, args, context) =>
      exportReport(
        await accessReport(sourceOf(catalog, context), args.subject as AccessSubjectInput),
        args.format as ExportFormat,
      ),
  }),
  accessSnapshots: t.connection({
    type: AccessSnapshotRef,
    description: "This database's saved access reports, newest first.",
    resolve: async (catalog, args, context) =>
      listConnection(args, await snapshotsOf(context.metadata, catalog.databaseId)),
  }),
  accessSnapshotDiff: t.field({
    type: AccessSnapshotDiffRef,
    description:
      'What changed in access between two snapshots of one subject (`to` omitted: between `from` and now), with the events behind it.',
    errors: { types: [...AS_VIEWER_ROLE, ValidationError] },
    args: { from: t.arg.id({ required: true }), to: t.arg.id() },
    resolve: async (catalog, args, context) => {
      const from = await snapshotIn(context.metadata, catalog.databaseId, localId(String(args.from), 'AccessSnapshot'));
      const to = args.to
        ? await snapshotIn(context.metadata, catalog.databaseId, localId(String(args.to), 'AccessSnapshot'))
        : null;
      if (to && to.createdAt < from.createdAt)
        throw new ValidationError('to', 'Compare a snapshot with a later one: `to` was saved before `from`.');
      const later = await laterSide(sourceOf(catalog, context), from, to);
      return {
        from,
        to,
        toTime: later.at,
        changes: diffRows(rowsOfSnapshot(from), later.rows),
        databaseId: catalog.databaseId,
      };
    },
  }),
}));

builder.mutationFields((t) => ({
  saveAccessSnapshot: t.field({
    type: AccessSnapshotRef,
    description:
      "Saves the access report of a subject as it is now, to compare later ('what changed since the last review').",
    errors: { types: [...AS_VIEWER_ROLE, ValidationError] },
    args: {
      databaseId: t.arg.id({ required: true }),
      subject: t.arg({ type: AccessSubjectInputRef, required: true }),
      note: t.arg.string(),
    },
    resolve: async (_root, args, context) => {
      const viewer = requireViewer(context.viewer);
      const databaseId = localId(String(args.databaseId), 'Database');
      const source = { databaseId, reader: catalogFor(context, databaseId), metadata: context.metadata };
      return saveSnapshot(source, context.events, viewer.user.id, args.subject as AccessSubjectInput, args.note);
    },
  }),
  deleteAccessSnapshot: t.field({
    type: Removed,
    description: 'Deletes a snapshot; only whoever saved it may.',
    errors: { types: [UnauthenticatedError, ForbiddenError, NotFoundError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, context) => {
      await deleteSnapshot(context, localId(String(args.id), 'AccessSnapshot'));
      return { id: String(args.id) };
    },
  }),
}));

/**
 * The impact one event of a database carries, as the viewer may see it: what Activity loads when an event is opened
 * (its list would pass the cost limit with every event's impact in it).
 */
async function eventImpact(context: Context, databaseId: string, cursor: bigint): Promise<AccessImpact | null> {
  const viewer = requireViewer(context.viewer);
  const access = new EventAccess(context.metadata, viewer.user.id);
  await access.refresh();
  if (!access.canSeeDatabase(databaseId)) return null;
  const event = await context.metadata.event.findFirst({ where: { id: cursor, databaseId } });
  const seen = event && access.view(event);
  return ((seen?.payload ?? {}) as { impact?: AccessImpact | null }).impact ?? null;
}

builder.queryField('eventImpact', (t) =>
  t.field({
    type: AccessImpactRef,
    nullable: true,
    description:
      "Who gained and who lost what through one applied change of the database (its event's impact, capped at 20 roles a group, counts exact), by the event's cursor. Null when the event has none (changes made outside Rolecall, kinds without one) or is not one the viewer may see.",
    errors: { types: [UnauthenticatedError] },
    args: {
      databaseId: t.arg.id({ required: true }),
      cursor: t.arg({ type: 'BigCursor', required: true }),
    },
    resolve: (_root, args, context) =>
      eventImpact(context, localId(String(args.databaseId), 'Database'), BigInt(args.cursor)),
  }),
);
