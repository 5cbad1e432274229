import { DEFAULT_THRESHOLDS, matchBatch, type PersonFacts } from '@mash/shared';
import type { PatientCandidate } from '../candidates';
import { patientBlockingKeys, patientIdentities } from '../patient-facts';

function patient(id: string, fields: Partial<PatientCandidate> = {}): PatientCandidate {
  const record: PatientCandidate = {
    id, nhsNumber: '9990000018', nhsNumberVerification: '01', givenName: 'Amelia', familyName: 'Hughes', dateOfBirth: '2015-03-04',
    gender: 'female', deceasedDate: null, restricted: false, addressLine: '12 Mill Road, Warwick', postcode: 'CV34 4RL', uprn: '100070123456',
    blockingKeys: [], ...fields,
  };
  return { ...record, blockingKeys: patientBlockingKeys(record) };
}

const match = (subjects: PersonFacts[], candidates: PatientCandidate[]) =>
  matchBatch(subjects, candidates, patientIdentities, DEFAULT_THRESHOLDS, { keys: (candidate) => candidate.blockingKeys });

const byPostcode: PersonFacts = { givenName: 'Amelia', familyName: 'Hughes', postcode: 'CV34 4RL' };

describe('patient identities', () => {
  it('matches under the PDS demographics, gender in the shared spelling', () => {
    expect(patientIdentities(patient('1'))).toEqual([
      { givenName: 'Amelia', familyName: 'Hughes', dateOfBirth: '2015-03-04', gender: 'FEMALE', postcode: 'CV34 4RL', nhsNumber: '9990000018' },
    ]);
  });

  it('never uses the postcode of a restricted (PDS sensitive) patient, in keys or in scoring', () => {
    const restricted = patient('1', { restricted: true });
    expect(patientIdentities(restricted)[0].postcode).toBeNull();
    expect(restricted.blockingKeys.some((key) => key.startsWith('pg:'))).toBe(false);
    expect(patient('2').blockingKeys.some((key) => key.startsWith('pg:'))).toBe(true);
    expect(match([byPostcode], [restricted])[0].status).toBe('NOT_KNOWN');
  });

  it('still matches a restricted patient by NHS number, without crediting the postcode', () => {
    const [result] = match([{ ...byPostcode, nhsNumber: '9990000018' }], [patient('1', { restricted: true })]);
    expect(result.status).toBe('MATCHED');
    expect(result.matches[0].score.matchedOn).not.toContain('POSTCODE');
  });
});
