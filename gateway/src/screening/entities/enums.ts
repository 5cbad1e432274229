import { registerEnumType } from 'type-graphql';

/** DASH risk levels (Domestic Abuse, Stalking and Harassment and Honour-based violence risk checklist). */
export enum DashRisk {
  STANDARD = 'STANDARD',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}
registerEnumType(DashRisk, {
  name: 'DashRisk',
  description: "The police officer's DASH risk assessment of a domestic abuse incident",
  valuesConfig: {
    STANDARD: { description: 'Standard risk: no current evidence of serious harm. Shared for early help only with the person\'s consent; screened in this queue' },
    MEDIUM: { description: 'Medium risk: identifiable indicators of serious harm, unlikely unless circumstances change. Screened in this queue' },
    HIGH: { description: 'High risk of serious harm: goes to MARAC and to the MASH as a referral (receiveReferral), never to this queue; the intake refuses it' },
  },
});

/** Where a notification stands in the screening queue. */
export enum ScreeningStatus {
  WAITING = 'WAITING',
  SCREENED = 'SCREENED',
}
registerEnumType(ScreeningStatus, {
  name: 'DomesticAbuseScreeningStatus',
  description: 'Where a police domestic abuse notification stands in the screening queue',
  valuesConfig: {
    WAITING: { description: 'Received from the police and waiting to be screened' },
    SCREENED: { description: 'Screened: the outcome, the rationale and who screened it are recorded' },
  },
});

export enum ScreeningOutcome {
  NO_FURTHER_ACTION = 'NO_FURTHER_ACTION',
  EARLY_HELP_OFFER = 'EARLY_HELP_OFFER',
  ESCALATE_TO_CASE = 'ESCALATE_TO_CASE',
}
registerEnumType(ScreeningOutcome, {
  name: 'ScreeningOutcome',
  description: 'What the MASH decided about a domestic abuse notification',
  valuesConfig: {
    NO_FURTHER_ACTION: { description: 'No further action by the MASH (the police keep the incident on their record)' },
    EARLY_HELP_OFFER: { description: 'The family is offered early help; only with their consent recorded (a standard-risk incident is shared for early help only with consent)' },
    ESCALATE_TO_CASE: { description: 'Opened as a MASH case (referral source 6, police) with the people the notification names, for triage and agency research' },
  },
});

/** A person's part in the incident, as the police recorded it. */
export enum DomesticAbuseRole {
  VICTIM = 'VICTIM',
  ALLEGED_PERPETRATOR = 'ALLEGED_PERPETRATOR',
  CHILD = 'CHILD',
}
registerEnumType(DomesticAbuseRole, {
  name: 'DomesticAbuseRole',
  description: "A person's part in a domestic abuse incident, as the police recorded it",
  valuesConfig: {
    VICTIM: { description: 'The person the abuse was against (on escalation: a PARENT when the notification names children, else an ADULT_AT_RISK)' },
    ALLEGED_PERPETRATOR: { description: 'The person said to have carried out the abuse' },
    CHILD: { description: 'A child of the household (present at the incident when childrenPresent is true); their school is told under Operation Encompass' },
  },
});
