import { FlagSeverityValue, type Flag } from '@mash/shared';
import { WarningMarkerType } from '../entities/codes';
import type { PoliceWarningMarker } from '../types/history.type';
import { latest } from './dates';

/** Worker safety (DOMAIN.md 1.4): anyone visiting should know before they knock. Dated by the latest such marker. */
export function weaponsMarkerFlag(markers: PoliceWarningMarker[]): Flag | null {
  const found = [WarningMarkerType.FIREARMS, WarningMarkerType.WEAPONS].filter((type) => markers.some((m) => m.type === type));
  if (found.length === 0) return null;
  return {
    code: 'WEAPONS_MARKER',
    severity: FlagSeverityValue.AMBER,
    summary: `Active ${found.map((type) => type.toLowerCase()).join(' and ')} warning marker: plan any visit with police.`,
    date: latest(markers.filter((m) => found.includes(m.type)).map((m) => m.since)),
  };
}

/** An active VIOLENT warning marker: worker safety, and an adult risk where children live. */
export function violentMarkerFlag(markers: PoliceWarningMarker[]): Flag | null {
  const violent = markers.filter((m) => m.type === WarningMarkerType.VIOLENT);
  if (violent.length === 0) return null;
  return {
    code: 'VIOLENT_MARKER',
    severity: FlagSeverityValue.AMBER,
    summary: 'Active violent warning marker: plan any visit with police.',
    date: latest(violent.map((m) => m.since)),
  };
}
