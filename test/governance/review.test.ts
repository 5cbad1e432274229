import { DateTime } from 'luxon';
import { AGENCIES, generatePopulation, type AgencyName } from '@mash/shared';
import { hashTemplate, prepareEntry, type AuditEntryInput } from '@mash/gateway/dist/audit/chain';
import { AuditDecision, AuditKind } from '@mash/gateway/dist/audit/audit-entry.entity';
import { DEFAULT_POLICY } from '@mash/gateway/dist/policy';
import { isWorkingTime } from '@mash/gateway/dist/review/working-time';
import { startFederation, type Federation } from '../support/federation';

/** Review of access (issue 12 part 6): accessReview, whoHasSeen and userActivity through the gateway. */

const NODE = 'seq recordedAt kind decision actorId actorRoles organisation caseId subjectIds agency fields rule grantId';
const REVIEW = `query Review($userId: String, $case: String, $subjectId: ID, $agency: String, $decision: AuditDecision, $rule: String, $kind: AuditKind,
    $from: String, $to: String, $first: Int, $after: String) {
  accessReview(userId: $userId, case: $case, subjectId: $subjectId, agency: $agency, decision: $decision, rule: $rule, kind: $kind, from: $from, to: $to, first: $first, after: $after) {
    edges { cursor caseReference node { ${NODE} } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const DISCLOSURE = 'agency disclosureId disclosedAt grantId caseId caseReference userId purpose subjectId matchStatus recordIds obligations hubEntrySeq';
const WHO = `query Who($person: PersonIdentifiersInput!, $limit: Int) {
  whoHasSeen(person: $person, limit: $limit) {
    reviewedAt moreAccesses unissuedDisclosures
    subjects { subjectId caseId caseReference matchedOn }
    accesses { seq recordedAt kind decision userId roles organisation caseId caseReference subjectIds agency fields rule policyVersion grantId requestId confirmation disclosed { ${DISCLOSURE} } }
    agencies { agency available problem complete disclosures { ${DISCLOSURE} } }
  }
}`;
const ACTIVITY = `query Activity($from: String!, $to: String!, $userId: String, $orderBy: ActivityOrder, $limit: Int) {
  userActivity(from: $from, to: $to, userId: $userId, orderBy: $orderBy, limit: $limit) {
    from to workingCalendar policyVersion orderBy moreUsers
    users { userId roles organisations accesses agencyFetchesAllowed agencyFetchesDenied caseReads cases subjects
            byAgency { agency allowed denied } denialsByRule { rule count } firstAccess lastAccess outsideWorkingHours busiestDay { date accesses } }
  }
}`;
const PEOPLE = 200;
const AGENCY_FIELD: Record<AgencyName, string> = { police: 'police', 'social-care': 'socialCare', health: 'health', education: 'education' };
const caseQuery = (agencies: AgencyName[]) =>
  `query($id: ID!) { case(id: $id) { id reference subjects { id householdRole ${agencies.map((agency) => `${AGENCY_FIELD[agency]} { status }`).join(' ')} } } }`;

describe('review of access', () => {
  let federation: Federation;
  const token: Record<string, string> = {};
  let person: { nhsNumber: string; familyName: string; dateOfBirth: string; givenName: string };
  const cases: { id: string; reference: string; subjectId: string }[] = [];

  const gql = async (query: string, variables: Record<string, unknown>, as: string) => (await federation.query(query, variables, token[as])).body;
  const sql = (text: string, params: unknown[] = []): Promise<any[]> => federation.hub.dataSource.query(text, params);
  const head = async () => (await sql('SELECT max(seq)::text AS seq FROM audit_log'))[0].seq as string;

  /** Entries as if written at `at` (a scripted history), through the log's own append function so the chain stays whole. */
  const appendAt = async (entries: { at: string; input: AuditEntryInput }[]) => {
    const payload = entries.map(({ at, input }) => {
      const entry = { ...prepareEntry(input), recordedAt: new Date(at) };
      const { before, after } = hashTemplate(entry);
      return {
        id: entry.id, recorded_at: entry.recordedAt, kind: entry.kind, actor_id: entry.actorId, actor_roles: entry.actorRoles, organisation: entry.organisation,
        case_id: entry.caseId, subject_ids: entry.subjectIds, agency: entry.agency, fields: entry.fields, decision: entry.decision, rule: entry.rule,
        policy_version: entry.policyVersion, reason: entry.reason, grant_id: entry.grantId, request_id: entry.requestId, facts: (entry as { facts?: unknown }).facts ?? null,
        hash_before: before, hash_after: after,
      };
    });
    await sql('SELECT entry_seq FROM audit_log_append($1::jsonb)', [JSON.stringify(payload)]);
  };

  /** Every page of accessReview for these filters, `first` at a time, checking the connection as it goes. */
  const walk = async (filters: Record<string, unknown>, first: number) => {
    const nodes: any[] = [];
    const references = new Map<string, string | null>();
    let after: string | null = null;
    for (let page = 0; page < 500; page += 1) {
      const body = await gql(REVIEW, { ...filters, first, after }, 'governance');
      expect(body.errors).toBeUndefined();
      const { edges, pageInfo } = body.data.accessReview;
      expect(edges.length).toBeLessThanOrEqual(first);
      expect(pageInfo.hasPreviousPage).toBe(after !== null);
      expect(pageInfo.endCursor).toBe(edges.at(-1)?.cursor ?? null);
      for (const edge of edges) {
        nodes.push(edge.node);
        if (edge.node.caseId) references.set(edge.node.caseId, edge.caseReference);
      }
      if (!pageInfo.hasNextPage) return { nodes, references, pages: page + 1 };
      expect(edges).toHaveLength(first);
      after = pageInfo.endCursor;
    }
    throw new Error('too many pages');
  };

  /** The walk holds exactly what SQL finds up to `upTo`, newest first; anything newer is the walk's own reads. */
  const expectWalkEquals = async (nodes: any[], where: string, params: unknown[], upTo: string) => {
    const expected = await sql(`SELECT seq::text AS seq FROM audit_log WHERE (${where}) AND seq <= $${params.length + 1} ORDER BY audit_log.seq DESC`, [...params, upTo]);
    const seqs = nodes.map((node) => node.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs.map(BigInt)).toEqual([...seqs.map(BigInt)].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
    const old = nodes.filter((node) => BigInt(node.seq) <= BigInt(upTo));
    expect(old.map((node) => node.seq)).toEqual(expected.map((row) => row.seq));
    for (const node of nodes.filter((item) => BigInt(item.seq) > BigInt(upTo))) expect(node).toMatchObject({ kind: 'AUDIT_READ', actorId: 'gov-r1' });
    return expected.length;
  };

  beforeAll(async () => {
    federation = await startFederation({ people: PEOPLE });
    token['triage-1'] = await federation.token({ role: 'mash-triage', sub: 'triage-r1' });
    token['triage-2'] = await federation.token({ role: 'mash-triage', sub: 'triage-r2', organisation: 'Warwickshire Police' });
    token.manager = await federation.token({ role: 'mash-manager', sub: 'manager-r1' });
    token.governance = await federation.token({ role: 'governance', sub: 'gov-r1' });
    token['police-admin'] = await federation.token({ role: 'agency-admin', agency: 'police', sub: 'police-admin-r1' });

    // The person: a child of the demo RED case (known to all four agencies), referred twice more.
    const list = await gql('{ cases { id rag reference } }', {}, 'triage-1');
    const red = list.data.cases.find((item: any) => item.rag === 'RED');
    const seen = await gql(
      'query($id: ID!) { case(id: $id) { subjects { id householdRole givenName familyName dateOfBirth gender postcode addressLine nhsNumber upn pncId } } }',
      { id: red.id }, 'triage-1',
    );
    // The demo referral gave no NHS number; the two new referrals give the child's real one, so
    // the review finds them by it and the first case's subject by name and date of birth.
    const child = seen.data.case.subjects.find((subject: any) => subject.householdRole === 'CHILD');
    const real = generatePopulation({ people: PEOPLE }).demo.red.members
      .find((member) => member.givenName === child.givenName && member.familyName === child.familyName && member.dateOfBirth === child.dateOfBirth)!;
    expect(real.nhsNumber).toMatch(/^\d{10}$/);
    person = { nhsNumber: real.nhsNumber!, familyName: child.familyName, dateOfBirth: child.dateOfBirth, givenName: child.givenName };
    cases.push({ id: red.id, reference: red.reference, subjectId: child.id });
    const { id: _id, ...details } = { ...child, nhsNumber: real.nhsNumber };
    for (const rag of ['RED', 'GREEN']) {
      const received = await gql('mutation($input: ReferralInput!) { receiveReferral(input: $input) { id reference subjects { id } } }', {
        input: { referrerName: 'School DSL', concern: 'Made-up concern for the review test', rag, ragRationale: 'test', subjects: [details] },
      }, 'triage-2');
      expect(received.errors).toBeUndefined();
      const made = received.data.receiveReferral;
      cases.push({ id: made.id, reference: made.reference, subjectId: made.subjects[0].id });
    }
    // triage-1 reads police and health for the RED case; triage-2 social care and education for
    // the second (RED) case, and police for the GREEN one, which the policy denies.
    const first = await gql(caseQuery(['police', 'health']), { id: cases[0].id }, 'triage-1');
    expect(first.errors).toBeUndefined();
    const second = await gql(caseQuery(['social-care', 'education']), { id: cases[1].id }, 'triage-2');
    expect(second.errors).toBeUndefined();
    const green = await gql(caseQuery(['police']), { id: cases[2].id }, 'triage-2');
    expect(green.errors[0].extensions).toMatchObject({ code: 'ISA_DENIED', rule: 'green-no-agency-data' });

    // A scripted history for night-owl at known local times (Europe/London: BST in June).
    // A case and a subject of its own, so none of it is about the person reviewed below.
    const base = {
      actorId: 'night-owl', actorRoles: ['mash-triage'], organisation: 'Night MASH', caseId: '0b0e0000-0000-4000-8000-000000000001',
      subjectIds: ['0b0e0000-0000-4000-8000-0000000000aa'], fields: ['police.status'],
    };
    const fetch = (agency: string, allowed: boolean, rule: string): AuditEntryInput => ({
      ...base, kind: AuditKind.AGENCY_FETCH, decision: allowed ? AuditDecision.ALLOWED : AuditDecision.DENIED, agency, rule, policyVersion: DEFAULT_POLICY.version,
    });
    const read: AuditEntryInput = { ...base, kind: AuditKind.CASE_READ, decision: AuditDecision.ALLOWED, rule: 'case-register-identities', fields: ['subjects.familyName'] };
    await appendAt([
      { at: '2025-12-25T11:00:00Z', input: read }, // Christmas Day: outside
      { at: '2026-06-03T07:59:00Z', input: fetch('health', false, 'green-no-agency-data') }, // 08:59 BST: outside
      { at: '2026-06-03T08:00:00Z', input: read }, // 09:00 BST: inside
      { at: '2026-06-03T12:00:00Z', input: { ...base, kind: AuditKind.CASE_MUTATION, decision: AuditDecision.RECORDED, rule: 'RATE_CASE' } }, // not an access
      { at: '2026-06-03T15:59:00Z', input: fetch('education', true, 'triage-red-amber') }, // 16:59 BST: inside
      { at: '2026-06-03T16:00:00Z', input: fetch('police', false, 'closed-case-no-agency-data') }, // 17:00 BST: outside
      { at: '2026-06-04T10:00:00Z', input: fetch('police', true, 'triage-red-amber') }, // inside
      { at: '2026-06-06T01:00:00Z', input: fetch('police', true, 'triage-red-amber') }, // a Saturday: outside
    ]);
  });
  afterAll(() => federation?.stop());

  describe('accessReview', () => {
    const total = async (upTo: string) => Number((await sql('SELECT count(*) AS n FROM audit_log WHERE seq <= $1', [upTo]))[0].n);

    it.each([
      ['userId', () => ({ userId: 'triage-r2' }), `actor_id = 'triage-r2'`],
      ['case (its id)', () => ({ case: cases[1].id }), () => `case_id = '${cases[1].id}'`],
      ['case (its reference, any case)', () => ({ case: cases[1].reference.toLowerCase() }), () => `case_id = '${cases[1].id}'`],
      ['subjectId', () => ({ subjectId: cases[0].subjectId }), () => `subject_ids @> ARRAY['${cases[0].subjectId}']`],
      ['agency', () => ({ agency: 'health' }), `agency = 'health'`],
      ['decision', () => ({ decision: 'DENIED' }), `decision = 'DENIED'`],
      ['rule', () => ({ rule: 'green-no-agency-data' }), `rule = 'green-no-agency-data'`],
      ['kind', () => ({ kind: 'CASE_READ' }), `kind = 'CASE_READ'`],
      ['period (London days)', () => ({ from: '2026-06-03', to: '2026-06-04T00:00:00+01:00' }), `recorded_at >= '2026-06-02T23:00:00Z' AND recorded_at < '2026-06-03T23:00:00Z'`],
      ['user, agency and decision together', () => ({ userId: 'night-owl', agency: 'police', decision: 'DENIED' }), `actor_id = 'night-owl' AND agency = 'police' AND decision = 'DENIED'`],
    ])('narrows by %s, exactly as SQL does', async (_name, filters, where) => {
      const upTo = await head();
      const { nodes, references } = await walk(filters(), 200);
      const matched = await expectWalkEquals(nodes, typeof where === 'string' ? where : where(), [], upTo);
      expect(matched).toBeGreaterThan(0);
      expect(matched).toBeLessThan(await total(upTo));
      for (const item of cases) if (references.has(item.id)) expect(references.get(item.id)).toBe(item.reference);
    });

    it('walks a multi-page result without gaps or duplicates', async () => {
      const upTo = await head();
      const { nodes, pages } = await walk({}, 7);
      expect(pages).toBeGreaterThanOrEqual(4);
      await expectWalkEquals(nodes, 'true', [], upTo);
      // And a filtered walk with a page size that does not divide it.
      const fetches = await walk({ kind: 'AGENCY_FETCH' }, 3);
      expect(fetches.pages).toBeGreaterThanOrEqual(3);
      await expectWalkEquals(fetches.nodes, `kind = 'AGENCY_FETCH'`, [], upTo);
    });

    it('writes each read to the access log, with its filters and the subject asked about', async () => {
      const body = await gql(REVIEW, { agency: 'health', subjectId: cases[0].subjectId, first: 5 }, 'governance');
      expect(body.errors).toBeUndefined();
      const [entry] = await sql(`SELECT * FROM audit_log WHERE kind = 'AUDIT_READ' AND actor_id = 'gov-r1' ORDER BY seq DESC LIMIT 1`);
      expect(entry).toMatchObject({ decision: 'ALLOWED', agency: 'health', subject_ids: [cases[0].subjectId], rule: 'governance-role-required' });
      expect(entry.reason).toMatch(/^accessReview: .*subjectId=.*agency=health.*first=5/);
      expect(entry.fields).toEqual(expect.arrayContaining(['edges.cursor', 'edges.node.seq', 'pageInfo.endCursor']));
    });

    it.each([
      [{ first: 0 }, 'first'],
      [{ first: 201 }, 'first'],
      [{ after: 'not-a-cursor' }, 'after'],
      [{ from: '2026-06-04', to: '2026-06-03' }, 'to'],
      [{ from: 'last tuesday' }, 'from'],
      [{ to: '2026-06-03T10:00:00' }, 'to'],
      [{ case: 'MASH-1999-999999' }, 'case'],
      [{ case: 'the red one' }, 'case'],
      [{ agency: 'fire-service' }, 'agency'],
      [{ subjectId: 'someone' }, 'subjectId'],
    ])('refuses %j as BAD_USER_INPUT naming %s', async (args, argument) => {
      const body = await gql(REVIEW, { first: 10, ...args }, 'governance');
      expect(body.data?.accessReview ?? null).toBeNull();
      expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      expect(body.errors[0].message).toMatch(new RegExp(`^${argument}: `));
    });

    it('refuses a cursor used with other filters', async () => {
      const first = await gql(REVIEW, { agency: 'police', first: 2 }, 'governance');
      const cursor = first.data.accessReview.pageInfo.endCursor;
      const body = await gql(REVIEW, { agency: 'health', first: 2, after: cursor }, 'governance');
      expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    });
  });

  describe('whoHasSeen', () => {
    const expectedSubjects = async () =>
      (await sql(
        `SELECT id::text AS id FROM mash_subject WHERE nhs_number = $1
           OR (lower(family_name) = lower($2) AND date_of_birth = $3::date AND nhs_number IS NULL
               AND (given_name IS NULL OR split_part(lower(btrim(given_name)), ' ', 1) = split_part(lower($4), ' ', 1)))`,
        [person.nhsNumber, person.familyName, person.dateOfBirth, person.givenName],
      )).map((row) => row.id).sort();

    it("lists the hub's entries about the person across two cases and what each agency confirms it disclosed", async () => {
      const body = await gql(WHO, { person: { nhsNumber: person.nhsNumber } }, 'governance');
      expect(body.errors).toBeUndefined();
      const report = body.data.whoHasSeen;
      const ids = report.subjects.map((subject: any) => subject.subjectId).sort();
      expect(ids).toEqual(await expectedSubjects());
      for (const [index, item] of cases.entries()) {
        expect(report.subjects).toContainEqual({ subjectId: item.subjectId, caseId: item.id, caseReference: item.reference, matchedOn: [index === 0 ? 'NAME_AND_DATE_OF_BIRTH' : 'NHS_NUMBER'] });
      }
      const caseIds = [...new Set(report.subjects.map((subject: any) => subject.caseId))];

      // The hub's side: exactly the entries naming them, or reading their cases, before the review.
      const [own] = await sql(`SELECT seq::text AS seq, subject_ids, reason, request_id FROM audit_log WHERE kind = 'AUDIT_READ' AND reason LIKE 'whoHasSeen:%' ORDER BY audit_log.seq DESC LIMIT 1`);
      const expected = await sql(
        `SELECT seq::text AS seq, kind, decision, actor_id, agency, grant_id FROM audit_log
          WHERE seq < $1 AND (subject_ids && $2::text[] OR (kind = 'CASE_READ' AND case_id = ANY($3::text[]))) ORDER BY audit_log.seq DESC`,
        [own.seq, ids, caseIds],
      );
      expect(report.accesses.map((access: any) => access.seq)).toEqual(expected.map((row) => row.seq));
      expect(report.moreAccesses).toBe(false);
      const kinds = new Set(report.accesses.map((access: any) => access.kind));
      for (const kind of ['AGENCY_FETCH', 'CASE_READ', 'CASE_MUTATION']) expect(kinds).toContain(kind);

      // Allowed fetches: each confirmed by the agency's own log, record ids as the agency holds them.
      const allowed = report.accesses.filter((access: any) => access.kind === 'AGENCY_FETCH' && access.decision === 'ALLOWED');
      const byCaseAgency = new Set(allowed.map((access: any) => `${access.caseReference} ${access.agency} ${access.userId}`));
      for (const agency of ['police', 'health']) expect(byCaseAgency).toContain(`${cases[0].reference} ${agency} triage-r1`);
      for (const agency of ['social-care', 'education']) expect(byCaseAgency).toContain(`${cases[1].reference} ${agency} triage-r2`);
      for (const access of allowed) {
        expect(access).toMatchObject({ confirmation: 'CONFIRMED', roles: ['mash-triage'] });
        expect(access.subjectIds.length).toBeGreaterThan(0);
        const rows = await federation.agencies[access.agency as AgencyName].database.dataSource.query(
          'SELECT id::text AS id, subject_id, record_ids, match_status FROM disclosure_log WHERE grant_id = $1 AND subject_id = ANY($2::text[]) ORDER BY id',
          [access.grantId, ids],
        );
        expect(access.disclosed.map((item: any) => item.disclosureId).sort()).toEqual(rows.map((row: any) => row.id).sort());
        for (const item of access.disclosed) {
          const row = rows.find((candidate: any) => candidate.id === item.disclosureId);
          expect(item).toMatchObject({ grantId: access.grantId, subjectId: row.subject_id, recordIds: row.record_ids, matchStatus: row.match_status, userId: access.userId, hubEntrySeq: access.seq });
        }
      }
      expect(allowed.find((access: any) => access.agency === 'police').disclosed[0]).toMatchObject({ matchStatus: 'MATCHED', recordIds: expect.arrayContaining([expect.any(String)]) });
      expect(allowed.find((access: any) => access.agency === 'police').organisation).toBeTruthy();
      expect(allowed.find((access: any) => access.userId === 'triage-r2').organisation).toBe('Warwickshire Police');

      // The denied GREEN fetch: listed with its rule, nothing to confirm.
      const denied = report.accesses.find((access: any) => access.caseId === cases[2].id && access.kind === 'AGENCY_FETCH');
      expect(denied).toMatchObject({ decision: 'DENIED', rule: 'green-no-agency-data', agency: 'police', grantId: null, confirmation: 'NOT_APPLICABLE', disclosed: [], userId: 'triage-r2' });

      // Each agency's side: everything its log holds about the person, read in full, every grant issued by the hub.
      expect(report.agencies.map((agency: any) => agency.agency)).toEqual([...AGENCIES]);
      for (const agency of report.agencies) {
        expect(agency).toMatchObject({ available: true, problem: null, complete: true });
        const rows = await federation.agencies[agency.agency as AgencyName].database.dataSource.query(
          'SELECT id::text AS id FROM disclosure_log WHERE subject_id = ANY($1::text[])', [ids],
        );
        expect(agency.disclosures.map((item: any) => item.disclosureId).sort()).toEqual(rows.map((row: any) => row.id).sort());
        expect(agency.disclosures.length).toBeGreaterThan(0);
        for (const item of agency.disclosures) expect(item.hubEntrySeq).not.toBeNull();
      }
      expect(report.unissuedDisclosures).toBe(0);

      // The review is in the log with the subject ids it covered, never the identifiers typed;
      // each agency's log was read under a grant of its own, audited in the same request.
      expect([...own.subject_ids].sort()).toEqual(ids);
      expect(own.reason).toMatch(/^whoHasSeen: subject access review by nhsNumber: \d+ subject\(s\) in \d+ case\(s\)$/);
      const reads = await sql(`SELECT agency, decision, rule, grant_id, actor_id FROM audit_log WHERE request_id = $1 AND kind = 'AGENCY_FETCH'`, [own.request_id]);
      expect(reads.map((row) => row.agency).sort()).toEqual([...AGENCIES].sort());
      for (const row of reads) expect(row).toMatchObject({ decision: 'ALLOWED', rule: 'governance-subject-access-review', actor_id: 'gov-r1', grant_id: expect.any(String) });
      const everything = JSON.stringify(await sql('SELECT * FROM audit_log WHERE request_id = $1', [own.request_id]));
      for (const value of [person.nhsNumber, person.familyName, person.dateOfBirth]) expect(everything).not.toContain(value);
    });

    it('finds the same subjects from a family name, date of birth and given name, or from any one subject id', async () => {
      const expected = await expectedSubjects();
      const byName = await gql(WHO, { person: { familyName: person.familyName.toUpperCase(), dateOfBirth: person.dateOfBirth, givenName: person.givenName }, limit: 5 }, 'governance');
      expect(byName.errors).toBeUndefined();
      expect(byName.data.whoHasSeen.subjects.map((subject: any) => subject.subjectId).sort()).toEqual(expected);
      expect(byName.data.whoHasSeen.subjects[0].matchedOn).toContain('NAME_AND_DATE_OF_BIRTH');
      expect(byName.data.whoHasSeen.accesses).toHaveLength(5);
      expect(byName.data.whoHasSeen.moreAccesses).toBe(true);
      const bySubject = await gql(WHO, { person: { subjectId: cases[2].subjectId } }, 'governance');
      expect(bySubject.data.whoHasSeen.subjects.map((subject: any) => subject.subjectId).sort()).toEqual(expected);
      const [entry] = await sql(`SELECT reason FROM audit_log WHERE kind = 'AUDIT_READ' AND reason LIKE 'whoHasSeen:%' ORDER BY seq DESC LIMIT 1`);
      expect(entry.reason).toMatch(/by subjectId:/);
    });

    it('answers nothing, but audits, for a person the hub does not know; refuses bad identifiers without echoing them', async () => {
      const nobody = await gql(WHO, { person: { nhsNumber: '9434765919' } }, 'governance');
      expect(nobody.data.whoHasSeen).toMatchObject({ subjects: [], accesses: [], agencies: [], unissuedDisclosures: 0 });
      const bad = await gql(WHO, { person: { nhsNumber: '1234567890' } }, 'governance');
      expect(bad.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'person.nhsNumber' });
      expect(bad.errors[0].message).not.toContain('1234567890');
      const half = await gql(WHO, { person: { familyName: 'Smith' } }, 'governance');
      expect(half.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'person.dateOfBirth' });
      const limit = await gql(WHO, { person: { nhsNumber: person.nhsNumber }, limit: 0 }, 'governance');
      expect(limit.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'limit' });
    });
  });

  describe('userActivity', () => {
    const FROM = '2025-12-01';
    const TO = '2027-01-01';
    const calendar = DEFAULT_POLICY.workingCalendar;

    /** The same summaries computed here, row by row, from the access log. */
    const computed = async (from: Date, to: Date) => {
      const rows = await sql(
        `SELECT actor_id, actor_roles, organisation, kind, decision, agency, rule, case_id, subject_ids, recorded_at FROM audit_log
          WHERE recorded_at >= $1 AND recorded_at < $2 AND kind IN ('AGENCY_FETCH', 'CASE_READ') AND actor_id IS NOT NULL`,
        [from, to],
      );
      const users = new Map<string, any[]>();
      for (const row of rows) users.set(row.actor_id, [...(users.get(row.actor_id) ?? []), row]);
      return new Map([...users].map(([userId, own]) => {
        const fetches = own.filter((row) => row.kind === 'AGENCY_FETCH');
        const days = new Map<string, number>();
        for (const row of own) {
          const day = DateTime.fromJSDate(row.recorded_at, { zone: calendar.timeZone }).toISODate()!;
          days.set(day, (days.get(day) ?? 0) + 1);
        }
        const [busiest] = [...days].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
        const rules = new Map<string, number>();
        for (const row of fetches.filter((item) => item.decision === 'DENIED')) rules.set(row.rule, (rules.get(row.rule) ?? 0) + 1);
        const times = own.map((row) => row.recorded_at.getTime());
        return [userId, {
          userId,
          roles: [...new Set(own.flatMap((row) => row.actor_roles))].sort(),
          organisations: [...new Set(own.flatMap((row) => (row.organisation ? [row.organisation] : [])))].sort(),
          accesses: own.length,
          agencyFetchesAllowed: fetches.filter((row) => row.decision === 'ALLOWED').length,
          agencyFetchesDenied: fetches.filter((row) => row.decision === 'DENIED').length,
          caseReads: own.filter((row) => row.kind === 'CASE_READ').length,
          cases: new Set(own.flatMap((row) => (row.case_id ? [row.case_id] : []))).size,
          subjects: new Set(own.flatMap((row) => row.subject_ids)).size,
          byAgency: AGENCIES.flatMap((agency) => {
            const mine = fetches.filter((row) => row.agency === agency);
            return mine.length ? [{ agency, allowed: mine.filter((row) => row.decision === 'ALLOWED').length, denied: mine.filter((row) => row.decision === 'DENIED').length }] : [];
          }),
          denialsByRule: [...rules].map(([rule, count]) => ({ rule, count })).sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule)),
          firstAccess: new Date(Math.min(...times)).toISOString(),
          lastAccess: new Date(Math.max(...times)).toISOString(),
          outsideWorkingHours: own.filter((row) => !isWorkingTime(row.recorded_at, calendar)).length,
          busiestDay: { date: busiest[0], accesses: busiest[1] },
        }];
      }));
    };

    it("equals, user by user, what the access log's rows add up to", async () => {
      const body = await gql(ACTIVITY, { from: FROM, to: TO, limit: 1000 }, 'governance');
      expect(body.errors).toBeUndefined();
      const report = body.data.userActivity;
      expect(report).toMatchObject({ from: '2025-12-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z', policyVersion: expect.any(String), orderBy: 'ACCESSES', moreUsers: false });
      expect(report.workingCalendar).toMatch(/09:00-17:00 Europe\/London/);
      const expected = await computed(new Date(report.from), new Date(report.to));
      expect(report.users.map((user: any) => user.userId).sort()).toEqual([...expected.keys()].sort());
      for (const user of report.users) expect(user).toEqual(expected.get(user.userId));
      const volumes = report.users.map((user: any) => user.accesses);
      expect(volumes).toEqual([...volumes].sort((a, b) => b - a));
      for (const name of ['triage-r1', 'triage-r2', 'gov-r1', 'night-owl']) expect(expected.has(name)).toBe(true);
    });

    it('counts the scripted night-owl exactly: outside hours, busiest day, denials by rule', async () => {
      const body = await gql(ACTIVITY, { from: FROM, to: TO, userId: 'night-owl' }, 'governance');
      expect(body.data.userActivity.users).toEqual([{
        userId: 'night-owl', roles: ['mash-triage'], organisations: ['Night MASH'],
        accesses: 7, agencyFetchesAllowed: 3, agencyFetchesDenied: 2, caseReads: 2, cases: 1, subjects: 1,
        byAgency: [{ agency: 'police', allowed: 2, denied: 1 }, { agency: 'health', allowed: 0, denied: 1 }, { agency: 'education', allowed: 1, denied: 0 }],
        denialsByRule: [{ rule: 'closed-case-no-agency-data', count: 1 }, { rule: 'green-no-agency-data', count: 1 }],
        firstAccess: '2025-12-25T11:00:00.000Z', lastAccess: '2026-06-06T01:00:00.000Z',
        outsideWorkingHours: 4, busiestDay: { date: '2026-06-03', accesses: 4 },
      }]);
    });

    it('sorts by the measure asked for, and keeps to the limit', async () => {
      const body = await gql(ACTIVITY, { from: FROM, to: TO, orderBy: 'OUTSIDE_WORKING_HOURS', limit: 2 }, 'governance');
      const { users, moreUsers } = body.data.userActivity;
      expect(users).toHaveLength(2);
      expect(moreUsers).toBe(true);
      expect(users[0].outsideWorkingHours).toBeGreaterThanOrEqual(users[1].outsideWorkingHours);
      const denied = (await gql(ACTIVITY, { from: FROM, to: TO, orderBy: 'DENIED_FETCHES', limit: 1000 }, 'governance')).data.userActivity.users;
      const counts = denied.map((user: any) => user.agencyFetchesDenied);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    });

    it('refuses a reversed or over-long period naming the argument', async () => {
      for (const [args, argument] of [[{ from: TO, to: FROM }, 'to'], [{ from: '2020-01-01', to: TO }, 'to'], [{ from: 'soon', to: TO }, 'from']] as const) {
        const body = await gql(ACTIVITY, args, 'governance');
        expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      }
    });
  });

  describe('who may review', () => {
    it.each(['triage-1', 'manager', 'police-admin'])('refuses %s (FORBIDDEN) and records the attempt', async (as) => {
      const queries: [string, Record<string, unknown>][] = [
        [REVIEW, { first: 5 }],
        [WHO, { person: { nhsNumber: person.nhsNumber } }],
        [ACTIVITY, { from: '2026-01-01', to: '2026-02-01' }],
      ];
      for (const [query, variables] of queries) {
        const before = await head();
        const body = await gql(query, variables, as);
        expect(body.data).toBeNull();
        expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
        const denied = await sql(`SELECT actor_id, decision, subject_ids FROM audit_log WHERE seq > $1 AND kind = 'AUDIT_READ'`, [before]);
        expect(denied).toEqual([expect.objectContaining({ decision: 'DENIED', subject_ids: [] })]);
        // Nothing about the person was looked up or fetched for a refused reader.
        expect(await sql(`SELECT 1 FROM audit_log WHERE seq > $1 AND kind = 'AGENCY_FETCH'`, [before])).toHaveLength(0);
      }
    });

    it('asks for a token', async () => {
      const { body } = await federation.query(REVIEW, { first: 5 }, null);
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });

    it("keeps agencies' disclosure logs closed to governance outside a subject access review", async () => {
      const body = await gql('{ policeDisclosures(limit: 5) { grantId } }', {}, 'governance');
      expect(body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'disclosure-log-own-agency-only' });
    });
  });

  // Last: it takes an agency down.
  it('reports an agency that is down as unavailable, and still answers from the others', async () => {
    await federation.agencies.education.stop();
    const body = await gql(WHO, { person: { nhsNumber: person.nhsNumber } }, 'governance');
    expect(body.errors).toBeUndefined();
    const report = body.data.whoHasSeen;
    const education = report.agencies.find((agency: any) => agency.agency === 'education');
    expect(education).toMatchObject({ available: false, complete: false, disclosures: [] });
    expect(education.problem).toMatch(/AGENCY_UNAVAILABLE/);
    for (const agency of report.agencies.filter((item: any) => item.agency !== 'education')) expect(agency).toMatchObject({ available: true, complete: true });
    const allowed = report.accesses.filter((access: any) => access.kind === 'AGENCY_FETCH' && access.decision === 'ALLOWED');
    expect(allowed.filter((access: any) => access.agency === 'education').map((access: any) => access.confirmation)).toEqual(['AGENCY_UNAVAILABLE']);
    expect(allowed.filter((access: any) => access.agency !== 'education').every((access: any) => access.confirmation === 'CONFIRMED')).toBe(true);
  });
});
