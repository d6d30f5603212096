import { createEffect, createResource, createSignal, For, type JSX, Show } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { ErrorText } from '../../components/ErrorText';
import { type DocumentType, graphql } from '../../gql';
import { query } from '../../graphql/client';
import { Explain } from './Explain';
import { RoleGraph } from './RoleGraph';
import { CreateRoleForm } from './roles/CreateRoleForm';
import { DropRoleDialog } from './roles/DropRoleDialog';
import { RoleRow } from './roles/RoleRow';
import type { RolesCatalog, RoleView } from './roles/types';

const RolesQuery = graphql(`
  query Roles($id: ID!) {
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        catalog {
          __typename
          ... on Error { message }
          ... on DatabaseCatalog {
            membershipOptionsPerGrant
            viewerRole { canCreateRoles role { name isSuperuser createDb } }
            roles {
              name canLogin isSuperuser inherit createRole createDb replication bypassRls connectionLimit validUntil
              isPredefined isConfigured
              members { member { name } admin inherit set }
              viewerCan {
                alter alterReason rename renameReason drop dropReason manageMembers manageMembersReason
                setPassword setPasswordReason lockedAttributes { attribute reason }
              }
            }
            schemas { name tables { schema name } }
          }
        }
      }
    }
  }
`);

/** The catalog, or the error that stands in its place (a typed error of the database or of its catalog). */
function catalogOf(data: DocumentType<typeof RolesQuery> | undefined): { catalog?: RolesCatalog; error?: string } {
  const database = data?.database;
  if (!database) return {};
  if (database.__typename !== 'Database') return { error: database.message ?? 'This database cannot be read.' };
  const { catalog } = database;
  if (catalog.__typename !== 'DatabaseCatalog')
    return { error: catalog.message ?? 'The catalog of this database cannot be read.' };
  return { catalog };
}

/** Rows in the page at a time: a server of thousands of roles shows a page of them, searched, not all at once. */
const ROWS_PER_PAGE = 200;
type RoleKind = 'ALL' | 'LOGIN' | 'GROUP';

/**
 * Server roles: attributes, create / alter / rename / drop, the members of each group, the graph and "Explain access".
 * `canConfigure`: the viewer may store role passwords in Rolecall, and so set a configured role's password (admins).
 */
export function Roles(props: { databaseId: string; version: number; canConfigure: boolean }): JSX.Element {
  const [data, { refetch }] = createResource(
    () => [props.databaseId, props.version] as const,
    ([id]) => query(RolesQuery, { id }),
  );
  const reread = async () => refetch();
  // Rows keep their identity across re-reads (live updates, refetches), so an open editor stays open.
  const [state, setState] = createStore<{ roles: RoleView[] }>({ roles: [] });
  // A failed read throws when the resource is read: ask for the error first.
  const read = () => (data.error ? {} : catalogOf(data.latest));
  const catalog = () => read().catalog;
  createEffect(() => {
    const roles = catalog()?.roles;
    if (roles) setState('roles', reconcile(roles, { key: 'name' }));
  });
  const [showPredefined, setShowPredefined] = createSignal(false);
  const [selected, setSelected] = createSignal<string | null>(null);
  const [dropping, setDropping] = createSignal<string | null>(null);
  const roles = () => state.roles.filter((role) => showPredefined() || !role.isPredefined);
  const edges = () =>
    roles().flatMap((role) =>
      role.members.map((edge) => ({
        role: role.name,
        member: edge.member.name,
        admin: edge.admin,
        inherit: edge.inherit,
        set: edge.set,
      })),
    );
  const visibleEdges = () => edges().filter((edge) => roles().some((role) => role.name === edge.member));
  const viewer = () => catalog()?.viewerRole;
  const [search, setSearch] = createSignal('');
  const [kind, setKind] = createSignal<RoleKind>('ALL');
  const [shown, setShown] = createSignal(ROWS_PER_PAGE);
  /** The rows the search and the kind keep; only the first `shown` of them are in the page. */
  const matching = () => {
    const text = search().trim().toLowerCase();
    return roles().filter(
      (role) =>
        (!text || role.name.toLowerCase().includes(text)) &&
        (kind() === 'ALL' || (kind() === 'LOGIN') === role.canLogin),
    );
  };
  const rows = () => matching().slice(0, shown());

  /** Each role's groups, from the members the catalog lists for every group. */
  const memberOf = () => {
    const groups = new Map<string, string[]>();
    for (const group of roles())
      for (const edge of group.members)
        groups.set(edge.member.name, [...(groups.get(edge.member.name) ?? []), group.name]);
    for (const names of groups.values()) names.sort((a, b) => a.localeCompare(b));
    return groups;
  };
  return (
    <section aria-label="Roles" aria-busy={data.loading}>
      <Show when={data.loading && !catalog()}>
        <p class="muted" role="status">
          Loading roles…
        </p>
      </Show>
      <ErrorText error={data.error ? (data.error as Error).message : (read().error ?? null)} />
      <Show when={catalog()}>
        <CreateRoleForm
          databaseId={props.databaseId}
          canCreate={Boolean(viewer()?.canCreateRoles)}
          viewerRole={viewer()?.role?.name ?? null}
          canGiveCreateDb={Boolean(viewer()?.role?.isSuperuser || viewer()?.role?.createDb)}
          canConfigure={props.canConfigure}
          reread={reread}
        />
        <label class="chip">
          <input
            type="checkbox"
            checked={showPredefined()}
            onChange={(event) => setShowPredefined(event.currentTarget.checked)}
          />{' '}
          show predefined roles (pg_*)
        </label>
        <RoleGraph roles={roles()} edges={visibleEdges()} onSelect={setSelected} />
        <Explain
          databaseId={props.databaseId}
          roles={roles().map((role) => role.name)}
          selectedRole={selected()}
          schemas={catalog()?.schemas ?? []}
          version={props.version}
        />
        <div class="row">
          <input
            type="search"
            aria-label="Search roles"
            placeholder="Search roles…"
            value={search()}
            onInput={(event) => {
              setSearch(event.currentTarget.value);
              setShown(ROWS_PER_PAGE);
            }}
          />
          <select
            aria-label="Kind of role"
            value={kind()}
            onChange={(event) => {
              setKind(event.currentTarget.value as RoleKind);
              setShown(ROWS_PER_PAGE);
            }}
          >
            <option value="ALL">all roles</option>
            <option value="LOGIN">login roles</option>
            <option value="GROUP">group roles</option>
          </select>
          <span class="muted" role="status" data-testid="roles-shown">
            {rows().length === matching().length
              ? `${matching().length} role${matching().length === 1 ? '' : 's'}`
              : `${rows().length} of ${matching().length} roles`}
          </span>
        </div>
        <table class="roles">
          <thead>
            <tr>
              <th>Role</th>
              <th>Attributes</th>
              <th>Members (admin / inherit / set)</th>
              <th>Member of</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(role) => (
                <RoleRow
                  role={role}
                  memberOf={memberOf().get(role.name) ?? []}
                  allRoles={roles().map((other) => other.name)}
                  optionsPerGrant={Boolean(catalog()?.membershipOptionsPerGrant)}
                  databaseId={props.databaseId}
                  canConfigure={props.canConfigure}
                  reread={reread}
                  onDrop={setDropping}
                />
              )}
            </For>
          </tbody>
        </table>
        <Show when={rows().length < matching().length}>
          <button type="button" onClick={() => setShown((count) => count + ROWS_PER_PAGE)}>
            Show {Math.min(ROWS_PER_PAGE, matching().length - rows().length)} more
          </button>
        </Show>
      </Show>
      <Show when={dropping()} keyed>
        {(name) => (
          <DropRoleDialog
            name={name}
            databaseId={props.databaseId}
            candidates={state.roles.filter((role) => !role.isPredefined).map((role) => role.name)}
            reread={reread}
            onClose={() => setDropping(null)}
          />
        )}
      </Show>
    </section>
  );
}
