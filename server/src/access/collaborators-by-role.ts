import type { Context } from '../context.js';

/** A database's collaborators (usernames, sorted) by the PostgreSQL role each works through, in one query. */
export async function collaboratorsByRole(
  databaseId: string,
  metadata: Context['metadata'],
): Promise<Map<string, string[]>> {
  const rows = await metadata.$queryRaw<{ rolname: string; usernames: string[] }[]>`
    SELECT r.rolname, array_agg(u.username ORDER BY u.username COLLATE "C") AS usernames
      FROM "Collaborator" c
      JOIN "ConfiguredRole" r ON r.id = c."configuredRoleId"
      JOIN "User" u ON u.id = c."userId"
     WHERE c."databaseId" = ${databaseId}::uuid
     GROUP BY r.rolname`;
  return new Map(rows.map((row) => [row.rolname, row.usernames]));
}
