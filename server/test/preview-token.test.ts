import { describe, expect, it } from 'vitest';
import type { PgAuthMember } from '../src/catalog/roles.js';
import { membershipBytes } from '../src/operations/permissions/preview-token.js';
import { below, chance, prng, type Rng } from './support/random.js';

/**
 * A preview's token hashes the server's memberships as numbers in (role, member, grantor) order, so the same grants
 * read in another order (another heap order after VACUUM, say) give the same token, and any other grants another.
 */

/**
 * An oid from every range the sort's 16-bit digits split: small, above 2^16, and above 2^31, which the catalog reads
 * as a negative int4 (roles.ts), as here.
 */
function oid(rng: Rng): number {
  const ranges = [16_384, 2 ** 16 + 7, 2 ** 31 + 11, 2 ** 32 - 70_000];
  return ((ranges[below(rng, ranges.length)] as number) + below(rng, 40)) | 0;
}

function randomGrants(rng: Rng, count: number): PgAuthMember[] {
  const grants = new Map<string, PgAuthMember>();
  while (grants.size < count) {
    const grant = {
      roleid: oid(rng),
      member: oid(rng),
      grantor: oid(rng),
      admin_option: chance(rng, 0.3),
      inherit_option: chance(rng, 0.7),
      set_option: chance(rng, 0.8),
    } as PgAuthMember;
    grants.set(`${grant.roleid} ${grant.member} ${grant.grantor}`, grant);
  }
  return [...grants.values()];
}

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const copy = [...items];
  for (let at = copy.length - 1; at > 0; at--) {
    const other = below(rng, at + 1);
    [copy[at], copy[other]] = [copy[other] as T, copy[at] as T];
  }
  return copy;
}

const unsigned = (oid: number) => oid >>> 0;

/** The grants sorted by a comparator on their oids as unsigned numbers: what the bytes must be. */
function expectedBytes(grants: readonly PgAuthMember[]): number[] {
  return [...grants]
    .sort(
      (a, b) =>
        unsigned(a.roleid) - unsigned(b.roleid) ||
        unsigned(a.member) - unsigned(b.member) ||
        unsigned(a.grantor) - unsigned(b.grantor),
    )
    .flatMap((grant) => [
      unsigned(grant.roleid),
      unsigned(grant.member),
      unsigned(grant.grantor),
      Number(grant.admin_option) | (Number(grant.inherit_option) << 1) | (Number(grant.set_option) << 2),
    ]);
}

const asNumbers = (bytes: Uint8Array) => [...new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4)];

describe('the memberships a preview token hashes', () => {
  it('are the grants in (role, member, grantor) order, whatever order they were read in', () => {
    const rng = prng(20261207);
    for (const count of [0, 1, 2, 3, 50, 2_000]) {
      const grants = randomGrants(rng, count);
      const bytes = asNumbers(membershipBytes(grants));
      expect(bytes).toEqual(expectedBytes(grants));
      expect(asNumbers(membershipBytes(shuffled(rng, grants)))).toEqual(bytes);
    }
  });

  it('differ when one grant’s options or grantor differ', () => {
    const grants = randomGrants(prng(7), 100);
    const bytes = asNumbers(membershipBytes(grants));
    const first = grants[0] as PgAuthMember;
    for (const changed of [
      { ...first, admin_option: !first.admin_option },
      { ...first, grantor: first.grantor + 1 },
    ])
      expect(asNumbers(membershipBytes([changed, ...grants.slice(1)]))).not.toEqual(bytes);
  });
});
