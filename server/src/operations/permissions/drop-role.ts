import type { PoolClient } from 'pg';
import { type RoleDependencies, remainingDependencies, roleDependencies } from '../../catalog/dependencies.js';
import { checkIdentifier, quoteIdent } from '../../catalog/identifiers.js';
import type { PgRole } from '../../catalog/roles.js';
import type { ServerFeatures } from '../../catalog/server.js';
import type { Statement } from '../../catalog/statements.js';
import * as sql from '../../catalog/statements.js';
import type { Context } from '../../context.js';
import { DependentObjectsError, InUseError, NotFoundError, PermissionDeniedError } from '../../errors.js';
import { type Effects, effectsBetween, lockScope, observeCatalog, transactionId } from '../../events/effects.js';
import { requireViewer } from '../../policy/capabilities.js';
import type { ConnectionTarget } from '../../pools/managed.js';
import type { ViewerConnection } from '../../pools/targets.js';
import { catalogFor, viewerConnection } from '../../scope/viewer-connections.js';
import { applyChange, type ChangeMode, type PermissionChange } from './change.js';

interface Plan {
  /** Other databases of the server to clean first, each in its own transaction. */
  elsewhere: { database: string; statements: Statement[] }[];
  /** Statements for the database the request is about, ending with DROP ROLE. */
  here: Statement[];
}

/** What the acting role holds over the role to drop, as PostgreSQL will judge it. */
interface Standing {
  actingRole: string;
  /** Superuser, or CREATEROLE and (16+) ADMIN OPTION on a role that is no superuser: DROP ROLE will be allowed. */
  mayDrop: boolean;
  /** The privileges of the role, which REASSIGN OWNED and DROP OWNED require. */
  hasPrivileges: boolean;
}

/** PostgreSQL 16 made CREATEROLE need ADMIN OPTION on a role to drop it (or grant it); 15 lets it on any non-superuser. */
async function standing(client: PoolClient, role: PgRole, features: ServerFeatures): Promise<Standing> {
  const needsAdmin = features.versionNum >= 160000;
  const { rows } = await client.query<Standing>(
    `SELECT current_user AS "actingRole", pg_has_role($1::oid, 'USAGE') AS "hasPrivileges",
            (r.rolsuper OR (r.rolcreaterole AND NOT $2::boolean
                            AND (NOT $3::boolean OR pg_has_role($1::oid, 'MEMBER WITH ADMIN OPTION'))))
              AS "mayDrop"
       FROM pg_catalog.pg_roles r WHERE r.rolname = current_user`,
    [role.oid, role.rolsuper, needsAdmin],
  );
  return rows[0] ?? { actingRole: '', mayDrop: false, hasPrivileges: false };
}

interface Cleanup {
  role: string;
  reassignTo: string | null;
  /**
   * The acting role lacks the role's privileges (a CREATEROLE role holds only ADMIN OPTION on the roles it creates,
   * the 16+ default): ADMIN OPTION (on 15, CREATEROLE alone) lets it grant them to itself for the cleanup; DROP ROLE
   * removes that grant.
   */
  borrow: { actingRole: string; features: ServerFeatures } | null;
}

/** Only the steps a database needs: nothing where the role owns and holds nothing. */
function cleanup(plan: Cleanup, dependency: RoleDependencies | undefined): Statement[] {
  if (!dependency) return [];
  const reassign = dependency.owned > 0 && plan.reassignTo ? [sql.reassignOwned(plan.role, plan.reassignTo)] : [];
  const steps = [...reassign, sql.dropOwned(plan.role)];
  if (!plan.borrow) return steps;
  const { actingRole, features } = plan.borrow;
  return [sql.grantMembership(plan.role, actingRole, { admin: false, inherit: true, set: false }, features), ...steps];
}

/** In another database the role outlives the transaction, so the borrowed privileges are given back there. */
function cleanupElsewhere(plan: Cleanup, dependency: RoleDependencies | undefined): Statement[] {
  const steps = cleanup(plan, dependency);
  return plan.borrow ? [...steps, sql.revokeMembership(plan.role, plan.borrow.actingRole)] : steps;
}

/** Collaborators working through the role would be locked out: refuse before touching the server. */
async function refuseIfAssigned(context: Context, serverId: string, rolname: string): Promise<void> {
  const collaborators = await context.metadata.collaborator.findMany({
    where: { configuredRole: { serverId, rolname } },
    include: { user: true, database: true },
  });
  if (collaborators.length === 0) return;
  const usedBy = collaborators.map((collaborator) => `${collaborator.user.username} on ${collaborator.database.name}`);
  throw new InUseError(
    `${rolname} is how ${usedBy.length} collaborator(s) reach their database; give them another role first.`,
    usedBy,
  );
}

async function plan(
  context: Context,
  connection: ViewerConnection,
  databaseId: string,
  role: PgRole,
  reassignTo: string | null,
): Promise<Plan> {
  const catalog = catalogFor(context, databaseId);
  const here = (await catalog.database()).datname;
  const features = await catalog.features();
  const [dependencies, acting] = await context.pools.withClient(
    connection.target,
    async (client) => [await roleDependencies(client, role.oid), await standing(client, role, features)] as const,
  );
  const owning = dependencies.filter((dependency) => dependency.owned > 0);
  if (owning.length > 0 && !reassignTo) {
    const where = owning.map((dependency) => `${dependency.owned} object(s) in ${dependency.datname}`);
    throw new InUseError(`${role.rolname} owns ${where.join(', ')}; choose a role to reassign them to.`, where);
  }
  const connected = await context.metadata.database.findMany({
    where: { serverId: connection.serverId },
    select: { name: true },
  });
  const connectedNames = new Set(connected.map((database) => database.name));
  const others = dependencies.map((dependency) => dependency.datname).filter((name) => name !== here);
  const unreachable = others.filter((name) => !connectedNames.has(name));
  if (unreachable.length > 0) {
    throw new InUseError(
      `${role.rolname} owns objects or holds privileges in databases Rolecall is not connected to: ${unreachable.join(', ')}.`,
      unreachable,
    );
  }
  // Other databases commit before DROP ROLE runs here: a refusal of DROP ROLE must come before any of them.
  if (others.length > 0 && !acting.mayDrop) {
    throw new PermissionDeniedError(
      'permission denied to drop role',
      '42501',
      features.versionNum >= 160000
        ? `Only roles with the CREATEROLE attribute and the ADMIN option on role "${role.rolname}" may drop this role.`
        : `Only superusers and roles with the CREATEROLE attribute may drop role "${role.rolname}".`,
    );
  }
  const steps: Cleanup = {
    role: role.rolname,
    reassignTo,
    borrow: acting.hasPrivileges || !acting.mayDrop ? null : { actingRole: acting.actingRole, features },
  };
  const dependencyIn = (database: string) => dependencies.find((dependency) => dependency.datname === database);
  return {
    elsewhere: others.map((database) => ({ database, statements: cleanupElsewhere(steps, dependencyIn(database)) })),
    here: [...cleanup(steps, dependencyIn(here)), sql.dropRole(role.rolname)],
  };
}

/**
 * DROP OWNED revokes only what the acting role could revoke itself: a grant by another role stays, and DROP ROLE would
 * then refuse after this database has committed. So refuse here, as DROP ROLE would, before anything commits.
 */
async function refuseLeftovers(client: PoolClient, role: PgRole, database: string): Promise<void> {
  const left = await remainingDependencies(client, role.oid);
  if (left.length === 0) return;
  throw new DependentObjectsError(
    `role "${role.rolname}" cannot be dropped because some objects in ${database} depend on it`,
    '2BP01',
    left.join('\n'),
  );
}

/** What the cleanup in another database may touch: its objects, and the grants on every database (shared). */
const ELSEWHERE = { databases: true, everything: true } as const;

/** The cleanup in other databases; when it commits, what it did there (each database's objects). */
async function runElsewhere(
  context: Context,
  target: ConnectionTarget,
  role: PgRole,
  steps: Plan['elsewhere'],
  commit: boolean,
): Promise<Effects[]> {
  const effects: Effects[] = [];
  for (const step of steps) {
    const elsewhere = { ...target, database: step.database };
    await context.pools.withClient(elsewhere, async (client) => {
      await client.query('BEGIN');
      try {
        const before = commit ? await observeCatalog(client, ELSEWHERE, await lockScope(client, ELSEWHERE)) : null;
        for (const statement of step.statements) await client.query(statement.sql);
        await refuseLeftovers(client, role, step.database);
        if (before) {
          const after = await observeCatalog(client, ELSEWHERE, step.database);
          effects.push(effectsBetween(await transactionId(client), before, after));
        }
        await client.query(commit ? 'COMMIT' : 'ROLLBACK');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }
  return effects;
}

/** The role is gone: its stored password goes, and the invitations to work through it (nobody can accept them). */
async function forgetConfigured(context: Context, serverId: string, rolname: string): Promise<void> {
  const configured = { serverId, rolname };
  await context.metadata.$transaction([
    context.metadata.invitation.deleteMany({ where: { configuredRole: configured } }),
    context.metadata.configuredRole.deleteMany({ where: configured }),
  ]);
}

export interface DropRoleInput {
  databaseId: string;
  name: string;
  /** Who gets its objects (REASSIGN OWNED) in every database; null to drop only what it owns nowhere. */
  reassignTo: string | null;
}

/**
 * DROP ROLE as one operation: reassign what it owns (in every connected database of the server where it owns
 * something), drop its remaining privileges, then drop it. Other databases are rehearsed (run and rolled back)
 * before anything is committed, so a refusal anywhere changes nothing.
 */
export async function dropRole(context: Context, input: DropRoleInput, mode: ChangeMode): Promise<PermissionChange> {
  const { databaseId, name, reassignTo: reassignToInput } = input;
  requireViewer(context.viewer);
  const catalog = catalogFor(context, databaseId);
  const role = await catalog.roleByName(checkIdentifier(name, 'role'));
  if (!role) throw new NotFoundError('role');
  const reassignTo = reassignToInput ? checkIdentifier(reassignToInput, 'reassignTo') : null;
  if (reassignTo && !(await catalog.roleByName(reassignTo))) throw new NotFoundError('role to reassign to');
  const connection = await viewerConnection(context, databaseId);
  await refuseIfAssigned(context, connection.serverId, role.rolname);
  const steps = await plan(context, connection, databaseId, role, reassignTo);
  const shownElsewhere = steps.elsewhere.flatMap((step) => [
    `\\connect ${quoteIdent(step.database)}`,
    ...step.statements.map((statement) => statement.shown),
  ]);

  let ranBeforeEffects: Effects[] = [];
  if (!mode.dryRun) {
    await runElsewhere(context, connection.target, role, steps.elsewhere, false);
    ranBeforeEffects = await runElsewhere(context, connection.target, role, steps.elsewhere, true);
  }
  return applyChange(context, {
    databaseId,
    kind: 'role.dropped',
    statements: steps.here,
    touches: { roles: true, databases: true, everything: true },
    ranBefore: shownElsewhere,
    ranBeforeEffects,
    payload: { name: role.rolname, reassignTo, otherDatabases: steps.elsewhere.map((step) => step.database) },
    ...mode,
    afterCommit: () => forgetConfigured(context, connection.serverId, role.rolname),
  });
}
