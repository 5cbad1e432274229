import { ageOn, isSchoolAge, receptionYear } from './dates';
import type { IdentifierAllocator } from './identifiers';
import type { AgencyName, Household, HouseholdRole, Scenario, ScenarioFacts, SyntheticPerson } from './types';
import { noTraits } from './traits';

/** One member of a scenario household, as written below. */
interface MemberPlan {
  role: HouseholdRole;
  givenName: string;
  /** Defaults to the household's surname. */
  familyName?: string;
  female: boolean;
  /** Age in years, or in months below one year (`{ months }`). */
  age: number | { months: number };
  /** Agencies that hold no record of the person (default: all hold one, education only for school-age children). */
  unknownTo?: AgencyName[];
  noNhsNumber?: boolean;
  /** Adults known to police get a PNC ID when they have offending history. */
  pnc?: boolean;
  gaps?: Partial<SyntheticPerson['gaps']>;
  facts?: ScenarioFacts;
  /** How the referral names them; absent: not named (for triage to find as an associate). */
  referredAs?: Scenario['referred'][number]['as'];
}

interface ScenarioPlan {
  name: string;
  surname: string;
  pathway: Scenario['pathway'];
  rag: Scenario['rag'];
  concern: string;
  /** The family moved in the last two years; `staleAddressAt` agencies still hold the old address. */
  moved?: boolean;
  members: MemberPlan[];
  findings: string[];
}

/**
 * The think-family demo households. Surnames are absent from `SURNAMES`, so a search for one
 * finds only its family; ages are fixed, dates of birth derived from the reference date.
 */
const PLANS: readonly ScenarioPlan[] = [
  {
    name: 'household-domestic-abuse',
    surname: 'Harcourt',
    pathway: 'CHILDREN',
    rag: 'RED',
    concern: 'Primary school DSL: Year 4 pupil says mum was hurt by dad again at the weekend; older sister frightened to go home.',
    members: [
      { role: 'PARENT', givenName: 'Danielle', female: true, age: 34, referredAs: 'PARENT', facts: { police: { daVictim: true, dashRisk: 'HIGH' }, health: { mentalHealth: true, daRelatedAttendance: true } } },
      { role: 'PARENT', givenName: 'Craig', female: false, age: 37, pnc: true, referredAs: 'ALLEGED_PERPETRATOR', facts: { police: { daPerpetrator: true, dashRisk: 'HIGH', violentMarker: true }, health: { substanceMisuse: true } } },
      // Living at the address, named in no referral, known to police: the associate triage should find.
      { role: 'PARTNER', givenName: 'Wayne', familyName: 'Tolley', female: false, age: 45, pnc: true, unknownTo: ['social-care'], facts: { police: { registeredSexOffender: true, mappa: { category: 1, level: 2 } } } },
      { role: 'CHILD', givenName: 'Keira', female: true, age: 12, referredAs: 'CHILD', facts: { education: { attendanceDrop: true, freeSchoolMeals: true } } },
      { role: 'CHILD', givenName: 'Mason', female: false, age: 8, referredAs: 'CHILD', facts: { education: { freeSchoolMeals: true } } },
    ],
    findings: ['ADULT_RISK_WHERE_CHILDREN_LIVE', 'TOXIC_TRIO'],
  },
  {
    name: 'baby-and-child-missing-education',
    surname: 'Pengelly',
    pathway: 'CHILDREN',
    rag: 'AMBER',
    concern: 'Housing officer: young mother with a new baby and a school-age son, recently moved into temporary accommodation; the boy is at home in the day.',
    moved: true,
    members: [
      { role: 'PARENT', givenName: 'Shannon', female: true, age: 24, referredAs: 'PARENT', unknownTo: ['police'], facts: { health: { maternity: { lateBooking: true } }, staleAddressAt: ['health'] } },
      // Born at home after a concealed pregnancy: no NHS number, no GP.
      { role: 'CHILD', givenName: 'Ava', female: true, age: { months: 3 }, referredAs: 'CHILD', noNhsNumber: true, unknownTo: ['police', 'social-care', 'health'], gaps: { notRegisteredWithGp: true } },
      { role: 'CHILD', givenName: 'Tyler', female: false, age: 8, referredAs: 'CHILD', unknownTo: ['police', 'education'], gaps: { notOnSchoolRoll: true } },
    ],
    findings: ['CHILD_MISSING_EDUCATION', 'CHILD_NOT_KNOWN_TO_HEALTH', 'BABY_WITHOUT_NHS_NUMBER', 'ADDRESS_DISAGREEMENT'],
  },
  {
    name: 'home-educated-with-concerns',
    surname: 'Ashdown',
    pathway: 'CHILDREN',
    rag: 'AMBER',
    concern: 'Police: 14-year-old found in another county with cash and two phones; taken off roll to be home-educated last term. Younger brother on a child protection plan.',
    members: [
      { role: 'PARENT', givenName: 'Lorraine', female: true, age: 41, referredAs: 'PARENT', facts: { health: { substanceMisuse: true } } },
      {
        role: 'CHILD', givenName: 'Jayden', female: false, age: 14, referredAs: 'CHILD', gaps: { electiveHomeEducation: true },
        facts: { police: { exploitation: ['CCE', 'COUNTY_LINES'], missingEpisodes: 3 }, socialCare: { childInNeed: true, factors: ['24A', '10A'] } },
      },
      { role: 'CHILD', givenName: 'Riley', female: false, age: 10, referredAs: 'CHILD', facts: { socialCare: { cpPlan: 'OPEN', factors: ['16A', '2B'] }, education: { inYearMoves: 2 } } },
      { role: 'CHILD', givenName: 'Poppy', female: true, age: 6, referredAs: 'CHILD', facts: { socialCare: { cpPlan: 'PREVIOUS' }, education: { alternativeProvision: false, freeSchoolMeals: true } } },
    ],
    findings: ['HOME_EDUCATED_WITH_CONCERNS', 'SIBLING_CHILD_PROTECTION'],
  },
  {
    name: 'honour-based-abuse-and-radicalisation',
    surname: 'Quayle',
    pathway: 'CHILDREN',
    rag: 'RED',
    concern: "School DSL: Year 10 girl says she is being taken abroad in the holidays to be 'cut' and married; her brother shares extremist material at school.",
    members: [
      { role: 'PARENT', givenName: 'Marian', female: true, age: 44, referredAs: 'PARENT', facts: { health: { fgm: true } } },
      { role: 'PARENT', givenName: 'Gerald', female: false, age: 49, referredAs: 'PARENT' },
      { role: 'CHILD', givenName: 'Imogen', female: true, age: 15, referredAs: 'CHILD', facts: { police: { honourBasedAbuse: true }, socialCare: { childInNeed: true, factors: ['22A'] }, education: { alternativeProvision: true } } },
      { role: 'CHILD', givenName: 'Rupert', female: false, age: 16, referredAs: 'CHILD', facts: { police: { exploitation: ['RADICALISATION'], hateCrimeVictim: true } } },
    ],
    findings: [],
  },
  {
    name: 'adult-section-42',
    surname: 'Blamire',
    pathway: 'ADULTS',
    rag: 'AMBER',
    concern: "District nurse: 81-year-old woman living with her son, who controls her money; house cold and dirty, she has lost weight and says she is 'a burden'.",
    members: [
      { role: 'PARENT', givenName: 'Edith', female: true, age: 81, referredAs: 'ADULT_AT_RISK', unknownTo: ['police'], facts: { socialCare: { section42: 'OPEN', selfNeglect: true }, health: { mentalHealth: true } } },
      { role: 'OTHER_ADULT', givenName: 'Graham', female: false, age: 52, pnc: true, referredAs: 'ALLEGED_PERPETRATOR', unknownTo: ['social-care'], facts: { police: { violentMarker: true }, health: { substanceMisuse: true } } },
    ],
    findings: [],
  },
];

export interface ScenarioContext {
  ids: IdentifierAllocator;
  referenceDate: string;
  nextPersonKey(): string;
  nextHousehold(moved: boolean): Omit<Household, 'members' | 'traits' | 'key'> & { key: string };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A fixed date of birth: the given age on the reference date, born on the 14th a few months earlier. */
function dateOfBirth(age: MemberPlan['age'], referenceDate: string, index: number): string {
  const [y, m] = [Number(referenceDate.slice(0, 4)), Number(referenceDate.slice(5, 7))];
  const months = typeof age === 'number' ? age * 12 + 2 + (index % 7) : age.months;
  const total = y * 12 + (m - 1) - months;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}-14`;
}

/** The think-family households, appended after the random population so it is unchanged. */
export function buildScenarios(ctx: ScenarioContext): Scenario[] {
  return PLANS.map((plan) => {
    const base = ctx.nextHousehold(plan.moved ?? false);
    const members = plan.members.map((member, index): SyntheticPerson => {
      const born = dateOfBirth(member.age, ctx.referenceDate, index);
      const age = ageOn(born, ctx.referenceDate);
      const schoolAge = isSchoolAge(age);
      const gaps = { notRegisteredWithGp: false, notOnSchoolRoll: false, electiveHomeEducation: false, ...member.gaps };
      const unknown = new Set(member.unknownTo ?? []);
      return {
        key: ctx.nextPersonKey(),
        householdKey: base.key,
        role: member.role,
        givenName: member.givenName,
        familyName: member.familyName ?? plan.surname,
        dateOfBirth: born,
        gender: member.female ? 'FEMALE' : 'MALE',
        nhsNumber: member.noNhsNumber ? null : ctx.ids.nhsNumber(),
        upn: schoolAge && !gaps.notOnSchoolRoll ? ctx.ids.upn(receptionYear(born), false) : null,
        pncId: member.pnc ? ctx.ids.pncId(Math.max(Number(born.slice(0, 4)) + 18, 2005)) : null,
        schoolAge,
        knownTo: {
          police: !unknown.has('police'),
          'social-care': !unknown.has('social-care'),
          health: !unknown.has('health') && !gaps.notRegisteredWithGp,
          // A home-educated child is known to education (its EHE record); a child missing education is not.
          education: !unknown.has('education') && schoolAge && !gaps.notOnSchoolRoll,
        },
        gaps,
        scenario: member.facts ?? {},
      };
    });
    const household: Household = { ...base, members, traits: noTraits() };
    return {
      name: plan.name,
      pathway: plan.pathway,
      rag: plan.rag,
      concern: plan.concern,
      household,
      referred: plan.members.flatMap((member, index) => (member.referredAs ? [{ key: members[index].key, as: member.referredAs }] : [])),
      findings: plan.findings,
    };
  });
}
