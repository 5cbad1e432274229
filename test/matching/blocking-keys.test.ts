import 'reflect-metadata';
import { adapter as education } from '@mash/education';
import { BlockingKeys1795800000000 as EducationBlockingKeys } from '@mash/education/dist/migrations/1795800000000-BlockingKeys';
import { pupilBlockingKeys } from '@mash/education/dist/matching/match-pupils';
import { adapter as health } from '@mash/health';
import { BlockingKeys1795800000000 as HealthBlockingKeys } from '@mash/health/dist/migrations/1795800000000-BlockingKeys';
import { patientBlockingKeys } from '@mash/health/dist/matching/patient-facts';
import { adapter as police } from '@mash/police';
import { BlockingKeys1795800000000 as PoliceBlockingKeys } from '@mash/police/dist/migrations/1795800000000-BlockingKeys';
import { nominalBlockingKeys } from '@mash/police/dist/matching/match-nominals';
import { adapter as socialCare } from '@mash/social-care';
import { BlockingKeys1795800000000 as SocialCareBlockingKeys } from '@mash/social-care/dist/migrations/1795800000000-BlockingKeys';
import { personBlockingKeys } from '@mash/social-care/dist/matching/person-facts';
import {
  agencyEntities, agencyStore, batchBlockingKeys, openTestDatabase, type AgencyAdapter, type CandidateRow, type Database, type PersonFacts,
} from '@mash/shared';
import type { DataSource, MigrationInterface } from 'typeorm';

/** Enough rows that the planner weighs an index against a sequential scan as it would in production. */
const FILLERS = 20_000;

/**
 * Cheap synthetic people with keys as rare as real ones: 20 given names, 26 x 389 family names,
 * 85 years of birth dates, a postcode per 25 people.
 */
const FILLER = `
SELECT i,
  (ARRAY['Amy','Ben','Cara','Dan','Ella','Finn','Grace','Harry','Isla','Jack','Kai','Lily','Mia','Noah','Olly','Poppy','Ruby','Sam','Tom','Zara'])[1 + i % 20] AS given_name,
  upper(chr(97 + (i * 7) % 26)) || 'filler' || (i % 389) AS family_name,
  DATE '1940-01-01' + (i * 7919 % 31000) AS date_of_birth,
  'CV' || (1 + (i / 25) % 47) || ' ' || ((i / 25) / 47 % 10) || chr(65 + (i / 25) / 470 % 26) || 'Z' AS postcode
FROM generate_series(1, ${FILLERS}) AS i`;

/** The blocking-key contract in SQL, for single-part ASCII names (all the filler has). */
const KEYS = `ARRAY[
  'dg:' || to_char(date_of_birth, 'YYYY-MM-DD') || '|' || left(lower(given_name), 1),
  'df:' || to_char(date_of_birth, 'YYYY-MM-DD') || '|' || left(lower(family_name), 1),
  'pg:' || postcode || '|' || left(lower(given_name), 1),
  'fy:' || lower(family_name) || '|' || to_char(date_of_birth, 'YYYY') || '|' || left(lower(given_name), 1)]`;

interface Agency {
  service: string;
  adapter: AgencyAdapter<CandidateRow, unknown, object>;
  blockingKeys: new () => MigrationInterface;
  table: string;
  index: string;
  /** Rows as a database created before the BlockingKeys migration held them; returns the keys each should get. */
  oldRows(dataSource: DataSource): Promise<string[][]>;
  /** SELECT of the backfilled keys, in the order `oldRows` returned them. */
  keysOfOldRows: string;
  fill: string;
}

const AGENCIES: Agency[] = [
  {
    service: 'police', adapter: police as Agency['adapter'], blockingKeys: PoliceBlockingKeys,
    table: 'police_nominal', index: 'idx_police_nominal_blocking_keys',
    async oldRows(dataSource) {
      const [{ id }] = await dataSource.query(
        `INSERT INTO police_nominal (local_nominal_id, pnc_id, given_name, family_name, date_of_birth, gender, postcode, family_name_year)
         VALUES ('WK-NOM-0000001', '2019/0123456E', 'Dean', 'Walsh-Jones', '1990-03-14', 'MALE', 'CV34 4RL', 'walsh jones|1990') RETURNING id`,
      );
      await dataSource.query(
        `INSERT INTO nominal_alias (nominal_id, given_name, family_name, date_of_birth) VALUES ($1, 'Dean', 'Smith', '1990-12-01'), ($1, 'Deano', 'Walsh', NULL)`,
        [id],
      );
      const nominal = { givenName: 'Dean', familyName: 'Walsh-Jones', dateOfBirth: '1990-03-14', gender: 'MALE' as const, postcode: 'CV34 4RL', nhsNumber: null, pncId: '2019/0123456E' };
      const keys = nominalBlockingKeys({
        ...nominal,
        aliases: [{ givenName: 'Dean', familyName: 'Smith', dateOfBirth: '1990-12-01' }, { givenName: 'Deano', familyName: 'Walsh', dateOfBirth: null }],
      });
      expect(keys).toEqual(expect.arrayContaining(['pnc:2019/0123456E', 'fy:walsh|1990|d', 'fy:jones|1990|d', 'df:1990-12-01|s']));
      return [keys];
    },
    keysOfOldRows: `SELECT blocking_keys FROM police_nominal WHERE local_nominal_id = 'WK-NOM-0000001'`,
    fill: `INSERT INTO police_nominal (local_nominal_id, given_name, family_name, date_of_birth, gender, postcode, blocking_keys)
      SELECT 'FILL-' || i, given_name, family_name, date_of_birth, 'UNKNOWN', postcode, ${KEYS} FROM (${FILLER}) f`,
  },
  {
    service: 'health', adapter: health as Agency['adapter'], blockingKeys: HealthBlockingKeys,
    table: 'patient', index: 'idx_patient_blocking_keys',
    async oldRows(dataSource) {
      await dataSource.query(
        `INSERT INTO patient (id, nhs_number, nhs_number_verification, given_name, family_name, date_of_birth, gender, postcode, family_name_year, restricted)
         VALUES ('00000000-0000-4000-8000-000000000001', '9990000018', '01', 'Amelia', 'Hughes', '2015-03-04', 'female', 'CV34 4RL', 'hughes|2015', false),
                ('00000000-0000-4000-8000-000000000002', NULL, '03', 'Rosa', 'Hughes', '2016-07-09', 'female', 'CV34 4RL', 'hughes|2016', true)`,
      );
      const patient = { nhsNumber: '9990000018', givenName: 'Amelia', familyName: 'Hughes', dateOfBirth: '2015-03-04', gender: 'female' as const, postcode: 'CV34 4RL', restricted: false };
      const restricted = { ...patient, nhsNumber: null, givenName: 'Rosa', dateOfBirth: '2016-07-09', restricted: true };
      // PDS: a restricted patient is never found by where they live.
      expect(patientBlockingKeys(restricted).some((key) => key.startsWith('pg:'))).toBe(false);
      expect(patientBlockingKeys(patient)).toContain('pg:CV34 4RL|a');
      return [patientBlockingKeys(patient), patientBlockingKeys(restricted)];
    },
    keysOfOldRows: `SELECT blocking_keys FROM patient ORDER BY id`,
    fill: `INSERT INTO patient (nhs_number_verification, given_name, family_name, date_of_birth, gender, postcode, blocking_keys)
      SELECT '03', given_name, family_name, date_of_birth, 'unknown', postcode, ${KEYS} FROM (${FILLER}) f`,
  },
  {
    service: 'social-care', adapter: socialCare as Agency['adapter'], blockingKeys: SocialCareBlockingKeys,
    table: 'sc_person', index: 'idx_sc_person_blocking_keys',
    async oldRows(dataSource) {
      await dataSource.query(
        `INSERT INTO sc_person (person_id, upn, given_name, family_name, date_of_birth, expected_date_of_birth, gender_code, postcode, family_name_year, is_adult)
         VALUES ('WCC-000001', 'G937200124001', 'Amara', 'Okafor', '2014-03-02', NULL, 2, 'CV34 4RL', 'okafor|2014', false),
                ('WCC-000002', NULL, 'Baby', 'Okafor', NULL, '2027-01-15', 0, 'CV34 4RL', NULL, false)`,
      );
      const base = { nhsNumber: null, familyName: 'Okafor', postcode: 'CV34 4RL', expectedDateOfBirth: null };
      const child = { ...base, upn: 'G937200124001', givenName: 'Amara', dateOfBirth: '2014-03-02', genderCode: 2 as const };
      const unborn = { ...base, upn: null, givenName: 'Baby', dateOfBirth: null, expectedDateOfBirth: '2027-01-15', genderCode: 0 as const };
      expect(personBlockingKeys(unborn)).toContain('df:2027-01-15|o');
      return [personBlockingKeys(child), personBlockingKeys(unborn)];
    },
    keysOfOldRows: `SELECT blocking_keys FROM sc_person ORDER BY person_id`,
    fill: `INSERT INTO sc_person (person_id, given_name, family_name, date_of_birth, gender_code, postcode, is_adult, blocking_keys)
      SELECT 'FILL-' || i, given_name, family_name, date_of_birth, 0, postcode, true, ${KEYS} FROM (${FILLER}) f`,
  },
  {
    service: 'education', adapter: education as Agency['adapter'], blockingKeys: EducationBlockingKeys,
    table: 'pupil', index: 'idx_pupil_blocking_keys',
    async oldRows(dataSource) {
      await dataSource.query(
        `INSERT INTO pupil (id, upn, given_name, family_name, preferred_surname, date_of_birth, sex, postcode, family_name_year)
         VALUES ('00000000-0000-4000-8000-000000000001', 'G937200124001', 'Leo', 'Ward', 'Brennan', '2013-09-30', 'M', 'CV34 4RL', 'ward|2013')`,
      );
      const keys = pupilBlockingKeys({
        upn: 'G937200124001', givenName: 'Leo', familyName: 'Ward', preferredSurname: 'Brennan', dateOfBirth: '2013-09-30', sex: 'M', postcode: 'CV34 4RL',
      });
      expect(keys).toEqual(expect.arrayContaining(['upn:G937200124001', 'fy:ward|2013|l', 'fy:brennan|2013|l', 'df:2013-09-30|b']));
      return [keys];
    },
    keysOfOldRows: `SELECT blocking_keys FROM pupil ORDER BY id`,
    fill: `INSERT INTO pupil (given_name, family_name, date_of_birth, postcode, blocking_keys)
      SELECT given_name, family_name, date_of_birth, postcode, ${KEYS} FROM (${FILLER}) f`,
  },
];

/** Runs one direction of a migration on its own connection, released after (PGlite has only one). */
async function migrate(dataSource: DataSource, migration: new () => MigrationInterface, direction: 'up' | 'down'): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    await new migration()[direction](runner);
  } finally {
    await runner.release();
  }
}

interface PlanNode { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] }
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

// Each agency's database as it was before the BlockingKeys migration (that one is run by hand
// below): the four created and migrated at once, each agency's tests using only its own.
const databases = new Map<string, Database>();
beforeAll(async () => {
  await Promise.all(AGENCIES.map(async (agency) => {
    const before = agency.adapter.migrations.slice(0, agency.adapter.migrations.indexOf(agency.blockingKeys));
    databases.set(agency.service, await openTestDatabase({ service: agency.service, entities: agencyEntities(agency.adapter), migrations: before }));
  }));
});
afterAll(async () => {
  await Promise.all([...databases.values()].map((db) => db.close()));
});

describe.each(AGENCIES)('$service: blocking_keys', (agency) => {
  let db: Database;
  const migrations = agency.adapter.migrations;

  beforeAll(() => {
    db = databases.get(agency.service)!;
  });

  it('registers the BlockingKeys migration right after the initial one', () => {
    expect(migrations.indexOf(agency.blockingKeys)).toBe(1);
  });

  it('backfills the keys of rows written before the column existed', async () => {
    const expected = await agency.oldRows(db.dataSource);
    await migrate(db.dataSource, agency.blockingKeys, 'up');
    const rows: { blocking_keys: string[] }[] = await db.dataSource.query(agency.keysOfOldRows);
    expect(rows.map((row) => row.blocking_keys)).toEqual(expected);
  });

  it('selects candidates in ONE query that a Bitmap Index Scan on the GIN index answers, never a Seq Scan', async () => {
    await db.dataSource.query(agency.fill);
    // VACUUM as after any bulk load: it also moves the GIN pending list into the index proper.
    await db.dataSource.query(`VACUUM ANALYZE ${agency.table}`);
    const [filler] = await db.dataSource.query(
      `SELECT given_name AS "givenName", family_name AS "familyName", to_char(date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth", postcode
       FROM ${agency.table} WHERE blocking_keys <> '{}' ORDER BY given_name, family_name LIMIT 1`,
    );
    // A case's three subjects: one known here, a sibling with a nickname and the DOB keyed US-style, one unknown.
    const subjects: PersonFacts[] = [
      filler,
      { givenName: 'Billy', familyName: filler.familyName, dateOfBirth: '2015-04-03', postcode: filler.postcode },
      { givenName: 'Zebedee', familyName: 'Quillfeather', dateOfBirth: '1901-01-01', postcode: 'CV34 4RL' },
    ];
    const store = agencyStore(db.dataSource);
    const calls: [string, readonly unknown[]][] = [];
    const recording = { query: <T>(text: string, values: readonly unknown[]) => (calls.push([text, values]), store.query<T>(text, values)) };
    const candidates = await agency.adapter.findCandidates(recording, batchBlockingKeys(subjects));
    const selects = calls.filter(([sql]) => new RegExp(`FROM ${agency.table}\\b[\\s\\S]*blocking_keys && `).test(sql));
    expect(selects).toHaveLength(1);
    expect(candidates.length).toBeGreaterThan(0);

    const [sql, params] = selects[0];
    const [{ 'QUERY PLAN': [plan] }] = await db.dataSource.query(`EXPLAIN (FORMAT JSON) ${sql}`, [...params]);
    const nodes = nodesOf(plan.Plan);
    const text = (await db.dataSource.query(`EXPLAIN ${sql}`, [...params])).map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n');
    expect({ plan: text, seqScan: nodes.some((n) => n['Node Type'] === 'Seq Scan') }).toEqual({ plan: text, seqScan: false });
    expect(nodes).toContainEqual(expect.objectContaining({ 'Node Type': 'Bitmap Index Scan', 'Index Name': agency.index }));
  });

  it('goes down to family_name_year and back up again', async () => {
    const [{ count }] = await db.dataSource.query(`SELECT count(*)::int AS count FROM ${agency.table}`);
    await migrate(db.dataSource, agency.blockingKeys, 'down');
    const [{ missing }] = await db.dataSource.query(
      `SELECT count(*)::int AS missing FROM ${agency.table} WHERE family_name_year IS NULL AND date_of_birth IS NOT NULL`,
    );
    expect(missing).toBe(0);
    await migrate(db.dataSource, agency.blockingKeys, 'up');
    const [{ keyed }] = await db.dataSource.query(`SELECT count(*)::int AS keyed FROM ${agency.table} WHERE blocking_keys <> '{}'`);
    expect(keyed).toBe(count);
  });
});
