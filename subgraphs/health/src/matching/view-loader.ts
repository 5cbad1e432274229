import {
  createLogger, matchBatch, recordDisclosures, subjectFacts, MatchReasonValue, MatchStatusValue,
  type AgencyRequestContext, type Classification, type PersonFacts, type SubjectReference,
} from '@mash/shared';
import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import type { HealthConfig } from '../config';
import type { Patient } from '../entities';
import { todayIso } from '../flags/dates';
import { healthFlags } from '../flags';
import { toHealthRecord } from '../records/health-record';
import type { PatientDetails } from '../records/patient-details';
import type { HealthView } from '../types/health-view.type';
import { findCandidates, loadPatientDetails } from './candidates';
import { patientFacts } from './patient-facts';
import { checkSubject } from './subject-check';

const logger = createLogger('health');

/**
 * One loader per request: every subject of one `_entities` call lands in one batch, which runs one
 * candidate query, two record loads and one disclosure-log insert, however many subjects it holds.
 */
export function createViewLoader(
  dataSource: DataSource,
  request: AgencyRequestContext,
  config: HealthConfig,
): DataLoader<SubjectReference, HealthView, string> {
  return new DataLoader<SubjectReference, HealthView, string>(
    async (subjects) => {
      try {
        return await resolveViews(dataSource, request, config, subjects);
      } catch (error) {
        logger.error('views_failed', { requestId: request.requestId, error: (error as Error).name });
        throw new GraphQLError('Health records could not be searched just now; try again shortly.', {
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        });
      }
    },
    { cacheKeyFn: (subject) => subject.id },
  );
}

async function resolveViews(
  dataSource: DataSource,
  request: AgencyRequestContext,
  config: HealthConfig,
  subjects: readonly SubjectReference[],
): Promise<(HealthView | GraphQLError)[]> {
  const asOf = config.referenceDate ?? todayIso();
  const checked = subjects.map(checkSubject);
  const accepted = subjects.filter((_, index) => !(checked[index] instanceof GraphQLError));
  const facts = accepted.map(subjectFacts);

  const candidates = await findCandidates(dataSource, facts);
  const classifications = matchBatch(facts, candidates, patientFacts, config.thresholds, { keys: (patient) => patient.blockingKeys });
  const disclosedIds = [...new Set(classifications.flatMap((c) => c.matches.map((m) => m.record.id)))];
  const details = await loadPatientDetails(dataSource, disclosedIds);
  const views = classifications.map((classification, index) => toView(classification, facts[index], details, asOf));

  // Recorded before anything leaves: if this write fails, nothing is disclosed (ARCHITECTURE.md).
  await recordDisclosures(
    dataSource,
    request,
    accepted.map((subject, index) => ({
      subjectId: subject.id,
      matchStatus: views[index].status,
      recordIds: views[index].matches.map((match) => match.record.id),
    })),
  );

  const answers = [...views];
  return checked.map((result) => (result instanceof GraphQLError ? result : answers.shift()!));
}

function toView(
  classification: Classification<Patient>,
  subject: PersonFacts,
  details: Map<string, PatientDetails>,
  asOf: string,
): HealthView {
  const matches = classification.matches.map((match) => ({
    confidence: match.score.confidence,
    matchedOn: match.score.matchedOn as MatchReasonValue[],
    record: toHealthRecord(details.get(match.record.id)!, asOf),
  }));
  const status = classification.status as MatchStatusValue;
  const patient = status === MatchStatusValue.MATCHED ? details.get(classification.matches[0].record.id)! : null;
  const flags = healthFlags({ status, subject, patient, candidates: matches.length, asOf });
  return { status, matches, flags };
}
