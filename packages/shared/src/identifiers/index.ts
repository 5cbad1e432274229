export { normaliseNhsNumber, nhsCheckDigit, isValidNhsNumber } from './nhs-number';
export { UPN_LETTERS, normaliseUpn, upnCheckLetter, isValidUpn, isTemporaryUpn, temporaryUpnFor } from './upn';
export { PNC_LETTERS, normalisePncId, pncCheckChar, isValidPncId } from './pnc-id';
export { normalisePostcode, isNhsPseudoPostcode, outwardCode } from './postcode';
export { validateIdentifier } from './validate';
export type { IdentifierKind, IdentifierValidation } from './validate';
export { checkDateOfBirth } from './date-of-birth';
export type { DateOfBirthCheck } from './date-of-birth';
