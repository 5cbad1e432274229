import { graphql } from '../../gql';

/**
 * The whole case view in one request: the hub's record, each subject with every agency's answer
 * (asked under the sharing agreement, so a field may come back null with its error at its path),
 * and the case picture and risk matrix built from those same answers.
 */
export const CASE_VIEW = graphql(`
  query CaseView($id: ID!) {
    case(id: $id) {
      id reference receivedAt pathway kind informationRequester
      referrerName referrerOrganisation referralSource referrerContact concern
      rag ratingConfirmation status stage dueBy overdue closedAt assigneeId
      consentStatus consentEarlyHelpSharing consentNote
      decision decisionRationale decidedAt decidedBy strategyDiscussionAt strategyDiscussionAttendees
      feedbackToReferrer feedbackSentAt feedbackMethod feedbackBy feedbackWithheldReason
      ratingReview { id kind status ratedBy recordedBy }
      ragHistory { id rag rationale ratedBy ratedAt dueBy }
      consentHistory { id status earlyHelpSharing note givenBy method givenAt recordedBy recordedAt }
      subjects {
        id givenName familyName dateOfBirth gender householdRole addressLine postcode nhsNumber upn pncId
        matchDecisions { id agency recordId decision rationale decidedBy decidedAt }
        police {
          status ambiguity
          flags { code severity summary date }
          matches {
            confidence matchedOn
            candidate { recordId givenName familyName dateOfBirth postcode }
            record {
              nominalId pncId
              aliases { givenName familyName dateOfBirth }
              warningMarkers { type source since }
              domesticAbuseLast12Months { reference reportedOn role childrenPresent dashRiskLevel maracReferral }
              missing { episodesLast90Days episodesLast12Months highestRiskLast12Months lastReportedOn }
              exploitationFlags { type status nrmReferral flaggedOn }
            }
          }
        }
        socialCare {
          status ambiguity
          flags { code severity summary date }
          matches {
            confidence matchedOn
            candidate { recordId givenName familyName dateOfBirth postcode }
            record {
              personId isAdult currentStatuses previousChildProtectionPlans
              currentChildProtectionPlan { startDate latestCategory }
              currentLookedAfterEpisode { startDate legalStatus placementType }
              openReferral { referralDate source primaryNeed }
              openEarlyHelp { startDate leadAgency leadProfessionalRole planStatus }
              assessmentFactors { code description assessedOn }
              openSection42Enquiries { concernDate enquiryType riskTypes }
            }
          }
        }
        health {
          status ambiguity
          flags { code severity summary date }
          matches {
            confidence matchedOn
            candidate { recordId givenName familyName dateOfBirth postcode }
            record {
              nhsNumber nhsNumberVerification restricted gpRegistrationStatus
              registeredPractice { name odsCode }
              cpis { planType startDate responsibleLocalAuthority }
              unscheduledCare { attendancesLast12Months anyInjury anySafeguardingConcern lastAttendedOn }
              wasNotBroughtLast12Months openMentalHealthServices openToSubstanceMisuseService
            }
          }
        }
        education {
          status ambiguity
          flags { code severity summary date }
          matches {
            confidence matchedOn
            candidate { recordId givenName familyName dateOfBirth postcode }
            record {
              upn onRoll partTime senProvision freeSchoolMeals
              currentSchool { name phase dslContact { role phone } }
              attendanceThisYear { academicYear attendancePercent persistentAbsence severeAbsence }
              exclusionsLast12Months { startDate category sessions }
              childMissingEducation { reportedDate reason status }
              electiveHomeEducation { current notifiedDate suitabilityOutcome }
            }
          }
        }
        associates { agency recordId relationship role givenName familyName dateOfBirth }
      }
      picture {
        flags { subjectId agency code severity summary date }
        findings { code status severity summary subjectIds agencies }
      }
      riskMatrix {
        policyVersion
        rows { area label level facts { agency subjectId code level summary } notAssessed { agency subjectId state } }
      }
    }
  }
`);

export const CASE_VIEW_RATE = graphql(`
  mutation CaseViewRate($input: RateCaseInput!) { rateCase(input: $input) { id rag ratingConfirmation } }
`);

export const CASE_VIEW_CONFIRM_RATING = graphql(`
  mutation CaseViewConfirmRating($caseId: ID!, $rationale: String!) { confirmRating(caseId: $caseId, rationale: $rationale) { id ratingConfirmation } }
`);

export const CASE_VIEW_CONSENT = graphql(`
  mutation CaseViewConsent($input: ConsentInput!) { recordConsent(input: $input) { id consentStatus } }
`);

export const CASE_VIEW_DECISION = graphql(`
  mutation CaseViewDecision($input: DecisionInput!) { recordDecision(input: $input) { id decision status } }
`);

export const CASE_VIEW_FEEDBACK = graphql(`
  mutation CaseViewFeedback($input: FeedbackInput!) { recordFeedback(input: $input) { id stage } }
`);

export const CASE_VIEW_CONFIRM_MATCH = graphql(`
  mutation CaseViewConfirmMatch($input: MatchDecisionInput!) { confirmMatch(input: $input) { id decision recordId } }
`);

export const CASE_VIEW_REJECT_MATCH = graphql(`
  mutation CaseViewRejectMatch($input: MatchDecisionInput!) { rejectMatch(input: $input) { id decision recordId } }
`);

export const CASE_VIEW_ADD_SUBJECT = graphql(`
  mutation CaseViewAddSubject($caseId: ID!, $input: SubjectInput!, $foundAs: AssociateSourceInput) {
    addSubject(caseId: $caseId, input: $input, foundAs: $foundAs) { id householdRole }
  }
`);

export const CASE_VIEW_ASSIGN = graphql(`
  mutation CaseViewAssign($caseId: ID!, $assigneeId: String, $rationale: String) { assignCase(caseId: $caseId, assigneeId: $assigneeId, rationale: $rationale) { id assigneeId } }
`);

export const CASE_VIEW_OVERTURN = graphql(`
  mutation CaseViewOverturn($caseId: ID!, $rationale: String!) { overturnRating(caseId: $caseId, rationale: $rationale) { id rag ratingConfirmation } }
`);

export const CASE_VIEW_CLOSE = graphql(`
  mutation CaseViewClose($input: CloseCaseInput!) { closeCase(input: $input) { id status closedAt } }
`);
