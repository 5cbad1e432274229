import { blockingKeys, DEFAULT_THRESHOLDS } from '@mash/shared';
import type { NominalAlias, PoliceNominal } from '../../entities';
import { closestIdentity, matchNominals, sharesBlockingKey } from '../match-nominals';

function nominal(id: string, fields: Partial<PoliceNominal> = {}, aliases: Partial<NominalAlias>[] = []): PoliceNominal {
  return {
    id, localNominalId: `WK-NOM-${id}`, pncId: null, croNumber: null, givenName: 'Dean', familyName: 'Walsh', dateOfBirth: '1990-03-14',
    gender: 'MALE', nhsNumber: null, postcode: 'CV34 4RL', familyNameYear: 'walsh|1990',
    aliases: aliases as NominalAlias[], addresses: [], warningMarkers: [], missingEpisodes: [], exploitationFlags: [],
    ...fields,
  };
}

const subject = { givenName: 'Dean', familyName: 'Walsh', dateOfBirth: '1990-03-14', gender: 'MALE' as const, postcode: 'CV34 4RL' };

describe('sharesBlockingKey', () => {
  it('agrees with the candidate query: any shared key', () => {
    const keys = blockingKeys(subject);
    expect(sharesBlockingKey(keys, nominal('1'))).toBe(true);
    expect(sharesBlockingKey(keys, nominal('2', { dateOfBirth: '1985-01-01', postcode: 'CV31 1AA', familyNameYear: 'jones|1985' }))).toBe(false);
    expect(sharesBlockingKey(blockingKeys({ ...subject, pncId: '2019/0123456E' }), nominal('3', { pncId: '2019/0123456E', dateOfBirth: '1970-01-01', postcode: null, familyNameYear: 'x|1970' }))).toBe(true);
  });
});

describe('closestIdentity', () => {
  it('compares a nominal under the alias that resembles the subject best', () => {
    const known = nominal('1', { givenName: 'Dean', familyName: 'Walters', familyNameYear: 'walters|1990' }, [{ givenName: 'Dean', familyName: 'Walsh', dateOfBirth: null }]);
    expect(closestIdentity(subject, known)).toMatchObject({ familyName: 'Walsh', dateOfBirth: '1990-03-14' });
  });
});

describe('matchNominals', () => {
  it('matches one nominal once even when its alias also resembles the subject', () => {
    const known = nominal('1', {}, [{ givenName: 'Deano', familyName: 'Walsh', dateOfBirth: null }]);
    const [result] = matchNominals([subject], [known], DEFAULT_THRESHOLDS);
    expect(result.status).toBe('MATCHED');
    expect(result.matches).toHaveLength(1);
  });

  it('scores each subject only against candidates of its own blocking keys', () => {
    const other = { givenName: 'Amy', familyName: 'Jones', dateOfBirth: '2012-06-01', gender: 'FEMALE' as const, postcode: 'CV31 1AA' };
    const [walsh, jones] = matchNominals([subject, other], [nominal('1')], DEFAULT_THRESHOLDS);
    expect(walsh.status).toBe('MATCHED');
    expect(jones).toEqual({ status: 'NOT_KNOWN', matches: [] });
  });
});
