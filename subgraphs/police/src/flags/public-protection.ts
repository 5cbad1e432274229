import { FlagSeverityValue, type Flag } from '@mash/shared';
import type { OffenderManagementFacts } from '../records/load';

/**
 * Public protection (DOMAIN.md 1.1 OffenderManagement, 6.2: highly restricted). The flags say
 * yes and who to contact, never the category, level, offence or dates; `date` is null because
 * they are about the present state.
 */
export function sexOffenderFlag(management: OffenderManagementFacts | null): Flag | null {
  if (!management || !(management.registeredSexOffender || management.shpo)) return null;
  return {
    code: 'SEX_OFFENDER_REGISTERED',
    severity: FlagSeverityValue.RED,
    summary: 'Registered sex offender or subject to a Sexual Harm Prevention Order: contact the police public protection unit before any action.',
    date: null,
  };
}

export function mappaFlag(management: OffenderManagementFacts | null): Flag | null {
  if (!management || management.mappaCategory === null) return null;
  return {
    code: 'MAPPA_NOMINAL',
    severity: FlagSeverityValue.RED,
    summary: 'Managed under MAPPA (multi-agency public protection arrangements): contact the police public protection unit.',
    date: null,
  };
}
