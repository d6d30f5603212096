import type { ClientBase } from 'pg';
import { type DefaultedKind, newObjectAcl, type PgDefaultAcl } from '../catalog/default-privileges.js';
import type { AnyObject } from '../catalog/effective.js';
import type { ServerFeatures } from '../catalog/server.js';
import type { CatalogState, Effects } from '../events/effects.js';
import type { Sides } from './graphs.js';
import type { ImpactObject } from './model.js';
import { impactObject } from './object-names.js';
import { movedGrantees, rolesReaching } from './pairs/affected.js';

/** The objects one role will create later (of one kind, in one schema or anywhere), before and after the change. */
export interface FutureObjects {
  object: ImpactObject;
  before: AnyObject;
  after: AnyObject;
  roles: Set<number>;
}

const PLURAL: Partial<Record<string, string>> = {
  TABLE: 'tables',
  SEQUENCE: 'sequences',
  FUNCTION: 'functions',
  TYPE: 'types',
  SCHEMA: 'schemas',
  LARGE_OBJECT: 'large objects',
};

const plural = (kind: DefaultedKind) => PLURAL[kind] ?? `${kind.toLowerCase().replace('_', ' ')}s`;

async function schemaNames(client: ClientBase, oids: number[]): Promise<Map<number, string>> {
  if (oids.length === 0) return new Map();
  const { rows } = await client.query<{ oid: number; nspname: string }>(
    'SELECT oid::int, nspname FROM pg_catalog.pg_namespace WHERE oid = ANY($1::oid[])',
    [oids],
  );
  return new Map(rows.map((row) => [row.oid, row.nspname]));
}

/**
 * What default privileges changed, as hypothetical new objects: owned by their creator, with the ACL PostgreSQL
 * would give them before and after (newObjectAcl), and the roles that may hold something else on them.
 */
export async function futureObjects(
  client: ClientBase,
  sides: Sides,
  before: CatalogState,
  after: CatalogState,
  effects: Effects,
): Promise<FutureObjects[]> {
  const touched = (effects.defaultAcls ?? []).filter((change) => change.database === before.database);
  if (touched.length === 0) return [];
  const entries = (state: CatalogState): PgDefaultAcl[] => state.defaultAcls ?? [];
  const names = await schemaNames(
    client,
    touched.map(({ before: was, after: is }) => (was ?? is)?.defaclnamespace ?? 0).filter((oid) => oid !== 0),
  );
  const features: ServerFeatures = sides.features;
  return touched.map(({ before: was, after: is }) => {
    const entry = (was ?? is) as PgDefaultAcl;
    const schema = entry.defaclnamespace === 0 ? null : entry.defaclnamespace;
    const creator = entry.defaclrole;
    const acl = (state: CatalogState) => newObjectAcl(entries(state), entry.kind, creator, schema, features);
    const [aclBefore, aclAfter] = [acl(before), acl(after)];
    const creatorName = sides.before.roles.get(creator)?.rolname ?? sides.after.roles.get(creator)?.rolname ?? '';
    const schemaName = schema === null ? null : (names.get(schema) ?? String(schema));
    const where = schemaName === null ? '' : ` in ${schemaName}`;
    const state = (items: typeof aclBefore) => ({
      oid: 0,
      objectKind: entry.kind,
      label: '',
      owner: creator,
      acl: items,
    });
    return {
      object: {
        ...impactObject({
          kind: entry.kind,
          schema: schemaName,
          name: `(new ${plural(entry.kind)})`,
          column: null,
          arguments: null,
        }),
        label: `new ${plural(entry.kind)} of ${creatorName}${where}`,
      },
      before: { kind: entry.kind, owner: creator, acl: aclBefore },
      after: { kind: entry.kind, owner: creator, acl: aclAfter },
      roles: rolesReaching(sides, movedGrantees(state(aclBefore), state(aclAfter))),
    };
  });
}
