import { generatePopulation, type Household } from '@mash/shared';
import type { DataSource } from 'typeorm';
import { AuditLog } from '../../audit';
import { DomesticAbuseNotification } from '../entities/da-notification.entity';
import { DashRisk, DomesticAbuseRole } from '../entities/enums';
import { DomesticAbuseIntake } from '../intake';

const POLICE_SYSTEM = { userId: 'seed:police-system', roles: ['agency-admin'], organisation: 'police' };
const HOUR_MS = 3_600_000;
/** How long each demo notification has waited: a few fresh, some over a week, three over four weeks (the hub's 2016 backlog). */
const WAITED_HOURS = [3, 20, 52, 9 * 24, 16 * 24, 29 * 24, 33 * 24, 41 * 24];

/**
 * Demo domestic abuse notifications waiting to be screened, from households of the synthetic
 * population that police know for standard or medium risk domestic abuse (so education and
 * health know their children). Sent through the intake as the police system would, received in
 * the past. Idempotent: nothing when any notification exists.
 */
export async function seedDemoNotifications(dataSource: DataSource, options: { people: number }, now = new Date()): Promise<number> {
  if ((await dataSource.getRepository(DomesticAbuseNotification).count()) > 0) return 0;
  const population = generatePopulation({ people: options.people });
  const taken = new Set([population.demo.red.key, population.demo.amber.key, population.demo.green.key, ...population.scenarios.map((scenario) => scenario.household.key)]);
  const households = population.households.filter((household) => !taken.has(household.key) && household.traits.domesticAbuse && household.traits.domesticAbuse !== 'HIGH' && adults(household).length > 0);
  const intake = new DomesticAbuseIntake(dataSource, AuditLog.for(dataSource));
  let sent = 0;
  for (const [index, household] of households.slice(0, WAITED_HOURS.length).entries()) {
    const receivedAt = new Date(now.getTime() - WAITED_HOURS[index] * HOUR_MS);
    const born = (dateOfBirth: string) => dateOfBirth < receivedAt.toISOString().slice(0, 10);
    const children = household.members.filter((member) => member.role === 'CHILD' && born(member.dateOfBirth));
    const [victim, perpetrator] = adults(household);
    const people = [
      { person: victim, role: DomesticAbuseRole.VICTIM },
      ...(perpetrator ? [{ person: perpetrator, role: DomesticAbuseRole.ALLEGED_PERPETRATOR }] : []),
      ...children.map((person) => ({ person, role: DomesticAbuseRole.CHILD })),
    ];
    await intake.receive(
      {
        policeReference: `WK-DA-${receivedAt.toISOString().slice(0, 10).replace(/-/g, '')}-${String(index + 1).padStart(4, '0')}`,
        policeForce: 'Warwickshire Police',
        incidentAt: new Date(receivedAt.getTime() - 6 * HOUR_MS),
        dashRisk: household.traits.domesticAbuse === 'MEDIUM' ? DashRisk.MEDIUM : DashRisk.STANDARD,
        childrenPresent: children.length > 0 && index % 3 !== 2,
        summary: 'Demo data: verbal argument reported by a neighbour; officers attended; no injuries seen.',
        people: people.map(({ person, role }) => ({
          role,
          givenName: person.givenName,
          familyName: person.familyName,
          dateOfBirth: person.dateOfBirth,
          gender: person.gender as never,
          addressLine: household.addressLine,
          postcode: household.postcode,
          nhsNumber: null,
          upn: role === DomesticAbuseRole.CHILD ? person.upn : null,
          pncId: role === DomesticAbuseRole.ALLEGED_PERPETRATOR ? person.pncId : null,
        })),
      },
      POLICE_SYSTEM,
      receivedAt,
    );
    sent += 1;
  }
  return sent;
}

function adults(household: Household) {
  return household.members.filter((member) => member.role === 'PARENT' || member.role === 'CARER' || member.role === 'PARTNER');
}
