import { blockingKeys } from '../blocking';
import { swapDayMonth } from '../dates';

describe('blockingKeys', () => {
  it('normalises every key', () => {
    expect(
      blockingKeys({
        givenName: 'Amy', familyName: "O'Brien-Smith", dateOfBirth: '2015-03-04', postcode: 'cv34 4rl',
        nhsNumber: '999 000 0018', upn: 'g937200124001', pncId: '79/163001B',
      }),
    ).toEqual({
      nhsNumbers: ['9990000018'],
      upns: ['G937200124001'],
      pncIds: ['1979/0163001B'],
      datesOfBirth: ['2015-03-04', '2015-04-03'],
      postcodes: ['CV34 4RL'],
      familyNameYears: ['obrien smith|2015', 'obrien|2015', 'smith|2015'],
    });
  });

  it('adds the day/month swap only when it is a different real date', () => {
    expect(blockingKeys({ dateOfBirth: '2015-03-03' }).datesOfBirth).toEqual(['2015-03-03']);
    expect(blockingKeys({ dateOfBirth: '2015-03-25' }).datesOfBirth).toEqual(['2015-03-25']);
    expect(swapDayMonth('2015-02-30')).toBeNull();
    expect(swapDayMonth('2016-01-30')).toBeNull();
    expect(swapDayMonth('2016-12-02')).toBe('2016-02-12');
  });

  it('leaves out invalid and missing values', () => {
    const invalid = { nhsNumber: '9876544321', upn: 'H937200124001', pncId: 'x', postcode: 'ZZ99 3VZ', familyName: 'Smith', dateOfBirth: '2015-02-30' };
    expect(blockingKeys(invalid)).toEqual({
      nhsNumbers: [], upns: [], pncIds: [], datesOfBirth: [], postcodes: [], familyNameYears: [],
    });
  });
});
