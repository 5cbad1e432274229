import type { Rng } from './random';
import { weighted } from './random';
import { addressLine, INWARD_LETTERS, OUTWARD_CODES } from './places';

export interface Address {
  addressLine: string;
  postcode: string;
  uprn: string;
}

export interface AddressAllocator {
  /** A new, unused address in a Warwickshire outward code (weighted by population if not given). */
  next(outward?: string): Address;
  /** Where a family lived before: half moved within the same outward code, half from elsewhere. */
  previous(current: Address): Address;
}

const OUTWARD_WEIGHTS = OUTWARD_CODES.map(([outward, , weight]) => [outward, weight] as const);

export function createAddressAllocator(rng: Rng): AddressAllocator {
  const usedAddresses = new Set<string>();
  const usedUprns = new Set<string>();
  const letter = () => INWARD_LETTERS[rng.int(0, INWARD_LETTERS.length - 1)];

  const next = (outward: string = weighted(rng, OUTWARD_WEIGHTS)): Address => {
    let postcode: string;
    let line: string;
    do {
      postcode = `${outward} ${rng.int(1, 9)}${letter()}${letter()}`;
      line = addressLine(rng.int(1, 180), postcode);
    } while (usedAddresses.has(`${line}|${postcode}`));
    usedAddresses.add(`${line}|${postcode}`);
    // Warwickshire UPRNs are 12 digits beginning 1000; these are invented.
    let uprn: string;
    do uprn = `1000${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
    while (usedUprns.has(uprn));
    usedUprns.add(uprn);
    return { addressLine: line, postcode, uprn };
  };

  return {
    next,
    previous: (current) => {
      const outward = current.postcode.split(' ')[0];
      let address: Address;
      do address = next(rng.chance(0.5) ? outward : weighted(rng, OUTWARD_WEIGHTS));
      while (address.postcode === current.postcode);
      return address;
    },
  };
}
