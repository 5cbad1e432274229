import { onwardContent } from '../content';
import { OnwardNotificationKind } from '../entities/enums';

const child = { givenName: 'Ada', familyName: 'Quill', dateOfBirth: '2016-04-05', upn: 'G937200124001', nhsNumber: '9990000018' };
const incidentAt = new Date('2026-11-30T21:15:00Z');

describe('what a school or GP is told', () => {
  it('tells the school that an incident happened, when, and that this pupil was present, and nothing else', () => {
    const message = onwardContent({ outboxId: 'ref-1', kind: OnwardNotificationKind.OPERATION_ENCOMPASS, recipient: { code: '123456', name: 'Oak Primary' }, child, incidentAt });
    expect(Object.keys(message).sort()).toEqual(['incident', 'message', 'pupil', 'reference', 'scheme', 'school']);
    expect(message).toMatchObject({
      scheme: 'OPERATION_ENCOMPASS',
      reference: 'ref-1',
      school: { urn: '123456', name: 'Oak Primary' },
      pupil: { givenName: 'Ada', familyName: 'Quill', dateOfBirth: '2016-04-05', upn: 'G937200124001' },
      incident: { occurredAt: '2026-11-30T21:15:00.000Z', occurredOn: '2026-11-30', childPresent: true },
    });
    expect(message.message).toContain('30 November 2026');
    // The pupil is the school's own; the NHS number is not theirs to have.
    expect(JSON.stringify(message)).not.toContain('9990000018');
  });

  it('uses the London date of a late-evening incident in summer', () => {
    const message = onwardContent({ outboxId: 'r', kind: OnwardNotificationKind.OPERATION_ENCOMPASS, recipient: { code: '123456', name: 'Oak' }, child, incidentAt: new Date('2026-07-01T23:30:00Z') });
    expect(message.incident).toMatchObject({ occurredOn: '2026-07-02' });
  });

  it('tells the GP practice about its patient with the NHS number, not the UPN', () => {
    const message = onwardContent({ outboxId: 'ref-2', kind: OnwardNotificationKind.GP_NOTIFICATION, recipient: { code: 'M85001', name: 'Castle Surgery' }, child, incidentAt });
    expect(Object.keys(message).sort()).toEqual(['incident', 'message', 'patient', 'practice', 'reference', 'scheme']);
    expect(message).toMatchObject({ scheme: 'DOMESTIC_ABUSE_GP_NOTIFICATION', practice: { odsCode: 'M85001' }, patient: { nhsNumber: '9990000018' } });
    expect(JSON.stringify(message)).not.toContain('G937200124001');
  });
});
