/**
 * Police code lists (DOMAIN.md 1.1-1.3). The initial migration repeats them as CHECK constraints,
 * literally, so a later change here needs a migration of its own.
 */

/** Descriptive PNC-style warning markers; exact PNC codes are force data (DOMAIN.md 1.1 [UNVERIFIED]). */
export enum WarningMarkerType {
  VIOLENT = 'VIOLENT',
  WEAPONS = 'WEAPONS',
  FIREARMS = 'FIREARMS',
  MENTAL_HEALTH = 'MENTAL_HEALTH',
  SELF_HARM = 'SELF_HARM',
  SUICIDAL = 'SUICIDAL',
  DRUGS = 'DRUGS',
  ESCAPER = 'ESCAPER',
  CONTAGIOUS = 'CONTAGIOUS',
  ALLEGES = 'ALLEGES',
  IMPERSONATION = 'IMPERSONATION',
}

export enum MarkerSource {
  PNC = 'PNC',
  LOCAL = 'LOCAL',
}

export enum OccurrenceClassification {
  DOMESTIC_ABUSE = 'DOMESTIC_ABUSE',
  CONCERN_FOR_SAFETY = 'CONCERN_FOR_SAFETY',
  MISSING_PERSON = 'MISSING_PERSON',
  ANTI_SOCIAL_BEHAVIOUR = 'ANTI_SOCIAL_BEHAVIOUR',
  VIOLENCE = 'VIOLENCE',
  THEFT = 'THEFT',
  CRIMINAL_DAMAGE = 'CRIMINAL_DAMAGE',
  DRUGS = 'DRUGS',
  PUBLIC_ORDER = 'PUBLIC_ORDER',
  OTHER = 'OTHER',
  /** Any occurrence police flagged as hate-motivated (victim's or anyone's perception; migration ThinkFamily). */
  HATE_CRIME = 'HATE_CRIME',
  /** So-called honour-based abuse (migration ThinkFamily). */
  HONOUR_BASED_ABUSE = 'HONOUR_BASED_ABUSE',
  /** Forced marriage, or a threat of one (Forced Marriage Unit; migration ThinkFamily). */
  FORCED_MARRIAGE = 'FORCED_MARRIAGE',
  /** Female genital mutilation, done or feared (FGM Act 2003; migration ThinkFamily). */
  FGM = 'FGM',
}

/** Occurrences that raise HONOUR_BASED_ABUSE whoever is named in them. */
export const HONOUR_BASED_CLASSIFICATIONS: readonly OccurrenceClassification[] = [
  OccurrenceClassification.HONOUR_BASED_ABUSE, OccurrenceClassification.FORCED_MARRIAGE, OccurrenceClassification.FGM,
];

export enum OccurrenceRole {
  VICTIM = 'VICTIM',
  SUSPECT = 'SUSPECT',
  OFFENDER = 'OFFENDER',
  WITNESS = 'WITNESS',
  INVOLVED = 'INVOLVED',
  REPORTER = 'REPORTER',
}

export enum DashAnswer {
  YES = 'YES',
  NO = 'NO',
  NOT_KNOWN = 'NOT_KNOWN',
  DECLINED = 'DECLINED',
}

export enum DashRiskLevel {
  STANDARD = 'STANDARD',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}

/** College of Policing APP missing-person risk levels (the old "absent" category is gone). */
export enum MissingRiskLevel {
  VERY_LOW = 'VERY_LOW',
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}

export enum ExploitationType {
  CSE = 'CSE',
  CCE = 'CCE',
  COUNTY_LINES = 'COUNTY_LINES',
  TRAFFICKING = 'TRAFFICKING',
  RADICALISATION = 'RADICALISATION',
}

export enum ExploitationStatus {
  SUSPECTED = 'SUSPECTED',
  CONFIRMED = 'CONFIRMED',
  CLOSED = 'CLOSED',
}

/** ACPO DASH (2009) has 27 questions; SafeLives' 24-question RIC is a different form. */
export const DASH_QUESTION_COUNT = 27;

/** ACPO DASH q20 (1-based, as Postgres arrays count): others threatening the victim, the honour-based violence question. */
export const DASH_HONOUR_BASED_QUESTION = 20;

/** MAPPA categories: 1 registered sex offenders, 2 violent offenders, 3 other dangerous offenders. Levels 1-3 likewise. */
export type MappaCategory = 1 | 2 | 3;
export type MappaLevel = 1 | 2 | 3;

const RISK_RANK: Record<DashRiskLevel, number> = { STANDARD: 1, MEDIUM: 2, HIGH: 3 };

/** Count bands (Southampton, Plymouth; DOMAIN.md 1.2 [TYPICAL]): 1-9 standard, 10-13 medium, 14+ high. */
export function dashBand(tickCount: number): DashRiskLevel {
  if (tickCount >= 14) return DashRiskLevel.HIGH;
  if (tickCount >= 10) return DashRiskLevel.MEDIUM;
  return DashRiskLevel.STANDARD;
}

export function dashRiskRank(level: DashRiskLevel): number {
  return RISK_RANK[level];
}

const MISSING_RANK: Record<MissingRiskLevel, number> = { VERY_LOW: 1, LOW: 2, MEDIUM: 3, HIGH: 4 };

export function missingRiskRank(level: MissingRiskLevel): number {
  return MISSING_RANK[level];
}
