import { matchBatch, scorePair, type Classification, type MatchThresholds, type PersonFacts } from '@mash/shared';
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

/**
 * Classifies each subject against the candidates. Scored per subject so a nominal is compared
 * under its closest alias once, rather than appearing as several candidates that would make a
 * clear match look ambiguous.
 */
export function matchNominals(
  subjects: PersonFacts[],
  candidates: PoliceNominal[],
  thresholds: MatchThresholds,
): Classification<PoliceNominal>[] {
  return subjects.map((subject) => matchBatch([subject], candidates, (nominal) => closestIdentity(subject, nominal), thresholds)[0]);
}
