import { DisclosureLog } from '@mash/shared';
import { DataSource } from 'typeorm';
import { Assessment } from './entities/assessment.entity';
import { ChildProtectionPlan } from './entities/child-protection-plan.entity';
import { EarlyHelpEpisode } from './entities/early-help-episode.entity';
import { LookedAfterEpisode } from './entities/looked-after-episode.entity';
import { Person } from './entities/person.entity';
import { Referral } from './entities/referral.entity';
import { Section42Enquiry } from './entities/section42-enquiry.entity';
import { InitialSocialCare1795687661625 } from './migrations/1795687661625-InitialSocialCare';
import { BlockingKeys1795800000000 } from './migrations/1795800000000-BlockingKeys';

export const entities = [
  Person, Referral, Assessment, ChildProtectionPlan, LookedAfterEpisode, EarlyHelpEpisode, Section42Enquiry, DisclosureLog,
];

export const migrations = [InitialSocialCare1795687661625, BlockingKeys1795800000000];

/** For the typeorm CLI only (`typeorm migration:run -d dist/data-source.js`); the service opens its own. */
export default new DataSource({
  type: 'postgres',
  url: process.env.SOCIAL_CARE_DATABASE_URL,
  entities,
  migrations,
  migrationsTransactionMode: 'each',
  synchronize: false,
});
