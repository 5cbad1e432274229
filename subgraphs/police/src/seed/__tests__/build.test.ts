import { generatePopulation, isValidNhsNumber, isValidPncId, normalisePostcode } from '@mash/shared';
import { dashBand, DashRiskLevel } from '../../entities/codes';
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
});
