import { SENSITIVITY_LEVELS, type Obligation, type SensitivityLevel } from '@mash/shared';
import { HUB_ROLES, type HubRole } from '../auth/user';
import { DEFAULT_NOTIFICATIONS } from '../notifications/agreement';
import { NEVER_RELEASED, releasedLevels } from './classification';
import { decideFetch } from './decide';
import { POLICY_AGENCIES, RAGS, type AgencyName, type PolicyDocument, type Rag, type RatingControl } from './policy-document';

/**
 * How `candidate` widens sharing compared with `current`, the version in force, as plain sentences
 * (issue 12: a widening version needs two approvers other than the proposer). Empty: it widens
 * nothing. Pure. Decisions are compared cell by cell over a grid of every role and pair of roles,
 * agency, rating, case status (open, closed inside and outside either window), purpose and consent,
 * through `decideFetch` and `releasedLevels` themselves, so what counts is what would be enforced;
 * settings that open sharing outside a fetch decision (the rating control, the case register,
 * onward notifications, lawful bases, purposes, the window) are compared directly.
 */
export function wideningFindings(current: PolicyDocument | null, candidate: PolicyDocument): string[] {
  if (!current) return ['No ISA version is in force, so everything this version allows counts as new sharing'];
  return [...settingFindings(current, candidate), ...gridFindings(current, candidate)];
}

const NOW = new Date('2030-01-01T12:00:00Z');
const HOUR_MS = 3_600_000;

interface Cell {
  roles: HubRole[];
  agency: AgencyName;
  rag: Rag | null;
  /** Null: open. */
  closedHoursAgo: number | null;
  purpose: string;
  consent: boolean;
}

interface Outcome {
  allowed: boolean;
  obligations: Obligation[];
  levels: SensitivityLevel[];
}

/** `opens` carries the levels the newly allowed fetch would release. */
type Finding = { kind: 'opens'; levels: SensitivityLevel[] } | { kind: 'obligation'; obligation: Obligation } | { kind: 'level'; level: SensitivityLevel };

function evaluate(policy: PolicyDocument, cell: Cell): Outcome {
  const decision = decideFetch(policy, {
    user: { id: 'widening-check', roles: cell.roles },
    agency: cell.agency,
    purpose: cell.purpose,
    case: {
      id: 'widening-check',
      kind: 'REFERRAL',
      rag: cell.rag,
      status: cell.closedHoursAgo === null ? 'OPEN' : 'CLOSED',
      closedAt: cell.closedHoursAgo === null ? null : new Date(NOW.getTime() - cell.closedHoursAgo * HOUR_MS),
      consentEarlyHelpSharing: cell.consent,
      ratingState: cell.rag ? 'CONFIRMED' : null,
    },
    now: NOW,
  });
  if (!decision.allowed) return { allowed: false, obligations: [], levels: [] };
  const levels = releasedLevels(policy, { roles: cell.roles, rag: cell.rag, purpose: cell.purpose, agency: cell.agency }).levels;
  return { allowed: true, obligations: decision.obligations, levels };
}

function findingsOf(before: Outcome, after: Outcome): Finding[] {
  if (!after.allowed) return [];
  if (!before.allowed) return [{ kind: 'opens', levels: after.levels }];
  return [
    ...before.obligations.filter((o) => !after.obligations.includes(o)).map((obligation): Finding => ({ kind: 'obligation', obligation })),
    ...after.levels.filter((l) => !before.levels.includes(l)).map((level): Finding => ({ kind: 'level', level })),
  ];
}

const findingKey = (finding: Finding) =>
  finding.kind === 'opens' ? `opens ${finding.levels.join(',')}` : finding.kind === 'obligation' ? `obligation ${finding.obligation}` : `level ${finding.level}`;

function roleSets(): HubRole[][] {
  const sets: HubRole[][] = HUB_ROLES.map((role) => [role]);
  HUB_ROLES.forEach((first, i) => HUB_ROLES.slice(i + 1).forEach((second) => sets.push([first, second])));
  return sets;
}

/** Hours since closure that test both windows from both sides. */
function closureAges(current: PolicyDocument, candidate: PolicyDocument): number[] {
  const windows = [current.closedCaseWindowHours, candidate.closedCaseWindowHours];
  return [...new Set([1, ...windows, ...windows.map((w) => w + 1)])].filter((h) => h >= 0).sort((a, b) => a - b);
}

/** One group of cells with the same finding, role set, rating, status and purpose. */
interface Group {
  finding: Finding;
  roles: HubRole[];
  rag: Rag | null;
  open: boolean;
  purpose: string;
  agencies: Set<AgencyName>;
  ages: Set<number>;
  consent: Set<boolean>;
}

function gridFindings(current: PolicyDocument, candidate: PolicyDocument): string[] {
  const purposes = [...new Set([...current.purposes, ...candidate.purposes])];
  const ages = closureAges(current, candidate);
  const groups = new Map<string, Group>();
  // What each single role finds, so a pair repeating it adds nothing.
  const single = new Set<string>();
  for (const roles of roleSets()) {
    for (const agency of POLICY_AGENCIES) {
      for (const rag of [...RAGS, null]) {
        for (const closedHoursAgo of [null, ...ages]) {
          for (const purpose of purposes) {
            for (const consent of [false, true]) {
              const cell: Cell = { roles, agency, rag, closedHoursAgo, purpose, consent };
              const others = `${agency}|${rag}|${closedHoursAgo}|${purpose}|${consent}`;
              for (const finding of findingsOf(evaluate(current, cell), evaluate(candidate, cell))) {
                if (roles.length === 1) single.add(`${roles[0]}|${others}|${findingKey(finding)}`);
                else if (roles.some((role) => single.has(`${role}|${others}|${findingKey(finding)}`))) continue;
                const key = `${findingKey(finding)}|${roles.join('+')}|${rag}|${closedHoursAgo === null}|${purpose}`;
                let group = groups.get(key);
                if (!group) {
                  group = { finding, roles, rag, open: closedHoursAgo === null, purpose, agencies: new Set(), ages: new Set(), consent: new Set() };
                  groups.set(key, group);
                }
                group.agencies.add(agency);
                if (closedHoursAgo !== null) group.ages.add(closedHoursAgo);
                group.consent.add(consent);
              }
            }
          }
        }
      }
    }
  }
  return [...groups.values()].map((group) => sentence(group, ages, purposes.length > 1));
}

function sentence(group: Group, testedAges: number[], namePurpose: boolean): string {
  const who = group.roles.length === 1 ? group.roles[0] : `A user holding both ${group.roles.join(' and ')}`;
  const agencies = group.agencies.size === POLICY_AGENCIES.length ? "every agency's" : listOf(POLICY_AGENCIES.filter((a) => group.agencies.has(a)));
  const rag = group.rag ?? 'unrated';
  const cases = group.open ? `${rag} open cases` : `${rag} cases closed ${agesText([...group.ages].sort((a, b) => a - b), testedAges)}`;
  const consent = group.consent.size === 2 ? '' : group.consent.has(true) ? ' with consent to early-help sharing recorded' : ' without consent to early-help sharing';
  const purpose = namePurpose ? ` for ${group.purpose}` : '';
  const where = `${cases}${consent}${purpose}`;
  switch (group.finding.kind) {
    case 'opens':
      return `${who} would see ${agencies} data for ${where}${levelsText(group.finding.levels)}`;
    case 'obligation':
      return `${who} would get ${agencies} data for ${where}, dropping the obligation ${group.finding.obligation}`;
    case 'level':
      return `${who} would see ${group.finding.level} fields from ${agencies} data for ${where}`;
  }
}

/** Nothing when every level a policy can release is; otherwise which (the rest are withheld per field). */
function levelsText(levels: SensitivityLevel[]): string {
  const releasable = SENSITIVITY_LEVELS.filter((level) => !NEVER_RELEASED.includes(level));
  if (releasable.every((level) => levels.includes(level))) return '';
  return levels.length === 0 ? ' (fields: none released)' : ` (fields: ${levels.join(', ')})`;
}

function agesText(ages: number[], tested: number[]): string {
  const hours = (h: number) => `${h} hour${h === 1 ? '' : 's'}`;
  if (ages.length === 1) return `${hours(ages[0])} ago`;
  const from = tested.indexOf(ages[0]);
  const contiguous = ages.every((age, i) => tested[from + i] === age);
  const last = ages[ages.length - 1];
  return contiguous ? `${ages[0]} to ${hours(last)} ago` : `${ages.slice(0, -1).join(', ')} or ${hours(last)} ago`;
}

function listOf(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const gained = <T>(before: readonly T[], after: readonly T[]): T[] => after.filter((item) => !before.includes(item));

function settingFindings(current: PolicyDocument, candidate: PolicyDocument): string[] {
  const out: string[] = [];
  if (candidate.closedCaseWindowHours > current.closedCaseWindowHours) {
    out.push(`Agency data would stay readable for ${candidate.closedCaseWindowHours} hours after a case closes, not ${current.closedCaseWindowHours}`);
  }
  for (const purpose of gained(current.purposes, candidate.purposes)) out.push(`Agency data could be fetched for a new purpose, ${purpose}`);
  for (const agency of POLICY_AGENCIES) {
    if (candidate.lawfulBases[agency] && !current.lawfulBases[agency]) out.push(`${agency} would have a lawful basis to share for the first time (${candidate.lawfulBases[agency]})`);
  }
  out.push(...ratingControlFindings(current.ratingControl, candidate.ratingControl));
  for (const role of gained(current.caseRegister.namedRoles, candidate.caseRegister.namedRoles)) out.push(`${role} would see names in every case in the register`);
  for (const review of candidate.caseRegister.namedReviews) {
    const before = current.caseRegister.namedReviews.find((r) => r.id === review.id);
    if (!before) {
      out.push(`A new named review ${review.id} would let ${listOf(review.roles)} see names in ${count(review.caseReferences.length, 'case')} until ${review.until}`);
      continue;
    }
    const roles = gained(before.roles, review.roles);
    const cases = gained(before.caseReferences, review.caseReferences);
    if (roles.length > 0) out.push(`Named review ${review.id} would let ${listOf(roles)} see names too`);
    if (cases.length > 0) out.push(`Named review ${review.id} would show names in ${count(cases.length, 'more case')}: ${cases.join(', ')}`);
    if (review.until > before.until) out.push(`Named review ${review.id} would run until ${review.until}, not ${before.until}`);
  }
  const was = { ...DEFAULT_NOTIFICATIONS, ...current.notifications };
  const now = { ...DEFAULT_NOTIFICATIONS, ...candidate.notifications };
  if (now.operationEncompass && !was.operationEncompass) out.push("Schools' designated safeguarding leads would be told of domestic abuse incidents (Operation Encompass)");
  if (now.gpOnDomesticAbuse && !was.gpOnDomesticAbuse) out.push("A child's GP practice would be told of domestic abuse incidents");
  return out;
}

function ratingControlFindings(before: RatingControl, after: RatingControl): string[] {
  return [
    ...gained(before.opensSharing, after.opensSharing).map((rag) => `${article(rag)} ${rag} rating would open a case to agency data`),
    ...gained(before.confirmedWhenRatedBy, after.confirmedWhenRatedBy).map((role) => `A rating by ${role} would open a case without a second person confirming it`),
    ...gained(before.secondPersonRoles, after.secondPersonRoles).map((role) => `${role} could confirm someone else's rating, opening the case`),
    ...gained(before.urgent, after.urgent).map((rag) => `${article(rag)} ${rag} rating would share at once as urgent, before anyone confirms it`),
    ...gained(before.reviewerRoles, after.reviewerRoles).map((role) => `${role} could confirm an urgent rating under review, keeping the case open to agency data`),
    ...(after.selfConfirmOwnReferral && !before.selfConfirmOwnReferral ? ['Whoever recorded a referral could open it with their own rating, without a second person'] : []),
  ];
}

const article = (word: string) => (/^[AEIOU]/i.test(word) ? 'An' : 'A');

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
