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

export { householdOf, representationAt as representation, subject, type Representation } from '../support/subjects';
