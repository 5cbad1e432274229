import {
  MatchReasonValue, MatchStatusValue, matchBatch, recordDisclosures, type AgencyRequestContext, type Classification,
  type MatchThresholds, type SubjectReference,
} from '@mash/shared';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Person } from '../entities/person.entity';
import { ambiguousFlags, computeFlags } from '../flags';
import { findCandidates, loadHouseholds } from '../matching/candidates';
import { personFacts } from '../matching/person-facts';
import { checkedSubjectFacts } from '../matching/subject-facts';
import type { SocialCareViewShape } from '../types/social-care-view.type';
import { toSocialCareRecord } from './to-record';

export interface ViewSettings {
  thresholds: MatchThresholds;
  /** The day "open now" and "last 12 months" are judged on. */
  asOf(): string;
}

/**
 * The DataLoader batch behind `Subject.socialCare`: one candidate query for every subject of the
 * `_entities` call, scoring, views and flags, then one disclosure-log insert before anything is
 * returned (nothing leaves unrecorded).
 */
export async function loadViews(
  dataSource: DataSource,
  request: AgencyRequestContext,
  settings: ViewSettings,
  subjects: readonly SubjectReference[],
): Promise<(SocialCareViewShape | GraphQLError)[]> {
  const checked = subjects.map(checkedSubjectFacts);
  const valid = checked.flatMap((facts, index) => (facts instanceof GraphQLError ? [] : [{ index, facts }]));
  const subjectFacts = valid.map(({ facts }) => facts);
  const candidates = await findCandidates(dataSource, subjectFacts);
  const classifications = matchBatch<Person>(subjectFacts, candidates, personFacts, settings.thresholds, {
    keys: (person) => person.blockingKeys,
  });
  const matched = classifications.flatMap((result) => (result.status === 'MATCHED' ? result.matches.map((m) => m.record) : []));
  const households = await loadHouseholds(dataSource, matched.flatMap((person) => (person.uprn ? [person.uprn] : [])));
  const asOf = settings.asOf();
  const views = new Map(valid.map(({ index }, position) => [index, toView(classifications[position]!, households, asOf)]));

  await recordDisclosures(
    dataSource,
    request,
    valid.map(({ index }, position) => ({
      subjectId: subjects[index]!.id,
      matchStatus: classifications[position]!.status,
      recordIds: classifications[position]!.matches.map((match) => match.record.id),
    })),
  );
  return checked.map((facts, index) => (facts instanceof GraphQLError ? facts : views.get(index)!));
}

function toView(result: Classification<Person>, households: Map<string, Person[]>, asOf: string): SocialCareViewShape {
  const matches = result.matches.map(({ record, score }) => ({
    confidence: score.confidence,
    matchedOn: score.matchedOn as MatchReasonValue[],
    record: toSocialCareRecord(record, asOf),
  }));
  if (result.status === 'NOT_KNOWN') return { status: MatchStatusValue.NOT_KNOWN, matches: [], flags: [] };
  if (result.status === 'AMBIGUOUS') return { status: MatchStatusValue.AMBIGUOUS, matches, flags: ambiguousFlags(matches.length) };
  const person = result.matches[0]!.record;
  const household = person.uprn ? (households.get(person.uprn) ?? []).filter((member) => member.id !== person.id) : [];
  return { status: MatchStatusValue.MATCHED, matches, flags: computeFlags({ person, household, asOf }) };
}
