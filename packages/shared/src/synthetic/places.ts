import { hashString } from './random';

/**
 * Warwickshire outward codes from DOMAIN.md 0.5 (Coventry, CV1-CV6, is a different LA), weighted
 * roughly by population so Nuneaton and Rugby are busier than Studley.
 */
export const OUTWARD_CODES: readonly (readonly [outward: string, town: string, weight: number])[] = [
  ['CV31', 'Leamington Spa', 5], ['CV32', 'Leamington Spa', 6], ['CV33', 'Leamington Spa', 3],
  ['CV34', 'Warwick', 6], ['CV35', 'Warwick', 3],
  ['CV21', 'Rugby', 7], ['CV22', 'Rugby', 6], ['CV23', 'Rugby', 4],
  ['CV10', 'Nuneaton', 7], ['CV11', 'Nuneaton', 7], ['CV13', 'Nuneaton', 2],
  ['CV12', 'Bedworth', 6], ['CV37', 'Stratford-upon-Avon', 7], ['CV9', 'Atherstone', 3],
  ['B46', 'Coleshill', 2], ['B49', 'Alcester', 2], ['B50', 'Bidford-on-Avon', 1], ['B78', 'Polesworth', 2], ['B80', 'Studley', 1],
];

export const TOWN_BY_OUTWARD = new Map(OUTWARD_CODES.map(([outward, town]) => [outward, town]));

/** Inward-code letters: never C, I, K, M, O or V (DOMAIN.md 0.5), so every postcode validates. */
export const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

export const STREETS: readonly string[] = [
  'Church Lane', 'Mill Road', 'Station Road', 'High Street', 'Park Road', 'Victoria Street', 'Avon Crescent',
  'Kenilworth Road', 'Coventry Road', 'Warwick Road', 'Lawford Road', 'Clifton Road', 'Bilton Road', 'Hillmorton Road',
  'Queens Road', 'Manor Court Avenue', 'Attleborough Road', 'Weddington Road', 'Marlborough Road', 'Heath End Road',
  'Leicester Road', 'Rugby Road', 'Tavistock Street', 'Russell Terrace', 'Brunswick Street', 'Shakespeare Street',
  'Arden Street', 'Tiddington Road', 'Evesham Place', 'Birmingham Road', 'Long Street', 'Coleshill Road',
  'Meadow Way', 'Orchard Close', 'Willow Drive', 'Beech Avenue', 'Chestnut Grove', 'Hawthorn Close',
  'Kingfisher Way', 'Canal Side', 'Oak Tree Lane', 'Springfield Road', 'Windmill Lane', 'Castle Close',
  'Greenfield Avenue', 'Nursery Road', 'Cherry Tree Walk', 'Foxglove Drive', 'Priory Road', 'Avenue Road',
];

/** A postcode is one street, so households sharing a postcode share its street too. */
export function streetFor(postcode: string): string {
  return STREETS[hashString(postcode) % STREETS.length];
}

export function addressLine(houseNumber: number, postcode: string): string {
  const town = TOWN_BY_OUTWARD.get(postcode.split(' ')[0]) ?? 'Warwick';
  return `${houseNumber} ${streetFor(postcode)}, ${town}`;
}
