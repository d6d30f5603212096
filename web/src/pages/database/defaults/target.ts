import type { DefaultedObjectKind } from '../../../gql/graphql';

/** Whose new objects of which kind, in one schema or (null) in every schema: one level of ALTER DEFAULT PRIVILEGES. */
export interface DefaultTarget {
  creator: string;
  schema: string | null;
  kind: DefaultedObjectKind;
}

/** A grant as the API shows it (an entry's, or what a new object will hold). */
export interface LevelGrant {
  isPublic: boolean;
  grantee?: { name: string } | null;
  privileges: string[];
  grantable: string[];
}

/** The objects of each kind, as a sentence names them ("new tables made by …"). */
export const KIND_WORDS: Record<DefaultedObjectKind, string> = {
  TABLE: 'tables',
  SEQUENCE: 'sequences',
  FUNCTION: 'functions',
  TYPE: 'types',
  SCHEMA: 'schemas',
  LARGE_OBJECT: 'large objects',
};

/** Schemas and large objects are not made in a schema: their default privileges have only the level for every schema. */
export const isSchemaless = (kind: DefaultedObjectKind) => kind === 'SCHEMA' || kind === 'LARGE_OBJECT';

/** "reader: SELECT, INSERT★" for each grantee; ★ marks WITH GRANT OPTION. */
export function defaultGrantsText(grants: readonly LevelGrant[]): string {
  return grants
    .map((grant) => {
      const name = grant.isPublic ? 'PUBLIC' : (grant.grantee?.name ?? '?');
      const privileges = grant.privileges.map((privilege) =>
        grant.grantable.includes(privilege) ? `${privilege}★` : privilege,
      );
      return `${name}: ${privileges.join(', ') || 'nothing'}`;
    })
    .join('; ');
}

/** What PUBLIC gets on a new object of each kind by PostgreSQL's built-in default (acldefault). */
const PUBLIC_BY_DEFAULT: Partial<Record<DefaultedObjectKind, string>> = { FUNCTION: 'EXECUTE', TYPE: 'USAGE' };

/**
 * What the creator's level for every schema holds while it has no entry: PostgreSQL's built-in default — the creator
 * every privilege of the kind (its grant options are an owner's, implicit), PUBLIC EXECUTE on functions and USAGE on
 * types.
 */
export function builtInDefault(target: DefaultTarget, privileges: readonly string[]): LevelGrant[] {
  const creator = { isPublic: false, grantee: { name: target.creator }, privileges: [...privileges], grantable: [] };
  const forPublic = PUBLIC_BY_DEFAULT[target.kind];
  return forPublic ? [creator, { isPublic: true, grantee: null, privileges: [forPublic], grantable: [] }] : [creator];
}

/** One key per level, to find an entry and to start an editor afresh when the level changes. */
export function targetKey(target: DefaultTarget): string {
  return JSON.stringify([target.creator, target.schema, target.kind]);
}
