/**
 * What a change should tell its caller besides its SQL, as data: a code, the role and objects it is about, and the
 * input option that would fix it. UIs and the CLI word notes for people from these; `message` is the API's own
 * wording, also given in `warnings`.
 */
export type NoteCode =
  | 'SCHEMA_USAGE_MISSING'
  | 'SCHEMA_USAGE_REMAINS'
  | 'SEQUENCE_USAGE_MISSING'
  | 'GRANT_REMAINS'
  | 'MEMBERSHIP_REMAINS'
  | 'MEMBERSHIP_OPTION_UNSUPPORTED'
  | 'GLOBAL_DEFAULT_REMAINS';

export interface ChangeNote {
  code: NoteCode;
  /** The role the note is about (the grantee; the member); null for PUBLIC (a role named "PUBLIC" is that name). */
  grantee: string | null;
  /** The object the change is on (for memberships: the group role). */
  object: string;
  /** What the fix is on (the schema; the sequences), what remains (the privileges), or the options not applied. */
  subjects: string[];
  /** For GRANT_REMAINS and MEMBERSHIP_REMAINS: the role(s) whose grant it is; GLOBAL_DEFAULT_REMAINS: the creator. */
  grantor: string | null;
  /** The boolean option of the same input that, set, fixes it; null when Rolecall cannot. */
  fixOption: 'withSchemaUsage' | 'withSequenceUsage' | 'withoutSchemaUsage' | null;
  message: string;
}

/** Notes and plain warnings together, as a change's checks return them: the words of each for `warnings`. */
export type Unmet = string | ChangeNote;

export const wordsOf = (unmet: Unmet): string => (typeof unmet === 'string' ? unmet : unmet.message);
export const notesIn = (unmet: readonly Unmet[]): ChangeNote[] =>
  unmet.filter((item): item is ChangeNote => typeof item !== 'string');
