import { createSignal, type JSX } from 'solid-js';
import { graphql } from '../gql';
import { errorMessage, sendMutation } from '../graphql/client';

const SetupMutation = graphql(`
  mutation Setup($input: SetupInput!) {
    setup(input: $input) { __typename ... on Error { message } }
  }
`);

const LoginMutation = graphql(`
  mutation Login($login: String!, $password: String!) {
    login(login: $login, password: $password) { __typename ... on Error { message } }
  }
`);

function Field(props: { label: string; name: string; type?: string; autocomplete?: string }): JSX.Element {
  return (
    <label>
      {props.label}
      <input name={props.name} type={props.type ?? 'text'} autocomplete={props.autocomplete} required />
    </label>
  );
}

function formValues(event: SubmitEvent): Record<string, string> {
  event.preventDefault();
  return Object.fromEntries(new FormData(event.currentTarget as HTMLFormElement)) as Record<string, string>;
}

export function SetupPage(props: { onDone: () => void }): JSX.Element {
  const [error, setError] = createSignal<string | null>(null);
  const submit = async (event: SubmitEvent) => {
    const { username = '', email = '', password = '' } = formValues(event);
    const result = await sendMutation(SetupMutation, { input: { username, email, password } });
    const failure = result.error?.message ?? errorMessage(result.data?.setup);
    if (failure) setError(failure);
    else props.onDone();
  };
  return (
    <form class="card" onSubmit={submit}>
      <h1>Welcome to Rolecall</h1>
      <p>Create the first admin account.</p>
      <Field label="Username" name="username" autocomplete="username" />
      <Field label="E-mail" name="email" type="email" autocomplete="email" />
      <Field label="Password" name="password" type="password" autocomplete="new-password" />
      <p role="alert" class="error">
        {error()}
      </p>
      <button type="submit">Create admin</button>
    </form>
  );
}

export function LoginPage(props: { onDone: () => void }): JSX.Element {
  const [error, setError] = createSignal<string | null>(null);
  const submit = async (event: SubmitEvent) => {
    const { login = '', password = '' } = formValues(event);
    const result = await sendMutation(LoginMutation, { login, password });
    const failure = result.error?.message ?? errorMessage(result.data?.login);
    if (failure) setError(failure);
    else props.onDone();
  };
  return (
    <form class="card" onSubmit={submit}>
      <h1>Sign in to Rolecall</h1>
      <Field label="Username or e-mail" name="login" autocomplete="username" />
      <Field label="Password" name="password" type="password" autocomplete="current-password" />
      <p role="alert" class="error">
        {error()}
      </p>
      <button type="submit">Sign in</button>
    </form>
  );
}
