import type { Heritage } from './surnames';

// Invented people need plausible names across the generations alive today (adults born from the
// 1950s, children to the 2020s), including the formal and short forms in the nickname table so
// the NICKNAME variant has something to work on.

export const MALE_NAMES: readonly string[] = [
  'Oliver', 'George', 'Harry', 'Jack', 'Noah', 'Leo', 'Arthur', 'Oscar', 'Charlie', 'Freddie',
  'Alfie', 'Archie', 'Theo', 'Thomas', 'William', 'James', 'Henry', 'Joshua', 'Samuel', 'Daniel',
  'Joseph', 'Benjamin', 'Alexander', 'Matthew', 'Christopher', 'Michael', 'David', 'Paul', 'Mark', 'Andrew',
  'Richard', 'Stephen', 'Robert', 'John', 'Peter', 'Anthony', 'Gary', 'Darren', 'Lee', 'Craig',
  'Jamie', 'Ryan', 'Liam', 'Connor', 'Kyle', 'Callum', 'Luke', 'Adam', 'Nathan', 'Jake',
  'Lewis', 'Max', 'Reuben', 'Finley', 'Toby', 'Edward', 'Frederick', 'Alfred', 'Ethan', 'Mason',
  'Riley', 'Jayden', 'Tyler', 'Kai', 'Nicholas', 'Jonathan', 'Patrick', 'Zachary', 'Theodore', 'Archibald',
];

export const FEMALE_NAMES: readonly string[] = [
  'Olivia', 'Amelia', 'Isla', 'Ava', 'Mia', 'Ivy', 'Lily', 'Isabella', 'Sophia', 'Grace',
  'Freya', 'Florence', 'Poppy', 'Evie', 'Ella', 'Ellie', 'Charlotte', 'Emily', 'Jessica', 'Sophie',
  'Chloe', 'Lucy', 'Hannah', 'Megan', 'Lauren', 'Katie', 'Rebecca', 'Abigail', 'Eleanor', 'Millie',
  'Amy', 'Emma', 'Sarah', 'Laura', 'Gemma', 'Kelly', 'Claire', 'Lisa', 'Michelle', 'Nicola',
  'Joanne', 'Helen', 'Rachel', 'Victoria', 'Elizabeth', 'Margaret', 'Susan', 'Karen', 'Julie', 'Tracey',
  'Deborah', 'Jennifer', 'Katherine', 'Samantha', 'Alexandra', 'Zoë', 'Siân', 'Evelyn', 'Harriet', 'Rosie',
  'Matilda', 'Phoebe', 'Daisy', 'Jasmine', 'Beth', 'Josephine',
];

/** Names more common in families of each heritage; mixed with the general lists when drawn. */
export const HERITAGE_NAMES: Record<Heritage, { male: readonly string[]; female: readonly string[] }> = {
  british: { male: [], female: [] },
  caribbean: { male: ['Marcus', 'Jerome', 'Tyrone', 'Andre', 'Dwayne'], female: ['Shanice', 'Keisha', 'Jade', 'Tia', 'Aaliyah'] },
  southAsian: {
    male: ['Mohammed', 'Arjun', 'Aarav', 'Rohan', 'Gurpreet', 'Amir', 'Ibrahim', 'Yusuf', 'Hamza', 'Ravi', 'Sanjay', 'Imran', 'Vikram'],
    female: ['Priya', 'Aisha', 'Fatima', 'Simran', 'Anika', 'Zara', 'Nisha', 'Sunita', 'Harleen', 'Ayesha', 'Maryam', 'Noor', 'Kiran'],
  },
  polish: {
    male: ['Jakub', 'Piotr', 'Tomasz', 'Michał', 'Kacper', 'Szymon', 'Mateusz', 'Paweł', 'Krzysztof', 'Łukasz'],
    female: ['Zuzanna', 'Julia', 'Maja', 'Katarzyna', 'Agnieszka', 'Małgorzata', 'Aleksandra', 'Natalia', 'Wiktoria', 'Magdalena'],
  },
  irish: {
    male: ['Seán', 'Ciaran', 'Declan', 'Conor', 'Padraig', 'Oisín', 'Eoin', 'Cian'],
    female: ['Siobhan', 'Niamh', 'Aoife', 'Ciara', 'Róisín', 'Orla', 'Saoirse', 'Bridget'],
  },
  african: {
    male: ['Chidi', 'Emeka', 'Kwame', 'Kofi', 'Tunde', 'Ebuka', 'Femi'],
    female: ['Amara', 'Chiamaka', 'Adaeze', 'Abena', 'Folake', 'Blessing', 'Precious', 'Esther'],
  },
};
