import { createResource, type JSX, Match, Switch } from 'solid-js';
import { render } from 'solid-js/web';
import { graphql } from './gql';
import { client } from './graphql/client';
import { DatabasesPage } from './pages/databases';
import { LoginPage, SetupPage } from './pages/session';
import './styles.css';

const ViewerQuery = graphql(`
  query Viewer {
    setupRequired
    viewer { id username isAdmin }
  }
`);

function App(): JSX.Element {
  const [state, { refetch }] = createResource(async () => (await client.query(ViewerQuery, {}).toPromise()).data);
  const reload = () => void refetch();
  return (
    <Switch fallback={<p class="card">Loading…</p>}>
      <Match when={state()?.setupRequired}>
        <SetupPage onDone={reload} />
      </Match>
      <Match when={state() && !state()?.viewer}>
        <LoginPage onDone={reload} />
      </Match>
      <Match when={state()?.viewer}>
        {(viewer) => <DatabasesPage username={viewer().username} onSignOut={reload} />}
      </Match>
    </Switch>
  );
}

const root = document.getElementById('root');
if (root) render(() => <App />, root);
