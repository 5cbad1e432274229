import { HUB_ROLES } from '../../auth/user';
import { DEFAULT_POLICY, MAX_CLOSED_CASE_WINDOW_HOURS, validatePolicy, type PolicyDocument } from '..';
import schema from '../policy.schema.json';

/** A fresh, mutable copy of the default policy to break in one place. */
function policy(): PolicyDocument {
  return structuredClone(DEFAULT_POLICY);
}

function errorsOf(document: unknown): string[] {
  const result = validatePolicy(document);
  if (result.ok) throw new Error('expected the document to be invalid');
  return result.errors;
}

describe('validatePolicy', () => {
  it('accepts the default policy and leaves the input untouched', () => {
    const input = policy();
    delete (input as Partial<PolicyDocument>).closedCaseWindowHours;
    const result = validatePolicy(input);
    expect(result).toMatchObject({ ok: true, policy: { version: '2026-11-01.5', closedCaseWindowHours: 72 } });
    expect(input).not.toHaveProperty('closedCaseWindowHours');
    expect(validatePolicy(DEFAULT_POLICY).ok).toBe(true);
  });

  it('names a missing version', () => {
    const doc = policy() as Partial<PolicyDocument>;
    delete doc.version;
    expect(errorsOf(doc)).toEqual(['/version is required']);
  });

  it('names an unknown RAG in the timescales and in a rule', () => {
    const doc = policy() as unknown as { timescalesHours: Record<string, number>; rules: { rag: string[] }[] };
    doc.timescalesHours.BLUE = 4;
    doc.rules[2].rag = ['GREEN', 'PURPLE'];
    expect(errorsOf(doc)).toEqual([
      '/timescalesHours/BLUE is not allowed here',
      '/rules/2/rag/1 is "PURPLE"; must be one of RED, AMBER, GREEN, UNRATED, *',
    ]);
  });

  it('names a rule with no id', () => {
    const doc = policy() as unknown as { rules: { id?: string }[] };
    delete doc.rules[1].id;
    expect(errorsOf(doc)).toEqual(['/rules/1/id is required']);
  });

  it('names a negative timescale', () => {
    const doc = policy();
    doc.timescalesHours.RED = -2;
    expect(errorsOf(doc)).toEqual(['/timescalesHours/RED must be > 0']);
  });

  it('reports every error at once, including unknown agencies and a non-object', () => {
    const doc = policy() as unknown as Record<string, unknown> & { lawfulBases: Record<string, string> };
    delete doc.title;
    doc.lawfulBases.fire = 'none';
    doc.closedCaseWindowHours = -1;
    expect(errorsOf(doc)).toEqual([
      '/title is required',
      '/lawfulBases/fire is not a known name here; must be one of police, social-care, health, education',
      '/closedCaseWindowHours must be >= 0',
    ]);
    expect(errorsOf([])).toEqual(['(document) must be object']);
  });

  it('refuses what a schema cannot say: duplicates, stray purposes, unsafe ALLOW rules', () => {
    const doc = policy();
    doc.effectiveFrom = '2026-02-30';
    doc.rules[5].id = doc.rules[1].id;
    doc.rules[0].id = 'default-deny';
    doc.rules[2].description = 'Rated {colour}';
    doc.rules[3].purposes = ['MARKETING'];
    doc.rules[3].rag = ['RED', 'UNRATED'];
    doc.rules[4].roles = ['mash-triage', 'agency-admin'];
    delete doc.lawfulBases.health;
    expect(errorsOf(doc)).toEqual([
      '/effectiveFrom "2026-02-30" is not a real calendar date',
      '/rules/0/id "default-deny" is reserved for the decision point',
      '/rules/2/description uses unknown placeholder {colour}; known: {rag} {status} {roles} {agency} {purpose} {windowHours}',
      '/rules/3/purposes/0 "MARKETING" is not one of /purposes (MASH_TRIAGE)',
      '/rules/3/rag/1: an ALLOW rule must name RED, AMBER or GREEN; unrated cases are never shared',
      '/rules/3/agencies allows health, which has no entry in /lawfulBases',
      '/rules/4/roles/1: an ALLOW rule may not name "agency-admin"; governance and agency-admin never see agency content',
      '/rules/4/agencies allows health, which has no entry in /lawfulBases',
      '/rules/5/id "unrated-no-agency-data" is already used by /rules/1; rule ids must be unique',
    ]);
  });

  it("knows exactly the gateway's roles", () => {
    const ruleRoles = schema.$defs.rule.properties.roles.items.enum;
    expect(ruleRoles).toEqual([...HUB_ROLES, '*']);
  });
});

describe('validatePolicy: separation of duties and the case register', () => {
  it('fills ratingControl and caseRegister with the defaults in a version stored before they existed', () => {
    const stored = policy() as Partial<PolicyDocument>;
    delete stored.ratingControl;
    delete stored.caseRegister;
    const result = validatePolicy(stored);
    if (!result.ok) throw new Error(result.errors.join('; '));
    expect(result.policy.ratingControl).toEqual(DEFAULT_POLICY.ratingControl);
    expect(result.policy.caseRegister).toEqual(DEFAULT_POLICY.caseRegister);
  });

  it('fills a partly given ratingControl', () => {
    const doc = policy() as unknown as { ratingControl: Record<string, unknown> };
    doc.ratingControl = { urgent: [] };
    const result = validatePolicy(doc);
    if (!result.ok) throw new Error(result.errors.join('; '));
    expect(result.policy.ratingControl).toEqual({ ...DEFAULT_POLICY.ratingControl, urgent: [] });
  });

  it('refuses an urgent rating that opens nothing, and governance opening cases', () => {
    const doc = policy();
    doc.ratingControl.urgent = ['GREEN'];
    doc.ratingControl.reviewerRoles = ['governance'];
    expect(errorsOf(doc)).toEqual([
      '/ratingControl/urgent/0 "GREEN" is not one of /ratingControl/opensSharing; only a rating that opens sharing can be urgent',
      '/ratingControl/reviewerRoles/0: "governance" may not open cases to agency data; governance and agency-admin review access, they do not grant it',
    ]);
  });

  it('checks named reviews', () => {
    const doc = policy();
    const review = { id: 'spr-1', description: 'Practice review', roles: ['governance' as const], caseReferences: ['MASH-2026-000001'], until: '2027-02-30' };
    doc.caseRegister.namedReviews = [review, { ...review, until: '2027-01-31' }];
    expect(errorsOf(doc)).toEqual([
      '/caseRegister/namedReviews/0/until "2027-02-30" is not a real calendar date',
      '/caseRegister/namedReviews/1/id "spr-1" is already used; review ids must be unique',
    ]);
    doc.caseRegister.namedReviews = [{ ...review, caseReferences: ['Smith family'] }];
    expect(errorsOf(doc)[0]).toMatch(/^\/caseRegister\/namedReviews\/0\/caseReferences\/0 must match pattern/);
  });
});

describe('validatePolicy: the hub\'s clock', () => {
  it('fills the working calendar and re-referral window in a version stored before they existed, and keeps timescales optional', () => {
    const stored = policy() as Partial<PolicyDocument>;
    delete stored.workingCalendar;
    delete stored.reReferralWindowDays;
    delete stored.timescales;
    const result = validatePolicy(stored);
    if (!result.ok) throw new Error(result.errors.join('; '));
    expect(result.policy.workingCalendar).toEqual(DEFAULT_POLICY.workingCalendar);
    expect(result.policy.reReferralWindowDays).toBe(28);
    expect(result.policy.timescales).toBeUndefined();
  });

  it('keeps RED on an elapsed clock and checks the calendar', () => {
    const doc = policy();
    doc.timescales = { RED: { hours: 2, clock: 'WORKING' }, GREEN: { hours: 16, clock: 'WORKING' } };
    doc.workingCalendar = { ...doc.workingCalendar, timeZone: 'Europe/Warwick', dayStarts: '17:00', dayEnds: '09:00', closedDays: ['2026-12-32'] };
    expect(errorsOf(doc)).toEqual([
      '/timescales/RED/clock must be ELAPSED: a RED case is worked around the clock',
      '/workingCalendar/timeZone "Europe/Warwick" is not a time zone (use an IANA name, e.g. Europe/London)',
      '/workingCalendar/dayEnds 09:00 must be later than /workingCalendar/dayStarts 17:00',
      '/workingCalendar/closedDays/0 "2026-12-32" is not a real calendar date',
    ]);
  });

  it('names an unknown timescale, clock or weekday', () => {
    const doc = policy() as unknown as { timescales: Record<string, unknown>; workingCalendar: { workingDays: string[] }; reReferralWindowDays: number };
    doc.timescales.BLUE = { hours: 4, clock: 'ELAPSED' };
    doc.timescales.AMBER = { hours: 24, clock: 'OFFICE' };
    doc.workingCalendar.workingDays = ['MONDAY', 'FUNDAY'];
    doc.reReferralWindowDays = -1;
    expect(errorsOf(doc)).toEqual([
      '/timescales/BLUE is not allowed here',
      '/timescales/AMBER/clock is "OFFICE"; must be one of ELAPSED, WORKING',
      '/workingCalendar/workingDays/1 is "FUNDAY"; must be one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY',
      '/reReferralWindowDays must be >= 0',
    ]);
  });
});

describe('validatePolicy: guard rails (issue 12)', () => {
  it('refuses field access for governance, agency-admin, unrated cases or restricted items, with the reasons', () => {
    const doc = policy();
    doc.classificationAccess.push({
      id: 'board-sees-all', description: 'Too much', roles: ['mash-triage', 'governance', 'agency-admin'], rag: ['RED', 'UNRATED'], purposes: ['MASH_TRIAGE'], agencies: ['*'], levels: ['BASIC_IDENTITY', 'RESTRICTED'],
    });
    doc.classificationAccess.push({ ...doc.classificationAccess[0] });
    expect(errorsOf(doc)).toEqual([
      '/classificationAccess/2/roles/1: an entry may not name "governance"; governance and agency-admin never see agency content',
      '/classificationAccess/2/roles/2: an entry may not name "agency-admin"; governance and agency-admin never see agency content',
      '/classificationAccess/2/rag/1: an entry may not name UNRATED; unrated cases are never shared',
      "/classificationAccess/2/levels/1: RESTRICTED is never released by policy; restricted items go through the agency's single point of contact",
      '/classificationAccess/3/id "triage-red-research" is already used by /classificationAccess/0; entry ids must be unique',
    ]);
  });

  it('keeps governance and agency-admin off the standing list of who sees names, but allows a named review', () => {
    const doc = policy();
    doc.caseRegister.namedRoles = ['mash-triage', 'governance', 'agency-admin'];
    expect(errorsOf(doc)).toEqual([
      '/caseRegister/namedRoles/1: "governance" may not see identities in every case; governance and agency-admin review by case reference (a time-limited named review can show identities in named cases)',
      '/caseRegister/namedRoles/2: "agency-admin" may not see identities in every case; governance and agency-admin review by case reference (a time-limited named review can show identities in named cases)',
    ]);
    const review = policy();
    review.caseRegister.namedReviews = [{ id: 'spr-1', description: 'Practice review', roles: ['governance'], caseReferences: ['MASH-2026-000001'], until: '2027-01-31' }];
    expect(validatePolicy(review).ok).toBe(true);
  });

  it('caps the closed-case window at one week', () => {
    const doc = policy();
    doc.closedCaseWindowHours = MAX_CLOSED_CASE_WINDOW_HOURS;
    expect(validatePolicy(doc).ok).toBe(true);
    doc.closedCaseWindowHours = 8760;
    expect(errorsOf(doc)).toEqual([
      '/closedCaseWindowHours 8760 is above the cap of 168 hours (one week): the window after closure is for recording the decision, not for keeping agency data readable',
    ]);
  });

  it('still refuses ALLOW rules for governance, agency-admin, every role, or unrated and every rating', () => {
    const doc = policy();
    doc.rules[3].roles = ['*'];
    doc.rules[4].rag = ['*'];
    doc.rules[4].roles = ['governance'];
    expect(errorsOf(doc)).toEqual([
      '/rules/3/roles/0: an ALLOW rule may not name "*"; governance and agency-admin never see agency content',
      '/rules/4/rag/0: an ALLOW rule must name RED, AMBER or GREEN; unrated cases are never shared',
      '/rules/4/roles/0: an ALLOW rule may not name "governance"; governance and agency-admin never see agency content',
    ]);
  });
});
