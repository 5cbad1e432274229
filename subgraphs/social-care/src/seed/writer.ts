import { addDays, type Rng } from '@mash/shared';
import type { AssessmentFactorCode, PrimaryNeedCode, ReasonForClosureCode, ReferralSourceCode } from '../entities/code-lists';
import { uuidFrom } from './ids';
import type {
  ChildProtectionPlanRow, EarlyHelpEpisodeRow, LookedAfterEpisodeRow, SeedRows, Section42EnquiryRow,
} from './rows';

type WithoutIds<T> = Omit<T, 'id' | 'personId'>;

export interface ReferralFields {
  referralDate: string;
  source: ReferralSourceCode;
  primaryNeed: PrimaryNeedCode;
  closureDate?: string | null;
  reasonForClosure?: ReasonForClosureCode | null;
  nfa?: boolean;
  dateOfInitialCpc?: string | null;
}

/** Appends one person's records to the seed rows, with ids drawn from that person's own stream. */
export class EpisodeWriter {
  constructor(
    private readonly rows: SeedRows,
    readonly rng: Rng,
    readonly personId: string,
    readonly referenceDate: string,
  ) {}

  daysAgo(days: number): string {
    return addDays(this.referenceDate, -days);
  }

  referral(fields: ReferralFields): string {
    const id = uuidFrom(this.rng);
    this.rows.referrals.push({
      id,
      personId: this.personId,
      referralDate: fields.referralDate,
      source: fields.source,
      primaryNeed: fields.primaryNeed,
      closureDate: fields.closureDate ?? null,
      reasonForClosure: fields.reasonForClosure ?? null,
      nfa: fields.nfa ?? false,
      dateOfInitialCpc: fields.dateOfInitialCpc ?? null,
    });
    return id;
  }

  /** An assessment is authorised only once that date has passed; otherwise it is still in progress. */
  assessment(referralId: string, startDate: string, authorisedDate: string | null, factors: AssessmentFactorCode[]): void {
    this.rows.assessments.push({
      id: uuidFrom(this.rng),
      referralId,
      startDate,
      authorisedDate: authorisedDate !== null && authorisedDate <= this.referenceDate ? authorisedDate : null,
      factors: factors.length > 0 ? [...new Set(factors)] : ['21'],
    });
  }

  childProtectionPlan(fields: WithoutIds<ChildProtectionPlanRow>): void {
    this.rows.childProtectionPlans.push({ id: uuidFrom(this.rng), personId: this.personId, ...fields });
  }

  lookedAfterEpisode(fields: WithoutIds<LookedAfterEpisodeRow>): void {
    this.rows.lookedAfterEpisodes.push({ id: uuidFrom(this.rng), personId: this.personId, ...fields });
  }

  earlyHelpEpisode(fields: WithoutIds<EarlyHelpEpisodeRow>): void {
    this.rows.earlyHelpEpisodes.push({ id: uuidFrom(this.rng), personId: this.personId, ...fields });
  }

  section42Enquiry(fields: WithoutIds<Section42EnquiryRow>): void {
    this.rows.section42Enquiries.push({ id: uuidFrom(this.rng), personId: this.personId, ...fields });
  }
}
