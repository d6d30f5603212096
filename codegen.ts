import type { CodegenConfig } from '@graphql-codegen/cli';

/** The same typed-document setup for every client: the `client` preset's `graphql()` and its result types. */
const typedDocuments = {
  preset: 'client',
  config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string', BigCursor: 'string' } },
  presetConfig: { fragmentMasking: false },
} as const;

/**
 * Typed documents generated from the committed schema.graphql, one target per client: the web app's documents into
 * web/src/gql/, the command line's into cli/src/gql/. Each target reads only its own client's sources, so operation
 * and fragment names need only be unique within one client.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  ignoreNoDocuments: true,
  generates: {
    'web/src/gql/': {
      ...typedDocuments,
      config: { ...typedDocuments.config, documentMode: 'string' },
      documents: ['web/src/**/*.{ts,tsx}', '!web/src/gql/**'],
    },
    // The CLI runs as Node ESM (NodeNext), where relative imports name the file: `./graphql.js`.
    'cli/src/gql/': {
      ...typedDocuments,
      config: { ...typedDocuments.config, importExtension: '.js' },
      documents: ['cli/src/**/*.ts', '!cli/src/gql/**'],
    },
  },
};

export default config;
