import { checkIdentifier } from '../../catalog/identifiers.js';
import { checkPrivileges } from '../../catalog/privileges.js';
import * as sql from '../../catalog/statements.js';
import type { Context } from '../../context.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { requireViewer } from '../../policy/capabilities.js';
import { catalogFor } from '../../scope/viewer-connections.js';
import { applyChange, type ChangeMode, type PermissionChange } from './change.js';
import { grantee, granteeLabel } from './grantees.js';

export interface GrantOnAllTablesInput {
  databaseId: string;
  schema: string;
  /** A role name; null for PUBLIC. */
  grantee?: string | null;
  /** On every table, view, materialized view and foreign table of the schema. */
  privileges: string[];
  /** On every sequence of the schema (none: sequences untouched). */
  sequencePrivileges?: string[] | null;
  withGrantOption?: boolean | null;
  /** Also grant USAGE on the schema when the grantee lacks it (the grants do nothing without it). */
  withSchemaUsage?: boolean | null;
}

/**
 * Grants on every table (and sequence) a schema holds now, in one transaction, as the viewer's role: PostgreSQL's
 * own `GRANT … ON ALL TABLES IN SCHEMA`, with its verdict. A table the role uses but may not grant on is a WARNING,
 * passed on; one it holds nothing on makes PostgreSQL refuse the whole statement (PermissionDeniedError); a change
 * that grants nothing new is NothingChanged.
 */
export async function grantOnAllTables(
  context: Context,
  input: GrantOnAllTablesInput,
  mode: ChangeMode,
): Promise<PermissionChange> {
  requireViewer(context.viewer);
  const catalog = catalogFor(context, input.databaseId);
  const name = checkIdentifier(input.schema, 'schema');
  const schema = (await catalog.schemas()).find((candidate) => candidate.nspname === name);
  if (!schema) throw new NotFoundError(`schema ${name}`);
  const who = await grantee(catalog, input.grantee);
  const features = await catalog.features();
  const privileges = checkPrivileges('TABLE', input.privileges, features);
  const sequencePrivileges = checkPrivileges('SEQUENCE', input.sequencePrivileges ?? [], features);
  if (privileges.length === 0 && sequencePrivileges.length === 0)
    throw new ValidationError('privileges', 'Choose at least one privilege on the tables or on the sequences.');
  const grantOption = Boolean(input.withGrantOption);
  const usage =
    input.withSchemaUsage && !(await catalog.hasSchemaUsage(who.oid, schema.oid))
      ? [sql.grantPrivileges({ kind: 'SCHEMA', name }, ['USAGE'], who.name, false)]
      : [];
  const statements = [
    ...usage,
    ...(privileges.length > 0 ? [sql.grantOnAllInSchema('TABLES', name, privileges, who.name, grantOption)] : []),
    ...(sequencePrivileges.length > 0
      ? [sql.grantOnAllInSchema('SEQUENCES', name, sequencePrivileges, who.name, grantOption)]
      : []),
  ];
  const relations = await catalog.relationsIn(schema.oid);
  return applyChange(context, {
    databaseId: input.databaseId,
    kind: 'privileges.changed',
    statements,
    touches: { schemas: [name], relations: relations.map((relation) => relation.oid) },
    // What PostgreSQL granted is what the change observed: a GRANT on tables the role may not grant on is a no-op.
    nothingUnlessObserved: true,
    payload: {
      object: `${name}.*`,
      objectKind: 'TABLE',
      grantee: granteeLabel(who),
      granted: [...new Set([...privileges, ...sequencePrivileges])],
    },
    ...mode,
  });
}
