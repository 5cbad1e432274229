import { Rag } from './entities/enums';

/** Hours to a decision per rating; the active ISA policy supplies these (defaults from ARCHITECTURE.md). */
export type Timescales = Record<Rag, number>;

export const DEFAULT_TIMESCALES: Timescales = { RED: 2, AMBER: 24, GREEN: 72 };

/** Working Together 2023: a decision on a referral within one working day, before it is rated. */
export const UNRATED_TIMESCALE_HOURS = 24;

export function dueBy(from: Date, rag: Rag | null, timescales: Timescales = DEFAULT_TIMESCALES): Date {
  const hours = rag ? timescales[rag] : UNRATED_TIMESCALE_HOURS;
  return new Date(from.getTime() + hours * 3_600_000);
}
