import type { AgencyStore } from '@mash/shared';
import type {
  AssessmentFactorCode, CategoryOfAbuseCode, ConsentCode, EnquiryTypeCode, LeadAgencyCode, LeadProfessionalRoleCode, LegalStatusCode,
  LocationOfRiskCode, PlacementTypeCode, PlanStatusCode, PrimaryNeedCode, ReasonForClosureCode, ReferralSourceCode, RiskTypeCode,
  SourceOfRiskCode,
} from '../entities/code-lists';

/** A CIN episode with the factors its assessments identified. */
export interface ReferralDetails {
  referralDate: string;
  source: ReferralSourceCode;
  primaryNeed: PrimaryNeedCode;
  closureDate: string | null;
  reasonForClosure: ReasonForClosureCode | null;
  nfa: boolean;
  assessments: { startDate: string; factors: AssessmentFactorCode[] }[];
}

export interface PlanDetails {
  startDate: string;
  endDate: string | null;
  initialCategory: CategoryOfAbuseCode;
  latestCategory: CategoryOfAbuseCode;
  numberOfPreviousCpp: number;
}

export interface LookedAfterDetails {
  startDate: string;
  endDate: string | null;
  legalStatus: LegalStatusCode;
  placementType: PlacementTypeCode;
}

export interface EarlyHelpDetails {
  startDate: string;
  endDate: string | null;
  leadAgency: LeadAgencyCode;
  leadProfessionalRole: LeadProfessionalRoleCode;
  planStatus: PlanStatusCode;
}

export interface EnquiryDetails {
  concernDate: string;
  endDate: string | null;
  enquiryType: EnquiryTypeCode;
  riskTypes: RiskTypeCode[];
  sourceOfRisk: SourceOfRiskCode;
  locationOfRisk: LocationOfRiskCode;
  mentalCapacityAssessed: boolean;
  consent: ConsentCode;
}

/** Someone else recorded at the person's UPRN: only what the think-family flags weigh. */
export interface HouseholdMember {
  id: string;
  isAdult: boolean;
  referrals: ReferralDetails[];
  childProtectionPlans: PlanDetails[];
  lookedAfterEpisodes: LookedAfterDetails[];
}

/** A matched person with every episode, and their household, as one JSON document. */
export interface PersonDetails extends HouseholdMember {
  upn: string | null;
  nhsNumber: string | null;
  dateOfBirth: string | null;
  expectedDateOfBirth: string | null;
  earlyHelpEpisodes: EarlyHelpDetails[];
  section42Enquiries: EnquiryDetails[];
  household: HouseholdMember[];
}

const list = (select: string) => `COALESCE((${select}), '[]'::json)`;

/** The episodes the household flags read, for the person aliased `p`. */
const householdEpisodes = (p: string) => `
  'id', ${p}.person_id, 'isAdult', ${p}.is_adult,
  'referrals', ${list(`SELECT json_agg(json_build_object('referralDate', r.referral_date, 'source', r.source, 'primaryNeed', r.primary_need,
      'closureDate', r.closure_date, 'reasonForClosure', r.reason_for_closure, 'nfa', r.nfa,
      'assessments', ${list(`SELECT json_agg(json_build_object('startDate', a.start_date, 'factors', a.factors) ORDER BY a.start_date)
        FROM sc_assessment a WHERE a.referral_id = r.id`)}) ORDER BY r.referral_date)
    FROM sc_referral r WHERE r.person_id = ${p}.person_id`)},
  'childProtectionPlans', ${list(`SELECT json_agg(json_build_object('startDate', c.start_date, 'endDate', c.end_date,
      'initialCategory', c.initial_category, 'latestCategory', c.latest_category, 'numberOfPreviousCpp', c.number_of_previous_cpp)
      ORDER BY c.start_date)
    FROM sc_child_protection_plan c WHERE c.person_id = ${p}.person_id`)},
  'lookedAfterEpisodes', ${list(`SELECT json_agg(json_build_object('startDate', l.start_date, 'endDate', l.end_date,
      'legalStatus', l.legal_status, 'placementType', l.placement_type) ORDER BY l.start_date)
    FROM sc_looked_after_episode l WHERE l.person_id = ${p}.person_id`)}`;

/**
 * One round trip for the matched people: each episode table aggregated into JSON per person, and
 * the others at the same UPRN (think family) with theirs, found on the UPRN index.
 */
const DETAILS_SQL = `
SELECT json_build_object(${householdEpisodes('p')},
  'upn', p.upn, 'nhsNumber', p.nhs_number, 'dateOfBirth', p.date_of_birth, 'expectedDateOfBirth', p.expected_date_of_birth,
  'earlyHelpEpisodes', ${list(`SELECT json_agg(json_build_object('startDate', e.start_date, 'endDate', e.end_date, 'leadAgency', e.lead_agency,
      'leadProfessionalRole', e.lead_professional_role, 'planStatus', e.plan_status) ORDER BY e.start_date)
    FROM sc_early_help_episode e WHERE e.person_id = p.person_id`)},
  'section42Enquiries', ${list(`SELECT json_agg(json_build_object('concernDate', s.concern_date, 'endDate', s.end_date,
      'enquiryType', s.enquiry_type, 'riskTypes', s.risk_types, 'sourceOfRisk', s.source_of_risk, 'locationOfRisk', s.location_of_risk,
      'mentalCapacityAssessed', s.mental_capacity_assessed, 'consent', s.consent) ORDER BY s.concern_date)
    FROM sc_section42_enquiry s WHERE s.person_id = p.person_id`)},
  'household', ${list(`SELECT json_agg(json_build_object(${householdEpisodes('h')}))
    FROM sc_person h WHERE h.uprn = p.uprn AND h.person_id <> p.person_id`)}
) AS details
FROM sc_person p
WHERE p.person_id = ANY($1::text[])`;

export async function loadPeople(store: AgencyStore, ids: readonly string[]): Promise<Map<string, PersonDetails>> {
  if (ids.length === 0) return new Map();
  const rows = await store.query<{ details: PersonDetails }>(DETAILS_SQL, [ids]);
  return new Map(rows.map(({ details }) => [details.id, details]));
}
