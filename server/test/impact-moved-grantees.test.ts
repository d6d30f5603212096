import { describe, expect, it } from 'vitest';
import type { AclItem } from '../src/catalog/objects.js';
import type { ObjectState } from '../src/events/payloads.js';
import { movedGrantees } from '../src/impact/pairs/affected.js';

const OWNER = 10;
const item = (grantee: number, privilege_type: string, is_grantable = false, grantor = OWNER): AclItem => ({
  grantee,
  grantor,
  privilege_type,
  is_grantable,
});
const table = (acl: AclItem[], owner = OWNER): ObjectState => ({
  oid: 1,
  objectKind: 'TABLE',
  label: 's.t',
  owner,
  acl,
});

/** Owner 10's ACL as PostgreSQL keeps it: each grantee's items together, in the order they were granted. */
const BEFORE = [
  item(OWNER, 'SELECT'),
  item(OWNER, 'INSERT'),
  item(20, 'SELECT'),
  item(30, 'SELECT'),
  item(30, 'UPDATE'),
  item(40, 'SELECT'),
];

describe('the grantees whose items a change moved', () => {
  it('are none when nothing moved', () => {
    expect(movedGrantees(table(BEFORE), table([...BEFORE]))).toEqual([]);
  });

  it('are the new grantee when items are added at the end, and only it', () => {
    expect(movedGrantees(table(BEFORE), table([...BEFORE, item(50, 'SELECT'), item(50, 'TRIGGER')]))).toEqual([50]);
  });

  it('are the grantee whose item changed in the middle, its other items unchanged around it', () => {
    const after = [...BEFORE];
    after[4] = item(30, 'UPDATE', true);
    expect(movedGrantees(table(BEFORE), table(after))).toEqual([30]);
  });

  it('leave out a grantee whose items only changed places, and take one that lost its only item', () => {
    const after = [BEFORE[0], BEFORE[1], BEFORE[4], BEFORE[3], BEFORE[5]] as AclItem[];
    expect(movedGrantees(table(BEFORE), table(after))).toEqual([20]);
  });

  it('tell the same privilege granted by another grantor apart', () => {
    const after = [...BEFORE.slice(0, 5), item(40, 'SELECT', false, 30)];
    expect(movedGrantees(table(BEFORE), table(after))).toEqual([40]);
  });

  it('are every grantee of an object created or dropped, and both owners when ownership moved', () => {
    const roles = (moved: number[]) => [...new Set(moved)].sort((a, b) => a - b);
    expect(roles(movedGrantees(null, table(BEFORE)))).toEqual([OWNER, 20, 30, 40]);
    expect(roles(movedGrantees(table(BEFORE), null))).toEqual([OWNER, 20, 30, 40]);
    expect(roles(movedGrantees(table(BEFORE), table(BEFORE, 99)))).toEqual([OWNER, 99]);
  });
});
