import { type AclItem, PUBLIC_OID } from './objects.js';

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

/** Reads one name as aclitemout writes it (putid): bare, or double-quoted with quotes doubled. */
function readName(text: string, start: number): { name: string; end: number } {
  if (text[start] !== '"') {
    let end = start;
    while (end < text.length && text[end] !== '=' && text[end] !== '/') end++;
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

/**
 * One aclitem in its text form, `grantee=privileges/grantor` (an empty grantee is PUBLIC, `*` marks a grant option),
 * as the items aclexplode gives. Role names become OIDs through `oidOf`; null when a name is not known there.
 */
export function decodeAclItem(text: string, oidOf: (name: string) => number | undefined): AclItem[] | null {
  const grantee = readName(text, 0);
  if (text[grantee.end] !== '=') throw new Error(`malformed aclitem ${JSON.stringify(text)}`);
  const slash = text.indexOf('/', grantee.end + 1);
  if (slash < 0) throw new Error(`malformed aclitem ${JSON.stringify(text)}`);
  const granteeOid = grantee.name === '' ? PUBLIC_OID : oidOf(grantee.name);
  const grantorOid = oidOf(readName(text, slash + 1).name);
  if (granteeOid === undefined || grantorOid === undefined) return null;
  const items: AclItem[] = [];
  for (let at = grantee.end + 1; at < slash; at++) {
    const privilege_type = PRIVILEGE_OF_LETTER[text[at] as string];
    if (!privilege_type) throw new Error(`unknown privilege letter in aclitem ${JSON.stringify(text)}`);
    const is_grantable = text[at + 1] === '*';
    if (is_grantable) at++;
    items.push({ grantor: grantorOid, grantee: granteeOid, privilege_type, is_grantable });
  }
  return items;
}

/** A whole ACL (aclitem[] as text[]); null when it names a role `oidOf` does not know (created since it was read). */
export function decodeAcl(acl: string[], oidOf: (name: string) => number | undefined): AclItem[] | null {
  const items: AclItem[] = [];
  for (const text of acl) {
    const decoded = decodeAclItem(text, oidOf);
    if (!decoded) return null;
    items.push(...decoded);
  }
  return items;
}
