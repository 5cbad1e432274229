import type { Household, Population, SyntheticPerson } from '@mash/shared';

/** The federation query the gateway's planner sends education for a batch of subjects. */
export const EDUCATION_ENTITIES = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Subject {
        education {
          status
          matches {
            confidence
            matchedOn
            record {
              id upn upnTemporary onRoll partTime senProvision
              currentSchool { urn name phase dslContact { role phone } }
              attendanceThisYear { academicYear sessionsPossible attendancePercent persistentAbsence severeAbsence }
              exclusionsLast12Months { startDate category sessions reasons }
              electiveHomeEducation { current notifiedDate previousSchoolUrn laVisitDate suitabilityOutcome }
              childMissingEducation { reportedDate reason status closedDate }
              operationEncompass { notificationsLast12Months latestReceivedOn }
            }
          }
          flags { code severity summary }
        }
      }
    }
  }
`;

export interface Representation {
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

/**
 * A subject as a referral names them: true demographics and the household's current postcode,
 * with identifiers only when `identifiers` is set (referrals often carry none).
 */
export function representation(person: SyntheticPerson, household: Household, identifiers = false): Representation {
  return {
    __typename: 'Subject',
    id: `S-${person.key}-${identifiers ? 'ids' : 'demo'}`,
    givenName: person.givenName,
    familyName: person.familyName,
    dateOfBirth: person.dateOfBirth,
    gender: person.gender,
    postcode: household.postcode,
    nhsNumber: identifiers ? person.nhsNumber : null,
    upn: identifiers ? person.upn : null,
    pncId: identifiers ? person.pncId : null,
  };
}

export function householdOf(population: Population, person: SyntheticPerson): Household {
  return population.households.find((household) => household.key === person.householdKey)!;
}

export function subject(fields: Partial<Representation> & { id: string; familyName: string }): Representation {
  return {
    __typename: 'Subject', givenName: null, dateOfBirth: null, gender: null, postcode: null, nhsNumber: null, upn: null, pncId: null,
    ...fields,
  };
}
