import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  armAction,
  domRows,
  launchBenchBrowser,
  loadTimeline,
  type Probe,
  SentQueries,
  type SentQuery,
  scrollToEnd,
  shownAfter,
  signedInContext,
  signIn,
} from './lib/browser.js';
import type { GraphQLClient } from './lib/graphql.js';
import { type Check, checkValue, type Section } from './lib/report.js';
import { ROOT } from './lib/server.js';
import { count, median, ms, ratio, timed } from './lib/stats.js';
import { type ScaleEnv, scaleSize, schemaName, startScaleEnv, userName } from './scale.js';

/** The group whose graph and member editor are measured: created by this benchmark with this many members. */
const BIG_GROUP = 'big_group';
const BIG_GROUP_MEMBERS = 1_000;
/** A steady typist: each key is its own input event, as in a person's search. */
const KEY_DELAY_MS = 120;
/** Scrolls to the end of the loaded rows, each letting the next page load: the DOM must not grow with them. */
const SCROLLS = 5;
/** "At most a few hundred rows", whatever the catalog size: `<tr>` elements in the whole document. */
const MAX_DOM_ROWS = 300;
const STEP_TIMEOUT_MS = 30_000;

// --- what is on screen, by accessible names ------------------------------------------------------------------------

/** A table's rows that hold a control: a "Loading…" or "No match" row is not a row of data. */
const rowsOf = (table: string) => `table[aria-label="${table}"] > tbody:not([aria-hidden="true"]) > tr:has(button)`;
const ROLES = 'Roles';
const OBJECTS = 'Objects';
const FIRST_CELL = 'td:first-child';
const graphNode = (role: string) => `svg [role="button"][aria-label^="Role ${role}"]`;
const moreMembersNode = (role: string) => `svg [role="button"][aria-label^="Show more members of ${role}"]`;

// --- the catalog's names -------------------------------------------------------------------------------------------

interface Names {
  /** A role typed into the searches: its name's prefix matches ten roles, so only the last key's search shows it alone. */
  searched: string;
  /** The first table of the Overview, and a role granted on it (scale.ts grants table i to user 1 + 13i). */
  table: string;
  tableGrantee: string;
  bigGroupMembers: number;
}

function namesOf(env: ScaleEnv): Names {
  const { users } = env.size;
  return {
    searched: userName(users - 1),
    table: `${schemaName(1)}.t0001`,
    tableGrantee: userName(1 + (13 % users)),
    bigGroupMembers: Math.min(BIG_GROUP_MEMBERS, users),
  };
}

/** big_group, made by the owner role Rolecall works through (so it holds ADMIN on it and may edit its members). */
async function createBigGroup(env: ScaleEnv, members: number): Promise<void> {
  const exists = await env.raw.query('SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = $1', [BIG_GROUP]);
  if (exists.rowCount) return;
  await env.raw.query(`CREATE ROLE ${BIG_GROUP} NOLOGIN`);
  const names = Array.from({ length: members }, (_, i) => userName(i + 1)).join(', ');
  await env.raw.query(`GRANT ${BIG_GROUP} TO ${names}`);
}

// --- the views measured --------------------------------------------------------------------------------------------

type ViewId = 'roles' | 'overview' | 'dialog' | 'roleSearch' | 'pickerSearch' | 'graph' | 'members';

/** One measured view in one run: the time, and the GraphQL queries the page sent for it (replayed as a baseline). */
interface Sample {
  ms: number;
  queries: SentQuery[];
}
type Samples = Partial<Record<ViewId, Sample>>;

/** What one run saw besides the times: DOM sizes, the graph, where each page load's time went. */
interface Seen {
  rolesLoaded?: { table: number; page: number };
  rolesScrolled?: { table: number; page: number; loaded: number };
  overviewLoaded?: { table: number; page: number };
  overviewScrolled?: { table: number; page: number; loaded: number };
  dialogOpen?: number;
  editorOpen?: number;
  graphNodes?: number;
  /** What was clicked to show big_group's neighbourhood. */
  graphFrom?: string;
  /** Each navigation's requests until its first row, as the page timed them. */
  rolesLoad?: string;
  overviewLoad?: string;
}

interface Flow {
  page: Page;
  env: ScaleEnv;
  names: Names;
  samples: Samples;
  seen: Seen;
  failures: Map<string, string>;
}

/** Runs one step; a step that fails (a control the UI does not have yet) is recorded and the next one still runs. */
async function step(flow: Flow, name: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!flow.failures.has(name)) flow.failures.set(name, (error as Error).message.split('\n')[0] as string);
  }
}

/** Types `text` key by key into `input` and returns when `probe` is met after the last key. */
async function typeAndTime(flow: Flow, input: ReturnType<Page['locator']>, text: string, probe: Probe) {
  await input.focus();
  await armAction(flow.page);
  const shown = shownAfter(flow.page, { ...probe, typed: text, fromAction: true }, STEP_TIMEOUT_MS);
  await input.pressSequentially(text, { delay: KEY_DELAY_MS });
  return shown;
}

/** The Roles tab: first rows, rows in the DOM, a search, the graph of big_group and its member editor. */
async function rolesFlow(flow: Flow): Promise<void> {
  const { page, env, names } = flow;
  const sent = new SentQueries(page);
  await page.goto(`${env.rolecall.url}/databases/${env.api.databaseId}/roles`, { waitUntil: 'commit' });
  await step(flow, 'roles', async () => {
    const shown = await shownAfter(page, { rows: rowsOf(ROLES) }, STEP_TIMEOUT_MS);
    flow.samples.roles = { ms: shown, queries: sent.since(0, ['Roles']) };
    flow.seen.rolesLoad = `${await loadTimeline(page, shown)}; first row ${shown.toFixed(0)}`;
    flow.seen.rolesLoaded = await domRows(page, ROLES);
  });
  await step(flow, 'roles scrolled', async () => {
    await scrollToEnd(page, ROLES, SCROLLS);
    flow.seen.rolesScrolled = await domRows(page, ROLES);
  });
  const search = page.getByRole('searchbox', { name: 'Search roles' });
  await step(flow, 'roleSearch', async () => {
    const mark = sent.mark();
    const shown = await typeAndTime(flow, search, names.searched, {
      rows: rowsOf(ROLES),
      name: FIRST_CELL,
      target: names.searched,
      every: names.searched,
    });
    flow.samples.roleSearch = { ms: shown, queries: sent.since(mark) };
  });
  const row = page.locator(rowsOf(ROLES)).filter({ has: page.getByRole('button', { name: BIG_GROUP, exact: true }) });
  await step(flow, 'graph', async () => {
    await search.fill(BIG_GROUP);
    await shownAfter(page, { rows: rowsOf(ROLES), name: FIRST_CELL, target: BIG_GROUP, every: BIG_GROUP });
    // Choosing a role in the list centres the graph on it (one the graph already draws as a neighbour too).
    const action = row.getByRole('button', { name: BIG_GROUP, exact: true });
    flow.seen.graphFrom = 'its name in the list';
    await armAction(page);
    const mark = sent.mark();
    const shown = shownAfter(
      page,
      { rows: graphNode(BIG_GROUP), also: [moreMembersNode(BIG_GROUP)], fromAction: true },
      STEP_TIMEOUT_MS,
    );
    await action.click();
    flow.samples.graph = { ms: await shown, queries: sent.since(mark) };
    flow.seen.graphNodes = await page.locator('svg [role="button"][aria-label^="Role "]').count();
  });
  await step(flow, 'members', async () => {
    await armAction(page);
    const mark = sent.mark();
    const shown = shownAfter(
      page,
      { rows: rowsOf(`Members of ${BIG_GROUP}`), name: FIRST_CELL, target: userName(1), fromAction: true },
      STEP_TIMEOUT_MS,
    );
    await row.getByRole('button', { name: 'Edit members' }).click();
    flow.samples.members = { ms: await shown, queries: sent.since(mark) };
    flow.seen.editorOpen = (await domRows(page, ROLES)).page;
  });
}

/** The Overview: first rows, the permission dialog of the first table and its grantee picker, rows in the DOM. */
async function overviewFlow(flow: Flow): Promise<void> {
  const { page, env, names } = flow;
  const sent = new SentQueries(page);
  await page.goto(`${env.rolecall.url}/databases/${env.api.databaseId}/overview`, { waitUntil: 'commit' });
  await step(flow, 'overview', async () => {
    const shown = await shownAfter(page, { rows: rowsOf(OBJECTS) }, STEP_TIMEOUT_MS);
    flow.samples.overview = { ms: shown, queries: sent.since(0, ['OverviewObjects']) };
    flow.seen.overviewLoad = `${await loadTimeline(page, shown)}; first row ${shown.toFixed(0)}`;
    flow.seen.overviewLoaded = await domRows(page, OBJECTS);
  });
  await step(flow, 'dialog', async () => {
    await armAction(page);
    const mark = sent.mark();
    const shown = shownAfter(
      page,
      { rows: '[role="dialog"] tr:has(td)', target: names.tableGrantee, fromAction: true },
      STEP_TIMEOUT_MS,
    );
    await page.getByRole('button', { name: `Permissions of ${names.table}`, exact: true }).click();
    flow.samples.dialog = { ms: await shown, queries: sent.since(mark) };
    flow.seen.dialogOpen = (await domRows(page, OBJECTS)).page;
  });
  await step(flow, 'pickerSearch', async () => {
    const picker = page.getByRole('dialog').getByRole('combobox', { name: 'Add a grantee' });
    const mark = sent.mark();
    const shown = await typeAndTime(flow, picker, names.searched, {
      rows: '[role="dialog"] [role="option"]',
      target: names.searched,
      every: names.searched,
    });
    flow.samples.pickerSearch = { ms: shown, queries: sent.since(mark) };
  });
  await step(flow, 'overview scrolled', async () => {
    await page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).click();
    await scrollToEnd(page, OBJECTS, SCROLLS);
    flow.seen.overviewScrolled = await domRows(page, OBJECTS);
  });
}

// --- baselines: the page's own queries alone, and the same data through pg -----------------------------------------

/** Replays the queries a page sent for a view (at once, as a page sends them), from Node, with the same session. */
async function replay(session: GraphQLClient, queries: SentQuery[]): Promise<number> {
  if (queries.length === 0) return Number.NaN;
  return (await timed(() => Promise.all(queries.map((sent) => session.request(sent.query, sent.variables))))).ms;
}

/** A baseline that fails is recorded and left out, rather than ending the benchmark. */
async function baselineMs(what: string, failures: Map<string, string>, measure: () => Promise<number>) {
  try {
    return await measure();
  } catch (error) {
    failures.set(what, (error as Error).message.split('\n')[0] as string);
    return Number.NaN;
  }
}

const firstOf = (queries: SentQuery[] | undefined, fallback: number) => {
  const first = queries?.map((sent) => sent.variables.first).find((value) => typeof value === 'number');
  return (first as number | undefined) ?? fallback;
};

/** A page of roles by name, each with its attributes, member counts and first three members and groups. */
const ROLE_PAGE_SQL = `
  SELECT r.rolname, r.rolcanlogin, r.rolsuper, r.rolinherit, r.rolcreaterole, r.rolcreatedb, r.rolreplication,
         r.rolbypassrls, r.rolconnlimit, r.rolvaliduntil,
         (SELECT count(*) FROM pg_catalog.pg_auth_members m WHERE m.roleid = r.oid)::int AS members,
         (SELECT count(*) FROM pg_catalog.pg_auth_members m WHERE m.member = r.oid)::int AS member_of,
         ARRAY(SELECT x.rolname FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles x ON x.oid = m.member
                WHERE m.roleid = r.oid ORDER BY x.rolname LIMIT 3) AS first_members,
         ARRAY(SELECT x.rolname FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles x ON x.oid = m.roleid
                WHERE m.member = r.oid ORDER BY x.rolname LIMIT 3) AS first_groups,
         count(*) OVER () AS total
    FROM pg_catalog.pg_roles r
   WHERE r.rolname !~ '^pg_' AND strpos(lower(r.rolname), lower($1)) > 0
   ORDER BY r.rolname LIMIT $2`;

/** The Overview's first rows: the database, each schema and its relations by name, with owner, ACL and own access. */
const OBJECT_PAGE_SQL = `
  WITH objects AS (
    SELECT 0 AS level, d.datname::text AS schema, '' AS name, d.datdba AS owner, d.datacl::text AS acl, d.oid
      FROM pg_catalog.pg_database d WHERE d.datname = current_database()
    UNION ALL
    SELECT 1, n.nspname, '', n.nspowner, n.nspacl::text, n.oid FROM pg_catalog.pg_namespace n
     WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
    UNION ALL
    SELECT 2, n.nspname, c.relname, c.relowner, c.relacl::text, c.oid
      FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND NOT c.relispartition
       AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema')
  SELECT page.schema, page.name, pg_catalog.pg_get_userbyid(page.owner) AS owner, page.acl, page.total,
         CASE WHEN page.level = 2 THEN
           ARRAY(SELECT p FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) p
                  WHERE has_table_privilege(page.oid, p)) END AS mine
    FROM (SELECT o.*, count(*) OVER () AS total FROM objects o ORDER BY o.level > 0, o.schema, o.level, o.name LIMIT $1) page`;

/** One table's owner and grants, one row per grantee. */
const TABLE_GRANTS_SQL = `
  SELECT pg_catalog.pg_get_userbyid(c.relowner) AS owner, coalesce(g.rolname, 'PUBLIC') AS grantee,
         array_agg(a.privilege_type) AS privileges,
         coalesce(array_agg(a.privilege_type) FILTER (WHERE a.is_grantable), '{}') AS grantable
    FROM pg_catalog.pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a
    LEFT JOIN pg_catalog.pg_roles g ON g.oid = a.grantee
   WHERE c.oid = $1::regclass GROUP BY c.relowner, g.rolname`;

/** A role's groups and first `perRole` members (groups first, then by name), with counts and the edges among them. */
const NEIGHBOURHOOD_SQL = `
  WITH center AS (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = $1),
  groups AS (SELECT r.oid FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles r ON r.oid = m.roleid
              WHERE m.member = (SELECT oid FROM center) ORDER BY r.rolcanlogin, r.rolname LIMIT $2),
  members AS (SELECT r.oid FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles r ON r.oid = m.member
               WHERE m.roleid = (SELECT oid FROM center) ORDER BY r.rolcanlogin, r.rolname LIMIT $2),
  shown AS (SELECT oid FROM center UNION SELECT oid FROM groups UNION SELECT oid FROM members)
  SELECT r.rolname, r.rolcanlogin,
         (SELECT count(*) FROM pg_catalog.pg_auth_members m WHERE m.roleid = r.oid)::int AS members,
         (SELECT count(*) FROM pg_catalog.pg_auth_members m WHERE m.member = r.oid)::int AS member_of,
         ARRAY(SELECT row(g.rolname, m.admin_option, m.inherit_option, m.set_option)::text
                 FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
                WHERE m.member = r.oid AND m.roleid IN (SELECT oid FROM shown)) AS edges
    FROM shown JOIN pg_catalog.pg_roles r USING (oid)`;

const MEMBERS_SQL = `
  SELECT x.rolname, m.admin_option, m.inherit_option, m.set_option
    FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles x ON x.oid = m.member
   WHERE m.roleid = $1::regrole ORDER BY x.rolname`;

/** The same data through `pg`, as the owner role Rolecall works through. */
function rawRead(env: ScaleEnv, names: Names, view: ViewId, samples: Samples): () => Promise<unknown> {
  const sql = (text: string, values: unknown[]) => () => env.raw.query(text, values);
  const page = (fallback: number) => firstOf(samples[view]?.queries, fallback);
  switch (view) {
    case 'roles':
      return sql(ROLE_PAGE_SQL, ['', page(100)]);
    case 'roleSearch':
      return sql(ROLE_PAGE_SQL, [names.searched, page(100)]);
    case 'pickerSearch':
      return sql(
        `SELECT rolname, count(*) OVER () FROM pg_catalog.pg_roles WHERE rolname !~ '^pg_'
                   AND strpos(lower(rolname), lower($1)) > 0 ORDER BY rolname LIMIT $2`,
        [names.searched, page(20)],
      );
    case 'overview':
      return sql(OBJECT_PAGE_SQL, [page(100)]);
    case 'dialog':
      return sql(TABLE_GRANTS_SQL, [names.table]);
    case 'graph': {
      const perRole = samples.graph?.queries.map((sent) => sent.variables.perRole).find((v) => typeof v === 'number');
      return sql(NEIGHBOURHOOD_SQL, [BIG_GROUP, perRole ?? 40]);
    }
    case 'members':
      return sql(MEMBERS_SQL, [BIG_GROUP]);
  }
}

// --- one catalog ---------------------------------------------------------------------------------------------------

interface View {
  id: ViewId;
  name: (names: Names) => string;
  /** The target in ms for this catalog (`firstRowsMs`: 1 s at 2,000 roles, 2 s at 10,000). */
  targetMs: (firstRowsMs: number) => number;
}

const VIEWS: View[] = [
  { id: 'roles', name: () => 'Roles tab: navigation → first role row', targetMs: (first) => first },
  { id: 'overview', name: () => 'Overview: navigation → first object row', targetMs: (first) => first },
  {
    id: 'dialog',
    name: (names) => `Permission dialog of ${names.table}: click → grantee rows`,
    targetMs: (first) => first,
  },
  {
    id: 'roleSearch',
    name: (names) => `Roles search: last key of "${names.searched}" → its row alone`,
    targetMs: () => 200,
  },
  {
    id: 'pickerSearch',
    name: (names) => `Grantee picker: last key of "${names.searched}" → its option alone`,
    targetMs: () => 200,
  },
  {
    id: 'graph',
    name: (names) =>
      `Role graph of ${BIG_GROUP} (${count(names.bigGroupMembers)} members): click → its node and "+N more"`,
    targetMs: () => 1_000,
  },
  {
    id: 'members',
    name: (names) => `Member editor of ${BIG_GROUP} (${count(names.bigGroupMembers)} members): click → member rows`,
    targetMs: () => 500,
  },
];

/** The most `<tr>` any page held in any run (NaN when none was counted). */
function mostRows(runs: Seen[]): number {
  const counted = runs.flatMap((dom) =>
    [
      dom.rolesLoaded?.page,
      dom.rolesScrolled?.page,
      dom.overviewLoaded?.page,
      dom.overviewScrolled?.page,
      dom.dialogOpen,
      dom.editorOpen,
    ].filter((value): value is number => value !== undefined),
  );
  return counted.length > 0 ? Math.max(...counted) : Number.NaN;
}

interface Figures {
  page: number[];
  graphql: number[];
  raw: number[];
  operations: Set<string>;
}

export interface CatalogResult {
  label: string;
  rows: string[][];
  checks: Check[];
  notes: string[];
}

async function measureCatalog(
  browser: Browser,
  env: ScaleEnv,
  label: string,
  firstRowsMs: number,
  runs: number,
  log: (line: string) => void,
): Promise<CatalogResult> {
  const names = namesOf(env);
  await createBigGroup(env, names.bigGroupMembers);
  const session = await signIn(env.rolecall.url, env.api.admin);
  const context: BrowserContext = await signedInContext(browser, env.rolecall.url, session);
  const figures = new Map<ViewId, Figures>(
    VIEWS.map((view) => [view.id, { page: [], graphql: [], raw: [], operations: new Set() }]),
  );
  const seenByRun: Seen[] = [];
  const failures = new Map<string, string>();
  let previous: Samples = {};

  const baselines = async (samples: Samples, keep: boolean) => {
    for (const view of VIEWS) {
      const sample = samples[view.id];
      if (!sample) continue;
      const graphqlMs = await baselineMs(`${view.id} GraphQL replay`, failures, () => replay(session, sample.queries));
      const rawMs = await baselineMs(
        `${view.id} raw SQL`,
        failures,
        async () => (await timed(rawRead(env, names, view.id, samples))).ms,
      );
      if (!keep) continue;
      const figure = figures.get(view.id) as Figures;
      figure.graphql.push(graphqlMs);
      figure.raw.push(rawMs);
      for (const sent of sample.queries) figure.operations.add(sent.name);
    }
  };

  try {
    // Run 0 warms up (the server's JIT, PostgreSQL's caches, the browser's HTTP cache) and is not counted.
    for (let run = 0; run <= runs; run++) {
      const counted = run > 0;
      // Side by side, alternating: odd runs time the baselines (of the previous run's queries) before the pages.
      const baselinesFirst = run % 2 === 1;
      if (baselinesFirst) await baselines(previous, counted);
      const samples: Samples = {};
      const seen: Seen = {};
      for (const flow of [rolesFlow, overviewFlow]) {
        const page = await context.newPage();
        page.setDefaultTimeout(STEP_TIMEOUT_MS);
        try {
          await flow({ page, env, names, samples, seen, failures });
        } finally {
          await page.close();
        }
      }
      if (!baselinesFirst) await baselines(samples, counted);
      previous = samples;
      if (!counted) continue;
      seenByRun.push(seen);
      for (const view of VIEWS) {
        const sample = samples[view.id];
        if (sample) figures.get(view.id)?.page.push(sample.ms);
      }
      log(
        `${label} run ${run}/${runs}: ${VIEWS.map((view) => `${view.id} ${ms(samples[view.id]?.ms ?? Number.NaN)}`).join(', ')}`,
      );
    }
  } finally {
    await context.close();
  }

  const rows: string[][] = [];
  const checks: Check[] = [];
  for (const view of VIEWS) {
    const figure = figures.get(view.id) as Figures;
    const page = median(figure.page);
    const graphql = median(figure.graphql);
    const target = view.targetMs(firstRowsMs);
    const met = Number.isFinite(page) ? page <= target : false;
    const name = view.name(names);
    const ops = figure.operations.size > 0 ? ` (${[...figure.operations].join(', ')})` : ' (no request)';
    const shown = `${ms(page)}${figure.page.length < runs ? ` (${figure.page.length} of ${runs} runs)` : ''}`;
    rows.push([
      label,
      name,
      shown,
      `${ms(graphql)}${ops}`,
      ms(median(figure.raw)),
      ratio(page / graphql),
      `≤ ${ms(target)}`,
      met ? 'met' : 'MISSED',
    ]);
    checks.push(checkValue(`${label}: ${name}`, ms(page), `≤ ${ms(target)}`, met));
    log(
      `${label} ${name}: ${ms(page)} (target ≤ ${ms(target)}: ${met ? 'met' : 'MISSED'}); GraphQL alone ${ms(graphql)}${ops}, raw SQL ${ms(median(figure.raw))}`,
    );
  }

  const pageRows = mostRows(seenByRun);
  const last = seenByRun.at(-1) ?? {};
  const domText = [
    `Roles tab ${last.rolesLoaded?.table ?? '?'} rows after load, ${last.rolesScrolled?.table ?? '?'} after scrolling through ${count(last.rolesScrolled?.loaded ?? Number.NaN)} loaded`,
    `Overview ${last.overviewLoaded?.table ?? '?'} / ${last.overviewScrolled?.table ?? '?'} of ${count(last.overviewScrolled?.loaded ?? Number.NaN)} loaded`,
    `with the dialog open ${last.dialogOpen ?? '?'}, with the member editor open ${last.editorOpen ?? '?'} <tr> in the page`,
  ].join('; ');
  const domMet = Number.isFinite(pageRows) && pageRows <= MAX_DOM_ROWS;
  rows.push([
    label,
    'DOM: most <tr> in any page, any run',
    `${pageRows}`,
    domText,
    '',
    '',
    `≤ ${MAX_DOM_ROWS}`,
    domMet ? 'met' : 'MISSED',
  ]);
  checks.push(checkValue(`${label}: <tr> in the DOM of any page`, String(pageRows), `≤ ${MAX_DOM_ROWS}`, domMet));
  log(`${label} DOM rows: most ${pageRows} (target ≤ ${MAX_DOM_ROWS}: ${domMet ? 'met' : 'MISSED'}); ${domText}`);

  const notes = [
    `${label}: ${count(env.counts.roles)} roles, ${count(env.counts.memberships)} memberships, ${count(env.counts.tables)} tables; the role graph drew ${last.graphNodes ?? '?'} roles around ${BIG_GROUP}, timed from a click on ${last.graphFrom ?? '?'}.`,
    `${label}, the last run's loads (ms from navigation start, request start–end): Roles tab: ${last.rolesLoad ?? '?'}. Overview: ${last.overviewLoad ?? '?'}.`,
    ...[...failures].map(
      ([stepName, message]) => `${label}: step "${stepName}" failed in at least one run: ${message}`,
    ),
  ];
  return { label, rows, checks, notes };
}

// --- the benchmark -------------------------------------------------------------------------------------------------

/** When the web bundle the server serves was built: a reader should know which UI was measured. */
function webBundleBuilt(): Date {
  const index = join(ROOT, 'web', 'dist', 'index.html');
  if (!existsSync(index)) throw new Error('the ui benchmark measures the built web app: run `npm run build:web` first');
  return statSync(index).mtime;
}

/**
 * Issue 14's targets in Chromium, on the catalog at 2,000 roles and at 10,000 (`full`: the shared 10,000-role
 * environment, measured first, then stopped; the 2,000-role one is started here).
 */
export async function uiBenchmark(
  runs: number,
  log: (line: string) => void,
  cleanups: Set<() => Promise<void>>,
  shared: { full: () => Promise<ScaleEnv>; stopFull: () => Promise<void> },
): Promise<Section> {
  const built = webBundleBuilt();
  const browser = await launchBenchBrowser();
  const closeBrowser = () => browser.close();
  cleanups.add(closeBrowser);
  const results: CatalogResult[] = [];
  try {
    const full = await shared.full();
    results.push(await measureCatalog(browser, full, `${count(full.counts.roles)} roles`, 2_000, runs, log));
    await shared.stopFull();
    const size = scaleSize(0.2 * Number(process.env.BENCH_SCALE ?? 1));
    log(`generating the smaller catalog (${size.groups + size.users} roles)…`);
    const small = await startScaleEnv(log, size);
    cleanups.add(small.stop);
    try {
      results.unshift(await measureCatalog(browser, small, `${count(small.counts.roles)} roles`, 1_000, runs, log));
    } finally {
      cleanups.delete(small.stop);
      await small.stop();
    }
  } finally {
    cleanups.delete(closeBrowser);
    await browser.close();
  }
  return {
    id: 'ui',
    title: '6. The admin UI in Chromium on large catalogs (issue 14)',
    method: `Debian's Chromium (playwright-core, 1280×900), signed in as the Rolecall admin, on the built web app (bundle of ${built.toISOString()}) served by Rolecall's real entry point. Median of ${runs} runs after one warm-up; each run loads each page afresh (a new tab, HTTP cache warm). A time is from navigation start, or from the click or the last key (the event's own timestamp), to the first animation frame where the view is rendered (laid out, even below the fold), checked in the page at every frame. Keys are typed one by one, ${KEY_DELAY_MS} ms apart; a search counts as shown when the focused box holds the whole name and every row (or option) rendered matches it. Baselines, side by side in the same runs (alternating which goes first): the GraphQL queries the page sent for that view, replayed from Node with the same session (at once, as the page sends them), and the same data read through \`pg\` as the owner role Rolecall works through; "page ÷ GraphQL" is how much the browser adds.`,
    header: ['catalog', 'view', 'page', 'GraphQL alone (queries)', 'raw SQL', 'page ÷ GraphQL', 'target', 'met'],
    rows: results.flatMap((result) => result.rows),
    checks: results.flatMap((result) => result.checks),
    notes: [
      `${BIG_GROUP} is created by the benchmark as the owner role (so Rolecall may edit its members), with the first ${count(BIG_GROUP_MEMBERS)} users as members (and the owner role, which PostgreSQL makes a member WITH ADMIN of a role it creates). The searched role's name shares its prefix with nine others, so only the search for its last key shows it alone.`,
      ...results.flatMap((result) => result.notes),
    ],
  };
}
