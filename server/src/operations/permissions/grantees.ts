import { checkIdentifier } from '../../catalog/identifiers.js';
import { PUBLIC_OID } from '../../catalog/objects.js';
import type { CatalogReader } from '../../catalog/reader.js';
import { NotFoundError } from '../../errors.js';

/** A grantee: a role, or PUBLIC (null). */
export interface Grantee {
  name: string | null;
  oid: number;
}

export async function grantee(catalog: CatalogReader, name: string | null | undefined): Promise<Grantee> {
  if (name == null) return { name: null, oid: PUBLIC_OID };
  const role = await catalog.roleNamed(checkIdentifier(name, 'grantee'));
  if (!role) throw new NotFoundError(`role ${name}`);
  return { name: role.rolname, oid: role.oid };
}

export const granteeLabel = (who: Grantee) => who.name ?? 'PUBLIC';
