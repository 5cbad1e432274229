import { addDays, conformanceRecordId, type ConformanceFixture, type ConformancePerson } from '@mash/shared';
import type { DataSource } from 'typeorm';
import { Enrolment, OperationEncompassNotification, Pupil, School } from './entities';
import { pupilBlockingKeys } from './matching/match-pupils';
import { academicYearStart } from './records/calendar';

const id = (person: ConformancePerson, table: string) => conformanceRecordId('education', person.key, table);

/**
 * The school the conformance pupils are on roll at. URN and LAESTAB lie outside any GIAS or LA
 * allocation and the DSL line is in Ofcom's drama range, so it cannot be mistaken for a real one.
 */
const CONFORMANCE_SCHOOL = {
  urn: '999901', laestab: '9999901', name: 'Conformance Test School', phase: 'PRIMARY', schoolType: 'LA_MAINTAINED', town: 'Warwick',
  dslRole: 'Designated Safeguarding Lead', dslPhone: '01632 960999',
} as const;

/**
 * The conformance people as pupils on roll since the start of this school year; a STANDARD-risk
 * Operation Encompass notification 30 days before `asOf` for those with standard-risk domestic abuse.
 */
export const educationConformance: ConformanceFixture = {
  async insert(dataSource: DataSource, people: readonly ConformancePerson[], asOf: string): Promise<void> {
    const entryDate = `${academicYearStart(asOf)}-09-01`;
    const receivedAt = new Date(`${addDays(asOf, -30)}T07:30:00Z`);
    await dataSource.transaction(async (manager) => {
      const insert = (entity: Function, rows: object[]) => manager.createQueryBuilder().insert().into(entity).values(rows).orIgnore().updateEntity(false).execute();
      await insert(School, [CONFORMANCE_SCHOOL]);
      await insert(Pupil, people.map((person) => {
        const identity = {
          upn: person.upn, givenName: person.givenName, familyName: person.familyName, preferredSurname: null, dateOfBirth: person.dateOfBirth,
          sex: person.gender === 'MALE' ? 'M' as const : person.gender === 'FEMALE' ? 'F' as const : null, postcode: person.postcode,
        };
        return { id: id(person, 'pupil'), ...identity, formerUpn: null, upnTemporary: false, uprn: person.uprn, addressLine: person.addressLine, blockingKeys: pupilBlockingKeys(identity) };
      }));
      await insert(Enrolment, people.map((person) => ({
        id: id(person, 'enrolment'), pupilId: id(person, 'pupil'), schoolUrn: CONFORMANCE_SCHOOL.urn, entryDate, leavingDate: null,
        enrolStatus: 'C', partTime: false, onRoll: true,
      })));
      const notified = people.filter((person) => person.standardRiskDomesticAbuse);
      if (notified.length === 0) return;
      await insert(OperationEncompassNotification, notified.map((person) => ({
        id: id(person, 'encompass'), pupilId: id(person, 'pupil'), schoolUrn: CONFORMANCE_SCHOOL.urn, occurrenceRef: `CONF-OCC-${person.key}`,
        receivedAt, dashRisk: 'STANDARD', dslActionTaken: 'MONITORING',
      })));
    });
  },
  domesticAbuse: {
    selection: 'operationEncompass { notificationsLast12Months }',
    // Education discloses a count, not each notification's risk; every notification a conformance
    // person has is standard-risk, so the count is the standard-risk count.
    standardRiskItems: (record) => (record.operationEncompass as { notificationsLast12Months: number } | null)?.notificationsLast12Months ?? 0,
  },
};
