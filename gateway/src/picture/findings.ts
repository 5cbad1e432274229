import { ageOn as completedYears, isRealDate } from '@mash/shared';
import { answersOf, flagsOf, SEVERITY_ORDER, type AgencyAnswer, type Severity, type SubjectFacts } from './answers';
import type { GatewayContext } from '../context';
import type { AgencyField } from './sdl';

export interface Finding {
  code: string;
  status: 'FOUND' | 'NOT_ASSESSED';
  severity: Severity;
  summary: string;
  subjectIds: string[];
  agencies: AgencyField[];
}

/** A subject with each agency's answer, its age and whether the hub counts them a child. */
export interface Member {
  subject: SubjectFacts;
  answers: Record<AgencyField, AgencyAnswer>;
  /** Completed years on the reference date; null without a date of birth. */
  age: number | null;
  child: boolean;
}

const CHILD_ROLES = new Set(['CHILD', 'SIBLING', 'UNBORN']);
const ADULT_ROLES = new Set(['PARENT', 'CARER', 'PARTNER', 'ADULT_AT_RISK', 'ALLEGED_PERPETRATOR', 'OTHER_ADULT']);

/**
 * Police flags that mark an adult as a risk to children living with them, with plain words. A
 * victim's DA flags are not among them: they speak to the household's domestic abuse (toxic trio,
 * risk matrix), not to this adult being a danger.
 */
const ADULT_RISK_CODES: Record<string, { severity: Severity; words: string }> = {
  SEX_OFFENDER_REGISTERED: { severity: 'RED', words: 'a registered sex offender' },
  MAPPA_NOMINAL: { severity: 'RED', words: 'managed under MAPPA' },
  DA_PERPETRATOR: { severity: 'RED', words: 'named as the alleged perpetrator of domestic abuse' },
  VIOLENT_MARKER: { severity: 'AMBER', words: 'a violent warning marker' },
  WEAPONS_MARKER: { severity: 'AMBER', words: 'a weapons marker' },
};
const DA_CODES = new Set(['DA_PERPETRATOR', 'DA_INCIDENT_12M', 'DA_CHILDREN_PRESENT_12M', 'DASH_HIGH_OR_MARAC_12M', 'DA_REPEAT_INCIDENTS_12M']);
const MENTAL_HEALTH_CODES = new Set(['PARENT_MENTAL_HEALTH', 'MHA_DETENTION_12M']);
const SUBSTANCE_CODES = new Set(['PARENT_SUBSTANCE_MISUSE']);
/** Education's flags for a child educated at home now. */
export const HOME_EDUCATION_CODES = new Set(['ELECTIVE_HOME_EDUCATION', 'ELECTIVE_HOME_EDUCATION_RECENT']);
const CP_CODES = new Set(['OPEN_CP_PLAN', 'PREVIOUS_CP_PLAN']);
const NO_ANSWER = new Set(['DENIED', 'UNAVAILABLE', 'AMBIGUOUS']);

/** Completed years on `today`; null without a usable date of birth. */
export function ageOn(dateOfBirth: string | null | undefined, today: string): number | null {
  return dateOfBirth && isRealDate(dateOfBirth) ? completedYears(dateOfBirth, today) : null;
}

export function membersOf(subjects: SubjectFacts[], context: GatewayContext, today: string): Member[] {
  return subjects.map((subject) => {
    const age = ageOn(subject.dateOfBirth, today);
    const child = CHILD_ROLES.has(subject.householdRole) || (!ADULT_ROLES.has(subject.householdRole) && age !== null && age < 18);
    return { subject, answers: answersOf(subject, context), age, child };
  });
}

const has = (answer: AgencyAnswer, codes: Set<string> | Record<string, unknown>): boolean =>
  flagsOf(answer).some((flag) => (codes instanceof Set ? codes.has(flag.code) : flag.code in codes));
const unanswered = (answer: AgencyAnswer): boolean => NO_ANSWER.has(answer.state);
const normalisePostcode = (postcode: string): string => postcode.replace(/\s+/g, '').toUpperCase();
const AGENCY_WORDS: Record<AgencyField, string> = { police: 'police', socialCare: 'social care', health: 'health', education: 'education' };
const words = (agencies: AgencyField[]): string => agencies.map((agency) => AGENCY_WORDS[agency]).join(', ');

/** What cannot be assessed: one NOT_ASSESSED finding naming the agencies that did not answer. */
function notAssessed(code: string, severity: Severity, what: string, subjectIds: string[], agencies: AgencyField[]): Finding {
  const unique = [...new Set(agencies)];
  return {
    code, status: 'NOT_ASSESSED', severity, subjectIds,
    agencies: unique,
    summary: `Could not check ${what}: ${words(unique)} gave no answer (denied, unavailable or identity unresolved).`,
  };
}

/** Compulsory school age on the reference date (5 to 16). */
const schoolAge = (member: Member): boolean => member.child && member.age !== null && member.age >= 5 && member.age <= 16;

function missingEducation(members: Member[]): Finding[] {
  return members.filter(schoolAge).flatMap((member): Finding[] => {
    const education = member.answers.education;
    const id = [member.subject.id];
    if (unanswered(education)) return [notAssessed('CHILD_MISSING_EDUCATION', 'AMBER', 'whether this school-age child is on a school roll', id, ['education'])];
    if (has(education, HOME_EDUCATION_CODES)) {
      const concerns = (['socialCare', 'police'] as const).filter((agency) => flagsOf(member.answers[agency]).some((flag) => flag.severity !== 'GREEN'));
      if (concerns.length > 0) {
        return [{
          code: 'HOME_EDUCATED_WITH_CONCERNS', status: 'FOUND', severity: 'RED', subjectIds: id, agencies: ['education', ...concerns],
          summary: `Home-educated child with open ${words(concerns)} concerns: nobody outside the home sees them daily. Check the LA's home-education visits and consider the child's voice.`,
        }];
      }
      const unknown = (['socialCare', 'police'] as const).filter((agency) => unanswered(member.answers[agency]));
      return unknown.length > 0 ? [notAssessed('HOME_EDUCATED_WITH_CONCERNS', 'AMBER', 'whether this home-educated child has open concerns', id, unknown)] : [];
    }
    if (education.state === 'NOT_KNOWN' || has(education, new Set(['NOT_ON_SCHOOL_ROLL']))) {
      return [{
        code: 'CHILD_MISSING_EDUCATION', status: 'FOUND', severity: 'AMBER', subjectIds: id, agencies: ['education'],
        summary: education.state === 'NOT_KNOWN'
          ? `Child of compulsory school age (${member.age}) unknown to education and not home-educated: possibly missing education.`
          : `Child of compulsory school age (${member.age}) on no school roll and not home-educated: missing education.`,
      }];
    }
    return [];
  });
}

function missingHealth(members: Member[]): Finding[] {
  return members.filter((member) => member.child).flatMap((member): Finding[] => {
    const health = member.answers.health;
    const id = [member.subject.id];
    const found: Finding[] = [];
    if (member.subject.householdRole !== 'UNBORN' && member.age !== null && member.age < 1 && !member.subject.nhsNumber && health.state !== 'KNOWN') {
      found.push(unanswered(health) && health.state !== 'AMBIGUOUS'
        ? notAssessed('BABY_WITHOUT_NHS_NUMBER', 'RED', 'whether this baby has an NHS number', id, ['health'])
        : { code: 'BABY_WITHOUT_NHS_NUMBER', status: 'FOUND', severity: 'RED', subjectIds: id, agencies: ['health'],
            summary: 'Baby under one with no NHS number on the referral and none found by health: possibly an unregistered birth; no health visiting or immunisations on record.' });
    }
    if (member.subject.householdRole === 'UNBORN') return found;
    if (unanswered(health)) return [...found, notAssessed('CHILD_NOT_KNOWN_TO_HEALTH', 'AMBER', 'whether this child is known to health', id, ['health'])];
    if (health.state === 'NOT_KNOWN' || has(health, new Set(['NOT_REGISTERED_WITH_GP']))) {
      found.push({
        code: 'CHILD_NOT_KNOWN_TO_HEALTH', status: 'FOUND', severity: 'AMBER', subjectIds: id, agencies: ['health'],
        summary: health.state === 'NOT_KNOWN' ? 'Child not known to health: no NHS record found.' : 'Child not registered with a GP.',
      });
    }
    return found;
  });
}

function adultRisk(members: Member[]): Finding[] {
  const children = members.filter((member) => member.child);
  if (children.length === 0) return [];
  const childIds = children.map((member) => member.subject.id);
  return members.filter((member) => !member.child).flatMap((adult): Finding[] => {
    const police = adult.answers.police;
    if (unanswered(police)) return [notAssessed('ADULT_RISK_WHERE_CHILDREN_LIVE', 'AMBER', "this adult's domestic abuse, violent or sexual offending history", [adult.subject.id, ...childIds], ['police'])];
    const risks = flagsOf(police).filter((flag) => flag.code in ADULT_RISK_CODES);
    if (risks.length === 0) return [];
    const severity = risks.some((flag) => ADULT_RISK_CODES[flag.code].severity === 'RED') ? 'RED' : 'AMBER';
    const what = [...new Set(risks.map((flag) => ADULT_RISK_CODES[flag.code].words))].join('; ');
    return [{
      code: 'ADULT_RISK_WHERE_CHILDREN_LIVE', status: 'FOUND', severity, subjectIds: [adult.subject.id, ...childIds], agencies: ['police'],
      summary: `An adult in the household where the children live is known to police: ${what}. Police flags on this adult give the detail.`,
    }];
  });
}

function siblingChildProtection(members: Member[]): Finding[] {
  const children = members.filter((member) => member.child);
  if (children.length < 2) return [];
  const onPlan = children.filter((member) => has(member.answers.socialCare, CP_CODES) || has(member.answers.health, new Set(['CPIS_FLAG'])));
  if (onPlan.length === 0) {
    const unknown = children.filter((member) => unanswered(member.answers.socialCare));
    return unknown.length > 0 ? [notAssessed('SIBLING_CHILD_PROTECTION', 'AMBER', 'whether a sibling is or was on a child protection plan', unknown.map((m) => m.subject.id), ['socialCare'])] : [];
  }
  return onPlan.map((child) => {
    const open = has(child.answers.socialCare, new Set(['OPEN_CP_PLAN'])) || has(child.answers.health, new Set(['CPIS_FLAG']));
    const siblings = children.filter((other) => other !== child).map((other) => other.subject.id);
    return {
      code: 'SIBLING_CHILD_PROTECTION', status: 'FOUND' as const, severity: (open ? 'RED' : 'AMBER') as Severity, subjectIds: [...siblings, child.subject.id],
      agencies: [...new Set(['socialCare' as const, ...(has(child.answers.health, new Set(['CPIS_FLAG'])) ? ['health' as const] : [])])],
      summary: open ? 'A sibling is on a child protection plan now: the other children may be at the same risk.' : 'A sibling was on a child protection plan before: consider the other children.',
    };
  });
}

function addressDisagreement(members: Member[]): Finding[] {
  return members.flatMap((member): Finding[] => {
    const known = Object.values(member.answers).filter((answer) => answer.state === 'KNOWN' && answer.postcode);
    const places = new Map<string, AgencyField[]>();
    for (const answer of known) places.set(normalisePostcode(answer.postcode!), [...(places.get(normalisePostcode(answer.postcode!)) ?? []), answer.agency]);
    const referral = member.subject.postcode ? normalisePostcode(member.subject.postcode) : null;
    const differs = places.size > 1 || (referral !== null && places.size === 1 && !places.has(referral));
    if (!differs) return [];
    const disagreeing = [...places].filter(([postcode]) => postcode !== referral).flatMap(([, agencies]) => agencies);
    return [{
      code: 'ADDRESS_DISAGREEMENT', status: 'FOUND', severity: 'AMBER', subjectIds: [member.subject.id], agencies: known.map((answer) => answer.agency),
      summary: `The agencies disagree on where this person lives: ${words(disagreeing)} ${disagreeing.length === 1 ? 'holds' : 'hold'} a different postcode from ${referral ? 'the referral' : 'the others'}. The family may have moved, or records are out of date.`,
    }];
  });
}

function toxicTrio(members: Member[]): Finding[] {
  if (!members.some((member) => member.child)) return [];
  const ids = members.map((member) => member.subject.id);
  const abuse = members.filter((member) => has(member.answers.police, DA_CODES));
  const adults = members.filter((member) => !member.child);
  const mental = adults.filter((member) => has(member.answers.health, MENTAL_HEALTH_CODES));
  const substance = adults.filter((member) => has(member.answers.health, SUBSTANCE_CODES));
  if (abuse.length > 0 && (mental.length > 0 || substance.length > 0)) {
    const all = mental.length > 0 && substance.length > 0;
    return [{
      code: 'TOXIC_TRIO', status: 'FOUND', severity: all ? 'RED' : 'AMBER', subjectIds: ids, agencies: ['police', 'health'],
      summary: `Domestic abuse (police) together with parental ${[mental.length > 0 ? 'mental ill-health' : '', substance.length > 0 ? 'substance misuse' : ''].filter(Boolean).join(' and ')} (health) in the same household${all ? ': all three of the "toxic trio"' : ''}.`,
    }];
  }
  const blocked: AgencyField[] = [
    ...(abuse.length === 0 && members.some((member) => unanswered(member.answers.police)) ? ['police' as const] : []),
    ...(mental.length + substance.length === 0 && adults.some((member) => unanswered(member.answers.health)) ? ['health' as const] : []),
  ];
  // Only worth saying when what was seen leaves the combination open.
  const partial = abuse.length > 0 || mental.length + substance.length > 0;
  return blocked.length > 0 && partial ? [notAssessed('TOXIC_TRIO', 'AMBER', 'the "toxic trio" (domestic abuse with parental mental ill-health or substance misuse)', ids, blocked)] : [];
}

/** The cross-agency findings of a case, most severe first (FOUND before NOT_ASSESSED within a severity). */
export function findingsOf(members: Member[]): Finding[] {
  return [missingEducation, missingHealth, adultRisk, siblingChildProtection, addressDisagreement, toxicTrio]
    .flatMap((rule) => rule(members))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.status === b.status ? 0 : a.status === 'FOUND' ? -1 : 1));
}
