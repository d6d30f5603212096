import type { RolesQuery } from '../../../gql/graphql';

type Only<T, Name> = Extract<T, { __typename?: Name }>;

/** The catalog as the Roles query reads it: these types are generated from the query, not written by hand. */
export type RolesCatalog = Only<NonNullable<Only<RolesQuery['database'], 'Database'>['catalog']>, 'DatabaseCatalog'>;
export type RoleView = RolesCatalog['roles'][number];
export type MemberEdge = RoleView['members'][number];
/** What the viewer's role may do to a role (Role.viewerCan), with PostgreSQL's reason for each refusal. */
export type RoleCapabilitiesView = RoleView['viewerCan'];

/** A dry run's or an applied change's SQL, as the server returns it. */
export type { Change } from '../../../lib/previewed-change';
