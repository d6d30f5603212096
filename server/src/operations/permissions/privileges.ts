import type { PoolClient } from 'pg';
import { quoteIdent } from '../../catalog/identifiers.js';
import { type AclItem, type NamedAclItem, PUBLIC_OID } from '../../catalog/objects.js';
import {
  checkPrivileges,
  type ObjectKind,
  type PresetName,
  presetPrivileges,
  privilegesFor,
} from '../../catalog/privileges.js';
import type { CatalogReader } from '../../catalog/reader.js';
import { aclAt } from '../../catalog/securables.js';
import type { Statement } from '../../catalog/statements.js';
import * as sql from '../../catalog/statements.js';
import type { Context } from '../../context.js';
import { ValidationError } from '../../errors.js';
import { aclEntries } from '../../events/drift-diff.js';
import type { CatalogState, EffectScope, Effects } from '../../events/effects.js';
import type { ObjectState } from '../../events/payloads.js';
import { requireViewer } from '../../policy/capabilities.js';
import { catalogFor } from '../../scope/viewer-connections.js';
import { applyChange, type ChangeMode, noEffect, type PermissionChange } from './change.js';
import { type Grantee, grantee, granteeLabel } from './grantees.js';
import type { ChangeNote } from './notes.js';
import { type ObjectRefInput, type ResolvedObject, resolveObject } from './objects.js';

function heldBy(acl: AclItem[], who: Grantee): { privileges: Set<string>; grantable: Set<string> } {
  const items = acl.filter((item) => item.grantee === who.oid);
  return {
    privileges: new Set(items.map((item) => item.privilege_type)),
    grantable: new Set(items.filter((item) => item.is_grantable).map((item) => item.privilege_type)),
  };
}

/** After a REVOKE: the privileges that are still there, because another grantor's grant is not ours to revoke. */
function remainingIn(
  acl: NamedAclItem[],
  object: ResolvedObject,
  who: Grantee,
  revoked: string[],
  grantOptionOnly: boolean,
): ChangeNote[] {
  const stillThere = acl.filter(
    (item) =>
      item.grantee === who.oid && revoked.includes(item.privilege_type) && (!grantOptionOnly || item.is_grantable),
  );
  return stillThere.map((item) => ({
    code: 'GRANT_REMAINS',
    grantee: who.name,
    object: object.label,
    subjects: [item.privilege_type],
    grantor: item.grantor_name ?? String(item.grantor),
    fixOption: null,
    message: `${item.privilege_type} on ${object.label} to ${granteeLabel(who)} remains: it was granted by ${item.grantor_name ?? item.grantor}, and only that grantor (or the owner acting for it) can revoke it.`,
  }));
}

/** What of several revokes on one object is still there, from one read of its ACL. */
function remainingAfterRevokes(
  object: ResolvedObject,
  revokes: { who: Grantee; revoked: string[]; grantOptionOnly: boolean }[],
) {
  return async (client: PoolClient): Promise<ChangeNote[]> => {
    if (revokes.length === 0) return [];
    const acl = await aclAt(client, object.location);
    return revokes.flatMap(({ who, revoked, grantOptionOnly }) =>
      remainingIn(acl, object, who, revoked, grantOptionOnly),
    );
  };
}

export interface GrantOptions {
  withGrantOption?: boolean | null;
  /**
   * Also grant USAGE on the object's schema when the grantee lacks it (a table's, sequence's, column's, routine's or
   * type's privileges do nothing without it).
   */
  withSchemaUsage?: boolean | null;
  /** Also grant USAGE on the sequences behind the table's serial columns (INSERT needs them). */
  withSequenceUsage?: boolean | null;
}

interface Extras {
  statements: Statement[];
  notes: ChangeNote[];
}

const NONE: Extras = { statements: [], notes: [] };

/** A schema as a grant flow needs it: what USAGE is checked on and granted on. */
interface UsageSchema {
  oid: number;
  name: string;
}

/**
 * The schema an object is reached through, whose USAGE its privileges need: a relation's, a column's table's, a
 * routine's or a type's. Databases, schemas and the kinds outside schemas have none. Read from the object's name (a
 * grant is on the hot path); a routine's signature names none, but its schema was read to resolve it.
 */
async function containingSchema(catalog: CatalogReader, object: ResolvedObject): Promise<UsageSchema | null> {
  const oid = object.schemaOid;
  if (object.catalog === 'database' || object.catalog === 'schema' || oid === null) return null;
  const name = object.name.schema ?? (await catalog.schemas()).find((schema) => schema.oid === oid)?.nspname;
  return name === undefined ? null : { oid, name };
}

/** The schema USAGE a grantee gaining privileges on an object in `found` needs: granted too when asked, else a note. */
async function schemaUsageExtras(
  catalog: CatalogReader,
  object: ResolvedObject,
  found: UsageSchema | null,
  who: Grantee,
  options: GrantOptions,
): Promise<Extras> {
  if (found === null || (await catalog.hasSchemaUsage(who.oid, found.oid))) return NONE;
  const schema = found.name;
  if (options.withSchemaUsage)
    return {
      statements: [sql.grantPrivileges({ kind: 'SCHEMA', name: schema }, ['USAGE'], who.name, false)],
      notes: [],
    };
  const note: ChangeNote = {
    code: 'SCHEMA_USAGE_MISSING',
    grantee: who.name,
    object: object.label,
    subjects: [schema],
    grantor: null,
    fixOption: 'withSchemaUsage',
    message: `${granteeLabel(who)} has no USAGE on schema ${schema}, so access to ${object.label} does nothing; pass withSchemaUsage to grant it too.`,
  };
  return { statements: [], notes: [note] };
}

async function sequenceExtras(
  catalog: CatalogReader,
  object: ResolvedObject,
  who: Grantee,
  privileges: string[],
  options: GrantOptions,
): Promise<Extras> {
  if (object.kind !== 'TABLE' || !privileges.includes('INSERT')) return NONE;
  const sequences = await catalog.serialSequences(object.oid);
  if (sequences.length === 0) return NONE;
  const names = sequences
    .map((sequence) => `${quoteIdent(sequence.nspname)}.${quoteIdent(sequence.relname)}`)
    .join(', ');
  if (!options.withSequenceUsage) {
    const note: ChangeNote = {
      code: 'SEQUENCE_USAGE_MISSING',
      grantee: who.name,
      object: object.label,
      subjects: sequences.map((sequence) => `${sequence.nspname}.${sequence.relname}`),
      grantor: null,
      fixOption: 'withSequenceUsage',
      message: `${granteeLabel(who)} needs USAGE on sequence(s) ${names} to INSERT into ${object.label}: without it inserts fail with "permission denied for sequence"; pass withSequenceUsage.`,
    };
    return { statements: [], notes: [note] };
  }
  const statements = sequences.map((sequence) =>
    sql.grantPrivileges(
      { kind: 'SEQUENCE', schema: sequence.nspname, name: sequence.relname },
      ['USAGE'],
      who.name,
      false,
    ),
  );
  return { statements, notes: [] };
}

/** The object, grantee and allow-listed privileges a GRANT or REVOKE is about. */
async function grantTarget(
  context: Context,
  databaseId: string,
  ref: ObjectRefInput,
  granteeName: string | null | undefined,
  requested: string[],
) {
  requireViewer(context.viewer);
  const catalog = catalogFor(context, databaseId);
  // Looked up together, in one round trip (with the database, which the change's impact reads: see
  // CatalogReader.lookUp); a missing object is told before a missing grantee.
  // (Read already, the reader answers with the database itself, not a promise.)
  Promise.resolve(catalog.database()).catch(() => undefined);
  if (ref.schema && ref.kind !== 'SCHEMA') catalog.lookUpSchemaUsage([granteeName ?? null], ref.schema);
  const [resolved, found] = await Promise.allSettled([resolveObject(catalog, ref), grantee(catalog, granteeName)]);
  if (resolved.status === 'rejected') throw resolved.reason;
  if (found.status === 'rejected') throw found.reason;
  const [object, who] = [resolved.value, found.value];
  const privileges = checkPrivileges(object.kind, requested, await catalog.features());
  return { catalog, object, who, privileges };
}

/**
 * What a grant or revoke may touch: the object (a table's own sequences, for their USAGE; grants CASCADE takes away
 * are on the same object), and its schema's row (`usageSchema`) when the change grants or revokes USAGE on it too.
 * A relation's columns only when the change revokes: a REVOKE on a table takes its columns' privileges too, a GRANT
 * on it never changes theirs.
 */
function touchedByGrants(
  object: ResolvedObject,
  usageSchema: string | null,
  statements: readonly Statement[],
): EffectScope {
  const schemas = usageSchema === null ? [] : [usageSchema];
  if (object.location.catalog === 'column' || object.location.catalog === 'other')
    return { securables: [object.location], schemas };
  if (object.catalog === 'database') return { databases: true };
  if (object.catalog === 'schema') return { schemas: [object.name.name] };
  return { relations: [object.oid], schemas, columns: statements.some((statement) => /^REVOKE\b/.test(statement.sql)) };
}

/** Whether an observed state is the object's (schemas and relations share OIDs' numbering, not their catalog). */
function isObservedAs(object: ResolvedObject): (state: ObjectState) => boolean {
  const { location } = object;
  if (location.catalog === 'column' || location.catalog === 'other') {
    const key =
      location.catalog === 'column'
        ? `COLUMN:${location.oid}:${location.attnum}`
        : `${location.kind}:${location.kind === 'PARAMETER' ? location.name : location.oid}`;
    return (state) => state.key === key;
  }
  const schema = location.catalog === 'schema';
  return (state) => state.key === undefined && state.oid === location.oid && (state.objectKind === 'SCHEMA') === schema;
}

/**
 * The object's ACL as the change observed it (effects.ts reads every object in its scope, NULL as the default it
 * means). A column or parameter with no privileges of its own is not listed: its ACL is empty.
 */
function observedAcl(state: CatalogState, object: ResolvedObject): AclItem[] {
  const isObject = isObservedAs(object);
  const states =
    object.catalog === 'database' ? state.databases : [...(state.objects ?? []), ...(state.serverWide ?? [])];
  return states?.find(isObject)?.acl ?? [];
}

/** The names of these roles (by OID), as the transaction sees them now. */
async function roleNames(client: PoolClient, oids: readonly number[]): Promise<Map<number, string>> {
  if (oids.length === 0) return new Map();
  const { rows } = await client.query<{ oid: number; rolname: string }>(
    'SELECT oid::int AS oid, rolname FROM pg_catalog.pg_roles WHERE oid = ANY($1::oid[])',
    [oids],
  );
  return new Map(rows.map((row) => [row.oid, row.rolname]));
}

/** The grantees of these ACLs that `names` does not name (PUBLIC needs no name). */
const unnamed = (acl: readonly AclItem[], names: ReadonlyMap<number, string>) => [
  ...new Set(acl.map((item) => item.grantee).filter((oid) => oid !== PUBLIC_OID && !names.has(oid))),
];

/**
 * Every privilege change records the object's ACL before and after, by grantee name (live views update from `acl`
 * without a refetch), from what the change observed: the change's grantees are named as it resolved them, the
 * others read with its statements (a GRANT or REVOKE adds no grantee but its own; CASCADE only takes some away). It is
 * a change only when it moved an ACL (the object's or, on a table's REVOKE, its columns') or also granted schema or
 * sequence USAGE (`usageStatements`): PostgreSQL answers a GRANT or REVOKE the role may not make with a WARNING alone.
 */
function privilegeChange(
  object: ResolvedObject,
  grantees: readonly Grantee[],
  usageStatements: number,
  usageSchema: string | null,
  statements: Statement[],
) {
  return {
    kind: 'privileges.changed',
    statements,
    // The schema's USAGE and the table's sequences' USAGE may come along; CASCADE takes grants made from these away.
    touches: touchedByGrants(object, usageSchema, statements),
    describeObserved: async (client: PoolClient, before: CatalogState, after: Promise<CatalogState>) => {
      const names = new Map(grantees.map((who) => [who.oid, granteeLabel(who)]));
      const aclBefore = observedAcl(before, object);
      const [others, afterState] = await Promise.all([roleNames(client, unnamed(aclBefore, names)), after]);
      for (const [oid, name] of others) names.set(oid, name);
      const acl = observedAcl(afterState, object);
      for (const [oid, name] of await roleNames(client, unnamed(acl, names))) names.set(oid, name);
      const named = (oid: number) => names.get(oid) ?? String(oid);
      return { aclBefore: aclEntries(aclBefore, named), acl: aclEntries(acl, named) };
    },
    changed: (_before: unknown, _after: unknown, effects: Effects) => usageStatements > 0 || !noEffect(effects),
  } as const;
}

export interface GrantPrivilegesInput extends GrantOptions {
  databaseId: string;
  object: ObjectRefInput;
  /** A role name; null for PUBLIC. */
  grantee?: string | null;
  privileges: string[];
}

export async function grantPrivileges(
  context: Context,
  input: GrantPrivilegesInput,
  mode: ChangeMode,
): Promise<PermissionChange> {
  const { databaseId, object: ref, grantee: granteeName, privileges: requested, ...options } = input;
  const { catalog, object, who, privileges } = await grantTarget(context, databaseId, ref, granteeName, requested);
  const schema = await containingSchema(catalog, object);
  const [schemaExtras, sequenceExtrasResult] = await Promise.all([
    schemaUsageExtras(catalog, object, schema, who, options),
    sequenceExtras(catalog, object, who, privileges, options),
  ]);
  return applyChange(context, {
    databaseId,
    ...privilegeChange(
      object,
      [who],
      schemaExtras.statements.length + sequenceExtrasResult.statements.length,
      schemaExtras.statements.length > 0 ? (schema?.name ?? null) : null,
      [
        ...schemaExtras.statements,
        sql.grantPrivileges(object.name, privileges, who.name, Boolean(options.withGrantOption)),
        ...sequenceExtrasResult.statements,
      ],
    ),
    moves: [who.oid],
    payload: { object: object.label, objectKind: object.kind, grantee: granteeLabel(who), granted: privileges },
    warnings: [...schemaExtras.notes, ...sequenceExtrasResult.notes],
    ...mode,
  });
}

export interface RevokeOptions {
  grantOptionOnly?: boolean | null;
  cascade?: boolean | null;
}

export interface RevokePrivilegesInput extends RevokeOptions {
  databaseId: string;
  object: ObjectRefInput;
  grantee?: string | null;
  privileges: string[];
}

export async function revokePrivileges(
  context: Context,
  input: RevokePrivilegesInput,
  mode: ChangeMode,
): Promise<PermissionChange> {
  const { databaseId, object: ref, grantee: granteeName, privileges: requested, ...options } = input;
  const { object, who, privileges } = await grantTarget(context, databaseId, ref, granteeName, requested);
  const revokeOptions = { grantOptionOnly: Boolean(options.grantOptionOnly), cascade: Boolean(options.cascade) };
  return applyChange(context, {
    databaseId,
    ...privilegeChange(object, [who], 0, null, [
      sql.revokePrivileges(object.name, privileges, who.name, revokeOptions),
    ]),
    moves: [who.oid],
    payload: {
      object: object.label,
      objectKind: object.kind,
      grantee: granteeLabel(who),
      revoked: privileges,
      grantOptionOnly: revokeOptions.grantOptionOnly,
    },
    ...mode,
    verify: remainingAfterRevokes(object, [
      { who, revoked: privileges, grantOptionOnly: revokeOptions.grantOptionOnly },
    ]),
  });
}

export interface DesiredGrant extends Pick<GrantOptions, 'withSchemaUsage' | 'withSequenceUsage'> {
  /** When the grantee loses every privilege on the object: also revoke the USAGE on its schema granted to it directly. */
  withoutSchemaUsage?: boolean | null;
  grantee?: string | null;
  /** NONE or a preset of the object's kind; `privileges` count only when it is absent or CUSTOM. */
  preset?: PresetName | null;
  privileges?: string[] | null;
  /** Which of the privileges the grantee may grant on (WITH GRANT OPTION). */
  grantable?: string[] | null;
}

/** Presets are resolved for what the object is: a sequence named as a TABLE takes sequence presets. */
function desiredPrivileges(kind: ObjectKind, grant: DesiredGrant): string[] {
  if (!grant.preset || grant.preset === 'CUSTOM') return grant.privileges ?? [];
  const privileges = presetPrivileges(kind, grant.preset);
  if (!privileges) throw new ValidationError('preset', `${grant.preset} is not a preset for a ${kind.toLowerCase()}.`);
  return [...privileges];
}

/** The GRANT / REVOKE statements that turn `current` into exactly `privileges` (with `grantable`) for one grantee. */
function diffStatements(
  privilegesOrder: readonly string[],
  object: ResolvedObject,
  who: Grantee,
  current: ReturnType<typeof heldBy>,
  privileges: string[],
  grantable: string[],
  cascade: boolean,
): Statement[] {
  const statements: Statement[] = [];
  const revoke = privilegesOrder.filter(
    (privilege) => current.privileges.has(privilege) && !privileges.includes(privilege),
  );
  const loseOption = [...current.grantable].filter(
    (privilege) => privileges.includes(privilege) && !grantable.includes(privilege),
  );
  const add = privileges.filter((privilege) => !current.privileges.has(privilege) && !grantable.includes(privilege));
  const addGrantable = grantable.filter((privilege) => !current.grantable.has(privilege));
  if (revoke.length > 0) statements.push(sql.revokePrivileges(object.name, revoke, who.name, { cascade }));
  if (loseOption.length > 0)
    statements.push(sql.revokePrivileges(object.name, loseOption, who.name, { grantOptionOnly: true, cascade }));
  if (add.length > 0) statements.push(sql.grantPrivileges(object.name, add, who.name, false));
  if (addGrantable.length > 0) statements.push(sql.grantPrivileges(object.name, addGrantable, who.name, true));
  return statements;
}

/**
 * What a grantee gaining `gained` on the object needs besides (schema USAGE, sequence USAGE), as grantPrivileges
 * decides it: the statements around its grants when the grant asks for them, the warnings otherwise.
 */
async function extrasForGain(
  catalog: CatalogReader,
  object: ResolvedObject,
  schema: UsageSchema | null,
  who: Grantee,
  gained: string[],
  options: GrantOptions,
): Promise<{ before: Extras; after: Extras }> {
  if (gained.length === 0) return { before: NONE, after: NONE };
  const [before, after] = await Promise.all([
    schemaUsageExtras(catalog, object, schema, who, options),
    sequenceExtras(catalog, object, who, gained, options),
  ]);
  return { before, after };
}

/**
 * A grantee left with no privilege on an object in a schema keeps the USAGE on the schema that was granted with it:
 * revoked too when the grant asks (`withoutSchemaUsage`), else a note offers it. Only a USAGE granted to the grantee
 * itself counts: one through PUBLIC or a group is not this grantee's to lose, and PUBLIC's own is never one object's.
 * A column's grantee that still holds privileges on its table has not lost its access there.
 */
async function extrasForLoss(
  catalog: CatalogReader,
  object: ResolvedObject,
  usage: UsageSchema | null,
  who: Grantee,
  grant: DesiredGrant,
): Promise<Extras> {
  // PUBLIC's USAGE (schema public's, say) serves every role and object there, never the one a function's or type's
  // built-in PUBLIC default left: taking EXECUTE from PUBLIC must not offer to take the schema from everyone.
  if (who.oid === PUBLIC_OID || !usage) return NONE;
  if (object.table && heldBy(object.table.acl, who).privileges.size > 0) return NONE;
  const schema = (await catalog.schemas()).find((candidate) => candidate.oid === usage.oid);
  if (!schema || !heldBy(schema.acl, who).privileges.has('USAGE')) return NONE;
  const schemaName = usage.name;
  if (grant.withoutSchemaUsage)
    return { statements: [sql.revokePrivileges({ kind: 'SCHEMA', name: schemaName }, ['USAGE'], who.name)], notes: [] };
  const note: ChangeNote = {
    code: 'SCHEMA_USAGE_REMAINS',
    grantee: who.name,
    object: object.label,
    subjects: [schemaName],
    grantor: null,
    fixOption: 'withoutSchemaUsage',
    message: `${granteeLabel(who)} keeps USAGE on schema ${schemaName} after losing all access to ${object.label}; pass withoutSchemaUsage to revoke it too (if nothing else there needs it).`,
  };
  return { statements: [], notes: [note] };
}

export interface SetPrivilegesInput {
  databaseId: string;
  object: ObjectRefInput;
  grants: DesiredGrant[];
  cascade: boolean;
}

/**
 * Makes the privileges of the listed grantees on one object exactly these (diffed against its ACL), in one
 * transaction, with the schema and sequence USAGE each grantee gaining privileges asked for.
 */
export async function setPrivileges(
  context: Context,
  input: SetPrivilegesInput,
  mode: ChangeMode,
): Promise<PermissionChange> {
  const { databaseId, object: ref, grants, cascade } = input;
  requireViewer(context.viewer);
  const catalog = catalogFor(context, databaseId);
  // Looked up together, as grantTarget does: the object, every grantee and their schema USAGE, the database.
  Promise.resolve(catalog.database()).catch(() => undefined);
  if (ref.schema && ref.kind !== 'SCHEMA')
    catalog.lookUpSchemaUsage(
      grants.map((grant) => grant.grantee ?? null),
      ref.schema,
    );
  const [resolved, found] = await Promise.allSettled([
    resolveObject(catalog, ref),
    Promise.all(grants.map((grant) => grantee(catalog, grant.grantee))),
  ]);
  if (resolved.status === 'rejected') throw resolved.reason;
  if (found.status === 'rejected') throw found.reason;
  const [object, grantees] = [resolved.value, found.value];
  const features = await catalog.features();
  const statements: Statement[] = [];
  const notes: ChangeNote[] = [];
  const revokes: { who: Grantee; revoked: string[]; grantOptionOnly: boolean }[] = [];
  let usageStatements = 0;
  let schemaUsage = false;
  const schema = await containingSchema(catalog, object);
  // Planned side by side: what else a grantee needs is read for all of them at once.
  const planned = await Promise.all(
    grants.map(async (grant, at) => {
      const who = grantees[at] as Grantee;
      const privileges = checkPrivileges(object.kind, desiredPrivileges(object.kind, grant), features);
      const grantable = checkPrivileges(object.kind, grant.grantable ?? [], features).filter((privilege) =>
        privileges.includes(privilege),
      );
      const current = heldBy(object.acl, who);
      const gained = privileges.filter((privilege) => !current.privileges.has(privilege));
      const losesAll = privileges.length === 0 && current.privileges.size > 0;
      const [extras, loss] = await Promise.all([
        extrasForGain(catalog, object, schema, who, gained, grant),
        losesAll ? extrasForLoss(catalog, object, schema, who, grant) : NONE,
      ]);
      return { who, privileges, grantable, current, extras, loss };
    }),
  );
  for (const { who, privileges, grantable, current, extras, loss } of planned) {
    statements.push(
      ...extras.before.statements,
      ...diffStatements(privilegesFor(object.kind, features), object, who, current, privileges, grantable, cascade),
      ...extras.after.statements,
      ...loss.statements,
    );
    notes.push(...extras.before.notes, ...extras.after.notes, ...loss.notes);
    usageStatements += extras.before.statements.length + extras.after.statements.length + loss.statements.length;
    schemaUsage ||= extras.before.statements.length + loss.statements.length > 0;
    const removed = [...current.privileges].filter((privilege) => !privileges.includes(privilege));
    if (removed.length > 0) revokes.push({ who, revoked: removed, grantOptionOnly: false });
  }
  if (statements.length === 0)
    return { dryRun: mode.dryRun, previewToken: null, sql: [], warnings: [], notes: [], eventId: null };
  return applyChange(context, {
    databaseId,
    ...privilegeChange(object, grantees, usageStatements, schemaUsage ? (schema?.name ?? null) : null, statements),
    moves: planned.map(({ who }) => who.oid),
    payload: {
      object: object.label,
      objectKind: object.kind,
      grantees: grants.map((grant) => grant.grantee ?? 'PUBLIC'),
    },
    warnings: notes,
    ...mode,
    verify: remainingAfterRevokes(object, revokes),
  });
}
