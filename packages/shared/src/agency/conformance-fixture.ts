import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { nhsCheckDigit } from '../identifiers/nhs-number';
import { pncCheckChar } from '../identifiers/pnc-id';
import { upnCheckLetter } from '../identifiers/upn';
import type { Gender } from '../matching/types';

/**
 * A test person the conformance suite writes into an agency's own tables (through the adapter)
 * before checking the deployment's answers. Names are invented and identifiers come from the NHS
 * test range (999...) and a UPN/PNC block no synthetic seed uses, so they cannot collide with real
 * or demo records.
 */
export interface ConformancePerson {
  /** Stable key, also the suffix of the agency's record id for the person. */
  key: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  gender: Gender;
  addressLine: string;
  postcode: string;
  uprn: string;
  nhsNumber: string;
  upn: string;
  pncId: string;
  /** A standard-risk (DASH) domestic-abuse incident in the last 12 months involves this person. */
  standardRiskDomesticAbuse: boolean;
}

/** How one agency writes the conformance people into its tables, and reads back what obligations govern. */
export interface ConformanceFixture {
  /**
   * Writes the people (idempotent: a second run leaves the first run's rows), each with whatever
   * the agency holds for a child of that age, dated relative to `asOf`. Every person is known to
   * the agency.
   */
  insert(dataSource: DataSource, people: readonly ConformancePerson[], asOf: string): Promise<void>;
  /**
   * Only where the agency holds domestic-abuse-derived items: the GraphQL selection under `record`
   * that shows them, and how many items of a record (as JSON) are of standard risk.
   */
  domesticAbuse?: { selection: string; standardRiskItems(record: Record<string, unknown>): number };
}

const nhs = (stem: string) => `${stem}${nhsCheckDigit(stem)}`;
const upn = (rest: string) => `${upnCheckLetter(rest)}${rest}`;
const pnc = (year: string, serial: string) => `${year}/${serial}${pncCheckChar(year, serial)}`;

/** The conformance people: all school-age children, so each of the four agencies can hold them. */
export const CONFORMANCE_PEOPLE: readonly ConformancePerson[] = [
  {
    key: 'C01', givenName: 'Quillan', familyName: 'Zarkovian', dateOfBirth: '2015-03-14', gender: 'MALE',
    addressLine: '1 Conformance Row, Warwick', postcode: 'CV34 4RL', uprn: '990000000001',
    nhsNumber: nhs('999990001'), upn: upn('937999915001'), pncId: pnc('2024', '9990001'), standardRiskDomesticAbuse: true,
  },
  {
    // C01's household: each agency links them to each other (associates).
    key: 'C02', givenName: 'Marisol', familyName: 'Threnody', dateOfBirth: '2013-09-02', gender: 'FEMALE',
    addressLine: '1 Conformance Row, Warwick', postcode: 'CV34 4RL', uprn: '990000000001',
    nhsNumber: nhs('999990005'), upn: upn('937999913002'), pncId: pnc('2024', '9990002'), standardRiskDomesticAbuse: false,
  },
  // Two records with one name and date of birth at different addresses: a referral giving only
  // name and date of birth cannot tell them apart, so the answer must be AMBIGUOUS.
  {
    key: 'C03', givenName: 'Ottoline', familyName: 'Verascope', dateOfBirth: '2016-06-21', gender: 'FEMALE',
    addressLine: '3 Conformance Row, Warwick', postcode: 'CV34 4RL', uprn: '990000000003',
    nhsNumber: nhs('999990003'), upn: upn('937999916003'), pncId: pnc('2024', '9990003'), standardRiskDomesticAbuse: false,
  },
  {
    key: 'C04', givenName: 'Ottoline', familyName: 'Verascope', dateOfBirth: '2016-06-21', gender: 'FEMALE',
    addressLine: '4 Conformance Close, Rugby', postcode: 'CV21 2AA', uprn: '990000000004',
    nhsNumber: nhs('999990004'), upn: upn('937999916004'), pncId: pnc('2024', '9990004'), standardRiskDomesticAbuse: false,
  },
];

/** A stable UUID for a conformance person's record at one agency (so inserting twice changes nothing). */
export function conformanceRecordId(agency: string, key: string, table = 'person'): string {
  const hex = createHash('sha256').update(`mash-conformance:${agency}:${table}:${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
