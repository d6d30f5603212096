import { A, Route, Router, type RouteSectionProps } from '@solidjs/router';
import { createContext, createResource, type JSX, Match, Show, Switch, useContext } from 'solid-js';
import { render } from 'solid-js/web';
import { ConnectionIndicator, Toasts } from './components/LiveStatus';
import { RouteErrors } from './components/RouteErrors';
import { graphql } from './gql';
import { dropPrefetched, mutate, query } from './graphql/client';
import { AccountPage } from './pages/account/Account';
import { VerifyEmailPage } from './pages/account/VerifyEmail';
import { DatabasePage } from './pages/database/Database';
import { DatabasesPage } from './pages/databases/List';
import { AcceptInvitationPage } from './pages/invitations/Invitations';
import { preloadRoute } from './pages/preload';
import { LoginPage, SetupPage } from './pages/session';
import { UsersPage } from './pages/users/Users';
import './styles.css';

const ViewerQuery = graphql(`
  query Viewer {
    setupRequired
    viewer { id username isAdmin }
  }
`);

const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

/** The signed-in user's name, for pages that speak to them (the invitation they accept is accepted as them). */
const SignedInAs = createContext<() => string | undefined>(() => undefined);

/** Signed out: setup or login. Signed in: the header and the routed page. */
function Shell(props: RouteSectionProps): JSX.Element {
  const accepting = () => props.location.pathname === '/invitations/accept';
  const [state, { refetch }] = createResource(async () => {
    const viewer = await query(ViewerQuery, {});
    if (!viewer.viewer) dropPrefetched();
    return viewer;
  });
  const reload = () => void refetch();
  const signOut = async () => {
    await mutate(LogoutMutation, {});
    location.assign('/');
  };
  return (
    <Switch fallback={<p class="card">Loading…</p>}>
      <Match when={state()?.setupRequired}>
        <SetupPage onDone={reload} />
      </Match>
      <Match when={state() && !state()?.viewer && accepting()}>
        <AcceptInvitationPage onDone={reload} />
      </Match>
      <Match when={state() && !state()?.viewer}>
        <LoginPage onDone={reload} />
      </Match>
      <Match when={state()?.viewer}>
        {(viewer) => (
          <>
            <header class="topbar">
              <A href="/" class="brand">
                Rolecall
              </A>
              <nav aria-label="Main">
                <A href="/" end>
                  Databases
                </A>
                <Show when={viewer().isAdmin}>
                  <A href="/users">Users</A>
                </Show>
                <A href="/account">Account</A>
              </nav>
              <ConnectionIndicator />
              <span class="who">
                {viewer().username}{' '}
                <button type="button" class="ghost" onClick={signOut}>
                  Sign out
                </button>
              </span>
            </header>
            <SignedInAs.Provider value={() => viewer().username}>
              <RouteErrors>{props.children}</RouteErrors>
            </SignedInAs.Provider>
            <Toasts />
          </>
        )}
      </Match>
    </Switch>
  );
}

function SignedInAcceptPage(): JSX.Element {
  const username = useContext(SignedInAs);
  return <AcceptInvitationPage signedInAs={username()} />;
}

const root = document.getElementById('root');
if (root) {
  preloadRoute(location.pathname);
  render(
    () => (
      <Router root={Shell}>
        <Route path="/" component={DatabasesPage} />
        <Route path="/databases/:id/:tab?" component={DatabasePage} />
        <Route path="/users" component={UsersPage} />
        <Route path="/account" component={AccountPage} />
        <Route path="/invitations/accept" component={SignedInAcceptPage} />
        <Route path="/verify-email" component={VerifyEmailPage} />
      </Router>
    ),
    root,
  );
}
