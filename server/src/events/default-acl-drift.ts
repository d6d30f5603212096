import { levelAcl, type PgDefaultAcl } from '../catalog/default-privileges.js';
import type { AclItem } from '../catalog/objects.js';
import { PUBLIC_OID } from '../catalog/objects.js';
import type { ServerFeatures } from '../catalog/server.js';
import { aclEntries, type Drift, privilegeSets } from './drift-diff.js';

/**
 * Default privileges (pg_default_acl) as the drift watcher compares them: one entry per creator, schema (0: none) and
 * kind, each compared as the level it sets — where a creator's global entry is missing, the built-in default; where a
 * schema's is, nothing — so an entry PostgreSQL creates or deletes shows as the grants it adds or takes away.
 */

export const defaultAclKey = (entry: PgDefaultAcl) => `${entry.defaclrole}:${entry.defaclnamespace}:${entry.kind}`;

/** What the comparison of one database's entries needs to know besides them. */
export interface DefaultAclContext {
  names: (oid: number) => string;
  schemaName: (oid: number) => string;
  /** An entry that disappeared with its creator or its schema: the drop is the news, not what new objects get. */
  wentWithItsOwner: (entry: PgDefaultAcl) => boolean;
  features: ServerFeatures;
}

/** The grantees (OIDs) whose privileges differ between two ACLs. */
function movedGrantees(before: readonly AclItem[], after: readonly AclItem[]): number[] {
  const [was, is] = [privilegeSets(before), privilegeSets(after)];
  const same = (a = new Set<string>(), b = new Set<string>()) => a.size === b.size && [...a].every((p) => b.has(p));
  return [...new Set([...was.keys(), ...is.keys()])].filter((grantee) => !same(was.get(grantee), is.get(grantee)));
}

/** One default_privileges.changed event per entry whose grants moved. */
export function defaultAclDrift(
  before: readonly PgDefaultAcl[],
  after: readonly PgDefaultAcl[],
  context: DefaultAclContext,
): Drift[] {
  const present = new Set(after.map(defaultAclKey));
  const entries = new Map([...before, ...after].map((entry) => [defaultAclKey(entry), entry]));
  return [...entries.values()].flatMap((entry): Drift[] => {
    if (!present.has(defaultAclKey(entry)) && context.wentWithItsOwner(entry)) return [];
    const schema = entry.defaclnamespace === 0 ? null : entry.defaclnamespace;
    const level = (at: readonly PgDefaultAcl[]) => levelAcl(at, entry.kind, entry.defaclrole, schema, context.features);
    const [grantsBefore, grants] = [level(before), level(after)];
    const grantees = movedGrantees(grantsBefore, grants);
    if (grantees.length === 0) return [];
    const payload = {
      creator: context.names(entry.defaclrole),
      schema: schema === null ? null : context.schemaName(schema),
      objectKind: entry.kind,
      grantees: grantees.map((oid) => (oid === PUBLIC_OID ? 'PUBLIC' : context.names(oid))),
      grantsBefore: aclEntries(grantsBefore, context.names),
      grants: aclEntries(grants, context.names),
    };
    return [{ kind: 'default_privileges.changed', payload }];
  });
}
