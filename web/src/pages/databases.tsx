import { createResource, createSignal, For, type JSX, Show } from 'solid-js';
import { graphql } from '../gql';
import { client, errorMessage } from '../graphql/client';

const DatabasesQuery = graphql(`
  query Databases {
    databases {
      __typename
      ... on Error { message }
      ... on QueryDatabasesSuccess {
        data { id name viewerAccess server { host port isDemo } }
      }
    }
    demoDatabase { host port database role }
  }
`);

const ConnectMutation = graphql(`
  mutation ConnectDatabase($input: ConnectDatabaseInput!) {
    connectDatabase(input: $input) { __typename ... on Error { message } }
  }
`);

const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

export function DatabasesPage(props: { username: string; onSignOut: () => void }): JSX.Element {
  const [data, { refetch }] = createResource(async () => (await client.query(DatabasesQuery, {}).toPromise()).data);
  const [error, setError] = createSignal<string | null>(null);
  const databases = () => {
    const result = data()?.databases;
    return result?.__typename === 'QueryDatabasesSuccess' ? result.data : [];
  };
  const demoConnected = () =>
    databases().some((database) => database.server.isDemo && database.name === data()?.demoDatabase?.database);

  const connectDemo = async () => {
    const demo = data()?.demoDatabase;
    if (!demo) return;
    const result = await client
      .mutation(ConnectMutation, {
        input: { host: demo.host, port: demo.port, database: demo.database, role: demo.role },
      })
      .toPromise();
    setError(result.error?.message ?? errorMessage(result.data?.connectDatabase));
    await refetch();
  };
  const signOut = async () => {
    await client.mutation(LogoutMutation, {}).toPromise();
    props.onSignOut();
  };

  return (
    <main class="card wide">
      <header>
        <h1>Databases</h1>
        <span>
          Signed in as <strong>{props.username}</strong>{' '}
          <button type="button" onClick={signOut}>
            Sign out
          </button>
        </span>
      </header>
      <Show when={data.loading}>
        <p>Loading…</p>
      </Show>
      <table>
        <thead>
          <tr>
            <th>Database</th>
            <th>Server</th>
            <th>Your access</th>
          </tr>
        </thead>
        <tbody>
          <For
            each={databases()}
            fallback={
              <tr>
                <td colspan="3">No database connected yet.</td>
              </tr>
            }
          >
            {(database) => (
              <tr>
                <td>{database.name}</td>
                <td>
                  {database.server.host}:{database.server.port}
                  {database.server.isDemo ? ' (demo)' : ''}
                </td>
                <td>{database.viewerAccess ?? 'admin (not a collaborator)'}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <Show when={data()?.demoDatabase && !demoConnected()}>
        <button type="button" onClick={connectDemo}>
          Connect the demo database
        </button>
      </Show>
      <p role="alert" class="error">
        {error()}
      </p>
    </main>
  );
}
