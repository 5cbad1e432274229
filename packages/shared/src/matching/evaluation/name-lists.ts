// Names for the variations, written from how British services actually see names recorded, not
// from the matcher's nickname table: some pairs are in it, many are not, and that is the point.

/** A formal given name and the short forms people go by. */
export interface NameForms {
  name: string;
  female: boolean;
  forms: readonly string[];
  /** Surnames to give the family, where the name belongs to a community (see `COMMUNITY_SURNAMES`). */
  community?: Community;
}

export type Community = 'polish' | 'slavic' | 'arabic' | 'southAsian';

export const NICKNAMES: readonly NameForms[] = [
  { name: 'Penelope', female: true, forms: ['Penny', 'Pen'] },
  { name: 'Alexandra', female: true, forms: ['Sasha', 'Alex', 'Lexi', 'Sandra'] },
  { name: 'Matilda', female: true, forms: ['Tilly', 'Tilda', 'Mattie'] },
  { name: 'Mikhail', female: false, forms: ['Misha'], community: 'slavic' },
  { name: 'Jakub', female: false, forms: ['Kuba'], community: 'polish' },
  { name: 'William', female: false, forms: ['Will', 'Bill', 'Billy'] },
  { name: 'Elizabeth', female: true, forms: ['Liz', 'Beth', 'Lizzie', 'Betty', 'Elsie'] },
  { name: 'Margaret', female: true, forms: ['Maggie', 'Peggy', 'Meg', 'Rita'] },
  { name: 'Robert', female: false, forms: ['Rob', 'Bob', 'Robbie', 'Bert'] },
  { name: 'Richard', female: false, forms: ['Rich', 'Dick', 'Ricky'] },
  { name: 'Edward', female: false, forms: ['Ted', 'Eddie', 'Ned'] },
  { name: 'Henry', female: false, forms: ['Harry', 'Hal'] },
  { name: 'Katherine', female: true, forms: ['Kate', 'Katie', 'Kitty'] },
  { name: 'Rebecca', female: true, forms: ['Becky', 'Becca'] },
  { name: 'Susan', female: true, forms: ['Sue', 'Susie'] },
  { name: 'Jennifer', female: true, forms: ['Jenny', 'Jen'] },
  { name: 'Christopher', female: false, forms: ['Chris', 'Kit'] },
  { name: 'Nicholas', female: false, forms: ['Nick', 'Nicky'] },
  { name: 'Anthony', female: false, forms: ['Tony', 'Ant'] },
  { name: 'Frederick', female: false, forms: ['Freddie', 'Fred'] },
  { name: 'Alfred', female: false, forms: ['Alfie', 'Alf'] },
  { name: 'Theodore', female: false, forms: ['Theo', 'Teddy'] },
  { name: 'Patricia', female: true, forms: ['Trish', 'Patsy', 'Tricia'] },
  { name: 'Dorothy', female: true, forms: ['Dot', 'Dolly', 'Dottie'] },
  { name: 'Frances', female: true, forms: ['Fran', 'Frankie'] },
  { name: 'Harriet', female: true, forms: ['Hattie', 'Harry'] },
  { name: 'Isabella', female: true, forms: ['Bella', 'Izzy'] },
  { name: 'Eleanor', female: true, forms: ['Ellie', 'Nell', 'Nora'] },
  { name: 'Florence', female: true, forms: ['Flo', 'Florrie'] },
  { name: 'Josephine', female: true, forms: ['Josie', 'Jo'] },
  { name: 'Mary', female: true, forms: ['Molly', 'Polly'] },
  { name: 'Sarah', female: true, forms: ['Sally', 'Sadie'] },
  { name: 'Caroline', female: true, forms: ['Carrie', 'Caz'] },
  { name: 'Jacqueline', female: true, forms: ['Jackie', 'Jacqui'] },
  { name: 'Natasha', female: true, forms: ['Tash', 'Tasha'] },
  { name: 'Gerald', female: false, forms: ['Gerry'] },
  { name: 'Leonard', female: false, forms: ['Len', 'Lenny'] },
  { name: 'Lawrence', female: false, forms: ['Larry', 'Laurie'] },
  { name: 'Terence', female: false, forms: ['Terry'] },
  { name: 'Kenneth', female: false, forms: ['Ken', 'Kenny'] },
  { name: 'Raymond', female: false, forms: ['Ray'] },
  { name: 'Timothy', female: false, forms: ['Tim', 'Timmy'] },
  { name: 'Daniel', female: false, forms: ['Danny', 'Dan'] },
  { name: 'Benjamin', female: false, forms: ['Ben', 'Benji'] },
  { name: 'Joseph', female: false, forms: ['Joe', 'Joey'] },
  { name: 'Thomas', female: false, forms: ['Tom', 'Tommy'] },
  { name: 'James', female: false, forms: ['Jamie', 'Jim', 'Jimmy'] },
  { name: 'Michael', female: false, forms: ['Mike', 'Mikey', 'Mick'] },
  { name: 'Cornelius', female: false, forms: ['Neil', 'Con'] },
  { name: 'Padraig', female: false, forms: ['Paddy'] },
  { name: 'Katarzyna', female: true, forms: ['Kasia'], community: 'polish' },
  { name: 'Małgorzata', female: true, forms: ['Gosia'], community: 'polish' },
  { name: 'Agnieszka', female: true, forms: ['Aga'], community: 'polish' },
  { name: 'Magdalena', female: true, forms: ['Magda'], community: 'polish' },
  { name: 'Wojciech', female: false, forms: ['Wojtek'], community: 'polish' },
  { name: 'Tomasz', female: false, forms: ['Tomek'], community: 'polish' },
  { name: 'Aleksander', female: false, forms: ['Olek'], community: 'polish' },
  { name: 'Yekaterina', female: true, forms: ['Katya'], community: 'slavic' },
  { name: 'Anastasia', female: true, forms: ['Nastya', 'Stacey'], community: 'slavic' },
  { name: 'Dmitri', female: false, forms: ['Dima'], community: 'slavic' },
  { name: 'Vladimir', female: false, forms: ['Vova', 'Volodya'], community: 'slavic' },
  { name: 'Ivan', female: false, forms: ['Vanya'], community: 'slavic' },
  { name: 'Abdullahi', female: false, forms: ['Abdi'], community: 'arabic' },
  { name: 'Mohammed', female: false, forms: ['Mo'], community: 'arabic' },
];

/** Spellings of one name from different romanisations; any may be recorded for any other. */
export interface Spellings {
  forms: readonly string[];
  female: boolean;
  community?: Community;
}

export const TRANSLITERATIONS: readonly Spellings[] = [
  { forms: ['Ibrahim', 'Ebrahim', 'Ibraheem'], female: false, community: 'arabic' },
  { forms: ['Omar', 'Umar', 'Omer'], female: false, community: 'arabic' },
  { forms: ['Joseph', 'Josef', 'Józef'], female: false },
  { forms: ['Mohammed', 'Muhammad', 'Mohammad', 'Mohamed', 'Muhammed'], female: false, community: 'arabic' },
  { forms: ['Yusuf', 'Yousef', 'Yusef', 'Yousuf'], female: false, community: 'arabic' },
  { forms: ['Ahmed', 'Ahmad'], female: false, community: 'arabic' },
  { forms: ['Hussain', 'Hussein', 'Husain'], female: false, community: 'southAsian' },
  { forms: ['Hassan', 'Hasan'], female: false, community: 'arabic' },
  { forms: ['Mustafa', 'Mostafa', 'Mustapha'], female: false, community: 'arabic' },
  { forms: ['Osman', 'Usman', 'Uthman'], female: false, community: 'arabic' },
  { forms: ['Khalid', 'Khaled'], female: false, community: 'arabic' },
  { forms: ['Mahmoud', 'Mahmud', 'Mehmood'], female: false, community: 'southAsian' },
  { forms: ['Alexei', 'Aleksei', 'Alexey'], female: false, community: 'slavic' },
  { forms: ['Sergei', 'Sergey', 'Serhiy'], female: false, community: 'slavic' },
  { forms: ['Dmitri', 'Dmitry', 'Dmytro'], female: false, community: 'slavic' },
  { forms: ['Andrei', 'Andriy', 'Andrey'], female: false, community: 'slavic' },
  { forms: ['Mikhail', 'Mykhailo', 'Michail'], female: false, community: 'slavic' },
  { forms: ['Fatima', 'Fatimah', 'Fatma'], female: true, community: 'arabic' },
  { forms: ['Aisha', 'Ayesha', 'Aysha', 'Aishah'], female: true, community: 'arabic' },
  { forms: ['Khadija', 'Khadijah', 'Khadeeja'], female: true, community: 'arabic' },
  { forms: ['Maryam', 'Mariam', 'Maryum'], female: true, community: 'arabic' },
  { forms: ['Zainab', 'Zaynab', 'Zeinab'], female: true, community: 'arabic' },
  { forms: ['Amina', 'Aminah', 'Ameena'], female: true, community: 'arabic' },
  { forms: ['Natalia', 'Nataliya', 'Natalya'], female: true, community: 'slavic' },
  { forms: ['Tatiana', 'Tatyana', 'Tetiana'], female: true, community: 'slavic' },
  { forms: ['Yulia', 'Yuliya', 'Iuliia'], female: true, community: 'slavic' },
  { forms: ['Svetlana', 'Svitlana'], female: true, community: 'slavic' },
  { forms: ['Oksana', 'Oxana'], female: true, community: 'slavic' },
];

/** Spellings that differ in the first letter: a referral gives one, the record holds the other. */
export const FIRST_LETTER_VARIANTS: readonly (readonly [string, string, boolean])[] = [
  ['Katherine', 'Catherine', true], ['Kathryn', 'Cathryn', true], ['Caitlin', 'Kaitlyn', true],
  ['Chloe', 'Khloe', true], ['Jasmine', 'Yasmin', true], ['Gemma', 'Jemma', true], ['Ciara', 'Kiera', true],
  ['Cerys', 'Kerys', true], ['Carla', 'Karla', true], ['Cassandra', 'Kassandra', true], ['Sofia', 'Zofia', true],
  ['Carl', 'Karl', false], ['Christopher', 'Kristopher', false], ['Kieran', 'Ciaran', false],
  ['Cameron', 'Kameron', false], ['Philip', 'Filip', false], ['Eoin', 'Owen', false], ['Geoffrey', 'Jeffrey', false],
  ['Jakub', 'Yakub', false], ['Casper', 'Kacper', false], ['Yusuf', 'Jusuf', false], ['Joel', 'Yoel', false],
];

/** Names twins are given that look alike on paper; the third item is each twin's sex. */
export const LOOK_ALIKE_TWINS: readonly (readonly [string, string, 'male' | 'female' | 'mixed'])[] = [
  ['Jayden', 'Jaylen', 'male'], ['Harry', 'Harvey', 'male'], ['Ethan', 'Evan', 'male'], ['Leo', 'Theo', 'male'],
  ['Jack', 'Jake', 'male'], ['Mason', 'Jason', 'male'], ['Callum', 'Calvin', 'male'], ['Liam', 'Leon', 'male'],
  ['Ryan', 'Rhys', 'male'], ['Kai', 'Kian', 'male'], ['Aiden', 'Aaron', 'male'],
  ['Amelia', 'Amelie', 'female'], ['Ella', 'Ellie', 'female'], ['Lily', 'Lila', 'female'], ['Mia', 'Maya', 'female'],
  ['Evie', 'Eva', 'female'], ['Hannah', 'Anna', 'female'], ['Chloe', 'Zoe', 'female'], ['Lucy', 'Lacey', 'female'],
  ['Millie', 'Mollie', 'female'], ['Maisie', 'Daisy', 'female'], ['Ruby', 'Rosie', 'female'], ['Esme', 'Emma', 'female'],
  // Mixed pairs: the first name is the boy's.
  ['Charlie', 'Charlotte', 'mixed'], ['Oliver', 'Olivia', 'mixed'], ['Louis', 'Louise', 'mixed'],
  ['George', 'Georgia', 'mixed'], ['Daniel', 'Danielle', 'mixed'], ['Joel', 'Joelle', 'mixed'], ['Harry', 'Hattie', 'mixed'],
];

/** Families for names of communities the synthetic surname lists do not cover. */
export const COMMUNITY_SURNAMES: Record<Community, readonly string[]> = {
  polish: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński'],
  slavic: ['Ivanov', 'Petrenko', 'Kovalenko', 'Shevchenko', 'Smirnov', 'Bondarenko', 'Popov', 'Melnyk', 'Volkov', 'Tkachenko'],
  arabic: ['Ali', 'Hassan', 'Mohamed', 'Abdi', 'Osman', 'Yusuf', 'Ahmed', 'Ibrahim', 'Farah', 'Haji', 'Said', 'Nur'],
  southAsian: ['Khan', 'Hussain', 'Ahmed', 'Mahmood', 'Shah', 'Iqbal', 'Akhtar', 'Rashid'],
};

/** Common enough that two unrelated people in one town can share both names and a birth year. */
export const COMMON_NAMES = {
  male: ['Oliver', 'Jack', 'Harry', 'George', 'Thomas', 'James', 'William', 'Daniel', 'Joshua', 'Mohammed'],
  female: ['Olivia', 'Amelia', 'Emily', 'Jessica', 'Sophie', 'Chloe', 'Lucy', 'Hannah', 'Sarah', 'Emma'],
  surnames: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Singh', 'Khan', 'Walker'],
} as const;

/** Every (formal name, short form) pair, the issue's own examples first. */
export const NICKNAME_PAIRS: readonly { entry: NameForms; short: string }[] = NICKNAMES.flatMap((entry) => entry.forms.map((short) => ({ entry, short })));

/** Every two spellings of one name. */
export const SPELLING_PAIRS: readonly { entry: Spellings; forms: readonly [string, string] }[] = TRANSLITERATIONS.flatMap((entry) =>
  entry.forms.flatMap((a, i) => entry.forms.slice(i + 1).map((b) => ({ entry, forms: [a, b] as const }))),
);

/** Every short or alternative form a record might hold for this given name (the eval's own list). */
export function shortFormsOf(name: string): readonly string[] {
  return NICKNAMES.find((entry) => entry.name === name)?.forms ?? [];
}
