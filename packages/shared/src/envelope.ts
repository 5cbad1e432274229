import { Directive, Field, Float, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import { Sensitivity } from './agency/sensitivity';

/**
 * The envelope every agency field on `Subject` shares, so a triage screen treats agencies alike.
 * "Not known to this agency" (NOT_KNOWN) is a finding, distinct from denied or unavailable,
 * which arrive as errors instead.
 */
export enum MatchStatusValue {
  MATCHED = 'MATCHED',
  AMBIGUOUS = 'AMBIGUOUS',
  NOT_KNOWN = 'NOT_KNOWN',
}
registerEnumType(MatchStatusValue, {
  name: 'MatchStatus',
  description: 'How the agency matched the subject',
  valuesConfig: {
    MATCHED: { description: 'One record is this person; its summary is shown.' },
    AMBIGUOUS: { description: 'Up to five records could be this person; only enough to tell them apart is shown until a triage officer confirms one (confirmMatch).' },
    NOT_KNOWN: { description: 'The agency holds no record of this person: a finding in itself, not a failure or a refusal.' },
  },
});

/** Why an answer is AMBIGUOUS, so a triage screen can say what to check. */
export enum AmbiguityValue {
  IDENTIFIER_CONFLICT = 'IDENTIFIER_CONFLICT',
  SEVERAL_CANDIDATES = 'SEVERAL_CANDIDATES',
  BELOW_MATCH_THRESHOLD = 'BELOW_MATCH_THRESHOLD',
}
registerEnumType(AmbiguityValue, {
  name: 'Ambiguity',
  description: 'Why the agency could not settle on one record',
  valuesConfig: {
    IDENTIFIER_CONFLICT: { description: "An identifier the referral gave (NHS number, UPN, PNC ID) belongs to a record whose name or date of birth contradicts the referral: it may be a sibling's or a mistyped number. Both that record and the best match on the referral's other details are listed." },
    SEVERAL_CANDIDATES: { description: 'More than one record fits the referral (twins, relatives, people with the same name and date of birth).' },
    BELOW_MATCH_THRESHOLD: { description: 'One record may be this person, but not surely enough to show its content.' },
  },
});

export enum MatchReasonValue {
  CONFIRMED = 'CONFIRMED',
  NHS_NUMBER = 'NHS_NUMBER',
  UPN = 'UPN',
  PNC_ID = 'PNC_ID',
  IDENTIFIER_CONFLICT = 'IDENTIFIER_CONFLICT',
  FAMILY_NAME = 'FAMILY_NAME',
  FAMILY_NAME_PARTIAL = 'FAMILY_NAME_PARTIAL',
  FAMILY_NAME_TYPO = 'FAMILY_NAME_TYPO',
  FAMILY_NAME_PHONETIC = 'FAMILY_NAME_PHONETIC',
  FAMILY_NAME_FUZZY = 'FAMILY_NAME_FUZZY',
  OTHER_NAME_ON_RECORD = 'OTHER_NAME_ON_RECORD',
  GIVEN_NAME = 'GIVEN_NAME',
  GIVEN_NAME_OTHER = 'GIVEN_NAME_OTHER',
  GIVEN_NAME_NICKNAME = 'GIVEN_NAME_NICKNAME',
  GIVEN_NAME_TYPO = 'GIVEN_NAME_TYPO',
  GIVEN_NAME_PHONETIC = 'GIVEN_NAME_PHONETIC',
  GIVEN_NAME_FUZZY = 'GIVEN_NAME_FUZZY',
  DATE_OF_BIRTH = 'DATE_OF_BIRTH',
  DATE_OF_BIRTH_SWAPPED = 'DATE_OF_BIRTH_SWAPPED',
  DATE_OF_BIRTH_NEAR = 'DATE_OF_BIRTH_NEAR',
  DATE_OF_BIRTH_YEAR_OUT = 'DATE_OF_BIRTH_YEAR_OUT',
  BIRTH_YEAR = 'BIRTH_YEAR',
  POSTCODE = 'POSTCODE',
  POSTCODE_OUTWARD = 'POSTCODE_OUTWARD',
  GENDER = 'GENDER',
}
registerEnumType(MatchReasonValue, {
  name: 'MatchReason',
  description: 'Why a record was matched to the subject, or why a person must decide',
  valuesConfig: {
    CONFIRMED: { description: "A triage officer confirmed this record is the subject (confirmMatch); the agency used that record." },
    NHS_NUMBER: { description: "The NHS number agrees, corroborated by the date of birth or by family name and birth year." },
    UPN: { description: "The Unique Pupil Number agrees, corroborated by the date of birth or by family name and birth year." },
    PNC_ID: { description: "The Police National Computer ID agrees, corroborated by the date of birth or by family name and birth year." },
    IDENTIFIER_CONFLICT: { description: "An identifier the referral gave belongs to this record, but its name or date of birth contradicts the referral: it may be a sibling's or a mistyped number. A person must decide." },
    FAMILY_NAME: { description: "The family name agrees." },
    FAMILY_NAME_PARTIAL: { description: "One part of a double-barrelled or hyphenated family name agrees." },
    FAMILY_NAME_TYPO: { description: "The family name is one letter away (a typing slip)." },
    FAMILY_NAME_PHONETIC: { description: "The family name sounds the same (e.g. Smith and Smyth)." },
    FAMILY_NAME_FUZZY: { description: "The family name is spelt similarly." },
    OTHER_NAME_ON_RECORD: { description: "Matched under another name the agency records for this person: an alias, a former or a preferred name." },
    GIVEN_NAME: { description: "The first given name agrees." },
    GIVEN_NAME_OTHER: { description: "A middle or known-as name agrees with the other record's name (e.g. Susan for Alexandra Susan)." },
    GIVEN_NAME_NICKNAME: { description: "The given names are a nickname, spelling or transliteration of each other (e.g. Penny and Penelope, Omar and Umar)." },
    GIVEN_NAME_TYPO: { description: "The given name is one letter away from the other, and is itself no known name (a typing slip)." },
    GIVEN_NAME_PHONETIC: { description: "The given name sounds the same as the other." },
    GIVEN_NAME_FUZZY: { description: "The given name is spelt similarly." },
    DATE_OF_BIRTH: { description: "The date of birth agrees." },
    DATE_OF_BIRTH_SWAPPED: { description: "The date of birth agrees with day and month exchanged (a date keyed month first)." },
    DATE_OF_BIRTH_NEAR: { description: "The date of birth is one day out." },
    DATE_OF_BIRTH_YEAR_OUT: { description: "The date of birth has the same day and month, one year out." },
    BIRTH_YEAR: { description: "Only the year of birth agrees." },
    POSTCODE: { description: "The full postcode agrees." },
    POSTCODE_OUTWARD: { description: "The postcode district (its first half) agrees." },
    GENDER: { description: "The recorded sex or gender agrees." },
  },
});

/** Suggested weight of a triangulation finding (DOMAIN.md section 7); the RAG decision stays human. */
export enum FlagSeverityValue {
  RED = 'RED',
  AMBER = 'AMBER',
  GREEN = 'GREEN',
}
registerEnumType(FlagSeverityValue, {
  name: 'FlagSeverity',
  description: 'Suggested weight of a finding (DOMAIN.md section 7); the rating decision stays with the MASH',
  valuesConfig: {
    RED: { description: 'Points to immediate risk of significant harm (e.g. a child protection plan, a high-risk domestic abuse incident).' },
    AMBER: { description: 'A concern to weigh in triage (e.g. a child on no school roll, repeat missing episodes).' },
    GREEN: { description: 'Context worth knowing, not a concern in itself.' },
  },
});

@Directive('@shareable')
@ObjectType({ description: 'A triangulation finding an agency computed from its own records' })
export class Flag {
  @Sensitivity('SAFEGUARDING_STATUS')
  @Field({ description: 'Stable machine code, e.g. DA_CHILDREN_PRESENT_12M' })
  code: string;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => FlagSeverityValue, { description: 'Suggested weight of the finding: RED, AMBER or GREEN. A suggestion only; the MASH decides the rating' })
  severity: FlagSeverityValue;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field({ description: 'Plain-words summary, safe to show on a triage screen' })
  summary: string;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD) of the latest event behind the finding, e.g. the last incident or the plan start; null when the finding is about the present state (e.g. no GP registration)' })
  date?: string | null;
}

/** How a person an agency links to the subject is related to them, in that agency's records. */
export enum AssociateRelationshipValue {
  SAME_ADDRESS = 'SAME_ADDRESS',
  SAME_INCIDENT = 'SAME_INCIDENT',
  PARENT = 'PARENT',
  MOTHER = 'MOTHER',
  CHILD = 'CHILD',
  SIBLING = 'SIBLING',
  PARTNER = 'PARTNER',
  FAMILY_MEMBER = 'FAMILY_MEMBER',
  CONTACT = 'CONTACT',
}
registerEnumType(AssociateRelationshipValue, {
  name: 'AssociateRelationship',
  description: 'How the agency links another person to the subject',
  valuesConfig: {
    SAME_ADDRESS: { description: 'Recorded at the same address as the subject (police nominals, patients registered at the address).' },
    SAME_INCIDENT: { description: 'A party to the same police occurrence as the subject; `role` says which part they played.' },
    PARENT: { description: "The subject's parent or carer, as the agency records it." },
    MOTHER: { description: "The baby's mother (health: the maternity record the baby was born under)." },
    CHILD: { description: "The subject's child." },
    SIBLING: { description: "The subject's brother or sister (education: a sibling on roll)." },
    PARTNER: { description: "The subject's partner or ex-partner." },
    FAMILY_MEMBER: { description: "Another family member on the subject's record (social care)." },
    CONTACT: { description: "A contact the agency holds for the subject (education: a parent or emergency contact on the pupil's record)." },
  },
});

/**
 * Another person an agency links to the subject: the minimal identity a triage officer needs to
 * decide whether to add them to the case (addSubject), and nothing of their history.
 */
@Directive('@shareable')
@ObjectType({ description: "Another person the agency links to the subject (same address, same incident, family or contact): who they are and how they are linked, nothing of their history. Add them to the case (addSubject) to see what the agencies hold on them." })
export class Associate {
  @Sensitivity('BASIC_IDENTITY')
  @Field({ description: "The agency's own id of the associate's record" })
  recordId: string;

  @Sensitivity('BASIC_IDENTITY')
  @Field(() => AssociateRelationshipValue, { description: 'How the agency links them to the subject' })
  relationship: AssociateRelationshipValue;

  @Sensitivity('BASIC_IDENTITY')
  @Field(() => String, { nullable: true, description: "Their part, where the agency records one: police occurrence roles (VICTIM, SUSPECT, OFFENDER, WITNESS, INVOLVED, REPORTER), social care's relationship words (e.g. 'mother', 'stepfather')" })
  role: string | null;

  @Sensitivity('BASIC_IDENTITY')
  @Field(() => String, { nullable: true, description: "The associate's given name as the agency records it; null when the agency holds none" })
  givenName: string | null;

  @Sensitivity('BASIC_IDENTITY')
  @Field(() => String, { nullable: true, description: "The associate's family name as the agency records it; null when the agency holds none" })
  familyName: string | null;

  @Sensitivity('BASIC_IDENTITY')
  @Field(() => String, { nullable: true, description: 'ISO date, YYYY-MM-DD; null when the agency holds none' })
  dateOfBirth: string | null;
}

export type AssociateShape = Associate;

/** Who a candidate record is, and no more: what a triage officer needs to tell candidates apart. */
@Directive('@shareable')
@ObjectType({ description: 'Who a candidate record is, and no more: enough to tell candidates apart and to confirm or reject one' })
export class MatchCandidate {
  @Sensitivity('BASIC_IDENTITY')
  @Field({ description: "The agency's own id of the record (what confirmMatch and rejectMatch take, and what its disclosure log names)" })
  recordId: string;

  @Sensitivity('BASIC_IDENTITY')
  @Field(() => String, { nullable: true, description: 'Given name on the agency record; null when the agency holds none' })
  givenName: string | null;

  @Sensitivity('BASIC_IDENTITY')
  @Field(() => String, { nullable: true, description: 'Family name on the agency record; null when the agency holds none' })
  familyName: string | null;

  @Sensitivity('BASIC_IDENTITY')
  @Field(() => String, { nullable: true, description: 'ISO date, YYYY-MM-DD; null when the agency holds none (e.g. an unborn child)' })
  dateOfBirth: string | null;

  @Sensitivity('BASIC_IDENTITY')
  @Field(() => String, { nullable: true, description: 'The postcode the agency holds for the person (MATCHED only; null for the candidates of an AMBIGUOUS answer), so a triage officer sees where agencies disagree on where someone lives' })
  postcode?: string | null;
}

export interface AgencyMatchShape<R> {
  confidence: number;
  matchedOn: MatchReasonValue[];
  candidate: MatchCandidate;
  record: R;
}

export interface AgencyViewShape<R> {
  status: MatchStatusValue;
  ambiguity?: AmbiguityValue | null;
  matches: AgencyMatchShape<R>[];
  flags: Flag[];
  associates?: Associate[] | null;
}

/** Creates `<Prefix>Match` and `<Prefix>View` object types around an agency's record type. */
export function agencyEnvelope<R extends object>(prefix: string, recordType: ClassType<R>) {
  const agencyWords = prefix.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

  @ObjectType(`${prefix}Match`, {
    description: `One ${agencyWords} record that is, or may be, the subject: how likely, why, who it is, and the record itself`,
  })
  class AgencyMatch implements AgencyMatchShape<R> {
    @Sensitivity('BASIC_IDENTITY')
    @Field(() => Float, { description: 'Probability (0-1) that this record is the subject, from the matching model' })
    confidence: number;

    @Sensitivity('BASIC_IDENTITY')
    @Field(() => [MatchReasonValue], { description: 'Why this record was matched, or listed as a candidate' })
    matchedOn: MatchReasonValue[];

    @Sensitivity('BASIC_IDENTITY')
    @Field(() => MatchCandidate, { description: 'Who the record is: name, date of birth and the agency record id' })
    candidate: MatchCandidate;

    @Sensitivity('BASIC_IDENTITY')
    @Field(() => recordType, { description: 'The record: its full summary for a match, its identity only for a candidate of an AMBIGUOUS answer' })
    record: R;
  }

  @ObjectType(`${prefix}View`, {
    description: `What ${agencyWords} holds on the subject: whether it knows them, the matching record (or the candidates when unsure), its findings and the people it links to them`,
  })
  class AgencyView implements AgencyViewShape<R> {
    @Sensitivity('BASIC_IDENTITY')
    @Field(() => MatchStatusValue, { description: `Whether ${agencyWords} found the subject: MATCHED (one record), AMBIGUOUS (candidates to confirm) or NOT_KNOWN (no record, itself a finding)` })
    status: MatchStatusValue;

    @Sensitivity('BASIC_IDENTITY')
    @Field(() => AmbiguityValue, { nullable: true, description: 'Why the answer is AMBIGUOUS (null otherwise)' })
    ambiguity?: AmbiguityValue | null;

    @Sensitivity('BASIC_IDENTITY')
    @Field(() => [AgencyMatch], { description: 'MATCHED: the one record; AMBIGUOUS: up to five candidates, most likely first; NOT_KNOWN: none' })
    matches: AgencyMatch[];

    // Nullable in the schema (an agency always answers a list): a policy that releases identity but
    // not safeguarding status withholds the flags alone.
    @Sensitivity('SAFEGUARDING_STATUS')
    @Field(() => [Flag], { nullable: true, description: "The agency's findings, most severe first; null when withheld (ISA_DENIED on this field)" })
    flags: Flag[];

    @Sensitivity('BASIC_IDENTITY')
    @Field(() => [Associate], { nullable: true, description: 'MATCHED: the other people the agency links to this record (household, incidents, family, contacts), minimal identity only; null otherwise (no record, or identity unresolved)' })
    associates?: Associate[] | null;
  }

  return { AgencyMatch, AgencyView };
}

/**
 * The one finding on an AMBIGUOUS answer, the same in every agency so a triage screen treats them
 * alike. AMBER: an unresolved possible match may hide a RED history, so a person must resolve it.
 */
export function identityUnresolvedFlag(records: string, candidates: number): Flag {
  return {
    code: 'IDENTITY_UNRESOLVED',
    severity: FlagSeverityValue.AMBER,
    summary: `${candidates} possible ${records} could be this person: confirm identity (NHS number, UPN, or date of birth and address) before relying on them.`,
  };
}

/** Beside IDENTITY_UNRESOLVED when an identifier the referral gave belongs to someone else the agency knows. */
export function identifierConflictFlag(records: string): Flag {
  return {
    code: 'IDENTIFIER_CONFLICT',
    severity: FlagSeverityValue.AMBER,
    summary: `An identifier on the referral belongs to a different person in the ${records}: check the referral's NHS number, UPN or PNC ID (a sibling's number is a common slip).`,
  };
}
