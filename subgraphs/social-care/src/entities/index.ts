export * from './code-lists';
export { Person } from './person.entity';
export { Referral } from './referral.entity';
export { Assessment } from './assessment.entity';
export { ChildProtectionPlan } from './child-protection-plan.entity';
export { LookedAfterEpisode } from './looked-after-episode.entity';
export { EarlyHelpEpisode } from './early-help-episode.entity';
export { Section42Enquiry } from './section42-enquiry.entity';
export { PersonRelationship } from './person-relationship.entity';
