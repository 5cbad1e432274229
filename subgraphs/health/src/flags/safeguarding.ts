import { FlagSeverityValue, type Flag } from '@mash/shared';
import { activeCpisRecord, activeFgmRecords, activeSafeguardingCodes, isChild, latest } from '../records/current';
import type { PatientDetails } from '../records/load';

const CPIS_PLAN_WORDS = { CPP: 'child protection plan', CLA: 'looked after child', UNBORN_CPP: 'unborn child protection plan' };

export function cpis(patient: PatientDetails, asOf: string): Flag | null {
  const record = activeCpisRecord(patient, asOf);
  if (!record) return null;
  return {
    code: 'CPIS_FLAG',
    severity: FlagSeverityValue.RED,
    summary: `CP-IS flag: ${CPIS_PLAN_WORDS[record.planType]} since ${record.startDate} (${record.responsibleLa})`,
    date: record.startDate,
  };
}

export function activeSafeguardingCode(patient: PatientDetails, asOf: string): Flag | null {
  const codes = activeSafeguardingCodes(patient, asOf);
  const terms = [...new Set(codes.map((code) => code.term))];
  if (terms.length === 0) return null;
  return {
    code: 'ACTIVE_SAFEGUARDING_CODE',
    severity: FlagSeverityValue.AMBER,
    summary: `GP record safeguarding code: ${terms.join('; ')}`,
    date: latest(codes.map((code) => code.recordedDate)),
  };
}

/**
 * FGM recorded for the person (FGM-IS indicator or FGM identified). A girl: RED, she may be cut or
 * taken abroad to be (FGM Act 2003; FGM protection orders). A woman: AMBER, because the main risk
 * factor for a girl is a mother who has had FGM, so her daughters may be at risk.
 */
export function fgmRecorded(patient: PatientDetails, asOf: string): Flag | null {
  const records = activeFgmRecords(patient, asOf);
  if (records.length === 0) return null;
  const date = latest(records.map((record) => record.recordedDate));
  const girl = isChild(patient.dateOfBirth, asOf);
  return {
    code: 'FGM_RECORDED',
    severity: girl ? FlagSeverityValue.RED : FlagSeverityValue.AMBER,
    summary: girl
      ? `FGM recorded for this girl (${records.some((record) => record.kind === 'FGM_IS_INDICATOR') ? 'FGM-IS risk indicator' : 'FGM identified'}, ${date}): she may be at risk of FGM`
      : `FGM recorded for this woman (${date}): any daughters may be at risk of FGM`,
    date,
  };
}
