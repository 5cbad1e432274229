import { addDays, conformanceRecordId, type ConformanceFixture, type ConformancePerson } from '@mash/shared';
import type { DataSource } from 'typeorm';
import { GpRegistration, Patient } from './entities';
import type { PatientGender } from './entities/code-lists';
import { patientBlockingKeys } from './matching/patient-facts';
import { practicesNear } from './seed/practices';

const id = (person: ConformancePerson, table: string) => conformanceRecordId('health', person.key, table);

/**
 * The conformance people as PDS patients with a verified NHS number, each registered since two
 * weeks old with a practice near home. Health holds no DASH-graded domestic-abuse items, so no
 * obligation changes what it discloses of them.
 */
export const healthConformance: ConformanceFixture = {
  async insert(dataSource: DataSource, people: readonly ConformancePerson[]): Promise<void> {
    await dataSource.transaction(async (manager) => {
      const insert = (entity: Function, rows: object[]) => manager.createQueryBuilder().insert().into(entity).values(rows).orIgnore().updateEntity(false).execute();
      await insert(Patient, people.map((person) => {
        const patient = {
          id: id(person, 'patient'), nhsNumber: person.nhsNumber, nhsNumberVerification: '01', givenName: person.givenName,
          familyName: person.familyName, dateOfBirth: person.dateOfBirth, gender: person.gender.toLowerCase() as PatientGender,
          addressLine: person.addressLine, postcode: person.postcode, uprn: person.uprn, restricted: false, deceasedDate: null,
        };
        return { ...patient, blockingKeys: patientBlockingKeys(patient) };
      }));
      await insert(GpRegistration, people.map((person) => {
        const [practice] = practicesNear(person.postcode);
        return {
          id: id(person, 'gp-registration'), patientId: id(person, 'patient'), practiceOdsCode: practice.odsCode, practiceName: practice.name,
          registeredFrom: addDays(person.dateOfBirth, 14), registeredTo: null, status: 'REGISTERED',
        };
      }));
    });
  },
};
