import { HouseholdRole, ConsentStatus, Pathway } from '../hub/entities/enums';
import type { Subject } from '../hub/entities/subject.entity';
import type { ReferralInput } from '../hub/inputs/referral.input';
import type { DomesticAbuseNotification } from './entities/da-notification.entity';
import type { DomesticAbusePerson } from './entities/da-person.entity';
import { DomesticAbuseRole } from './entities/enums';
import type { ScreenDomesticAbuseNotificationInput } from './inputs/notification.input';

/** CIN census referral source 6: police. */
export const POLICE_REFERRAL_SOURCE = '6';
const MAX_CONCERN = 4000;

/** The case a notification escalates to: its people as subjects, the police as referrer, the screening as the concern's last word. */
export function referralFrom(notification: DomesticAbuseNotification, people: readonly DomesticAbusePerson[], input: ScreenDomesticAbuseNotificationInput): ReferralInput {
  const hasChildren = people.some((person) => person.role === DomesticAbuseRole.CHILD);
  const force = notification.policeForce ?? 'Police';
  return {
    referrerName: `${force} (domestic abuse notification)`,
    referrerOrganisation: force,
    referralSource: POLICE_REFERRAL_SOURCE,
    referrerContact: null,
    concern: concernOf(notification, input.rationale.trim()),
    pathway: hasChildren ? Pathway.CHILDREN : Pathway.ADULTS,
    // Escalation is for safeguarding, which does not rest on consent (DPA 2018 Sch 1 para 18).
    consentStatus: ConsentStatus.NOT_SOUGHT,
    consentEarlyHelpSharing: false,
    rag: input.rag ?? null,
    ragRationale: input.rag ? input.rationale.trim() : null,
    subjects: people.map((person) => ({
      householdRole: householdRoleOf(person.role, hasChildren),
      givenName: person.givenName,
      familyName: person.familyName,
      dateOfBirth: person.dateOfBirth,
      gender: person.gender,
      addressLine: person.addressLine,
      postcode: person.postcode,
      nhsNumber: person.nhsNumber,
      upn: person.upn,
      pncId: person.pncId,
    })),
  };
}

/** The victim is taken as the children's parent when the notification names children; the screener corrects roles on the case. */
export function householdRoleOf(role: DomesticAbuseRole, hasChildren: boolean): HouseholdRole {
  if (role === DomesticAbuseRole.CHILD) return HouseholdRole.CHILD;
  if (role === DomesticAbuseRole.ALLEGED_PERPETRATOR) return HouseholdRole.ALLEGED_PERPETRATOR;
  return hasChildren ? HouseholdRole.PARENT : HouseholdRole.ADULT_AT_RISK;
}

function concernOf(notification: DomesticAbuseNotification, rationale: string): string {
  const date = notification.incidentAt.toISOString().slice(0, 10);
  const head = `Police domestic abuse notification ${notification.policeReference}: ${notification.dashRisk} risk incident on ${date}${notification.childrenPresent ? ', children present' : ''}.`;
  const tail = `Screening: ${rationale}`;
  const room = MAX_CONCERN - head.length - tail.length - 2;
  const summary = notification.summary && room > 20 ? `\n${notification.summary.length > room ? `${notification.summary.slice(0, room - 1)}…` : notification.summary}` : '';
  return `${head}${summary}\n${tail}`;
}

/** Which new subject each person became: same role, names and date of birth, each subject used once. */
export function subjectsOfPeople(people: readonly DomesticAbusePerson[], subjects: readonly Subject[]): Map<string, string> {
  const hasChildren = people.some((person) => person.role === DomesticAbuseRole.CHILD);
  const key = (role: string, given: string | null, family: string, born: string | null) => `${role}|${given ?? ''}|${family}|${born ?? ''}`;
  const unused = new Map<string, string[]>();
  for (const subject of subjects) {
    const k = key(subject.householdRole, subject.givenName, subject.familyName, subject.dateOfBirth);
    unused.set(k, [...(unused.get(k) ?? []), subject.id]);
  }
  const out = new Map<string, string>();
  for (const person of people) {
    const ids = unused.get(key(householdRoleOf(person.role, hasChildren), person.givenName, person.familyName, person.dateOfBirth));
    const id = ids?.shift();
    if (id) out.set(person.id, id);
  }
  return out;
}
