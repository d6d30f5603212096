import type { PoolClient, QueryResult } from 'pg';
import { collaboratorsByRole } from '../../access/collaborators-by-role.js';
import type { Statement } from '../../catalog/statements.js';
import type { Context } from '../../context.js';
import { CatalogChangedError, NothingChangedError } from '../../errors.js';
import {
  type CatalogState,
  type EffectScope,
  type Effects,
  effectsBetween,
  lockScope,
  observeCatalog,
} from '../../events/effects.js';
import type { EventKind, PayloadOf } from '../../events/kinds.js';
import { storedEffects } from '../../events/stored-effects.js';
import { assessImpact, ImpactTooLargeError } from '../../impact/compute.js';
import type { ImpactSetting } from '../../impact/evaluate.js';
import type { AccessImpact } from '../../impact/model.js';
import { type ObjectNames, relationNames } from '../../impact/object-names.js';
import { impactSummary } from '../../impact/summary.js';
import type { ViewerConnection } from '../../pools/targets.js';
import { collaboratorCache } from '../../scope/collaborator-cache.js';
import { catalogFor, forgetReads, viewerConnection } from '../../scope/viewer-connections.js';
import { checkRolesAround, type RolesCheck, readerForImpact } from './impact-roles.js';
import { type ChangeNote, notesIn, type Unmet, wordsOf } from './notes.js';
import { previewTokenOf } from './preview-token.js';

/** What every permission mutation returns: the SQL (run, or that would run), and what the caller should know. */
export interface PermissionChange {
  dryRun: boolean;
  sql: string[];
  warnings: string[];
  /** The warnings that are about a role and object, as data (a grant that needs schema USAGE …). */
  notes: ChangeNote[];
  eventId: bigint | null;
  /** On a dry run: what the preview read and would touch, as a token to apply it with (see ChangeMode). */
  previewToken: string | null;
  /** Who gains and loses what (null: it could not be computed); absent when nothing ran, so nothing changed. */
  impact?: AccessImpact | null;
}

/** How a mutation runs: previewed (rolled back), or applied — when given a preview's token, only as previewed. */
export interface ChangeMode {
  dryRun: boolean;
  /**
   * From a successful preview of the same change: the change applies only if nothing it reads or touches (and
   * nothing of the acting role's own standing) changed since, else a CatalogChangedError, before anything runs.
   */
  previewToken?: string | null;
}

export interface ChangeRequest<K extends EventKind = EventKind> extends ChangeMode {
  databaseId: string;
  kind: K;
  statements: Statement[];
  /** Statements run (and committed) before these, on other connections: shown and recorded first. */
  ranBefore?: string[];
  /** What those did to the catalog, observed where they ran. */
  ranBeforeEffects?: Effects[];
  /**
   * What of the catalog the statements may change, read before and after them: the event carries the difference as
   * its `effects`, so the drift watcher never reports any of it (side effects included) as made outside Rolecall.
   */
  touches: EffectScope;
  /**
   * The roles whose privileges the change is expected to move (a grant's grantee): the impact's check of the roles
   * around them travels with the statements. A change that moves others has them checked after, in a round trip more.
   */
  moves?: number[];
  payload: PayloadOf<K>;
  /** What is known before running (e.g. a grant that will not take effect without schema USAGE). */
  warnings?: Unmet[];
  /** Runs after the statements, inside the transaction: returns what did not happen as asked. */
  verify?: (client: PoolClient) => Promise<Unmet[]>;
  /** Reads, inside the transaction, what the event should carry of the state before and after (e.g. the ACL). */
  describeBefore?: (client: PoolClient) => Promise<Partial<PayloadOf<K>>>;
  describeAfter?: (client: PoolClient) => Promise<Partial<PayloadOf<K>>>;
  /** What the event should say of what PostgreSQL did, from the effects observed (e.g. the attributes it changed). */
  describeEffects?: (effects: Effects[]) => Partial<PayloadOf<K>>;
  /**
   * PostgreSQL may answer with a NOTICE and do nothing (a membership granted again, one revoked that is not there):
   * then what the change observed is its verdict, also on a dry run, and no effect is a NothingChanged.
   */
  nothingUnlessObserved?: boolean;
  /**
   * From the catalog as the change observed it before its statements and (once read) after them (see `touches`): what
   * the event should carry (e.g. the object's ACL). Called with the statements: its queries travel in their round trip.
   */
  describeObserved?: (
    client: PoolClient,
    before: CatalogState,
    after: Promise<CatalogState>,
  ) => Promise<Partial<PayloadOf<K>>>;
  /**
   * From what describeBefore, describeAfter and describeObserved read, and what the change observed: whether PostgreSQL
   * changed anything (unset: it always does).
   */
  changed?: (before: Partial<PayloadOf<K>>, after: Partial<PayloadOf<K>>, effects: Effects) => boolean;
  /** Runs after the commit (e.g. storing a new role's password); `warn` tells the caller what did not go as asked. */
  afterCommit?: (warn: (message: string) => void) => Promise<void>;
  /**
   * When afterCommit fails: undoes the committed change as a change of its own (recorded after this one, so the feed
   * tells both and the drift watcher never mistakes either for someone else's). The failure is then the answer.
   */
  undoAfterFailure?: () => Promise<unknown>;
}

/**
 * Locks what the change may touch and reads it as it is before the statements run: the lock is issued first, the
 * reads with it, so they travel in one round trip and PostgreSQL reads only once it holds the lock.
 */
async function observeBefore(client: PoolClient, scope: EffectScope): Promise<CatalogState> {
  const [database, state] = await Promise.all([lockScope(client, scope), observeCatalog(client, scope, '')]);
  return { ...state, database };
}

/**
 * PostgreSQL reports some refusals only as WARNING notices (e.g. REVOKE of a grant made by someone else), and some
 * changes it does not make as NOTICEs (a role that already is a member): those say why nothing changed.
 */
function collectWarnings(client: PoolClient): { warnings: string[]; notices: string[]; stop: () => void } {
  const warnings: string[] = [];
  const notices: string[] = [];
  const listener = (notice: { severity?: string; message?: string }) => {
    if (notice.severity === 'WARNING' && notice.message) warnings.push(notice.message);
    if (notice.severity === 'NOTICE' && notice.message) notices.push(notice.message);
  };
  client.on('notice', listener);
  return { warnings, notices, stop: () => client.off('notice', listener) };
}

export const noEffect = (effects: Effects) =>
  [effects.roles, effects.memberships, effects.objects, effects.settings, effects.comments, effects.defaultAcls].every(
    (touched) => (touched?.length ?? 0) === 0,
  );

const objectsOnly = (scope: EffectScope) => !scope.roles && !scope.everything;

/** Computes a change's impact inside its transaction, from the catalog as observed around its statements. */
interface Assessment {
  /** Issued with the statements, in their round trip: the check of the known roles around those the change moves. */
  checkRoles(client: PoolClient): Promise<RolesCheck | null>;
  assess(
    client: PoolClient,
    before: CatalogState,
    after: CatalogState,
    effects: Effects,
    names: ObjectNames,
    checked: RolesCheck | null,
  ): Promise<AccessImpact | null>;
}

/**
 * The impact of the change (impact/compute.ts), computed with the reader's roles (loaded meanwhile, on another
 * connection) and the database's collaborators. A failure to compute it never fails the change: its impact is null.
 */
function assessing(
  context: Context,
  databaseId: string,
  actingRole: string,
  { touches, moves }: Pick<ChangeRequest, 'touches' | 'moves'>,
): Assessment {
  const reader = catalogFor(context, databaseId);
  const setting: ImpactSetting = {
    reader,
    collaborators: collaboratorCache(context).read(`by role ${databaseId}`, () =>
      collaboratorsByRole(databaseId, context.metadata),
    ),
    actingRole,
  };
  // Loaded before the transaction holds its connection: the roles as they are before the change (a change to
  // objects checks only the part of the known roles it concerns, inside its transaction: see readerForImpact).
  const preloaded = objectsOnly(touches)
    ? [reader.knownRoles(), reader.database(), reader.features()]
    : [reader.graph(), reader.rolesByOid(), reader.memberships()];
  void Promise.all([...preloaded, setting.collaborators]).catch(() => undefined);
  return {
    // Issued after the savepoint runStatements makes: one that fails alone leaves the impact to check again (and
    // fail, then roll back to the savepoint); one that fails with the statements fails with them.
    checkRoles: (client) =>
      objectsOnly(touches) && moves?.length
        ? checkRolesAround(client, reader, moves).catch(() => null)
        : Promise.resolve(null),
    assess: async (client, before, after, effects, names, checked) => {
      // Its reads run after the savepoint runStatements made (one that fails must not abort the change's
      // transaction); the savepoint needs no release: the transaction's end ends it.
      try {
        const rolesFrom = objectsOnly(touches) ? await readerForImpact(client, reader, effects, checked) : reader;
        return await assessImpact(client, { ...setting, reader: rolesFrom, names }, before, after, effects);
      } catch (error) {
        await client.query('ROLLBACK TO SAVEPOINT impact');
        const err = error instanceof Error ? error.message : String(error);
        if (error instanceof ImpactTooLargeError) context.logger.warn({ err }, 'impact not computed');
        else context.logger.error({ err }, 'impact not computed');
        return null;
      }
    },
  };
}

/**
 * The statements as one query string (they carry no parameters): one round trip however many there are (a change to
 * 100 grantees is 100 GRANTs). PostgreSQL runs them in order inside the transaction and stops at the first that fails,
 * whose error is the query's.
 */
async function runInOneRoundTrip(client: PoolClient, statements: Statement[]): Promise<void> {
  if (statements.length > 0) await client.query(statements.map((statement) => statement.sql).join(';\n'));
}

/** The transaction's id, and the savepoint the impact's reads run after (see assessing): one round trip for both. */
async function transactionIdAndSavepoint(client: PoolClient): Promise<string> {
  // Two statements in one query string: pg answers with a result each.
  const results = (await client.query(
    'SAVEPOINT impact; SELECT pg_current_xact_id()::text AS xid',
  )) as unknown as QueryResult<{ xid: string }>[];
  return results[1]?.rows[0]?.xid ?? '0';
}

/**
 * The statements as the viewer's role, inside the caller's transaction: what PostgreSQL said, and the state around.
 * A change PostgreSQL answered with only a warning is a NothingChangedError, so it is neither applied nor recorded.
 */
async function runStatements<K extends EventKind>(
  client: PoolClient,
  request: ChangeRequest<K>,
  sql: string[],
  assessment: Assessment,
) {
  const notices = collectWarnings(client);
  try {
    // What the change may touch is locked and read first: its effects are recorded, a preview's token is made of it,
    // and an apply with a token checks it before any statement runs.
    // Queries issued together travel in one round trip (pools/batched-queries.ts): the lock with the reads before,
    // then the statements with every read after them.
    const [observed, before] = await Promise.all([
      observeBefore(client, request.touches),
      request.describeBefore ? request.describeBefore(client) : ({} as Partial<PayloadOf<K>>),
    ]);
    const token = request.dryRun || request.previewToken ? await previewTokenOf(client, observed, sql) : null;
    if (!request.dryRun && request.previewToken && token !== request.previewToken) throw new CatalogChangedError();
    // A dry run is rolled back and never recorded, but what it did is its impact: the catalog is read again after it.
    // Issued in this order, in one round trip: the statements first, every read after them.
    const ran = runInOneRoundTrip(client, request.statements);
    const verified = request.verify ? request.verify(client) : [];
    const describedAfter = request.describeAfter ? request.describeAfter(client) : ({} as Partial<PayloadOf<K>>);
    const after = observeCatalog(client, request.touches, observed.database);
    const [, unmet, described, afterState, xid, names, checked, fromObserved] = await Promise.all([
      ran,
      verified,
      describedAfter,
      after,
      transactionIdAndSavepoint(client),
      relationNames(client, Array.isArray(request.touches.relations) ? request.touches.relations : []),
      assessment.checkRoles(client),
      request.describeObserved ? request.describeObserved(client, observed, after) : ({} as Partial<PayloadOf<K>>),
    ]);
    const told = [...(request.warnings ?? []), ...notices.warnings, ...unmet];
    const warnings = told.map(wordsOf);
    const notes = notesIn(told);
    const effects = [effectsBetween(xid, observed, afterState)];
    if (request.changed && !request.changed(before, { ...described, ...fromObserved }, effects[0] as Effects))
      throw new NothingChangedError(warnings, sql, request.dryRun);
    if (request.nothingUnlessObserved && effects.every(noEffect))
      throw new NothingChangedError([...warnings, ...notices.notices], sql, request.dryRun);
    const impact = await assessment.assess(client, observed, afterState, effects[0] as Effects, names, checked);
    return {
      xid,
      warnings,
      notes,
      token,
      impact,
      after: { ...before, ...described, ...fromObserved },
      effects: request.dryRun ? [] : effects,
    };
  } finally {
    notices.stop();
  }
}

/**
 * Runs a permission change as the viewer's own role, in one transaction (all or nothing), then records it in the
 * event log with the SQL it ran. A dry run runs the same statements in a transaction that is rolled back, so its
 * verdict is PostgreSQL's own: it fails where the change would fail, with the same typed error.
 */
export async function applyChange<K extends EventKind>(
  context: Context,
  request: ChangeRequest<K>,
): Promise<PermissionChange> {
  const sql = [...(request.ranBefore ?? []), ...request.statements.map((statement) => statement.shown)];
  const connection = await viewerConnection(context, request.databaseId);
  if (request.dryRun) {
    // Steps committed first in other databases (a role dropped from several) cannot be rolled back with these, and
    // these fail without them: such a dry run only shows its SQL.
    if (request.ranBefore?.length) {
      const told = request.warnings ?? [];
      return {
        dryRun: true,
        sql,
        warnings: told.map(wordsOf),
        notes: notesIn(told),
        eventId: null,
        previewToken: null,
        impact: null,
      };
    }
    const assessment = assessing(context, request.databaseId, connection.target.role, request);
    const { warnings, notes, token, impact } = await context.pools.rehearse(connection.target, (client) =>
      runStatements(client, request, sql, assessment),
    );
    return { dryRun: true, sql, warnings, notes, eventId: null, previewToken: token, impact };
  }
  const assessment = assessing(context, request.databaseId, connection.target.role, request);
  const { warnings, notes, after, effects, impact } = await context.pools.transaction(
    connection.target,
    (client) => runStatements(client, request, sql, assessment),
    (ran) => ran.xid,
  );
  forgetReads(context, request.databaseId);
  const observed = [...(request.ranBeforeEffects ?? []), ...effects];
  const payload: PayloadOf<K> = {
    ...request.payload,
    ...after,
    ...request.describeEffects?.(observed),
    effects: storedEffects(observed),
    impact: impact && impactSummary(impact),
  };
  try {
    await request.afterCommit?.((message) => warnings.push(message));
  } catch (failure) {
    const reason = failure instanceof Error ? failure.message : String(failure);
    await recordChange(context, { ...request, payload }, connection, sql, [...warnings, reason]);
    // The first failure stays the answer; an undo that fails too is logged (the drift watcher will still see it).
    await request
      .undoAfterFailure?.()
      .catch((undoFailure: unknown) =>
        context.logger.error({ err: String(undoFailure) }, 'undoing a change whose follow-up failed failed too'),
      );
    throw failure;
  }
  const eventId = await recordChange(context, { ...request, payload }, connection, sql, warnings);
  return { dryRun: false, sql, warnings, notes, eventId, previewToken: null, impact };
}

/** How long a committed change's event is tried again while the metadata database is unreachable (a restart). */
const RECORD_WINDOW_MS = 5_000;
const RECORD_BACKOFF_MS = [50, 100, 200, 400, 800];

/**
 * The change has committed: its event is recorded once. An insert that fails is tried again for a few seconds (the
 * metadata database restarting), each time after asking whether the last one committed after all, by the managed
 * transaction's id its effects carry. Never recorded, the mutation still answers (the change is made), and says so.
 */
async function recordChange<K extends EventKind>(
  context: Context,
  request: ChangeRequest<K>,
  connection: ViewerConnection,
  sql: string[],
  warnings: string[],
): Promise<bigint | null> {
  const input = {
    kind: request.kind,
    actorId: context.viewer?.user.id ?? null,
    serverId: connection.serverId,
    databaseId: request.databaseId,
    payload: { ...request.payload, actingRole: connection.target.role, warnings: [...warnings] },
    sql,
  };
  const xid = request.payload.effects?.at(-1)?.xid;
  const deadline = Date.now() + RECORD_WINDOW_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      const recorded = attempt > 0 && xid ? await context.events.recordedFor(connection.serverId, xid) : null;
      return recorded ?? (await context.events.record(null, input));
    } catch (error) {
      const err = error instanceof Error ? error.message : String(error);
      if (Date.now() >= deadline) {
        context.logger.error({ err, kind: request.kind }, 'event not recorded');
        warnings.push(
          'The change was applied, but Rolecall could not record it in its event log (the metadata database did not answer); the drift watcher will report it as a change made outside Rolecall.',
        );
        return null;
      }
      context.logger.warn({ err, kind: request.kind, attempt }, 'the event of a committed change: trying again');
      await new Promise((resolve) => setTimeout(resolve, RECORD_BACKOFF_MS[Math.min(attempt, 4)]));
    }
  }
}
