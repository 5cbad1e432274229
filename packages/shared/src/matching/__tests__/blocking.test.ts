import { recordBlockingKeys, subjectBlockingKeys } from '../blocking';
import { swapDayMonth } from '../dates';
import type { PersonFacts } from '../types';

const shared = (record: PersonFacts | PersonFacts[], subject: PersonFacts): string[] => {
  const keys = new Set(recordBlockingKeys(record));
  return subjectBlockingKeys(subject).filter((key) => keys.has(key));
};

describe('recordBlockingKeys', () => {
  it('emits every key of a plain person, normalised', () => {
    expect(
      recordBlockingKeys({
        givenName: 'Amy', familyName: 'Walsh', dateOfBirth: '2015-03-04', postcode: 'cv34 4rl',
        nhsNumber: '999 000 0018', upn: 'g937200124001', pncId: '79/163001B',
      }),
    ).toEqual([
      'nhs:9990000018', 'upn:G937200124001', 'pnc:1979/0163001B',
      'dg:2015-03-04|a', 'df:2015-03-04|w', 'pg:CV34 4RL|a', 'fy:walsh|2015|a', 'pf:ALX|2015-03', 'pd:ALX|03-04', 'dd:2015-03-04|CV34',
    ]);
  });

  it('keys a multi-part family name whole and by each part', () => {
    expect(recordBlockingKeys({ givenName: 'Zoë', familyName: "O'Brien-Smith", dateOfBirth: '2015-03-04' })).toEqual([
      'dg:2015-03-04|z', 'df:2015-03-04|o', 'fy:obrien smith|2015|z', 'fy:obrien|2015|z', 'fy:smith|2015|z', 'pf:APRNSM0|2015-03', 'pd:APRNSM0|03-04',
    ]);
  });

  it('never adds the swapped date of birth on the record side', () => {
    expect(recordBlockingKeys({ givenName: 'Amy', dateOfBirth: '2015-03-04' })).toEqual(['dg:2015-03-04|a']);
  });

  it('unites the keys of every identity a record holds (aliases, preferred surname), without repeats', () => {
    const keys = recordBlockingKeys([
      { givenName: 'Dean', familyName: 'Walsh', dateOfBirth: '1990-03-14' },
      { givenName: 'Dean', familyName: 'Jones', dateOfBirth: '1990-03-14' },
    ]);
    expect(keys).toEqual([
      'dg:1990-03-14|d', 'df:1990-03-14|w', 'fy:walsh|1990|d', 'pf:ALX|1990-03', 'pd:ALX|03-14', 'df:1990-03-14|j', 'fy:jones|1990|d',
      'pf:JNS|1990-03', 'pd:JNS|03-14',
    ]);
  });

  it('emits no key whose parts are missing or invalid', () => {
    expect(recordBlockingKeys({})).toEqual([]);
    expect(recordBlockingKeys({ familyName: 'Smith', postcode: 'CV34 4RL' })).toEqual([]);
    expect(recordBlockingKeys({ givenName: 'Amy', dateOfBirth: null, postcode: null, familyName: 'Smith' })).toEqual([]);
    expect(recordBlockingKeys({ givenName: '', familyName: 'Smith', dateOfBirth: '2015-03-04' })).toEqual(['df:2015-03-04|s', 'pf:SM0|2015-03', 'pd:SM0|03-04']);
    expect(
      recordBlockingKeys({
        nhsNumber: '9876544321', upn: 'H937200124001', pncId: 'x', postcode: 'ZZ99 3VZ', givenName: 'Amy', familyName: 'Smith', dateOfBirth: '2015-02-30',
      }),
    ).toEqual([]);
  });
});

describe('subjectBlockingKeys', () => {
  it('adds the day/month swap only when it is a different real date', () => {
    expect(subjectBlockingKeys({ givenName: 'Amy', familyName: 'Walsh', dateOfBirth: '2015-03-04' })).toEqual([
      'dg:2015-03-04|a', 'df:2015-03-04|w', 'dg:2015-04-03|a', 'df:2015-04-03|w', 'fy:walsh|2015|a', 'pf:ALX|2015-03', 'pd:ALX|03-04',
    ]);
    expect(subjectBlockingKeys({ givenName: 'Amy', dateOfBirth: '2015-03-03' })).toEqual(['dg:2015-03-03|a']);
    expect(subjectBlockingKeys({ givenName: 'Amy', dateOfBirth: '2015-03-25' })).toEqual(['dg:2015-03-25|a']);
    expect(swapDayMonth('2016-12-02')).toBe('2016-02-12');
  });

  it('meets a nickname (Bill / William) on date of birth and family initial', () => {
    const record = { givenName: 'William', familyName: 'Hughes', dateOfBirth: '2012-05-20', postcode: 'CV34 4RL' };
    expect(shared(record, { ...record, givenName: 'Bill' })).toEqual(['df:2012-05-20|h', 'pf:HS|2012-05', 'pd:HS|05-20', 'dd:2012-05-20|CV34']);
  });

  it('meets a given name with another first letter and a date of birth a day out, after a move', () => {
    const record = { givenName: 'Katherine', familyName: 'Thompson', dateOfBirth: '2012-05-20', postcode: 'CV34 4RL' };
    expect(shared(record, { givenName: 'Catherine', familyName: 'Thompson', dateOfBirth: '2012-05-21', postcode: 'CV21 2PQ' })).toEqual(['pf:TMPSN|2012-05']);
  });

  it('meets a given name with another first letter and a birth year out', () => {
    const record = { givenName: 'Ciara', familyName: 'Ellis', dateOfBirth: '2012-05-20', postcode: 'CV34 4RL' };
    expect(shared(record, { givenName: 'Kiera', familyName: 'Ellis', dateOfBirth: '2013-05-20', postcode: 'CV21 2PQ' })).toEqual(['pd:ALS|05-20']);
  });

  it('meets a given name with another first letter and a new family name in the same district', () => {
    const record = { givenName: 'Ebrahim', familyName: 'Khan', dateOfBirth: '2012-05-20', postcode: 'CV34 4RL' };
    expect(shared(record, { givenName: 'Ibrahim', familyName: 'Begum', dateOfBirth: '2012-05-20', postcode: 'CV34 6XY' })).toEqual(['dd:2012-05-20|CV34']);
  });

  it('meets a record keyed with the day and month swapped', () => {
    const record = { givenName: 'Amy', familyName: 'Walsh', dateOfBirth: '2015-04-03', postcode: 'B1 1AA' };
    expect(shared(record, { givenName: 'Amy', familyName: 'Walsh', dateOfBirth: '2015-03-04', postcode: 'CV34 4RL' })).toEqual(
      expect.arrayContaining(['dg:2015-04-03|a', 'df:2015-04-03|w']),
    );
  });

  it('meets a double-barrelled record from one part of the name', () => {
    const record = { givenName: 'Amy', familyName: 'Smith-Patel', dateOfBirth: '2015-03-04' };
    const subject = { givenName: 'Amy', familyName: 'Patel', dateOfBirth: '2015-08-09' };
    expect(shared(record, subject)).toEqual(['fy:patel|2015|a']);
  });

  it('meets a record at the previous postcode on date of birth', () => {
    const record = { givenName: 'Amy', familyName: 'Walsh', dateOfBirth: '2015-03-04', postcode: 'CV31 1AA' };
    const keys = shared(record, { ...record, postcode: 'CV34 4RL' });
    expect(keys).toEqual(expect.arrayContaining(['dg:2015-03-04|a', 'df:2015-03-04|w']));
    expect(keys.some((key) => key.startsWith('pg:'))).toBe(false);
  });

  it('does not meet a different person born elsewhere on another day', () => {
    const record = { givenName: 'Amy', familyName: 'Walsh', dateOfBirth: '2015-03-04', postcode: 'CV31 1AA' };
    expect(shared(record, { givenName: 'Ben', familyName: 'Jones', dateOfBirth: '2015-03-04', postcode: 'CV34 4RL' })).toEqual([]);
  });
});
