import { Directive, Field, Float, ObjectType, registerEnumType, type ClassType } from 'type-graphql';

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
registerEnumType(MatchStatusValue, { name: 'MatchStatus', description: 'How the agency matched the subject' });

export enum MatchReasonValue {
  NHS_NUMBER = 'NHS_NUMBER',
  UPN = 'UPN',
  PNC_ID = 'PNC_ID',
  FAMILY_NAME = 'FAMILY_NAME',
  FAMILY_NAME_PARTIAL = 'FAMILY_NAME_PARTIAL',
  FAMILY_NAME_FUZZY = 'FAMILY_NAME_FUZZY',
  GIVEN_NAME = 'GIVEN_NAME',
  GIVEN_NAME_NICKNAME = 'GIVEN_NAME_NICKNAME',
  GIVEN_NAME_FUZZY = 'GIVEN_NAME_FUZZY',
  DATE_OF_BIRTH = 'DATE_OF_BIRTH',
  DATE_OF_BIRTH_SWAPPED = 'DATE_OF_BIRTH_SWAPPED',
  BIRTH_YEAR = 'BIRTH_YEAR',
  POSTCODE = 'POSTCODE',
  POSTCODE_OUTWARD = 'POSTCODE_OUTWARD',
  GENDER = 'GENDER',
}
registerEnumType(MatchReasonValue, { name: 'MatchReason', description: 'Why a record was matched' });

/** Suggested weight of a triangulation finding (DOMAIN.md section 7); the RAG decision stays human. */
export enum FlagSeverityValue {
  RED = 'RED',
  AMBER = 'AMBER',
  GREEN = 'GREEN',
}
registerEnumType(FlagSeverityValue, { name: 'FlagSeverity' });

@Directive('@shareable')
@ObjectType({ description: 'A triangulation finding an agency computed from its own records' })
export class Flag {
  @Field({ description: 'Stable machine code, e.g. DA_CHILDREN_PRESENT_12M' })
  code: string;

  @Field(() => FlagSeverityValue)
  severity: FlagSeverityValue;

  @Field({ description: 'Plain-words summary, safe to show on a triage screen' })
  summary: string;
}

export interface AgencyMatchShape<R> {
  confidence: number;
  matchedOn: MatchReasonValue[];
  record: R;
}

export interface AgencyViewShape<R> {
  status: MatchStatusValue;
  matches: AgencyMatchShape<R>[];
  flags: Flag[];
}

/** Creates `<Prefix>Match` and `<Prefix>View` object types around an agency's record type. */
export function agencyEnvelope<R extends object>(prefix: string, recordType: ClassType<R>) {
  @ObjectType(`${prefix}Match`)
  class AgencyMatch implements AgencyMatchShape<R> {
    @Field(() => Float, { description: 'Probability (0-1) that this record is the subject' })
    confidence: number;

    @Field(() => [MatchReasonValue])
    matchedOn: MatchReasonValue[];

    @Field(() => recordType)
    record: R;
  }

  @ObjectType(`${prefix}View`, { description: `What ${prefix} holds on the subject` })
  class AgencyView implements AgencyViewShape<R> {
    @Field(() => MatchStatusValue)
    status: MatchStatusValue;

    @Field(() => [AgencyMatch])
    matches: AgencyMatch[];

    @Field(() => [Flag])
    flags: Flag[];
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
