import { checkValue, type Section } from './lib/report.js';
import { count, median, ms, ratio, timed } from './lib/stats.js';
import { type ScaleEnv, userName } from './scale.js';

/**
 * Issue 16's impact targets on the 10,000-role catalog: the preview (dry run, impact included) of removing a member
 * from a 1,000-member group, and of revoking SELECT with CASCADE on a table granted to 100 roles, ≤ 300 ms each.
 * Beside each, the plain rehearsal PostgreSQL itself runs: BEGIN, the same statement, ROLLBACK, as the same role.
 */

const GROUP = 'impact_group';
const TABLE = 'impact_t';
const MEMBERS = 1_000;
const GRANTEES = 100;

const IMPACT = `impact { roleCount collaboratorCount privilegeGroupCount
  privilegeGroups { direction privilege grantOptionOnly roleCount object { label } roles { role sources { kind path } } }
  membershipGroups { direction role roleCount members { role path } } callouts { code role } }`;

const REVOKE_MEMBER = `mutation($db: ID!, $member: String!) {
  revokeMembership(databaseId: $db, role: "${GROUP}", member: $member, dryRun: true) {
    __typename ... on PermissionChange { ${IMPACT} } ... on Error { code message } } }`;

const REVOKE_CASCADE = `mutation($db: ID!, $grantee: String!) {
  revokePrivileges(databaseId: $db, object: { kind: TABLE, schema: "s10", name: "${TABLE}" }, grantee: $grantee,
                   privileges: ["SELECT"], cascade: true, dryRun: true) {
    __typename ... on PermissionChange { ${IMPACT} } ... on Error { code message } } }`;

const counted = (n: number, noun: string) => `${count(n)} ${noun}${n === 1 ? '' : 's'}`;

interface Impact {
  roleCount: number;
  privilegeGroupCount: number;
  membershipGroups: { roleCount: number }[];
}

/**
 * A group of 1,000 users that reads 20 tables, made by the owner role (so it may revoke its memberships); a table
 * granted SELECT to 100 roles, the first WITH GRANT OPTION, which granted it on to 10 of them (what CASCADE takes).
 */
async function prepare(env: ScaleEnv): Promise<void> {
  const users = env.size.users;
  await env.raw.query(`CREATE ROLE ${GROUP}`);
  await env.raw.query(
    `DO $$ BEGIN FOR i IN 1..${MEMBERS} LOOP
       EXECUTE format('GRANT ${GROUP} TO %I', 'u' || lpad((1 + (i * 7) % ${users})::text, 5, '0'));
     END LOOP; END $$`,
  );
  // TRUNCATE, which no other role of the catalog holds: every member loses something with the group.
  await env.raw.query(
    `DO $$ BEGIN FOR t IN 1..20 LOOP
       EXECUTE format('GRANT TRUNCATE ON s02.%I TO ${GROUP}', 't' || lpad(t::text, 4, '0'));
     END LOOP; END $$`,
  );
  await env.raw.query(`CREATE TABLE s10.${TABLE} (id int)`);
  const first = userName(3);
  await env.raw.query(`GRANT SELECT ON s10.${TABLE} TO ${first} WITH GRANT OPTION`);
  await env.raw.query(`GRANT USAGE ON SCHEMA s10 TO ${first}`);
  await env.raw.query(
    `DO $$ BEGIN FOR i IN 1..${GRANTEES - 1} LOOP
       EXECUTE format('GRANT SELECT ON s10.${TABLE} TO %I',
                      CASE WHEN i % 2 = 0 THEN 'g' || lpad((1 + (i * 9) % ${env.size.groups})::text, 5, '0')
                           ELSE 'u' || lpad((1 + (100 + i * 31) % ${users})::text, 5, '0') END);
     END LOOP; END $$`,
  );
  // The chain CASCADE follows: what the first grantee granted on (as it, which only the superuser may become).
  const onward = Array.from({ length: 10 }, (_, i) => `GRANT SELECT ON s10.${TABLE} TO ${userName(users - i)}`);
  await env.bench.sql(`SET ROLE ${first}; ${onward.join('; ')}; RESET ROLE`, [], env.database);
}

/** The same statement, as the same role, in a transaction rolled back: what PostgreSQL alone spends. */
async function rehearse(env: ScaleEnv, statement: string): Promise<void> {
  const client = await env.raw.connect();
  try {
    await client.query('BEGIN');
    await client.query(statement);
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}

interface Case {
  name: string;
  preview: () => Promise<Impact | null>;
  statement: string;
}

export async function impactBenchmark(env: ScaleEnv, runs: number, log: (line: string) => void): Promise<Section> {
  await prepare(env);
  const member = userName(1 + (7 % env.size.users));
  const cases: Case[] = [
    {
      name: `remove a member from a ${count(MEMBERS)}-member group`,
      preview: async () =>
        (
          await env.api.client.field<{ impact: Impact | null }>(
            REVOKE_MEMBER,
            { db: env.api.databaseId, member },
            'PermissionChange',
          )
        ).impact,
      statement: `REVOKE ${GROUP} FROM ${member}`,
    },
    {
      name: `revoke SELECT with CASCADE on a table granted to ${GRANTEES} roles`,
      preview: async () =>
        (
          await env.api.client.field<{ impact: Impact | null }>(
            REVOKE_CASCADE,
            { db: env.api.databaseId, grantee: userName(3) },
            'PermissionChange',
          )
        ).impact,
      statement: `REVOKE SELECT ON s10.${TABLE} FROM ${userName(3)} CASCADE`,
    },
  ];
  const rows: string[][] = [];
  const checks = [];
  for (const { name, preview, statement } of cases) {
    const impact = await preview(); // warm-up
    await rehearse(env, statement);
    const [withImpact, plain]: [number[], number[]] = [[], []];
    for (let run = 0; run < runs; run++) {
      withImpact.push((await timed(preview)).ms);
      plain.push((await timed(() => rehearse(env, statement))).ms);
    }
    const [graphql, raw] = [median(withImpact), median(plain)];
    const told = impact
      ? [
          counted(impact.roleCount, 'role'),
          counted(impact.privilegeGroupCount, 'privilege group'),
          counted(impact.membershipGroups.length, 'membership group'),
        ].join(', ')
      : 'not computed';
    log(`${name}: preview ${ms(graphql)}, plain rehearsal ${ms(raw)} (${told})`);
    rows.push([name, ms(graphql), ms(raw), ratio(graphql / raw), told]);
    checks.push(checkValue(`impact preview: ${name}`, ms(graphql), '≤ 300 ms', graphql <= 300));
  }
  return {
    id: 'impact',
    title: '9. Impact of a change (issue 16)',
    method: `Median of ${runs} runs after a warm-up, side by side: the dry run through GraphQL (run in a rolled-back transaction as \`${env.owner}\`, the catalog observed before and after, the impact computed and returned), and the plain rehearsal of the same statement as the same role over a \`pg\` pool (BEGIN, the statement, ROLLBACK).`,
    header: ['change', 'dry run with impact', 'plain rehearsal', 'ratio', 'impact'],
    rows,
    checks,
    notes: [
      `Prepared on the generated catalog: \`${GROUP}\` with ${count(MEMBERS)} user members who may TRUNCATE 20 tables of s02; \`s10.${TABLE}\` granted SELECT to ${GRANTEES} roles (users and groups), the first WITH GRANT OPTION, who granted it on to 10 users (what CASCADE takes with it).`,
    ],
  };
}
