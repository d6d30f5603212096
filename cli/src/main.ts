import { Command, CommanderError } from 'commander';
import { CliError, UsageError } from './api.js';
import { registerAccess } from './commands/access.js';
import { registerCollaborators } from './commands/collaborators.js';
import { registerDatabases } from './commands/databases.js';
import { registerDefaultPrivileges } from './commands/default-privileges.js';
import { registerExplain } from './commands/explain.js';
import { registerImpact } from './commands/impact.js';
import { registerInvite } from './commands/invite.js';
import { registerLogin } from './commands/login.js';
import { registerPrivileges } from './commands/privileges.js';
import { registerRole } from './commands/role.js';
import { registerRoles } from './commands/roles.js';
import { registerWatch } from './commands/watch.js';
import { exitQuietlyWhenOutputCloses } from './output.js';

exitQuietlyWhenOutputCloses();

const program = new Command('rolecall')
  .description('Rolecall from the command line: collaborators, roles and privileges of PostgreSQL databases.')
  .version('0.1.0')
  .exitOverride()
  .showSuggestionAfterError(false)
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

registerLogin(program);
registerDatabases(program);
registerCollaborators(program);
registerInvite(program);
registerRoles(program);
registerRole(program);
registerPrivileges(program);
registerDefaultPrivileges(program);
registerExplain(program);
registerAccess(program);
registerImpact(program);
registerWatch(program);

/** 0 ok, 1 error (one line: `code: message`), 2 usage. */
async function main(argv: string[]): Promise<number> {
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${oneLine(error.message)}\n`);
      return 2;
    }
    if (error instanceof CliError) {
      process.stderr.write(`${error.code}: ${oneLine(error.message)}\n`);
      return 1;
    }
    process.stderr.write(`ERROR: ${oneLine(error instanceof Error ? error.message : String(error))}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv);
