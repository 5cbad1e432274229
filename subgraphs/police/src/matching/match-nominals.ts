import {
  blockingKeys, matchBatch, scorePair, type BlockingKeys, type Classification, type MatchThresholds, type PersonFacts,
} from '@mash/shared';
import type { PoliceNominal } from '../entities';

/** The nominal as recorded, then once per alias (an alias without its own date of birth keeps the nominal's). */
export function nominalIdentities(nominal: PoliceNominal): PersonFacts[] {
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

/** The identity (recorded name or alias) under which the nominal best resembles the subject. */
export function closestIdentity(subject: PersonFacts, nominal: PoliceNominal): PersonFacts {
  const identities = nominalIdentities(nominal);
  if (identities.length === 1) return identities[0];
  let best = identities[0];
  let bestWeight = scorePair(subject, best).weight;
  for (const identity of identities.slice(1)) {
    const weight = scorePair(subject, identity).weight;
    if (weight > bestWeight) [best, bestWeight] = [identity, weight];
  }
  return best;
}

/** The in-memory twin of the candidate query's WHERE clause, for one subject. */
export function sharesBlockingKey(keys: BlockingKeys, nominal: PoliceNominal): boolean {
  return (
    (nominal.nhsNumber !== null && keys.nhsNumbers.includes(nominal.nhsNumber)) ||
    (nominal.pncId !== null && keys.pncIds.includes(nominal.pncId)) ||
    keys.datesOfBirth.includes(nominal.dateOfBirth) ||
    (nominal.postcode !== null && keys.postcodes.includes(nominal.postcode)) ||
    keys.familyNameYears.includes(nominal.familyNameYear)
  );
}

/**
 * Classifies each subject against the candidates its own blocking keys found, so an answer never
 * depends on which other subjects shared the batch. Scored per subject so a nominal is compared
 * under its closest alias once, rather than appearing as several candidates that would make a
 * clear match look ambiguous.
 */
export function matchNominals(
  subjects: PersonFacts[],
  candidates: PoliceNominal[],
  thresholds: MatchThresholds,
): Classification<PoliceNominal>[] {
  return subjects.map((subject) => {
    const keys = blockingKeys(subject);
    const own = candidates.filter((nominal) => sharesBlockingKey(keys, nominal));
    return matchBatch([subject], own, (nominal) => closestIdentity(subject, nominal), thresholds)[0];
  });
}
