import { type AnyObject, type EffectivePrivilege, effectivePrivilegesOn, type Source } from '../catalog/effective.js';
import type { ServerFeatures } from '../catalog/server.js';
import type { Side } from './graphs.js';
import type { ImpactDirection } from './model.js';

/** One privilege a role gains or loses on one object, and how it held it (LOSS) or will hold it (GAIN). */
export interface PrivilegeChange {
  privilege: string;
  direction: ImpactDirection;
  grantOptionOnly: boolean;
  sources: Source[];
}

/** Whether a source lets the role grant the privilege (as effective.ts decides it). */
const confersGrantOption = (source: Source) =>
  source.kind === 'SUPERUSER' ||
  source.kind === 'OWNER_GRANT_OPTION' ||
  (source.kind !== 'PREDEFINED_ROLE' && source.grantable);

/**
 * What a role holds on an object on one side: nothing when the object does not exist there; only what PUBLIC holds
 * when the role does not (a role dropped keeps nothing of its own, one created starts with what everyone has).
 */
export function heldOn(side: Side, role: number, object: AnyObject | null, features: ServerFeatures) {
  if (!object) return [];
  return effectivePrivilegesOn(side.graph, role, object, features);
}

/**
 * The difference between what a role held and holds: a privilege held on one side only, or, held on both (or
 * neither), its grant option on one side only (as has_*_privilege(…, 'X WITH GRANT OPTION') tells them apart).
 */
export function privilegeChanges(before: EffectivePrivilege[], after: EffectivePrivilege[]): PrivilegeChange[] {
  const was = new Map(before.map((found) => [found.privilege, found]));
  const is = new Map(after.map((found) => [found.privilege, found]));
  const changes: PrivilegeChange[] = [];
  for (const privilege of new Set([...was.keys(), ...is.keys()])) {
    const [old, now] = [was.get(privilege), is.get(privilege)];
    const [heldBefore, heldAfter] = [old?.held ?? false, now?.held ?? false];
    if (heldBefore !== heldAfter) {
      changes.push(
        heldBefore
          ? { privilege, direction: 'LOSS', grantOptionOnly: false, sources: old?.sources ?? [] }
          : { privilege, direction: 'GAIN', grantOptionOnly: false, sources: now?.sources ?? [] },
      );
      continue;
    }
    const [grantBefore, grantAfter] = [old?.grantable ?? false, now?.grantable ?? false];
    if (grantBefore === grantAfter) continue;
    const sources = ((grantBefore ? old : now)?.sources ?? []).filter(confersGrantOption);
    changes.push({ privilege, direction: grantBefore ? 'LOSS' : 'GAIN', grantOptionOnly: true, sources });
  }
  return changes;
}

const changeKey = (change: PrivilegeChange) => `${change.privilege} ${change.direction} ${change.grantOptionOnly}`;

/** A column's changes less those its table shows (a table's REVOKE reaches its columns: it is told on the table). */
export function columnOnly(column: PrivilegeChange[], table: PrivilegeChange[]): PrivilegeChange[] {
  const onTable = new Set(table.map(changeKey));
  return column.filter((change) => !onTable.has(changeKey(change)));
}
