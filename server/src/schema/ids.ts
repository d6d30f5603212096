import { decodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Matches no row: a malformed or foreign id behaves exactly like an unknown one (after authorization is checked). */
const NO_ROW = '00000000-0000-0000-0000-000000000000';

/** The row id inside a relay global id of `typename`. */
export function localId(globalId: string, typename: string): string {
  try {
    const decoded = decodeGlobalID(globalId);
    if (decoded.typename === typename && UUID.test(decoded.id)) return decoded.id;
  } catch {
    // fall through: not a global id at all
  }
  return NO_ROW;
}

/** What a removing mutation returns: the global id of what is gone. */
export const Removed = builder.objectRef<{ id: string }>('Removed').implement({
  fields: (t) => ({ id: t.exposeID('id') }),
});
