/** A seeded source of numbers in [0, 1): random scripts that a seed replays exactly. */
export type Rng = () => number;

/** mulberry32: small, fast and good enough to shuffle role graphs reproducibly. */
export function prng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const below = (rng: Rng, n: number) => Math.floor(rng() * n);
export const chance = (rng: Rng, p: number) => rng() < p;
export const pick = <T>(rng: Rng, items: readonly T[]): T => items[below(rng, items.length)] as T;
/** About a third of `items`, never none. */
export const some = <T>(rng: Rng, items: readonly T[]): T[] => {
  const chosen = items.filter(() => chance(rng, 0.35));
  return chosen.length > 0 ? chosen : [pick(rng, items)];
};
