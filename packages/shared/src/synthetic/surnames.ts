import type { Rng } from './random';
import { weighted } from './random';

export type Heritage = 'british' | 'southAsian' | 'polish' | 'irish' | 'caribbean' | 'african';

/**
 * Invented families, so no list holds the demo surnames (Okafor, Whitfield, Brennan): a search
 * for a demo family must find only that family. Mix loosely follows Warwickshire's 2021 census
 * profile: mostly White British, a sizeable Indian (largely Sikh) community in Leamington and
 * Nuneaton, and Polish, Irish, Caribbean and African families.
 */
export const SURNAMES: Record<Heritage, readonly string[]> = {
  british: [
    'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright',
    'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke',
    'Hughes', 'Edwards', 'Turner', 'Hill', 'Harris', 'Lewis', 'Cooper', 'Ward', 'Morris', 'King',
    'Baker', 'Harrison', 'Morgan', 'Allen', 'Moore', 'Martin', 'Lee', 'Parker', 'Bennett', 'Cook',
    'Shaw', 'Holmes', 'Mason', 'Chapman', 'Webb', 'Ellis', 'Lloyd', 'Marshall', 'Price', 'Barnes',
    'Hunt', 'Palmer', 'Mills', 'Knight', 'Fletcher', 'Gibson', 'Matthews', 'Dixon', 'Cartwright', 'Bates',
    'Hewitt', 'Ashby', 'Bird', 'Lowe', 'Thomson', 'Sutton', 'Satchwell', 'Tandy', 'Bromwich', 'Hastings',
  ],
  caribbean: ['Campbell', 'Francis', 'Grant', 'Reid', 'Samuels', 'Beckford', 'Gordon', 'Powell', 'Henry', 'Bailey'],
  southAsian: [
    'Patel', 'Singh', 'Sharma', 'Khan', 'Ahmed', 'Hussain', 'Mistry', 'Chauhan',
    'Gill', 'Sandhu', 'Bains', 'Dhillon', 'Mahmood', 'Shah', 'Parmar', 'Atwal',
  ],
  polish: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Dąbrowski'],
  irish: ['Murphy', 'Kelly', "O'Brien", "O'Connor", 'Byrne', 'Ryan', 'Doyle', 'McCarthy', 'Gallagher', 'Quinn', 'Walsh', "O'Sullivan"],
  african: ['Adeyemi', 'Mensah', 'Osei', 'Okonkwo', 'Eze', 'Adebayo', 'Boateng', 'Nwosu'],
};

export const ALL_SURNAMES: readonly string[] = Object.values(SURNAMES).flat();

const HERITAGE_WEIGHTS: readonly (readonly [Heritage, number])[] = [
  ['british', 80], ['southAsian', 8], ['polish', 4], ['irish', 3], ['caribbean', 2.5], ['african', 2.5],
];

export function pickHeritage(rng: Rng): Heritage {
  return weighted(rng, HERITAGE_WEIGHTS);
}

/**
 * The form a woman of the family carries: Polish surnames in -ski/-cki take -ska/-cka, and Sikh
 * women usually carry Kaur where men carry Singh.
 */
export function surnameForSex(surname: string, female: boolean): string {
  if (!female) return surname;
  if (surname === 'Singh') return 'Kaur';
  return surname.replace(/([sc])ki$/, '$1ka');
}
