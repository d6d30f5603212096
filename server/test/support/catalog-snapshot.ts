import { createHash } from 'node:crypto';
import type { TestApp } from './app.js';

/** A digest per part of a managed server's catalog: equal snapshots mean no role, grant or owner changed. */
export type CatalogSnapshot = Record<string, string>;

const digest = (rows: unknown) => createHash('sha256').update(JSON.stringify(rows)).digest('hex');

/** Roles (with password verifiers), memberships, databases, and `database`'s schemas, relations and default ACLs. */
export async function catalogSnapshot(testApp: TestApp, database: string): Promise<CatalogSnapshot> {
  const [server, inDatabase] = await Promise.all([
    testApp.sql(`
    SELECT 'roles' AS part, (SELECT json_agg(a ORDER BY rolname) FROM pg_authid a) AS rows
    UNION ALL SELECT 'members', (SELECT json_agg(m ORDER BY roleid, member, grantor) FROM pg_auth_members m)
    UNION ALL SELECT 'databases', (SELECT json_agg(json_build_array(datname, datdba, datacl) ORDER BY datname)
                                     FROM pg_database)`),
    testApp.sql(
      `
    SELECT 'schemas' AS part, (SELECT json_agg(json_build_array(nspname, nspowner, nspacl) ORDER BY nspname)
                                 FROM pg_namespace) AS rows
    UNION ALL SELECT 'relations', (SELECT json_agg(json_build_array(relnamespace, relname, relowner, relacl)
                                     ORDER BY relnamespace, relname) FROM pg_class WHERE relkind IN ('r','p','v','m','f','S'))
    UNION ALL SELECT 'defaults', (SELECT json_agg(d ORDER BY oid) FROM pg_default_acl d)`,
      [],
      database,
    ),
  ]);
  return Object.fromEntries([...server, ...inDatabase].map((row) => [row.part as string, digest(row.rows)]));
}

/** The keys whose values differ between two snapshots. */
export function changedParts(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys({ ...before, ...after }).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}
