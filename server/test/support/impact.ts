import type { TestClient } from './client.js';

/** The impact fields every impact test selects (as the contract's ImpactSummary fragment would). */
export const IMPACT_FIELDS = `impact {
  roleCount collaboratorCount privilegeGroupCount
  privilegeGroups {
    direction privilege grantOptionOnly roleCount collaboratorCount collaborators
    object { kind schema name column arguments label }
    roles { role collaborators sources { kind path grantor grantable } }
  }
  membershipGroups { direction role roleCount collaboratorCount collaborators members { role collaborators path } }
  callouts { code role collaborators message }
}`;

export interface Impact {
  roleCount: number;
  collaboratorCount: number;
  privilegeGroupCount: number;
  privilegeGroups: {
    direction: 'GAIN' | 'LOSS';
    privilege: string;
    grantOptionOnly: boolean;
    roleCount: number;
    collaboratorCount: number;
    collaborators: string[];
    object: {
      kind: string;
      schema: string | null;
      name: string;
      column: string | null;
      arguments: string | null;
      label: string;
    };
    roles: {
      role: string;
      collaborators: string[];
      sources: { kind: string; path: string[]; grantor: string | null; grantable: boolean }[];
    }[];
  }[];
  membershipGroups: {
    direction: 'GAIN' | 'LOSS';
    role: string;
    roleCount: number;
    collaboratorCount: number;
    collaborators: string[];
    members: { role: string; collaborators: string[]; path: string[] }[];
  }[];
  callouts: { code: string; role: string; collaborators: string[]; message: string }[];
}

export interface ImpactChange {
  __typename: string;
  dryRun?: boolean;
  eventId?: string | null;
  sql?: string[];
  message?: string;
  impact?: Impact | null;
}

/** Runs a permission mutation (variables declared as `types`), and returns its change with its impact. */
export function changeWithImpact(
  client: TestClient,
  mutation: string,
  types: Record<string, string>,
  args: Record<string, unknown>,
  impactFields = IMPACT_FIELDS,
): Promise<ImpactChange> {
  const variables = { dryRun: false, ...args };
  const all: Record<string, string> = { ...types, databaseId: 'ID!', dryRun: 'Boolean' };
  const names = Object.keys(variables);
  const declared = names.map((name) => `$${name}: ${all[name]}`).join(', ');
  const passed = names.map((name) => `${name}: $${name}`).join(', ');
  return client.field<ImpactChange>(
    `mutation(${declared}) { ${mutation}(${passed}) { __typename ... on Error { message }
       ... on PermissionChange { dryRun eventId sql ${impactFields} } } }`,
    variables,
  );
}

/** "LOSS SELECT sales.orders: a, b" lines, sorted: what a test compares. */
export function impactLines(impact: Impact | null | undefined): string[] {
  if (!impact) return [];
  return impact.privilegeGroups
    .map(
      (group) =>
        `${group.direction} ${group.privilege}${group.grantOptionOnly ? ' (grant option)' : ''} ${group.object.label}: ${group.roles
          .map((role) => role.role)
          .join(', ')}`,
    )
    .sort();
}
