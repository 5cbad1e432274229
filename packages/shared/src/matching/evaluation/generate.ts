import { draftHousehold } from '../../synthetic/household-shape';
import { DEFAULT_POPULATION_OPTIONS } from '../../synthetic/population';
import { createRng } from '../../synthetic/random';
import { AGENCIES } from '../../synthetic/types';
import type { AgencyName } from '../../synthetic/types';
import type { PersonFacts } from '../types';
import { buildAgencyRecords } from './agencies';
import type { AgencyRecord, AgencyRecordSet } from './agencies';
import { buildCase, MATCHING_VARIATIONS } from './variations';
import type { CaseDraft, MatchingVariation } from './variations';
import { createWorldBuilder } from './world';
import type { World } from './world';

export interface EvaluationSetOptions {
  /** Default 20160501 (the synthetic population's seed). */
  seed?: number;
  /** Referral subjects; default 6000, spread evenly over the variations and the agency each is aimed at. */
  subjects?: number;
  /** People in the background population every agency also holds records of; default 20000. */
  population?: number;
  /** "Today" for ages; default the synthetic population's, 2026-11-01. */
  referenceDate?: string;
}

export const DEFAULT_EVALUATION_OPTIONS: Required<EvaluationSetOptions> = {
  seed: DEFAULT_POPULATION_OPTIONS.seed,
  subjects: 6000,
  population: 20_000,
  referenceDate: DEFAULT_POPULATION_OPTIONS.referenceDate,
};

/** What is true of one case at one agency. */
export interface CaseTruth {
  /** The record of the person the referral is about, or null: the agency does not hold them. */
  recordId: string | null;
  /** Twin and sibling cases (and identifier-sibling): the other child's record, if held. */
  siblingRecordId: string | null;
  /** The record of whoever the referral's identifier belongs to, when it is not the subject's own. */
  identifierOwnerRecordId: string | null;
  /** Same-name cases: the other person's record, if held. */
  namesakeRecordId: string | null;
  /** How the true record differs from the person's facts, beyond what the variation did. */
  recordDifferences: string[];
}

export interface EvaluationCase {
  id: string;
  variation: MatchingVariation;
  /** Which form of the variation, e.g. `referral Penny, record Penelope`. */
  detail: string | null;
  /** The agency the case was aimed at (it holds the case's people unless the detail says otherwise). */
  target: AgencyName;
  /** Keys of the world's people the case is about (`WorldPerson.key`). */
  people: { subject: string; sibling: string | null; identifierOwner: string | null; namesake: string | null };
  /** The referral as the hub would send it. */
  subject: PersonFacts;
  /** Identifier-invalid only: the referral once the referrer has dropped the identifier the hub rejected. */
  corrected: PersonFacts | null;
  truth: Record<AgencyName, CaseTruth>;
}

export interface EvaluationSet {
  options: Required<EvaluationSetOptions>;
  /** The people behind the records, as they really are. */
  world: World;
  cases: EvaluationCase[];
  records: Record<AgencyName, AgencyRecord[]>;
}

/** The labelled evaluation set: identical for identical options. */
export function generateEvaluationSet(options: EvaluationSetOptions = {}): EvaluationSet {
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  const settings: Required<EvaluationSetOptions> = { ...DEFAULT_EVALUATION_OPTIONS, ...given };
  const { seed, subjects, population, referenceDate } = settings;
  for (const [name, value] of [['subjects', subjects], ['population', population]] as const) {
    if (!Number.isInteger(value) || value < 0 || value > 200_000) throw new RangeError(`${name} must be a whole number from 0 to 200000; got ${value}.`);
  }
  const world = createWorldBuilder(seed, referenceDate);
  const background = createRng(`${seed}:background`);
  for (let people = 0; people < population; ) people += world.add(draftHousehold(background), background).members.length;

  // Each case draws from its own stream, so adding cases never changes the earlier ones.
  const drafts = Array.from({ length: subjects }, (_, i) => {
    const variation = MATCHING_VARIATIONS[i % MATCHING_VARIATIONS.length];
    const target = AGENCIES[Math.floor(i / MATCHING_VARIATIONS.length) % AGENCIES.length];
    const ordinal = Math.floor(i / MATCHING_VARIATIONS.length);
    const draft = buildCase(variation, { rng: createRng(`${seed}:case:${i}`), ordinal, target, world });
    return { id: `C${String(i + 1).padStart(5, '0')}`, variation, target, draft };
  });

  const finished = world.finish();
  const sets = Object.fromEntries(AGENCIES.map((agency) => [agency, buildAgencyRecords(finished, agency, seed)])) as Record<AgencyName, AgencyRecordSet>;
  return {
    options: settings,
    world: finished,
    cases: drafts.map(({ id, variation, target, draft }) => ({
      id,
      variation,
      detail: draft.detail,
      target,
      people: {
        subject: draft.person.key,
        sibling: draft.sibling?.key ?? null,
        identifierOwner: draft.identifierOwner?.key ?? null,
        namesake: draft.namesake?.key ?? null,
      },
      subject: draft.subject,
      corrected: draft.invalidField ? { ...draft.subject, [draft.invalidField]: null } : null,
      truth: Object.fromEntries(AGENCIES.map((agency) => [agency, truthAt(sets[agency], draft)])) as Record<AgencyName, CaseTruth>,
    })),
    records: Object.fromEntries(AGENCIES.map((agency) => [agency, sets[agency].records])) as Record<AgencyName, AgencyRecord[]>,
  };
}

function truthAt(set: AgencyRecordSet, draft: CaseDraft): CaseTruth {
  const idOf = (person: { key: string } | undefined) => (person ? (set.recordIdOf.get(person.key) ?? null) : null);
  return {
    recordId: idOf(draft.person),
    siblingRecordId: idOf(draft.sibling),
    identifierOwnerRecordId: idOf(draft.identifierOwner),
    namesakeRecordId: idOf(draft.namesake),
    recordDifferences: set.differencesOf.get(draft.person.key) ?? [],
  };
}
