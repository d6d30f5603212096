import type { RoleRowFieldsFragment } from '../../../gql/graphql';

/** A role as a row of the Roles tab reads it: generated from the RoleRowFields fragment, not written by hand. */
export type RoleView = RoleRowFieldsFragment;
/** What the viewer's role may do to a role (Role.viewerCan), with PostgreSQL's reason for each refusal. */
export type RoleCapabilitiesView = RoleView['viewerCan'];

/** A dry run's or an applied change's SQL, as the server returns it. */
export type { Change } from '../../../lib/previewed-change';
