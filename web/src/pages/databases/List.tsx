import { A } from '@solidjs/router';
import { createResource, createSignal, For, type JSX, Show } from 'solid-js';
import { ErrorText } from '../../components/ErrorText';
import { graphql } from '../../gql';
import type { SslMode } from '../../gql/graphql';
import { mutate, query } from '../../graphql/client';
import { createAction } from '../../lib/action';
import { isDemoDatabase } from '../../lib/demo';
import { checkNameLength } from '../../lib/identifier';
import { createFlash, useLiveEvents } from '../../lib/live';
import { member } from '../../lib/result';
import { textMatcher } from '../../lib/text-search';

/** Changes that add, remove or re-describe a row of this list. */
const LIST_KINDS = [
  'database.connected',
  'database.disconnected',
  'collaborator.added',
  'collaborator.changed',
  'collaborator.removed',
  'collaborator.left',
];
const ADMINS_ONLY = 'Only admins connect and disconnect databases.';
/** The TLS modes that check the server's certificate, and so take a CA certificate. */
const VERIFYING: readonly string[] = ['VERIFY_CA', 'VERIFY_FULL'];
const SSL_MODES: { value: SslMode | ''; label: string }[] = [
  { value: '', label: "The server's stored setting (new server: no TLS)" },
  { value: 'DISABLE', label: 'Disable: no TLS' },
  { value: 'REQUIRE', label: 'Require: encrypted, certificate not checked' },
  { value: 'VERIFY_CA', label: 'Verify CA: certificate signed by the CA below' },
  { value: 'VERIFY_FULL', label: 'Verify full: signed by the CA and naming the host' },
];

const DatabasesQuery = graphql(`
  query Databases {
    viewer { isAdmin }
    databases {
      __typename
      ... on Error { message }
      ... on QueryDatabasesConnection {
        nodes { id name viewerAccess viewerRoleName server { host port isDemo sslMode } viewerCapabilities { canDisconnect } }
      }
    }
    demoDatabase { host port database role }
  }
`);
const ConnectDatabase = graphql(`
  mutation ConnectDatabase($input: ConnectDatabaseInput!) {
    connectDatabase(input: $input) { __typename ... on Error { message } ... on Database { id } }
  }
`);
const TestConnection = graphql(`
  mutation TestConnection($input: ConnectDatabaseInput!) {
    testConnection(input: $input) { __typename ... on Error { message } ... on ConnectionTest { currentUser } }
  }
`);
const DisconnectDatabase = graphql(`
  mutation DisconnectDatabase($id: ID!) {
    disconnectDatabase(id: $id) { __typename ... on Error { message } }
  }
`);

export function DatabasesPage(): JSX.Element {
  const [data, { refetch }] = createResource(() => query(DatabasesQuery, {}));
  const [tested, setTested] = createSignal<string | null>(null);
  const [sslMode, setSslMode] = createSignal<SslMode | ''>('');
  const [nameProblems, setNameProblems] = createSignal<Record<string, string | null>>({});
  const checkName = (input: HTMLInputElement) =>
    setNameProblems((problems) => ({ ...problems, [input.name]: checkNameLength(input) }));
  const nameProblem = () => Object.values(nameProblems()).find(Boolean) ?? null;
  const databases = () => member(data()?.databases, 'QueryDatabasesConnection')?.nodes ?? [];
  const [search, setSearch] = createSignal('');
  /** The databases whose name or server host contains the search, in any case. */
  const shown = () => {
    const matches = textMatcher(search());
    return databases().filter((database) => matches(database.name, database.server.host));
  };
  const demo = () => data()?.demoDatabase;
  const isDemo = (database: { name: string; server: { isDemo: boolean } }) => isDemoDatabase(database, demo());
  const demoConnected = () => databases().some(isDemo);
  const { error, act } = createAction(refetch);
  const isAdmin = () => Boolean(data()?.viewer?.isAdmin);
  const [flash, highlight] = createFlash();
  useLiveEvents(() => ({ kinds: LIST_KINDS }), { onEvent: highlight, refresh: () => void refetch() });
  let form: HTMLFormElement | undefined;
  const input = () => {
    const values = new FormData(form);
    return {
      host: String(values.get('host')),
      port: Number(values.get('port') || 5432),
      database: String(values.get('database')),
      role: String(values.get('role')),
      password: String(values.get('password') || '') || undefined,
      sslMode: sslMode() || undefined,
      caCertificate: String(values.get('caCertificate') || '') || undefined,
    };
  };

  return (
    <main class={`page ${flash() ? 'flash' : ''}`}>
      <h1>Databases</h1>
      <div class="row list-tools">
        <input
          type="search"
          aria-label="Search databases"
          placeholder="Search databases or hosts…"
          value={search()}
          onInput={(event) => setSearch(event.currentTarget.value)}
        />
        <Show when={search().trim()}>
          <span class="muted" role="status" data-testid="databases-shown">
            {shown().length} of {databases().length} databases
          </span>
        </Show>
      </div>
      <table class="databases">
        <thead>
          <tr>
            <th>Database</th>
            <th>Server</th>
            <th>Your role</th>
            <th>Your access</th>
            <th />
          </tr>
        </thead>
        <tbody>
          <For
            each={shown()}
            fallback={
              <tr>
                <td colspan="5">
                  {data.loading
                    ? 'Loading…'
                    : databases().length > 0
                      ? 'No database matches.'
                      : 'No database connected yet.'}
                </td>
              </tr>
            }
          >
            {(database) => (
              <tr data-database={database.name}>
                <td>
                  <A href={`/databases/${database.id}`}>{database.name}</A>
                </td>
                <td>
                  {database.server.host}:{database.server.port}
                  {isDemo(database) ? ' (demo)' : ''}
                  <Show when={database.server.sslMode !== 'DISABLE'}>
                    <span class="muted"> · TLS {database.server.sslMode.toLowerCase().replace('_', '-')}</span>
                  </Show>
                </td>
                <td>
                  <Show when={database.viewerRoleName} fallback={<span class="muted">none</span>}>
                    <code>{database.viewerRoleName}</code>
                  </Show>
                </td>
                <td>{database.viewerAccess ?? 'admin (not a collaborator)'}</td>
                <td>
                  <button
                    type="button"
                    class="small danger"
                    disabled={!database.viewerCapabilities.canDisconnect}
                    title={database.viewerCapabilities.canDisconnect ? 'Nothing changes on the server.' : ADMINS_ONLY}
                    onClick={() =>
                      confirm(`Disconnect ${database.name}? Nothing changes on the server.`) &&
                      act(() => mutate(DisconnectDatabase, { id: database.id }))
                    }
                  >
                    Disconnect
                  </button>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <Show when={!isAdmin()}>
        <p class="muted" id="admins-only">
          {ADMINS_ONLY}
        </p>
      </Show>
      <Show when={demo() && !demoConnected()}>
        <button
          type="button"
          class="primary"
          disabled={!isAdmin()}
          aria-describedby={isAdmin() ? undefined : 'admins-only'}
          onClick={() =>
            act(() =>
              mutate(ConnectDatabase, {
                input: {
                  host: demo()?.host ?? '',
                  port: demo()?.port ?? 0,
                  database: demo()?.database ?? '',
                  role: demo()?.role ?? '',
                },
              }),
            )
          }
        >
          Connect the demo database
        </button>
      </Show>
      <Show when={data()}>
        <details open={databases().length === 0 && isAdmin()}>
          <summary>Connect a database</summary>
          <form
            class="connect-form"
            aria-label="Connect a database"
            aria-describedby={isAdmin() ? undefined : 'admins-only'}
            ref={form}
            onSubmit={(event) => {
              event.preventDefault();
              void act(async () => {
                await mutate(ConnectDatabase, { input: input() });
                // Connected: the password is stored (sealed) by Rolecall, not kept in the page.
                form?.reset();
                setSslMode('');
                setTested(null);
              });
            }}
          >
            <fieldset disabled={!isAdmin()}>
              <label>
                Host <input name="host" required value="127.0.0.1" />
              </label>
              <label>
                Port <input name="port" type="number" value="5432" min="1" max="65535" />
              </label>
              <label>
                Database <input name="database" required onInput={(event) => checkName(event.currentTarget)} />
              </label>
              <label>
                Role <input name="role" required onInput={(event) => checkName(event.currentTarget)} />
              </label>
              <label>
                Password{' '}
                <input
                  name="password"
                  type="password"
                  autocomplete="off"
                  placeholder="not needed if the role is configured"
                />
              </label>
              <label>
                TLS{' '}
                <select
                  name="sslMode"
                  value={sslMode()}
                  onChange={(event) => setSslMode(event.currentTarget.value as SslMode | '')}
                >
                  <For each={SSL_MODES}>{(mode) => <option value={mode.value}>{mode.label}</option>}</For>
                </select>
              </label>
              <Show when={VERIFYING.includes(sslMode())}>
                <label>
                  CA certificate{' '}
                  <textarea
                    name="caCertificate"
                    rows={4}
                    spellcheck={false}
                    placeholder={
                      sslMode() === 'VERIFY_CA'
                        ? '-----BEGIN CERTIFICATE----- (PEM; required)'
                        : '-----BEGIN CERTIFICATE----- (PEM; empty: the CAs Node trusts)'
                    }
                  />
                </label>
              </Show>
              <div class="row">
                <button
                  type="button"
                  onClick={() =>
                    act(async () => {
                      setTested(null);
                      const result = await mutate(TestConnection, { input: input() });
                      if (result.testConnection.__typename === 'ConnectionTest')
                        setTested(`Connected as ${result.testConnection.currentUser}.`);
                    })
                  }
                >
                  Test connection
                </button>
                <button type="submit" class="primary">
                  Connect
                </button>
              </div>
              <Show when={tested()}>
                <p class="success" role="status">
                  {tested()}
                </p>
              </Show>
              <Show when={nameProblem()}>
                <p class="error" role="alert">
                  {nameProblem()}
                </p>
              </Show>
            </fieldset>
          </form>
        </details>
      </Show>
      <ErrorText error={error()} />
    </main>
  );
}
