import type { ClientBase } from 'pg';
import { PUBLIC_OID } from '../../catalog/objects.js';
import type { CatalogReader } from '../../catalog/reader.js';
import { partAround, unchangedAround } from '../../catalog/role-freshness.js';
import type { Effects } from '../../events/payloads.js';
import { movedGrantees } from '../../impact/pairs/affected.js';

/**
 * The roles a change to objects moves privileges of (its grantees whose grants moved, and owners that changed), as
 * the impact finds them (impact/pairs/affected.ts): every role reaching one of them is examined, and what each held
 * before and holds after depends on the paths up from it. Null when this is not enough: a change to PUBLIC's
 * privileges (every role is examined), to columns (their table's grants count too), or to anything but objects.
 */
function movedRoles(effects: Effects): Set<number> | null {
  if (effects.roles.length + effects.memberships.length > 0) return null;
  if ((effects.defaultAcls?.length ?? 0) + (effects.settings?.length ?? 0) > 0) return null;
  const moved = new Set<number>();
  for (const { before, after } of effects.objects) {
    if (before?.objectKind === 'COLUMN' || after?.objectKind === 'COLUMN') return null;
    for (const role of movedGrantees(before, after)) moved.add(role);
  }
  return moved.has(PUBLIC_OID) ? null : moved;
}

/**
 * The reader an impact reads the server's roles with. For a change to objects only, the snapshot last read, when the
 * part of it around the roles the change moves is, inside the change's transaction, what the server holds: a check of
 * those roles instead of every role and membership of the server. Otherwise the reader as it is (its roles checked
 * as usual).
 */
export async function readerForImpact(
  client: ClientBase,
  reader: CatalogReader,
  effects: Effects,
): Promise<CatalogReader> {
  const known = await reader.knownRoles();
  if (!known) return reader;
  const moved = movedRoles(effects);
  const part = moved && partAround(known, moved);
  if (part && (await unchangedAround(client, known, part, await reader.features()))) return reader.withRoles(known);
  return reader;
}
