import { graphql } from '../../../gql';
import type { AccessRowFieldsFragment, AccessSubjectInput, ObjectRef } from '../../../gql/graphql';
import { sourceText } from '../../../lib/impact-text';

/** One effective privilege of one role on one object, with every path to it: a row of a report, snapshot or diff. */
export const AccessRowFields = graphql(`
  fragment AccessRowFields on AccessRow {
    role isPublic privilege grantable collaborators
    object { kind label }
    paths { source roles grantor grantable }
  }
`);

export const AccessReportQuery = graphql(`
  query AccessReport($id: ID!, $subject: AccessSubjectInput!, $first: Int, $after: String) {
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        catalog {
          __typename
          ... on Error { message }
          ... on DatabaseCatalog {
            accessReport(subject: $subject) {
              __typename
              ... on Error { message }
              ... on AccessReport {
                subject { kind label }
                rows(first: $first, after: $after) {
                  totalCount
                  pageInfo { hasNextPage endCursor }
                  nodes { ...AccessRowFields }
                }
              }
            }
          }
        }
      }
    }
  }
`);

export const AccessReportExport = graphql(`
  query AccessReportExport($id: ID!, $subject: AccessSubjectInput!, $format: AccessExportFormat!) {
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        catalog {
          __typename
          ... on Error { message }
          ... on DatabaseCatalog {
            accessReportExport(subject: $subject, format: $format) {
              __typename
              ... on Error { message }
              ... on AccessExport { fileName contentType content }
            }
          }
        }
      }
    }
  }
`);

export const AccessSnapshots = graphql(`
  query AccessSnapshots($id: ID!, $first: Int) {
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        catalog {
          __typename
          ... on Error { message }
          ... on DatabaseCatalog {
            accessSnapshots(first: $first) {
              nodes { id createdAt createdBy note rowCount subject { kind label } }
            }
          }
        }
      }
    }
  }
`);

export const SaveAccessSnapshot = graphql(`
  mutation SaveAccessSnapshot($databaseId: ID!, $subject: AccessSubjectInput!, $note: String) {
    saveAccessSnapshot(databaseId: $databaseId, subject: $subject, note: $note) {
      __typename
      ... on Error { message }
      ... on AccessSnapshot { id createdAt rowCount }
    }
  }
`);

export const AccessSnapshotDiffQuery = graphql(`
  query AccessSnapshotDiff($id: ID!, $from: ID!, $to: ID, $first: Int) {
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        catalog {
          __typename
          ... on Error { message }
          ... on DatabaseCatalog {
            accessSnapshotDiff(from: $from, to: $to) {
              __typename
              ... on Error { message }
              ... on AccessSnapshotDiff {
                gainedCount lostCount toTime
                from { createdAt }
                changes(first: $first) {
                  totalCount
                  nodes { change row { ...AccessRowFields } }
                }
              }
            }
          }
        }
      }
    }
  }
`);

/** The events behind a diff: asked apart from its rows, as both in one query pass the API's cost limit. */
export const AccessSnapshotDiffEvents = graphql(`
  query AccessSnapshotDiffEvents($id: ID!, $from: ID!, $to: ID) {
    database(id: $id) {
      __typename
      ... on Error { message }
      ... on Database {
        catalog {
          __typename
          ... on Error { message }
          ... on DatabaseCatalog {
            accessSnapshotDiff(from: $from, to: $to) {
              __typename
              ... on Error { message }
              ... on AccessSnapshotDiff { events { cursor kind source createdAt actor { username } ...EventChangeFields } }
            }
          }
        }
      }
    }
  }
`);

export type AccessRowView = AccessRowFieldsFragment;

/** What the page reviews: one of a role, a collaborator, a schema or an object. */
export type Subject =
  | { kind: 'ROLE'; role: string }
  | { kind: 'COLLABORATOR'; collaborator: string }
  | { kind: 'SCHEMA'; schema: string }
  | { kind: 'OBJECT'; object: ObjectRef };

export function subjectInput(subject: Subject): AccessSubjectInput {
  switch (subject.kind) {
    case 'ROLE':
      return { role: subject.role };
    case 'COLLABORATOR':
      return { collaborator: subject.collaborator };
    case 'SCHEMA':
      return { schema: subject.schema };
    default:
      return { object: subject.object };
  }
}

/** Every way the role holds the privilege: "impact_ana → analysts → reporting; PUBLIC (every role)". */
export const pathsText = (row: AccessRowView) =>
  row.paths
    .map((path) => {
      const words = sourceText({ kind: path.source, path: path.roles });
      return path.grantor && path.source === 'GRANT' ? `${words} (granted by ${path.grantor})` : words;
    })
    .join('; ');

export const rowKey = (row: AccessRowView) =>
  `${row.object.label}|${row.isPublic ? '' : 'role:'}${row.role}|${row.privilege}`;

/** The object a row is about, with its kind: "table sales.orders", "language c". */
export const objectWords = (row: AccessRowView) =>
  `${row.object.kind.toLowerCase().replaceAll('_', ' ')} ${row.object.label}`;

/** Who holds a row's privilege, as people read it: PUBLIC's rows are every role's. */
export const holderWords = (row: AccessRowView) => (row.isPublic ? 'every role (PUBLIC)' : row.role);
