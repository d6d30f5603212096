/** One privilege of an ACL, as aclexplode gives it (grantee 0 is PUBLIC). */
export interface AclItem {
  grantor: number;
  grantee: number;
  privilege_type: string;
  is_grantable: boolean;
}

export const PUBLIC_OID = 0;

export const sameAclItem = (a: AclItem, b: AclItem) =>
  a.grantee === b.grantee &&
  a.grantor === b.grantor &&
  a.privilege_type === b.privilege_type &&
  a.is_grantable === b.is_grantable;

/** Whether two ACLs hold the same items in the same order (as PostgreSQL keeps an ACL nothing changed). */
export const sameAcl = (a: readonly AclItem[], b: readonly AclItem[]) =>
  a.length === b.length && a.every((item, at) => sameAclItem(item, b[at] as AclItem));

/** aclitem's privilege letters (PostgreSQL's ACL_*_CHR), as aclexplode names them. */
const PRIVILEGE_OF_LETTER: Readonly<Record<string, string>> = {
  a: 'INSERT',
  r: 'SELECT',
  w: 'UPDATE',
  d: 'DELETE',
  D: 'TRUNCATE',
  x: 'REFERENCES',
  t: 'TRIGGER',
  X: 'EXECUTE',
  U: 'USAGE',
  C: 'CREATE',
  T: 'TEMPORARY',
  c: 'CONNECT',
  s: 'SET',
  A: 'ALTER SYSTEM',
  m: 'MAINTAIN',
};

/**
 * Reads one name as aclitemout writes it (putid): bare (letters, digits and underscores only), or double-quoted with
 * quotes doubled.
 */
function readName(text: string, start: number): { name: string; end: number } {
  if (text[start] !== '"') {
    let end = start;
    while (end < text.length && text[end] !== '=' && text[end] !== '/' && text[end] !== ',') end++;
    return { name: text.slice(start, end), end };
  }
  let name = '';
  let at = start + 1;
  for (;;) {
    const quote = text.indexOf('"', at);
    if (quote < 0) throw new Error(`unterminated name in aclitem ${JSON.stringify(text)}`);
    name += text.slice(at, quote);
    if (text[quote + 1] !== '"') return { name, end: quote + 1 };
    name += '"';
    at = quote + 2;
  }
}

type OidOf = (name: string) => number | undefined;

/**
 * Decodes the aclitem starting at `start` into `items`; returns where it ends, or -1 when a name is not known to
 * `oidOf`.
 */
function decodeItemAt(text: string, start: number, oidOf: OidOf, items: AclItem[]): number {
  const grantee = readName(text, start);
  if (text[grantee.end] !== '=') throw new Error(`malformed aclitem in ${JSON.stringify(text)}`);
  const slash = text.indexOf('/', grantee.end + 1);
  if (slash < 0) throw new Error(`malformed aclitem in ${JSON.stringify(text)}`);
  const grantor = readName(text, slash + 1);
  const granteeOid = grantee.name === '' ? PUBLIC_OID : oidOf(grantee.name);
  const grantorOid = oidOf(grantor.name);
  if (granteeOid === undefined || grantorOid === undefined) return -1;
  for (let at = grantee.end + 1; at < slash; at++) {
    const privilege_type = PRIVILEGE_OF_LETTER[text[at] as string];
    if (!privilege_type) throw new Error(`unknown privilege letter in aclitem ${JSON.stringify(text)}`);
    const is_grantable = text[at + 1] === '*';
    if (is_grantable) at++;
    items.push({ grantor: grantorOid, grantee: granteeOid, privilege_type, is_grantable });
  }
  return grantor.end;
}

/**
 * A whole ACL, its aclitems' text joined with commas (`array_to_string(acl::text[], ',')`: a comma outside quotes
 * only ever separates two items, and a string is far cheaper to receive than a text[] to parse). An aclitem is
 * `grantee=privileges/grantor` (an empty grantee is PUBLIC, `*` marks a grant option); it gives the items aclexplode
 * gives. Role names become OIDs through `oidOf`; null when it names a role not known there (created since it was
 * read).
 */
export function decodeAcl(text: string, oidOf: OidOf): AclItem[] | null {
  const items: AclItem[] = [];
  for (let at = 0; at < text.length; at++) {
    at = decodeItemAt(text, at, oidOf, items);
    if (at < 0) return null;
    if (at < text.length && text[at] !== ',') throw new Error(`malformed ACL ${JSON.stringify(text)}`);
  }
  return items;
}
