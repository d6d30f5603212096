import { createEffect, createMemo, createSignal, For, type JSX, lazy, on, Show, Suspense } from 'solid-js';
import { createStore } from 'solid-js/store';
import { Dialog } from '../../components/Dialog';
import { ErrorText } from '../../components/ErrorText';
import { VirtualRows, type VirtualRowsHandle } from '../../components/VirtualRows';
import type { RolePower } from '../../gql/graphql';
import { createDebouncedSearch } from '../../lib/debounced-search';
import { formatCount } from '../../lib/numbers';
import { AccessibleObjects } from './AccessibleObjects';
import { Explain } from './Explain';
import { CreateRoleForm } from './roles/CreateRoleForm';
import { DropRoleDialog } from './roles/DropRoleDialog';
import { type RoleEditor, RoleRow } from './roles/RoleRow';
import { createRoleList, INITIAL_ROLE_FILTER, type RoleKind } from './roles/role-list';

/** The graph and its layout library load after the list: the first rows do not wait for them. */
const RoleGraph = lazy(async () => ({ default: (await import('./RoleGraph')).RoleGraph }));

const POWERS: readonly RolePower[] = ['SUPERUSER', 'CREATEROLE', 'CREATEDB', 'REPLICATION', 'BYPASSRLS'];

const rolesText = (count: number) => `${formatCount(count)} role${count === 1 ? '' : 's'}`;

/**
 * Server roles, read a page at a time as the list scrolls and searched on the server: attributes, create / alter /
 * rename / drop, the members of each group, the graph around a chosen role and "Explain access".
 * `canConfigure`: the viewer may store role passwords in Rolecall, and so set a configured role's password (admins).
 */
export function Roles(props: { databaseId: string; version: number; canConfigure: boolean }): JSX.Element {
  const { text: typed, search, type } = createDebouncedSearch();
  const [kind, setKind] = createSignal<RoleKind>(INITIAL_ROLE_FILTER.kind);
  const [power, setPower] = createSignal<RolePower | null>(INITIAL_ROLE_FILTER.power);
  const [showPredefined, setShowPredefined] = createSignal(INITIAL_ROLE_FILTER.showPredefined);
  const filter = createMemo(() => ({
    search: search(),
    kind: kind(),
    power: power(),
    showPredefined: showPredefined(),
  }));
  const list = createRoleList({
    databaseId: () => props.databaseId,
    version: () => props.version,
    filter,
  });
  const viewer = () => list.catalog()?.viewerRole;

  // Which editor each role has open, kept here so it survives the row scrolling out of view and back.
  const [editors, setEditors] = createStore<Record<string, RoleEditor | undefined>>({});
  const [selected, setSelected] = createSignal<string | null>(null);
  const [dropping, setDropping] = createSignal<string | null>(null);
  const [accessOf, setAccessOf] = createSignal<string | null>(null);
  let rows: VirtualRowsHandle | undefined;
  createEffect(on(filter, () => rows?.scrollToIndex(0), { defer: true }));

  return (
    <section aria-label="Roles" aria-busy={list.loading()}>
      <Show when={list.loading() && !list.catalog()}>
        <p class="muted" role="status">
          Loading roles…
        </p>
      </Show>
      <ErrorText error={list.error()} />
      <Show when={list.catalog()}>
        <CreateRoleForm
          databaseId={props.databaseId}
          canCreate={Boolean(viewer()?.canCreateRoles)}
          viewerRole={viewer()?.role?.name ?? null}
          locks={viewer()?.lockedAttributesOnCreate ?? []}
          canConfigure={props.canConfigure}
          reread={list.reread}
        />
        <Suspense fallback={<p class="muted graph-summary">Loading the graph…</p>}>
          <RoleGraph databaseId={props.databaseId} version={props.version} role={selected()} onSelect={setSelected} />
        </Suspense>
        <Explain databaseId={props.databaseId} selectedRole={selected()} version={props.version} />
        <div class="row role-filters">
          <input
            type="search"
            aria-label="Search roles"
            placeholder="Search roles…"
            value={typed()}
            onInput={(event) => type(event.currentTarget.value)}
          />
          <select
            aria-label="Kind of role"
            value={kind()}
            onChange={(event) => setKind(event.currentTarget.value as RoleKind)}
          >
            <option value="ALL">all roles</option>
            <option value="LOGIN">login roles</option>
            <option value="GROUP">group roles</option>
          </select>
          <select
            aria-label="Attribute"
            value={power() ?? ''}
            onChange={(event) => setPower((event.currentTarget.value || null) as RolePower | null)}
          >
            <option value="">any attributes</option>
            <For each={POWERS}>{(name) => <option value={name}>{name}</option>}</For>
          </select>
          <label class="chip">
            <input
              type="checkbox"
              checked={showPredefined()}
              onChange={(event) => setShowPredefined(event.currentTarget.checked)}
            />{' '}
            show predefined roles (pg_*)
          </label>
          <span class="muted" role="status" data-testid="roles-shown">
            {list.total() === null ? 'Searching…' : rolesText(list.total() ?? 0)}
          </span>
        </div>
        <VirtualRows
          each={list.roles()}
          key={(role) => role.name}
          label="Roles"
          class="roles"
          estimateSize={44}
          onNearEnd={list.loadMore}
          ref={(handle) => {
            rows = handle;
          }}
          head={
            <tr>
              <th>Role</th>
              <th>Attributes</th>
              <th>Members</th>
              <th>Member of</th>
              <th>Actions</th>
            </tr>
          }
          fallback={
            <tr>
              <td colSpan={5} class="muted">
                {list.loading() ? 'Searching…' : 'No role matches.'}
              </td>
            </tr>
          }
        >
          {(role) => (
            <RoleRow
              role={role}
              optionsPerGrant={Boolean(list.catalog()?.membershipOptionsPerGrant)}
              databaseId={props.databaseId}
              canConfigure={props.canConfigure}
              reread={list.reread}
              editor={editors[role.name] ?? null}
              onEditor={(editor) => setEditors(role.name, editor ?? undefined)}
              selected={selected() === role.name}
              onSelect={setSelected}
              onAccess={setAccessOf}
              onDrop={setDropping}
            />
          )}
        </VirtualRows>
      </Show>
      <Show when={accessOf()} keyed>
        {(role) => (
          <Dialog title={`What ${role} can access`} wide onClose={() => setAccessOf(null)}>
            <AccessibleObjects databaseId={props.databaseId} role={role} version={props.version} />
          </Dialog>
        )}
      </Show>
      <Show when={dropping()} keyed>
        {(name) => (
          <DropRoleDialog
            name={name}
            databaseId={props.databaseId}
            reread={list.reread}
            onClose={() => setDropping(null)}
          />
        )}
      </Show>
    </section>
  );
}
