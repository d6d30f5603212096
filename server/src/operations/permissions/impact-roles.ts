import type { ClientBase } from 'pg';
import { PUBLIC_OID } from '../../catalog/objects.js';
import type { CatalogReader } from '../../catalog/reader.js';
import { partAround, unchangedAround } from '../../catalog/role-freshness.js';
import type { RoleSnapshot } from '../../catalog/role-snapshot.js';
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

/** Whether the known roles are, inside a change's transaction, what the server holds around `around`. */
export interface RolesCheck {
  known: RoleSnapshot;
  around: Set<number>;
  unchanged: boolean;
}

/**
 * Checks the part of the known roles around `roles` (see partAround), inside the change's transaction. Issued with a
 * change's statements, for the roles it is expected to move (a grant's grantee), it travels in their round trip.
 * Null when there is nothing to check with: no roles known, PUBLIC among them, or a part too large.
 */
export async function checkRolesAround(
  client: ClientBase,
  reader: CatalogReader,
  roles: readonly number[],
): Promise<RolesCheck | null> {
  const known = await reader.knownRoles();
  const around = new Set(roles);
  if (!known || around.has(PUBLIC_OID)) return null;
  const part = partAround(known, around);
  if (!part) return null;
  return { known, around, unchanged: await unchangedAround(client, known, part, await reader.features()) };
}

/**
 * The reader an impact reads the server's roles with. For a change to objects only, the snapshot last read, when the
 * part of it around the roles the change moves is, inside the change's transaction, what the server holds: a check of
 * those roles instead of every role and membership of the server. The check made with the statements answers when
 * the roles it covered include every role moved (a part around more roles holds the part around fewer); otherwise
 * one is made now. When the part has changed, the reader as it is (its roles checked as usual).
 */
export async function readerForImpact(
  client: ClientBase,
  reader: CatalogReader,
  effects: Effects,
  checked: RolesCheck | null,
): Promise<CatalogReader> {
  const moved = movedRoles(effects);
  if (!moved) return reader;
  if (checked && [...moved].every((role) => checked.around.has(role)))
    return checked.unchanged ? reader.withRoles(checked.known) : reader;
  const now = await checkRolesAround(client, reader, [...moved]);
  return now?.unchanged ? reader.withRoles(now.known) : reader;
}
