/** The federation query the gateway's planner sends health for a batch of subjects. */
export const HEALTH_ENTITIES = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Subject {
        health {
          status
          matches {
            confidence
            matchedOn
            record {
              id nhsNumber nhsNumberVerification givenName familyName dateOfBirth gender restricted
              addressLine postcode uprn gpRegistrationStatus
              registeredPractice { odsCode name }
              cpis { planType startDate responsibleLocalAuthority }
              activeSafeguardingCodes { snomedConceptId term }
              unscheduledCare { attendancesLast12Months anyInjury }
              wasNotBroughtLast12Months openMentalHealthServices openToSubstanceMisuseService
              maternity { lateBooking gestationAtBookingWeeks }
            }
          }
          flags { code severity summary }
        }
      }
    }
  }
`;

export { householdOf, representationAt as representation, subject, type Representation } from '../support/subjects';
