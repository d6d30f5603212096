import { changeMessages } from '../../web/src/lib/note-text.js';
import { emitImpact } from './commands/impact.js';
import type { CliChangeFragment } from './gql/graphql.js';
import { graphql } from './gql/index.js';
import type { Json } from './options.js';
import { done, emit } from './output.js';

/** What a permission change (grant, revoke, transfer-owner) prints: `{ __typename ...CliError ...CliChange }`. */
export const ChangeFields = graphql(`
  fragment CliChange on PermissionChange {
    dryRun sql warnings eventId notes { code grantee object subjects grantor message fixOption }
    impact { ...CliImpact }
  }
`);

/** The grant flag that fixes a note, for the notes whose fix is an option of the same change. */
const FIX_FLAGS: Record<string, string> = {
  withSchemaUsage: '--with-schema-usage',
  withSequenceUsage: '--with-sequence-usage',
};

/** The SQL, then the notes worded for people (as the web words them) and PostgreSQL's own warnings. */
export function printChange(change: CliChangeFragment, message: string): string {
  const lines = change.dryRun ? ['-- dry run: nothing was changed; this would run:'] : [done(message)];
  lines.push(...change.sql.map((statement) => (change.dryRun ? statement : `       ${statement}`)));
  lines.push(...changeMessages(change).map((warning) => `warning: ${warning}`));
  const flags = [...new Set(change.notes.flatMap((note) => FIX_FLAGS[note.fixOption ?? ''] ?? []))];
  if (flags.length > 0) lines.push(`hint: run it again with ${flags.join(' and ')} to grant what is missing too`);
  return lines.join('\n');
}

/**
 * A change command's output: its words (`human`) or, with --json, the change as the API returned it. With --impact
 * (`rolecall impact` turns it on), its words followed by who gains and loses access, or with --json the impact alone.
 */
export function emitChange(
  options: Json & { impact?: boolean },
  { impact, ...change }: CliChangeFragment,
  human: () => string,
): void {
  if (options.impact) emitImpact(options.json, impact, human());
  else emit(options.json, change, human);
}

/** ["a"] for a role name, null for PUBLIC (as the API takes it). */
export const grantee = (role: string) => (role.toUpperCase() === 'PUBLIC' ? null : role);
