import { createEffect, createResource, createSignal, type JSX, Show } from 'solid-js';
import { ChangeOutcome } from '../../../components/ChangeOutcome';
import { Dialog } from '../../../components/Dialog';
import { ErrorText } from '../../../components/ErrorText';
import { RoleCombobox } from '../../../components/RoleCombobox';
import type { RoleDependenciesQuery } from '../../../gql/graphql';
import { errorMessage, query } from '../../../graphql/client';
import { createPreviewedChange } from '../../../lib/previewed-change';
import { member } from '../../../lib/result';
import { changeOf, DropRole, mutate, RoleDependencies } from './operations';

function dependenciesOf(data: RoleDependenciesQuery) {
  const database = member(data.database, 'Database');
  const catalog = member(database?.catalog, 'DatabaseCatalog');
  if (!catalog) return { dependencies: null, error: errorMessage(data.database) ?? errorMessage(database?.catalog) };
  if (!catalog.role) return { dependencies: null, error: 'The role no longer exists.' };
  return { dependencies: catalog.role.dependencies, error: null };
}

/**
 * DROP ROLE as one operation: when the role owns objects, a role to reassign them to, searched on the server
 * (REASSIGN OWNED, DROP OWNED, DROP ROLE); the dry run's SQL for that choice; then Confirm. Cancel changes nothing.
 */
export function DropRoleDialog(props: {
  name: string;
  databaseId: string;
  reread: () => Promise<unknown>;
  onClose: () => void;
}): JSX.Element {
  const [loaded] = createResource(
    () => props.name,
    async (name) => dependenciesOf(await query(RoleDependencies, { id: props.databaseId, name })),
  );
  const [reassignTo, setReassignTo] = createSignal('');
  const change = createPreviewedChange<string>({
    run: async (value, mode) =>
      changeOf(
        await mutate(DropRole, { databaseId: props.databaseId, name: props.name, reassignTo: value || null, ...mode }),
      ),
    reread: props.reread,
    onApplied: () => props.onClose(),
  });
  const owning = () => (loaded()?.dependencies ?? []).filter((dependency) => dependency.owned > 0);
  const privileges = () => (loaded()?.dependencies ?? []).reduce((sum, dependency) => sum + dependency.privileges, 0);
  const needsReassign = () => owning().length > 0;
  const ready = () => Boolean(loaded()?.dependencies) && (!needsReassign() || reassignTo() !== '');
  let first: HTMLElement | undefined;
  createEffect(() => {
    if (!loaded.loading) queueMicrotask(() => first?.focus());
  });

  return (
    <Dialog title={`Drop role ${props.name}`} onClose={props.onClose}>
      <div data-testid="drop-dialog">
        <Show
          when={!loaded.loading}
          fallback={
            <p class="muted" role="status">
              Reading what {props.name} owns…
            </p>
          }
        >
          <ErrorText error={loaded.error ? (loaded.error as Error).message : (loaded()?.error ?? null)} />
          <Show
            when={needsReassign()}
            fallback={
              <p data-testid="drop-owns">
                {props.name} owns no objects
                {privileges() > 0 ? `; DROP OWNED revokes its ${privileges()} privilege(s) first` : ''}.
              </p>
            }
          >
            <p data-testid="drop-owns">
              {props.name} owns{' '}
              {owning()
                .map((dependency) => `${dependency.owned} object(s) in ${dependency.database}`)
                .join(', ')}
              . They must go to another role before it can be dropped.
            </p>
            <RoleCombobox
              ref={(element) => {
                first = element;
              }}
              databaseId={props.databaseId}
              label="Reassign owned objects to"
              showLabel
              value={reassignTo()}
              onChange={setReassignTo}
              filter={{ predefined: false }}
              exclude={[props.name]}
            />
          </Show>
        </Show>
        <div class="row">
          <button
            type="button"
            ref={(element) => {
              first ??= element;
            }}
            disabled={!ready() || change.busy()}
            onClick={() => change.runPreview(reassignTo())}
          >
            Preview
          </button>
          <button
            type="button"
            class="danger"
            disabled={!ready() || !change.previewed(reassignTo()) || change.busy()}
            title={change.previewed(reassignTo()) ? undefined : 'Preview the SQL first.'}
            onClick={() => change.apply(reassignTo())}
          >
            Confirm drop
          </button>
          <button type="button" class="ghost" onClick={props.onClose}>
            Cancel
          </button>
        </div>
        <ChangeOutcome preview={change.previewed(reassignTo()) && change.preview()} error={change.error()} />
      </div>
    </Dialog>
  );
}
