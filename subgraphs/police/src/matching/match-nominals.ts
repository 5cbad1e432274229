import { matchBatch, recordBlockingKeys, type Classification, type MatchThresholds, type PersonFacts } from '@mash/shared';
import type { NominalAlias, PoliceNominal } from '../entities';

/** What identifies a nominal: the recorded name and facts, and any aliases. */
export type NominalIdentity = Pick<PoliceNominal, 'givenName' | 'familyName' | 'dateOfBirth' | 'gender' | 'postcode' | 'nhsNumber' | 'pncId'> & {
  aliases?: readonly Pick<NominalAlias, 'givenName' | 'familyName' | 'dateOfBirth'>[];
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

/**
 * Classifies each subject against the candidates sharing one of its own blocking keys (the stored
 * ones, exactly what the candidate query matched on), so an answer never depends on which other
 * subjects shared the batch. A nominal scores under its closest identity, once, rather than
 * appearing as several candidates that would make a clear match look ambiguous.
 */
export function matchNominals(
  subjects: PersonFacts[],
  candidates: PoliceNominal[],
  thresholds: MatchThresholds,
): Classification<PoliceNominal>[] {
  return matchBatch(subjects, candidates, nominalIdentities, thresholds, { keys: (nominal) => nominal.blockingKeys });
}
