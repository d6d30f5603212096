import type { EffectivePrivilegeFieldsFragment } from '../gql/graphql.js';

type Source = EffectivePrivilegeFieldsFragment['sources'][number];

/** Where a privilege comes from, in a few words (`label`), and the whole way there (`detail`, for a tooltip). */
export interface SourceWords {
  kind: Source['kind'];
  label: string;
  detail: string;
}

const chain = (path: readonly string[]) => path.join(' → ');

/** One source in plain words: "direct", "via reporting", "PUBLIC", "owner", "superuser", "via pg_read_all_data". */
export function sourceWords(source: Source): SourceWords {
  const holder = source.path.at(-1) ?? source.grantee?.name ?? '';
  const inherited = source.path.length > 1;
  switch (source.kind) {
    case 'SUPERUSER':
      return { kind: source.kind, label: 'superuser', detail: 'A superuser passes every privilege check.' };
    case 'PUBLIC':
      return { kind: source.kind, label: 'PUBLIC', detail: 'Granted to PUBLIC: every role holds it.' };
    case 'OWNER':
    case 'OWNER_GRANT_OPTION':
      return inherited
        ? {
            kind: source.kind,
            label: `owner via ${holder}`,
            detail: `Owned by ${holder}, inherited: ${chain(source.path)}`,
          }
        : { kind: source.kind, label: 'owner', detail: 'The role owns this object.' };
    case 'PREDEFINED_ROLE': {
      const role = source.predefinedRole ?? holder;
      return {
        kind: source.kind,
        label: `via ${role}`,
        detail: `Predefined role ${role}, inherited: ${chain(source.path)}`,
      };
    }
    default:
      return inherited
        ? {
            kind: source.kind,
            label: `via ${holder}`,
            detail: `Granted to ${holder}, inherited: ${chain(source.path)}`,
          }
        : { kind: source.kind, label: 'direct', detail: 'Granted to the role itself.' };
  }
}

/** Which source names a privilege when it has several: the closest to the role first. */
const RANK: Record<Source['kind'], number> = {
  GRANT: 0,
  OWNER: 1,
  OWNER_GRANT_OPTION: 2,
  PUBLIC: 3,
  PREDEFINED_ROLE: 4,
  SUPERUSER: 5,
};

/** By kind, then by how many memberships away the grant is: a direct grant before one through a group. */
const closestFirst = (a: Source, b: Source) => RANK[a.kind] - RANK[b.kind] || a.path.length - b.path.length;

/** Privileges that share a main source, shown together: "SELECT, INSERT (via reporting)". */
export interface AccessGroup {
  source: SourceWords;
  privileges: string[];
  /** Every reason for every privilege of the group, one per line. */
  detail: string;
}

/**
 * The privileges held, grouped by their main source (the closest to the role), in the order given. A privilege held
 * only as the owner's implicit grant option (`held` false) is left out: it cannot be used.
 */
export function accessGroups(privileges: readonly EffectivePrivilegeFieldsFragment[]): AccessGroup[] {
  const groups = new Map<string, AccessGroup>();
  for (const privilege of privileges) {
    if (!privilege.held) continue;
    const sources = [...privilege.sources].sort(closestFirst);
    // The owner's implicit grant option explains `grantable`, never why the privilege is held.
    const main = sources.find((source) => source.kind !== 'OWNER_GRANT_OPTION');
    if (!main) continue;
    const words = sourceWords(main);
    const group = groups.get(words.label) ?? { source: words, privileges: [], detail: '' };
    const name = `${privilege.privilege}${privilege.grantable ? ' (grantable)' : ''}`;
    const reasons = sources.map((source) => sourceWords(source).detail).join('; ');
    group.privileges.push(privilege.privilege);
    group.detail = [group.detail, `${name}: ${reasons}`].filter(Boolean).join('\n');
    groups.set(words.label, group);
  }
  return [...groups.values()];
}

/** Every reason for one privilege, for an export: "SELECT: via readers (ana → readers) | PUBLIC". */
export function privilegeSourcesText(privilege: EffectivePrivilegeFieldsFragment): string {
  const reasons = privilege.sources.map((source) => {
    const words = sourceWords(source);
    return source.path.length > 1 ? `${words.label} (${chain(source.path)})` : words.label;
  });
  return `${privilege.privilege}: ${reasons.join(' | ')}`;
}
