/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Viewer {\n    setupRequired\n    viewer { id username isAdmin }\n  }\n": typeof types.ViewerDocument,
    "\n  query Databases {\n    databases {\n      __typename\n      ... on Error { message }\n      ... on QueryDatabasesSuccess {\n        data { id name viewerAccess server { host port isDemo } }\n      }\n    }\n    demoDatabase { host port database role }\n  }\n": typeof types.DatabasesDocument,
    "\n  mutation ConnectDatabase($input: ConnectDatabaseInput!) {\n    connectDatabase(input: $input) { __typename ... on Error { message } }\n  }\n": typeof types.ConnectDatabaseDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  mutation Setup($input: SetupInput!) {\n    setup(input: $input) { __typename ... on Error { message } }\n  }\n": typeof types.SetupDocument,
    "\n  mutation Login($login: String!, $password: String!) {\n    login(login: $login, password: $password) { __typename ... on Error { message } }\n  }\n": typeof types.LoginDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    setupRequired\n    viewer { id username isAdmin }\n  }\n": types.ViewerDocument,
    "\n  query Databases {\n    databases {\n      __typename\n      ... on Error { message }\n      ... on QueryDatabasesSuccess {\n        data { id name viewerAccess server { host port isDemo } }\n      }\n    }\n    demoDatabase { host port database role }\n  }\n": types.DatabasesDocument,
    "\n  mutation ConnectDatabase($input: ConnectDatabaseInput!) {\n    connectDatabase(input: $input) { __typename ... on Error { message } }\n  }\n": types.ConnectDatabaseDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  mutation Setup($input: SetupInput!) {\n    setup(input: $input) { __typename ... on Error { message } }\n  }\n": types.SetupDocument,
    "\n  mutation Login($login: String!, $password: String!) {\n    login(login: $login, password: $password) { __typename ... on Error { message } }\n  }\n": types.LoginDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    setupRequired\n    viewer { id username isAdmin }\n  }\n"): (typeof documents)["\n  query Viewer {\n    setupRequired\n    viewer { id username isAdmin }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Databases {\n    databases {\n      __typename\n      ... on Error { message }\n      ... on QueryDatabasesSuccess {\n        data { id name viewerAccess server { host port isDemo } }\n      }\n    }\n    demoDatabase { host port database role }\n  }\n"): (typeof documents)["\n  query Databases {\n    databases {\n      __typename\n      ... on Error { message }\n      ... on QueryDatabasesSuccess {\n        data { id name viewerAccess server { host port isDemo } }\n      }\n    }\n    demoDatabase { host port database role }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConnectDatabase($input: ConnectDatabaseInput!) {\n    connectDatabase(input: $input) { __typename ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation ConnectDatabase($input: ConnectDatabaseInput!) {\n    connectDatabase(input: $input) { __typename ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Setup($input: SetupInput!) {\n    setup(input: $input) { __typename ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation Setup($input: SetupInput!) {\n    setup(input: $input) { __typename ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($login: String!, $password: String!) {\n    login(login: $login, password: $password) { __typename ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation Login($login: String!, $password: String!) {\n    login(login: $login, password: $password) { __typename ... on Error { message } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;