import type { Flag } from '@mash/shared';
import { openSection42Enquiries } from '../records/current';
import type { PersonDetails } from '../records/load';
import { AMBER, flag, FlagCode } from './flag';
import { RISK_TYPE_LABEL } from './labels';

/** Care Act 2014 s42: an adult at risk under enquiry; "think family" when children share the address. */
export function openSection42Flag(person: PersonDetails, asOf: string): Flag | null {
  const enquiry = openSection42Enquiries(person, asOf)[0];
  if (!enquiry) return null;
  const kind = enquiry.enquiryType === 'S42' ? 'section 42 enquiry' : 'adult safeguarding enquiry';
  const risks = enquiry.riskTypes.map((risk) => RISK_TYPE_LABEL[risk]).join(', ');
  const children = person.household.some((member) => !member.isAdult) ? '; children live in the household' : '';
  return flag(FlagCode.OPEN_S42_ENQUIRY, AMBER, `Open ${kind} since ${enquiry.concernDate} (risk: ${risks})${children}`);
}
