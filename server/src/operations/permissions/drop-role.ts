import { type RoleDependencies, roleDependencies } from '../../catalog/dependencies.js';
import { checkIdentifier, quoteIdent } from '../../catalog/identifiers.js';
import type { Statement } from '../../catalog/statements.js';
import * as sql from '../../catalog/statements.js';
import type { Context } from '../../context.js';
import { InUseError, NotFoundError } from '../../errors.js';
import { requireViewer } from '../../policy/capabilities.js';
import type { ConnectionTarget } from '../../pools/managed.js';
import { catalogFor, type ViewerConnection, viewerConnection } from '../connections.js';
import { applyChange, type PermissionChange } from './change.js';

interface Plan {
  /** Other databases of the server to clean first, each in its own transaction. */
  elsewhere: { database: string; statements: Statement[] }[];
  /** Statements for the database the request is about, ending with DROP ROLE. */
  here: Statement[];
}

/**
 * Only the steps a database needs: REASSIGN OWNED and DROP OWNED both require the privileges of the role, which a
 * CREATEROLE role holding only ADMIN OPTION (the 16+ default) lacks, so they are not run where there is nothing to do.
 */
function cleanup(role: string, reassignTo: string | null, dependency: RoleDependencies | undefined): Statement[] {
  if (!dependency) return [];
  const reassign = dependency.owned > 0 && reassignTo ? [sql.reassignOwned(role, reassignTo)] : [];
  return [...reassign, sql.dropOwned(role)];
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
  role: { oid: number; rolname: string },
  reassignTo: string | null,
): Promise<Plan> {
  const here = (await catalogFor(context, databaseId).database()).datname;
  const dependencies = await context.pools.withClient(connection.target, (client) =>
    roleDependencies(client, role.oid),
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
  const dependencyIn = (database: string) => dependencies.find((dependency) => dependency.datname === database);
  return {
    elsewhere: others.map((database) => ({
      database,
      statements: cleanup(role.rolname, reassignTo, dependencyIn(database)),
    })),
    here: [...cleanup(role.rolname, reassignTo, dependencyIn(here)), sql.dropRole(role.rolname)],
  };
}

async function runElsewhere(
  context: Context,
  target: ConnectionTarget,
  steps: Plan['elsewhere'],
  commit: boolean,
): Promise<void> {
  for (const step of steps) {
    const elsewhere = { ...target, database: step.database };
    await context.pools.withClient(elsewhere, async (client) => {
      await client.query('BEGIN');
      try {
        for (const statement of step.statements) await client.query(statement.sql);
        await client.query(commit ? 'COMMIT' : 'ROLLBACK');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }
}

/**
 * DROP ROLE as one operation: reassign what it owns (in every connected database of the server where it owns
 * something), drop its remaining privileges, then drop it. Other databases are rehearsed (run and rolled back)
 * before anything is committed, so a refusal anywhere changes nothing.
 */
export async function dropRole(
  context: Context,
  databaseId: string,
  name: string,
  reassignToInput: string | null,
  dryRun: boolean,
): Promise<PermissionChange> {
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

  if (!dryRun) {
    await runElsewhere(context, connection.target, steps.elsewhere, false);
    await runElsewhere(context, connection.target, steps.elsewhere, true);
  }
  const change = await applyChange(context, {
    databaseId,
    kind: 'role.dropped',
    statements: steps.here,
    payload: { name: role.rolname, reassignTo, otherDatabases: steps.elsewhere.map((step) => step.database) },
    dryRun,
    afterCommit: async () => {
      await context.metadata.configuredRole.deleteMany({
        where: { serverId: connection.serverId, rolname: role.rolname },
      });
    },
  });
  return { ...change, sql: [...shownElsewhere, ...change.sql] };
}
