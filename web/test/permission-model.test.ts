import { describe, expect, it } from 'vitest';
import { presetsOf } from '../../server/src/catalog/privileges.js';
import {
  addedPrivileges,
  changedDrafts,
  type Draft,
  granteeOffers,
  objectFingerprint,
  presetOf,
  privilegesFor,
  toggle,
} from '../src/lib/permission-model.js';

const TABLE_ORDER = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER', 'MAINTAIN'];

describe('the permission dialog model', () => {
  it('shows a custom set equal to a preset as that preset, whatever the order', () => {
    expect(presetOf(presetsOf('TABLE'), ['DELETE', 'SELECT', 'UPDATE', 'INSERT'])).toBe('WRITE');
    expect(presetOf(presetsOf('TABLE'), ['SELECT'])).toBe('READ');
    expect(presetOf(presetsOf('SCHEMA'), ['CREATE', 'USAGE'])).toBe('CREATE');
    expect(presetOf(presetsOf('DATABASE'), ['CONNECT'])).toBe('CONNECT');
  });

  it('shows no privileges as NONE and anything else as CUSTOM', () => {
    expect(presetOf(presetsOf('TABLE'), [])).toBe('NONE');
    expect(presetOf(presetsOf('TABLE'), ['SELECT', 'TRUNCATE'])).toBe('CUSTOM');
    expect(presetOf(presetsOf('DATABASE'), ['CONNECT', 'TEMPORARY'])).toBe('CUSTOM');
  });

  it('choosing a preset fills in its privileges, NONE empties, CUSTOM keeps the current set', () => {
    expect(privilegesFor(presetsOf('TABLE'), 'WRITE', ['TRIGGER'])).toEqual(['SELECT', 'INSERT', 'UPDATE', 'DELETE']);
    expect(privilegesFor(presetsOf('TABLE'), 'NONE', ['SELECT'])).toEqual([]);
    expect(privilegesFor(presetsOf('TABLE'), 'CUSTOM', ['SELECT', 'TRIGGER'])).toEqual(['SELECT', 'TRIGGER']);
  });

  it('toggling privileges in the custom editor turns back into a preset when it matches one', () => {
    let draft: Draft = { grantee: 'ana', privileges: ['SELECT'], grantable: ['SELECT'] };
    draft = toggle(draft, 'INSERT', true, TABLE_ORDER);
    expect(presetOf(presetsOf('TABLE'), draft.privileges)).toBe('CUSTOM');
    for (const privilege of ['UPDATE', 'DELETE']) draft = toggle(draft, privilege, true, TABLE_ORDER);
    expect(draft.privileges).toEqual(['SELECT', 'INSERT', 'UPDATE', 'DELETE']);
    expect(presetOf(presetsOf('TABLE'), draft.privileges)).toBe('WRITE');
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

  it('counts as added only the privileges a grantee did not hold before', () => {
    const original = [{ grantee: 'ana', privileges: ['SELECT'], grantable: [] }];
    expect(addedPrivileges(original, { grantee: 'ana', privileges: ['SELECT', 'INSERT'], grantable: [] })).toEqual([
      'INSERT',
    ]);
    expect(addedPrivileges(original, { grantee: 'bob', privileges: ['SELECT'], grantable: [] })).toEqual(['SELECT']);
  });

  it('gives two reads of an unchanged object the same fingerprint, whatever the order, and a changed one another', () => {
    const viewerCan = { changePrivileges: true, transferOwnership: true, grantablePrivileges: ['SELECT', 'INSERT'] };
    const ana = { grantee: { name: 'ana' }, privileges: ['SELECT', 'INSERT'], grantable: [] };
    const everyone = { grantee: null, privileges: ['SELECT'], grantable: [] };
    const read = { owner: { name: 'shop_owner' }, grants: [ana, everyone], viewerCan };
    const reordered = {
      ...read,
      grants: [everyone, { ...ana, privileges: ['INSERT', 'SELECT'] }],
      viewerCan: { ...viewerCan, grantablePrivileges: ['INSERT', 'SELECT'] },
    };
    expect(objectFingerprint(reordered)).toBe(objectFingerprint(read));
    expect(objectFingerprint({ ...read, owner: { name: 'heir' } })).not.toBe(objectFingerprint(read));
    expect(
      objectFingerprint({ ...read, grants: [{ grantee: { name: 'ana' }, privileges: ['SELECT'], grantable: [] }] }),
    ).not.toBe(objectFingerprint(read));
  });

  it("reads the schema and sequence USAGE offers from the server's notes by their code, not from prose", () => {
    const offers = granteeOffers([
      { code: 'SCHEMA_USAGE_MISSING', grantee: 'bob', object: 's.t', subjects: ['s'] },
      { code: 'SEQUENCE_USAGE_MISSING', grantee: 'bob', object: 's.t', subjects: ['s.t_id_seq'] },
      { code: 'GRANT_REMAINS', grantee: 'bob', object: 's.t', subjects: ['SELECT'] },
    ]);
    expect(offers.map((offer) => offer.offer)).toEqual(['SCHEMA_USAGE', 'SEQUENCE_USAGE']);
    expect(offers[1]?.reason).toBe('bob cannot use the sequence s.t_id_seq, so inserts into s.t will fail.');
  });

  it('tells PUBLIC from a role named "PUBLIC", and a role from one whose name begins the same', () => {
    const offers = granteeOffers([
      { code: 'SCHEMA_USAGE_MISSING', grantee: 'anabel', object: 's.t', subjects: ['s'] },
      { code: 'SEQUENCE_USAGE_MISSING', grantee: null, object: 's.t', subjects: ['s.t_id_seq'] },
      { code: 'SEQUENCE_USAGE_MISSING', grantee: 'PUBLIC', object: 's.t', subjects: ['s.t_id_seq'] },
      { code: 'SEQUENCE_USAGE_MISSING', grantee: 'ana', object: 's.t', subjects: ['s.t_id_seq'] },
    ]);
    expect(offers.map(({ grantee, offer }) => [grantee, offer])).toEqual([
      ['anabel', 'SCHEMA_USAGE'],
      [null, 'SEQUENCE_USAGE'],
      ['PUBLIC', 'SEQUENCE_USAGE'],
      ['ana', 'SEQUENCE_USAGE'],
    ]);
    expect(offers[1]?.reason).toMatch(/^Everyone \(PUBLIC\) cannot use/);
  });
});
