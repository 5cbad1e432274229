import {
  ageOn, createRng, generatePopulation, type AgencyPersonView, type Household, type Population, type SyntheticPerson,
} from '@mash/shared';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import {
  CpisRecord, GpRegistration, MaternityEpisode, MentalHealthInvolvement, Patient, SafeguardingCode,
  SubstanceMisuseTreatment, UnscheduledCareAttendance, WasNotBroughtEvent,
} from '../entities';
import { attendanceRows, wasNotBroughtRows } from './events';
import { householdRecords } from './household-records';
import { stableId } from './ids';
import { gpRegistrationRows, patientRow } from './patients';
import { practicesNear } from './practices';
import { emptyRows, type HealthRows, type SeedHousehold, type SeedMember } from './rows';

const CHUNK = 500;
/** Every RESTRICTED_EVERY-th household known to health is a PDS sensitive one (a family that fled abuse). */
const RESTRICTED_EVERY = 100;

/**
 * Inserts health's synthetic records on first run: a patient for everyone the population says
 * health knows, and records that follow each household's traits. Deterministic and idempotent.
 */
export async function seed(dataSource: DataSource, options: { people: number }): Promise<{ inserted: boolean }> {
  if ((await dataSource.getRepository(Patient).count()) > 0) return { inserted: false };
  const rows = buildHealthRows(generatePopulation({ people: options.people }));
  await dataSource.transaction(async (manager) => {
    await insertAll(manager, Patient, rows.patients);
    await insertAll(manager, GpRegistration, rows.gpRegistrations);
    await insertAll(manager, SafeguardingCode, rows.safeguardingCodes);
    await insertAll(manager, UnscheduledCareAttendance, rows.unscheduledCareAttendances);
    await insertAll(manager, MentalHealthInvolvement, rows.mentalHealthInvolvements);
    await insertAll(manager, SubstanceMisuseTreatment, rows.substanceMisuseTreatments);
    await insertAll(manager, MaternityEpisode, rows.maternityEpisodes);
    await insertAll(manager, WasNotBroughtEvent, rows.wasNotBroughtEvents);
    await insertAll(manager, CpisRecord, rows.cpisRecords);
  });
  return { inserted: true };
}

/** The rows for a population, without touching a database (so tests can inspect them). */
export function buildHealthRows(population: Population): HealthRows {
  const rows = emptyRows();
  const demo = new Set([population.demo.red.key, population.demo.amber.key, population.demo.green.key]);
  let known = 0;
  for (const household of population.households) {
    const members = knownMembers(population, household);
    if (members.length === 0) continue;
    known += 1;
    const context: SeedHousehold = {
      household,
      members,
      referenceDate: population.referenceDate,
      demoRed: household.key === population.demo.red.key,
      restricted: !demo.has(household.key) && known % RESTRICTED_EVERY === 10,
    };
    const practice = createRng(`health:${household.key}:practice`).pick(practicesNear(household.postcode));
    for (const member of members) {
      const rng = createRng(`health:${member.person.key}`);
      rows.patients.push(patientRow(member, context, rng));
      rows.gpRegistrations.push(...gpRegistrationRows(member, practice, context, rng));
      rows.unscheduledCareAttendances.push(...attendanceRows(member, context, rng));
      rows.wasNotBroughtEvents.push(...wasNotBroughtRows(member, context, rng));
    }
    householdRecords(context, rows);
  }
  return rows;
}

function knownMembers(population: Population, household: Household): SeedMember[] {
  return household.members.flatMap((person) => {
    const view = population.agencyView(person, 'health') ?? formerPatientView(person, household);
    if (!view) return [];
    const age = ageOn(view.dateOfBirth, population.referenceDate);
    return [{ person, view, patientId: stableId('patient', person.key), age }];
  });
}

/**
 * Most people the population says have no GP are unknown to health; a few once had a GP and PDS
 * still holds them, with a registration since deducted or ended (DOMAIN.md 3.1).
 */
function formerPatientView(person: SyntheticPerson, household: Household): AgencyPersonView | null {
  if (!person.gaps.notRegisteredWithGp || !person.nhsNumber) return null;
  if (!createRng(`health:${person.key}:former`).chance(0.3)) return null;
  const { key: personKey, householdKey, givenName, familyName, dateOfBirth, gender, nhsNumber } = person;
  const { addressLine, postcode, uprn } = household;
  return { personKey, householdKey, givenName, familyName, dateOfBirth, gender, nhsNumber, addressLine, postcode, uprn, variants: [] };
}

async function insertAll<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: T[]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await manager.getRepository(entity).insert(rows.slice(start, start + CHUNK) as never);
  }
}
