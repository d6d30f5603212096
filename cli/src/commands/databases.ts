import type { Command } from 'commander';
import { api, listDatabases } from '../lookup.js';
import type { Json } from '../options.js';
import { emit, table } from '../output.js';

export function registerDatabases(program: Command): void {
  program
    .command('databases')
    .description('Databases you can see')
    .option('--json', 'print JSON')
    .action(async (options: Json) => {
      const databases = await listDatabases(await api());
      const rows = databases.map((database) => ({
        id: database.id,
        name: database.name,
        server: `${database.server.host}:${database.server.port}`,
        access: database.viewerAccess,
      }));
      emit(options.json, rows, () =>
        table(
          ['NAME', 'SERVER', 'ACCESS', 'ID'],
          rows.map((row) => [row.name, row.server, row.access ?? 'n/a', row.id]),
        ),
      );
    });
}
