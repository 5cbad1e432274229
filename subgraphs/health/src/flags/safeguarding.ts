import { FlagSeverityValue, type Flag } from '@mash/shared';
import { activeCpisRecord, activeSafeguardingCodes } from '../records/current';
import type { PatientDetails } from '../records/load';

const CPIS_PLAN_WORDS = { CPP: 'child protection plan', CLA: 'looked after child', UNBORN_CPP: 'unborn child protection plan' };

export function cpis(patient: PatientDetails, asOf: string): Flag | null {
  const record = activeCpisRecord(patient, asOf);
  if (!record) return null;
  return {
    code: 'CPIS_FLAG',
    severity: FlagSeverityValue.RED,
    summary: `CP-IS flag: ${CPIS_PLAN_WORDS[record.planType]} since ${record.startDate} (${record.responsibleLa})`,
  };
}

export function activeSafeguardingCode(patient: PatientDetails, asOf: string): Flag | null {
  const terms = [...new Set(activeSafeguardingCodes(patient, asOf).map((code) => code.term))];
  if (terms.length === 0) return null;
  return { code: 'ACTIVE_SAFEGUARDING_CODE', severity: FlagSeverityValue.AMBER, summary: `GP record safeguarding code: ${terms.join('; ')}` };
}
