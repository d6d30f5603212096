import { createResource, createSignal, For, type JSX, Show } from 'solid-js';
import { ErrorText } from '../../components/Chrome';
import { graphql } from '../../gql';
import { query } from '../../graphql/client';
import { PermissionDialog, type SecurableView } from './PermissionDialog';

const OverviewQuery = graphql(`
  query Overview($id: ID!) {
    database(id: $id) {
      ... on Database {
        catalog {
          __typename
          ... on Error { message }
          ... on DatabaseCatalog {
            privilegesByKind { kind privileges }
            roles { name isPredefined }
            viewerRole { role { name } databasePrivileges }
            database { ...Securable name }
            schemas {
              ...Securable
              name
              tables { ...Securable schema name tableKind }
            }
          }
        }
      }
    }
  }
  fragment Securable on SecurableObject {
    kind
    owner { name }
    aclIsDefault
    grants { isPublic grantee { name } privileges grantable preset }
    viewerCan { changePrivileges grantablePrivileges transferOwnership reason }
  }
`);

export function Overview(props: { databaseId: string; version: number }): JSX.Element {
  const [data] = createResource(
    () => [props.databaseId, props.version] as const,
    ([id]) => query(OverviewQuery, { id }),
  );
  const [open, setOpen] = createSignal<SecurableView | null>(null);
  const loaded = () => {
    const value = (data()?.database as { catalog?: { __typename: string } } | undefined)?.catalog;
    return value?.__typename === 'DatabaseCatalog' ? (value as unknown as CatalogView) : undefined;
  };
  const failure = () => {
    const value = (data()?.database as { catalog?: { __typename: string; message?: string } } | undefined)?.catalog;
    return value && value.__typename !== 'DatabaseCatalog' ? (value.message ?? 'The catalog could not be read.') : null;
  };
  const mine = (privileges: { grantee: { name: string } | null; privileges: string[] }[], viewer?: string) =>
    privileges.find((grant) => grant.grantee?.name === viewer)?.privileges.join(', ') || '—';

  return (
    <section aria-label="Overview">
      <Show when={data.loading}>
        <p class="muted">Loading the live catalog…</p>
      </Show>
      <ErrorText error={failure()} />
      <Show when={loaded()}>
        {(cat) => (
          <>
            <p>
              You work as <strong>{cat().viewerRole.role?.name}</strong>; on this database you hold{' '}
              {cat().viewerRole.databasePrivileges.join(', ') || 'nothing'}.
            </p>
            <table class="objects">
              <thead>
                <tr>
                  <th>Object</th>
                  <th>Kind</th>
                  <th>Owner</th>
                  <th>Your role's grants</th>
                  <th>Access</th>
                </tr>
              </thead>
              <tbody>
                <Row
                  object={cat().database}
                  label={cat().database.name}
                  kindLabel="database"
                  viewer={cat().viewerRole.role?.name}
                  mine={mine}
                  onOpen={setOpen}
                />
                <For each={cat().schemas}>
                  {(schema) => (
                    <>
                      <Row
                        object={schema}
                        label={schema.name}
                        kindLabel="schema"
                        viewer={cat().viewerRole.role?.name}
                        mine={mine}
                        onOpen={setOpen}
                      />
                      <For each={schema.tables}>
                        {(table) => (
                          <Row
                            object={table}
                            label={`${table.schema}.${table.name}`}
                            kindLabel={table.tableKind.toLowerCase().replace('_', ' ')}
                            viewer={cat().viewerRole.role?.name}
                            mine={mine}
                            onOpen={setOpen}
                            indent
                          />
                        )}
                      </For>
                    </>
                  )}
                </For>
              </tbody>
            </table>
            <Show when={open()}>
              {(object) => (
                <PermissionDialog
                  databaseId={props.databaseId}
                  object={object()}
                  roles={cat()
                    .roles.filter((role) => !role.isPredefined)
                    .map((role) => role.name)}
                  privilegesByKind={cat().privilegesByKind}
                  schemaTables={
                    object().ref.kind === 'SCHEMA'
                      ? (cat().schemas.find((schema) => schema.name === object().ref.name)?.tables ?? [])
                      : []
                  }
                  viewerRole={cat().viewerRole.role?.name}
                  onClose={() => setOpen(null)}
                />
              )}
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}

interface GrantView {
  isPublic: boolean;
  grantee: { name: string } | null;
  privileges: string[];
  grantable: string[];
  preset: string;
}

interface ObjectView {
  kind: 'DATABASE' | 'SCHEMA' | 'TABLE' | 'SEQUENCE';
  owner: { name: string } | null;
  aclIsDefault: boolean;
  grants: GrantView[];
  viewerCan: {
    changePrivileges: boolean;
    grantablePrivileges: string[];
    transferOwnership: boolean;
    reason: string | null;
  };
}

interface CatalogView {
  privilegesByKind: { kind: string; privileges: string[] }[];
  roles: { name: string; isPredefined: boolean }[];
  viewerRole: { role: { name: string } | null; databasePrivileges: string[] };
  database: ObjectView & { name: string };
  schemas: (ObjectView & {
    name: string;
    tables: (ObjectView & { schema: string; name: string; tableKind: string })[];
  })[];
}

function Row(props: {
  object: ObjectView;
  label: string;
  kindLabel: string;
  viewer?: string;
  indent?: boolean;
  mine: (grants: GrantView[], viewer?: string) => string;
  onOpen: (view: SecurableView) => void;
}): JSX.Element {
  const ref = () => {
    if (props.object.kind === 'DATABASE') return { kind: 'DATABASE' as const };
    if (props.object.kind === 'SCHEMA') return { kind: 'SCHEMA' as const, name: props.label };
    const [schema = '', ...rest] = props.label.split('.');
    return { kind: 'TABLE' as const, schema, name: rest.join('.') };
  };
  return (
    <tr data-object={props.label}>
      <td class={props.indent ? 'indent' : ''}>{props.label}</td>
      <td>{props.kindLabel}</td>
      <td>{props.object.owner?.name ?? '—'}</td>
      <td>{props.mine(props.object.grants, props.viewer)}</td>
      <td>
        <button
          type="button"
          class="small"
          onClick={() => props.onOpen({ ...props.object, label: props.label, ref: ref() })}
          aria-label={`Permissions of ${props.label}`}
        >
          Permissions
        </button>
      </td>
    </tr>
  );
}
