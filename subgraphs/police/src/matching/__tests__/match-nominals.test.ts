import { DEFAULT_THRESHOLDS } from '@mash/shared';
import type { NominalAlias, PoliceNominal } from '../../entities';
import { matchNominals, nominalBlockingKeys } from '../match-nominals';

function nominal(id: string, fields: Partial<PoliceNominal> = {}, aliases: Partial<NominalAlias>[] = []): PoliceNominal {
  const record = {
    id, localNominalId: `WK-NOM-${id}`, pncId: null, croNumber: null, givenName: 'Dean', familyName: 'Walsh', dateOfBirth: '1990-03-14',
    gender: 'MALE' as const, nhsNumber: null, postcode: 'CV34 4RL', blockingKeys: [] as string[],
    aliases: aliases as NominalAlias[], addresses: [], warningMarkers: [], missingEpisodes: [], exploitationFlags: [],
    ...fields,
  };
  return { ...record, blockingKeys: nominalBlockingKeys(record) };
}

const subject = { givenName: 'Dean', familyName: 'Walsh', dateOfBirth: '1990-03-14', gender: 'MALE' as const, postcode: 'CV34 4RL' };

describe('nominalBlockingKeys', () => {
  it('holds the keys of the recorded name and of every alias', () => {
    const keys = nominalBlockingKeys({ ...subject, nhsNumber: null, pncId: '2019/0123456E', aliases: [{ givenName: 'Dean', familyName: 'Jones', dateOfBirth: '1990-12-01' }] });
    expect(keys).toEqual(expect.arrayContaining(['pnc:2019/0123456E', 'fy:walsh|1990|d', 'fy:jones|1990|d', 'dg:1990-12-01|d', 'df:1990-12-01|j']));
  });
});

describe('matchNominals', () => {
  it('matches a nominal under the alias that resembles the subject best', () => {
    const known = nominal('1', { familyName: 'Walters', postcode: 'CV31 1AA' }, [{ givenName: 'Dean', familyName: 'Walsh', dateOfBirth: null }]);
    const [result] = matchNominals([{ ...subject, postcode: null }], [known], DEFAULT_THRESHOLDS);
    expect(result.status).toBe('MATCHED');
    expect(result.matches[0].score.matchedOn).toContain('FAMILY_NAME');
  });

  it('matches one nominal once even when its alias also resembles the subject', () => {
    const known = nominal('1', {}, [{ givenName: 'Deano', familyName: 'Walsh', dateOfBirth: null }]);
    const [result] = matchNominals([subject], [known], DEFAULT_THRESHOLDS);
    expect(result.status).toBe('MATCHED');
    expect(result.matches).toHaveLength(1);
  });

  it('scores each subject only against candidates sharing one of its own stored keys', () => {
    const other = { givenName: 'Amy', familyName: 'Jones', dateOfBirth: '2012-06-01', gender: 'FEMALE' as const, postcode: 'CV31 1AA' };
    const [walsh, jones] = matchNominals([subject, other], [nominal('1')], DEFAULT_THRESHOLDS);
    expect(walsh.status).toBe('MATCHED');
    expect(jones).toEqual({ status: 'NOT_KNOWN', matches: [] });
    // The stored keys decide: a nominal whose row holds none is never compared.
    const [unkeyed] = matchNominals([subject], [{ ...nominal('2'), blockingKeys: [] }], DEFAULT_THRESHOLDS);
    expect(unkeyed.status).toBe('NOT_KNOWN');
  });
});
