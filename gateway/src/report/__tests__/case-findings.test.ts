import type { DataSource } from 'typeorm';
import { recordCaseFindings } from '../case-findings';

/** A stand-in hub database that counts the statements it is sent, failing those it is told to. */
function fakeHub(failing = 0): { hub: DataSource; sent: () => number } {
  let sent = 0;
  let failures = failing;
  const hub = {
    query: async () => {
      sent += 1;
      if (failures > 0) {
        failures -= 1;
        throw Object.assign(new Error('connection lost'), { code: '08006' });
      }
      return [];
    },
  } as unknown as DataSource;
  return { hub, sent: () => sent };
}

describe('recording case findings', () => {
  const caseId = '6f1c1f36-3c37-4d8b-9b0e-5b2a4bb1c001';
  const viewed = { subjectId: null, code: 'PICTURE_VIEWED' as const };
  const missing = { subjectId: '6f1c1f36-3c37-4d8b-9b0e-5b2a4bb1c002', code: 'CHILD_MISSING_EDUCATION' as const };

  it('writes a picture seen again with nothing new only once', async () => {
    const { hub, sent } = fakeHub();
    await recordCaseFindings(hub, caseId, [viewed, missing]);
    await recordCaseFindings(hub, caseId, [viewed, missing]);
    await recordCaseFindings(hub, caseId, [missing]);
    expect(sent()).toBe(1);
  });

  it('writes again when a finding is new, or the case is another', async () => {
    const { hub, sent } = fakeHub();
    await recordCaseFindings(hub, caseId, [viewed]);
    await recordCaseFindings(hub, caseId, [viewed, missing]);
    await recordCaseFindings(hub, '6f1c1f36-3c37-4d8b-9b0e-5b2a4bb1c003', [viewed]);
    expect(sent()).toBe(3);
  });

  it('does not remember a write that failed: the next sighting tries again', async () => {
    const { hub, sent } = fakeHub(1);
    await expect(recordCaseFindings(hub, caseId, [viewed])).resolves.toBeUndefined();
    await recordCaseFindings(hub, caseId, [viewed]);
    await recordCaseFindings(hub, caseId, [viewed]);
    expect(sent()).toBe(2);
  });
});
