import type { Obligation } from '../grant-claims';

/**
 * The grant's obligations as rules an agency applies to what it discloses. Every agency applies
 * the same rule to every item derived from domestic abuse (police incidents, Operation Encompass
 * notifications, DA-related attendances): ISA, standard-risk domestic abuse is shared only where
 * consent for early-help sharing is recorded (DOMAIN.md, "Domestic abuse").
 */
export interface DisclosureRules {
  readonly obligations: readonly Obligation[];
  /**
   * Whether a domestic-abuse item of this DASH risk may be disclosed. An item with no DASH grading
   * yet is not known to be standard, and withholding it could hide a higher-risk incident, so it
   * stays.
   */
  domesticAbuse(risk: string | null | undefined): boolean;
}

export function disclosureRules(obligations: readonly Obligation[]): DisclosureRules {
  const omitStandard = obligations.includes('OMIT_STANDARD_RISK_DOMESTIC_ABUSE');
  return {
    obligations,
    domesticAbuse: (risk) => !(omitStandard && risk === 'STANDARD'),
  };
}
