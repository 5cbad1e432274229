import { addDays, ageOn, conformanceRecordId, type ConformanceFixture, type ConformancePerson } from '@mash/shared';
import type { DataSource } from 'typeorm';
import { Assessment, EarlyHelpEpisode, Person, Referral } from './entities';
import { GENDER_CODE, personBlockingKeys } from './matching/person-facts';

const id = (person: ConformancePerson, table: string) => conformanceRecordId('social-care', person.key, table);
/** `person_id` is the local authority's own id (varchar(16)): no room for a UUID, and the key is already stable. */
const personId = (person: ConformancePerson) => `CONF-${person.key}`;

/**
 * The conformance people as children known to social care: a referral closed after assessment with
 * a step-down to early help (RC9), and the early-help episode still open. No domestic-abuse items:
 * social care holds none that are DASH-graded.
 */
export const socialCareConformance: ConformanceFixture = {
  async insert(dataSource: DataSource, people: readonly ConformancePerson[], asOf: string): Promise<void> {
    const referralDate = addDays(asOf, -120);
    const closureDate = addDays(referralDate, 25);
    await dataSource.transaction(async (manager) => {
      const insert = (entity: Function, rows: object[]) => manager.createQueryBuilder().insert().into(entity).values(rows).orIgnore().updateEntity(false).execute();
      await insert(Person, people.map((person) => {
        const identity = {
          givenName: person.givenName, familyName: person.familyName, dateOfBirth: person.dateOfBirth, expectedDateOfBirth: null,
          genderCode: GENDER_CODE[person.gender], postcode: person.postcode, nhsNumber: person.nhsNumber, upn: person.upn,
        };
        return {
          ...identity, id: personId(person), ethnicity: null, uprn: person.uprn, isAdult: ageOn(person.dateOfBirth, asOf) >= 18,
          blockingKeys: personBlockingKeys(identity),
        };
      }));
      await insert(Referral, people.map((person) => ({
        id: id(person, 'referral'), personId: personId(person), referralDate, source: '2A', primaryNeed: 'N4', closureDate,
        reasonForClosure: 'RC9', nfa: false, dateOfInitialCpc: null,
      })));
      await insert(Assessment, people.map((person) => ({
        id: id(person, 'assessment'), referralId: id(person, 'referral'), startDate: addDays(referralDate, 2),
        authorisedDate: addDays(referralDate, 20), factors: ['21'],
      })));
      await insert(EarlyHelpEpisode, people.map((person) => ({
        id: id(person, 'early-help'), personId: personId(person), startDate: closureDate, endDate: null, leadAgency: 'SCHOOL',
        leadProfessionalRole: 'DESIGNATED_SAFEGUARDING_LEAD', assessmentType: 'PATHWAY_TO_CHANGE', planStatus: 'PLAN_IN_PLACE',
        closureReason: null,
      })));
    });
  },
};
