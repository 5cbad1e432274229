import { DEFAULT_POLICY, wideningFindings, type PolicyDocument } from '..';

function changed(change: (doc: PolicyDocument) => void): PolicyDocument {
  const doc = structuredClone(DEFAULT_POLICY);
  doc.version = 'candidate';
  change(doc);
  return doc;
}

const ruleIndex = (doc: PolicyDocument, id: string) => doc.rules.findIndex((rule) => rule.id === id);

describe('wideningFindings', () => {
  it('finds nothing in the same agreement under a new version, or in a narrowing', () => {
    expect(wideningFindings(DEFAULT_POLICY, changed(() => {}))).toEqual([]);
    const narrower = changed((doc) => {
      doc.closedCaseWindowHours = 24;
      doc.timescalesHours.AMBER = 8;
      doc.rules[ruleIndex(doc, 'triage-open-red-amber')].roles = ['mash-manager'];
      doc.classificationAccess[0].levels = ['BASIC_IDENTITY'];
      doc.ratingControl.urgent = [];
    });
    expect(wideningFindings(DEFAULT_POLICY, narrower)).toEqual([]);
  });

  it('counts everything as widening when no version is in force', () => {
    expect(wideningFindings(null, DEFAULT_POLICY)).toEqual(['No ISA version is in force, so everything this version allows counts as new sharing']);
  });

  it('names a rating newly shared, per role, in plain words', () => {
    const green = changed((doc) => {
      doc.rules.splice(ruleIndex(doc, 'green-no-agency-data'), 1);
      doc.rules[ruleIndex(doc, 'triage-open-red-amber')].rag = ['RED', 'AMBER', 'GREEN'];
      doc.rules[ruleIndex(doc, 'triage-open-red-amber')].agencies = ['health'];
    });
    // Without a field access entry for GREEN the agency is still asked, though no classified field is released.
    expect(wideningFindings(DEFAULT_POLICY, green)).toEqual([
      'mash-triage would see health data for GREEN open cases (fields: none released)',
      'mash-manager would see health data for GREEN open cases (fields: none released)',
    ]);
    green.classificationAccess[0].rag.push('GREEN');
    expect(wideningFindings(DEFAULT_POLICY, green)).toEqual(['mash-triage would see health data for GREEN open cases', 'mash-manager would see health data for GREEN open cases']);
  });

  it('names a new role, a dropped obligation and a newly released level', () => {
    const doc = changed((d) => {
      const open = d.rules[ruleIndex(d, 'triage-open-red-amber')];
      delete open.obligations;
      d.classificationAccess[1].levels.push('POLICE_INTELLIGENCE');
      d.classificationAccess[1].agencies = ['police'];
    });
    expect(wideningFindings(DEFAULT_POLICY, doc)).toEqual([
      "mash-triage would get every agency's data for RED open cases without consent to early-help sharing, dropping the obligation OMIT_STANDARD_RISK_DOMESTIC_ABUSE",
      "mash-triage would get every agency's data for AMBER open cases without consent to early-help sharing, dropping the obligation OMIT_STANDARD_RISK_DOMESTIC_ABUSE",
      'mash-triage would see POLICE_INTELLIGENCE fields from police data for AMBER open cases',
      'mash-triage would see POLICE_INTELLIGENCE fields from police data for AMBER cases closed 1 to 72 hours ago',
      "mash-manager would get every agency's data for RED open cases without consent to early-help sharing, dropping the obligation OMIT_STANDARD_RISK_DOMESTIC_ABUSE",
      "mash-manager would get every agency's data for AMBER open cases without consent to early-help sharing, dropping the obligation OMIT_STANDARD_RISK_DOMESTIC_ABUSE",
      'mash-manager would see POLICE_INTELLIGENCE fields from police data for AMBER open cases',
      'mash-manager would see POLICE_INTELLIGENCE fields from police data for AMBER cases closed 1 to 72 hours ago',
    ]);
  });

  it('names a longer closed-case window, with the cases it opens', () => {
    const findings = wideningFindings(DEFAULT_POLICY, changed((d) => (d.closedCaseWindowHours = 100)));
    expect(findings[0]).toBe('Agency data would stay readable for 100 hours after a case closes, not 72');
    expect(findings).toContain("mash-triage would see every agency's data for RED cases closed 73 to 100 hours ago");
    expect(findings).toContain("mash-manager would see every agency's data for AMBER cases closed 73 to 100 hours ago (fields: BASIC_IDENTITY, SAFEGUARDING_STATUS, HEALTH_SPECIAL, CRIMINAL_OFFENCE)");
    expect(findings).toHaveLength(5);
  });

  it('ignores a role pair that only repeats what each role alone finds, and names one that adds', () => {
    const pairOnly = changed((d) => {
      d.rules.splice(ruleIndex(d, 'green-no-agency-data'), 1);
      d.rules.splice(ruleIndex(d, 'triage-open-red-amber'), 0, {
        id: 'pair-green', description: 'Both roles, GREEN', effect: 'ALLOW', agencies: ['education'], roles: ['mash-triage'], rag: ['GREEN'], caseStatus: ['OPEN'], purposes: ['MASH_TRIAGE'],
      });
    });
    expect(wideningFindings(DEFAULT_POLICY, pairOnly)).toEqual(['mash-triage would see education data for GREEN open cases (fields: none released)']);

    // Before: managers refused outright, even alongside triage; after: that rule gone, so only the pair gains.
    const triageOnly = (d: PolicyDocument) => {
      d.rules[ruleIndex(d, 'triage-open-red-amber')].roles = ['mash-triage'];
      d.rules[ruleIndex(d, 'triage-closed-within-window')].roles = ['mash-triage'];
    };
    const before = changed((d) => {
      triageOnly(d);
      d.rules.unshift({ id: 'no-managers', description: 'Managers do not research', effect: 'DENY', agencies: ['police'], roles: ['mash-manager'], rag: ['*'], caseStatus: ['OPEN'], purposes: ['*'] });
    });
    expect(wideningFindings(before, changed(triageOnly))).toEqual([
      'A user holding both mash-triage and mash-manager would see police data for RED open cases',
      'A user holding both mash-triage and mash-manager would see police data for AMBER open cases (fields: BASIC_IDENTITY, SAFEGUARDING_STATUS, HEALTH_SPECIAL, CRIMINAL_OFFENCE)',
    ]);
  });

  it('names settings that open sharing outside a fetch decision', () => {
    const doc = changed((d) => {
      d.purposes.push('SECTION_47');
      d.ratingControl.opensSharing.push('GREEN');
      d.ratingControl.confirmedWhenRatedBy.push('mash-triage');
      d.ratingControl.secondPersonRoles = ['mash-triage', 'mash-manager'];
      d.ratingControl.selfConfirmOwnReferral = false;
      d.caseRegister.namedReviews = [{ id: 'spr-1', description: 'Review', roles: ['governance'], caseReferences: ['MASH-2026-000001'], until: '2027-01-31' }];
      d.notifications = { operationEncompass: true, gpOnDomesticAbuse: true };
    });
    const before = structuredClone(DEFAULT_POLICY);
    before.ratingControl.selfConfirmOwnReferral = false;
    expect(wideningFindings(before, doc)).toEqual([
      'Agency data could be fetched for a new purpose, SECTION_47',
      'A GREEN rating would open a case to agency data',
      'A rating by mash-triage would open a case without a second person confirming it',
      'A new named review spr-1 would let governance see names in 1 case until 2027-01-31',
      "A child's GP practice would be told of domestic abuse incidents",
    ]);
    const lawful = structuredClone(DEFAULT_POLICY);
    delete lawful.lawfulBases.education;
    lawful.rules[ruleIndex(lawful, 'triage-open-red-amber')].agencies = ['police', 'health', 'social-care'];
    lawful.rules[ruleIndex(lawful, 'triage-closed-within-window')].agencies = ['police', 'health', 'social-care'];
    const findings = wideningFindings(lawful, changed(() => {}));
    expect(findings[0]).toBe('education would have a lawful basis to share for the first time (UK GDPR Art 6(1)(e), Art 9(2)(g); DPA 2018 Sch 1 para 18)');
    expect(findings).toContain('mash-triage would see education data for RED open cases');
  });
});
