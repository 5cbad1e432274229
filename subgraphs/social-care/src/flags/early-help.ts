import type { Flag } from '@mash/shared';
import { openEarlyHelp } from '../records/current';
import type { PersonDetails } from '../records/load';
import { flag, FlagCode, GREEN } from './flag';
import { LEAD_AGENCY_LABEL, LEAD_ROLE_LABEL } from './labels';

/** An open early-help episode tells the MASH who already works with the family (by role, no names). */
export function openEarlyHelpFlag(person: PersonDetails, asOf: string): Flag | null {
  const episode = openEarlyHelp(person, asOf);
  if (!episode) return null;
  return flag(FlagCode.OPEN_EARLY_HELP, GREEN,
    `Open early help since ${episode.startDate}, led by ${LEAD_AGENCY_LABEL[episode.leadAgency]} ` +
      `(${LEAD_ROLE_LABEL[episode.leadProfessionalRole]})`, episode.startDate);
}
