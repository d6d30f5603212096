import { describe, expect, it } from 'vitest';
import {
  calloutText,
  type ImpactView,
  impactHeadline,
  impactLines,
  impactReport,
  impactSummary,
  membershipGroupText,
  moreText,
  namesText,
  type PrivilegeGroupView,
  privilegeGroupText,
  roleChangeText,
  sourceText,
  truncatedText,
} from '../src/lib/impact-text.js';

const selectLoss: PrivilegeGroupView = {
  direction: 'LOSS',
  object: { label: 'sales.orders' },
  privilege: 'SELECT',
  grantOptionOnly: false,
  roleCount: 12,
  collaboratorCount: 3,
  collaborators: ['ana', 'bob', 'carol'],
  roles: [
    {
      role: 'ana_role',
      collaborators: ['ana'],
      sources: [{ kind: 'GRANT', path: ['ana_role', 'analysts', 'reporting'] }],
    },
    { role: 'reporting', collaborators: [], sources: [{ kind: 'GRANT', path: ['reporting'] }] },
  ],
};

const impact = (overrides: Partial<ImpactView> = {}): ImpactView => ({
  roleCount: 12,
  collaboratorCount: 3,
  privilegeGroupCount: 1,
  privilegeGroups: [selectLoss],
  membershipGroups: [],
  callouts: [],
  ...overrides,
});

describe('the words for the impact of a change', () => {
  it('says how many roles and which collaborators lose a privilege on an object', () => {
    expect(privilegeGroupText(selectLoss)).toBe(
      '12 roles and 3 collaborators (ana, bob and carol) lose SELECT on sales.orders',
    );
    expect(
      privilegeGroupText({ ...selectLoss, direction: 'GAIN', roleCount: 1, collaboratorCount: 0, collaborators: [] }),
    ).toBe('1 role gains SELECT on sales.orders');
    expect(privilegeGroupText({ ...selectLoss, grantOptionOnly: true })).toContain(
      'lose the grant option of SELECT on sales.orders',
    );
  });

  it('says how many roles lose the privileges of a group, with thousands separated', () => {
    expect(
      membershipGroupText({
        direction: 'LOSS',
        role: 'reporting',
        roleCount: 1000,
        collaboratorCount: 0,
        collaborators: [],
      }),
    ).toBe('1,000 roles lose the privileges of reporting');
  });

  it('names the first collaborators of many, then how many more', () => {
    expect(namesText(['ana', 'bob', 'carol', 'dan'], 12)).toBe('ana, bob, carol and 9 more');
    expect(moreText(20, 1000, 'role')).toBe('and 980 more roles');
    expect(moreText(20, 20, 'role')).toBe('');
  });

  it('shows each role with its collaborators and the membership path it holds the privilege by', () => {
    expect(roleChangeText(selectLoss.roles?.[0] ?? { role: '', collaborators: [], sources: [] })).toBe(
      'ana_role (ana): ana_role → analysts → reporting',
    );
    expect(sourceText({ kind: 'GRANT', path: ['reporting'] })).toBe('granted directly');
    expect(sourceText({ kind: 'PUBLIC', path: [] })).toBe('PUBLIC (every role)');
    expect(sourceText({ kind: 'OWNER', path: ['ana', 'app_owner'] })).toBe('owner: ana → app_owner');
  });

  it('calls out the viewer losing access with what they lose, and a collaborator losing all access', () => {
    const shown = impact();
    expect(calloutText({ code: 'ACTOR_LOSES_ACCESS', role: 'ana_role', collaborators: ['ana'] }, shown)).toBe(
      'You will lose SELECT on sales.orders (through your role ana_role).',
    );
    const twoOnOneTable = impact({ privilegeGroups: [selectLoss, { ...selectLoss, privilege: 'UPDATE' }] });
    expect(calloutText({ code: 'ACTOR_LOSES_ACCESS', role: 'ana_role', collaborators: ['ana'] }, twoOnOneTable)).toBe(
      'You will lose SELECT, UPDATE on sales.orders (through your role ana_role).',
    );
    expect(
      calloutText({ code: 'COLLABORATOR_LOSES_ALL_ACCESS', role: 'bob_role', collaborators: ['bob'] }, shown),
    ).toBe('bob will lose all access here (role bob_role).');
    expect(
      calloutText({ code: 'SOMETHING_NEW', role: 'x', collaborators: [], message: 'As the API says.' }, shown),
    ).toBe('As the API says.');
  });

  it('says when no one’s access changes, and reports every group with its roles for the command line', () => {
    expect(
      impactHeadline(impact({ roleCount: 0, collaboratorCount: 0, privilegeGroupCount: 0, privilegeGroups: [] })),
    ).toBe("No one's access changes.");
    const report = impactReport(impact({ privilegeGroupCount: 3 }));
    expect(report).toContain('- 12 roles and 3 collaborators (ana, bob and carol) lose SELECT on sales.orders');
    expect(report).toContain('    ana_role (ana): ana_role → analysts → reporting');
    expect(report).toContain('    and 10 more roles');
    expect(report.at(-1)).toBe('and 2 more privilege changes');
    expect(impactSummary(impact({ privilegeGroupCount: 3 }))).toBe(
      '12 roles and 3 collaborators (ana, bob and carol) lose SELECT on sales.orders (and 2 more)',
    );
    expect(impactSummary(impact({ roleCount: 0, privilegeGroupCount: 0, privilegeGroups: [] }))).toBeNull();
    expect(impactLines(impact())).toEqual([
      '12 roles and 3 collaborators (ana, bob and carol) lose SELECT on sales.orders',
    ]);
  });

  it('words a truncated impact at the level of groups: what the group reaches, who inherits what its role loses', () => {
    const truncated = impact({
      truncated: true,
      comparedPairs: 5_000_000,
      roleCount: 1_001,
      collaboratorCount: 0,
      privilegeGroups: [
        { ...selectLoss, roleCount: 1, collaboratorCount: 0, collaborators: [], roles: [], inheritorCount: 1_000 },
      ],
      membershipGroups: [
        {
          direction: 'LOSS',
          role: 'reporting',
          roleCount: 1_000,
          collaboratorCount: 0,
          collaborators: [],
          heldObjectCount: 5_000,
        },
      ],
    });
    expect(membershipGroupText(truncated.membershipGroups[0] as never)).toBe(
      '1,000 roles lose the privileges of reporting, which reaches 5,000 objects',
    );
    expect(privilegeGroupText(truncated.privilegeGroups[0] as PrivilegeGroupView)).toBe(
      '1 role loses SELECT on sales.orders (and so may the 1,000 roles that have its privileges)',
    );
    expect(truncatedText(truncated)).toMatch(/^Summary only: .* \(over 5,000,000 role and object pairs\)/);
    expect(impactReport(truncated)[1]).toBe(truncatedText(truncated));
    expect(impactSummary(truncated)).toMatch(/\(summary only\)$/);
    expect(truncatedText(impact())).toBeNull();
  });
});
