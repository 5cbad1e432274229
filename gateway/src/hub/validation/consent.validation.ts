import { ConsentStatus, type ConsentMethod } from '../entities/enums';
import type { Problems } from './problems';

/** Consent as given on receipt or in recordConsent; `fields` names each part as that input does. */
export interface ConsentFacts {
  status: ConsentStatus;
  earlyHelpSharing: boolean;
  note?: string | null;
  givenBy?: string | null;
  method?: ConsentMethod | null;
  givenAt?: string | Date | null;
}

export type ConsentFieldNames = Record<'status' | 'earlyHelpSharing' | 'note' | 'givenBy' | 'method' | 'givenAt', string>;

/**
 * Adds a problem for every part of the consent that does not add up, and returns when it was
 * given (default `now`). DOMAIN.md 6.3: standard-risk DA incidents are shared for early help only
 * with consent; overriding consent (DPA 2018 Sch 1 para 18) must say why.
 */
export function checkConsent(consent: ConsentFacts, fields: ConsentFieldNames, problems: Problems, now: Date): Date | null {
  const { status } = consent;
  if (consent.earlyHelpSharing && status !== ConsentStatus.GIVEN) {
    problems.add(fields.earlyHelpSharing, `early-help sharing needs consent GIVEN; consent is ${status}`);
  }
  problems.text(fields.note, consent.note, { required: status === ConsentStatus.OVERRIDDEN, max: 1000, label: 'The reason consent was overridden' });
  const recordsWho = status === ConsentStatus.GIVEN || status === ConsentStatus.REFUSED;
  if (status === ConsentStatus.GIVEN) {
    problems.text(fields.givenBy, consent.givenBy, { required: true, max: 200, label: 'Who gave consent (e.g. "parent")' });
    if (!consent.method) problems.add(fields.method, 'say how consent was given (VERBAL, WRITTEN or ELECTRONIC)');
  } else if (recordsWho) {
    problems.text(fields.givenBy, consent.givenBy, { max: 200, label: 'Who refused consent' });
  } else {
    for (const part of ['givenBy', 'method', 'givenAt'] as const) {
      if (consent[part] !== undefined && consent[part] !== null && consent[part] !== '') {
        problems.add(fields[part], `consent ${status} was not given by anyone; leave ${fields[part]} out`);
      }
    }
  }
  if (!recordsWho) return null;
  if (consent.givenAt === undefined || consent.givenAt === null || consent.givenAt === '') return now;
  const givenAt = new Date(consent.givenAt);
  if (Number.isNaN(givenAt.getTime())) {
    problems.add(fields.givenAt, 'is not a date and time; use ISO 8601, e.g. 2026-11-26T09:30:00Z');
    return null;
  }
  if (givenAt.getTime() > now.getTime() + 60_000) problems.add(fields.givenAt, 'is in the future');
  return givenAt;
}
