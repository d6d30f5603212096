import type { AclItem } from '../catalog/objects.js';
import type { Effects, ObjectState, StoredEffects, StoredObjectState } from './payloads.js';

/** An ACL as compact text: "grantee grantor privilege grantable" items joined by commas. */
const aclText = (acl: readonly AclItem[]) =>
  acl.map((item) => `${item.grantee} ${item.grantor} ${item.privilege_type} ${item.is_grantable ? 1 : 0}`).join(',');

/**
 * An ACL from its compact text (effects.ts reads PostgreSQL's in the same form). Scanned for its separators rather
 * than split (a bulk change reads thousands of ACLs twice); a privilege's name may hold a space (ALTER SYSTEM), so the
 * grant option is read from the item's end.
 */
export function aclItemsOf(text: string | null): AclItem[] {
  if (!text) return [];
  const items: AclItem[] = [];
  for (let start = 0; start < text.length; ) {
    const comma = text.indexOf(',', start);
    const end = comma === -1 ? text.length : comma;
    const grantorAt = text.indexOf(' ', start) + 1;
    const privilegeAt = text.indexOf(' ', grantorAt) + 1;
    const grantableAt = text.lastIndexOf(' ', end - 1) + 1;
    items.push({
      grantor: Number(text.slice(grantorAt, privilegeAt - 1)),
      grantee: Number(text.slice(start, grantorAt - 1)),
      privilege_type: text.slice(privilegeAt, grantableAt - 1),
      is_grantable: text[grantableAt] === '1',
    });
    start = end + 1;
  }
  return items;
}

type WholeState = Omit<ObjectState, 'acl'> & { acl: string };

const storedState = (state: ObjectState | null): WholeState | null => state && { ...state, acl: aclText(state.acl) };

/**
 * The state after as stored: when its ACL is the one before with items appended (a GRANT appends; a bulk GRANT's
 * event holds a thousand such ACLs), only those items; else the whole ACL. Items hold no comma, so a match up to a
 * comma is a match of whole items.
 */
function storedAfter(before: WholeState | null, after: ObjectState | null): StoredObjectState | null {
  const stored = storedState(after);
  if (!stored || !before || before.acl === '') return stored;
  const was = `${before.acl},`;
  if (!stored.acl.startsWith(was)) return stored;
  const { acl, ...rest } = stored;
  return { ...rest, aclAppended: acl.slice(was.length) };
}

/** Effects as an event stores them. */
export function storedEffects(effects: readonly Effects[]): StoredEffects[] {
  return effects.map((effect) => ({
    ...effect,
    objects: effect.objects.map((object) => {
      const before = storedState(object.before);
      return { ...object, before, after: storedAfter(before, object.after) };
    }),
  }));
}

/** An object state as stored: its ACL as text, the items appended to the one before, or (recorded before) items. */
type ReadableState = Omit<ObjectState, 'acl'> & { acl?: string | AclItem[]; aclAppended?: string };

function readState(state: ReadableState | null, before: ObjectState | null): ObjectState | null {
  if (!state) return null;
  const { acl, aclAppended, ...rest } = state;
  if (aclAppended !== undefined) return { ...rest, acl: [...(before?.acl ?? []), ...aclItemsOf(aclAppended)] };
  return { ...rest, acl: typeof acl === 'string' ? aclItemsOf(acl) : (acl ?? []) };
}

/** The effects an event stored (none when it has none). */
export function effectsFromStored(stored: unknown): Effects[] {
  if (!Array.isArray(stored)) return [];
  return (stored as StoredEffects[]).map((effect) => ({
    ...effect,
    objects: effect.objects.map((object) => {
      const before = readState(object.before, null);
      return { ...object, before, after: readState(object.after, before) };
    }),
  }));
}
