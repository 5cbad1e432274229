import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AuditDecision, AuditKind } from '../audit';
import { PersonMatch } from './person';

registerEnumType(PersonMatch, {
  name: 'PersonMatch',
  description: 'How a hub subject was found to be the person a subject access request is about',
  valuesConfig: {
    SUBJECT_ID: { description: 'It is the subject whose id was given' },
    NHS_NUMBER: { description: 'It has the same NHS number' },
    NAME_AND_DATE_OF_BIRTH: { description: 'It has the same family name and date of birth (and first given name, when both have one), and no other NHS number' },
  },
});

/** Whether the agency's own log confirms what the hub's entry says it granted. */
export enum DisclosureConfirmation {
  CONFIRMED = 'CONFIRMED',
  NOT_FOUND = 'NOT_FOUND',
  NOT_CHECKED = 'NOT_CHECKED',
  AGENCY_UNAVAILABLE = 'AGENCY_UNAVAILABLE',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
}
registerEnumType(DisclosureConfirmation, {
  name: 'DisclosureConfirmation',
  description: "Whether the agency's own disclosure log confirms an agency fetch the hub allowed",
  valuesConfig: {
    CONFIRMED: { description: "The agency's log records what it disclosed about this person under the entry's grant (see disclosed)" },
    NOT_FOUND: { description: "The agency's log, read in full for the case, has nothing about this person under the grant: the agency did not answer the fetch (it failed or timed out), or its log is incomplete" },
    NOT_CHECKED: { description: "The agency's log for the case was longer than one read returns, so older disclosures were not checked" },
    AGENCY_UNAVAILABLE: { description: "The agency's log could not be read now (see agencies for why); ask again later" },
    NOT_APPLICABLE: { description: 'Nothing was sent to an agency: a denied fetch, a read of the hub\'s own record, a case change or another review' },
  },
});

@InputType({
  description:
    'Who a subject access request is about: a hub subject id, or the person\'s identifiers (an NHS number, or family name and date of birth, optionally a given name). ' +
    'The identifiers are used to find the person and are never written to the access log or logs',
})
export class PersonIdentifiersInput {
  @Field(() => ID, { nullable: true, description: "A hub subject id (a UUID): that subject, and every other subject of the hub who is the same person. Give it alone" })
  subjectId?: string | null;

  @Field(() => String, { nullable: true, description: 'NHS number, 10 digits (spaces allowed)' })
  nhsNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Family name (surname), with dateOfBirth; case and surrounding spaces do not matter' })
  familyName?: string | null;

  @Field(() => String, { nullable: true, description: 'Date of birth, YYYY-MM-DD, with familyName' })
  dateOfBirth?: string | null;

  @Field(() => String, { nullable: true, description: 'Given name, to narrow familyName and dateOfBirth (its first word is compared); subjects recorded without one still count' })
  givenName?: string | null;
}

@ObjectType({ description: 'A hub subject found to be the person: ids only' })
export class PersonSubjectFound {
  @Field(() => ID, { description: "The subject's id" })
  subjectId: string;

  @Field(() => ID, { description: 'Id of the case the subject belongs to' })
  caseId: string;

  @Field({ description: 'Reference of that case, MASH-YYYY-NNNNNN' })
  caseReference: string;

  @Field(() => [PersonMatch], { description: 'Why this subject is taken to be the person' })
  matchedOn: PersonMatch[];
}

@ObjectType({ description: "One entry of an agency's own disclosure log about the person: what the agency says it released, under which grant, to whom" })
export class AgencyDisclosure {
  @Field({ description: 'The agency: police, social-care, health or education' })
  agency: string;

  @Field(() => ID, { description: "The agency's id of the log entry" })
  disclosureId: string;

  @Field({ description: 'When the agency answered, ISO timestamp' })
  disclosedAt: string;

  @Field(() => String, { nullable: true, description: 'The grant the agency answered under; the hub\'s access log records the same id when the hub issued it' })
  grantId: string | null;

  @Field(() => String, { nullable: true, description: 'The hub case the data was released for' })
  caseId: string | null;

  @Field(() => String, { nullable: true, description: 'Reference of that case, MASH-YYYY-NNNNNN; null when it is not a hub case' })
  caseReference: string | null;

  @Field(() => String, { nullable: true, description: 'Id of the hub user the data was released to' })
  userId: string | null;

  @Field(() => String, { nullable: true, description: 'The purpose in the grant, e.g. MASH_TRIAGE' })
  purpose: string | null;

  @Field(() => ID, { description: 'The hub subject (one of the person\'s) the agency answered about' })
  subjectId: string;

  @Field({ description: 'What the agency answered: MATCHED, AMBIGUOUS or NOT_KNOWN' })
  matchStatus: string;

  @Field(() => [String], { description: "The agency's own ids of the records disclosed; empty for NOT_KNOWN" })
  recordIds: string[];

  @Field(() => [String], { description: 'Obligations of the grant that governed the answer, e.g. OMIT_STANDARD_RISK_DOMESTIC_ABUSE' })
  obligations: string[];

  @Field(() => String, { nullable: true, description: "seq of the hub's access-log entry that issued the grant; null when the hub never issued it (a forged grant or a leaked key: report it)" })
  hubEntrySeq: string | null;
}

@ObjectType({ description: 'One access to the person in the hub\'s access log: who, when, what, under which rule, and whether the agency confirms it' })
export class SubjectAccess {
  @Field({ description: 'Position of the entry in the access log (a bigint, as a string)' })
  seq: string;

  @Field({ description: 'When, ISO timestamp' })
  recordedAt: string;

  @Field(() => AuditKind, { description: 'What kind of access: AGENCY_FETCH (agency data asked for), CASE_READ (the hub\'s record of the case read), CASE_MUTATION (a change naming the person), AUDIT_READ (an earlier review)' })
  kind: AuditKind;

  @Field(() => AuditDecision, { description: 'ALLOWED, DENIED, or RECORDED for a change' })
  decision: AuditDecision;

  @Field(() => String, { nullable: true, description: 'Who: the user id; null for the system itself' })
  userId: string | null;

  @Field(() => [String], { description: "The user's hub roles at the time" })
  roles: string[];

  @Field(() => String, { nullable: true, description: "The user's organisation at the time" })
  organisation: string | null;

  @Field(() => String, { nullable: true, description: 'The case concerned (its id)' })
  caseId: string | null;

  @Field(() => String, { nullable: true, description: 'That case\'s reference, MASH-YYYY-NNNNNN' })
  caseReference: string | null;

  @Field(() => [ID], { description: 'Which of the person\'s subject ids the entry names (empty for a read of the case that touched no subject)' })
  subjectIds: string[];

  @Field(() => String, { nullable: true, description: 'The agency asked, for an agency fetch' })
  agency: string | null;

  @Field(() => [String], { description: 'The fields asked for or read' })
  fields: string[];

  @Field(() => String, { nullable: true, description: 'The rule that decided, or the change recorded' })
  rule: string | null;

  @Field(() => String, { nullable: true, description: 'The ISA policy version that decided' })
  policyVersion: string | null;

  @Field(() => String, { nullable: true, description: 'Why, in plain words (ids only)' })
  reason: string | null;

  @Field(() => String, { nullable: true, description: 'The grant sent to the agency with an allowed fetch' })
  grantId: string | null;

  @Field(() => String, { nullable: true, description: 'Id of the request: entries with the same id come from one request' })
  requestId: string | null;

  @Field(() => DisclosureConfirmation, { description: "Whether the agency's own log confirms the disclosure" })
  confirmation: DisclosureConfirmation;

  @Field(() => [AgencyDisclosure], { description: "What the agency's log says it disclosed about the person under this grant: record ids per subject" })
  disclosed: AgencyDisclosure[];
}

@ObjectType({ description: "One agency's disclosure log, as read for this request: whether it could be read, and everything in it about the person" })
export class AgencyDisclosureLog {
  @Field({ description: 'The agency: police, social-care, health or education' })
  agency: string;

  @Field({ description: 'False when the agency could not be read now (down, slow or refused); the rest of the answer still stands' })
  available: boolean;

  @Field(() => String, { nullable: true, description: 'Why it could not be read; null when it was' })
  problem: string | null;

  @Field({ description: "True when the log was read in full for every case of the person; false when it could not be read or a case's log was longer than one read returns" })
  complete: boolean;

  @Field(() => [AgencyDisclosure], { description: "Every disclosure about the person in this agency's log for their cases, newest first, including any under a grant the hub never issued (hubEntrySeq null)" })
  disclosures: AgencyDisclosure[];
}

@ObjectType({ description: 'Who has seen this person: for a subject access request, every access in the hub\'s log and every disclosure in the agencies\' logs, ids only' })
export class WhoHasSeenReport {
  @Field({ description: 'When the review was made, ISO timestamp; entries written after it are not included' })
  reviewedAt: string;

  @Field(() => [PersonSubjectFound], { description: 'The hub subjects (across cases) taken to be the person; empty when none was found' })
  subjects: PersonSubjectFound[];

  @Field(() => [SubjectAccess], { description: 'Accesses to the person in the hub\'s access log, newest first: agency fetches (allowed and denied) naming them, reads of their cases, changes naming them, earlier reviews' })
  accesses: SubjectAccess[];

  @Field({ description: 'True when there were more accesses than limit; ask again with a larger limit' })
  moreAccesses: boolean;

  @Field(() => [AgencyDisclosureLog], { description: "Each agency's disclosure log about the person, or why it could not be read" })
  agencies: AgencyDisclosureLog[];

  @Field(() => Int, { description: "Disclosures in agencies' logs about the person under grants the hub's log does not hold: each needs investigating" })
  unissuedDisclosures: number;
}
