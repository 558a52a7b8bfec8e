/**
 * Name and address pools for synthetic demo patients. Names are common and varied on purpose (realistic-looking
 * lists, search, sorting); they are combined at random, so no combination is meant to describe a real person.
 * Street names ("Example Street", "Placeholder Lane") make the addresses obviously fictional.
 */

export const DEMO_FEMALE_GIVEN_NAMES = [
  'Maria',
  'Aisha',
  'Emily',
  'Priya',
  'Grace',
  'Sofia',
  'Hannah',
  'Mei',
  'Olivia',
  'Fatima',
  'Rachel',
  'Yolanda',
  'Naomi',
  'Ingrid',
  'Chloe',
  'Lucia',
  'Danielle',
  'Keiko',
  'Amara',
  'Beatriz',
] as const;

export const DEMO_MALE_GIVEN_NAMES = [
  'James',
  'Carlos',
  'Daniel',
  'Wei',
  'Ahmed',
  'Robert',
  'Samuel',
  'Luis',
  'Kwame',
  'Thomas',
  'Mateo',
  'Raj',
  'Patrick',
  'Dmitri',
  'Elijah',
] as const;

export const DEMO_FAMILY_NAMES = [
  'Alvarez',
  'Bennett',
  'Chen',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Haddad',
  'Jensen',
  'Kowalski',
  'Lindqvist',
  'Morales',
  'Nakamura',
  'Okafor',
  'Patel',
  'Quinn',
  'Rossi',
  'Schmidt',
  'Thompson',
  'Underwood',
  'Vasquez',
  'Whitfield',
  'Yamamoto',
  'Zielinski',
  'Castillo',
  'Delgado',
  'Fitzgerald',
  'Holloway',
  'Mensah',
  'Novak',
  "O'Connor",
  'Reyes',
  'Sato',
  'Abernathy',
  'Nguyen',
] as const;

export const DEMO_STREETS = [
  'Example Street',
  'Sample Avenue',
  'Placeholder Lane',
  'Demo Court',
  'Fictional Way',
  'Specimen Road',
  'Mockingbird Test Drive',
] as const;

/** City line and phone area code per demo clinic (index 0 Denver, index 1 Chicago). */
export const DEMO_LOCALITIES = [
  { cityLine: 'Denver, CO 80203', areaCodes: ['303', '720'] },
  { cityLine: 'Chicago, IL 60601', areaCodes: ['312', '773'] },
] as const;
