import type { AgencySeed } from '@mash/shared';
import {
  Assessment, ChildProtectionPlan, EarlyHelpEpisode, LookedAfterEpisode, Person, PersonRelationship, Referral, Section42Enquiry,
} from '../entities';
import { buildSeedRows } from './household';

/** The demo seed: every social-care row for the population, people before their episodes. */
export const socialCareSeed: AgencySeed = {
  marker: Person,
  rows(population) {
    const rows = buildSeedRows(population);
    return [
      { entity: Person, rows: rows.people },
      { entity: PersonRelationship, rows: rows.relationships },
      { entity: Referral, rows: rows.referrals },
      { entity: Assessment, rows: rows.assessments },
      { entity: ChildProtectionPlan, rows: rows.childProtectionPlans },
      { entity: LookedAfterEpisode, rows: rows.lookedAfterEpisodes },
      { entity: EarlyHelpEpisode, rows: rows.earlyHelpEpisodes },
      { entity: Section42Enquiry, rows: rows.section42Enquiries },
    ];
  },
};

export { buildSeedRows } from './household';
