import type { Context } from '../context.js';

/** A database's collaborators (usernames, sorted) by the PostgreSQL role each works through. */
export async function collaboratorsByRole(
  databaseId: string,
  metadata: Context['metadata'],
): Promise<Map<string, string[]>> {
  const rows = await metadata.collaborator.findMany({
    where: { databaseId },
    select: { user: { select: { username: true } }, configuredRole: { select: { rolname: true } } },
  });
  const byRole = new Map<string, string[]>();
  for (const row of rows)
    byRole.set(row.configuredRole.rolname, [...(byRole.get(row.configuredRole.rolname) ?? []), row.user.username]);
  for (const names of byRole.values()) names.sort();
  return byRole;
}
