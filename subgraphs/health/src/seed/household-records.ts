import { addDays, createRng, type Rng } from '@mash/shared';
import { SAFEGUARDING_CONCEPTS, type BookingConcern, type SafeguardingConceptId } from '../entities/code-lists';
import { stableId } from './ids';
import type { HealthRows, SeedHousehold, SeedMember } from './rows';

const RESPONSIBLE_LA = 'Warwickshire County Council';
const TREATMENT_PROVIDERS = ['Warwickshire Recovery Partnership', 'Change and Recovery Warwickshire'];
const RISK_SUMMARIES = [
  'Low risk to self and others; engaging with care coordinator',
  'Historic self-harm; no current risk to others',
  'Risk to self when unwell; relapse indicators known to family',
];

/**
 * Records that follow the household's traits, so health agrees with the other agencies:
 * parental mental health, substance misuse, child protection, looked-after children, pregnancy.
 */
export function householdRecords(context: SeedHousehold, rows: HealthRows): void {
  const rng = createRng(`health:${context.household.key}`);
  const { traits } = context.household;
  const adults = context.members.filter((member) => member.age >= 18 && ['PARENT', 'CARER', 'PARTNER'].includes(member.person.role));
  const children = context.members.filter((member) => member.age < 18);
  const mother = adults.find((member) => member.view.gender === 'FEMALE') ?? adults[0];
  const otherParent = adults.find((member) => member !== mother) ?? mother;
  const infant = children.some((child) => child.age === 0);

  if (traits.parentalMentalHealth && mother) mentalHealth(mother, infant, context, rng, rows);
  if (traits.parentalSubstanceMisuse && otherParent) substanceMisuse(otherParent, context, rng, rows);
  if (traits.childProtectionPlan) {
    for (const child of children) {
      cpis(child, 'CPP', context, rng, rows);
      code(child, '342191000000101', context, rng, rows);
    }
    for (const adult of adults) code(adult, '375041000000100', context, rng, rows);
  }
  if (traits.lookedAfterChild && children.length > 0) cpis(rng.pick(children), 'CLA', context, rng, rows);
  if ((traits.childInNeed || traits.domesticAbuse === 'HIGH') && rng.chance(0.5)) {
    for (const child of children) code(child, '1064961000000107', context, rng, rows);
  }
  if (traits.adultSafeguarding && adults.length > 0) code(rng.pick(adults), '417430008', context, rng, rows);
  if (mother && mother.view.gender === 'FEMALE') maternity(mother, children, context, rng, rows);
}

function mentalHealth(parent: SeedMember, infant: boolean, context: SeedHousehold, rng: Rng, rows: HealthRows): void {
  const detained = rng.chance(0.25);
  const detainedFrom = detained ? addDays(context.referenceDate, -rng.int(30, 300)) : null;
  rows.mentalHealthInvolvements.push({
    id: stableId('mental_health_involvement', parent.person.key, 0),
    patientId: parent.patientId,
    service: infant ? 'PERINATAL' : rng.chance(0.85) ? 'AMHS' : 'EIP',
    open: true,
    referralDate: addDays(context.referenceDate, -rng.int(310, 900)),
    dischargeDate: null,
    mhaSection: detained ? '2' : null,
    mhaDetainedFrom: detainedFrom,
    mhaDetainedTo: detainedFrom ? addDays(detainedFrom, 28) : null,
    riskSummary: rng.pick(RISK_SUMMARIES),
  });
}

function substanceMisuse(parent: SeedMember, context: SeedHousehold, rng: Rng, rows: HealthRows): void {
  rows.substanceMisuseTreatments.push({
    id: stableId('substance_misuse_treatment', parent.person.key, 0),
    patientId: parent.patientId,
    provider: rng.pick(TREATMENT_PROVIDERS),
    substanceCategory: rng.pick(['ALCOHOL', 'OPIATES', 'NON_OPIATES'] as const),
    open: true,
    startDate: addDays(context.referenceDate, -rng.int(30, 600)),
    endDate: null,
  });
}

function cpis(member: SeedMember, planType: 'CPP' | 'CLA' | 'UNBORN_CPP', context: SeedHousehold, rng: Rng, rows: HealthRows): void {
  const start = addDays(context.referenceDate, -rng.int(20, 300));
  rows.cpisRecords.push({
    id: stableId('cpis_record', member.person.key, planType),
    patientId: member.patientId,
    planType,
    startDate: start > member.view.dateOfBirth ? start : member.view.dateOfBirth,
    endDate: null,
    responsibleLa: RESPONSIBLE_LA,
  });
}

function code(member: SeedMember, concept: SafeguardingConceptId, context: SeedHousehold, rng: Rng, rows: HealthRows): void {
  const recorded = addDays(context.referenceDate, -rng.int(10, 300));
  rows.safeguardingCodes.push({
    id: stableId('safeguarding_code', member.person.key, concept),
    patientId: member.patientId,
    snomedConceptId: concept,
    term: SAFEGUARDING_CONCEPTS[concept],
    recordedDate: recorded > member.view.dateOfBirth ? recorded : member.view.dateOfBirth,
    active: true,
  });
}

/** The pregnancy behind a baby in the house, or (now and then) a current one. */
function maternity(mother: SeedMember, children: SeedMember[], context: SeedHousehold, rng: Rng, rows: HealthRows): void {
  const { traits } = context.household;
  const baby = children.find((child) => child.age === 0);
  const pregnantNow = !baby && mother.age >= 18 && mother.age <= 42 && rng.chance(0.04);
  if (!baby && !pregnantNow) return;
  const concerns: BookingConcern[] = [];
  if (traits.domesticAbuse) concerns.push('DOMESTIC_ABUSE');
  if (traits.parentalSubstanceMisuse) concerns.push('SUBSTANCE_USE');
  if (traits.parentalMentalHealth) concerns.push('MENTAL_HEALTH');
  // Late booking and missed antenatal care cluster with the toxic trio (DOMAIN.md 3.2, 7).
  const late = rng.chance(concerns.length > 0 ? 0.5 : 0.1);
  const weeks = late ? rng.int(13, 24) : rng.int(8, 12);
  const weeksNow = rng.int(weeks + 1, 38);
  const edd = baby ? addDays(baby.view.dateOfBirth, rng.int(-14, 10)) : addDays(context.referenceDate, (40 - weeksNow) * 7);
  rows.maternityEpisodes.push({
    id: stableId('maternity_episode', mother.person.key, edd),
    patientId: mother.patientId,
    bookingDate: addDays(edd, -(40 - weeks) * 7),
    gestationAtBookingWeeks: weeks,
    edd,
    // The birth notification links the baby's own record to the episode it was born under.
    deliveryDate: baby ? baby.view.dateOfBirth : null,
    babyPatientId: baby ? baby.patientId : null,
    antenatalDnaCount: concerns.length > 0 ? rng.int(0, 4) : rng.int(0, 1),
    concernsAtBooking: concerns,
  });
  if (pregnantNow && traits.childProtectionPlan) {
    cpis(mother, 'UNBORN_CPP', context, rng, rows);
    code(mother, '878111000000109', context, rng, rows);
  }
}
