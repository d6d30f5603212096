import { createMemo, createResource, createSignal, For, type JSX, Show } from 'solid-js';
import { ErrorText } from '../../components/ErrorText';
import { RoleCombobox } from '../../components/RoleCombobox';
import { SchemaCombobox } from '../../components/SchemaCombobox';
import { graphql } from '../../gql';
import type { DefaultedObjectKind, DefaultPrivilegesQuery } from '../../gql/graphql';
import { errorMessage, query } from '../../graphql/client';
import { kindPrivilegesOf } from '../../lib/permission-model';
import { member } from '../../lib/result';
import { byCodePoint } from '../../lib/text-search';
import { DefaultPrivilegesEditor } from './defaults/DefaultPrivilegesEditor';
import { NewObjectGrants } from './defaults/NewObjectGrants';
import {
  builtInDefault,
  type DefaultTarget,
  defaultGrantsText,
  isSchemaless,
  KIND_WORDS,
  targetKey,
} from './defaults/target';

export { defaultGrantsText } from './defaults/target';

const DefaultPrivilegesRead = graphql(`
  query DefaultPrivileges($id: ID!) {
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        catalog {
          __typename
          ... on Error { message }
          ... on DatabaseCatalog {
            defaultPrivileges {
              creator { name }
              schema
              objectKind
              grants { isPublic grantee { name } privileges grantable }
            }
            privilegesByKind { kind privileges presets { preset privileges } }
            defaultedKinds
            viewerRole { role { name } }
          }
        }
      }
    }
  }
`);

type Entry = NonNullable<
  Extract<
    NonNullable<Extract<DefaultPrivilegesQuery['database'], { __typename?: 'Database' }>['catalog']>,
    { __typename?: 'DatabaseCatalog' }
  >
>['defaultPrivileges'][number];

/** The entries grouped by creator role, creators by name; within one, global entries first, then by schema and kind. */
export function byCreator(entries: readonly Entry[]): { creator: string; entries: Entry[] }[] {
  const groups = new Map<string, Entry[]>();
  for (const entry of entries) {
    const creator = entry.creator?.name ?? '?';
    groups.set(creator, [...(groups.get(creator) ?? []), entry]);
  }
  const order = (entry: Entry) =>
    `${entry.schema === null || entry.schema === undefined ? 0 : 1}\u0000${entry.schema ?? ''}\u0000${entry.objectKind}`;
  return [...groups.keys()].sort(byCodePoint).map((creator) => ({
    creator,
    entries: [...(groups.get(creator) ?? [])].sort((a, b) => byCodePoint(order(a), order(b))),
  }));
}

const targetOf = (entry: Entry): DefaultTarget => ({
  creator: entry.creator?.name ?? '',
  schema: entry.schema ?? null,
  kind: entry.objectKind,
});

/**
 * ALTER DEFAULT PRIVILEGES as the database keeps them (pg_default_acl), and their editor: choose a creator role, a kind
 * and every schema or one, see what a new object made there will grant, and change what each grantee gets.
 */
export function DefaultPrivileges(props: { databaseId: string; version: number }): JSX.Element {
  const [data, { refetch }] = createResource(
    () => [props.databaseId, props.version] as const,
    ([id]) => query(DefaultPrivilegesRead, { id }),
  );
  const catalogResult = () => member(data()?.database, 'Database')?.catalog;
  const catalog = () => member(catalogResult(), 'DatabaseCatalog');
  const entries = () => catalog()?.defaultPrivileges;
  const failure = () =>
    (data.error as Error | undefined)?.message ?? errorMessage(data()?.database) ?? errorMessage(catalogResult());

  const [chosen, setChosen] = createSignal<{ creator?: string; schema: string | null; kind: DefaultedObjectKind }>({
    schema: null,
    kind: 'TABLE',
  });
  // Until another is chosen, the creator is the viewer's own role: the one whose default privileges it may change.
  const target = createMemo<DefaultTarget | null>(
    () => {
      const creator = chosen().creator ?? catalog()?.viewerRole.role?.name;
      return creator ? { ...chosen(), creator } : null;
    },
    null,
    { equals: (a, b) => a !== null && b !== null && targetKey(a) === targetKey(b) },
  );
  const entryOf = (shown: DefaultTarget) => entries()?.find((entry) => targetKey(targetOf(entry)) === targetKey(shown));
  // The level for every schema without an entry holds the built-in default: the editor starts from what it gives.
  const levelGrants = (shown: DefaultTarget) => {
    const privileges = kindPrivilegesOf(catalog()?.privilegesByKind ?? [], shown).privileges;
    return entryOf(shown)?.grants ?? (shown.schema === null ? builtInDefault(shown, privileges) : []);
  };
  const choose = (change: Partial<DefaultTarget>) => {
    const next = { ...chosen(), creator: target()?.creator, ...change };
    setChosen(isSchemaless(next.kind) ? { ...next, schema: null } : next);
  };
  const [open, setOpen] = createSignal(false);
  const [reads, setReads] = createSignal(0);
  const reread = async () => {
    setReads((count) => count + 1);
    await refetch();
  };

  return (
    <details
      class="default-privileges"
      data-testid="default-privileges"
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>Default privileges (what new objects will grant)</summary>
      <ErrorText error={failure() ?? null} />
      <Show when={entries()}>
        {(all) => (
          <Show
            when={all().length > 0}
            fallback={<p class="muted">No default privileges: new objects get PostgreSQL's built-in defaults.</p>}
          >
            <table class="grants" aria-label="Default privileges">
              <thead>
                <tr>
                  <th>Creator</th>
                  <th>Schema</th>
                  <th>Kind</th>
                  <th>Grants (★ = with grant option)</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                <For each={byCreator(all())}>
                  {(group) => (
                    <For each={group.entries}>
                      {(entry, index) => (
                        <tr data-default-privilege={`${group.creator}:${entry.schema ?? ''}:${entry.objectKind}`}>
                          <td>{index() === 0 ? group.creator : ''}</td>
                          <td>{entry.schema ?? 'every schema'}</td>
                          <td>{KIND_WORDS[entry.objectKind]}</td>
                          <td>{defaultGrantsText(entry.grants) || '—'}</td>
                          <td>
                            <button
                              type="button"
                              class="small"
                              aria-label={`Edit what new ${KIND_WORDS[entry.objectKind]} of ${group.creator} grant in ${entry.schema ?? 'every schema'}`}
                              onClick={() => choose(targetOf(entry))}
                            >
                              Edit
                            </button>
                          </td>
                        </tr>
                      )}
                    </For>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        )}
      </Show>
      {/* Once opened (it reads what a new object will grant on every change), and once the viewer's role is known. */}
      <Show when={open() && catalog()}>
        <h3>Change what new objects grant</h3>
        <p class="muted">
          Default privileges follow the role that creates an object. Those for every schema replace PostgreSQL's
          built-in default; those of one schema can only add to them.
        </p>
        <div class="row">
          <RoleCombobox
            databaseId={props.databaseId}
            label="Creator"
            showLabel
            value={target()?.creator ?? ''}
            onChange={(creator) => choose({ creator })}
            filter={{ predefined: false }}
            placeholder="Type a role's name…"
          />
          <label>
            New{' '}
            <select
              aria-label="Kind of new objects"
              value={chosen().kind}
              onChange={(event) => choose({ kind: event.currentTarget.value as DefaultedObjectKind })}
            >
              <For each={catalog()?.defaultedKinds ?? []}>
                {(kind) => <option value={kind}>{KIND_WORDS[kind]}</option>}
              </For>
            </select>
          </label>
          <SchemaCombobox
            databaseId={props.databaseId}
            label="In schema"
            showLabel
            anyLabel="every schema"
            value={chosen().schema}
            onChange={(schema) => choose({ schema })}
            disabled={isSchemaless(chosen().kind)}
            title={
              isSchemaless(chosen().kind)
                ? 'Schemas and large objects are not made in a schema: their defaults apply everywhere.'
                : undefined
            }
          />
        </div>
        <Show when={target()}>
          {(shown) => (
            <NewObjectGrants databaseId={props.databaseId} target={shown()} readKey={`${props.version}:${reads()}`} />
          )}
        </Show>
        <Show when={target()} keyed>
          {(shown) => (
            <DefaultPrivilegesEditor
              databaseId={props.databaseId}
              target={shown}
              grants={levelGrants(shown)}
              hasEntry={entryOf(shown) !== undefined}
              privilegesByKind={catalog()?.privilegesByKind ?? []}
              reread={reread}
            />
          )}
        </Show>
      </Show>
    </details>
  );
}
