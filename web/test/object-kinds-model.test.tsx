import { describe, expect, it } from 'vitest';
import { kindPrivilegesOf } from '../src/lib/permission-model.js';
import { byCreator, defaultGrantsText } from '../src/pages/database/DefaultPrivileges.js';
import { connectionsText, validUntilText } from '../src/pages/database/roles/RoleSettings.js';

const grant = (name: string | null, privileges: string[], grantable: string[] = []) => ({
  isPublic: name === null,
  grantee: name === null ? null : { name },
  privileges,
  grantable,
});

describe('the privileges a dialog offers for a kind', () => {
  const lists = [{ kind: 'TABLE', privileges: ['SELECT', 'INSERT'], presets: [] }];

  it('a kind the server lists takes the server’s list', () => {
    const table = { kind: 'TABLE', grants: [], viewerCan: { grantablePrivileges: [] } };
    expect(kindPrivilegesOf(lists, table)).toBe(lists[0]);
  });

  it('a kind the server does not list offers nothing to change', () => {
    expect(kindPrivilegesOf(lists, { kind: 'FUNCTION' })).toEqual({ kind: 'FUNCTION', privileges: [], presets: [] });
  });
});

describe('default privileges, as the read view words them', () => {
  it('names PUBLIC and marks a grant option with a star', () => {
    expect(defaultGrantsText([grant('reader', ['SELECT', 'INSERT'], ['INSERT']), grant(null, ['EXECUTE'])])).toBe(
      'reader: SELECT, INSERT★; PUBLIC: EXECUTE',
    );
  });

  it('groups entries by creator, the global entry before those of a schema', () => {
    const entry = (creator: string, schema: string | null, objectKind: 'TABLE' | 'FUNCTION') => ({
      creator: { name: creator },
      schema,
      objectKind,
      grants: [],
    });
    const groups = byCreator([entry('zed', 's', 'TABLE'), entry('amy', 'b', 'TABLE'), entry('amy', null, 'FUNCTION')]);
    expect(groups.map((group) => [group.creator, group.entries.map((found) => found.schema)])).toEqual([
      ['amy', [null, 'b']],
      ['zed', ['s']],
    ]);
  });
});

describe('a role’s facts', () => {
  it('shows connections in use against the limit, or that there is none', () => {
    expect(connectionsText(3, 10)).toBe('3 of 10');
    expect(connectionsText(0, -1)).toBe('0 (no limit)');
  });

  it('says when a password never expires or has expired', () => {
    expect(validUntilText(null)).toBe('never expires');
    expect(validUntilText('2020-01-01T00:00:00.000Z', Date.parse('2021-01-01'))).toBe(
      '2020-01-01T00:00:00.000Z (expired)',
    );
  });
});
