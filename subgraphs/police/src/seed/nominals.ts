import {
  isValidNhsNumber, isValidPncId, normaliseNhsNumber, normalisePncId, normalisePostcode, swapDayMonth,
} from '@mash/shared';
import { nominalBlockingKeys } from '../matching/match-nominals';
import { seedId } from './clock';
import type { HouseholdSeed, KnownMember } from './household';
import type { PoliceRows } from './rows';

/**
 * The nominal, its aliases and addresses, as police hold them: names, date of birth and current
 * postcode come from the agency view (with its variants); identifiers only where police hold
 * them, each normalised and checked (the seed refuses an invalid one).
 */
export function seedNominal(seed: HouseholdSeed, member: KnownMember, familyNames: readonly string[]): void {
  const { view, rng, person } = member;
  const postcode = checked('postcode', view.postcode, normalisePostcode(view.postcode), person.key);
  // A PNC record exists for people arrested or charged: police's suspects and offenders.
  const rawPnc = seed.suspects.has(person.key) ? view.pncId : null;
  const pncId = rawPnc ? checked('PNC ID', rawPnc, isValidPncId(rawPnc) ? normalisePncId(rawPnc) : null, person.key) : null;
  // The population decides which NHS numbers police hold (those that came with a referral).
  const nhsNumber = view.nhsNumber
    ? checked('NHS number', view.nhsNumber, isValidNhsNumber(view.nhsNumber) ? normaliseNhsNumber(view.nhsNumber) : null, person.key)
    : null;
  const nominal = {
    id: member.nominalId,
    localNominalId: seed.refs.nominalId(),
    pncId,
    croNumber: pncId && rng.chance(0.6) ? croNumber(rng.int(1, 999_999), pncId) : null,
    givenName: view.givenName,
    familyName: view.familyName,
    dateOfBirth: view.dateOfBirth,
    gender: view.gender,
    nhsNumber,
    postcode,
  };
  seed.rows.addresses.push({
    id: seedId(`address:${person.key}:current`),
    nominalId: member.nominalId,
    addressLine: view.addressLine,
    postcode,
    uprn: view.uprn,
    isCurrent: true,
    fromDate: null,
    toDate: null,
  });
  const { previousPostcode, previousAddressLine, previousUprn } = seed.household;
  const previous = previousPostcode ? normalisePostcode(previousPostcode) : null;
  // A record still at the old address (variant PREVIOUS_POSTCODE) knows nothing of the move.
  if (previous && previous !== postcode) {
    seed.rows.addresses.push({
      id: seedId(`address:${person.key}:previous`),
      nominalId: member.nominalId,
      addressLine: previousAddressLine ?? `Previous address, ${previous}`,
      postcode: previous,
      uprn: previousUprn ?? null,
      isCurrent: false,
      fromDate: null,
      toDate: seed.clock.dateDaysAgo(rng.int(60, 700)),
    });
  }
  const aliases: PoliceRows['aliases'] = [];
  // People in custody sometimes give other names or a false date of birth.
  if (pncId && rng.chance(0.3)) {
    aliases.push({
      id: seedId(`alias:${person.key}`),
      nominalId: member.nominalId,
      givenName: view.givenName,
      familyName: rng.pick(familyNames.filter((name) => name !== view.familyName)),
      dateOfBirth: rng.chance(0.3) ? swapDayMonth(view.dateOfBirth) : null,
    });
  }
  seed.rows.nominals.push({ ...nominal, blockingKeys: nominalBlockingKeys({ ...nominal, aliases }) });
  seed.rows.aliases.push(...aliases);
}

function checked(label: string, raw: string, normalised: string | null, key: string): string {
  if (normalised === null) throw new Error(`police seed: ${label} "${raw}" of ${key} is not valid`);
  return normalised;
}

/** CRO number shape `NNNNNN/YYC`; its check-letter rule is not published here, so the letter is a placeholder. */
function croNumber(serial: number, pncId: string): string {
  return `${String(serial).padStart(6, '0')}/${pncId.slice(2, 4)}${pncId[12]}`;
}
