import { randomBytes } from 'node:crypto';
import pg from 'pg';
import WebSocket from 'ws';
import { EVENT_CHANNEL } from '../server/src/events/log.js';
import { type BenchCluster, startBenchCluster } from './lib/cluster.js';
import { type Bootstrapped, bootstrap, userToken } from './lib/graphql.js';
import { check, checkValue, type Section } from './lib/report.js';
import { startRolecall, startScript } from './lib/server.js';
import { count, median, mib, ms, percentile, ratio, sleep } from './lib/stats.js';
import { Subscribers } from './lib/subscribers.js';

const SIZES = (process.env.BENCH_FANOUT ?? '1000,5000').split(',').map(Number);
const WAIT_MS = 120_000;
/**
 * Changes measured per size at least: one change's p99 turns on how the OS schedules two thousand sockets on two
 * cores, and a median of five still moved by a third from one run to the next.
 */
const MIN_CHANGES = 11;
/** Access-changing events measured per size (each makes every subscriber query the metadata database). */
const ACCESS_RUNS = 3;
/** Subscribers are spread over this many users (the admin and standard collaborators), round robin. */
const USERS = 10;

/** What a live dashboard of one database subscribes to. */
const SUBSCRIPTION = `subscription($db: ID!, $after: BigCursor) {
  events(databaseId: $db, after: $after) {
    __typename cursor kind source createdAt actingRole sql
    ... on PrivilegeEvent { objectKind object grantee granted revoked acl { grantee privileges grantable } }
  }
}`;

const CHANGE = (field: 'grantPrivileges' | 'revokePrivileges') => `mutation($db: ID!) {
  ${field}(databaseId: $db, object: { kind: TABLE, schema: "app", name: "items" }, grantee: "fan_reader",
           privileges: ["SELECT"]) { __typename ... on PermissionChange { eventId } ... on Error { message } } }`;

interface Pushed {
  payload: { data: { events: { cursor: string } } };
}
const cursorOf = (message: unknown) => String((message as Pushed).payload?.data?.events?.cursor);

const ERROR = '__typename ... on Error { message }';

/**
 * Standard users collaborating on the database through one configured LOGIN role, each with its own API token;
 * the first one's access level is what the access events change.
 */
async function members(api: Bootstrapped, bench: BenchCluster, url: string, count: number) {
  const password = randomBytes(18).toString('base64url');
  await bench.sql(`CREATE ROLE fan_member LOGIN PASSWORD '${password}'`);
  const role = await api.client.field<{ id: string }>(
    `mutation($db: ID!, $password: String!) { configureRole(databaseId: $db, role: "fan_member", password: $password) { ${ERROR} ... on ConfiguredRole { id } } }`,
    { db: api.databaseId, password },
    'ConfiguredRole',
  );
  const collaboratorIds: string[] = [];
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const username = `member${i}`;
    const userPassword = `member-${randomBytes(12).toString('base64url')}`;
    const user = await api.client.field<{ id: string }>(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { ${ERROR} ... on User { id } } }`,
      { input: { username, email: `${username}@example.com`, password: userPassword } },
      'User',
    );
    const added = await api.client.field<{ id: string }>(
      `mutation($input: AddCollaboratorInput!) { addCollaborator(input: $input) { ${ERROR} ... on Collaborator { id } } }`,
      { input: { databaseId: api.databaseId, userId: user.id, configuredRoleId: role.id } },
      'Collaborator',
    );
    collaboratorIds.push(added.id);
    tokens.push((await userToken(url, username, userPassword)).token);
  }
  return { collaboratorIds, tokens };
}

interface Run {
  rolecall: { p50: number; p99: number; e2eP99: number };
  raw: { p50: number; p99: number };
}

export async function fanoutBenchmark(
  runs: number,
  log: (line: string) => void,
  cleanups: Set<() => Promise<void>>,
): Promise<Section> {
  const measuredChanges = Math.max(runs, MIN_CHANGES);
  const bench = await startBenchCluster();
  cleanups.add(bench.stop);
  const password = randomBytes(18).toString('base64url');
  await bench.sql(`CREATE ROLE fan_owner LOGIN CREATEROLE PASSWORD '${password}'`);
  await bench.sql('CREATE ROLE fan_reader');
  await bench.sql('CREATE DATABASE fanout OWNER fan_owner');
  const owner = new pg.Client(bench.urlAs('fan_owner', password, 'fanout'));
  await owner.connect();
  await owner.query('CREATE SCHEMA app; CREATE TABLE app.items (id int); GRANT USAGE ON SCHEMA app TO fan_reader');
  await owner.end();

  const rolecall = await startRolecall(bench.metadataUrl);
  cleanups.add(rolecall.stop);
  const api = await bootstrap(rolecall.url, bench.cluster.port, {
    database: 'fanout',
    owner: 'fan_owner',
    password,
  });
  const team = await members(api, bench, rolecall.url, USERS - 1);
  const tokens = [api.token, ...team.tokens];
  const collaboratorId = team.collaboratorIds[0] as string;
  const raw = await startScript('bench/servers/fanout-raw.ts');
  cleanups.add(raw.stop);
  const idleRss = { rolecall: rolecall.rss(), raw: raw.rss() };

  // The commit of the event, as every instance's event bus learns of it: the NOTIFY sent when it commits.
  const listener = new pg.Client(bench.metadataUrl);
  await listener.connect();
  const notifiedAt = new Map<string, number>();
  const notified: string[] = [];
  listener.on('notification', (message) => {
    notifiedAt.set(message.payload ?? '', performance.now());
    notified.push(message.payload ?? '');
  });
  await listener.query(`LISTEN ${EVENT_CHANNEL}`);

  /** The newest event's cursor: subscribing after it, a subscription's first message is its replay-caught-up marker. */
  const newestCursor = async () => {
    const [latest] = await bench.sql<{ id: string }>('SELECT max(id)::text AS id FROM "Event"', [], 'rolecall');
    return latest?.id ?? '0';
  };
  const variables = { db: api.databaseId, after: await newestCursor() };
  const rolecallSubscribers = new Subscribers(cursorOf);
  const rawSubscribers = new Subscribers(cursorOf);
  const publisher = new WebSocket(`${raw.url.replace(/^http/, 'ws')}/publish`);
  await new Promise((resolve, reject) => publisher.once('open', resolve).once('error', reject));
  let changes = 0;
  let broadcasts = 0;
  let payload: Pushed['payload'] | null = null;

  /** One change through GraphQL; latencies from its commit, and from sending the mutation, to each receipt. */
  const rolecallEvent = async () => {
    const sent = performance.now();
    const field = changes % 2 === 0 ? 'grantPrivileges' : 'revokePrivileges';
    changes++;
    const result = await api.client.field<{ eventId: string }>(
      CHANGE(field),
      { db: api.databaseId },
      'PermissionChange',
    );
    await rolecallSubscribers.waitForAll(result.eventId, WAIT_MS);
    const committed = notifiedAt.get(result.eventId);
    if (committed === undefined) throw new Error(`no NOTIFY seen for event ${result.eventId}`);
    payload = (rolecallSubscribers.last as Pushed).payload;
    return {
      fromCommit: rolecallSubscribers.latencies(result.eventId, committed),
      fromRequest: rolecallSubscribers.latencies(result.eventId, sent),
    };
  };
  /**
   * A change of a collaborator's access level: an event after which every subscriber re-reads what its user may see
   * (server/src/events/access.ts), before it is delivered.
   */
  let accessChanges = 0;
  const accessEvent = async () => {
    const before = notified.length;
    const access = accessChanges++ % 2 === 0 ? 'MANAGER' : 'MEMBER';
    await api.client.field(
      `mutation($id: ID!, $access: Access!) { updateCollaborator(id: $id, input: { access: $access }) { ${ERROR} } }`,
      { id: collaboratorId, access },
      'Collaborator',
    );
    while (notified.length === before) await sleep(1);
    const eventId = notified[before] as string;
    await rolecallSubscribers.waitForAll(eventId, WAIT_MS);
    return rolecallSubscribers.latencies(eventId, notifiedAt.get(eventId) as number);
  };

  /** The same payload (its cursor made unique) through the raw broadcast server; latencies from publishing. */
  const rawEvent = async () => {
    if (!payload) throw new Error('no Rolecall payload to broadcast yet');
    const key = `raw-${++broadcasts}`;
    const message = JSON.stringify({ data: { events: { ...payload.data.events, cursor: key } } });
    const published = performance.now();
    publisher.send(message);
    await rawSubscribers.waitForAll(key, WAIT_MS);
    return rawSubscribers.latencies(key, published);
  };

  const rows: string[][] = [];
  const checks = [];
  try {
    for (const size of SIZES) {
      const after = await newestCursor();
      const opening = performance.now();
      const earlier = rolecallSubscribers.all.length;
      await rolecallSubscribers.open(size - earlier, () =>
        rolecallSubscribers.graphqlWs(
          rolecall.url,
          tokens[rolecallSubscribers.all.length % tokens.length] as string,
          SUBSCRIPTION,
          { ...variables, after },
        ),
      );
      const ackedMs = performance.now() - opening;
      // Live: every new subscription has replayed what it missed (nothing) and said so with its marker.
      await rolecallSubscribers.waitForAll(after, WAIT_MS, earlier);
      const openMs = performance.now() - opening;
      await rawSubscribers.open(size - rawSubscribers.all.length, () => rawSubscribers.raw(raw.url));
      // Warm-up: every subscription is live (a late one replays it from the cursor); it also yields the payload.
      await rolecallEvent();
      await rawEvent();
      log(`${size} subscribers connected in ${ms(ackedMs)}, all live in ${ms(openMs)}`);
      const measured: Run[] = [];
      for (let run = 0; run < measuredChanges; run++) {
        await sleep(300);
        const first = run % 2 === 0 ? await rolecallEvent() : null;
        await sleep(300);
        const baseline = await rawEvent();
        await sleep(300);
        const rolecallRun = first ?? (await rolecallEvent());
        measured.push({
          rolecall: {
            p50: percentile(rolecallRun.fromCommit, 50),
            p99: percentile(rolecallRun.fromCommit, 99),
            e2eP99: percentile(rolecallRun.fromRequest, 99),
          },
          raw: { p50: percentile(baseline, 50), p99: percentile(baseline, 99) },
        });
      }
      const accessRuns: number[][] = [];
      for (let run = 0; run < ACCESS_RUNS; run++) {
        await sleep(300);
        accessRuns.push(await accessEvent());
      }
      const m = (pick: (run: Run) => number) => median(measured.map(pick));
      const accessP50 = median(accessRuns.map((latencies) => percentile(latencies, 50)));
      const accessP99 = median(accessRuns.map((latencies) => percentile(latencies, 99)));
      const value = m((run) => run.rolecall.p99) / m((run) => run.raw.p99);
      const rss = { rolecall: rolecall.rss(), raw: raw.rss() };
      log(
        `${size}: Rolecall p50 ${ms(m((r) => r.rolecall.p50))} p99 ${ms(m((r) => r.rolecall.p99))}; raw p50 ${ms(m((r) => r.raw.p50))} p99 ${ms(m((r) => r.raw.p99))}; ${ratio(value)}; access event p50 ${ms(accessP50)} p99 ${ms(accessP99)}; RSS ${mib(rss.rolecall)} vs ${mib(rss.raw)}`,
      );
      rows.push([
        count(size),
        ms(m((r) => r.rolecall.p50)),
        ms(m((r) => r.rolecall.p99)),
        ms(m((r) => r.raw.p50)),
        ms(m((r) => r.raw.p99)),
        ratio(value),
        ms(m((r) => r.rolecall.e2eP99)),
        `${ms(accessP50)} / ${ms(accessP99)}`,
        `${mib(rss.rolecall)} (${mib(rss.rolecall - idleRss.rolecall)} more)`,
        `${mib(rss.raw)} (${mib(rss.raw - idleRss.raw)} more)`,
        `${ms(ackedMs)} / ${ms(openMs)}`,
      ]);
      checks.push(check(`p99, ${count(size)} subscribers`, value, '≤ 1.5×', value <= 1.5));
      if (size === 5000) {
        const rssRatio = rss.rolecall / rss.raw;
        checks.push(check('server RSS, 5,000 subscribers, vs raw', rssRatio, '≤ 2.5×', rssRatio <= 2.5));
        checks.push(checkValue('5,000 subscribers connected and live', ms(openMs), '≤ 5 s', openMs <= 5000));
      }
      if (size === 1000) {
        const p99 = m((r) => r.rolecall.p99);
        checks.push({ name: 'p99, 1,000 subscribers (DESIGN)', shown: ms(p99), target: '≪ 100 ms', met: p99 < 100 });
      }
    }
  } finally {
    rolecallSubscribers.close();
    rawSubscribers.close();
    publisher.terminate();
    await listener.end();
    for (const stop of [raw.stop, rolecall.stop, bench.stop]) {
      cleanups.delete(stop);
      await stop();
    }
  }
  return {
    id: 'fanout',
    title: '3. Subscription fan-out: graphql-ws vs a raw ws broadcast',
    method: `One change (grantPrivileges / revokePrivileges on one table, alternately) reaches every subscriber of \`events(databaseId:)\`; median over ${measuredChanges} changes of each change's p50 / p99 across subscribers, after a warm-up change. Rolecall: latency from the event's commit (the NOTIFY its event bus listens for, seen by a LISTEN in the benchmark process) to the \`next\` message arriving. Raw: a bare \`ws\` server in its own process is sent the same payload over a WebSocket and broadcasts it (serialised once); latency from sending it to arrival.`,
    header: [
      'subscribers',
      'Rolecall p50',
      'Rolecall p99',
      'raw p50',
      'raw p99',
      'p99 ratio',
      'Rolecall p99 from sending the mutation',
      'Rolecall p50 / p99 of an access event',
      'Rolecall RSS',
      'raw server RSS',
      'time to connect / to have all live (Rolecall)',
    ],
    rows,
    checks,
    notes: [
      `All subscribers are \`ws\` clients in the benchmark process, spread over ${USERS} users (the admin and standard collaborators of the database), each authenticated with its user's API token (connectionParams), on one Rolecall process (\`server/src/main.ts\`); the raw server gets as many plain WebSocket clients at the same time, and the changes alternate between the two. The RSS columns are each server process's resident set with every subscriber connected ("more": over the same process before any subscriber).`,
      'Rolecall executes the subscription’s selection set once per event, operation, variables and user (server/src/http/shared-subscriptions.ts) and serialises each result once for all the subscribers it goes to (server/src/http/shared-payloads.ts); the raw server serialises once.',
      'Connecting: from the first connection to every `connection_ack` (subscriptions sent), 100 connections opening at a time; live: until every new subscription (with `after` the newest cursor) has sent its replay-caught-up marker. Subscriptions starting at the same event-bus position share their rights read and replay page (server/src/events/stream.ts), and a token is verified once, then believed from memory until revoked (server/src/auth/viewer-cache.ts).',
      `Access event: \`updateCollaborator\` (a standard user's access level, MEMBER ↔ MANAGER), median of ${ACCESS_RUNS}; after a collaborator, database or user event every subscription re-reads its user's rights from the metadata database before delivering (server/src/events/access.ts): one query per user since this benchmark was written (the subscriptions of a user share it), one per subscription before.`,
    ],
  };
}
