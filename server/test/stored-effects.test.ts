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

  it('hold each ACL as compact text, a third of its items as JSON', () => {
    const [effect] = storedEffects(EFFECTS);
    expect(effect?.objects[0]?.after?.acl).toBe('10 10 SELECT 0,0 10 REFERENCES 0,20 10 MAINTAIN 1');
    expect(JSON.stringify(storedEffects(EFFECTS)).length).toBeLessThan(JSON.stringify(EFFECTS).length / 1.5);
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
