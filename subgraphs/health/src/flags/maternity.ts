import { FlagSeverityValue, type Flag } from '@mash/shared';
import { currentMaternityEpisode, LATE_BOOKING_WEEKS } from '../records/current';
import type { PatientDetails } from '../records/load';

/** A pregnancy now or a delivery in the last 12 months, booked after 12 weeks; dated by the booking. */
export function lateBooking(patient: PatientDetails, asOf: string): Flag | null {
  const episode = currentMaternityEpisode(patient, asOf);
  if (!episode || episode.gestationAtBookingWeeks <= LATE_BOOKING_WEEKS) return null;
  const outcome = episode.deliveryDate && episode.deliveryDate <= asOf ? `delivered ${episode.deliveryDate}` : `due ${episode.edd}`;
  return {
    code: 'LATE_BOOKING',
    severity: FlagSeverityValue.AMBER,
    summary: `Pregnancy booked late, at ${episode.gestationAtBookingWeeks} weeks on ${episode.bookingDate} (${outcome})`,
    date: episode.bookingDate,
  };
}
