import type { Command } from 'commander';
import { UsageError, unwrap } from '../api.js';
import type { AccessSubjectInput, CliAccessRowFragment } from '../gql/graphql.js';
import { graphql } from '../gql/index.js';
import { api, resolveDatabase } from '../lookup.js';
import { type ObjectOptions, objectRef } from '../objects.js';
import { type DbOption, withObject } from '../options.js';
import { done, emit, table } from '../output.js';

export const AccessRowFields = graphql(`
  fragment CliAccessRow on AccessRow {
    role isPublic collaborators privilege grantable
    object { kind label }
    paths { source roles grantor grantable }
  }
`);

const CliAccessReport = graphql(`
  query CliAccessReport($id: ID!, $subject: AccessSubjectInput!) {
    database(id: $id) { __typename ...CliError ... on Database { catalog { __typename ...CliError
      ... on DatabaseCatalog { accessReport(subject: $subject) { __typename ...CliError
        ... on AccessReport { rowCount subject { kind label role } rows { nodes { ...CliAccessRow } } } } } } } }
  }
`);

const CliAccessExport = graphql(`
  query CliAccessExport($id: ID!, $subject: AccessSubjectInput!, $format: AccessExportFormat!) {
    database(id: $id) { __typename ...CliError ... on Database { catalog { __typename ...CliError
      ... on DatabaseCatalog { accessReportExport(subject: $subject, format: $format) { __typename ...CliError
        ... on AccessExport { content } } } } } }
  }
`);

const CliSaveAccessSnapshot = graphql(`
  mutation CliSaveAccessSnapshot($db: ID!, $subject: AccessSubjectInput!, $note: String) {
    saveAccessSnapshot(databaseId: $db, subject: $subject, note: $note) { __typename ...CliError
      ... on AccessSnapshot { ...CliAccessSnapshot } }
  }
`);

export const AccessSnapshotFields = graphql(`
  fragment CliAccessSnapshot on AccessSnapshot { id createdAt createdBy note rowCount subject { kind label } }
`);

const CliAccessSnapshots = graphql(`
  query CliAccessSnapshots($id: ID!) {
    database(id: $id) { __typename ...CliError ... on Database { catalog { __typename ...CliError
      ... on DatabaseCatalog { accessSnapshots { nodes { ...CliAccessSnapshot } } } } } }
  }
`);

const CliAccessSnapshotDiff = graphql(`
  query CliAccessSnapshotDiff($id: ID!, $from: ID!, $to: ID) {
    database(id: $id) { __typename ...CliError ... on Database { catalog { __typename ...CliError
      ... on DatabaseCatalog { accessSnapshotDiff(from: $from, to: $to) { __typename ...CliError
        ... on AccessSnapshotDiff {
          toTime gainedCount lostCount
          changes { nodes { change row { ...CliAccessRow } } }
          events { cursor createdAt kind source actingRole sql }
        } } } } } }
  }
`);

type SubjectOptions = ObjectOptions & { role?: string; user?: string };

/** The object options but --schema, which names a schema and everything in it. */
const OBJECT_OPTIONS: (keyof ObjectOptions)[] = [
  'onDatabase',
  'table',
  'sequence',
  'column',
  'function',
  'type',
  'language',
  'fdw',
  'server',
  'largeObject',
  'tablespace',
  'parameter',
];

type AccessOptions = Partial<DbOption> & SubjectOptions & { csv?: boolean };

/**
 * `access` holds the options of its snapshot commands too (`rolecall access snapshot save --db d --role r`): a parent
 * command's options are read wherever they stand, so its subcommands take them from it.
 */
function optionsOf(command: Command): AccessOptions & { db: string } {
  const options = command.optsWithGlobals<AccessOptions>();
  if (!options.db) throw new UsageError("required option '--db <name|id>' not specified");
  return { ...options, db: options.db };
}

/** Exactly one of --role, --user, --schema (with everything in it) or an object option says what to review. */
function subjectOf(options: SubjectOptions): AccessSubjectInput {
  const object = OBJECT_OPTIONS.some((option) => options[option] !== undefined);
  const given = [options.role, options.user, options.schema].filter((value) => value !== undefined).length;
  if (given + (object ? 1 : 0) !== 1)
    throw new UsageError('review exactly one of --role, --user, --schema, or one object (--table, --column, …)');
  if (options.role !== undefined) return { role: options.role };
  if (options.user !== undefined) return { collaborator: options.user };
  if (options.schema !== undefined) return { schema: options.schema };
  return { object: objectRef(options) };
}

/** One path as people read it: where the privilege comes from and through which roles. */
function pathText(path: CliAccessRowFragment['paths'][number]): string {
  const via = path.roles.length > 1 ? ` via ${path.roles.join(' → ')}` : '';
  const by = path.grantor ? ` (by ${path.grantor})` : '';
  switch (path.source) {
    case 'GRANT':
      return `granted to ${path.roles.at(-1)}${by}${via}`;
    case 'PUBLIC':
      return `granted to PUBLIC${by}`;
    case 'OWNER':
      return `owner${via}`;
    case 'OWNER_GRANT_OPTION':
      return `owner's grant option${via}`;
    case 'PREDEFINED_ROLE':
      return `member of ${path.roles.at(-1)}${via}`;
    case 'SUPERUSER':
      return 'superuser';
    default:
      return path.source;
  }
}

function rowsTable(
  rows: readonly CliAccessRowFragment[],
  first: string[] = [],
  lead: (index: number) => string[] = () => [],
) {
  return table(
    [...first, 'ROLE', 'OBJECT', 'PRIVILEGE', 'GRANTABLE', 'WHY', 'COLLABORATORS'],
    rows.map((row, index) => [
      ...lead(index),
      row.isPublic ? 'every role (PUBLIC)' : row.role,
      `${row.object.kind.toLowerCase().replaceAll('_', ' ')} ${row.object.label}`,
      row.privilege,
      row.grantable ? 'yes' : 'no',
      row.paths.map(pathText).join('\n'),
      row.collaborators.join(', '),
    ]),
  );
}

async function catalogOf(db: string) {
  const client = await api();
  const database = await resolveDatabase(client, db);
  return { client, database };
}

export function registerAccess(program: Command): void {
  const access = withObject(program.command('access'))
    .description(
      'Access review: every effective privilege of a role, a user, a schema (and all in it) or an object, and why',
    )
    .option('--db <name|id>', 'database name or id')
    .option('--role <role>', 'everything a role can use')
    .option('--user <username>', 'everything a collaborator can use, through their role')
    .option('--json', 'print the report as JSON (made by the server); JSON output of the snapshot commands')
    .option('--csv', 'print the report as CSV (made by the server)')
    .action(async (_options: AccessOptions, command: Command) => {
      const options = optionsOf(command);
      const subject = subjectOf(options);
      if (options.json && options.csv) throw new UsageError('choose one of --json and --csv');
      const { client, database } = await catalogOf(options.db);
      if (options.json || options.csv) {
        const format = options.csv ? 'CSV' : 'JSON';
        const result = await client.request(CliAccessExport, { id: database.id, subject, format });
        const catalog = unwrap(unwrap(result.database, 'Database').catalog, 'DatabaseCatalog');
        const { content } = unwrap(catalog.accessReportExport, 'AccessExport');
        process.stdout.write(format === 'JSON' ? `${content}\n` : content);
        return;
      }
      const result = await client.request(CliAccessReport, { id: database.id, subject });
      const catalog = unwrap(unwrap(result.database, 'Database').catalog, 'DatabaseCatalog');
      const report = unwrap(catalog.accessReport, 'AccessReport');
      const rows = report.rows.nodes;
      const what = `${report.subject.kind.toLowerCase()} ${report.subject.label}`;
      process.stdout.write(`${rows.length === 0 ? `no access found for ${what}` : rowsTable(rows)}\n`);
    });

  const snapshot = access
    .command('snapshot')
    .description("Saved access reviews, and what changed since (with access's --db and subject options)");

  snapshot
    .command('save')
    .description('save the report of a role, a user, a schema or an object as it is now')
    .option('--note <text>', 'why it was taken')
    .action(async (_options: unknown, command: Command) => {
      const options = optionsOf(command) as ReturnType<typeof optionsOf> & { note?: string };
      const subject = subjectOf(options);
      const { client, database } = await catalogOf(options.db);
      const { saveAccessSnapshot } = await client.request(CliSaveAccessSnapshot, {
        db: database.id,
        subject,
        note: options.note ?? null,
      });
      const saved = unwrap(saveAccessSnapshot, 'AccessSnapshot');
      emit(options.json, saved, () =>
        done(
          `saved snapshot ${saved.id} of ${saved.subject.kind.toLowerCase()} ${saved.subject.label} (${saved.rowCount} rows)`,
        ),
      );
    });

  snapshot
    .command('list')
    .description("the database's snapshots, newest first")
    .action(async (_options: unknown, command: Command) => {
      const options = optionsOf(command);
      const { client, database } = await catalogOf(options.db);
      const result = await client.request(CliAccessSnapshots, { id: database.id });
      const snapshots = unwrap(unwrap(result.database, 'Database').catalog, 'DatabaseCatalog').accessSnapshots.nodes;
      emit(options.json, snapshots, () =>
        table(
          ['ID', 'SAVED', 'BY', 'SUBJECT', 'ROWS', 'NOTE'],
          snapshots.map((saved) => [
            saved.id,
            String(saved.createdAt),
            saved.createdBy,
            `${saved.subject.kind.toLowerCase()} ${saved.subject.label}`,
            saved.rowCount,
            saved.note,
          ]),
        ),
      );
    });

  snapshot
    .command('diff')
    .description('what changed between two snapshots (or since one, without <to>), and the events behind it')
    .argument('<from>', 'snapshot id')
    .argument('[to]', 'a later snapshot id of the same subject (default: now)')
    .action(async (from: string, to: string | undefined, _options: unknown, command: Command) => {
      const options = optionsOf(command);
      const { client, database } = await catalogOf(options.db);
      const result = await client.request(CliAccessSnapshotDiff, { id: database.id, from, to: to ?? null });
      const catalog = unwrap(unwrap(result.database, 'Database').catalog, 'DatabaseCatalog');
      const diff = unwrap(catalog.accessSnapshotDiff, 'AccessSnapshotDiff');
      emit(options.json, diff, () => {
        const changes = diff.changes.nodes;
        if (changes.length === 0) return 'no change in access';
        const lines = [
          `${diff.gainedCount} gained, ${diff.lostCount} lost, ${changes.length - diff.gainedCount - diff.lostCount} grant option changes`,
          rowsTable(
            changes.map((change) => change.row),
            ['CHANGE'],
            (index) => [changes[index]?.change ?? ''],
          ),
        ];
        if (diff.events.length > 0)
          lines.push(
            'Events behind it:',
            table(
              ['WHEN', 'SOURCE', 'KIND', 'ACTING ROLE', 'SQL'],
              diff.events.map((event) => [
                String(event.createdAt),
                event.source,
                event.kind,
                event.actingRole,
                event.sql.join('\n'),
              ]),
            ),
          );
        return lines.join('\n');
      });
    });
}
