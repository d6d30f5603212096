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

const storedState = (state: ObjectState | null): StoredObjectState | null =>
  state && { ...state, acl: aclText(state.acl) };

/** Effects as an event stores them. */
export function storedEffects(effects: readonly Effects[]): StoredEffects[] {
  return effects.map((effect) => ({
    ...effect,
    objects: effect.objects.map((object) => ({
      ...object,
      before: storedState(object.before),
      after: storedState(object.after),
    })),
  }));
}

/** An object state as stored: its ACL as text, or (in events recorded before it was) as items. */
const readState = (state: (Omit<ObjectState, 'acl'> & { acl: string | AclItem[] }) | null): ObjectState | null =>
  state && { ...state, acl: typeof state.acl === 'string' ? aclItemsOf(state.acl) : state.acl };

/** The effects an event stored (none when it has none). */
export function effectsFromStored(stored: unknown): Effects[] {
  if (!Array.isArray(stored)) return [];
  return (stored as StoredEffects[]).map((effect) => ({
    ...effect,
    objects: effect.objects.map((object) => ({
      ...object,
      before: readState(object.before),
      after: readState(object.after),
    })),
  }));
}
