import type { HouseholdRole } from '@mash/shared';
import type { RelationshipCode } from '../entities/code-lists';
import type { PersonRelationshipRow, PersonRow } from './rows';

/** A household member the local authority holds, with the role they have in the (true) household. */
export interface RelatedMember {
  role: HouseholdRole;
  row: Pick<PersonRow, 'id' | 'genderCode' | 'dateOfBirth'>;
}

/** The authority's word for someone by recorded gender (CIN GenderCurrent 1 male, 2 female). */
const word = (member: RelatedMember, male: string, female: string, neutral: string) =>
  member.row.genderCode === 1 ? male : member.row.genderCode === 2 ? female : neutral;

/** Adult sons and daughters (OTHER_ADULT, SIBLING) sit beside the children of a family. */
const OFFSPRING: readonly HouseholdRole[] = ['CHILD', 'SIBLING', 'OTHER_ADULT'];
const COUPLE: readonly HouseholdRole[] = ['PARENT', 'PARTNER'];

type Link = Pick<PersonRelationshipRow, 'relationship' | 'role' | 'sinceDate'>;
const link = (relationship: RelationshipCode, role: string, sinceDate: string | null = null): Link => ({ relationship, role, sinceDate });

/**
 * What `other` is to `person`, as social care would record it, from their household roles
 * (household-shape.ts): parents and their children, a step-parent (the PARTNER of a step family),
 * kinship carers (grandparents), partners, and siblings. Null where the roles say nothing.
 */
export function relationOf(person: RelatedMember, other: RelatedMember): Link | null {
  const [a, b] = [person.role, other.role];
  const birthOf = (child: RelatedMember) => child.row.dateOfBirth;
  if (b === 'PARENT' && OFFSPRING.includes(a)) return link('PARENT', word(other, 'father', 'mother', 'parent'), birthOf(person));
  if (a === 'PARENT' && OFFSPRING.includes(b)) return link('CHILD', word(other, 'son', 'daughter', 'child'), birthOf(other));
  if (b === 'PARTNER' && a === 'CHILD') return link('PARENT', word(other, 'stepfather', 'stepmother', 'step-parent'));
  if (a === 'PARTNER' && b === 'CHILD') return link('CHILD', word(other, 'stepson', 'stepdaughter', 'stepchild'));
  if (b === 'CARER' && a === 'CHILD') return link('PARENT', `${word(other, 'grandfather', 'grandmother', 'grandparent')} (kinship carer)`);
  if (a === 'CARER' && b === 'CHILD') return link('FAMILY_MEMBER', `${word(other, 'grandson', 'granddaughter', 'grandchild')} (in kinship care)`);
  if ((COUPLE.includes(a) && COUPLE.includes(b)) || (a === 'CARER' && b === 'CARER')) return link('PARTNER', 'partner');
  if (OFFSPRING.includes(a) && OFFSPRING.includes(b)) {
    const younger = [birthOf(person), birthOf(other)].filter((date): date is string => date !== null).sort().pop() ?? null;
    return link('SIBLING', word(other, 'brother', 'sister', 'sibling'), younger);
  }
  return null;
}

/** Every recorded relationship among the members the authority holds, both ways round, in member order. */
export function householdRelationships(members: readonly RelatedMember[]): PersonRelationshipRow[] {
  return members.flatMap((person) =>
    members.flatMap((other) => {
      if (other === person) return [];
      const found = relationOf(person, other);
      return found ? [{ personId: person.row.id, relatedPersonId: other.row.id, ...found }] : [];
    }),
  );
}
