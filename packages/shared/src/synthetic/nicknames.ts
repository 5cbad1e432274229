import { normaliseName } from '../matching/normalise';

/**
 * Short forms the synthetic population records for some people (the NICKNAME variant). Kept apart
 * from the matcher's own variant table (matching/data/given-name-variants.json) so the demo and
 * test data do not change, and are not shaped, whenever the matcher learns a new name.
 */
export const NICKNAME_GROUPS: readonly (readonly string[])[] = [
  ['William', 'Will', 'Bill', 'Billy', 'Willie', 'Liam'],
  ['Elizabeth', 'Liz', 'Lizzie', 'Beth', 'Betty', 'Eliza', 'Libby'],
  ['Robert', 'Rob', 'Bob', 'Bobby', 'Robbie'],
  ['Margaret', 'Maggie', 'Peggy', 'Meg', 'Madge'],
  ['James', 'Jim', 'Jimmy', 'Jamie'],
  ['Thomas', 'Tom', 'Tommy'],
  ['Alexander', 'Alex', 'Alec', 'Sandy'],
  ['Alexandra', 'Alex', 'Lexi', 'Alexa'],
  ['Samuel', 'Sam', 'Sammy'],
  ['Samantha', 'Sam', 'Sammie'],
  ['Daniel', 'Dan', 'Danny'],
  ['Joseph', 'Joe', 'Joey'],
  ['Josephine', 'Jo', 'Josie'],
  ['Charlotte', 'Charlie', 'Lottie'],
  ['Charles', 'Charlie', 'Chas'],
  ['Katherine', 'Catherine', 'Kathryn', 'Kate', 'Katie', 'Kath', 'Cath'],
  ['Rebecca', 'Becky', 'Becca'],
  ['Jessica', 'Jess', 'Jessie'],
  ['Matthew', 'Matt', 'Matty'],
  ['Christopher', 'Chris', 'Kit'],
  ['Michael', 'Mike', 'Mick', 'Mikey'],
  ['Oliver', 'Ollie', 'Olly'],
  ['Henry', 'Harry', 'Hal'],
  ['Harold', 'Harry'],
  ['John', 'Jack', 'Johnny', 'Jonny'],
  ['Jonathan', 'Jon', 'Jonny'],
  ['Abigail', 'Abbie', 'Abby'],
  ['Amelia', 'Millie', 'Milly'],
  ['Emily', 'Em', 'Emmy', 'Milly'],
  ['Olivia', 'Liv', 'Livvy'],
  ['Isabella', 'Isabelle', 'Isabel', 'Bella', 'Izzy', 'Issy'],
  ['Eleanor', 'Elinor', 'Ellie', 'Nell', 'Nellie'],
  ['Sophia', 'Sophie'],
  ['Alfred', 'Alfie', 'Alf'],
  ['Frederick', 'Freddie', 'Freddy', 'Fred'],
  ['Archibald', 'Archie'],
  ['Theodore', 'Theo', 'Teddy'],
  ['Edward', 'Eddie', 'Ed', 'Ted', 'Ned'],
  ['Benjamin', 'Ben', 'Benji'],
  ['Nicholas', 'Nick', 'Nicky'],
  ['Anthony', 'Tony'],
  ['Richard', 'Rich', 'Richie', 'Rick'],
  ['Stephen', 'Steven', 'Steve'],
  ['Andrew', 'Andy', 'Drew'],
  ['Patrick', 'Paddy', 'Pat'],
  ['Victoria', 'Vicky', 'Tori'],
  ['Jennifer', 'Jen', 'Jenny'],
  ['Deborah', 'Debbie', 'Debs'],
  ['Florence', 'Flo', 'Florrie'],
  ['Evelyn', 'Evie'],
  ['Zachary', 'Zach', 'Zak'],
  ['Joshua', 'Josh'],
  ['Nathaniel', 'Nathan', 'Nat', 'Nate'],
  ['Mohammed', 'Muhammad', 'Mohammad', 'Mohamed', 'Mo'],
  ['Sean', 'Shaun', 'Shawn'],
  ['Katarzyna', 'Kasia'],
  ['Małgorzata', 'Gosia'],
  ['Aleksandra', 'Ola'],
];

const GROUPS_BY_NAME = new Map<string, number[]>();
NICKNAME_GROUPS.forEach((group, index) => {
  for (const name of group) {
    const key = normaliseName(name);
    GROUPS_BY_NAME.set(key, [...(GROUPS_BY_NAME.get(key) ?? []), index]);
  }
});

/** True when the two (different) given names share a nickname group. */
export function areNicknames(a: string, b: string): boolean {
  const groupsA = GROUPS_BY_NAME.get(normaliseName(a));
  const groupsB = GROUPS_BY_NAME.get(normaliseName(b));
  return !!groupsA && !!groupsB && normaliseName(a) !== normaliseName(b) && groupsA.some((g) => groupsB.includes(g));
}

/** Other names a record might hold for this given name, in display case; empty if none known. */
export function nicknameAlternatives(name: string): string[] {
  const key = normaliseName(name);
  const names = (GROUPS_BY_NAME.get(key) ?? []).flatMap((g) => NICKNAME_GROUPS[g]);
  return [...new Set(names)].filter((n) => normaliseName(n) !== key);
}
