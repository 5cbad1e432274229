import { generatePopulation, type Household, type Scenario } from '@mash/shared';
import type { DataSource } from 'typeorm';
import type { CaseRegister } from '../case-register';
import { Case } from '../entities/case.entity';
import { ConsentStatus, HouseholdRole, Pathway, Rag } from '../entities/enums';
import type { ReferralInput } from '../inputs/referral.input';
import { seedDemoNotifications } from '../../screening/seed/demo-notifications';
import { seedHistory, type HistoryOptions } from './history';

const SEED_USER = { userId: 'seed:demo', roles: ['mash-triage'] };
const SEED_MANAGER = { userId: 'seed:manager', roles: ['mash-manager'] };

/**
 * The demo cases: one open case per RAG rating whose subjects (three school-age siblings) are
 * known to all four agencies, one case per think-family scenario (population.scenarios: adults,
 * a baby, children missing education, an adults' Section 42 concern), plus one referral not yet rated. The RED and AMBER ratings are
 * confirmed by a second person (a manager), so triage users see agency data out of the box.
 * Idempotent: nothing when cases exist.
 */
export async function seedDemoCases(dataSource: DataSource, cases: CaseRegister, options: { people: number; history?: Omit<HistoryOptions, 'end'> }): Promise<{ inserted: boolean }> {
  if ((await dataSource.getRepository(Case).count()) > 0) return { inserted: false };
  const { demo, scenarios } = generatePopulation({ people: options.people });
  const referrals: ReferralInput[] = [
    referral(demo.red, Rag.RED, 'School DSL reports a pupil disclosed violence at home last night; younger siblings present. Police attended a DA incident.', 'Disclosure of harm with children present: immediate risk.'),
    referral(demo.amber, Rag.AMBER, 'Health visitor concerned about parental mental health and the children\'s school attendance.', 'Possible significant harm; needs multi-agency research.'),
    referral(demo.green, Rag.GREEN, 'Parent asks for help with housing and debt; no safeguarding concern described.', 'Advice and signposting.'),
  ];
  for (const input of referrals) {
    const received = await cases.receiveReferral(input, SEED_USER);
    if (input.rag !== Rag.GREEN) {
      await cases.confirmRating({ caseId: received.id, rationale: 'Demo data: rating confirmed by the duty manager.' }, SEED_MANAGER);
    }
  }
  // Think family: one case per cross-agency finding, adults and a Section 42 concern included.
  for (const scenario of scenarios) {
    const received = await cases.receiveReferral(scenarioReferral(scenario), SEED_USER);
    await cases.confirmRating({ caseId: received.id, rationale: 'Demo data: rating confirmed by the duty manager.' }, SEED_MANAGER);
  }
  await cases.receiveReferral(
    {
      ...referral(demo.amber, null, 'Anonymous caller worried about children left alone at the address.', null),
      referrerName: 'Anonymous caller',
      referrerOrganisation: null,
      referralSource: '9',
    },
    SEED_USER,
  );
  if (options.history) await seedHistory(cases, { ...options.history, end: new Date() }); // after the demo cases: their references and places in `cases` stay first
  await seedDemoNotifications(dataSource, options); // domestic abuse notifications waiting to be screened (screening/seed)
  return { inserted: true };
}

function referral(household: Household, rag: Rag | null, concern: string, rationale: string | null): ReferralInput {
  const children = household.members.filter((member) => member.role === 'CHILD');
  return {
    referrerName: 'Designated Safeguarding Lead',
    referrerOrganisation: 'Warwickshire school (demo)',
    referralSource: '2A',
    referrerContact: 'dsl@school.example',
    concern,
    pathway: Pathway.CHILDREN,
    consentStatus: ConsentStatus.NOT_SOUGHT,
    consentEarlyHelpSharing: false,
    rag,
    ragRationale: rationale,
    subjects: children.map((child) => ({
      householdRole: HouseholdRole.CHILD,
      givenName: child.givenName,
      familyName: child.familyName,
      dateOfBirth: child.dateOfBirth,
      gender: child.gender as never,
      addressLine: household.addressLine,
      postcode: household.postcode,
      nhsNumber: null,
      upn: null,
      pncId: null,
    })),
  };
}

/** A scenario household's referral: the members it names, in the roles it gives them. */
function scenarioReferral(scenario: Scenario): ReferralInput {
  const { household } = scenario;
  const byKey = new Map(household.members.map((member) => [member.key, member]));
  return {
    referrerName: scenario.pathway === Pathway.ADULTS ? 'District nurse' : 'Designated Safeguarding Lead',
    referrerOrganisation: scenario.pathway === Pathway.ADULTS ? 'Community nursing (demo)' : 'Warwickshire school (demo)',
    referralSource: scenario.pathway === Pathway.ADULTS ? '3F' : '2A',
    referrerContact: 'referrer@agency.example',
    concern: scenario.concern,
    pathway: scenario.pathway as Pathway,
    consentStatus: ConsentStatus.NOT_SOUGHT,
    consentEarlyHelpSharing: false,
    rag: scenario.rag as Rag,
    ragRationale: `Demo scenario ${scenario.name}.`,
    subjects: scenario.referred.map(({ key, as }) => {
      const member = byKey.get(key)!;
      return {
        householdRole: as as HouseholdRole,
        givenName: member.givenName,
        familyName: member.familyName,
        dateOfBirth: member.dateOfBirth,
        gender: member.gender as never,
        addressLine: household.addressLine,
        postcode: household.postcode,
        nhsNumber: null,
        upn: null,
        pncId: null,
      };
    }),
  };
}
