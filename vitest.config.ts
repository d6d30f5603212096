import solid from 'vite-plugin-solid';
import { defineConfig } from 'vitest/config';

/** API test files that hold no version's assumptions of their own: run on every supported PostgreSQL version. */
const VERSION_LOOP = [
  'server/test/role-snapshot.test.ts',
  'server/test/role-settings.test.ts',
  'server/test/role-search.test.ts',
  'server/test/login-roles-search.test.ts',
  'server/test/node.test.ts',
  'server/test/permissions-bulk.test.ts',
  'server/test/default-privileges-api.test.ts',
];

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
      // The version loop (issue 15): these API files again on PostgreSQL 15, 16 and 17 (ROLECALL_TEST_PG), the
      // browser's permission flows on 15; the whole suite runs on the embedded 18 above.
      ...([15, 16, 17] as const).map((version) => ({
        extends: true as const,
        test: {
          name: `pg${version}`,
          include: [...VERSION_LOOP, ...(version === 15 ? ['web/test/e2e-permissions.test.ts'] : [])],
          env: { ROLECALL_TEST_PG: String(version) },
        },
      })),
      {
        extends: true,
        plugins: [solid()],
        test: { name: 'dom', include: ['web/test/**/*.test.tsx'], environment: 'happy-dom' },
      },
    ],
  },
});
