import { describe, expect, it } from 'vitest';
import type { Effects } from '../src/events/payloads.js';
import { effectsFromStored, storedEffects } from '../src/events/stored-effects.js';

const EFFECTS: Effects[] = [
  {
    xid: '1234',
    roles: [],
    memberships: [],
    objects: [
      {
        database: 'shop',
        before: {
          oid: 16400,
          objectKind: 'TABLE',
          label: 's.t',
          owner: 10,
          acl: [{ grantor: 10, grantee: 10, privilege_type: 'SELECT', is_grantable: false }],
        },
        after: {
          oid: 16400,
          objectKind: 'TABLE',
          label: 's.t',
          owner: 10,
          acl: [
            { grantor: 10, grantee: 10, privilege_type: 'SELECT', is_grantable: false },
            { grantor: 10, grantee: 0, privilege_type: 'REFERENCES', is_grantable: false },
            { grantor: 10, grantee: 20, privilege_type: 'MAINTAIN', is_grantable: true },
          ],
        },
      },
      { database: 'shop', before: null, after: { oid: 1, objectKind: 'SCHEMA', label: 's', owner: 10, acl: [] } },
    ],
  },
];

describe('the effects an event stores', () => {
  it('read back as they were observed, ACLs (PUBLIC, grant options, empty ones) included', () => {
    const stored = JSON.parse(JSON.stringify(storedEffects(EFFECTS)));
    expect(effectsFromStored(stored)).toEqual(EFFECTS);
  });

  it('hold each ACL as compact text, a third of its items as JSON, and of an ACL only appended to, what was', () => {
    const [effect] = storedEffects(EFFECTS);
    expect(effect?.objects[0]?.before).toMatchObject({ acl: '10 10 SELECT 0' });
    expect(effect?.objects[0]?.after).toMatchObject({ aclAppended: '0 10 REFERENCES 0,20 10 MAINTAIN 1' });
    expect(effect?.objects[0]?.after).not.toHaveProperty('acl');
    expect(JSON.stringify(storedEffects(EFFECTS)).length).toBeLessThan(JSON.stringify(EFFECTS).length / 1.5);
  });

  it('hold the whole ACL after a change that took items away, changed one or put one first', () => {
    const item = (grantee: number, privilege_type: string, is_grantable = false) => ({
      grantor: 10,
      grantee,
      privilege_type,
      is_grantable,
    });
    const acl = [item(10, 'SELECT'), item(20, 'SELECT'), item(30, 'UPDATE')];
    const state = { oid: 16400, objectKind: 'TABLE' as const, label: 's.t', owner: 10 };
    for (const after of [
      [item(10, 'SELECT'), item(20, 'SELECT')],
      [item(10, 'SELECT'), item(20, 'SELECT', true), item(30, 'UPDATE')],
      [item(40, 'SELECT'), ...acl],
      // The last item another.
      [item(10, 'SELECT'), item(20, 'SELECT'), item(300, 'UPDATE')],
    ]) {
      const effects: Effects[] = [
        {
          xid: '1236',
          roles: [],
          memberships: [],
          objects: [{ database: 'shop', before: { ...state, acl }, after: { ...state, acl: after } }],
        },
      ];
      const stored = JSON.parse(JSON.stringify(storedEffects(effects)));
      expect(stored[0].objects[0].after).toHaveProperty('acl');
      expect(effectsFromStored(stored)).toEqual(effects);
    }
  });

  it('keep a privilege whose name holds a space (a parameter’s ALTER SYSTEM) and its grant option', () => {
    const parameter: Effects = {
      xid: '1235',
      roles: [],
      memberships: [],
      objects: [
        {
          database: 'shop',
          before: null,
          after: {
            oid: 3,
            objectKind: 'PARAMETER',
            label: 'work_mem',
            owner: 10,
            acl: [
              { grantor: 10, grantee: 20, privilege_type: 'ALTER SYSTEM', is_grantable: true },
              { grantor: 10, grantee: 0, privilege_type: 'SET', is_grantable: false },
            ],
          },
        },
      ],
    };
    const stored = JSON.parse(JSON.stringify(storedEffects([parameter])));
    expect(effectsFromStored(stored)).toEqual([parameter]);
  });

  it('of events recorded before, ACLs as items, read as they are; none when an event has none', () => {
    expect(effectsFromStored(JSON.parse(JSON.stringify(EFFECTS)))).toEqual(EFFECTS);
    expect(effectsFromStored(undefined)).toEqual([]);
  });
});
