import { adapter as education } from '@mash/education';
import { adapter as health } from '@mash/health';
import { adapter as police } from '@mash/police';
import { adapter as socialCare } from '@mash/social-care';
import { nhsCheckDigit, pncCheckChar, upnCheckLetter, type AgencyAdapter, type CandidateRow, type ConformancePerson } from '@mash/shared';
import { HARNESS_TIMEOUT, openAgencyHarness, subject, testGrant, type AgencyHarness } from '../support/agency';

/**
 * The referral variations issue 8 found the matcher getting wrong, each through a running
 * subgraph of every agency: records written through the agency's own adapter, referrals sent as
 * the gateway sends them.
 */
const AS_OF = '2026-11-01';
let serial = 0;
function person(key: string, fields: Partial<ConformancePerson> & Pick<ConformancePerson, 'givenName' | 'familyName' | 'dateOfBirth' | 'gender'>): ConformancePerson {
  serial += 1;
  const stem = String(999_970_000 + serial * 7);
  const nhsStem = nhsCheckDigit(stem) === null ? String(Number(stem) + 1) : stem;
  const rest = `93799991${String(serial).padStart(4, '0')}`;
  const pncSerial = String(9_970_000 + serial);
  return {
    key, addressLine: `${serial} Variation Road, Warwick`, postcode: 'CV34 4RL', uprn: String(990_000_001_000 + serial),
    nhsNumber: `${nhsStem}${nhsCheckDigit(nhsStem)}`, upn: `${upnCheckLetter(rest)}${rest}`, pncId: `2024/${pncSerial}${pncCheckChar('2024', pncSerial)}`,
    standardRiskDomesticAbuse: false, ...fields,
  };
}

const henry = person('HENRY', { givenName: 'Henry', familyName: 'Ashworth', dateOfBirth: '2014-03-09', gender: 'MALE' });
const sister = person('SISTER', { givenName: 'Sophie', familyName: 'Ashworth', dateOfBirth: '2016-07-30', gender: 'FEMALE' });
const penelope = person('PENELOPE', { givenName: 'Penelope', familyName: 'Quayle', dateOfBirth: '2013-02-11', gender: 'FEMALE', postcode: 'CV31 1AA' });
const ebrahim = person('EBRAHIM', { givenName: 'Ebrahim', familyName: 'Siddiqui', dateOfBirth: '2012-05-20', gender: 'MALE', postcode: 'CV32 5AB' });
const alexandra = person('ALEXANDRA', { givenName: 'Alexandra Susan', familyName: 'Bailey', dateOfBirth: '2011-10-02', gender: 'FEMALE', postcode: 'CV21 2PQ' });
const katherine = person('KATHERINE', { givenName: 'Katherine', familyName: 'Thorne', dateOfBirth: '2012-08-14', gender: 'FEMALE', postcode: 'CV37 6AA' });
const jayden = person('JAYDEN', { givenName: 'Jayden', familyName: 'Okonkwo', dateOfBirth: '2015-06-01', gender: 'MALE', postcode: 'CV11 4AA' });
const jaylen = person('JAYLEN', { givenName: 'Jaylen', familyName: 'Okonkwo', dateOfBirth: '2015-06-01', gender: 'MALE', postcode: 'CV11 4AA' });
const amelie = person('AMELIE', { givenName: 'Amelie', familyName: 'Fairbanks', dateOfBirth: '2014-12-12', gender: 'FEMALE', postcode: 'CV10 7AA' });
const married = person('MARRIED', { givenName: 'Imogen', familyName: 'Hartley', dateOfBirth: '2010-04-21', gender: 'FEMALE', postcode: 'CV8 1AA' });
const PEOPLE = [henry, sister, penelope, ebrahim, alexandra, katherine, jayden, jaylen, amelie, married];

const referral = (id: string, who: ConformancePerson, change: Record<string, string | null> = {}) =>
  subject({ id, givenName: who.givenName, familyName: who.familyName, dateOfBirth: who.dateOfBirth, gender: who.gender, postcode: who.postcode, ...change });

const ADAPTERS = { police, 'social-care': socialCare, health, education } as Record<string, AgencyAdapter<CandidateRow, unknown, object>>;
const FIELD: Record<string, string> = { police: 'police', 'social-care': 'socialCare', health: 'health', education: 'education' };
const QUERY = (field: string) => `query($r: [_Any!]!) { _entities(representations: $r) { ... on Subject { ${field} {
  status ambiguity matches { confidence matchedOn candidate { recordId givenName familyName dateOfBirth } } flags { code } } } } }`;

describe.each(Object.keys(ADAPTERS))('%s: matching the referrals a MASH really gets', (agency) => {
  let harness: AgencyHarness;
  const answer = async (...representations: ReturnType<typeof subject>[]) => {
    const result = await harness.execute(QUERY(FIELD[agency]), { r: representations }, testGrant(agency as never, representations.map((r) => r.id)));
    expect(result.errors).toBeUndefined();
    return result.data._entities.map((entity: any) => entity[FIELD[agency]]);
  };
  const names = (view: any) => view.matches.map((match: any) => match.candidate.givenName);

  beforeAll(async () => {
    harness = await openAgencyHarness(ADAPTERS[agency], { seed: false, referenceDate: AS_OF });
    await ADAPTERS[agency].conformance.insert(harness.database.dataSource, PEOPLE, AS_OF);
  }, HARNESS_TIMEOUT);
  afterAll(() => harness?.close(), HARNESS_TIMEOUT);

  it("answers a sibling's identifier with AMBIGUOUS, IDENTIFIER_CONFLICT and both records, never the sibling alone", async () => {
    const identifier: Record<string, string> = agency === 'police' ? { pncId: sister.pncId } : agency === 'education' ? { upn: sister.upn } : { nhsNumber: sister.nhsNumber };
    const [view] = await answer(referral('sibling-id', henry, identifier));
    expect(view.status).toBe('AMBIGUOUS');
    expect(view.ambiguity).toBe('IDENTIFIER_CONFLICT');
    expect(names(view).sort()).toEqual(['Henry', 'Sophie']);
    expect(view.flags.map((flag: any) => flag.code)).toEqual(['IDENTITY_UNRESOLVED', 'IDENTIFIER_CONFLICT']);
    const owner = view.matches.find((match: any) => match.candidate.givenName === 'Sophie');
    expect(owner.matchedOn).toContain('IDENTIFIER_CONFLICT');
  });

  it.each([
    ['a one-letter typo', henry, { givenName: 'Hrnry' }, 'GIVEN_NAME_TYPO'],
    ['a nickname', penelope, { givenName: 'Penny' }, 'GIVEN_NAME_NICKNAME'],
    ['a transliteration', ebrahim, { givenName: 'Ibrahim' }, 'GIVEN_NAME_NICKNAME'],
    ['the middle name the person goes by', alexandra, { givenName: 'Susan' }, 'GIVEN_NAME_OTHER'],
    ['a date of birth one year out', henry, { dateOfBirth: '2015-03-09' }, 'DATE_OF_BIRTH_YEAR_OUT'],
    ['a date of birth one day out', penelope, { dateOfBirth: '2013-02-12' }, 'DATE_OF_BIRTH_NEAR'],
  ])('MATCHES the person through %s', async (_how, who, change, reason) => {
    const [view] = await answer(referral(`variant-${who.key}-${reason}`, who, change));
    expect({ status: view.status, reasons: view.matches[0]?.matchedOn }).toEqual({ status: 'MATCHED', reasons: expect.arrayContaining([reason]) });
    expect(view.matches[0].candidate.familyName).toBe(who.familyName);
  });

  it('finds a given name with another first letter and one more difference (a day out, a move)', async () => {
    const [view] = await answer(referral('first-letter', katherine, { givenName: 'Catherine', dateOfBirth: '2012-08-15', postcode: 'CV21 9ZZ' }));
    expect(view.status).not.toBe('NOT_KNOWN');
    expect(names(view)).toContain('Katherine');
  });

  it('offers a changed family name after a move as AMBIGUOUS, for a person to decide', async () => {
    const [view] = await answer(referral('married', married, { familyName: 'Okafor', postcode: 'B78 1PZ' }));
    expect(view.status).toBe('AMBIGUOUS');
    expect(names(view)).toEqual(['Imogen']);
  });

  it('matches each twin by their own name and never the other', async () => {
    const [forJayden, forJaylen] = await answer(referral('twin-a', jayden), referral('twin-b', jaylen));
    expect([forJayden.status, names(forJayden)]).toEqual(['MATCHED', ['Jayden']]);
    expect([forJaylen.status, names(forJaylen)]).toEqual(['MATCHED', ['Jaylen']]);
  });

  it('never MATCHES the twin it holds when the referral names the other', async () => {
    const [view] = await answer(referral('twin-not-held', amelie, { givenName: 'Amelia' }));
    expect(view.status).not.toBe('MATCHED');
  });

  it('shows an AMBIGUOUS candidate with its identity only', async () => {
    const [view] = await answer(referral('married-2', married, { familyName: 'Okafor', postcode: 'B78 1PZ' }));
    expect(view.matches[0].candidate).toEqual({ recordId: expect.any(String), givenName: 'Imogen', familyName: 'Hartley', dateOfBirth: '2010-04-21' });
  });
});
