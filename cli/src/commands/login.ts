import { hostname } from 'node:os';
import type { Command } from 'commander';
import { Api, unwrap } from '../api.js';
import { normaliseUrl, readSaved, save } from '../config.js';
import { graphql } from '../gql/index.js';
import type { Json } from '../options.js';
import { done, emit } from '../output.js';
import { ask } from '../prompt.js';

const CliLogin = graphql(`
  mutation CliLogin($login: String!, $password: String!) {
    login(login: $login, password: $password) { __typename ...CliError ... on User { username } }
  }
`);

const CliCreateApiToken = graphql(`
  mutation CliCreateApiToken($name: String!) {
    createApiToken(name: $name) { __typename ...CliError ... on CreatedApiToken { token apiToken { id } } }
  }
`);

const CliLogout = graphql(`
  mutation CliLogout {
    logout
  }
`);

export function registerLogin(program: Command): void {
  program
    .command('login')
    .description('Sign in and store an API token in the config dir (mode 0600)')
    .option('--url <url>', 'Rolecall URL, e.g. http://127.0.0.1:4000')
    .option('--username <login>', 'username or e-mail')
    .option('--password <password>', 'omit to be asked (or to read it from standard input)')
    .option('--token-name <name>', 'name of the API token', `rolecall-cli@${hostname()}`)
    .option('--json', 'print JSON')
    .action(async (options: Json & { url?: string; username?: string; password?: string; tokenName: string }) => {
      const saved = await readSaved();
      const url = normaliseUrl(options.url ?? process.env.ROLECALL_URL ?? saved?.url ?? (await ask('Rolecall URL: ')));
      const username = options.username ?? (await ask('Username: '));
      const password = options.password ?? (await ask('Password: ', true));
      const client = new Api({ url, token: null });
      const user = unwrap((await client.request(CliLogin, { login: username, password })).login, 'User');
      const { createApiToken } = await client.request(CliCreateApiToken, { name: options.tokenName });
      const created = unwrap(createApiToken, 'CreatedApiToken');
      // The CLI works with the token from now on: end the session the sign-in opened.
      await client.request(CliLogout, {});
      const path = await save({ url, token: created.token, username: user.username });
      emit(options.json, { url, username: user.username, tokenId: created.apiToken.id, config: path }, () =>
        done(`logged in to ${url} as ${user.username}; API token stored in ${path}`),
      );
    });
}
