/** The demo database itself: another database made on the demo's server is the user's own, not the demo. */
export function isDemoDatabase(
  database: { name: string; server: { isDemo: boolean } },
  demo: { database: string } | null | undefined,
): boolean {
  return database.server.isDemo && database.name === demo?.database;
}
