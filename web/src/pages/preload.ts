import { preloadDatabase } from './database/Database';

const DATABASE_PAGE = /^\/databases\/([^/]+)(?:\/([^/]+))?\/?$/;

/**
 * Sends the queries of the page a URL opens on, at start-up: a deep link's data is on its way while the app checks
 * the session, instead of after. Only views whose first queries are known are listed; others ask when they render.
 */
export function preloadRoute(pathname: string): void {
  const database = DATABASE_PAGE.exec(pathname);
  if (database?.[1]) preloadDatabase(decodeURIComponent(database[1]), database[2]);
}
