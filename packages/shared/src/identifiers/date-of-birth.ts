/**
 * The hub's date-of-birth rule, in one place for the API (referral and addSubject validation) and
 * the screens (checked as the user types): pure TypeScript, no Node APIs.
 */

export type DateOfBirthCheck = { ok: true } | { ok: false; reason: string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
/** About ten months: the longest an expected date of delivery lies ahead. */
const MAX_EXPECTED_MS = 310 * DAY_MS;
/** An unborn child's expected date may have passed by up to a month before they are recorded as a CHILD. */
const MAX_OVERDUE_MS = 31 * DAY_MS;

/**
 * A date of birth in the form YYYY-MM-DD (a real calendar date), not in the future and not before
 * 1900; for an UNBORN subject (`unborn`) the expected date of delivery instead, at most ten months
 * ahead and at most a month past. `today` is the moment the check is made.
 */
export function checkDateOfBirth(value: string, options: { today?: Date; unborn?: boolean } = {}): DateOfBirthCheck {
  const today = options.today ?? new Date();
  const date = new Date(`${value}T00:00:00Z`);
  if (!ISO_DATE.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    return { ok: false, reason: `"${value.slice(0, 20)}" is not a date in the form YYYY-MM-DD` };
  }
  if (options.unborn) {
    if (date.getTime() > today.getTime() + MAX_EXPECTED_MS) return { ok: false, reason: 'the expected date of delivery is more than ten months ahead' };
    if (date.getTime() < today.getTime() - MAX_OVERDUE_MS) {
      return { ok: false, reason: 'an UNBORN subject\'s expected date of delivery is more than a month past: record the child as CHILD with their date of birth' };
    }
    return { ok: true };
  }
  if (date.getTime() > today.getTime()) return { ok: false, reason: 'date of birth is in the future (record an unborn child with the expected date in the concern)' };
  if (date.getUTCFullYear() < 1900) return { ok: false, reason: 'date of birth is before 1900' };
  return { ok: true };
}
