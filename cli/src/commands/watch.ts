import type { Command } from 'commander';
import { describeChange } from '../../../web/src/lib/event-text.js';
import { UsageError } from '../api.js';
import { api, resolveDatabase } from '../lookup.js';
import { type DbOption, list, positiveInteger } from '../options.js';
import { watch } from '../watch.js';

export function registerWatch(program: Command): void {
  program
    .command('watch')
    .description("Stream the database's changes live; resumes where it was after a dropped connection")
    .requiredOption('--db <name|id>', 'database name or id')
    .option('--after <cursor>', 'first replay the events after this cursor')
    .option('--kinds <kinds>', 'only these kinds, comma-separated (e.g. privileges.changed,role.created)', list)
    .option('--count <n>', 'stop after n events', positiveInteger)
    .option('--json', 'one JSON object per line')
    .action(async (options: DbOption & { after?: string; kinds?: string[]; count?: number }) => {
      if (options.after !== undefined && !/^\d+$/.test(options.after))
        throw new UsageError('--after takes a cursor (digits)');
      const client = await api();
      const database = await resolveDatabase(client, options.db);
      await watch(client, {
        databaseId: database.id,
        databaseName: database.name,
        after: options.after ?? null,
        kinds: options.kinds ?? null,
        count: options.count ?? 0,
        onEvent: (event) => {
          if (options.json) {
            process.stdout.write(`${JSON.stringify(event)}\n`);
            return;
          }
          const who = event.actor?.username ?? (event.source === 'EXTERNAL' ? 'outside Rolecall' : 'rolecall');
          const what = describeChange(event);
          process.stdout.write(`${event.createdAt}  #${event.cursor}  ${event.kind}  by ${who}  ${what}\n`);
          for (const statement of event.sql) process.stdout.write(`    ${statement}\n`);
        },
      });
    });
}
