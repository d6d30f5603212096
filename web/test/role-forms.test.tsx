// @vitest-environment happy-dom
import { createSignal } from 'solid-js';
import { render } from 'solid-js/web';
import { afterEach, describe, expect, it } from 'vitest';
import type { OverviewObjectFragment } from '../src/gql/graphql';
import { withPartitions } from '../src/pages/database/overview-partitions';
import type { AttributeLock } from '../src/pages/database/roles/attribute-locks';
import { CreateRoleForm } from '../src/pages/database/roles/CreateRoleForm';
import { validUntilText } from '../src/pages/database/roles/RoleSettings';

let dispose: (() => void) | undefined;
afterEach(() => {
  dispose?.();
  document.body.innerHTML = '';
});

describe('VALID UNTIL, as a role’s settings word it', () => {
  it('tells infinity from a VALID UNTIL never set, though neither expires', () => {
    expect(validUntilText('infinity')).toBe('never expires (infinity)');
    expect(validUntilText(null)).toBe('never expires');
    expect(validUntilText('2031-02-03T00:00:00.000Z', Date.parse('2030-01-01'))).toBe('2031-02-03T00:00:00.000Z');
  });
});

describe('the create-role form’s attributes', () => {
  const REPLICATION_LOCK: AttributeLock = {
    attribute: 'REPLICATION',
    reason: 'Only a role that has REPLICATION itself can give REPLICATION.',
  };

  function renderForm(locks: () => AttributeLock[]) {
    const container = document.createElement('div');
    document.body.append(container);
    dispose = render(
      () => (
        <CreateRoleForm
          databaseId="db"
          canCreate
          viewerRole="keeper"
          locks={locks()}
          canConfigure={false}
          reread={async () => undefined}
        />
      ),
      container,
    );
    return (keyword: string) => container.querySelector<HTMLInputElement>(`input[aria-label="${keyword}"]`);
  }

  it('disables an attribute the viewer’s role may not give, with the reason', () => {
    const box = renderForm(() => [REPLICATION_LOCK]);
    expect(box('REPLICATION')?.disabled).toBe(true);
    expect(box('REPLICATION')?.closest('label')?.title).toBe(REPLICATION_LOCK.reason);
    expect(box('BYPASSRLS')?.disabled).toBe(false);
    expect(document.body.textContent).toContain(`REPLICATION: ${REPLICATION_LOCK.reason}`);
  });

  it('keeps an attribute ticked before it was refused, until it is unticked: the preview asks what the form shows', () => {
    const [locks, setLocks] = createSignal<AttributeLock[]>([]);
    const box = renderForm(locks);
    box('REPLICATION')?.click();
    expect(box('REPLICATION')?.checked).toBe(true);
    setLocks([REPLICATION_LOCK]);
    expect(box('REPLICATION')?.disabled).toBe(false);
    box('REPLICATION')?.click();
    expect(box('REPLICATION')?.checked).toBe(false);
    expect(box('REPLICATION')?.disabled).toBe(true);
  });
});

describe('partitions in the Overview', () => {
  const table = (name: string, tableKind = 'TABLE') =>
    ({ __typename: 'Table', schema: 's', name, tableKind }) as unknown as OverviewObjectFragment;
  const schema = { __typename: 'Schema', name: 's' } as unknown as OverviewObjectFragment;

  it('follows each open parent with its partitions, a partition partitioned again with its own', () => {
    const partitions: Record<string, OverviewObjectFragment[]> = {
      m: [table('m_2024'), table('m_2025', 'PARTITIONED_TABLE')],
      m_2025: [table('m_2025_low')],
    };
    const placed = withPartitions([schema, table('m', 'PARTITIONED_TABLE'), table('z')], ({ name }) =>
      partitions[name] ? { table: { schema: 's', name }, nodes: partitions[name] ?? [], error: null } : undefined,
    );
    expect(placed.map(({ node, depth, partitionOf }) => [(node as { name: string }).name, depth, partitionOf])).toEqual(
      [
        ['s', 0, null],
        ['m', 1, null],
        ['m_2024', 2, 's.m'],
        ['m_2025', 2, 's.m'],
        ['m_2025_low', 3, 's.m_2025'],
        ['z', 1, null],
      ],
    );
  });

  it('shows nothing under a parent that is closed or whose partitions are still being read', () => {
    const placed = withPartitions([table('m', 'PARTITIONED_TABLE')], () => ({
      table: { schema: 's', name: 'm' },
      nodes: null,
      error: null,
    }));
    expect(placed).toHaveLength(1);
  });
});
