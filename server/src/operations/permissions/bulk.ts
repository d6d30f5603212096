import { type DefaultedKind, newObjectAcl } from '../../catalog/default-privileges.js';
import { checkIdentifier } from '../../catalog/identifiers.js';
import type { PgNamespace } from '../../catalog/objects.js';
import { checkPrivileges } from '../../catalog/privileges.js';
import type { CatalogReader } from '../../catalog/reader.js';
import type { PgRole } from '../../catalog/roles.js';
import type { Statement } from '../../catalog/statements.js';
import * as sql from '../../catalog/statements.js';
import type { Context } from '../../context.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { requireViewer } from '../../policy/capabilities.js';
import { catalogFor } from '../../scope/viewer-connections.js';
import { applyChange, type ChangeMode, type PermissionChange } from './change.js';
import { type Grantee, grantee, granteeLabel } from './grantees.js';

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
  /** Also the tables (and sequences) `futureCreator` makes in the schema from now on: ALTER DEFAULT PRIVILEGES. */
  andFuture?: boolean | null;
  /** Whose future tables: by default the schema's owner (the database's owner for pg_database_owner's schemas). */
  futureCreator?: string | null;
}

/**
 * Default privileges follow the role that creates an object, so "future tables" are one role's: the one named, or the
 * schema's owner, who usually makes its tables. pg_database_owner never creates anything itself (its member, the
 * database's owner, does, and owns what it makes), so for its schemas (`public` on 15+) that owner is meant.
 */
async function futureCreatorOf(catalog: CatalogReader, schema: PgNamespace, named?: string | null): Promise<PgRole> {
  if (named != null) {
    const role = await catalog.roleNamed(checkIdentifier(named, 'futureCreator'));
    if (!role) throw new NotFoundError(`role ${named}`);
    return role;
  }
  const owner = await catalog.roleByOid(schema.nspowner);
  const creator =
    owner?.rolname === 'pg_database_owner' ? await catalog.roleByOid((await catalog.database()).datdba) : owner;
  if (!creator) throw new NotFoundError(`owner of schema ${schema.nspname}`);
  return creator;
}

/**
 * The ALTER DEFAULT PRIVILEGES … IN SCHEMA … GRANT that gives the creator's future objects of `kind` there the same
 * privileges; none when what its new objects there start with already holds them (global entry included).
 */
async function futureGrants(
  catalog: CatalogReader,
  creator: PgRole,
  schema: PgNamespace,
  grants: { kind: DefaultedKind; privileges: string[] }[],
  who: Grantee,
  grantOption: boolean,
): Promise<Statement[]> {
  const [entries, features] = await Promise.all([catalog.defaultAcls(), catalog.features()]);
  const target = { creator: creator.rolname, schema: schema.nspname };
  return grants.flatMap(({ kind, privileges }) => {
    const acl = newObjectAcl(entries, kind, creator.oid, schema.oid, features);
    const held = acl.filter((item) => item.grantee === who.oid && (item.is_grantable || !grantOption));
    const missing = privileges.filter((privilege) => !held.some((item) => item.privilege_type === privilege));
    if (privileges.length === 0 || missing.length === 0) return [];
    return [sql.grantDefaultPrivileges({ ...target, kind }, privileges, who.name, grantOption)];
  });
}

/**
 * Grants on every table (and sequence) a schema holds now, in one transaction, as the viewer's role: PostgreSQL's
 * own `GRANT … ON ALL TABLES IN SCHEMA`, with its verdict. A table the role uses but may not grant on is a WARNING,
 * passed on; one it holds nothing on makes PostgreSQL refuse the whole statement (PermissionDeniedError); a change
 * that grants nothing new is NothingChanged. With `andFuture`, the same transaction also sets the default privileges
 * of the creator's future tables there (so a preview shows them, and a role that may not act for the creator is
 * refused all of it).
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
  const creator = input.andFuture ? await futureCreatorOf(catalog, schema, input.futureCreator) : null;
  const future = creator
    ? await futureGrants(
        catalog,
        creator,
        schema,
        [
          { kind: 'TABLE', privileges },
          { kind: 'SEQUENCE', privileges: sequencePrivileges },
        ],
        who,
        grantOption,
      )
    : [];
  // ON ALL TABLES IN SCHEMA grants on the schema's partitions too: they are locked and observed with the rest.
  const relations = await catalog.everyRelationOidIn(schema.oid);
  return applyChange(context, {
    databaseId: input.databaseId,
    kind: 'privileges.changed',
    statements: [...statements, ...future],
    // Grants only: no column's ACL changes (see touchedByGrants).
    touches: {
      schemas: [name],
      relations,
      columns: false,
      defaultAcls: creator !== null,
    },
    moves: [who.oid],
    // What PostgreSQL granted is what the change observed: a GRANT on tables the role may not grant on is a no-op.
    nothingUnlessObserved: true,
    payload: {
      object: `${name}.*`,
      objectKind: 'TABLE',
      grantee: granteeLabel(who),
      granted: [...new Set([...privileges, ...sequencePrivileges])],
      ...(creator ? { futureCreator: creator.rolname } : {}),
    },
    ...mode,
  });
}
