import type { ClientBase } from 'pg';
import type { Drift } from './drift-diff.js';
import type { RoleCommentState, RoleSettingState } from './payloads.js';

/**
 * What a role carries beside its attributes — its settings and its comment — as the drift watcher reads and compares
 * them. Both live in shared catalogs every role may read: they are the server's, like the roles.
 */

export const settingKey = (setting: RoleSettingState) => `${setting.role}:${setting.database}:${setting.name}`;
export const commentKey = (comment: RoleCommentState) => String(comment.role);

/** Every role's settings; rows of role 0 are ALTER DATABASE's and ALTER ROLE ALL's, no one role's. */
export async function roleSettingStates(client: ClientBase): Promise<RoleSettingState[]> {
  const { rows } = await client.query<RoleSettingState>(
    `SELECT s.setrole::int AS role, s.setdatabase::int AS database, d.datname,
            split_part(c, '=', 1) AS name, substr(c, strpos(c, '=') + 1) AS value
       FROM pg_catalog.pg_db_role_setting s
       LEFT JOIN pg_catalog.pg_database d ON d.oid = s.setdatabase
       CROSS JOIN LATERAL unnest(s.setconfig) c
      WHERE s.setrole <> 0
      ORDER BY 1, 2, 4`,
  );
  return rows;
}

export async function roleCommentStates(client: ClientBase): Promise<RoleCommentState[]> {
  const { rows } = await client.query<RoleCommentState>(
    `SELECT objoid::int AS role, description AS comment FROM pg_catalog.pg_shdescription
      WHERE classoid = 'pg_catalog.pg_authid'::regclass ORDER BY 1`,
  );
  return rows;
}

/** Each key's item before and after (undefined: absent), for the keys whose value differs. */
function changed<T>(before: readonly T[], after: readonly T[], key: (item: T) => string, value: (item: T) => string) {
  const was = new Map(before.map((item) => [key(item), item]));
  const is = new Map(after.map((item) => [key(item), item]));
  return [...new Set([...was.keys(), ...is.keys()])]
    .map((id) => ({ from: was.get(id), to: is.get(id) }))
    .filter(({ from, to }) => (from ? value(from) : null) !== (to ? value(to) : null));
}

/**
 * Settings changed as role.altered events, one per setting; those that went with their role (DROP ROLE) are not news.
 * `living`: the roles there are now.
 */
export function settingDrift(
  before: readonly RoleSettingState[],
  after: readonly RoleSettingState[],
  names: (oid: number) => string,
  living: ReadonlySet<number>,
): Drift[] {
  return changed(before, after, settingKey, (setting) => setting.value).flatMap(({ from, to }): Drift[] => {
    const setting = (to ?? from) as RoleSettingState;
    if (!to && !living.has(setting.role)) return [];
    const change = {
      name: setting.name,
      database: setting.datname,
      before: from?.value ?? null,
      after: to?.value ?? null,
    };
    return [{ kind: 'role.altered', payload: { name: names(setting.role), setting: change } }];
  });
}

/** Comments changed as role.altered events; one that went with its role is not news. */
export function commentDrift(
  before: readonly RoleCommentState[],
  after: readonly RoleCommentState[],
  names: (oid: number) => string,
  living: ReadonlySet<number>,
): Drift[] {
  return changed(before, after, commentKey, (comment) => comment.comment).flatMap(({ from, to }): Drift[] => {
    const role = (to ?? from)?.role ?? 0;
    if (!to && !living.has(role)) return [];
    const comment = { before: from?.comment ?? null, after: to?.comment ?? null };
    return [{ kind: 'role.altered', payload: { name: names(role), comment } }];
  });
}
