import { addDays, validateIdentifier, type Rng } from '@mash/shared';
import type { GpRegistration, Patient } from '../entities';
import { patientBlockingKeys } from '../matching/patient-facts';
import { stableId } from './ids';
import type { Practice } from './practices';
import type { SeedHousehold, SeedMember } from './rows';

/** A patient row from health's view of the person; refuses an identifier that fails its check. */
export function patientRow(member: SeedMember, context: SeedHousehold, rng: Rng): Patient {
  const { view, person } = member;
  const nhsNumber = view.nhsNumber ? checked('NHS_NUMBER', view.nhsNumber, person.key) : null;
  const postcode = checked('POSTCODE', view.postcode, person.key);
  const under6Weeks = addDays(view.dateOfBirth, 42) > context.referenceDate;
  // PDS verification: a number is usually verified; without one a trace is needed, except that
  // tracing a baby under six weeks is postponed (code 08).
  const verification = nhsNumber ? (rng.chance(0.95) ? '01' : '02') : under6Weeks ? '08' : rng.pick(['03', '06'] as const);
  const patient: Omit<Patient, 'blockingKeys'> = {
    id: member.patientId,
    nhsNumber,
    nhsNumberVerification: verification,
    givenName: view.givenName,
    familyName: view.familyName,
    dateOfBirth: view.dateOfBirth,
    gender: view.gender.toLowerCase() as Patient['gender'],
    addressLine: view.addressLine,
    postcode,
    uprn: view.uprn,
    restricted: context.restricted,
    deceasedDate: null,
  };
  return { ...patient, blockingKeys: patientBlockingKeys(patient) };
}

/**
 * The registration history: registered with the household's practice, or, for a person the
 * population says has no GP, an old registration that was deducted or ended.
 */
export function gpRegistrationRows(member: SeedMember, practice: Practice, context: SeedHousehold, rng: Rng): GpRegistration[] {
  const born = member.view.dateOfBirth;
  const earliest = addDays(born, 14);
  const from = minDate(maxDate(earliest, addDays(context.referenceDate, -rng.int(200, 6000))), context.referenceDate);
  const base = { patientId: member.patientId, practiceOdsCode: practice.odsCode, practiceName: practice.name, registeredFrom: from };
  if (!member.person.gaps.notRegisteredWithGp) {
    return [{ ...base, id: stableId('gp_registration', member.person.key, 0), registeredTo: null, status: 'REGISTERED' }];
  }
  const to = maxDate(addDays(from, 30), addDays(context.referenceDate, -rng.int(60, 400)));
  const status = rng.chance(0.6) ? 'DEDUCTED' : 'ENDED';
  return [{ ...base, id: stableId('gp_registration', member.person.key, 0), registeredTo: minDate(to, context.referenceDate), status }];
}

function checked(kind: 'NHS_NUMBER' | 'POSTCODE', raw: string, personKey: string): string {
  const result = validateIdentifier(kind, raw);
  if (!result.ok) throw new Error(`health seed: refusing ${personKey}: ${result.reason}`);
  return result.value;
}

const maxDate = (a: string, b: string): string => (a > b ? a : b);
const minDate = (a: string, b: string): string => (a < b ? a : b);
