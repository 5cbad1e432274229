import { disclosureRules, FlagSeverityValue, type RecordContext } from '@mash/shared';
import { recordFlags } from '..';
import { DashRiskLevel, MissingRiskLevel, OccurrenceClassification, OccurrenceRole } from '../../entities/codes';
import type { NamedOccurrence, OffenderManagementFacts } from '../../records/load';
import { windowsFor } from '../../records/windows';
import { domesticAbusePerpetratorFlag } from '../domestic-abuse';
import { hateCrimeFlag, honourBasedAbuseFlag } from '../hate-and-honour';
import { mappaFlag, sexOffenderFlag } from '../public-protection';
import { missing, record } from './fixtures';

const windows = windowsFor('2026-11-01');

function named(overrides: Partial<NamedOccurrence> = {}): NamedOccurrence {
  return {
    reference: 'WK-OCC-2026-000001', reportedAt: '2026-09-01T22:00:00Z', classification: OccurrenceClassification.DOMESTIC_ABUSE,
    domesticAbuse: true, roles: [OccurrenceRole.SUSPECT], dashRisk: DashRiskLevel.MEDIUM, marac: false, dashHonourBased: false, ...overrides,
  };
}

describe('domesticAbusePerpetratorFlag', () => {
  it('is RED DA_PERPETRATOR for a suspect in a DASH HIGH incident within 12 months, dated by the latest incident', () => {
    const flag = domesticAbusePerpetratorFlag([
      named({ reportedAt: '2026-03-01T10:00:00Z', dashRisk: DashRiskLevel.HIGH, marac: true }),
      named({ reportedAt: '2026-10-10T10:00:00Z', roles: [OccurrenceRole.OFFENDER] }),
    ], windows);
    expect(flag).toMatchObject({ code: 'DA_PERPETRATOR', severity: FlagSeverityValue.RED, date: '2026-10-10' });
    expect(flag?.summary).toBe('Named as suspect or offender in 2 domestic-abuse incidents in the last 5 years, the latest on 2026-10-10, with a DASH HIGH or MARAC referral in the last 12 months.');
  });

  it('is RED for a MARAC referral at a lower level', () => {
    expect(domesticAbusePerpetratorFlag([named({ marac: true })], windows)?.severity).toBe(FlagSeverityValue.RED);
  });

  it('is AMBER for an older HIGH incident (over 12 months, within 5 years)', () => {
    const flag = domesticAbusePerpetratorFlag([named({ reportedAt: '2023-01-01T10:00:00Z', dashRisk: DashRiskLevel.HIGH, marac: true })], windows);
    expect(flag).toMatchObject({ severity: FlagSeverityValue.AMBER, date: '2023-01-01' });
  });

  it('is absent for a victim, an incident over 5 years ago, or a non-DA occurrence', () => {
    expect(domesticAbusePerpetratorFlag([named({ roles: [OccurrenceRole.VICTIM] })], windows)).toBeNull();
    expect(domesticAbusePerpetratorFlag([named({ reportedAt: '2021-10-01T10:00:00Z' })], windows)).toBeNull();
    expect(domesticAbusePerpetratorFlag([named({ domesticAbuse: false, classification: OccurrenceClassification.HATE_CRIME })], windows)).toBeNull();
  });
});

describe('hateCrimeFlag', () => {
  const hate = (overrides: Partial<NamedOccurrence> = {}) =>
    named({ classification: OccurrenceClassification.HATE_CRIME, domesticAbuse: false, dashRisk: null, roles: [OccurrenceRole.VICTIM], ...overrides });

  it('is AMBER HATE_CRIME_12M for a victim in the last 12 months, dated', () => {
    expect(hateCrimeFlag([hate()], windows)).toEqual({
      code: 'HATE_CRIME_12M', severity: FlagSeverityValue.AMBER, summary: 'Named as victim in a hate-crime occurrence in the last 12 months.', date: '2026-09-01',
    });
  });

  it('fires for a suspect too', () => {
    expect(hateCrimeFlag([hate({ roles: [OccurrenceRole.SUSPECT] })], windows)?.summary).toMatch(/as suspect/);
  });

  it('is absent for a witness, an older occurrence, or another classification', () => {
    expect(hateCrimeFlag([hate({ roles: [OccurrenceRole.WITNESS] })], windows)).toBeNull();
    expect(hateCrimeFlag([hate({ reportedAt: '2025-10-01T10:00:00Z' })], windows)).toBeNull();
    expect(hateCrimeFlag([named({ roles: [OccurrenceRole.VICTIM] })], windows)).toBeNull();
  });
});

describe('honourBasedAbuseFlag', () => {
  it('is RED HONOUR_BASED_ABUSE for an honour-based abuse, forced marriage or FGM occurrence', () => {
    for (const classification of [OccurrenceClassification.HONOUR_BASED_ABUSE, OccurrenceClassification.FORCED_MARRIAGE, OccurrenceClassification.FGM]) {
      const flag = honourBasedAbuseFlag([named({ classification, domesticAbuse: false, roles: [OccurrenceRole.VICTIM], dashRisk: null })], windows);
      expect(flag).toMatchObject({ code: 'HONOUR_BASED_ABUSE', severity: FlagSeverityValue.RED, date: '2026-09-01' });
      expect(flag?.summary).toMatch(/^Named \(victim\) in a police occurrence of /);
    }
  });

  it('is RED for a DA occurrence whose DASH answered q20 YES', () => {
    const flag = honourBasedAbuseFlag([named({ dashHonourBased: true, roles: [OccurrenceRole.INVOLVED] })], windows);
    expect(flag).toMatchObject({ code: 'HONOUR_BASED_ABUSE', severity: FlagSeverityValue.RED, date: '2026-09-01' });
    expect(flag?.summary).toMatch(/DASH/);
  });

  it('is absent for ordinary domestic abuse and for occurrences over 5 years ago', () => {
    expect(honourBasedAbuseFlag([named()], windows)).toBeNull();
    expect(honourBasedAbuseFlag([named({ reportedAt: '2020-01-01T10:00:00Z', classification: OccurrenceClassification.FGM, domesticAbuse: false })], windows)).toBeNull();
  });
});

describe('public protection flags', () => {
  const management = (overrides: Partial<OffenderManagementFacts> = {}): OffenderManagementFacts =>
    ({ mappaCategory: null, mappaLevel: null, registeredSexOffender: false, shpo: false, visor: false, ...overrides });

  it('SEX_OFFENDER_REGISTERED is RED for a registered sex offender or an SHPO, with no date and no offence detail', () => {
    for (const facts of [management({ registeredSexOffender: true }), management({ shpo: true })]) {
      const flag = sexOffenderFlag(facts);
      expect(flag).toMatchObject({ code: 'SEX_OFFENDER_REGISTERED', severity: FlagSeverityValue.RED, date: null });
      expect(flag?.summary).toMatch(/public protection unit/);
    }
    expect(sexOffenderFlag(management({ visor: true }))).toBeNull();
    expect(sexOffenderFlag(null)).toBeNull();
  });

  it('MAPPA_NOMINAL is RED, says whom to contact, and never the category or level', () => {
    const flag = mappaFlag(management({ mappaCategory: 2, mappaLevel: 3 }));
    expect(flag).toMatchObject({ code: 'MAPPA_NOMINAL', severity: FlagSeverityValue.RED, date: null });
    expect(flag?.summary).toMatch(/contact the police public protection unit/);
    expect(flag?.summary).not.toMatch(/[0-9]|category|level/i);
    expect(mappaFlag(management({ registeredSexOffender: true }))).toBeNull();
  });
});

describe('recordFlags with the full record', () => {
  const context = (omitStandard = false): RecordContext => ({
    asOf: '2026-11-01', disclose: disclosureRules(omitStandard ? ['OMIT_STANDARD_RISK_DOMESTIC_ABUSE'] : []),
  });
  const facts = {
    missingEpisodes: [
      { reportedAt: '2026-05-05T20:00:00Z', riskLevel: MissingRiskLevel.HIGH },
      { reportedAt: '2026-10-01T20:00:00Z', riskLevel: MissingRiskLevel.LOW },
    ],
    namedOccurrences: [named({ dashRisk: DashRiskLevel.STANDARD })],
    offenderManagement: { mappaCategory: 1, mappaLevel: 2, registeredSexOffender: true, shpo: false, visor: true },
  };
  const disclosed = record({
    missing: missing({ episodesLast90Days: 1, episodesLast12Months: 2, highestRiskLast12Months: MissingRiskLevel.HIGH, lastReportedOn: '2026-10-01' }),
  });

  it('adds the public-protection and perpetrator flags, most severe first, every dated flag dated', () => {
    const flags = recordFlags(disclosed, { facts, context: context() });
    expect(flags.map((f) => [f.code, f.severity, f.date])).toEqual([
      ['MISSING_HIGH_RISK_12M', FlagSeverityValue.RED, '2026-05-05'],
      ['SEX_OFFENDER_REGISTERED', FlagSeverityValue.RED, null],
      ['MAPPA_NOMINAL', FlagSeverityValue.RED, null],
      ['DA_PERPETRATOR', FlagSeverityValue.AMBER, '2026-09-01'],
      ['MISSING_90D', FlagSeverityValue.GREEN, '2026-10-01'],
    ]);
  });

  it('leaves a standard-risk DA perpetration out under OMIT_STANDARD_RISK_DOMESTIC_ABUSE', () => {
    expect(recordFlags(disclosed, { facts, context: context(true) }).map((f) => f.code)).not.toContain('DA_PERPETRATOR');
  });
});
