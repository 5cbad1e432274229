import { canonicalHash } from '@mash/shared';
import type { DataSource } from 'typeorm';
import type { AuditLog } from '../audit';
import { badInput } from '../errors/bad-input';
import { DomesticAbuseNotification } from './entities/da-notification.entity';
import { DomesticAbusePerson } from './entities/da-person.entity';
import { ScreeningStatus } from './entities/enums';
import { notificationEntry, SCREENING_RULES, type ScreeningActor } from './audit';
import type { DomesticAbuseNotificationInput } from './inputs/notification.input';
import { validateNotification, type NormalisedPerson, type ValidNotification } from './validation';

/**
 * The police force's way in: one notification per police reference. A retried send (same
 * reference, same details) returns the notification already held and writes nothing but its
 * access-log entry; the same reference with other details is refused, so a correction is never
 * silently lost or silently applied.
 */
export class DomesticAbuseIntake {
  constructor(private readonly hub: DataSource, private readonly audit: AuditLog) {}

  async receive(input: DomesticAbuseNotificationInput, actor: ScreeningActor, now = new Date()): Promise<{ notification: DomesticAbuseNotification; repeat: boolean }> {
    const valid = validateNotification(input, now);
    const contentHash = hashOf(valid);
    return this.hub.transaction(async (manager) => {
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO da_notification (police_reference, police_force, incident_at, dash_risk, children_present, summary, content_hash, received_at, received_by, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (police_reference) DO NOTHING RETURNING id`,
        [valid.policeReference, valid.policeForce, valid.incidentAt, valid.dashRisk, valid.childrenPresent, valid.summary, contentHash, now, actor.userId, ScreeningStatus.WAITING],
      );
      if (inserted.length === 0) {
        const existing = await manager.findOneByOrFail(DomesticAbuseNotification, { policeReference: valid.policeReference });
        if (existing.contentHash !== contentHash) {
          throw badInput('policeReference', `was already received (notification ${existing.id}) with other details; send a correction to the MASH rather than the notification again`);
        }
        await this.audit.append(notificationEntry(actor, SCREENING_RULES.receive, existing.id, 'repeat of a notification already received: nothing written'), manager);
        return { notification: existing, repeat: true };
      }
      const id = inserted[0].id;
      await manager.insert(
        DomesticAbusePerson,
        valid.people.map((person, position) => ({ notificationId: id, position, ...personRow(person) })),
      );
      const children = valid.people.filter((person) => person.role === 'CHILD').length;
      await this.audit.append(
        notificationEntry(actor, SCREENING_RULES.receive, id, `risk=${valid.dashRisk} childrenPresent=${valid.childrenPresent} people=${valid.people.length} children=${children}`),
        manager,
      );
      return { notification: await manager.findOneByOrFail(DomesticAbuseNotification, { id }), repeat: false };
    });
  }
}

/** The notification's content in canonical form, to tell a retried send from a different one. */
function hashOf(valid: ValidNotification): string {
  return canonicalHash({ ...valid, incidentAt: valid.incidentAt.toISOString(), people: valid.people.map(personRow) });
}

/** A person as stored: trimmed, with null for what was not given. */
function personRow(person: NormalisedPerson): Omit<DomesticAbusePerson, 'id' | 'notificationId' | 'position' | 'subjectId'> {
  return {
    role: person.role,
    givenName: person.givenName?.trim() || null,
    familyName: person.familyName.trim(),
    dateOfBirth: person.dateOfBirth || null,
    gender: person.gender ?? null,
    addressLine: person.addressLine?.trim() || null,
    postcode: person.postcode,
    nhsNumber: person.nhsNumber,
    upn: person.upn,
    pncId: person.pncId,
  };
}
