import type { Rng } from '@mash/shared';

/** Picks by relative weight: `weighted(rng, [['a', 3], ['b', 1]])` gives `a` three times as often. */
export function weighted<T>(rng: Rng, options: readonly (readonly [T, number])[]): T {
  const total = options.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = rng.next() * total;
  for (const [value, weight] of options) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return options[options.length - 1]![0];
}
