/** One grantee's gains and losses on an object. */
export interface AclChange {
  grantee: string;
  granted: readonly string[];
  revoked: readonly string[];
  grantOptionGranted: readonly string[];
  grantOptionRevoked: readonly string[];
}

/** What an event's typed fields say, as the Activity list, toasts and the CLI's watch word them. */
export interface EventDetail {
  kind: string;
  object?: string | null;
  objectKind?: string | null;
  grantee?: string | null;
  granted?: string[] | null;
  revoked?: string[] | null;
  /** What each grantee gained and lost, as PostgreSQL changed the ACL. */
  aclChanges?: readonly AclChange[] | null;
  role?: string | null;
  newName?: string | null;
  changes?: string[] | null;
  member?: string | null;
  members?: string[] | null;
  added?: string[] | null;
  removed?: string[] | null;
  reassignTo?: string | null;
  admin?: boolean | null;
  previousOwner?: string | null;
  newOwner?: string | null;
  owner?: string | null;
  username?: string | null;
  database?: string | null;
  email?: string | null;
  status?: string | null;
  access?: string | null;
  /** role.altered: one setting (ALTER ROLE … [IN DATABASE …] SET / RESET), before and after (null: not set). */
  setting?: { name: string; database?: string | null; before?: string | null; after?: string | null } | null;
  /** access_snapshot.*: what the snapshot is of (ROLE, COLLABORATOR, SCHEMA, OBJECT), its note and size. */
  subjectKind?: string | null;
  subjectLabel?: string | null;
  note?: string | null;
  rowCount?: number | null;
  /** role.altered: the comment before and after (null: none). */
  comment?: { before?: string | null; after?: string | null } | null;
  /** default_privileges.changed: whose new objects, where (null: every schema), and what each grantee gained and lost. */
  creator?: string | null;
  schema?: string | null;
  grantChanges?: readonly AclChange[] | null;
}

const list = (items: readonly string[] | null | undefined) => (items ?? []).join(', ');
/** `SELECT*`: with grant option. */
const privileges = (items: readonly string[] | null | undefined) =>
  list((items ?? []).map((item) => (item.endsWith('*') ? `${item.slice(0, -1)} (grantable)` : item)));
const objectName = (event: EventDetail) =>
  [event.objectKind?.toLowerCase(), event.object].filter(Boolean).join(' ') || 'an object';

/** "granted SELECT to ana; revoked INSERT from bob": what PostgreSQL did to each grantee. */
function aclChangeWords(change: AclChange): string[] {
  const { grantee } = change;
  return [
    change.granted.length > 0 && `granted ${privileges(change.granted)} to ${grantee}`,
    change.revoked.length > 0 && `revoked ${privileges(change.revoked)} from ${grantee}`,
    change.grantOptionGranted.length > 0 && `${grantee} may now grant ${privileges(change.grantOptionGranted)}`,
    change.grantOptionRevoked.length > 0 && `${grantee} may no longer grant ${privileges(change.grantOptionRevoked)}`,
  ].filter((words): words is string => Boolean(words));
}

function privilegeChange(event: EventDetail): string {
  const observed = (event.aclChanges ?? []).flatMap(aclChangeWords);
  if (observed.length > 0) return `${objectName(event)}: ${observed.join('; ')}`;
  const grantee = event.grantee ?? 'PUBLIC';
  const parts = [];
  if (event.granted?.length) parts.push(`granted ${privileges(event.granted)} to ${grantee}`);
  if (event.revoked?.length) parts.push(`revoked ${privileges(event.revoked)} from ${grantee}`);
  return `${objectName(event)}: ${parts.join('; ') || `privileges of ${grantee} changed`}`;
}

/** "statement_timeout in shop: 10s → 30s", "search_path: set to app, public", "work_mem: reset (was 4MB)". */
function settingWords(setting: NonNullable<EventDetail['setting']>): string {
  const name = setting.database ? `${setting.name} in ${setting.database}` : setting.name;
  if (setting.after == null) return `${name}: reset${setting.before == null ? '' : ` (was ${setting.before})`}`;
  if (setting.before == null) return `${name}: set to ${setting.after}`;
  return `${name}: ${setting.before} → ${setting.after}`;
}

function commentWords(comment: NonNullable<EventDetail['comment']>): string {
  return comment.after == null ? 'comment removed' : `comment set to “${comment.after}”`;
}

function roleAltered(event: EventDetail): string {
  const what = [
    list(event.changes),
    event.setting && settingWords(event.setting),
    event.comment && commentWords(event.comment),
  ].filter(Boolean);
  return `role ${event.role}: ${what.join('; ') || 'attributes changed'}`;
}

/** "new tables of app in sales: granted SELECT to reporting": what objects a role creates will start with. */
function defaultPrivilegesChanged(event: EventDetail): string {
  const kind = `${event.objectKind?.toLowerCase().replace('_', ' ') ?? 'object'}s`;
  const where = event.schema ? ` in ${event.schema}` : '';
  const observed = (event.grantChanges ?? []).flatMap(aclChangeWords);
  return `new ${kind} of ${event.creator ?? 'a role'}${where}: ${observed.join('; ') || 'default privileges changed'}`;
}

/** "access snapshot of role ana (12 rows): quarterly review". */
function snapshotWords(event: EventDetail): string {
  const kind = event.subjectKind && event.subjectKind !== 'OBJECT' ? `${event.subjectKind.toLowerCase()} ` : '';
  const rows = event.rowCount == null ? '' : ` (${event.rowCount} row${event.rowCount === 1 ? '' : 's'})`;
  return `access snapshot of ${kind}${event.subjectLabel ?? ''}${rows}${event.note ? `: ${event.note}` : ''}`;
}

const WORDING: Record<string, (event: EventDetail) => string> = {
  'privileges.changed': privilegeChange,
  'role.created': (event) => `role ${event.role} created`,
  'role.dropped': (event) =>
    `role ${event.role} dropped${event.reassignTo ? ` (its objects went to ${event.reassignTo})` : ''}`,
  'role.renamed': (event) => `role ${event.role} renamed to ${event.newName}`,
  'role.altered': roleAltered,
  'default_privileges.changed': defaultPrivilegesChanged,
  'role.password_changed': (event) => `role ${event.role}: password changed`,
  'membership.granted': (event) =>
    `${event.member} made a member of ${event.role}${event.admin ? ' (may grant it on)' : ''}`,
  'membership.revoked': (event) => `${event.member} no longer a member of ${event.role}`,
  'members.set': (event) => {
    const moved = [
      event.added?.length && `added ${list(event.added)}`,
      event.removed?.length && `removed ${list(event.removed)}`,
    ].filter(Boolean);
    return `members of ${event.role} set to ${list(event.members) || 'nobody'}${moved.length ? ` (${moved.join('; ')})` : ''}`;
  },
  'ownership.transferred': (event) =>
    `${objectName(event)}: owner ${event.previousOwner ? `${event.previousOwner} → ` : ''}${event.newOwner}`,
  'object.created': (event) => `${objectName(event)} created${event.owner ? ` (owner ${event.owner})` : ''}`,
  'schema.created': (event) => `${objectName(event)} created${event.owner ? ` (owner ${event.owner})` : ''}`,
  'object.dropped': (event) => `${objectName(event)} dropped`,
  'collaborator.added': (event) => `${event.username} added as ${event.access?.toLowerCase()} through ${event.role}`,
  'collaborator.changed': (event) => `${event.username} now ${event.access?.toLowerCase()} through ${event.role}`,
  'collaborator.removed': (event) => `${event.username} removed`,
  'collaborator.left': (event) => `${event.username} left`,
  'invitation.created': (event) => `${event.email} invited as ${event.access?.toLowerCase()} through ${event.role}`,
  'invitation.resent': (event) => `invitation to ${event.email} sent again`,
  'invitation.revoked': (event) => `invitation to ${event.email} revoked`,
  'invitation.accepted': (event) => `${event.email} accepted the invitation`,
  'invitation.declined': (event) => `${event.email} declined the invitation`,
  'invitation.expired': (event) => `invitation to ${event.email} expired`,
  'database.connected': (event) => `database ${event.database} connected`,
  'database.disconnected': (event) => `database ${event.database} disconnected`,
  'access_snapshot.saved': (event) => `${snapshotWords(event)} saved`,
  'access_snapshot.deleted': (event) => `${snapshotWords(event)} deleted`,
};

/** "sales.orders: granted SELECT to ana" — what changed; events without typed detail fall back to their fields. */
export function describeChange(event: EventDetail): string {
  const wording = WORDING[event.kind];
  if (wording) return wording(event);
  const fields = [event.database, event.object, event.role, event.member, event.username, event.email, event.status];
  return [event.kind.replaceAll('.', ' ').replaceAll('_', ' '), ...fields].filter(Boolean).join(' ');
}

/** "3 role created, 1 privileges changed": a burst's kinds with their counts, most frequent first. */
export function countsByKind(events: readonly { kind: string }[]): string {
  const counts = new Map<string, number>();
  for (const event of events) counts.set(event.kind, (counts.get(event.kind) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([kind, count]) => `${count} ${kind.replaceAll('.', ' ').replaceAll('_', ' ')}`)
    .join(', ');
}
