import { FlagSeverityValue, type Flag } from '@mash/shared';
import { currentMaternityEpisode, LATE_BOOKING_WEEKS } from '../records/current';
import type { PatientDetails } from '../records/load';

export function lateBooking(patient: PatientDetails, asOf: string): Flag | null {
  const episode = currentMaternityEpisode(patient, asOf);
  if (!episode || episode.gestationAtBookingWeeks <= LATE_BOOKING_WEEKS) return null;
  return {
    code: 'LATE_BOOKING',
    severity: FlagSeverityValue.AMBER,
    summary: `Pregnancy booked late, at ${episode.gestationAtBookingWeeks} weeks (due ${episode.edd})`,
  };
}
