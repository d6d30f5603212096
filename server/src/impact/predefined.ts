import { PREDEFINED, type PrivilegedKind } from '../catalog/effective.js';
import type { PgRole } from '../catalog/roles.js';
import type { Side } from './graphs.js';
import type { RolePrivilegeChange } from './groups.js';
import type { ImpactDirection } from './model.js';
import { impactObject } from './object-names.js';

const EVERY: Partial<Record<PrivilegedKind, [kind: 'SCHEMA' | 'TABLE' | 'SEQUENCE', words: string]>> = {
  schema: ['SCHEMA', 'schemas'],
  table: ['TABLE', 'tables and views'],
  sequence: ['SEQUENCE', 'sequences'],
};

/**
 * What a role gains or loses with a predefined role that bypasses ACLs (pg_read_all_data …): a privilege on every
 * object of a kind, told as one object, "every table and view (pg_read_all_data)", rather than thousands.
 */
export function predefinedChanges(
  side: Side,
  role: number,
  predefined: PgRole,
  direction: ImpactDirection,
): RolePrivilegeChange[] {
  const changes: RolePrivilegeChange[] = [];
  const path = side.graph.inheritPath(role, predefined.oid) ?? [role, predefined.oid];
  for (const [kind, entries] of Object.entries(PREDEFINED) as [PrivilegedKind, [string, string][]][]) {
    const every = EVERY[kind];
    if (!every) continue;
    for (const [privilege, rolname] of entries) {
      if (rolname !== predefined.rolname) continue;
      const object = impactObject({
        kind: every[0],
        schema: null,
        name: `(every ${every[1]})`,
        column: null,
        arguments: null,
      });
      changes.push({
        object: { ...object, label: `every ${every[1]} (${rolname})` },
        role,
        change: {
          privilege,
          direction,
          grantOptionOnly: false,
          sources: [{ kind: 'PREDEFINED_ROLE', role: predefined.oid, rolname, path }],
        },
      });
    }
  }
  return changes;
}
