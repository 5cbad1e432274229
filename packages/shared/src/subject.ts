import { Directive, Field, ID, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import type { Gender, PersonFacts } from './matching/types';

export enum GenderValue {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
  OTHER = 'OTHER',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(GenderValue, {
  name: 'Gender',
  description: "A person's sex or gender as recorded (the NHS demographic values); one of the details agencies match on",
  valuesConfig: {
    MALE: { description: 'Male.' },
    FEMALE: { description: 'Female.' },
    OTHER: { description: 'Recorded as neither male nor female (social care: indeterminate).' },
    UNKNOWN: { description: 'Not known or not recorded (social care: also an unborn child).' },
  },
});

/**
 * The fields an agency `@requires` from the hub's `Subject` to match it: demographics and
 * identifiers only, never the hub's case data, so an agency learns no more than it needs.
 */
export const SUBJECT_REQUIRED_FIELDS = 'givenName familyName dateOfBirth gender postcode nhsNumber upn pncId';

/** A `Subject` representation as the gateway's planner sends it to an agency: the key and every field the agency requires. */
export interface SubjectRepresentation {
  __typename: 'Subject';
  id: string;
  givenName: string | null;
  familyName: string;
  dateOfBirth: string | null;
  gender: string | null;
  postcode: string | null;
  nhsNumber: string | null;
  upn: string | null;
  pncId: string | null;
}

/** An agency's view of the hub-owned `Subject`: the key plus the external fields it requires. */
export class SubjectReference {
  id: string;
  givenName?: string | null;
  familyName: string;
  dateOfBirth?: string | null;
  gender?: GenderValue | null;
  postcode?: string | null;
  nhsNumber?: string | null;
  upn?: string | null;
  pncId?: string | null;
}

/**
 * A fresh GraphQL `Subject` stub class for one agency's schema. type-graphql attaches a field
 * resolver's field to its class for every schema built in the process, so agencies sharing one
 * class (in one test process, or the compose script) would each print the others' fields.
 */
export function createSubjectType(): ClassType<SubjectReference> {
  @Directive('@key(fields: "id")')
  @ObjectType('Subject')
  class AgencySubject implements SubjectReference {
    @Field(() => ID)
    id: string;

    @Directive('@external')
    @Field(() => String, { nullable: true })
    givenName?: string | null;

    @Directive('@external')
    @Field(() => String)
    familyName: string;

    @Directive('@external')
    @Field(() => String, { nullable: true, description: 'ISO date, YYYY-MM-DD' })
    dateOfBirth?: string | null;

    @Directive('@external')
    @Field(() => GenderValue, { nullable: true })
    gender?: GenderValue | null;

    @Directive('@external')
    @Field(() => String, { nullable: true })
    postcode?: string | null;

    @Directive('@external')
    @Field(() => String, { nullable: true })
    nhsNumber?: string | null;

    @Directive('@external')
    @Field(() => String, { nullable: true })
    upn?: string | null;

    @Directive('@external')
    @Field(() => String, { nullable: true })
    pncId?: string | null;
  }
  return AgencySubject;
}

export function subjectFacts(subject: SubjectReference): PersonFacts {
  return {
    givenName: subject.givenName ?? null,
    familyName: subject.familyName,
    dateOfBirth: subject.dateOfBirth ?? null,
    gender: (subject.gender ?? null) as Gender | null,
    postcode: subject.postcode ?? null,
    nhsNumber: subject.nhsNumber ?? null,
    upn: subject.upn ?? null,
    pncId: subject.pncId ?? null,
  };
}
