import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed documents for the web client, generated from the committed schema.graphql. */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['web/src/**/*.{ts,tsx}', '!web/src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'web/src/gql/': {
      preset: 'client',
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string', BigCursor: 'string' } },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
