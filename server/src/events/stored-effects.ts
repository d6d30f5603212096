import type { AclItem } from '../catalog/objects.js';
import type { Effects, ObjectState, StoredEffects, StoredObjectState } from './payloads.js';

/** An ACL as compact text: "grantee grantor privilege grantable" items joined by commas. */
const aclText = (acl: readonly AclItem[]) =>
  acl.map((item) => `${item.grantee} ${item.grantor} ${item.privilege_type} ${item.is_grantable ? 1 : 0}`).join(',');

/** An ACL from its compact text (effects.ts reads PostgreSQL's in the same form). */
export function aclItemsOf(text: string | null): AclItem[] {
  if (!text) return [];
  return text.split(',').map((item) => {
    const [grantee, grantor, privilege_type = '', grantable] = item.split(' ');
    return { grantor: Number(grantor), grantee: Number(grantee), privilege_type, is_grantable: grantable === '1' };
  });
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
