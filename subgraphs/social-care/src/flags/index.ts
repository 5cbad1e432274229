import { identityUnresolvedFlag, type Flag } from '@mash/shared';
import { openSection42Flag } from './adults';
import { lookedAfterFlag, openChildInNeedFlag, openCpPlanFlag, previousCpPlanFlag, referralFlag } from './children';
import { openEarlyHelpFlag } from './early-help';
import { type FlagInput } from './flag';
import { householdChildrenFlags, toxicTrioFlag } from './household';

export { FlagCode, type FlagInput } from './flag';

const SEVERITY_ORDER = { RED: 0, AMBER: 1, GREEN: 2 } as const;

/** Every finding for a MATCHED person, most severe first. */
export function computeFlags(input: FlagInput): Flag[] {
  const flags = [
    openCpPlanFlag(input),
    lookedAfterFlag(input),
    openChildInNeedFlag(input),
    referralFlag(input),
    previousCpPlanFlag(input),
    toxicTrioFlag(input),
    ...householdChildrenFlags(input),
    openSection42Flag(input),
    openEarlyHelpFlag(input),
  ].filter((found): found is Flag => found !== null);
  return flags.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** AMBIGUOUS: nothing about any candidate is certain to be the subject's, so only say so. */
export function ambiguousFlags(candidates: number): Flag[] {
  return [identityUnresolvedFlag('social-care records', candidates) as Flag];
}
