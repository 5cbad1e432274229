import { withinLast12Months, type Flag } from '@mash/shared';
import { openSection42Enquiries } from '../records/current';
import type { EnquiryDetails, PersonDetails } from '../records/load';
import { AMBER, flag, FlagCode } from './flag';
import { RISK_TYPE_LABEL } from './labels';

const kindOf = (enquiry: EnquiryDetails) => (enquiry.enquiryType === 'S42' ? 'section 42 enquiry' : 'adult safeguarding enquiry');
const risksOf = (enquiry: EnquiryDetails) => enquiry.riskTypes.map((risk) => RISK_TYPE_LABEL[risk]).join(', ');

/** Someone under 18 recorded at the person's UPRN (the household the think-family flags weigh). */
const livesWithChildren = (person: PersonDetails) => person.household.some((member) => !member.isAdult);

/** Enquiries closed on or before `asOf` and within the 12 months before it, latest closure first. */
function closedLast12Months(person: PersonDetails, asOf: string): EnquiryDetails[] {
  return person.section42Enquiries
    .filter((enquiry) => enquiry.endDate !== null && enquiry.endDate <= asOf && withinLast12Months(enquiry.endDate, asOf))
    .sort((a, b) => (b.endDate ?? '').localeCompare(a.endDate ?? ''));
}

/** Care Act 2014 s42: an adult at risk under enquiry; "think family" when children share the address. Dated by the concern. */
export function openSection42Flag(person: PersonDetails, asOf: string): Flag | null {
  const enquiry = openSection42Enquiries(person, asOf)[0];
  if (!enquiry) return null;
  const children = livesWithChildren(person) ? '; children live in the household' : '';
  return flag(FlagCode.OPEN_S42_ENQUIRY, AMBER,
    `Open ${kindOf(enquiry)} since ${enquiry.concernDate} (risk: ${risksOf(enquiry)})${children}`, enquiry.concernDate);
}

/** DOMAIN.md 2.5: a previous s42 in the last 12 months (closed in that window). Dated by the closure. */
export function previousSection42Flag(person: PersonDetails, asOf: string): Flag | null {
  const enquiry = closedLast12Months(person, asOf)[0];
  if (!enquiry) return null;
  return flag(FlagCode.PREVIOUS_S42_12M, AMBER,
    `A ${kindOf(enquiry)} (risk: ${risksOf(enquiry)}) closed on ${enquiry.endDate}, opened ${enquiry.concernDate}`, enquiry.endDate);
}

/** Self-neglect (SAC risk type) on an open enquiry or one closed in the last 12 months. Dated by that enquiry's concern. */
export function selfNeglectFlag(person: PersonDetails, asOf: string): Flag | null {
  const selfNeglect = (enquiry: EnquiryDetails) => enquiry.riskTypes.includes('SELF_NEGLECT');
  const open = openSection42Enquiries(person, asOf).find(selfNeglect);
  const enquiry = open ?? closedLast12Months(person, asOf).find(selfNeglect);
  if (!enquiry) return null;
  const state = open ? `open since ${enquiry.concernDate}` : `closed on ${enquiry.endDate}`;
  return flag(FlagCode.SELF_NEGLECT, AMBER, `Self-neglect identified in a ${kindOf(enquiry)} (${state})`, enquiry.concernDate);
}

/**
 * An adult under an open enquiry with a child recorded at the same address (DOMAIN.md 2.5 and 7:
 * "adult at risk living with children"). Which child is not said. Dated by the enquiry's concern.
 */
export function adultAtRiskWithChildrenFlag(person: PersonDetails, asOf: string): Flag | null {
  const enquiry = openSection42Enquiries(person, asOf)[0];
  if (!enquiry || !livesWithChildren(person)) return null;
  return flag(FlagCode.ADULT_AT_RISK_WITH_CHILDREN, AMBER,
    `Adult at risk under an open ${kindOf(enquiry)} (since ${enquiry.concernDate}) lives with children`, enquiry.concernDate);
}
