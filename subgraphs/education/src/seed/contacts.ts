import { ageOn, createRng, type Household, type SyntheticPerson } from '@mash/shared';
import type { ContactRelationship, Pupil, PupilContact } from '../entities';
import { seedId } from './ids';

/** A school rings at most this many contacts. */
export const MAX_CONTACTS = 4;
/** Share of contacts whose date of birth the school holds (schools often record none). */
export const CONTACT_DOB_SHARE = 0.7;

const ORDER: readonly ContactRelationship[] = ['MOTHER', 'FATHER', 'CARER', 'STEP_PARENT', 'GRANDPARENT', 'OTHER'];

/** How the school records a household adult against the child. */
export function contactRelationship(adult: SyntheticPerson, today: string): ContactRelationship {
  if (adult.role === 'PARENT') return adult.gender === 'FEMALE' ? 'MOTHER' : 'FATHER';
  if (adult.role === 'PARTNER') return 'STEP_PARENT';
  if (adult.role === 'CARER') return 'CARER';
  return ageOn(adult.dateOfBirth, today) >= 55 ? 'GRANDPARENT' : 'OTHER';
}

/**
 * The contacts on a pupil's record: the adults of the child's household, mothers first, as they
 * are (true names). Whether the school holds an adult's date of birth is decided once per
 * household and adult, so siblings' records agree; `allDatesOfBirth` (scenario households) holds
 * every one.
 */
export function contactRows(pupil: Pupil, child: SyntheticPerson, household: Household, today: string, allDatesOfBirth = false): PupilContact[] {
  const adults = household.members
    .filter((m) => m.key !== child.key && ageOn(m.dateOfBirth, today) >= 18)
    .map((adult, index) => ({ adult, index, relationship: contactRelationship(adult, today) }))
    .sort((a, b) => ORDER.indexOf(a.relationship) - ORDER.indexOf(b.relationship) || a.index - b.index)
    .slice(0, MAX_CONTACTS);
  return adults.map(({ adult, relationship }, i) => ({
    id: seedId(`contact:${child.key}:${adult.key}`),
    pupilId: pupil.id,
    givenName: adult.givenName,
    familyName: adult.familyName,
    dateOfBirth: allDatesOfBirth || createRng(`education:${household.key}:contact:${adult.key}`).chance(CONTACT_DOB_SHARE) ? adult.dateOfBirth : null,
    relationship,
    priority: i + 1,
  }));
}
