import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's root directory. This module is server/src/paths.ts, or part of a bundle in server/dist/ (what
 * `npm start` runs): two levels below the root either way, so files found from here are found from both.
 */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const fromRoot = (...parts: string[]) => join(PROJECT_ROOT, ...parts);
