import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The agencies a triage officer can confirm or reject a record of. */
export enum AgencyValue {
  police = 'police',
  socialCare = 'social-care',
  health = 'health',
  education = 'education',
}
registerEnumType(AgencyValue, {
  name: 'Agency',
  description: 'An agency of the MASH federation',
  valuesConfig: {
    police: { description: 'The police force' },
    socialCare: { description: "The local authority's children's and adults' social care" },
    health: { description: 'The NHS: GP registration, hospitals, community and mental health services' },
    education: { description: 'Schools and the local authority education service' },
  },
});

export enum MatchDecisionKind {
  CONFIRMED = 'CONFIRMED',
  REJECTED = 'REJECTED',
}
registerEnumType(MatchDecisionKind, {
  name: 'MatchDecisionKind',
  description: "A triage officer's decision about one agency record for one subject",
  valuesConfig: {
    CONFIRMED: { description: 'The record is this subject: the agency uses it from now on instead of matching.' },
    REJECTED: { description: 'The record is not this subject: the agency never matches or lists it for them again.' },
  },
});

/**
 * One decision, kept for good (append-only history): the latest confirmation per subject and
 * agency is in force unless that record was rejected after it; every rejection stands.
 */
@ObjectType('MatchDecision', { description: "A triage officer's confirmation or rejection of an agency record for a subject" })
@Entity('mash_match_decision')
@Index(['subjectId', 'agency'])
export class MatchDecision {
  @Field(() => ID, { description: "The decision's id" })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The subject the decision is about' })
  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @Field(() => ID, { description: "The subject's case" })
  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Field(() => AgencyValue, { description: 'The agency whose record it is' })
  @Column({ type: 'varchar', length: 16 })
  agency: AgencyValue;

  @Field({ description: "The agency's own record id, as its answer showed it (candidate.recordId)" })
  @Column({ name: 'record_id', type: 'varchar', length: 64 })
  recordId: string;

  @Field(() => MatchDecisionKind, { description: 'Confirmed or rejected' })
  @Column({ type: 'varchar', length: 16 })
  decision: MatchDecisionKind;

  @Field({ description: 'Why: what told the officer this record is, or is not, the subject' })
  @Column({ type: 'text' })
  rationale: string;

  @Field({ description: 'Who decided (user id)' })
  @Column({ name: 'decided_by', type: 'varchar', length: 200 })
  decidedBy: string;

  @Field(() => GraphQLISODateTime, { description: 'When' })
  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;
}
