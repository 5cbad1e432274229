import type { SenNeed } from '../entities/code-lists';

/** Census SEN primary need types in plain words for flag summaries. */
export const SEN_NEED_WORDS: Record<SenNeed, string> = {
  SPLD: 'specific learning difficulty',
  MLD: 'moderate learning difficulty',
  SLD: 'severe learning difficulty',
  PMLD: 'profound and multiple learning difficulty',
  SEMH: 'social, emotional and mental health',
  SLCN: 'speech, language and communication needs',
  HI: 'hearing impairment',
  VI: 'visual impairment',
  MSI: 'multi-sensory impairment',
  PD: 'physical disability',
  ASD: 'autistic spectrum disorder',
  OTH: 'other difficulty or disability',
  NSA: 'SEN support but no specialist assessment of type of need',
};
