import { DEFAULT_THRESHOLDS, matchBatch } from '@mash/shared';
import type { NominalCandidate } from '../candidates';
import { nominalBlockingKeys, nominalIdentities } from '../match-nominals';

function nominal(id: string, fields: Partial<NominalCandidate> = {}, aliases: NominalCandidate['aliases'] = []): NominalCandidate {
  const record: NominalCandidate = {
    id, localNominalId: `WK-NOM-${id}`, pncId: null, givenName: 'Dean', familyName: 'Walsh', dateOfBirth: '1990-03-14',
    gender: 'MALE', nhsNumber: null, postcode: 'CV34 4RL', blockingKeys: [], aliases, ...fields,
  };
  return { ...record, blockingKeys: nominalBlockingKeys(record) };
}

const match = (subjects: Parameters<typeof nominalIdentities>[0][], candidates: NominalCandidate[]) =>
  matchBatch(subjects, candidates, nominalIdentities, DEFAULT_THRESHOLDS, { keys: (candidate) => candidate.blockingKeys });

const subject = { givenName: 'Dean', familyName: 'Walsh', dateOfBirth: '1990-03-14', gender: 'MALE' as const, postcode: 'CV34 4RL', nhsNumber: null, pncId: null };

describe('nominalBlockingKeys', () => {
  it('holds the keys of the recorded name and of every alias', () => {
    const keys = nominalBlockingKeys({ ...subject, pncId: '2019/0123456E', aliases: [{ givenName: 'Dean', familyName: 'Jones', dateOfBirth: '1990-12-01' }] });
    expect(keys).toEqual(expect.arrayContaining(['pnc:2019/0123456E', 'fy:walsh|1990|d', 'fy:jones|1990|d', 'dg:1990-12-01|d', 'df:1990-12-01|j']));
  });
});

describe('matching nominals under their identities', () => {
  it('matches a nominal under the alias that resembles the subject best', () => {
    const known = nominal('1', { familyName: 'Walters', postcode: 'CV31 1AA' }, [{ givenName: 'Dean', familyName: 'Walsh', dateOfBirth: null }]);
    const [result] = match([{ ...subject, postcode: null }], [known]);
    expect(result.status).toBe('MATCHED');
    expect(result.matches[0].score.matchedOn).toContain('FAMILY_NAME');
  });

  it('matches one nominal once even when its alias also resembles the subject', () => {
    const known = nominal('1', {}, [{ givenName: 'Deano', familyName: 'Walsh', dateOfBirth: null }]);
    const [result] = match([subject], [known]);
    expect(result.status).toBe('MATCHED');
    expect(result.matches).toHaveLength(1);
  });

  it('scores each subject only against candidates sharing one of its own stored keys', () => {
    const other = { givenName: 'Amy', familyName: 'Jones', dateOfBirth: '2012-06-01', gender: 'FEMALE' as const, postcode: 'CV31 1AA', nhsNumber: null, pncId: null };
    const [walsh, jones] = match([subject, other], [nominal('1')]);
    expect(walsh.status).toBe('MATCHED');
    expect(jones).toEqual({ status: 'NOT_KNOWN', matches: [] });
    // The stored keys decide: a nominal whose row holds none is never compared.
    const [unkeyed] = match([subject], [{ ...nominal('2'), blockingKeys: [] }]);
    expect(unkeyed.status).toBe('NOT_KNOWN');
  });
});
