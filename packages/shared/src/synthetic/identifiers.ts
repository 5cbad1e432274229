import { nhsCheckDigit } from '../identifiers/nhs-number';
import { pncCheckChar } from '../identifiers/pnc-id';
import { temporaryUpnFor, upnCheckLetter } from '../identifiers/upn';
import type { Rng } from './random';

/** Warwickshire's DfE LA number (DOMAIN.md 0.2). */
export const WARWICKSHIRE_LA = '937';

/** Invented establishment numbers; DfE numbers primaries 2xxx, secondaries 4xxx. */
const PRIMARY_SCHOOLS = Array.from({ length: 40 }, (_, i) => String(2001 + i * 7));

export interface IdentifierAllocator {
  /** From the 999 test range reserved for synthetic data, skipping never-issued stems. */
  nhsNumber(): string;
  /** Allocated at the school the child entered; `temporary` gives the two-digit-plus-letter form. */
  upn(receptionYear: number, temporary: boolean): string;
  pncId(year: number): string;
}

/** Every identifier it hands out is checksum-valid and unique within the allocator. */
export function createIdentifierAllocator(rng: Rng): IdentifierAllocator {
  const used = new Set<string>();
  const unique = (make: () => string | null): string => {
    for (;;) {
      const id = make();
      if (id !== null && !used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
  return {
    nhsNumber: () =>
      unique(() => {
        const stem = String(999_000_000 + rng.int(0, 999_999));
        const check = nhsCheckDigit(stem);
        return check === null ? null : stem + check;
      }),
    upn: (receptionYear, temporary) => {
      // A permanent UPN claims its serial for both forms, so temporary UPNs derived from
      // permanent ones (the TEMPORARY_UPN variant) cannot collide with anyone else's.
      const permanent = unique(() => {
        const body = WARWICKSHIRE_LA + rng.pick(PRIMARY_SCHOOLS) + String(receptionYear % 100).padStart(2, '0') +
          String(rng.int(1, 999)).padStart(3, '0');
        return upnCheckLetter(body) + body;
      });
      return temporary ? temporaryUpnFor(permanent)! : permanent;
    },
    pncId: (year) =>
      unique(() => {
        const serial = String(rng.int(1, 650_000)).padStart(7, '0');
        return `${year}/${serial}${pncCheckChar(year, serial)}`;
      }),
  };
}
