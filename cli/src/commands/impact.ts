import type { Command } from 'commander';
import { impactReport } from '../../../web/src/lib/impact-text.js';
import { UsageError } from '../api.js';
import type { CliImpactFragment } from '../gql/graphql.js';
import { graphql } from '../gql/index.js';
import { emit } from '../output.js';

/**
 * Who gains and who loses what through a change, as `--impact` prints it (issue 16): groups, counts, people, paths.
 * The lists take the API's page sizes (50 groups, 100 roles each: its cost limit multiplies any nested literal
 * `first`); the counts are exact and say how many more.
 */
export const ImpactFields = graphql(`
  fragment CliImpact on AccessImpact {
    roleCount collaboratorCount privilegeGroupCount truncated comparedPairs
    privilegeGroups {
      direction privilege grantOptionOnly roleCount collaboratorCount collaborators inheritorCount
      object { kind schema name column arguments label }
      roles { role collaborators sources { kind path grantor grantable } }
    }
    membershipGroups {
      direction role roleCount collaboratorCount collaborators heldObjectCount
      members { role collaborators path }
    }
    callouts { code role collaborators message }
  }
`);

export const IMPACT_OPTION = [
  '--impact',
  'also print who gains and who loses access through it (--json: the impact only)',
] as const;

/** The change's own words, then its impact on access; `--json` prints the impact as the API returns it. */
export function emitImpact(json: boolean | undefined, impact: CliImpactFragment | null | undefined, change: string) {
  emit(json, impact ?? null, () =>
    [
      change,
      '',
      ...(impact ? impactReport(impact) : ['The impact on access could not be worked out for this change.']),
    ].join('\n'),
  );
}

/** The change commands under `command` (those that take --impact), as they are typed: "grant", "role set". */
function changeCommands(command: Command, prefix: string[] = []): string[] {
  return command.commands.flatMap((sub) => {
    const words = [...prefix, sub.name()];
    const own = sub.options.some((option) => option.long === IMPACT_OPTION[0]) ? [words.join(' ')] : [];
    return [...own, ...changeCommands(sub, words)];
  });
}

/** The subcommand of `parent` a word names. */
const named = (parent: Command, word: string | undefined) =>
  parent.commands.find((sub) => sub.name() === word || sub.aliases().includes(word ?? ''));

/** The deepest command the leading words name (role → set), or null when the first names none. */
function leafOf(program: Command, words: string[]): Command | null {
  let command = named(program, words[0]);
  for (const word of words.slice(1)) {
    const next = command && named(command, word);
    if (!next) break;
    command = next;
  }
  return command ?? null;
}

/**
 * `rolecall impact <change command…>`: that command's dry run (always: nothing is applied), printing its impact on
 * access. It runs the change command itself with --dry-run --impact, so every change command has it.
 */
export function registerImpact(program: Command): void {
  program
    .command('impact')
    .description(
      'Who would gain and lose access through a change: runs the change command as a dry run (e.g. rolecall impact revoke --db shop --role analysts --table s.t SELECT --dry-run)',
    )
    .argument(
      '<change...>',
      'a change command with its arguments and options (grant, revoke, transfer-owner, role set …)',
    )
    .allowUnknownOption()
    .action(async (words: string[]) => {
      const leaf = leafOf(program, words);
      if (!leaf?.options.some((option) => option.long === IMPACT_OPTION[0]))
        throw new UsageError(`impact takes a change command: ${changeCommands(program).join(', ')}`);
      // The first word's command parses the rest as if typed after it, nested commands (role set) included.
      const rest = words.slice(1).filter((word) => word !== '--dry-run' && word !== IMPACT_OPTION[0]);
      await named(program, words[0])?.parseAsync([...rest, '--dry-run', IMPACT_OPTION[0]], { from: 'user' });
    });
}
