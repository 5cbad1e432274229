import { DateTime } from 'luxon';
import { OnwardNotificationKind } from './entities/enums';

/** The child as the recipient already knows them: their own pupil or patient. */
export interface ChildIdentity {
  givenName: string | null;
  familyName: string;
  dateOfBirth: string | null;
  /** From education's answer (the school's own record); Operation Encompass only. */
  upn?: string | null;
  /** From health's answer (the practice's own record); GP notifications only. */
  nhsNumber?: string | null;
}

export interface ContentInput {
  outboxId: string;
  kind: OnwardNotificationKind;
  recipient: { code: string; name: string };
  child: ChildIdentity;
  incidentAt: Date;
}

/**
 * What the agreement lets a school or GP be told (Operation Encompass): that the police attended a
 * domestic abuse incident, when, and that this child was present. Never what happened, who the
 * adults are, the DASH risk level, the police reference or the MASH's screening: the recipient
 * asks the MASH, quoting the reference, if it needs more. The fields are listed here, one by one,
 * so nothing else can slip into a message.
 */
export function onwardContent(input: ContentInput): Record<string, unknown> {
  const occurredOn = DateTime.fromJSDate(input.incidentAt, { zone: 'Europe/London' });
  const when = occurredOn.toFormat('d LLLL yyyy');
  const incident = { occurredAt: input.incidentAt.toISOString(), occurredOn: occurredOn.toISODate(), childPresent: true };
  const { child } = input;
  if (input.kind === OnwardNotificationKind.OPERATION_ENCOMPASS) {
    return {
      scheme: 'OPERATION_ENCOMPASS',
      reference: input.outboxId,
      school: { urn: input.recipient.code, name: input.recipient.name },
      pupil: { givenName: child.givenName, familyName: child.familyName, dateOfBirth: child.dateOfBirth, upn: child.upn ?? null },
      incident,
      message:
        `Operation Encompass: the police attended a domestic abuse incident on ${when} at which this pupil was present. ` +
        'Please make sure the Designated Safeguarding Lead knows before the school day starts, so the pupil can be supported. ' +
        'The details stay with the police; quote this reference to the MASH if you need to know more.',
    };
  }
  return {
    scheme: 'DOMESTIC_ABUSE_GP_NOTIFICATION',
    reference: input.outboxId,
    practice: { odsCode: input.recipient.code, name: input.recipient.name },
    patient: { givenName: child.givenName, familyName: child.familyName, dateOfBirth: child.dateOfBirth, nhsNumber: child.nhsNumber ?? null },
    incident,
    message:
      `The police attended a domestic abuse incident on ${when} at which this child, your patient, was present. ` +
      'The details stay with the police; quote this reference to the MASH if you need to know more.',
  };
}
