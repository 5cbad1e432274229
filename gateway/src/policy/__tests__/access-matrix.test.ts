import { SENSITIVITY_LEVELS } from '@mash/shared';
import { HUB_ROLES } from '../../auth/user';
import { DEFAULT_POLICY, POLICY_AGENCIES, accessMatrix, accessMatrixCells, matrixCaseFacts, type ClassificationAccess, type PolicyDocument } from '..';
import type { ClassifiedField } from '../classified-fields';

const TRIAGE = ['mash-triage', 'mash-manager'];
const FIVE = SENSITIVITY_LEVELS.filter((level) => level !== 'RESTRICTED');

// A made-up classification: police intelligence holding a basic-identity field inside it.
const FIELDS: ClassifiedField[] = [
  { agency: 'police', path: 'police', level: 'BASIC_IDENTITY', typeName: 'Subject', fieldName: 'police', ancestors: [] },
  { agency: 'police', path: 'police.flags', level: 'SAFEGUARDING_STATUS', typeName: 'PoliceView', fieldName: 'flags', ancestors: ['BASIC_IDENTITY'] },
  { agency: 'police', path: 'police.markers', level: 'POLICE_INTELLIGENCE', typeName: 'PoliceView', fieldName: 'markers', ancestors: ['BASIC_IDENTITY'] },
  { agency: 'police', path: 'police.markers.since', level: 'BASIC_IDENTITY', typeName: 'Marker', fieldName: 'since', ancestors: ['BASIC_IDENTITY', 'POLICE_INTELLIGENCE'] },
  { agency: 'health', path: 'health.address', level: 'RESTRICTED', typeName: 'HealthView', fieldName: 'address', ancestors: ['BASIC_IDENTITY'] },
];

describe('accessMatrix', () => {
  const rows = accessMatrix(DEFAULT_POLICY, { fields: FIELDS });
  const row = (role: string, agency: string, rag: string, caseStatus: string) =>
    rows.find((item) => item.role === role && item.agency === agency && item.rag === rag && item.caseStatus === caseStatus)!;

  it('has one row per role, agency, rating (UNRATED too) and case status, each with every level in order', () => {
    expect(rows).toHaveLength(HUB_ROLES.length * POLICY_AGENCIES.length * 4 * 3);
    expect(new Set(rows.map((item) => `${item.role}/${item.agency}/${item.rag}/${item.caseStatus}`)).size).toBe(rows.length);
    for (const item of rows) expect(item.levels.map((level) => level.level)).toEqual([...SENSITIVITY_LEVELS]);
    expect(accessMatrixCells(rows)).toHaveLength(rows.length * SENSITIVITY_LEVELS.length);
  });

  it('keeps the open-case view of before: RED, AMBER and GREEN, open, 48 rows of which 16 allowed', () => {
    const open = accessMatrix(DEFAULT_POLICY, { rags: ['RED', 'AMBER', 'GREEN'], caseStatuses: ['OPEN'] });
    expect(open).toHaveLength(48);
    expect(open.filter((item) => item.allowed)).toHaveLength(16);
    expect(open.every((item) => item.caseStatus === 'OPEN' && item.rag !== 'UNRATED')).toBe(true);
  });

  it('shows the default policy: triage roles at RED and AMBER, open or closed within the window, under each lawful basis', () => {
    const allowed = rows.filter((item) => item.allowed);
    expect(allowed).toHaveLength(2 * 4 * 2 * 2);
    for (const item of allowed) {
      expect(TRIAGE).toContain(item.role);
      expect(['RED', 'AMBER']).toContain(item.rag);
      expect(item.rule).toBe(item.caseStatus === 'OPEN' ? 'triage-open-red-amber' : 'triage-closed-within-window');
      expect(item.lawfulBasis).toBe(DEFAULT_POLICY.lawfulBases[item.agency]);
      expect(item.obligations).toEqual(['OMIT_STANDARD_RISK_DOMESTIC_ABUSE']);
    }
    expect(row('mash-triage', 'police', 'RED', 'CLOSED_AFTER_WINDOW')).toMatchObject({ allowed: false, rule: 'closed-case-no-agency-data', lawfulBasis: null });
    expect(rows.filter((item) => item.rag === 'GREEN' || item.rag === 'UNRATED').every((item) => !item.allowed && item.lawfulBasis === null)).toBe(true);
    // Governance and agency administrators never: whichever rule says so first, it is one rule for every cell.
    const reviewers = rows.filter((item) => !TRIAGE.includes(item.role));
    expect(reviewers.every((item) => !item.allowed)).toBe(true);
    expect(new Set(reviewers.map((item) => item.rule)).size).toBe(1);
  });

  it('releases levels per rating by classificationAccess, police intelligence for RED only, RESTRICTED never', () => {
    const red = row('mash-triage', 'police', 'RED', 'OPEN').levels;
    expect(red.filter((level) => level.allowed).map((level) => level.level)).toEqual(FIVE);
    expect(red.filter((level) => level.allowed).every((level) => level.rule === 'triage-open-red-amber' && level.releasedBy.join() === 'triage-red-research')).toBe(true);
    expect(red[5]).toMatchObject({ level: 'RESTRICTED', allowed: false, rule: 'restricted-never-automatic', releasedBy: [] });
    const amber = row('mash-manager', 'education', 'AMBER', 'CLOSED_WITHIN_WINDOW').levels;
    expect(amber.filter((level) => level.allowed).map((level) => level.level)).toEqual(FIVE.filter((level) => level !== 'POLICE_INTELLIGENCE'));
    expect(amber[4]).toMatchObject({ level: 'POLICE_INTELLIGENCE', allowed: false, rule: 'classification-not-released' });
    expect(amber[4].reason).toMatch(/does not release POLICE_INTELLIGENCE fields from education to mash-manager for an AMBER case/);
    // A refused fetch refuses every level with its own rule.
    const green = row('mash-triage', 'health', 'GREEN', 'OPEN');
    expect(green.levels.every((level) => !level.allowed && level.rule === 'green-no-agency-data' && level.reason === green.reason)).toBe(true);
  });

  it('lists the supergraph fields of each level, and those withheld inside a field of a level not released', () => {
    const red = row('mash-triage', 'police', 'RED', 'OPEN').levels;
    expect(red[0]).toMatchObject({ fields: ['police', 'police.markers.since'], withheldWithin: [] });
    expect(red[4].fields).toEqual(['police.markers']);
    const amber = row('mash-triage', 'police', 'AMBER', 'OPEN').levels;
    expect(amber[0]).toMatchObject({ allowed: true, fields: ['police', 'police.markers.since'], withheldWithin: ['police.markers.since'] });
    expect(row('mash-triage', 'health', 'RED', 'OPEN').levels[5]).toMatchObject({ allowed: false, fields: ['health.address'] });
    expect(row('mash-triage', 'social-care', 'RED', 'OPEN').levels.every((level) => level.fields.length === 0)).toBe(true);
  });

  it('follows the policy it is given: rules, window, and classification entries', () => {
    const policy: PolicyDocument = structuredClone(DEFAULT_POLICY);
    policy.rules = policy.rules.filter((rule) => rule.id !== 'green-no-agency-data');
    policy.rules.find((rule) => rule.id === 'triage-open-red-amber')!.rag = ['RED', 'AMBER', 'GREEN'];
    const entry: ClassificationAccess = { id: 'green-identity', description: 'GREEN: who they are', roles: ['mash-triage'], rag: ['GREEN'], purposes: ['MASH_TRIAGE'], agencies: ['health'], levels: ['BASIC_IDENTITY', 'RESTRICTED'] };
    policy.classificationAccess.push(entry);
    const changed = accessMatrix(policy, { rags: ['GREEN'], caseStatuses: ['OPEN'] });
    expect(changed.filter((item) => item.role === 'mash-triage').every((item) => item.allowed)).toBe(true);
    const health = changed.find((item) => item.role === 'mash-triage' && item.agency === 'health')!;
    expect(health.levels.filter((level) => level.allowed).map((level) => `${level.level}:${level.releasedBy}`)).toEqual(['BASIC_IDENTITY:green-identity']);
    // An entry naming RESTRICTED still does not release it.
    expect(health.levels[5].rule).toBe('restricted-never-automatic');
    // Allowed but nothing released: every level withheld, the fetch still allowed.
    const police = changed.find((item) => item.role === 'mash-triage' && item.agency === 'police')!;
    expect(police.allowed && police.levels.every((level) => !level.allowed)).toBe(true);

    const longer = structuredClone(DEFAULT_POLICY);
    longer.closedCaseWindowHours = 0;
    expect(accessMatrix(longer, { caseStatuses: ['CLOSED_WITHIN_WINDOW'], rags: ['RED'] }).filter((item) => item.allowed)).toHaveLength(8);
  });

  it('places the case facts on either side of the closed-case window', () => {
    const now = new Date('2026-11-01T12:00:00Z');
    expect(matrixCaseFacts(DEFAULT_POLICY, 'UNRATED', 'OPEN', now)).toMatchObject({ rag: null, status: 'OPEN', closedAt: null, kind: 'REFERRAL', ratingState: 'CONFIRMED', consentEarlyHelpSharing: false });
    expect(matrixCaseFacts(DEFAULT_POLICY, 'RED', 'CLOSED_WITHIN_WINDOW', now).closedAt).toEqual(new Date('2026-10-31T00:00:00Z'));
    expect(matrixCaseFacts(DEFAULT_POLICY, 'RED', 'CLOSED_AFTER_WINDOW', now).closedAt).toEqual(new Date('2026-10-28T12:00:00Z'));
  });

  it('denies every cell when no valid policy is active', () => {
    const none = accessMatrix(null, { fields: FIELDS });
    expect(none).toHaveLength(rows.length);
    expect(accessMatrixCells(none).every((cell) => !cell.allowed && cell.rule === 'no-active-policy' && cell.lawfulBasis === null)).toBe(true);
  });
});
