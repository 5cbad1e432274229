import {
  MatchStatusValue,
  recordDisclosures,
  type AgencyRequestContext,
  type Classification,
  type MatchReasonValue,
  type PersonFacts,
  type SubjectReference,
} from '@mash/shared';
import type { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import type { EducationConfig } from '../config';
import { today } from '../domain/calendar';
import type { PupilRecord } from '../domain/pupil-record';
import { ambiguousFlags, matchedFlags, notKnownFlags } from '../flags';
import { findCandidates, matchPupils } from '../matching/match-pupils';
import type { EducationView } from '../types/education-view.type';
import { toEducationRecord } from './education-record';
import { applyObligations } from './obligations';
import { educationFacts } from './subject-facts';

/**
 * Answers every subject of one `_entities` call: one candidate query, one record load, scoring,
 * flags, and one disclosure-log insert before anything is returned (nothing leaves unrecorded).
 */
export async function buildViews(
  dataSource: DataSource,
  request: AgencyRequestContext,
  config: EducationConfig,
  subjects: readonly SubjectReference[],
): Promise<(EducationView | GraphQLError)[]> {
  const on = config.referenceDate ?? today();
  const obligations = request.grant?.obligations ?? [];
  const checked = subjects.map(educationFacts);
  const valid = checked.flatMap((facts, index) => (isFacts(facts) ? [{ index, facts }] : []));
  const candidates = await findCandidates(dataSource, valid.map((v) => v.facts));
  const classifications = matchPupils(valid.map((v) => v.facts), candidates, config.thresholds);
  const views = new Map(
    valid.map(({ index, facts }, i) => [index, toView(classifications[i], facts, on, (pupil) => applyObligations(pupil, obligations))]),
  );
  await recordDisclosures(
    dataSource,
    request,
    [...views].map(([index, view]) => ({
      subjectId: subjects[index].id,
      matchStatus: view.status,
      recordIds: view.matches.map((match) => match.record.id),
    })),
  );
  return checked.map((facts, index) => views.get(index) ?? (facts as GraphQLError));
}

function isFacts(value: PersonFacts | GraphQLError): value is PersonFacts {
  return !(value instanceof Error);
}

function toView(
  classification: Classification<PupilRecord>,
  facts: PersonFacts,
  on: string,
  disclosable: (pupil: PupilRecord) => PupilRecord,
): EducationView {
  const pupils = classification.matches.map(({ record }) => disclosable(record));
  const matches = classification.matches.map(({ score }, i) => ({
    confidence: score.confidence,
    matchedOn: score.matchedOn as MatchReasonValue[],
    record: toEducationRecord(pupils[i], on),
  }));
  switch (classification.status) {
    case 'MATCHED':
      return { status: MatchStatusValue.MATCHED, matches, flags: matchedFlags(pupils[0], on) };
    case 'AMBIGUOUS':
      return { status: MatchStatusValue.AMBIGUOUS, matches, flags: ambiguousFlags(matches.length) };
    default:
      return { status: MatchStatusValue.NOT_KNOWN, matches: [], flags: notKnownFlags(facts, on) };
  }
}
