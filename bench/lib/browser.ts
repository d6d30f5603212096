import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { launchChromium } from '../../web/test/support/browser.js';
import { type Credentials, GraphQLClient } from './graphql.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, launched as the browser tests launch it; the benchmark cannot run without it. */
export function launchBenchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`the ui benchmark needs Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  return launchChromium();
}

/** A user signs in as a person does; the client then holds the session cookie a browser would get. */
export async function signIn(url: string, { login, password }: Credentials): Promise<GraphQLClient> {
  const session = new GraphQLClient(url);
  await session.field(
    'mutation($login: String!, $password: String!) { login(login: $login, password: $password) { __typename } }',
    { login, password },
    'User',
  );
  if (!session.sessionCookie) throw new Error('login set no session cookie');
  return session;
}

/**
 * A browser context signed in with `session`'s cookie, where every page records the time of its last click or key
 * (`event.timeStamp`, on the page's own clock, which starts at navigation), so a probe can time from it.
 */
export async function signedInContext(browser: Browser, url: string, session: GraphQLClient): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const [name, value] = (session.sessionCookie ?? '').split('=');
  await context.addCookies([{ name: String(name), value: String(value), url }]);
  // A string, not a function: tsx compiles functions with esbuild's `__name` helper, which the page does not have; the
  // shim lets the probes below (functions, serialised into the page) run.
  await context.addInitScript(`
    globalThis.__name = (target) => target;
    window.__benchLast = -1;
    for (const type of ['click', 'keydown'])
      addEventListener(type, (event) => { window.__benchLast = event.timeStamp; }, { capture: true });
  `);
  return context;
}

/** What must be on screen for a view to count as shown. Selectors are CSS, by accessible names where they exist. */
export interface Probe {
  /** The rows (or options) of the view; at least one must be rendered (laid out, maybe below the fold). */
  rows: string;
  /** The element of a row holding its name (default: the row itself). */
  name?: string;
  /** A row whose name contains this must be visible. */
  target?: string;
  /** Every visible row's name must contain this (any case): the list shows the answer to the whole search. */
  every?: string;
  /** Further elements that must each be visible. */
  also?: string[];
  /** The focused input must hold this text: every key of it has been typed. */
  typed?: string;
  /** Time from the page's last click or key (else from navigation start). */
  fromAction?: boolean;
}

/** Runs in the page: the time the probe is first met, else false. Self-contained: it is serialised into the page. */
function probeMet(probe: Probe): number | false {
  // Rendered, not necessarily inside the viewport: a page may put the list below the fold.
  const rendered = (element: Element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && element.checkVisibility();
  };
  const nameOf = (row: Element) =>
    ((probe.name ? row.querySelector(probe.name) : row)?.textContent ?? '').trim().toLowerCase();
  const last = (window as unknown as { __benchLast: number }).__benchLast;
  if (probe.fromAction && last < 0) return false;
  if (probe.typed !== undefined && (document.activeElement as HTMLInputElement | null)?.value !== probe.typed)
    return false;
  const rows = [...document.querySelectorAll(probe.rows)].filter(rendered);
  if (rows.length === 0) return false;
  if (probe.target && !rows.some((row) => nameOf(row).includes((probe.target as string).toLowerCase()))) return false;
  if (probe.every && !rows.every((row) => nameOf(row).includes((probe.every as string).toLowerCase()))) return false;
  for (const selector of probe.also ?? []) if (![...document.querySelectorAll(selector)].some(rendered)) return false;
  return performance.now() - (probe.fromAction ? last : 0);
}

/**
 * Waits for `probe`, checked at every animation frame, and returns the milliseconds from navigation start (or from the
 * last click or key) to the frame where it was first met. Start it before the action: it cannot be met until then.
 */
export function shownAfter(page: Page, probe: Probe, timeoutMs = 60_000): Promise<number> {
  const shown = page
    .waitForFunction(probeMet, probe, { polling: 'raf', timeout: timeoutMs })
    .then((handle) => handle.jsonValue() as Promise<number>);
  // Started before the action it waits for: a failure meanwhile is the caller's when it awaits, not an unhandled one.
  shown.catch(() => undefined);
  return shown;
}

/** Forgets the last click or key, so a probe `fromAction` waits for the next one. */
export async function armAction(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __benchLast: number }).__benchLast = -1;
  });
}

/**
 * `<tr>` elements in the whole document, and in the table named `table` (its aria-label; spacer rows excluded); and
 * how many items the list holds as far as its rendered rows tell (the highest `data-index` of a virtualized list + 1:
 * after scrolling to the end, how many were loaded).
 */
export async function domRows(page: Page, table: string): Promise<{ page: number; table: number; loaded: number }> {
  return page.evaluate((label) => {
    const list = document.querySelector(`table[aria-label="${label}"]`);
    const rows = list ? list.querySelectorAll(':scope > tbody:not([aria-hidden="true"]) > tr').length : 0;
    const indexes = [...(list?.querySelectorAll(':scope > tbody[data-index]') ?? [])].map((body) =>
      Number(body.getAttribute('data-index')),
    );
    return {
      page: document.querySelectorAll('tr').length,
      table: rows,
      loaded: indexes.length > 0 ? Math.max(...indexes) + 1 : Number.NaN,
    };
  }, table);
}

/** Scrolls the box holding the table named `table` to its end `times` times, letting each next page load. */
export async function scrollToEnd(page: Page, table: string, times: number, settleMs = 700): Promise<void> {
  for (let i = 0; i < times; i++) {
    await page.evaluate((label) => {
      let box = document.querySelector(`table[aria-label="${label}"]`)?.parentElement ?? null;
      while (box && box.scrollHeight <= box.clientHeight) box = box.parentElement;
      box?.scrollTo({ top: box.scrollHeight });
    }, table);
    await page.waitForTimeout(settleMs);
  }
}

/**
 * When each request of the page's load that started before `until` ran, in ms from navigation start (Resource
 * Timing): where the time to a view went.
 */
export async function loadTimeline(page: Page, until: number): Promise<string> {
  return page.evaluate(
    (before) =>
      performance
        .getEntriesByType('resource')
        .flatMap((entry) => {
          if (entry.startTime > before) return [];
          const url = new URL(entry.name);
          const name = url.pathname.endsWith('/graphql')
            ? (url.searchParams.get('operationName') ?? 'POST /graphql')
            : url.pathname.split('/').pop();
          if (!name || name === 'favicon.ico') return [];
          return [
            `${name} ${entry.startTime.toFixed(0)}–${(entry as PerformanceResourceTiming).responseEnd.toFixed(0)}`,
          ];
        })
        .join(', '),
    until,
  );
}

/** One GraphQL query a page sent, as it sent it. */
export interface SentQuery {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** Order of sending in this page. */
  seq: number;
}

function sentQuery(request: Request, seq: number): SentQuery | null {
  if (!new URL(request.url()).pathname.endsWith('/graphql')) return null;
  let body: { query?: string; variables?: unknown } | null = null;
  if (request.method() === 'GET') {
    const params = new URL(request.url()).searchParams;
    body = { query: params.get('query') ?? '', variables: JSON.parse(params.get('variables') ?? '{}') };
  } else body = request.postDataJSON() as typeof body;
  const query = body?.query ?? '';
  const name = query.match(/^\s*query\s+(\w+)/)?.[1];
  return name ? { name, query, variables: (body?.variables ?? {}) as Record<string, unknown>, seq } : null;
}

/** The queries a page sends (mutations and subscriptions are not recorded: they are never replayed). */
export class SentQueries {
  private readonly all: SentQuery[] = [];

  constructor(page: Page) {
    page.on('request', (request) => {
      const sent = sentQuery(request, this.all.length);
      if (sent) this.all.push(sent);
    });
  }

  /** A mark to ask for the queries sent after it. */
  mark(): number {
    return this.all.length;
  }

  /** The last query of each name sent since `mark` (of the names given, if any). */
  since(mark: number, names?: readonly string[]): SentQuery[] {
    const latest = new Map<string, SentQuery>();
    for (const sent of this.all.slice(mark)) if (!names || names.includes(sent.name)) latest.set(sent.name, sent);
    return [...latest.values()];
  }
}
