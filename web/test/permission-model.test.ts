import { describe, expect, it } from 'vitest';
import { changedDrafts, type Draft, presetOf, privilegesFor, toggle } from '../src/lib/permission-model.js';

const TABLE_ORDER = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER', 'MAINTAIN'];

describe('the permission dialog model', () => {
  it('shows a custom set equal to a preset as that preset, whatever the order', () => {
    expect(presetOf('TABLE', ['DELETE', 'SELECT', 'UPDATE', 'INSERT'])).toBe('WRITE');
    expect(presetOf('TABLE', ['SELECT'])).toBe('READ');
    expect(presetOf('SCHEMA', ['CREATE', 'USAGE'])).toBe('CREATE');
    expect(presetOf('DATABASE', ['CONNECT'])).toBe('CONNECT');
  });

  it('shows no privileges as NONE and anything else as CUSTOM', () => {
    expect(presetOf('TABLE', [])).toBe('NONE');
    expect(presetOf('TABLE', ['SELECT', 'TRUNCATE'])).toBe('CUSTOM');
    expect(presetOf('DATABASE', ['CONNECT', 'TEMPORARY'])).toBe('CUSTOM');
  });

  it('choosing a preset fills in its privileges, NONE empties, CUSTOM keeps the current set', () => {
    expect(privilegesFor('TABLE', 'WRITE', ['TRIGGER'])).toEqual(['SELECT', 'INSERT', 'UPDATE', 'DELETE']);
    expect(privilegesFor('TABLE', 'NONE', ['SELECT'])).toEqual([]);
    expect(privilegesFor('TABLE', 'CUSTOM', ['SELECT', 'TRIGGER'])).toEqual(['SELECT', 'TRIGGER']);
  });

  it('toggling privileges in the custom editor turns back into a preset when it matches one', () => {
    let draft: Draft = { grantee: 'ana', privileges: ['SELECT'], grantable: ['SELECT'] };
    draft = toggle(draft, 'INSERT', true, TABLE_ORDER);
    expect(presetOf('TABLE', draft.privileges)).toBe('CUSTOM');
    for (const privilege of ['UPDATE', 'DELETE']) draft = toggle(draft, privilege, true, TABLE_ORDER);
    expect(draft.privileges).toEqual(['SELECT', 'INSERT', 'UPDATE', 'DELETE']);
    expect(presetOf('TABLE', draft.privileges)).toBe('WRITE');
  });

  it('removing a privilege removes its grant option too', () => {
    const draft = toggle(
      { grantee: null, privileges: ['SELECT', 'INSERT'], grantable: ['SELECT'] },
      'SELECT',
      false,
      TABLE_ORDER,
    );
    expect(draft).toEqual({ grantee: null, privileges: ['INSERT'], grantable: [] });
  });

  it('sends only the grantees whose privileges or grant options changed', () => {
    const original = [
      { grantee: 'ana', privileges: ['SELECT'], grantable: [] },
      { grantee: null, privileges: ['SELECT'], grantable: [] },
    ];
    const drafts = [
      { grantee: 'ana', privileges: ['SELECT'], grantable: [] },
      { grantee: null, privileges: [], grantable: [] },
      { grantee: 'bob', privileges: ['SELECT'], grantable: ['SELECT'] },
    ];
    expect(changedDrafts(original, drafts).map((draft) => draft.grantee)).toEqual([null, 'bob']);
  });
});
