import type { School } from '../entities';

/**
 * Twenty invented Warwickshire schools. URNs 937001-937020 lie far above any GIAS allocation and
 * LAESTABs follow DfE numbering under LA 937 (2xxx primary, 4xxx secondary, 7xxx special, 11xx
 * PRU). DSL lines are in Ofcom's 01632 960xxx range, reserved for drama, so none ring anyone.
 */
const SCHOOLS: readonly (readonly [string, string, School['phase'], School['schoolType'], string, readonly string[]])[] = [
  ['2101', 'Avon Valley Primary School', 'PRIMARY', 'LA_MAINTAINED', 'Warwick', ['CV34', 'CV35']],
  ['2102', 'Myton Fields Primary School', 'PRIMARY', 'ACADEMY', 'Warwick', ['CV34', 'CV35']],
  ['2103', 'Clarendon Park Primary School', 'PRIMARY', 'LA_MAINTAINED', 'Leamington Spa', ['CV31', 'CV32']],
  ['2104', 'Lillington Brook Primary School', 'PRIMARY', 'ACADEMY', 'Leamington Spa', ['CV32', 'CV33']],
  ['2105', 'Hillmorton Meadows Primary School', 'PRIMARY', 'LA_MAINTAINED', 'Rugby', ['CV21', 'CV23']],
  ['2106', 'Clifton Fields Primary School', 'PRIMARY', 'ACADEMY', 'Rugby', ['CV21', 'CV22']],
  ['2107', 'Attleborough Vale Primary School', 'PRIMARY', 'LA_MAINTAINED', 'Nuneaton', ['CV10', 'CV11']],
  ['2108', 'Weddington Green Primary School', 'PRIMARY', 'ACADEMY', 'Nuneaton', ['CV11', 'CV13']],
  ['2109', 'Heath End Primary School', 'PRIMARY', 'LA_MAINTAINED', 'Bedworth', ['CV12']],
  ['2110', 'Tiddington Meadow Primary School', 'PRIMARY', 'LA_MAINTAINED', 'Stratford-upon-Avon', ['CV37', 'B50']],
  ['2111', 'Long Street Primary School', 'PRIMARY', 'LA_MAINTAINED', 'Atherstone', ['CV9', 'B78', 'B46']],
  ['2112', 'Arrow Valley Primary School', 'PRIMARY', 'ACADEMY', 'Alcester', ['B49', 'B80', 'B50']],
  ['4101', 'Castle Park Academy', 'SECONDARY', 'ACADEMY', 'Warwick', ['CV34', 'CV35']],
  ['4102', 'Leam Valley Academy', 'SECONDARY', 'ACADEMY', 'Leamington Spa', ['CV31', 'CV32', 'CV33']],
  ['4103', 'Newbold Heath School', 'SECONDARY', 'LA_MAINTAINED', 'Rugby', ['CV21', 'CV22', 'CV23']],
  ['4104', 'Anker Valley Academy', 'SECONDARY', 'FREE_SCHOOL', 'Nuneaton', ['CV10', 'CV11', 'CV13', 'CV9', 'B78', 'B46']],
  ['4105', 'Stour Valley School', 'SECONDARY', 'LA_MAINTAINED', 'Stratford-upon-Avon', ['CV37', 'B49', 'B50', 'B80']],
  ['4106', 'Hawkesbury Fields School', 'ALL_THROUGH', 'ACADEMY', 'Bedworth', ['CV12']],
  ['7101', 'Brookside School', 'SPECIAL', 'LA_MAINTAINED', 'Nuneaton', []],
  ['1101', 'Ridgeway Learning Centre', 'ALTERNATIVE_PROVISION', 'PUPIL_REFERRAL_UNIT', 'Leamington Spa', []],
];

const DSL_ROLES = [
  'Designated Safeguarding Lead',
  'Deputy Headteacher (Designated Safeguarding Lead)',
  'Assistant Headteacher, Designated Safeguarding Lead',
  'Pastoral Lead and Designated Safeguarding Lead',
];

export interface SeedSchool extends School {
  /** Outward codes of the pupils it mostly takes; empty for schools a child is placed at. */
  serves: readonly string[];
}

export const SEED_SCHOOLS: readonly SeedSchool[] = SCHOOLS.map(([estab, name, phase, schoolType, town, serves], i) => ({
  urn: String(937001 + i),
  laestab: `937${estab}`,
  name,
  phase,
  schoolType,
  town,
  dslRole: DSL_ROLES[i % DSL_ROLES.length],
  dslPhone: `01632 960${String(100 + i * 7).padStart(3, '0')}`,
  serves,
}));

export const SPECIAL_SCHOOL = SEED_SCHOOLS.find((s) => s.phase === 'SPECIAL') as SeedSchool;
export const PUPIL_REFERRAL_UNIT = SEED_SCHOOLS.find((s) => s.phase === 'ALTERNATIVE_PROVISION') as SeedSchool;

/** A mainstream school for the year group (0 Reception .. 13), near the postcode where there is one. */
export function mainstreamSchoolFor(yearGroup: number, postcode: string | null, pick: <T>(items: readonly T[]) => T): SeedSchool {
  const phase = yearGroup <= 6 ? 'PRIMARY' : 'SECONDARY';
  const fits = SEED_SCHOOLS.filter((s) => s.phase === phase || s.phase === 'ALL_THROUGH');
  const outward = postcode?.split(' ')[0] ?? '';
  const near = fits.filter((s) => s.serves.includes(outward));
  return pick(near.length > 0 ? near : fits.filter((s) => s.phase === phase));
}

export function schoolRows(): School[] {
  return SEED_SCHOOLS.map(({ serves: _serves, ...school }) => school);
}
