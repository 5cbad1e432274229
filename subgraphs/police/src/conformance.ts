import { conformanceRecordId, type ConformanceFixture, type ConformancePerson } from '@mash/shared';
import type { DataSource } from 'typeorm';
import { DashAnswer, DashAssessment, DashRiskLevel, NominalAddress, Occurrence, OccurrenceClassification, OccurrencePerson, OccurrenceRole, PoliceNominal } from './entities';
import { nominalBlockingKeys } from './matching/match-nominals';

const id = (person: ConformancePerson, table: string) => conformanceRecordId('police', person.key, table);

/** The conformance people as police nominals; a standard-risk DA incident for those who have one. */
export const policeConformance: ConformanceFixture = {
  async insert(dataSource: DataSource, people: readonly ConformancePerson[], asOf: string): Promise<void> {
    const reportedAt = new Date(`${asOf}T10:00:00Z`);
    reportedAt.setUTCDate(reportedAt.getUTCDate() - 30);
    await dataSource.transaction(async (manager) => {
      const insert = (entity: Function, rows: object[]) => manager.createQueryBuilder().insert().into(entity).values(rows).orIgnore().updateEntity(false).execute();
      await insert(PoliceNominal, people.map((person) => ({
        id: id(person, 'nominal'), localNominalId: `CONF-${person.key}`, pncId: person.pncId, croNumber: null,
        givenName: person.givenName, familyName: person.familyName, dateOfBirth: person.dateOfBirth, gender: person.gender,
        nhsNumber: person.nhsNumber, postcode: person.postcode,
        blockingKeys: nominalBlockingKeys({ ...person, aliases: [] }),
      })));
      await insert(NominalAddress, people.map((person) => ({
        id: id(person, 'address'), nominalId: id(person, 'nominal'), addressLine: person.addressLine, postcode: person.postcode,
        uprn: person.uprn, isCurrent: true, fromDate: null, toDate: null,
      })));
      const abused = people.filter((person) => person.standardRiskDomesticAbuse);
      if (abused.length === 0) return;
      await insert(Occurrence, abused.map((person) => ({
        id: id(person, 'occurrence'), reference: `CONF-OCC-${person.key}`, reportedAt, occurredFrom: null, occurredTo: null,
        locationPostcode: person.postcode, locationUprn: person.uprn, classification: OccurrenceClassification.DOMESTIC_ABUSE,
        domesticAbuse: true, childrenPresent: true,
      })));
      await insert(OccurrencePerson, abused.map((person) => ({
        id: id(person, 'occurrence-person'), occurrenceId: id(person, 'occurrence'), nominalId: id(person, 'nominal'), role: OccurrenceRole.INVOLVED,
      })));
      // Three ticks of 27: the standard band (1-9), no professional-judgement override.
      const answers = Array.from({ length: 27 }, (_, i) => (i < 3 ? DashAnswer.YES : DashAnswer.NO));
      await insert(DashAssessment, abused.map((person) => ({
        id: id(person, 'dash'), occurrenceId: id(person, 'occurrence'), victimId: id(person, 'nominal'), perpetratorId: null,
        completedAt: reportedAt, answers, tickCount: 3, riskLevel: DashRiskLevel.STANDARD, professionalJudgementOverride: false,
        overrideRationale: null, maracReferral: false,
      })));
    });
  },
  domesticAbuse: {
    selection: 'domesticAbuseLast12Months { dashRiskLevel }',
    standardRiskItems: (record) =>
      ((record.domesticAbuseLast12Months as { dashRiskLevel: string | null }[] | null) ?? []).filter((item) => item.dashRiskLevel === 'STANDARD').length,
  },
};
