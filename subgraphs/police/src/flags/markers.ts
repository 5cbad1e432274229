import { FlagSeverityValue, type Flag } from '@mash/shared';
import { WarningMarkerType } from '../entities/codes';
import type { PoliceWarningMarker } from '../types/history.type';

/** Worker safety (DOMAIN.md 1.4): anyone visiting should know before they knock. */
export function weaponsMarkerFlag(markers: PoliceWarningMarker[]): Flag | null {
  const found = [WarningMarkerType.FIREARMS, WarningMarkerType.WEAPONS].filter((type) => markers.some((m) => m.type === type));
  if (found.length === 0) return null;
  return {
    code: 'WEAPONS_MARKER',
    severity: FlagSeverityValue.AMBER,
    summary: `Active ${found.map((type) => type.toLowerCase()).join(' and ')} warning marker: plan any visit with police.`,
  };
}
