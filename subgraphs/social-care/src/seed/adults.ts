import { addDays, type HouseholdTraits } from '@mash/shared';
import type { ConsentCode, LocationOfRiskCode, RiskTypeCode, SourceOfRiskCode } from '../entities/code-lists';
import type { EpisodeWriter } from './writer';

/**
 * A Care Act 2014 s42 enquiry on an adult, with risk types that follow the household: domestic
 * abuse where there is DA, else the commonest SAC types (neglect, financial, self-neglect).
 */
export function seedSection42(w: EpisodeWriter, traits: HouseholdTraits, age: number, open: boolean): void {
  const { rng } = w;
  const concernDate = open ? w.daysAgo(rng.int(5, 120)) : w.daysAgo(rng.int(400, 1100));
  let riskTypes: RiskTypeCode[];
  let sourceOfRisk: SourceOfRiskCode = 'OTHER_KNOWN_TO_INDIVIDUAL';
  let locationOfRisk: LocationOfRiskCode = 'OWN_HOME';
  if (traits.domesticAbuse) {
    riskTypes = rng.chance(0.5) ? ['DOMESTIC_ABUSE', 'PSYCHOLOGICAL', 'PHYSICAL'] : ['DOMESTIC_ABUSE', 'PSYCHOLOGICAL'];
  } else if (traits.parentalSubstanceMisuse) {
    riskTypes = ['SELF_NEGLECT'];
    sourceOfRisk = 'OTHER_UNKNOWN_TO_INDIVIDUAL';
  } else if (age >= 65 && rng.chance(0.3)) {
    riskTypes = [rng.pick(['NEGLECT_AND_ACTS_OF_OMISSION', 'PHYSICAL', 'ORGANISATIONAL'] as const)];
    sourceOfRisk = 'SERVICE_PROVIDER';
    locationOfRisk = rng.pick(['CARE_HOME_RESIDENTIAL', 'CARE_HOME_NURSING', 'HOSPITAL_ACUTE'] as const);
  } else {
    riskTypes = [rng.pick(['FINANCIAL_OR_MATERIAL', 'NEGLECT_AND_ACTS_OF_OMISSION', 'SELF_NEGLECT', 'PSYCHOLOGICAL'] as const)];
  }
  const consent: ConsentCode = rng.chance(0.7) ? 'OBTAINED' : rng.chance(0.6) ? 'OVERRIDDEN' : 'NOT_SOUGHT';
  w.section42Enquiry({
    concernDate,
    enquiryType: rng.chance(0.8) ? 'S42' : 'OTHER',
    riskTypes,
    sourceOfRisk,
    locationOfRisk,
    endDate: open ? null : addDays(concernDate, rng.int(20, 90)),
    outcome: open ? null : rng.pick(['RISK_REDUCED', 'RISK_REMOVED', 'RISK_REMAINS', 'NO_RISK_IDENTIFIED'] as const),
    mentalCapacityAssessed: consent === 'NOT_SOUGHT' || rng.chance(0.5),
    consent,
    consentOverrideReason: consent === 'OVERRIDDEN'
      ? rng.pick(['Risk to others, including children in the household', 'Serious risk of harm to the adult (vital interests)'])
      : null,
  });
}
