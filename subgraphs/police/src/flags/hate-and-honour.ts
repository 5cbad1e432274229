import { FlagSeverityValue, type Flag } from '@mash/shared';
import { HONOUR_BASED_CLASSIFICATIONS, OccurrenceClassification, OccurrenceRole } from '../entities/codes';
import type { NamedOccurrence } from '../records/load';
import { within, type Windows } from '../records/windows';
import { latest } from './dates';

const ROLE_WORDS: Partial<Record<string, string>> = {
  VICTIM: 'victim', SUSPECT: 'suspect', OFFENDER: 'offender', WITNESS: 'witness', INVOLVED: 'involved', REPORTER: 'reporter',
};
const roleWords = (occurrences: NamedOccurrence[], only?: readonly string[]) =>
  [...new Set(occurrences.flatMap((o) => o.roles).filter((role) => !only || only.includes(role)))].map((role) => ROLE_WORDS[role] ?? role.toLowerCase()).join(' and ');

/** Victim or suspect (or offender) in a hate-crime occurrence in the last 12 months (AMBER). */
export function hateCrimeFlag(occurrences: NamedOccurrence[], windows: Windows): Flag | null {
  const parties: string[] = [OccurrenceRole.VICTIM, OccurrenceRole.SUSPECT, OccurrenceRole.OFFENDER];
  const hate = occurrences.filter(
    (o) => o.classification === OccurrenceClassification.HATE_CRIME && within(new Date(o.reportedAt), windows.last12Months, windows)
      && o.roles.some((role) => parties.includes(role)),
  );
  if (hate.length === 0) return null;
  return {
    code: 'HATE_CRIME_12M',
    severity: FlagSeverityValue.AMBER,
    summary: `Named as ${roleWords(hate, parties)} in ${hate.length === 1 ? 'a hate-crime occurrence' : `${hate.length} hate-crime occurrences`} in the last 12 months.`,
    date: latest(hate.map((o) => o.reportedAt)),
  };
}

const HONOUR_WORDS: Partial<Record<string, string>> = {
  HONOUR_BASED_ABUSE: 'honour-based abuse', FORCED_MARRIAGE: 'forced marriage', FGM: 'female genital mutilation (FGM)',
};

/**
 * Honour-based abuse, forced marriage or FGM (RED): named in such an occurrence in the last 5
 * years, or in a domestic-abuse occurrence whose DASH answered q20 (others threatening) YES.
 * `occurrences` are those the grant lets police disclose.
 */
export function honourBasedAbuseFlag(occurrences: NamedOccurrence[], windows: Windows): Flag | null {
  const recent = occurrences.filter((o) => within(new Date(o.reportedAt), windows.last5Years, windows));
  const classified = recent.filter((o) => HONOUR_BASED_CLASSIFICATIONS.includes(o.classification as OccurrenceClassification));
  const dash = recent.filter((o) => o.dashHonourBased);
  if (classified.length === 0 && dash.length === 0) return null;
  const kinds = [...new Set(classified.map((o) => HONOUR_WORDS[o.classification] ?? o.classification))];
  const parts = [
    kinds.length > 0 ? `named (${roleWords(classified)}) in a police occurrence of ${kinds.join(', ')}` : null,
    dash.length > 0 ? 'a DASH risk assessment recorded threats from others (honour-based violence question)' : null,
  ].filter(Boolean);
  const text = parts.join('; ');
  return {
    code: 'HONOUR_BASED_ABUSE',
    severity: FlagSeverityValue.RED,
    summary: `${text[0].toUpperCase()}${text.slice(1)}, in the last 5 years: do not approach the family before planning with police (risk of escalation or removal abroad).`,
    date: latest([...classified, ...dash].map((o) => o.reportedAt)),
  };
}
