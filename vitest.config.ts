import solid from 'vite-plugin-solid';
import { defineConfig } from 'vitest/config';

/**
 * The version loop (issue 15): API test files that run again on PostgreSQL 15, 16 and 17 (ROLECALL_TEST_PG); the whole
 * suite runs on the embedded 18. Each asserts what its version's PostgreSQL does (support/cluster.ts `testedPostgres`:
 * per-grant membership options and 16's CREATEROLE rules from 16, MAINTAIN from 17), never skips it.
 */
const VERSION_LOOP = [
  'server/test/impact-differential.test.ts',
  'server/test/impact-known-roles.test.ts',
  'server/test/role-snapshot.test.ts',
  'server/test/role-settings.test.ts',
  'server/test/role-settings-write.test.ts',
  'server/test/role-search.test.ts',
  'server/test/login-roles-search.test.ts',
  'server/test/node.test.ts',
  'server/test/permissions-bulk.test.ts',
  'server/test/default-privileges-api.test.ts',
  'server/test/default-privileges-write.test.ts',
  'server/test/object-kinds.test.ts',
  'server/test/effective-matrix.test.ts',
  'server/test/permissions-catalog.test.ts',
  'server/test/permissions-grants.test.ts',
  'server/test/permissions-hostile.test.ts',
  'server/test/permissions-roles.test.ts',
  'server/test/explain.test.ts',
  'server/test/who-can-access.test.ts',
  'server/test/catalog-lists.test.ts',
  'server/test/catalog-server.test.ts',
  'server/test/acl-text.test.ts',
  'server/test/change-contract.test.ts',
  // Prepared statements, their generic plans and PREPARE outside a transaction's rollback, on each server.
  'server/test/batched-queries.test.ts',
  'server/test/role-capabilities.test.ts',
  'server/test/role-neighbourhood.test.ts',
];

/**
 * The browser flows whose answers differ by version (CREATEROLE's rules, per-grant membership options, MAINTAIN, the
 * privileges of each kind): run again on PostgreSQL 15, 16 and 17, a browser file costs 15–45 s a version.
 */
const BROWSER_LOOP = [
  'web/test/e2e-permissions.test.ts',
  'web/test/e2e-roles.test.ts',
  'web/test/e2e-role-forms.test.ts',
  'web/test/e2e-object-kinds.test.ts',
  'web/test/e2e-default-privileges.test.ts',
];

/** Files run again on PostgreSQL 15 only, where what they check differs most from 18. */
const ON_15 = [
  // The insiders' matrix (75–105 s a version) asks PostgreSQL for verdicts that follow 15's CREATEROLE rules; 16 and
  // 17 follow 16's rules, as 18 does.
  'server/test/security-insiders.test.ts',
  // A psql membership's INHERIT and the creator's membership in a role it creates are what differ in the events.
  'server/test/live.test.ts',
  // Role settings, comments and default privileges changed in psql: 15 has no MAINTAIN in the built-in default.
  'server/test/drift-settings.test.ts',
  // A server handed from one drift watcher to the next, through a checkpoint of 15's catalog (its memberships).
  'server/test/drift-takeover.test.ts',
  // A managed server that crashes, and a COMMIT whose answer is lost (pg_xact_status), on 15's server.
  'server/test/faults-crash.test.ts',
  'server/test/faults-commit.test.ts',
];

/*
 * On the embedded 18 only, each for a reason (the budget: the loop adds about 5 minutes to `npm test` at 2 workers):
 * - start a cluster of each version 15–18 themselves: effective, default-privileges, drift-attribution, drift-unwatched,
 *   cloud-managed, role-capabilities-versions, role-offers-versions, preview-verdict-versions;
 * - restart the embedded cluster with its data (startTestApp `restartable`): faults, health, role-dependencies;
 * - Rolecall's own rules and plumbing, the same whatever the managed server's version (refusals before any SQL,
 *   auth and sessions, HTTP, mail, TLS, metrics, secrets, the metadata store, the CLI): security-matrix, denials,
 *   security-abuse, security-signin, security-credentials, viewer-lookup, security-http, bad-input, error-unions,
 *   errors, graphql-http, invitations, email-verification, secrets, metrics, tls, redis, pools, lifecycle, foundation,
 *   start, container, migrations, cli, policy, schema, architecture, shared-payloads, drift-explained,
 *   drift-lost-commit;
 * - what they need of PostgreSQL is the same on 15–18 (they passed there unchanged) and they are slow: security-input
 *   (identifier quoting and lengths, 25 s a version), live-roles (routing of role events, 13 s a version);
 * - browser flows whose data comes from API files the loop runs, the same whatever the version: e2e, e2e-role-graph,
 *   e2e-role-offers, e2e-activity, e2e-lists-search, e2e-pickers (each passed on 15), and the scale walks.
 */

export default defineConfig({
  // Node resolves `graphql` to its CommonJS build for Pothos; Vite would pick the .mjs build for our code, and
  // graphql refuses types from two copies. Point both at the same file.
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    // Fails any file whose passwords (support/app.ts `secret()`) show up in a response, message, log line or event.
    // And fails any file where Rolecall reported one of its own changes as made outside Rolecall (external-scan.ts).
    // And fails the test (or the file) in which an uncaught exception or unhandled rejection happened (listed first, so
    // that it still listens during the other files' teardown).
    setupFiles: [
      'server/test/support/unhandled.setup.ts',
      'server/test/support/secrets-scan.setup.ts',
      'server/test/support/external-scan.setup.ts',
    ],
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
      // The version loop (issue 15): the API and browser files again on PostgreSQL 15, 16 and 17 (ROLECALL_TEST_PG),
      // and the insiders' matrix and live feed on 15; the whole suite runs on the embedded 18.
      ...([15, 16, 17] as const).map((version) => ({
        extends: true as const,
        test: {
          name: `pg${version}`,
          include: [...VERSION_LOOP, ...BROWSER_LOOP, ...(version === 15 ? ON_15 : [])],
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
