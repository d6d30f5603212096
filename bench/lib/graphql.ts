import { randomBytes } from 'node:crypto';
import { httpRequest } from './http-client.js';

/** The header Rolecall's CSRF prevention asks for (`CSRF_HEADER` in server/src/app.ts, not imported: it loads the app). */
const CSRF_HEADER = 'x-rolecall-csrf';

export interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string }[];
}

/** GraphQL over HTTP as an integrator sends it: JSON POST, the CSRF header, a bearer token (or a session cookie). */
export class GraphQLClient {
  private cookie: string | undefined;

  constructor(
    readonly url: string,
    readonly token?: string,
  ) {}

  /** `rolecall_session=…` once a login or setup through this client set it: what a browser would hold. */
  get sessionCookie(): string | undefined {
    return this.cookie;
  }

  withToken(token: string): GraphQLClient {
    return new GraphQLClient(this.url, token);
  }

  async request<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await httpRequest(`${this.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [CSRF_HEADER]: '1',
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.setCookie.find((header) => header.startsWith('rolecall_session='));
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const result = JSON.parse(response.body) as GraphQLResponse<T>;
    if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data;
  }

  /** The root field of a one-field operation whose result is a union; anything but `expected` is a failure. */
  async field<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown>,
    expected: string,
  ): Promise<T> {
    const data = await this.request<Record<string, { __typename: string }>>(query, variables);
    const value = Object.values(data)[0];
    if (value?.__typename !== expected) throw new Error(`expected ${expected}, got ${JSON.stringify(value)}`);
    return value as T;
  }
}

const ERROR = '__typename ... on Error { code message }';

export interface Managed {
  database: string;
  owner: string;
  password: string;
}

/** A Rolecall user's sign-in, as a person types it (the browser benchmark signs in with it). */
export interface Credentials {
  login: string;
  password: string;
}

export interface Bootstrapped {
  /** Signed in with the admin's API token. */
  client: GraphQLClient;
  token: string;
  databaseId: string;
  admin: Credentials;
}

async function createToken(session: GraphQLClient): Promise<{ client: GraphQLClient; token: string }> {
  const created = await session.field<{ token: string }>(
    `mutation { createApiToken(name: "bench") { ${ERROR} ... on CreatedApiToken { token } } }`,
    {},
    'CreatedApiToken',
  );
  return { client: new GraphQLClient(session.url, created.token), token: created.token };
}

/** What an operator does on a fresh Rolecall: create the first admin, then an API token to script with. */
export async function adminToken(url: string): Promise<{ client: GraphQLClient; token: string; admin: Credentials }> {
  const session = new GraphQLClient(url);
  const admin = { login: 'bench', password: `admin-${randomBytes(12).toString('base64url')}` };
  await session.field(
    `mutation($input: SetupInput!) { setup(input: $input) { ${ERROR} } }`,
    { input: { username: admin.login, email: 'bench@example.com', password: admin.password } },
    'User',
  );
  return { ...(await createToken(session)), admin };
}

/** An existing user signs in and creates an API token. */
export async function userToken(url: string, login: string, password: string) {
  const session = new GraphQLClient(url);
  await session.field(
    `mutation($login: String!, $password: String!) { login(login: $login, password: $password) { ${ERROR} } }`,
    { login, password },
    'User',
  );
  return createToken(session);
}

/** …and connects a managed database through its CREATEROLE owner role (which the admin then works through). */
export async function bootstrap(url: string, port: number, managed: Managed): Promise<Bootstrapped> {
  const { client, token, admin } = await adminToken(url);
  const database = await client.field<{ id: string }>(
    `mutation($input: ConnectDatabaseInput!) { connectDatabase(input: $input) { ${ERROR} ... on Database { id } } }`,
    {
      input: { host: '127.0.0.1', port, database: managed.database, role: managed.owner, password: managed.password },
    },
    'Database',
  );
  return { client, token, databaseId: database.id, admin };
}
