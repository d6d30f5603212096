import type { ChangeNote } from '../gql/graphql.js';
/**
 * A change's notes, worded for people from their structure (code, roles, object): the API's own `message` is never
 * parsed. The web's previews and the CLI both word them here.
 */
/** A note as the API gives it, with what wording needs (typed from the schema; the CLI's notes have the same shape). */
export type ChangeNoteView = Pick<ChangeNote, 'code' | 'grantee' | 'object' | 'subjects' | 'grantor' | 'message'>;

const who = (note: ChangeNoteView) => note.grantee ?? 'Everyone (PUBLIC)';
const list = (items: readonly string[]) => items.join(', ');

const WORDING: Record<string, (note: ChangeNoteView) => string> = {
  SCHEMA_USAGE_MISSING: (note) =>
    `${who(note)} cannot use schema ${list(note.subjects)}, so access to ${note.object} does nothing yet.`,
  SCHEMA_USAGE_REMAINS: (note) =>
    `${who(note)} keeps USAGE on schema ${list(note.subjects)} after losing all access to ${note.object}: revoke it too unless something else there needs it.`,
  SEQUENCE_USAGE_MISSING: (note) =>
    `${who(note)} cannot use the sequence ${list(note.subjects)}, so inserts into ${note.object} will fail.`,
  GRANT_REMAINS: (note) =>
    `${who(note)} keeps ${list(note.subjects)} on ${note.object}: ${note.grantor ?? 'another role'} granted it, and only they (or a superuser) can take it back.`,
  MEMBERSHIP_REMAINS: (note) =>
    `${who(note)} stays a member of ${note.object}: ${note.grantor ?? 'another role'} granted it, and only they (or a superuser) can take it back.`,
  GLOBAL_DEFAULT_REMAINS: (note) =>
    `${who(note)} still gets ${list(note.subjects)} on ${note.object}: ${note.grantor ?? 'the creator'}'s default privileges for every schema (or PostgreSQL's built-in default) give it, and a schema's can only add to those. Change them for every schema to take it away.`,
  MEMBERSHIP_OPTION_UNSUPPORTED: (note) =>
    `${list(note.subjects)} cannot be set for ${who(note)} in ${note.object} on this PostgreSQL version: whether it inherits follows its own INHERIT attribute.`,
};

/** The note in words; a code this client does not know yet keeps the API's message. */
export function noteText(note: ChangeNoteView): string {
  return WORDING[note.code]?.(note) ?? note.message;
}

/** What a change tells people: its notes worded, then the warnings that are not notes (PostgreSQL's own). */
export function changeMessages(change: { warnings: readonly string[]; notes?: readonly ChangeNoteView[] }): string[] {
  const notes = change.notes ?? [];
  const noted = new Set(notes.map((note) => note.message));
  return [...notes.map(noteText), ...change.warnings.filter((warning) => !noted.has(warning))];
}
