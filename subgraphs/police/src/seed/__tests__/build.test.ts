import { generatePopulation, isValidNhsNumber, isValidPncId, normalisePncId, normalisePostcode } from '@mash/shared';
import { DASH_HONOUR_BASED_QUESTION, dashBand, DashRiskLevel, OccurrenceClassification } from '../../entities/codes';
import { seedId } from '../clock';
import { buildPoliceRows } from '../build';

describe('buildPoliceRows', () => {
  const population = generatePopulation({ people: 600 });
  const rows = buildPoliceRows(population);

  it('is deterministic', () => {
    expect(buildPoliceRows(generatePopulation({ people: 600 }))).toEqual(rows);
  });

  it('makes one nominal per person police know, with valid, normalised identifiers', () => {
    expect(rows.nominals).toHaveLength(population.people.filter((p) => population.agencyView(p, 'police')).length);
    for (const n of rows.nominals) {
      if (n.pncId) expect(isValidPncId(n.pncId) && /^\d{4}\/\d{7}[A-Z]$/.test(n.pncId)).toBe(true);
      if (n.nhsNumber) expect(isValidNhsNumber(n.nhsNumber)).toBe(true);
      expect(n.postcode).toBe(normalisePostcode(n.postcode ?? ''));
    }
  });

  it('gives PNC IDs only to suspects and offenders', () => {
    const suspects = new Set(rows.occurrencePersons.filter((p) => p.role === 'SUSPECT' || p.role === 'OFFENDER').map((p) => p.nominalId));
    for (const n of rows.nominals.filter((n) => n.pncId)) expect(suspects.has(n.id)).toBe(true);
  });

  it('writes DASH assessments whose answers, count and level agree (1-9, 10-13, 14+; judgement only raises)', () => {
    expect(rows.dashAssessments.length).toBeGreaterThan(0);
    const rank = { STANDARD: 1, MEDIUM: 2, HIGH: 3 };
    for (const dash of rows.dashAssessments) {
      expect(dash.answers).toHaveLength(27);
      expect(dash.answers.filter((a) => a === 'YES')).toHaveLength(dash.tickCount);
      if (dash.professionalJudgementOverride) expect(rank[dash.riskLevel]).toBeGreaterThan(rank[dashBand(dash.tickCount)]);
      else expect(dash.riskLevel).toBe(dashBand(dash.tickCount));
      expect(dash.maracReferral).toBe(dash.riskLevel === DashRiskLevel.HIGH);
    }
  });

  it('gives the demo RED household a repeat missing child with one HIGH-risk episode', () => {
    const redIds = new Set(rows.nominals.filter((n) => population.demo.red.members.some((m) => m.familyName === n.familyName && m.dateOfBirth === n.dateOfBirth)).map((n) => n.id));
    const episodes = rows.missingEpisodes.filter((e) => redIds.has(e.nominalId));
    expect(episodes.length).toBeGreaterThanOrEqual(3);
    expect(episodes.filter((e) => e.riskLevel === 'HIGH')).toHaveLength(1);
  });

  it('never answers DASH q20 (honour-based violence) YES outside a scenario that says so', () => {
    for (const dash of rows.dashAssessments) expect(dash.answers[DASH_HONOUR_BASED_QUESTION - 1]).not.toBe('YES');
  });
});

describe('buildPoliceRows: think-family scenario households', () => {
  const population = generatePopulation({ people: 600 });
  const rows = buildPoliceRows(population);
  const scenario = (name: string) => population.scenarios.find((s) => s.name === name)!;
  const person = (name: string, givenName: string) => scenario(name).household.members.find((m) => m.givenName === givenName)!;
  const nominalId = (p: { key: string }) => seedId(`nominal:${p.key}`);
  const rolesIn = (occurrenceId: string) => rows.occurrencePersons.filter((p) => p.occurrenceId === occurrenceId).map((p) => [p.nominalId, p.role]);

  it('writes a nominal for every scenario member known to police, and none for the others', () => {
    for (const member of population.scenarios.flatMap((s) => s.household.members)) {
      const nominal = rows.nominals.find((n) => n.id === nominalId(member));
      if (member.knownTo.police) expect(nominal).toMatchObject({ givenName: member.givenName, familyName: member.familyName, dateOfBirth: member.dateOfBirth });
      else expect(nominal).toBeUndefined();
    }
  });

  it('puts Wayne Tolley at the Harcourt household address, registered sex offender and MAPPA, with a PNC record', () => {
    const household = scenario('household-domestic-abuse').household;
    const wayne = person('household-domestic-abuse', 'Wayne');
    expect(rows.addresses.find((a) => a.nominalId === nominalId(wayne) && a.isCurrent)).toMatchObject({ uprn: household.uprn, postcode: normalisePostcode(household.postcode) });
    expect(rows.offenderManagement.filter((m) => m.nominalId === nominalId(wayne))).toEqual([
      expect.objectContaining({ mappaCategory: 1, mappaLevel: 2, registeredSexOffender: true }),
    ]);
    expect(rows.nominals.find((n) => n.id === nominalId(wayne))?.pncId).toBe(normalisePncId(wayne.pncId!));
  });

  it('names the DA victim and perpetrator in the same occurrences at the address, the latest DASH HIGH with MARAC', () => {
    const household = scenario('household-domestic-abuse').household;
    const danielle = nominalId(person('household-domestic-abuse', 'Danielle'));
    const craig = nominalId(person('household-domestic-abuse', 'Craig'));
    const occurrences = rows.occurrences.filter((o) => o.domesticAbuse && rolesIn(o.id).some(([id]) => id === danielle));
    expect(occurrences).toHaveLength(3);
    for (const o of occurrences) {
      expect(o.locationUprn).toBe(household.uprn);
      expect(rolesIn(o.id)).toEqual(expect.arrayContaining([[danielle, 'VICTIM'], [craig, 'SUSPECT']]));
    }
    const latest = occurrences.reduce((a, b) => (a.reportedAt > b.reportedAt ? a : b));
    expect(rows.dashAssessments.find((d) => d.occurrenceId === latest.id)).toMatchObject({ riskLevel: 'HIGH', maracReferral: true, victimId: danielle, perpetratorId: craig });
    expect(rows.warningMarkers.filter((m) => m.nominalId === craig)).toEqual([expect.objectContaining({ type: 'VIOLENT', active: true })]);
  });

  it('writes Jayden\'s exploitation types and three missing episodes (one HIGH), Rupert\'s hate crime and radicalisation, Imogen\'s honour-based abuse', () => {
    const jayden = nominalId(person('home-educated-with-concerns', 'Jayden'));
    expect(rows.exploitationFlags.filter((f) => f.nominalId === jayden).map((f) => f.type).sort()).toEqual(['CCE', 'COUNTY_LINES']);
    const episodes = rows.missingEpisodes.filter((e) => e.nominalId === jayden);
    expect(episodes).toHaveLength(3);
    expect(episodes.filter((e) => e.riskLevel === 'HIGH')).toHaveLength(1);
    const rupert = nominalId(person('honour-based-abuse-and-radicalisation', 'Rupert'));
    expect(rows.exploitationFlags.filter((f) => f.nominalId === rupert).map((f) => f.type)).toEqual(['RADICALISATION']);
    const classificationsOf = (id: string) => rows.occurrencePersons.filter((p) => p.nominalId === id)
      .map((p) => [rows.occurrences.find((o) => o.id === p.occurrenceId)!.classification, p.role]);
    expect(classificationsOf(rupert)).toContainEqual([OccurrenceClassification.HATE_CRIME, 'VICTIM']);
    const imogen = nominalId(person('honour-based-abuse-and-radicalisation', 'Imogen'));
    expect(classificationsOf(imogen)).toContainEqual([OccurrenceClassification.HONOUR_BASED_ABUSE, 'VICTIM']);
  });

  it('draws no random markers in scenario households: only the violent markers the scenarios state', () => {
    const scenarioNominals = new Set(population.scenarios.flatMap((s) => s.household.members).map(nominalId));
    const markers = rows.warningMarkers.filter((m) => scenarioNominals.has(m.nominalId));
    expect(markers.map((m) => [m.nominalId, m.type]).sort()).toEqual([
      [nominalId(person('household-domestic-abuse', 'Craig')), 'VIOLENT'],
      [nominalId(person('adult-section-42', 'Graham')), 'VIOLENT'],
    ].sort());
  });
});
