import { registerEnumType } from 'type-graphql';

export enum Rag {
  RED = 'RED',
  AMBER = 'AMBER',
  GREEN = 'GREEN',
}
registerEnumType(Rag, { name: 'Rag', description: 'MASH rating: RED immediate risk, AMBER possible significant harm, GREEN advice and signposting' });

export enum CaseStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(CaseStatus, { name: 'CaseStatus' });

export enum Pathway {
  CHILDREN = 'CHILDREN',
  ADULTS = 'ADULTS',
}
registerEnumType(Pathway, { name: 'Pathway', description: 'The hub is all-age: children and adults pathways' });

export enum HouseholdRole {
  CHILD = 'CHILD',
  SIBLING = 'SIBLING',
  PARENT = 'PARENT',
  CARER = 'CARER',
  PARTNER = 'PARTNER',
  ADULT_AT_RISK = 'ADULT_AT_RISK',
  ALLEGED_PERPETRATOR = 'ALLEGED_PERPETRATOR',
  OTHER_ADULT = 'OTHER_ADULT',
}
registerEnumType(HouseholdRole, { name: 'HouseholdRole' });

export enum ConsentStatus {
  NOT_SOUGHT = 'NOT_SOUGHT',
  GIVEN = 'GIVEN',
  REFUSED = 'REFUSED',
  /** DPA 2018 Sch 1 para 18: sharing without consent where seeking it would place someone at risk. */
  OVERRIDDEN = 'OVERRIDDEN',
}
registerEnumType(ConsentStatus, { name: 'ConsentStatus' });

export enum DecisionOutcome {
  STRATEGY_DISCUSSION = 'STRATEGY_DISCUSSION',
  ASSESSMENT = 'ASSESSMENT',
  EARLY_HELP = 'EARLY_HELP',
  SIGNPOST = 'SIGNPOST',
  NO_FURTHER_ACTION = 'NO_FURTHER_ACTION',
}
registerEnumType(DecisionOutcome, { name: 'DecisionOutcome' });

export const RAG_VALUES = Object.values(Rag);
