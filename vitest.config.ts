import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Node resolves `graphql` to its CommonJS build for Pothos; Vite would pick the .mjs build for our code, and
  // graphql refuses types from two copies. Point both at the same file.
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['server/test/**/*.test.ts', 'web/test/**/*.test.{ts,tsx}'],
    testTimeout: 60_000,
    expect: { poll: { timeout: 5_000 } },
    hookTimeout: 120_000,
    pool: 'forks',
    // Each file starts its own PostgreSQL cluster; two at a time fit the 2-core machines.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
