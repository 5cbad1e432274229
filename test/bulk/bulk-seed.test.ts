import {
  DEMO_SURNAMES, generatePopulation, isValidNhsNumber, isValidPncId, isValidUpn, recordBlockingKeys,
  type AgencyAdapter, type AgencyName, type BulkSeedOptions, type BulkSeedResult, type CandidateRow, type Gender, type PersonFacts,
} from '@mash/shared';
import type { DataSource } from 'typeorm';
import { bulkSeed as policeBulkSeed } from '@mash/police/dist/seed/bulk';
import { bulkSeed as socialCareBulkSeed } from '@mash/social-care/dist/seed/bulk';
import { bulkSeed as healthBulkSeed } from '@mash/health/dist/seed/bulk';
import { bulkSeed as educationBulkSeed } from '@mash/education/dist/seed/bulk';
import { adapter as police } from '@mash/police';
import { adapter as socialCare } from '@mash/social-care';
import { adapter as health } from '@mash/health';
import { adapter as education } from '@mash/education';
import { openAgencyHarness, testGrant, type AgencyHarness } from '../support/agency';

const ADAPTERS = { police, 'social-care': socialCare, health, education } as Record<AgencyName, AgencyAdapter<CandidateRow, unknown, object>>;

const PEOPLE = 400;
const FILLER = 5000;

/** Per agency: its bulk seed, how to read a filler person back as facts, and tables the filler feeds. */
interface Case {
  agency: AgencyName;
  field: string;
  bulkSeed: (dataSource: DataSource, options: BulkSeedOptions) => Promise<BulkSeedResult>;
  table: string;
  filler: string;
  /** Filler rows as matching facts (dates as YYYY-MM-DD), with their stored keys. */
  select: string;
  /** Related tables and the least number of rows 5,000 filler people give them. */
  related: Record<string, number>;
}

const UUIDS = `BETWEEN 'b0000000-0000-4000-8000-000000000000' AND 'b0000000-0000-4000-8000-ffffffffffff'`;
const FACTS = `given_name AS "givenName", family_name AS "familyName", to_char(date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth",
  postcode, blocking_keys AS keys`;

const CASES: Case[] = [
  {
    agency: 'police', field: 'police', bulkSeed: policeBulkSeed, table: 'police_nominal', filler: `id ${UUIDS}`,
    select: `SELECT ${FACTS}, gender, nhs_number AS "nhsNumber", pnc_id AS "pncId" FROM police_nominal WHERE id ${UUIDS}`,
    related: { nominal_address: FILLER, occurrence: 300, occurrence_person: 350, dash_assessment: 50, warning_marker: 50, missing_episode: 5 },
  },
  {
    agency: 'social-care', field: 'socialCare', bulkSeed: socialCareBulkSeed, table: 'sc_person', filler: `person_id LIKE 'BULK-%'`,
    select: `SELECT ${FACTS}, CASE gender_code WHEN 1 THEN 'MALE' ELSE 'FEMALE' END AS gender, nhs_number AS "nhsNumber", upn
      FROM sc_person WHERE person_id LIKE 'BULK-%'`,
    related: { sc_referral: 100, sc_assessment: 50, sc_early_help_episode: 15, sc_section42_enquiry: 30 },
  },
  {
    agency: 'health', field: 'health', bulkSeed: healthBulkSeed, table: 'patient', filler: `id ${UUIDS}`,
    select: `SELECT ${FACTS}, upper(gender) AS gender, nhs_number AS "nhsNumber" FROM patient WHERE id ${UUIDS}`,
    related: { gp_registration: 4700, unscheduled_care_attendance: 500, mental_health_involvement: 40, was_not_brought_event: 20 },
  },
  {
    agency: 'education', field: 'education', bulkSeed: educationBulkSeed, table: 'pupil', filler: `id ${UUIDS}`,
    select: `SELECT ${FACTS}, CASE sex WHEN 'M' THEN 'MALE' ELSE 'FEMALE' END AS gender, upn FROM pupil WHERE id ${UUIDS}`,
    related: { enrolment: 2500, attendance_summary: 2000, sen_status: 400, exclusion: 10 },
  },
];

const count = async (dataSource: DataSource, table: string, where = 'true'): Promise<number> =>
  Number((await dataSource.query(`SELECT count(*) AS n FROM ${table} WHERE ${where}`))[0].n);

describe.each(CASES)('bulk seed: $agency', (c) => {
  const population = generatePopulation({ people: PEOPLE });
  let harness: AgencyHarness;
  let database: AgencyHarness['database'];
  let first: BulkSeedResult;
  let real: number;

  beforeAll(async () => {
    harness = await openAgencyHarness(ADAPTERS[c.agency], { people: PEOPLE });
    database = harness.database;
    real = await count(database.dataSource, c.table);
    // Small batches, so batch boundaries (and a partner across them) are exercised.
    first = await c.bulkSeed(database.dataSource, { people: FILLER, batchSize: 1500 });
  });
  afterAll(() => harness?.close());

  it('adds the filler people beside the demo seed, with related records at realistic rates', async () => {
    expect(first).toMatchObject({ added: FILLER, total: FILLER });
    expect(await count(database.dataSource, c.table)).toBe(real + FILLER);
    expect(await count(database.dataSource, c.table, c.filler)).toBe(FILLER);
    for (const [table, least] of Object.entries(c.related)) {
      const rows = await count(database.dataSource, table);
      expect({ table, rows, enough: rows >= least }).toEqual({ table, rows, enough: true });
    }
    const demoNames = Object.values(DEMO_SURNAMES).map((name) => `'${name}'`).join(', ');
    expect(await count(database.dataSource, c.table, `${c.filler} AND family_name IN (${demoNames})`)).toBe(0);
  });

  it('is incremental and idempotent', async () => {
    const before = await Promise.all([c.table, ...Object.keys(c.related)].map((table) => count(database.dataSource, table)));
    expect(await c.bulkSeed(database.dataSource, { people: FILLER })).toMatchObject({ added: 0, total: FILLER });
    expect(await c.bulkSeed(database.dataSource, { people: 100 })).toMatchObject({ added: 0, total: FILLER });
    const after = await Promise.all([c.table, ...Object.keys(c.related)].map((table) => count(database.dataSource, table)));
    expect(after).toEqual(before);
  });

  it('gives checksum-valid identifiers and the blocking keys recordBlockingKeys computes', async () => {
    const rows: (PersonFacts & { keys: string[] })[] = await database.dataSource.query(c.select);
    expect(rows).toHaveLength(FILLER);
    const invalid = rows.filter((row) =>
      (row.nhsNumber && !isValidNhsNumber(row.nhsNumber)) || (row.upn && !isValidUpn(row.upn)) || (row.pncId && !isValidPncId(row.pncId)));
    expect(invalid).toEqual([]);
    const held = (key: 'nhsNumber' | 'upn' | 'pncId') => rows.filter((row) => row[key]).length;
    // No filler person carries an NHS number the population (in any agency) gives someone else.
    const populationNhs = new Set(population.people.flatMap((person) => (person.nhsNumber ? [person.nhsNumber] : [])));
    expect(rows.filter((row) => row.nhsNumber && populationNhs.has(row.nhsNumber))).toEqual([]);
    if (c.agency !== 'education') expect(held('nhsNumber')).toBeGreaterThan(FILLER * 0.2);
    if (c.agency === 'education') expect(held('upn')).toBeGreaterThan(FILLER * 0.5);
    if (c.agency === 'social-care') expect(held('upn')).toBeGreaterThan(FILLER * 0.1);
    if (c.agency === 'police') expect(held('pncId')).toBeGreaterThan(FILLER * 0.05);
    // Unique identifiers: a filler person never shares one with anyone else in the agency.
    for (const [column, key] of [['nhs_number', 'nhsNumber'], ['upn', 'upn'], ['pnc_id', 'pncId']] as const) {
      if (held(key) === 0) continue;
      const [{ n }] = await database.dataSource.query(
        `SELECT count(*) AS n FROM (SELECT ${column} FROM ${c.table} WHERE ${column} IS NOT NULL GROUP BY ${column}
         HAVING count(*) > 1 AND bool_or(${c.filler})) d`);
      expect({ column, duplicates: Number(n) }).toEqual({ column, duplicates: 0 });
    }
    for (const row of rows.filter((_, index) => index % 25 === 0)) {
      const { keys, ...facts } = row;
      expect({ facts, keys: [...keys].sort() }).toEqual({ facts, keys: recordBlockingKeys({ ...facts, gender: facts.gender as Gender }).sort() });
    }
  });

  it('still MATCHES each demo RED child, with and without identifiers', async () => {
    const { red } = population.demo;
    const children = red.members.filter((person) => person.role === 'CHILD');
    for (const identifiers of [false, true]) {
      const representations = children.map((person) => ({
        __typename: 'Subject', id: `S-${person.key}-${identifiers}`, givenName: person.givenName, familyName: person.familyName,
        dateOfBirth: person.dateOfBirth, gender: person.gender, postcode: red.postcode,
        nhsNumber: identifiers ? person.nhsNumber : null, upn: identifiers ? person.upn : null, pncId: identifiers ? person.pncId : null,
      }));
      const { data, errors } = await harness.execute(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Subject { ${c.field} { status matches { confidence } } } } }`,
        { r: representations },
        testGrant(c.agency, representations.map((r) => r.id)),
      );
      expect(errors).toBeUndefined();
      for (const entity of data._entities) {
        expect({ identifiers, status: entity[c.field].status }).toEqual({ identifiers, status: 'MATCHED' });
        expect(entity[c.field].matches[0].confidence).toBeGreaterThanOrEqual(0.95);
      }
    }
  });
});
