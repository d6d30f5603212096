import solid from 'vite-plugin-solid';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Node resolves `graphql` to its CommonJS build for Pothos; Vite would pick the .mjs build for our code, and
  // graphql refuses types from two copies. Point both at the same file.
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    // Fails any file whose passwords (support/app.ts `secret()`) show up in a response, message, log line or event.
    // And fails any file where Rolecall reported one of its own changes as made outside Rolecall (external-scan.ts).
    setupFiles: ['server/test/support/secrets-scan.setup.ts', 'server/test/support/external-scan.setup.ts'],
    testTimeout: 60_000,
    expect: { poll: { timeout: 5_000 } },
    hookTimeout: 120_000,
    pool: 'forks',
    // Each file starts its own PostgreSQL cluster; two at a time fit the 2-core machines.
    maxWorkers: 2,
    fileParallelism: true,
    // Solid's JSX transform (and the browser resolve conditions it brings) only for component tests, in a DOM.
    projects: [
      { extends: true, test: { name: 'node', include: ['server/test/**/*.test.ts', 'web/test/**/*.test.ts'] } },
      {
        extends: true,
        plugins: [solid()],
        test: { name: 'dom', include: ['web/test/**/*.test.tsx'], environment: 'happy-dom' },
      },
    ],
  },
});
