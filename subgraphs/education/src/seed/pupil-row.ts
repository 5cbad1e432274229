import {
  isTemporaryUpn,
  normalisePostcode,
  temporaryUpnFor,
  validateIdentifier,
  type AgencyPersonView,
  type Household,
  type Rng,
  type SyntheticPerson,
} from '@mash/shared';
import type { Pupil } from '../entities';
import { pupilBlockingKeys } from '../matching/match-pupils';
import { seedId } from './ids';

type Identity = Pick<AgencyPersonView, 'givenName' | 'familyName' | 'dateOfBirth' | 'gender' | 'postcode' | 'addressLine' | 'uprn' | 'upn'>;

/** How the LA knows a child it holds no school record for: as they are, at their current address. */
export function trueIdentity(person: SyntheticPerson, household: Household): Identity {
  const { givenName, familyName, dateOfBirth, gender, upn } = person;
  return { givenName, familyName, dateOfBirth, gender, upn, postcode: household.postcode, addressLine: household.addressLine, uprn: household.uprn };
}

/**
 * The pupil row; refuses (throws) an invalid UPN or postcode rather than store it.
 * `knownByParentSurname` false: the school uses the legal surname only (scenario households).
 */
export function pupilRow(identity: Identity, person: SyntheticPerson, household: Household, rng: Rng, knownByParentSurname = true): Pupil {
  const upn = identity.upn ? checked(person, validateIdentifier('UPN', identity.upn)) : null;
  const postcode = normalisePostcode(identity.postcode ?? '');
  if (!postcode) throw new Error(`Education seed refused ${person.key}: postcode "${identity.postcode}" is not valid.`);
  const temporary = upn !== null && isTemporaryUpn(upn);
  // A school may know a child by a parent's surname the family uses (not the legal one).
  const parentSurnames = household.members.filter(
    (m) => ['PARENT', 'CARER', 'PARTNER'].includes(m.role) && m.familyName !== identity.familyName,
  );
  const preferred = knownByParentSurname && parentSurnames.length > 0 && rng.chance(0.2) ? parentSurnames[0].familyName : null;
  const pupil: Omit<Pupil, 'blockingKeys'> = {
    id: seedId(`pupil:${person.key}`),
    upn,
    // A temporary UPN the school later replaced stays on file as the former UPN.
    formerUpn: upn && !temporary && rng.chance(0.02) ? temporaryUpnFor(upn) : null,
    upnTemporary: temporary,
    givenName: identity.givenName,
    familyName: identity.familyName,
    preferredSurname: preferred,
    dateOfBirth: identity.dateOfBirth,
    sex: identity.gender === 'MALE' ? 'M' : identity.gender === 'FEMALE' ? 'F' : null,
    postcode,
    uprn: identity.uprn,
    addressLine: identity.addressLine,
  };
  return { ...pupil, blockingKeys: pupilBlockingKeys(pupil) };
}

function checked(person: SyntheticPerson, result: ReturnType<typeof validateIdentifier>): string {
  if (!result.ok) throw new Error(`Education seed refused ${person.key}: ${result.reason}`);
  return result.value;
}
