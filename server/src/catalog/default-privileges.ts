import type { ClientBase } from 'pg';
import { ValidationError } from '../errors.js';
import { type AclItem, type PackedAclItem, PUBLIC_OID, unpackItems } from './objects.js';
import type { ObjectKind } from './privileges.js';
import { privilegesFor } from './privileges.js';
import type { ServerFeatures } from './server.js';

/** The kinds ALTER DEFAULT PRIVILEGES covers (LARGE_OBJECT: PostgreSQL 18+). */
export type DefaultedKind = Extract<ObjectKind, 'TABLE' | 'SEQUENCE' | 'FUNCTION' | 'TYPE' | 'SCHEMA' | 'LARGE_OBJECT'>;

/** pg_default_acl's defaclobjtype letter of each kind. */
const OBJTYPE: Record<DefaultedKind, string> = {
  TABLE: 'r',
  SEQUENCE: 'S',
  FUNCTION: 'f',
  TYPE: 'T',
  SCHEMA: 'n',
  LARGE_OBJECT: 'L',
};
const KIND_OF_OBJTYPE = new Map(Object.entries(OBJTYPE).map(([kind, letter]) => [letter, kind as DefaultedKind]));

/** The kinds this server's ALTER DEFAULT PRIVILEGES takes, in the order lists show them. */
export function defaultedKinds(features: ServerFeatures): DefaultedKind[] {
  const kinds: DefaultedKind[] = ['TABLE', 'SEQUENCE', 'FUNCTION', 'TYPE', 'SCHEMA'];
  return features.largeObjectDefaults ? [...kinds, 'LARGE_OBJECT'] : kinds;
}

/** Refuses a kind this server's ALTER DEFAULT PRIVILEGES does not take, before any SQL is written for it. */
export function checkDefaultedKind(kind: DefaultedKind, features: ServerFeatures): DefaultedKind {
  if (!defaultedKinds(features).includes(kind))
    throw new ValidationError(
      'kind',
      `Default privileges on large objects are new in PostgreSQL 18; this server is ${Math.floor(features.versionNum / 10000)}.`,
    );
  return kind;
}

/** A kind as a sentence names one object of it ("large object"). */
export const kindWord = (kind: DefaultedKind) => kind.toLowerCase().replace('_', ' ');

/** Schemas and large objects are not made in a schema: their default privileges exist only without IN SCHEMA. */
export const isSchemaless = (kind: DefaultedKind) => kind === 'SCHEMA' || kind === 'LARGE_OBJECT';

/** A row of pg_default_acl: what objects of `kind` that `defaclrole` creates (in one schema, or anywhere) start with. */
export interface PgDefaultAcl {
  defaclrole: number;
  /** 0: the role's global entry (no IN SCHEMA). */
  defaclnamespace: number;
  kind: DefaultedKind;
  acl: AclItem[];
}

/** Every default-privilege entry of the database (pg_default_acl is readable by every role). */
export async function defaultAcls(client: ClientBase): Promise<PgDefaultAcl[]> {
  const { rows } = await client.query<{
    defaclrole: number;
    defaclnamespace: number;
    defaclobjtype: string;
    acl: PackedAclItem[];
  }>(
    `SELECT d.defaclrole::int AS defaclrole, d.defaclnamespace::int AS defaclnamespace, d.defaclobjtype::text AS defaclobjtype,
            coalesce((SELECT json_agg(json_build_array(x.grantor::int, x.grantee::int, x.privilege_type, x.is_grantable))
                        FROM aclexplode(d.defaclacl) x), '[]'::json) AS acl
       FROM pg_catalog.pg_default_acl d ORDER BY 1, 2, 3`,
  );
  return rows.flatMap(({ defaclobjtype, acl, ...row }) => {
    const kind = KIND_OF_OBJTYPE.get(defaclobjtype);
    // A kind a server newer than Rolecall knows defaults is left out rather than guessed at.
    return kind ? [{ ...row, kind, acl: unpackItems(acl) }] : [];
  });
}

/** PostgreSQL's hard-wired default ACL (acldefault) of a new object of `kind` owned by `owner`. */
function hardWiredDefault(kind: DefaultedKind, owner: number, features: ServerFeatures): AclItem[] {
  const item = (grantee: number, privilege_type: string): AclItem => ({
    grantor: owner,
    grantee,
    privilege_type,
    is_grantable: false,
  });
  const ownerItems = privilegesFor(kind, features).map((privilege) => item(owner, privilege));
  // Functions and types are usable by everyone unless revoked; the other kinds by their owner only.
  const publicItems =
    kind === 'FUNCTION' ? [item(PUBLIC_OID, 'EXECUTE')] : kind === 'TYPE' ? [item(PUBLIC_OID, 'USAGE')] : [];
  return [...ownerItems, ...publicItems];
}

const itemKey = (item: AclItem) => `${item.grantee}/${item.grantor}/${item.privilege_type}`;

/** aclmerge: every item of both, a privilege held twice by the same grantee from the same grantor counted once. */
function merge(left: readonly AclItem[], right: readonly AclItem[]): AclItem[] {
  const merged = new Map<string, AclItem>();
  for (const item of [...left, ...right]) {
    const known = merged.get(itemKey(item));
    merged.set(itemKey(item), known ? { ...known, is_grantable: known.is_grantable || item.is_grantable } : item);
  }
  return [...merged.values()];
}

/**
 * What new objects of `kind` that `creator` makes start with at one level, as ALTER DEFAULT PRIVILEGES changes it: the
 * role's global entry, or without one the hard-wired default (PostgreSQL deletes a global entry that comes back to it);
 * a schema's entry, or nothing (an IN SCHEMA entry only adds to the global level, and is deleted once empty).
 */
export function levelAcl(
  entries: readonly PgDefaultAcl[],
  kind: DefaultedKind,
  creator: number,
  schema: number | null,
  features: ServerFeatures,
): AclItem[] {
  const entry = entries.find(
    (candidate) =>
      candidate.kind === kind && candidate.defaclrole === creator && candidate.defaclnamespace === (schema ?? 0),
  );
  if (entry) return entry.acl;
  return schema === null ? hardWiredDefault(kind, creator, features) : [];
}

/**
 * The ACL a new object of `kind` gets when `owner` creates it in `schema` (null for a schema or a large object), as PostgreSQL's
 * get_user_default_acl computes it: the role's global entry, or else the hard-wired default, merged with the role's
 * entry for that schema. Only the creating role's own entries apply, never those of its groups.
 */
export function newObjectAcl(
  entries: readonly PgDefaultAcl[],
  kind: DefaultedKind,
  owner: number,
  schema: number | null,
  features: ServerFeatures,
): AclItem[] {
  const global = levelAcl(entries, kind, owner, null, features);
  const inSchema = schema === null ? [] : levelAcl(entries, kind, owner, schema, features);
  const merged = merge(global, inSchema);
  // aclmerge of two empty ACLs is NULL, and a NULL ACL means the hard-wired default: a global entry that revokes
  // everything (the owner's own privileges included) changes nothing unless a schema's entry adds to it.
  return merged.length === 0 ? hardWiredDefault(kind, owner, features) : merged;
}
