import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import {
  createLogger, MatchStatusValue, recordDisclosures, type AgencyRequestContext, type MatchReasonValue, type PersonFacts,
  type SubjectReference,
} from '@mash/shared';
import type { PoliceConfig } from '../config';
import { policeFlags } from '../flags';
import { findCandidates } from '../matching/candidates';
import { loadHistories } from '../matching/histories';
import { matchNominals } from '../matching/match-nominals';
import type { PoliceView } from '../types/police-view.type';
import { identityRecord, nominalRecord } from './record';
import { checkedFacts } from './subject-facts';
import { windowsFor } from './windows';

const logger = createLogger('police');

/** A per-request loader: every subject of one `_entities` call is answered by one batch. */
export function createViewLoader(
  dataSource: DataSource,
  request: AgencyRequestContext,
  config: PoliceConfig,
): DataLoader<SubjectReference, PoliceView, string> {
  return new DataLoader<SubjectReference, PoliceView, string>((subjects) => answer(dataSource, request, config, subjects), { cacheKeyFn: (subject) => subject.id });
}

async function answer(
  dataSource: DataSource,
  request: AgencyRequestContext,
  config: PoliceConfig,
  subjects: readonly SubjectReference[],
): Promise<(PoliceView | GraphQLError)[]> {
  const checked = subjects.map(checkedFacts);
  const valid = subjects.flatMap((subject, i) => (checked[i] instanceof GraphQLError ? [] : [{ subject, facts: checked[i] as PersonFacts }]));
  let views: PoliceView[];
  try {
    views = await buildViews(dataSource, request, config, valid);
  } catch (error) {
    // Ids only: the subjects' personal data must not reach the logs.
    logger.error('views_failed', { requestId: request.requestId, error: (error as Error).name, sqlState: (error as { code?: string }).code });
    const unavailable = new GraphQLError('Police records could not be searched just now; try again shortly.', {
      extensions: { code: 'AGENCY_UNAVAILABLE' },
    });
    return subjects.map(() => unavailable);
  }
  const byId = new Map(valid.map(({ subject }, i) => [subject.id, views[i]]));
  return subjects.map((subject, i) => byId.get(subject.id) ?? (checked[i] as GraphQLError));
}

async function buildViews(
  dataSource: DataSource,
  request: AgencyRequestContext,
  config: PoliceConfig,
  subjects: { subject: SubjectReference; facts: PersonFacts }[],
): Promise<PoliceView[]> {
  if (subjects.length === 0) return [];
  const candidates = await findCandidates(dataSource, subjects.map((s) => s.facts));
  const classifications = matchNominals(subjects.map((s) => s.facts), candidates, config.thresholds);
  const windows = windowsFor(config.referenceDate);
  const confirmed = classifications.filter((c) => c.status === 'MATCHED').map((c) => c.matches[0].record.id);
  const histories = await loadHistories(dataSource, [...new Set(confirmed)], windows);
  const options = {
    windows,
    omitStandardRiskDomesticAbuse: request.grant?.obligations.includes('OMIT_STANDARD_RISK_DOMESTIC_ABUSE') ?? false,
  };
  const views = classifications.map((classification): PoliceView => {
    const status = classification.status as MatchStatusValue;
    const matches = classification.matches.map(({ record: candidate, score }) => {
      const full = status === MatchStatusValue.MATCHED ? histories.nominals.get(candidate.id) : undefined;
      return {
        confidence: score.confidence,
        matchedOn: score.matchedOn as MatchReasonValue[],
        record: full ? nominalRecord(full, histories.domesticAbuse, options) : identityRecord(candidate),
      };
    });
    return { status, matches, flags: policeFlags(status, matches.map((m) => m.record)) };
  });
  await recordDisclosures(
    dataSource,
    request,
    subjects.map(({ subject }, i) => ({
      subjectId: subject.id,
      matchStatus: views[i].status,
      recordIds: views[i].matches.map((m) => m.record.nominalId),
    })),
  );
  return views;
}
