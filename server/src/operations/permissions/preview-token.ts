import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import type { CatalogState } from '../../events/effects.js';

/**
 * The acting role's own standing: its attributes and every membership it reaches (with their options). What
 * PostgreSQL lets it do rests on these and on the items a change touches, so together they decide its verdict.
 */
const ACTING_ROLE_STANDING = `
  WITH RECURSIVE reached(roleid) AS (
      SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user
    UNION
      SELECT m.roleid FROM pg_catalog.pg_auth_members m JOIN reached r ON m.member = r.roleid
  )
  SELECT json_build_object(
    'role', (SELECT row_to_json(r) FROM (
               SELECT rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication, rolbypassrls
                 FROM pg_catalog.pg_roles WHERE rolname = current_user) r),
    'memberships', (SELECT coalesce(json_agg(to_jsonb(m) - 'oid' ORDER BY m.roleid, m.member, m.grantor), '[]'::json)
                      FROM pg_catalog.pg_auth_members m WHERE m.member IN (SELECT roleid FROM reached))
  )::text AS standing`;

/** Arrays in a canonical order, so the same catalog read twice gives the same token whatever order rows came in. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value))
    return value
      .map((item) => JSON.stringify(canonical(item)))
      .sort()
      .map((text) => JSON.parse(text) as unknown);
  if (value && typeof value === 'object' && !(value instanceof Date))
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([key, item]) => [key, canonical(item)]),
    );
  return value;
}

/**
 * A preview's token: a hash of the statements and of everything their verdict rests on, read under the change's
 * locks — the items it touches and the acting role's standing. Applying with it proves nothing moved since.
 */
export async function previewTokenOf(client: PoolClient, observed: CatalogState, sql: string[]): Promise<string> {
  const { rows } = await client.query<{ standing: string }>(ACTING_ROLE_STANDING);
  const basis = JSON.stringify(canonical({ sql, observed, standing: JSON.parse(rows[0]?.standing ?? 'null') }));
  return createHash('sha256').update(basis).digest('base64url');
}
