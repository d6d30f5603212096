import type { PoolClient } from 'pg';
import {
  checkDefaultedKind,
  type DefaultedKind,
  defaultAcls,
  isSchemaless,
  kindWord,
  levelAcl,
  type PgDefaultAcl,
} from '../../catalog/default-privileges.js';
import { checkIdentifier } from '../../catalog/identifiers.js';
import type { AclItem } from '../../catalog/objects.js';
import { checkPrivileges, type PresetName, presetPrivileges, privilegesFor } from '../../catalog/privileges.js';
import type { CatalogReader } from '../../catalog/reader.js';
import type { ServerFeatures } from '../../catalog/server.js';
import type { DefaultPrivilegeTarget, Statement } from '../../catalog/statements.js';
import * as sql from '../../catalog/statements.js';
import type { Context } from '../../context.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { aclEntries } from '../../events/drift-diff.js';
import type { DefaultPrivilegePayload } from '../../events/payloads.js';
import { requireViewer } from '../../policy/capabilities.js';
import { catalogFor } from '../../scope/viewer-connections.js';
import { applyChange, type ChangeMode, type PermissionChange } from './change.js';
import { type Grantee, grantee, granteeLabel } from './grantees.js';
import { type ChangeNote, wordsOf } from './notes.js';

/** What one grantee should hold on the new objects (a preset, or exactly `privileges`), and which WITH GRANT OPTION. */
export interface DesiredDefaultGrant {
  /** A role name; null for PUBLIC. */
  grantee?: string | null;
  /** NONE or a preset of the kind; `privileges` count only when it is absent or CUSTOM. */
  preset?: PresetName | null;
  privileges?: string[] | null;
  grantable?: string[] | null;
}

export interface SetDefaultPrivilegesInput {
  databaseId: string;
  /** The role whose new objects these are; the viewer's own role when absent. */
  creator?: string | null;
  /** Only objects made in this schema; null: everywhere (the creator's global entry). */
  schema?: string | null;
  kind: DefaultedKind;
  grants: DesiredDefaultGrant[];
}

/** The entry a change is about, resolved: its creator and schema as roles and namespaces of the catalog. */
interface ResolvedTarget extends DefaultPrivilegeTarget {
  creatorOid: number;
  schemaOid: number | null;
  /** For people: "tables created by x in schema s". */
  label: string;
}

/** One grantee's privileges on new objects at one level, and those held WITH GRANT OPTION. */
function heldBy(acl: readonly AclItem[], who: Grantee) {
  const items = acl.filter((item) => item.grantee === who.oid);
  return {
    privileges: new Set(items.map((item) => item.privilege_type)),
    grantable: new Set(items.filter((item) => item.is_grantable).map((item) => item.privilege_type)),
  };
}

/**
 * The role and schema named, as PostgreSQL knows them. The default privileges of schemas and large objects exist only
 * globally: PostgreSQL refuses IN SCHEMA with ON SCHEMAS and ON LARGE OBJECTS, so it is refused here first, as is a
 * kind the server does not take (large objects before PostgreSQL 18).
 */
async function resolveTarget(
  catalog: CatalogReader,
  input: SetDefaultPrivilegesInput,
  features: ServerFeatures,
): Promise<ResolvedTarget> {
  const kind = checkDefaultedKind(input.kind, features);
  if (isSchemaless(kind) && input.schema != null)
    throw new ValidationError(
      'schema',
      `Default privileges on ${kindWord(kind)}s apply everywhere: leave the schema out.`,
    );
  const creatorName = checkIdentifier(input.creator ?? (await catalog.currentRole()), 'creator');
  const creator = await catalog.roleNamed(creatorName);
  if (!creator) throw new NotFoundError(`role ${creatorName}`);
  const schemaName = input.schema == null ? null : checkIdentifier(input.schema, 'schema');
  const schema = schemaName === null ? null : (await catalog.schemas()).find((s) => s.nspname === schemaName);
  if (schema === undefined) throw new NotFoundError(`schema ${schemaName}`);
  const objects = `${kindWord(kind)}s created by ${creator.rolname}`;
  return {
    creator: creator.rolname,
    creatorOid: creator.oid,
    schema: schema?.nspname ?? null,
    schemaOid: schema?.oid ?? null,
    kind,
    label: schema ? `${objects} in schema ${schema.nspname}` : objects,
  };
}

function desiredPrivileges(kind: DefaultedKind, grant: DesiredDefaultGrant, features: ServerFeatures): string[] {
  if (!grant.preset || grant.preset === 'CUSTOM') return checkPrivileges(kind, grant.privileges ?? [], features);
  const privileges = presetPrivileges(kind, grant.preset);
  if (!privileges) throw new ValidationError('preset', `${grant.preset} is not a preset for a ${kindWord(kind)}.`);
  return [...privileges];
}

/** The GRANT and REVOKE statements that make one grantee's entry hold exactly `privileges` (with `grantable`). */
function diffStatements(
  target: ResolvedTarget,
  order: readonly string[],
  who: Grantee,
  current: ReturnType<typeof heldBy>,
  privileges: string[],
  grantable: string[],
): Statement[] {
  const inOrder = (test: (privilege: string) => boolean) => order.filter(test);
  const revoke = inOrder((privilege) => current.privileges.has(privilege) && !privileges.includes(privilege));
  const loseOption = inOrder(
    (privilege) => current.grantable.has(privilege) && privileges.includes(privilege) && !grantable.includes(privilege),
  );
  const add = inOrder(
    (privilege) =>
      privileges.includes(privilege) && !grantable.includes(privilege) && !current.privileges.has(privilege),
  );
  const addGrantable = inOrder((privilege) => grantable.includes(privilege) && !current.grantable.has(privilege));
  return [
    ...(revoke.length > 0 ? [sql.revokeDefaultPrivileges(target, revoke, who.name)] : []),
    ...(loseOption.length > 0
      ? [sql.revokeDefaultPrivileges(target, loseOption, who.name, { grantOptionOnly: true })]
      : []),
    ...(add.length > 0 ? [sql.grantDefaultPrivileges(target, add, who.name, false)] : []),
    ...(addGrantable.length > 0 ? [sql.grantDefaultPrivileges(target, addGrantable, who.name, true)] : []),
  ];
}

/**
 * A new object's ACL is the global level merged with the schema's entry: an IN SCHEMA entry can only add, so what the
 * global level (the creator's global entry, or the built-in default) gives the grantee stays, whatever this asks.
 */
function globalRemains(
  target: ResolvedTarget,
  global: readonly AclItem[],
  who: Grantee,
  privileges: string[],
  grantable: string[],
): ChangeNote[] {
  const held = heldBy(global, who);
  const remains = [...held.privileges].filter((privilege) => !privileges.includes(privilege));
  const optionRemains = [...held.grantable].filter(
    (privilege) => privileges.includes(privilege) && !grantable.includes(privilege),
  );
  if (remains.length === 0 && optionRemains.length === 0) return [];
  const subjects = [...remains, ...optionRemains.map((privilege) => `${privilege} WITH GRANT OPTION`)];
  return [
    {
      code: 'GLOBAL_DEFAULT_REMAINS',
      grantee: who.name,
      object: target.label,
      subjects,
      grantor: target.creator,
      fixOption: null,
      message: `${granteeLabel(who)} still gets ${subjects.join(', ')} on ${target.label}: ${target.creator}'s default privileges for every schema (or PostgreSQL's built-in default) give it, and a schema's default privileges can only add to those. Change them without a schema to take it away.`,
    },
  ];
}

/** Role names by OID, for the entry's grants as an event shows them. */
async function roleNames(client: PoolClient, acl: readonly AclItem[]): Promise<Map<number, string>> {
  const { rows } = await client.query<{ oid: number; rolname: string }>(
    'SELECT oid::int AS oid, rolname FROM pg_catalog.pg_roles WHERE oid = ANY($1::oid[])',
    [[...new Set(acl.map((item) => item.grantee))]],
  );
  return new Map(rows.map((row) => [row.oid, row.rolname]));
}

/** The entry's grants at its level, read inside the change's transaction (before or after its statements). */
function entrySnapshot(target: ResolvedTarget, features: ServerFeatures, key: 'grantsBefore' | 'grants') {
  return async (client: PoolClient): Promise<Partial<DefaultPrivilegePayload>> => {
    const entries: PgDefaultAcl[] = await defaultAcls(client);
    const acl = levelAcl(entries, target.kind, target.creatorOid, target.schemaOid, features);
    const names = await roleNames(client, acl);
    return { [key]: aclEntries(acl, (oid) => names.get(oid) ?? String(oid)) };
  };
}

/**
 * Makes what the named grantees get on new objects of one kind that `creator` makes (in one schema, or everywhere)
 * exactly as asked: the statements are diffed against the entry as it is now, where a global entry's absence is the
 * built-in default (so "PUBLIC gets nothing on new functions" is a REVOKE EXECUTE … FROM PUBLIC). Runs as the viewer's
 * role: FOR ROLE is PostgreSQL's to allow (the role itself, or a member of it). Grantees not named are left alone.
 */
export async function setDefaultPrivileges(
  context: Context,
  input: SetDefaultPrivilegesInput,
  mode: ChangeMode,
): Promise<PermissionChange> {
  requireViewer(context.viewer);
  const catalog = catalogFor(context, input.databaseId);
  const [entries, features] = await Promise.all([catalog.defaultAcls(), catalog.features()]);
  const target = await resolveTarget(catalog, input, features);
  const current = levelAcl(entries, target.kind, target.creatorOid, target.schemaOid, features);
  const global = target.schemaOid === null ? null : levelAcl(entries, target.kind, target.creatorOid, null, features);
  const statements: Statement[] = [];
  const notes: ChangeNote[] = [];
  const seen = new Set<number>();
  for (const grant of input.grants) {
    const who = await grantee(catalog, grant.grantee);
    if (seen.has(who.oid)) throw new ValidationError('grants', `${granteeLabel(who)} is named twice.`);
    seen.add(who.oid);
    const privileges = desiredPrivileges(target.kind, grant, features);
    const grantable = checkPrivileges(target.kind, grant.grantable ?? [], features).filter((privilege) =>
      privileges.includes(privilege),
    );
    const order = privilegesFor(target.kind, features);
    statements.push(...diffStatements(target, order, who, heldBy(current, who), privileges, grantable));
    if (global) notes.push(...globalRemains(target, global, who, privileges, grantable));
  }
  if (statements.length === 0)
    return { dryRun: mode.dryRun, previewToken: null, sql: [], warnings: notes.map(wordsOf), notes, eventId: null };
  return applyChange(context, {
    databaseId: input.databaseId,
    kind: 'default_privileges.changed',
    statements,
    touches: { defaultAcls: true },
    payload: {
      creator: target.creator,
      schema: target.schema,
      objectKind: target.kind,
      grantees: input.grants.map((grant) => grant.grantee ?? 'PUBLIC'),
    },
    warnings: notes,
    describeBefore: entrySnapshot(target, features, 'grantsBefore'),
    describeAfter: entrySnapshot(target, features, 'grants'),
    changed: (before, after) => JSON.stringify(before.grantsBefore) !== JSON.stringify(after.grants),
    ...mode,
  });
}
