import { describe, expect, it } from 'vitest';
import type { EffectivePrivilegeFieldsFragment } from '../src/gql/graphql.js';
import { accessGroups, privilegeSourcesText, sourceWords } from '../src/lib/privilege-sources.js';

type Source = EffectivePrivilegeFieldsFragment['sources'][number];

const source = (kind: Source['kind'], path: string[] = [], predefinedRole: string | null = null): Source => ({
  kind,
  path,
  grantee: null,
  predefinedRole,
});
const privilege = (name: string, sources: Source[], held = true, grantable = false) => ({
  privilege: name,
  held,
  grantable,
  sources,
});

describe('the words for where a privilege comes from', () => {
  it('says direct, via the group (with the whole path in the detail), PUBLIC, owner and superuser', () => {
    expect(sourceWords(source('GRANT', ['ana']))).toMatchObject({ label: 'direct' });
    const inherited = sourceWords(source('GRANT', ['ana', 'team', 'readers']));
    expect(inherited.label).toBe('via readers');
    expect(inherited.detail).toBe('Granted to readers, inherited: ana → team → readers');
    expect(sourceWords(source('PUBLIC')).label).toBe('PUBLIC');
    expect(sourceWords(source('OWNER', ['ana'])).label).toBe('owner');
    expect(sourceWords(source('OWNER', ['ana', 'app_owner'])).label).toBe('owner via app_owner');
    expect(sourceWords(source('SUPERUSER')).label).toBe('superuser');
    expect(sourceWords(source('PREDEFINED_ROLE', ['ana', 'pg_read_all_data'], 'pg_read_all_data')).label).toBe(
      'via pg_read_all_data',
    );
  });

  it('groups the privileges by their closest source, keeps every reason in the detail, and leaves out one not held', () => {
    const groups = accessGroups([
      privilege('SELECT', [source('PUBLIC'), source('GRANT', ['ana'])]),
      privilege('INSERT', [source('GRANT', ['ana'])]),
      privilege('UPDATE', [source('GRANT', ['ana', 'writers'])]),
      privilege('DELETE', [source('OWNER_GRANT_OPTION', ['ana'])], false, true),
    ]);
    expect(groups.map((group) => [group.source.label, group.privileges])).toEqual([
      ['direct', ['SELECT', 'INSERT']],
      ['via writers', ['UPDATE']],
    ]);
    expect(groups[0]?.detail).toBe(
      'SELECT: Granted to the role itself.; Granted to PUBLIC: every role holds it.\nINSERT: Granted to the role itself.',
    );
    expect(accessGroups([])).toEqual([]);
  });

  it('names a direct grant before one through a group, and never the owner for what only PUBLIC gives', () => {
    const viaGroupFirst = accessGroups([
      privilege('SELECT', [source('GRANT', ['ana', 'readers']), source('GRANT', ['ana'])]),
    ]);
    expect(viaGroupFirst.map((group) => group.source.label)).toEqual(['direct']);
    // The owner revoked its own SELECT: it still holds it through PUBLIC, and may grant it as the owner.
    const ownerWithoutIt = accessGroups([
      privilege('SELECT', [source('OWNER_GRANT_OPTION', ['ana']), source('PUBLIC')], true, true),
    ]);
    expect(ownerWithoutIt.map((group) => group.source.label)).toEqual(['PUBLIC']);
  });

  it('writes every reason of a privilege on one line for an export', () => {
    expect(privilegeSourcesText(privilege('SELECT', [source('GRANT', ['ana', 'readers']), source('PUBLIC')]))).toBe(
      'SELECT: via readers (ana → readers) | PUBLIC',
    );
  });
});
