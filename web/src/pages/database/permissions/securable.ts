import { graphql } from '../../../gql';
import type { ObjectKind, SecurableFragment } from '../../../gql/graphql';
import type { PresetEntry } from '../../../lib/permission-model';

/** What the dialog shows of an object: a list that opens it reads these fields (`...Securable`). */
export const Securable = graphql(`
  fragment Securable on SecurableObject {
    kind
    owner { name }
    aclIsDefault
    grants { isPublic grantee { name } privileges grantable preset }
    viewerCan { changePrivileges grantablePrivileges transferOwnership reason }
  }
`);

export type SecurableView = SecurableFragment & {
  label: string;
  ref: { kind: ObjectKind; schema?: string; name?: string; column?: string; arguments?: string };
};

export type SchemaTableView = Pick<SecurableFragment, 'owner' | 'viewerCan'> & { name: string };

export interface PermissionDialogProps {
  databaseId: string;
  /** The object as the server shows it now: it changes under an open dialog when a live event arrives. */
  object: SecurableView;
  /** The object was dropped while the dialog was open. */
  missing?: boolean;
  /** Each kind's privileges in PostgreSQL's order, and its presets: the server's table, read from the API. */
  privilegesByKind: { kind: string; privileges: string[]; presets: PresetEntry[] }[];
  schemaTables: SchemaTableView[];
  viewerRole?: string;
  onClose: () => void;
  /** Re-reads the catalog after a change (or a failed one) so the dialog can start again from what is true now. */
  onApplied?: () => unknown;
}

export const NEEDS_PREVIEW = 'Preview the SQL first: Apply runs exactly what the preview shows.';

/** A role name, or PUBLIC. */
export const granteeName = (grantee: string | null) => grantee ?? 'PUBLIC';
