import type { Obligation } from '@mash/shared';
import type { PupilRecord } from '../domain/pupil-record';

/**
 * Applies the grant's obligations before anything is flagged or disclosed. ISA: standard-risk
 * domestic abuse is shared only with consent for early help, and an Operation Encompass
 * notification is domestic-abuse information, so one graded STANDARD is left out. An ungraded
 * notification stays: withholding it could hide a higher-risk incident.
 */
export function applyObligations(pupil: PupilRecord, obligations: readonly Obligation[]): PupilRecord {
  if (!obligations.includes('OMIT_STANDARD_RISK_DOMESTIC_ABUSE')) return pupil;
  return { ...pupil, operationEncompass: pupil.operationEncompass.filter((n) => n.dashRisk !== 'STANDARD') };
}
