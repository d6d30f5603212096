import { type EffectivePrivilege, effectivePrivilegesOn } from '../catalog/effective.js';
import { checkIdentifier } from '../catalog/identifiers.js';
import type { CatalogReader } from '../catalog/reader.js';
import type { RoleGraph } from '../catalog/role-graph.js';
import { byRolname, type PgRole } from '../catalog/roles.js';
import type { Context } from '../context.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { ObjectRefInput } from '../operations/permissions/objects.js';
import { collaboratorsByRole } from './collaborators-by-role.js';
import { HolderIndex } from './holders.js';
import { everyObject, namedObject, type ObjectLabel, type ReportObject, schemaAndContents } from './objects.js';
import { type AccessRow, EVERY_ROLE, onlyThroughPublic, RoleNames, rowsOf } from './rows.js';

/** What a review is about, as asked: exactly one of these. Snapshots keep it to compute the same report later. */
export interface AccessSubjectInput {
  role?: string | null;
  /** A collaborator's username: the report of the role they work through. */
  collaborator?: string | null;
  schema?: string | null;
  object?: ObjectRefInput | null;
}

export type SubjectKind = 'ROLE' | 'COLLABORATOR' | 'SCHEMA' | 'OBJECT';

/** The subject as found in the catalog. */
export interface AccessSubject {
  kind: SubjectKind;
  /** The role, the collaborator's username, the schema, or the object's label. */
  label: string;
  /** ROLE and COLLABORATOR: the role reported on. */
  role: string | null;
  object: ObjectLabel | null;
  /** What to ask again for the same report. */
  input: AccessSubjectInput;
}

export interface AccessReport {
  subject: AccessSubject;
  rows: AccessRow[];
}

/** A database as a report reads it: its catalog as the viewer's role, and its collaborators. */
export interface ReportSource {
  databaseId: string;
  reader: CatalogReader;
  metadata: Context['metadata'];
}

const holderIndexes = new WeakMap<RoleGraph, HolderIndex>();

/** The index of who holds what, kept with the shared membership graph (whoCanAccess and every report use it). */
export async function holderIndexOf(reader: CatalogReader): Promise<HolderIndex> {
  const [graph, memberships, roles, features, database] = await Promise.all([
    reader.sharedGraph(),
    reader.membershipIndex(),
    reader.roles(),
    reader.features(),
    reader.database(),
  ]);
  let index = holderIndexes.get(graph);
  if (!index) {
    index = new HolderIndex(graph, memberships, roles, features, database.datdba);
    holderIndexes.set(graph, index);
  }
  return index;
}

/**
 * A report is computed whole (then paged, exported or saved): past this many rows it is refused, before it takes the
 * server's memory, and the subject should be narrowed (a schema with thousands of roles on each of its tables …).
 */
export const MAX_REPORT_ROWS = 250_000;

function withinLimit(rows: readonly AccessRow[]): void {
  if (rows.length > MAX_REPORT_ROWS)
    throw new ValidationError(
      'subject',
      `The report has more than ${MAX_REPORT_ROWS} rows: review a narrower subject (a role, a table …).`,
    );
}

function chosenSubject(input: AccessSubjectInput): SubjectKind {
  const given = (
    [
      ['ROLE', input.role],
      ['COLLABORATOR', input.collaborator],
      ['SCHEMA', input.schema],
      ['OBJECT', input.object],
    ] as const
  ).filter(([, value]) => value != null);
  if (given.length !== 1)
    throw new ValidationError('subject', 'Name exactly one of role, collaborator, schema or object.');
  return (given[0] as readonly [SubjectKind, unknown])[0];
}

async function roleNamed(reader: CatalogReader, name: string): Promise<PgRole> {
  const role = await reader.roleByName(checkIdentifier(name, 'role'));
  if (!role) throw new NotFoundError(`role ${name}`);
  return role;
}

async function collaboratorRole(source: ReportSource, username: string): Promise<string> {
  const collaborator = await source.metadata.collaborator.findFirst({
    where: { databaseId: source.databaseId, user: { username } },
    select: { configuredRole: { select: { rolname: true } } },
  });
  if (!collaborator) throw new NotFoundError(`collaborator ${username}`);
  return collaborator.configuredRole.rolname;
}

/**
 * Every effective privilege of the subject with its paths: for a role (or a collaborator's role), everything it holds
 * in the database; for a schema or an object, every role that holds something there, by object then role name.
 */
export async function accessReport(source: ReportSource, input: AccessSubjectInput): Promise<AccessReport> {
  // A database the viewer cannot reach is NotFound (or Forbidden) whatever the subject says.
  await source.reader.features();
  const kind = chosenSubject(input);
  const collaborators = await collaboratorsByRole(source.databaseId, source.metadata);
  switch (kind) {
    case 'ROLE': {
      const role = await roleNamed(source.reader, input.role as string);
      const subject = { kind, label: role.rolname, role: role.rolname, object: null, input: { role: role.rolname } };
      return { subject, rows: await roleRows(source.reader, role, collaborators.get(role.rolname) ?? []) };
    }
    case 'COLLABORATOR': {
      const username = input.collaborator as string;
      const role = await roleNamed(source.reader, await collaboratorRole(source, username));
      const subject = { kind, label: username, role: role.rolname, object: null, input: { collaborator: username } };
      return { subject, rows: await roleRows(source.reader, role, collaborators.get(role.rolname) ?? []) };
    }
    case 'SCHEMA': {
      const schema = checkIdentifier(input.schema as string, 'schema');
      const objects = await schemaAndContents(source.reader, schema);
      const subject = { kind, label: schema, role: null, object: null, input: { schema } };
      return { subject, rows: await holderRows(source.reader, objects, collaborators) };
    }
    case 'OBJECT': {
      const ref = input.object as ObjectRefInput;
      const object = await namedObject(source.reader, ref);
      const { privileged: _, ...label } = object;
      const subject = { kind, label: object.label, role: null, object: label, input: { object: ref } };
      return { subject, rows: await holderRows(source.reader, [object], collaborators) };
    }
  }
}

/** A column's privileges that its table already gives the role: the table's row says so, the column's need not. */
function heldOnTable(parts: Parts, roleOid: number, object: ReportObject) {
  const table = object.privileged.table;
  if (object.kind !== 'COLUMN' || !table) return () => false;
  const held = new Set(
    effectivePrivilegesOn(parts.graph, roleOid, { kind: 'TABLE', ...table }, parts.features)
      .filter((privilege) => privilege.held)
      .map((privilege) => privilege.privilege),
  );
  return (privilege: EffectivePrivilege) => held.has(privilege.privilege);
}

type Parts = Awaited<ReturnType<typeof readerParts>>;

async function readerParts(reader: CatalogReader) {
  const [graph, features, rolesByOid, holders] = await Promise.all([
    reader.sharedGraph(),
    reader.features(),
    reader.rolesByOid(),
    holderIndexOf(reader),
  ]);
  return { graph, features, names: new RoleNames(rolesByOid), rolesByOid, holders };
}

async function roleRows(reader: CatalogReader, role: PgRole, collaborators: string[]): Promise<AccessRow[]> {
  const [parts, objects] = await Promise.all([readerParts(reader), everyObject(reader)]);
  const rows: AccessRow[] = [];
  for (const object of objects) {
    const { privileged, ...label } = object;
    const privileges = effectivePrivilegesOn(parts.graph, role.oid, privileged, parts.features);
    if (privileges.length === 0) continue;
    withinLimit(rows);
    rows.push(
      ...rowsOf(
        { role: role.rolname, collaborators, isPublic: false },
        label,
        privileges,
        parts.names,
        heldOnTable(parts, role.oid, object),
      ),
    );
  }
  return rows;
}

/** The holders of each object by role name, then PUBLIC for what every other role holds through it alone. */
async function holderRows(
  reader: CatalogReader,
  objects: readonly ReportObject[],
  collaborators: ReadonlyMap<string, string[]>,
): Promise<AccessRow[]> {
  const parts = await readerParts(reader);
  const rows: AccessRow[] = [];
  for (const object of objects) {
    const { privileged, ...label } = object;
    const holders = parts.holders.holders(privileged);
    const roles = [...holders.roles.keys()]
      .map((oid) => parts.rolesByOid.get(oid))
      .filter((role): role is PgRole => role !== undefined)
      .sort(byRolname);
    for (const role of roles) {
      const onTable = heldOnTable(parts, role.oid, object);
      const skip = (privilege: EffectivePrivilege) => onlyThroughPublic(privilege) || onTable(privilege);
      const held = holders.roles.get(role.oid) ?? [];
      rows.push(
        ...rowsOf(
          { role: role.rolname, collaborators: collaborators.get(role.rolname) ?? [], isPublic: false },
          label,
          held,
          parts.names,
          skip,
        ),
      );
    }
    withinLimit(rows);
    const publicOnTable = heldOnTable(parts, HolderIndex.NOBODY, object);
    rows.push(...rowsOf(EVERY_ROLE, label, holders.everyoneElse, parts.names, publicOnTable));
  }
  return rows;
}
