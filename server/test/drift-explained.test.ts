import { describe, expect, it } from 'vitest';
import type { AclItem } from '../src/catalog/objects.js';
import type { PgAuthMember, PgRole } from '../src/catalog/roles.js';
import { databaseDrift, serverDrift } from '../src/events/drift-segments.js';
import type { ObjectState } from '../src/events/payloads.js';

/** The drift watcher's arithmetic: what others did between two polls is what Rolecall's observed changes did not. */

const role = (oid: number, rolname: string, attributes: Partial<PgRole> = {}): PgRole => ({
  oid,
  rolname,
  rolsuper: false,
  rolinherit: true,
  rolcreaterole: false,
  rolcreatedb: false,
  rolcanlogin: false,
  rolreplication: false,
  rolbypassrls: false,
  rolconnlimit: -1,
  rolvaliduntil: null,
  valid_until_infinity: false,
  is_predefined: false,
  ...attributes,
});

const edge = (roleid: number, member: number, admin = false): PgAuthMember => ({
  roleid,
  member,
  grantor: 10,
  admin_option: admin,
  inherit_option: true,
  set_option: true,
});

const NAMES = new Map([
  [10, 'postgres'],
  [20, 'creator'],
  [30, 'made'],
  [40, 'x'],
]);
const names = (oid: number) => NAMES.get(oid) ?? String(oid);

const table = (acl: [grantee: number, privilege: string][], owner = 10): ObjectState => ({
  oid: 500,
  objectKind: 'TABLE',
  label: 's.t',
  owner,
  acl: acl.map(([grantee, privilege_type]): AclItem => ({ grantor: 10, grantee, privilege_type, is_grantable: false })),
});

describe('what others changed between two polls, with Rolecall’s observed changes taken out', () => {
  const roles = [role(10, 'postgres'), role(20, 'creator', { rolcreaterole: true })];

  it('a role Rolecall created and renamed in the interval, with its creator’s membership, is nobody else’s doing', () => {
    const now = { roles: [...roles, role(30, 'made')], memberships: [edge(30, 20, true)] };
    const drift = serverDrift(
      { roles, memberships: [] },
      now,
      [
        { before: null, after: role(30, 'first_name') },
        { before: role(30, 'first_name'), after: role(30, 'made') },
      ],
      [{ before: null, after: edge(30, 20, true) }],
      names,
    );
    expect(drift).toEqual([]);
  });

  it('what psql did to the same role and membership before or after Rolecall’s change is still reported', () => {
    const previous = { roles: [...roles, role(40, 'x')], memberships: [edge(30, 40)] };
    // psql: CREATEDB before Rolecall set the connection limit; then made the membership ADMIN after Rolecall's grant.
    const now = {
      roles: [...roles, role(40, 'x', { rolcreatedb: true, rolconnlimit: 3 })],
      memberships: [edge(30, 40, true)],
    };
    const drift = serverDrift(
      previous,
      now,
      [{ before: role(40, 'x', { rolcreatedb: true }), after: role(40, 'x', { rolcreatedb: true, rolconnlimit: 3 }) }],
      [],
      names,
    );
    expect(drift.map((item) => item.payload)).toEqual([
      { name: 'x', changes: ['CREATEDB'] },
      expect.objectContaining({ role: 'made', member: 'x', admin: true }),
    ]);
  });

  it('nothing Rolecall did to a role is reported, even when its VALID UNTIL comes back from JSON as text', () => {
    const until = new Date('2030-01-01T00:00:00Z');
    const stored = JSON.parse(JSON.stringify(role(40, 'x', { rolvaliduntil: until }))) as PgRole;
    const drift = serverDrift(
      { roles: [role(40, 'x')], memberships: [] },
      { roles: [role(40, 'x', { rolvaliduntil: until })], memberships: [] },
      [{ before: role(40, 'x'), after: stored }],
      [],
      names,
    );
    expect(drift).toEqual([]);
  });

  it('an object’s grants: Rolecall’s grant is taken out, psql’s grant on the same object in the interval stays', () => {
    const drift = databaseDrift(
      [table([[10, 'SELECT']])],
      [
        table([
          [10, 'SELECT'],
          [40, 'SELECT'],
          [40, 'INSERT'],
        ]),
      ],
      [
        {
          before: table([[10, 'SELECT']]),
          after: table([
            [10, 'SELECT'],
            [40, 'SELECT'],
          ]),
        },
      ],
      names,
    );
    expect(drift.map((item) => item.payload)).toEqual([
      expect.objectContaining({ object: 's.t', grantee: 'x', granted: ['INSERT'], revoked: [] }),
    ]);
  });

  it('an ownership change and the owner’s grants moving with it, all Rolecall’s, are not reported', () => {
    const drift = databaseDrift(
      [table([[10, 'SELECT']], 10)],
      [table([[40, 'SELECT']], 40)],
      [{ before: table([[10, 'SELECT']], 10), after: table([[40, 'SELECT']], 40) }],
      names,
    );
    expect(drift).toEqual([]);
    // Without the observed change, the same poll is psql's transfer.
    expect(databaseDrift([table([[10, 'SELECT']], 10)], [table([[40, 'SELECT']], 40)], [], names)).not.toEqual([]);
  });
});
