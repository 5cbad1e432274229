import { recordBlockingKeys, type PersonFacts } from '@mash/shared';
import type { NominalCandidate } from './candidates';

/** What identifies a nominal: the recorded name and facts, and any aliases. */
export type NominalIdentity = Pick<NominalCandidate, 'givenName' | 'familyName' | 'dateOfBirth' | 'gender' | 'postcode' | 'nhsNumber' | 'pncId'> & {
  aliases?: readonly NominalCandidate['aliases'][number][];
};

/** The nominal as recorded, then once per alias (an alias without its own date of birth keeps the nominal's). */
export function nominalIdentities(nominal: NominalIdentity): PersonFacts[] {
  const primary: PersonFacts = {
    givenName: nominal.givenName,
    familyName: nominal.familyName,
    dateOfBirth: nominal.dateOfBirth,
    gender: nominal.gender,
    postcode: nominal.postcode,
    nhsNumber: nominal.nhsNumber,
    pncId: nominal.pncId,
  };
  const aliases = (nominal.aliases ?? []).map((alias) => ({
    ...primary,
    givenName: alias.givenName,
    familyName: alias.familyName,
    dateOfBirth: alias.dateOfBirth ?? nominal.dateOfBirth,
  }));
  return [primary, ...aliases];
}

/** The `blocking_keys` of a nominal: under its recorded name and every alias. */
export function nominalBlockingKeys(nominal: NominalIdentity): string[] {
  return recordBlockingKeys(nominalIdentities(nominal));
}
