import { DEFAULT_RISK_MATRIX } from '../picture/risk-matrix';
import type { AlertRule, ObligationRule, PolicyDocument, PolicyRule } from './policy-document';

// DPA 2018 Part 3 governs police processing for law-enforcement purposes; Sch 8 para 4 is the
// condition for sensitive processing to safeguard children and individuals at risk.
const POLICE_BASIS = 'DPA 2018 Part 3, Sch 8 para 4';
// Everyone else: a public task (Art 6(1)(e)) with the substantial-public-interest condition for
// special category data (Art 9(2)(g)), met by the safeguarding condition in DPA 2018 Sch 1 para 18.
const PUBLIC_TASK_BASIS = 'UK GDPR Art 6(1)(e), Art 9(2)(g); DPA 2018 Sch 1 para 18';

const triageRoles = (): PolicyRule['roles'] => ['mash-triage', 'mash-manager'];

// Standard-risk DA incidents are shared only with the person's consent for a clear early-help
// reason (the hub's 2016 report); medium and high risk go through regardless (Sch 8 para 4).
// Every agency, not police alone: police DA information also reaches schools as Operation
// Encompass notifications, and any agency may hold an item derived from an incident. An agency
// holding no such item applies the obligation to nothing (DOMAIN.md, "Domestic abuse").
const domesticAbuseWithoutConsent = (): ObligationRule[] => [
  { obligation: 'OMIT_STANDARD_RISK_DOMESTIC_ABUSE', agencies: ['*'], unlessCase: 'consentEarlyHelpSharing' },
];

/**
 * The ISA the hub starts with (ARCHITECTURE.md "The ISA policy"). Rules are tried in order.
 * Version .2 attaches the domestic-abuse obligation to every agency (.1 sent it to police only);
 * .3 adds the integrated risk matrix's rules (issue 10), so governance sees and versions them;
 * .4 the hub's clock (issue 11): timescales with their clock, the working calendar, the re-referral window;
 * .5 governance (issue 12): field sensitivities per rating (police intelligence for RED only) and the alert rules.
 * It is installed on an empty hub only; a hub already running .1 keeps it until a governance lead
 * proposes and activates .2 (policy changes are governance acts, never made by an upgrade).
 */
export const DEFAULT_POLICY: PolicyDocument = {
  version: '2026-11-01.5',
  title: 'MASH information-sharing agreement: agency research for triage',
  effectiveFrom: '2026-11-01',
  lawfulBases: {
    police: POLICE_BASIS,
    'social-care': PUBLIC_TASK_BASIS,
    health: PUBLIC_TASK_BASIS,
    education: PUBLIC_TASK_BASIS,
  },
  timescalesHours: { RED: 2, AMBER: 24, GREEN: 72 },
  // The hub's own targets (its 2016 report): RED within 2 hours around the clock (DOMAIN.md 5.2: red
  // cases run to completion out of hours), AMBER within 24 hours. GREEN in three working days and
  // information requests in five [TYPICAL, local choices]; a referral not yet rated within 24 hours.
  timescales: {
    RED: { hours: 2, clock: 'ELAPSED' },
    AMBER: { hours: 24, clock: 'ELAPSED' },
    GREEN: { hours: 24, clock: 'WORKING' },
    UNRATED: { hours: 24, clock: 'ELAPSED' },
    INFORMATION_REQUEST: { hours: 40, clock: 'WORKING' },
  },
  workingCalendar: {
    timeZone: 'Europe/London',
    workingDays: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'],
    dayStarts: '09:00',
    dayEnds: '17:00',
    bankHolidays: 'england-and-wales',
    closedDays: [],
  },
  reReferralWindowDays: 28,
  closedCaseWindowHours: 72,
  purposes: ['MASH_TRIAGE'],
  rules: [
    {
      // First, so holding one of these roles alongside a triage role still denies: those who
      // review access must not be the ones exercising it.
      id: 'governance-and-admin-no-content',
      description:
        'Your role {roles} may not see agency content: governance leads and agency administrators review access and disclosures, not the records themselves',
      effect: 'DENY',
      agencies: ['*'],
      roles: ['governance', 'agency-admin'],
      rag: ['*'],
      caseStatus: ['*'],
      purposes: ['*'],
    },
    {
      id: 'unrated-no-agency-data',
      description: 'This case has no RAG rating yet; agency data is shared only once it is rated RED or AMBER, so rate the case first',
      effect: 'DENY',
      agencies: ['*'],
      roles: ['*'],
      rag: ['UNRATED'],
      caseStatus: ['*'],
      purposes: ['*'],
    },
    {
      // 56% of referrals are GREEN: advice and signposting need the hub's own record only.
      id: 'green-no-agency-data',
      description: 'Agency data is shared only for cases rated RED or AMBER; this case is rated {rag}',
      effect: 'DENY',
      agencies: ['*'],
      roles: ['*'],
      rag: ['GREEN'],
      caseStatus: ['*'],
      purposes: ['*'],
    },
    {
      id: 'triage-open-red-amber',
      description: 'Triage roles may see {agency} data for an open case rated RED or AMBER, for {purpose}',
      effect: 'ALLOW',
      agencies: ['*'],
      roles: triageRoles(),
      rag: ['RED', 'AMBER'],
      caseStatus: ['OPEN'],
      purposes: ['MASH_TRIAGE'],
      obligations: domesticAbuseWithoutConsent(),
    },
    {
      // Seven golden rules: record every decision with its reasons; the officer may need the
      // research again to write up a decision made just before closure.
      id: 'triage-closed-within-window',
      description: 'Triage roles may see {agency} data for {windowHours} hours after a RED or AMBER case closes, to record the decision',
      effect: 'ALLOW',
      agencies: ['*'],
      roles: triageRoles(),
      rag: ['RED', 'AMBER'],
      caseStatus: ['CLOSED'],
      purposes: ['MASH_TRIAGE'],
      condition: { closedWithinWindow: true },
      obligations: domesticAbuseWithoutConsent(),
    },
    {
      id: 'closed-case-no-agency-data',
      description: 'This case closed more than {windowHours} hours ago; agency data is shared only while a case is open or within {windowHours} hours of closing',
      effect: 'DENY',
      agencies: ['*'],
      roles: ['*'],
      rag: ['*'],
      caseStatus: ['CLOSED'],
      purposes: ['*'],
    },
    {
      id: 'role-not-triage',
      description: 'Your role {roles} may not see agency content; only mash-triage and mash-manager may, for triage',
      effect: 'DENY',
      agencies: ['*'],
      roles: ['*'],
      rag: ['*'],
      caseStatus: ['*'],
      purposes: ['*'],
    },
  ],
  // One triage officer alone must not open anyone's records (issue 9): a manager's rating, or a
  // second person's confirmation; RED shares at once for urgency but a manager must review it.
  ratingControl: {
    opensSharing: ['RED', 'AMBER'],
    confirmedWhenRatedBy: ['mash-manager'],
    selfConfirmOwnReferral: true,
    secondPersonRoles: ['mash-triage', 'mash-manager'],
    urgent: ['RED'],
    reviewerRoles: ['mash-manager'],
  },
  // UK GDPR Art 5(1)(c): governance reviews who accessed what, which needs references, not names.
  caseRegister: {
    namedRoles: ['mash-triage', 'mash-manager'],
    namedReviews: [],
  },
  riskMatrix: DEFAULT_RISK_MATRIX,
  // DOMAIN.md 6.4: research for RED and AMBER sees summaries; police intelligence (warning markers,
  // exploitation concerns) is OFFICIAL-SENSITIVE and only needed when a child may be at immediate
  // risk. Restricted items are never released by any entry (DOMAIN.md 6.2).
  classificationAccess: [
    {
      id: 'triage-red-research',
      description: 'For a RED case, triage roles see every field but restricted items, police intelligence included',
      roles: triageRoles(),
      rag: ['RED'],
      purposes: ['MASH_TRIAGE'],
      agencies: ['*'],
      levels: ['BASIC_IDENTITY', 'SAFEGUARDING_STATUS', 'HEALTH_SPECIAL', 'CRIMINAL_OFFENCE', 'POLICE_INTELLIGENCE'],
    },
    {
      id: 'triage-amber-research',
      description: 'For an AMBER case, triage roles see identity, safeguarding status, health and offence summaries, not police intelligence',
      roles: triageRoles(),
      rag: ['AMBER'],
      purposes: ['MASH_TRIAGE'],
      agencies: ['*'],
      levels: ['BASIC_IDENTITY', 'SAFEGUARDING_STATUS', 'HEALTH_SPECIAL', 'CRIMINAL_OFFENCE'],
    },
  ],
  alerts: { rules: defaultAlertRules() },
};

/** The alert rules a hub starts with (issue 12); thresholds are the board's to change. */
export function defaultAlertRules(): AlertRule[] {
  return [
    {
      id: 'rating-raised-then-fetched',
      kind: 'RATING_RAISED_THEN_FETCHED',
      description: 'A user raised a case to a rating that opens sharing and then fetched agency data for it themselves soon after',
      enabled: true,
      severity: 'MEDIUM',
      windowMinutes: 60,
    },
    {
      id: 'urgent-red-unreviewed',
      kind: 'URGENT_RATING_UNREVIEWED',
      description: 'An urgent RED rating opened a case to agency data and no manager has confirmed or overturned it in time',
      enabled: true,
      severity: 'HIGH',
      afterHours: 2,
    },
    {
      id: 'consent-recorded-and-used',
      kind: 'CONSENT_RECORDED_AND_USED',
      description: 'A user recorded consent on a case and fetched the agency data that consent releases within minutes',
      enabled: true,
      severity: 'MEDIUM',
      windowMinutes: 15,
    },
    {
      id: 'unusual-volume',
      kind: 'UNUSUAL_VOLUME',
      description: "A user fetched far more agency data in a day than their own usual volume",
      enabled: true,
      severity: 'MEDIUM',
      baselineDays: 28,
      factor: 3,
      minimum: 30,
    },
    {
      id: 'repeated-denials',
      kind: 'REPEATED_DENIALS',
      description: 'A user was refused agency data again and again in a short time',
      enabled: true,
      severity: 'MEDIUM',
      count: 5,
      windowMinutes: 60,
    },
    {
      id: 'out-of-hours',
      kind: 'OUT_OF_HOURS',
      description: "Agency data fetched outside the hub's working hours for a case that is not RED (RED cases are worked around the clock)",
      enabled: true,
      severity: 'LOW',
      exceptRag: ['RED'],
    },
    {
      id: 'unissued-grant',
      kind: 'UNISSUED_GRANT',
      description: 'An agency recorded a disclosure under a grant the hub never issued',
      enabled: true,
      severity: 'HIGH',
    },
  ];
}
