import { DEFAULT_THRESHOLDS, matchBatch } from '@mash/shared';
import type { PupilCandidate } from '../candidates';
import { pupilBlockingKeys, pupilIdentities } from '../match-pupils';

const pupil = (overrides: Partial<PupilCandidate> = {}): PupilCandidate => {
  const identity = {
    id: '00000000-0000-5000-8000-000000000001', upn: 'G937200124001', givenName: 'Leo', familyName: 'Ward', preferredSurname: 'Brennan',
    dateOfBirth: '2013-09-30', sex: 'M' as const, postcode: 'CV34 4RL', ...overrides,
  };
  return { ...identity, blockingKeys: pupilBlockingKeys(identity) };
};

describe('pupil identities', () => {
  it('match under the legal and the preferred surname, keyed under both', () => {
    expect(pupilIdentities(pupil()).map((facts) => facts.familyName)).toEqual(['Ward', 'Brennan']);
    expect(pupilIdentities(pupil({ preferredSurname: 'Ward' }))).toHaveLength(1);
    expect(pupil().blockingKeys).toEqual(expect.arrayContaining(['upn:G937200124001', 'fy:ward|2013|l', 'fy:brennan|2013|l']));
  });

  it('score one pupil as the better of its surnames, never as two candidates', () => {
    const candidates = [pupil()];
    const [byPreferred] = matchBatch(
      [{ givenName: 'Leo', familyName: 'Brennan', dateOfBirth: '2013-09-30', gender: 'MALE', postcode: 'CV34 4RL' }],
      candidates, pupilIdentities, DEFAULT_THRESHOLDS, { keys: (candidate) => candidate.blockingKeys },
    );
    expect(byPreferred.status).toBe('MATCHED');
    expect(byPreferred.matches).toHaveLength(1);
  });
});
