import { addDays, addMonths, weighted } from '@mash/shared';
import type { SenNeed, SenStatus } from '../entities';
import { seedId } from './ids';
import { type SeedChild } from './rows';

const SUPPORT_NEEDS: readonly (readonly [SenNeed, number])[] = [
  ['SLCN', 25], ['SEMH', 20], ['MLD', 15], ['SPLD', 15], ['ASD', 10], ['OTH', 5], ['NSA', 5], ['HI', 2], ['VI', 1], ['PD', 2],
];
const PLAN_NEEDS: readonly (readonly [SenNeed, number])[] = [
  ['ASD', 35], ['SEMH', 18], ['SLCN', 15], ['SLD', 10], ['MLD', 7], ['PD', 5], ['PMLD', 3], ['HI', 3], ['VI', 2], ['MSI', 2],
];

/**
 * About 13% of pupils have SEN support and 4.5% an EHC plan (DfE SEN in England, 2024);
 * children in households with exclusions far more often, mostly for SEMH.
 */
export function senRow(child: SeedChild): SenStatus | null {
  const { rng, household, pupil, today } = child;
  const roll = rng.next();
  const plan = roll < 0.045;
  if (!plan && roll >= 0.045 + (household.traits.exclusion ? 0.3 : 0.13)) return null;
  const primary = household.traits.exclusion && rng.chance(0.6) ? 'SEMH' : weighted(rng, plan ? PLAN_NEEDS : SUPPORT_NEEDS);
  const secondary = rng.chance(0.3) ? weighted(rng, SUPPORT_NEEDS) : primary;
  const fromAge4 = addMonths(pupil.dateOfBirth, 48);
  const days = Math.max(0, Math.round((Date.parse(today) - Date.parse(fromAge4)) / 86_400_000));
  return {
    id: seedId(`sen:${child.person.key}`),
    pupilId: pupil.id,
    provision: plan ? 'E' : 'K',
    needs: secondary === primary ? [primary] : [primary, secondary],
    ehcpStart: plan ? addDays(fromAge4, rng.int(0, days)) : null,
    ehcpLa: plan ? '937' : null,
  };
}
