import { describe, expect, it } from 'vitest';
import { accountsFor } from '../src/events/drift.js';
import type { Drift } from '../src/events/drift-diff.js';
import type { Event } from '../src/generated/prisma/client.js';

function rolecallEvent(kind: string, payload: Record<string, unknown>, sql: string[]): Event {
  return { kind, payload, sql, databaseId: null } as unknown as Event;
}

const altered = (role: string): Drift => ({
  kind: 'role.altered',
  category: 'role',
  subject: role,
  payload: { name: role, changes: ['CONNECTION LIMIT 5'] },
});

describe("which psql changes Rolecall's own events explain", () => {
  it('a change to a role is explained by a Rolecall event naming that role whole', () => {
    const event = rolecallEvent('role.altered', { name: 'x' }, ['ALTER ROLE "x" CONNECTION LIMIT 5']);
    expect(accountsFor(event, altered('x'), null)).toBe(true);
  });

  it('is not explained by an event about a role whose name merely contains it', () => {
    const event = rolecallEvent('role.altered', { name: 'also_x' }, ['ALTER ROLE "also_x" CONNECTION LIMIT 3']);
    expect(accountsFor(event, altered('x'), null)).toBe(false);
    expect(accountsFor(event, altered('also'), null)).toBe(false);
  });

  it('reads names from quoted identifiers, with doubled quotes and qualified names', () => {
    const event = rolecallEvent('privileges.changed', {}, ['GRANT SELECT ON TABLE "s"."t" TO "we""ird"']);
    const drift: Drift = {
      kind: 'privileges.changed',
      category: 'acl',
      subject: 's.t',
      payload: { object: 's.t', grantee: 'we"ird' },
    };
    expect(accountsFor(event, drift, null)).toBe(true);
    expect(accountsFor(event, { ...drift, payload: { object: 's.t', grantee: 'we' } }, null)).toBe(false);
    expect(accountsFor(event, { ...drift, subject: 's' }, null)).toBe(true);
    expect(accountsFor(event, { ...drift, subject: 't.s' }, null)).toBe(false);
  });

  it('is not explained by an event of another kind of change', () => {
    const event = rolecallEvent('membership.granted', { role: 'g', member: 'x' }, ['GRANT "g" TO "x"']);
    expect(accountsFor(event, altered('x'), null)).toBe(false);
  });
});
