import { createEffect, createSignal, type JSX, Match, on, Show, Switch } from 'solid-js';
import { ErrorText } from '../../components/ErrorText';
import { ObjectCombobox } from '../../components/ObjectCombobox';
import { RoleCombobox } from '../../components/RoleCombobox';
import { SchemaCombobox } from '../../components/SchemaCombobox';
import type { AccessReportQuery as AccessReportResult, AccessSubjectInput } from '../../gql/graphql';
import { errorMessage, query } from '../../graphql/client';
import { download } from '../../lib/export';
import { formatCount } from '../../lib/numbers';
import { createPagedConnection, pageOf } from '../../lib/paged-connection';
import { member } from '../../lib/result';
import { AccessSnapshotsPanel } from './access-review/AccessSnapshotsPanel';
import {
  AccessReportExport,
  AccessReportQuery,
  type AccessRowView,
  type Subject,
  subjectInput,
} from './access-review/operations';
import { ReportRows } from './access-review/ReportRows';

/** Rows read at once; the next page loads as the list scrolls near its end. */
const PAGE = 100;

const KINDS = [
  ['ROLE', 'A role'],
  ['COLLABORATOR', 'A collaborator'],
  ['SCHEMA', 'A schema'],
  ['OBJECT', 'An object'],
] as const;
type Kind = (typeof KINDS)[number][0];

function reportOf(data: AccessReportResult) {
  const catalog = member(member(data.database, 'Database')?.catalog, 'DatabaseCatalog');
  const report = member(catalog?.accessReport, 'AccessReport');
  if (report) return report;
  const failed = member(data.database, 'Database')?.catalog;
  throw new Error(
    errorMessage(data.database) ??
      errorMessage(failed) ??
      errorMessage(catalog?.accessReport) ??
      'The access report could not be read.',
  );
}

/**
 * An access review (issue 16): every effective privilege of a role, a collaborator, a schema or an object, each with
 * every path to it; downloaded as CSV or JSON; saved as a snapshot, and compared with a later one or with now.
 */
export function AccessReview(props: { databaseId: string; version: number }): JSX.Element {
  const [kind, setKind] = createSignal<Kind>('ROLE');
  const [subject, setSubject] = createSignal<Subject | null>(null);
  const [typedCollaborator, setTypedCollaborator] = createSignal('');
  const input = (): AccessSubjectInput | null => {
    const chosen = subject();
    return chosen ? subjectInput(chosen) : null;
  };

  const [label, setLabel] = createSignal('');
  const report = createPagedConnection<AccessRowView>({
    key: () => {
      const asked = input();
      return asked ? JSON.stringify([props.databaseId, asked]) : null;
    },
    pageSize: PAGE,
    read: async (after, first) => {
      const asked = input();
      if (!asked) throw new Error('Choose what to review first.');
      const found = reportOf(await query(AccessReportQuery, { id: props.databaseId, subject: asked, first, after }));
      setLabel(found.subject.label);
      return pageOf(found.rows);
    },
  });
  createEffect(
    on(
      () => props.version,
      () => void report.reread(),
      { defer: true },
    ),
  );

  const [exporting, setExporting] = createSignal<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  /** The server writes the file (every row and path, not only those loaded); the browser saves it. */
  const exportAs = async (format: 'CSV' | 'JSON') => {
    const asked = input();
    if (!asked) return;
    setExporting({ busy: true, error: null });
    try {
      const data = await query(AccessReportExport, { id: props.databaseId, subject: asked, format });
      const catalog = member(member(data.database, 'Database')?.catalog, 'DatabaseCatalog');
      const file = member(catalog?.accessReportExport, 'AccessExport');
      if (!file)
        throw new Error(errorMessage(catalog?.accessReportExport) ?? errorMessage(data.database) ?? 'No file.');
      download(file.fileName, file.contentType, file.content);
      setExporting({ busy: false, error: null });
    } catch (failure) {
      setExporting({ busy: false, error: (failure as Error).message });
    }
  };

  const choose = (next: Kind) => {
    setKind(next);
    setSubject(null);
  };
  const total = () => report.totalCount() ?? 0;

  return (
    <section class="access-review" aria-label="Access review">
      <h2>Access review</h2>
      <p class="muted">
        Every effective privilege — inherited, PUBLIC, ownership, predefined roles and superuser included — with every
        path to it. Save a snapshot to see later what changed, and the events behind it.
      </p>
      <div class="row">
        <label>
          Review{' '}
          <select
            aria-label="What to review"
            value={kind()}
            onChange={(event) => choose(event.currentTarget.value as Kind)}
          >
            {KINDS.map(([value, text]) => (
              <option value={value}>{text}</option>
            ))}
          </select>
        </label>
        <Switch>
          <Match when={kind() === 'ROLE'}>
            <RoleCombobox
              databaseId={props.databaseId}
              label="Role to review"
              value={subject()?.kind === 'ROLE' ? (subject() as { role: string }).role : ''}
              onChange={(role) => setSubject({ kind: 'ROLE', role })}
              placeholder="Type a role's name…"
            />
          </Match>
          <Match when={kind() === 'COLLABORATOR'}>
            <form
              class="inline-form"
              onSubmit={(event) => {
                event.preventDefault();
                const name = typedCollaborator().trim();
                if (name) setSubject({ kind: 'COLLABORATOR', collaborator: name });
              }}
            >
              <input
                aria-label="Collaborator to review"
                placeholder="Their username…"
                value={typedCollaborator()}
                onInput={(event) => setTypedCollaborator(event.currentTarget.value)}
              />
              <button type="submit" class="small">
                Review
              </button>
            </form>
          </Match>
          <Match when={kind() === 'SCHEMA'}>
            <SchemaCombobox
              databaseId={props.databaseId}
              label="Schema to review"
              value={subject()?.kind === 'SCHEMA' ? (subject() as { schema: string }).schema : null}
              onChange={(schema) => setSubject(schema ? { kind: 'SCHEMA', schema } : null)}
              anyLabel="(choose a schema)"
            />
          </Match>
          <Match when={kind() === 'OBJECT'}>
            <ObjectCombobox
              databaseId={props.databaseId}
              label="Object to review"
              value={subject()?.kind === 'OBJECT' ? (subject() as Extract<Subject, { kind: 'OBJECT' }>).object : null}
              onChange={(object) => setSubject({ kind: 'OBJECT', object })}
            />
          </Match>
        </Switch>
      </div>
      <Show when={input()}>
        {(asked) => (
          <>
            <div class="row list-tools">
              <button type="button" class="small" disabled={exporting().busy} onClick={() => void exportAs('CSV')}>
                Download CSV
              </button>
              <button type="button" class="small" disabled={exporting().busy} onClick={() => void exportAs('JSON')}>
                Download JSON
              </button>
            </div>
            <ErrorText error={report.error() ?? exporting().error} />
            <Show when={!report.ready() && report.loading()}>
              <p class="muted" role="status">
                Reading the access report…
              </p>
            </Show>
            <Show when={report.ready()}>
              <p class="muted" role="status" data-testid="access-report-count">
                {label()}: {formatCount(total())} effective privilege{total() === 1 ? '' : 's'}
              </p>
              <ReportRows rows={report.nodes()} onNearEnd={report.loadMore} label={`Access of ${label()}`} />
            </Show>
            <AccessSnapshotsPanel databaseId={props.databaseId} subject={asked()} label={label()} />
          </>
        )}
      </Show>
    </section>
  );
}
