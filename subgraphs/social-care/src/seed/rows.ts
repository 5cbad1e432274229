import type {
  Assessment, ChildProtectionPlan, EarlyHelpEpisode, LookedAfterEpisode, Person, PersonRelationship, Referral, Section42Enquiry,
} from '../entities';

/** Column values only, as inserted: no relations. */
export type PersonRow = Omit<Person, 'referrals' | 'childProtectionPlans' | 'lookedAfterEpisodes' | 'earlyHelpEpisodes' | 'section42Enquiries'>;
export type ReferralRow = Omit<Referral, 'person' | 'assessments'>;
export type AssessmentRow = Omit<Assessment, 'referral'>;
export type ChildProtectionPlanRow = Omit<ChildProtectionPlan, 'person'>;
export type LookedAfterEpisodeRow = Omit<LookedAfterEpisode, 'person'>;
export type EarlyHelpEpisodeRow = Omit<EarlyHelpEpisode, 'person'>;
export type Section42EnquiryRow = Omit<Section42Enquiry, 'person'>;
export type PersonRelationshipRow = Omit<PersonRelationship, 'person' | 'related'>;

export interface SeedRows {
  people: PersonRow[];
  referrals: ReferralRow[];
  assessments: AssessmentRow[];
  childProtectionPlans: ChildProtectionPlanRow[];
  lookedAfterEpisodes: LookedAfterEpisodeRow[];
  earlyHelpEpisodes: EarlyHelpEpisodeRow[];
  section42Enquiries: Section42EnquiryRow[];
  relationships: PersonRelationshipRow[];
}

export function emptyRows(): SeedRows {
  return {
    people: [], referrals: [], assessments: [], childProtectionPlans: [], lookedAfterEpisodes: [],
    earlyHelpEpisodes: [], section42Enquiries: [], relationships: [],
  };
}
