import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { AGENCIES, generatePopulation, type AgencyName, type Household, type SyntheticPerson } from '@mash/shared';
import { userAuthConfigFromEnv } from '@mash/gateway/dist/auth/auth-config';
import type { GatewayConfig } from '@mash/gateway/dist/config';
import { DEFAULT_LIMITS } from '@mash/gateway/dist/limits/limits';
import type { NotificationConfig } from '@mash/gateway/dist/notifications/config';
import { startGateway } from '@mash/gateway';
import type { Federation, GraphQLBody } from '../support/federation';

/** One POST a recipient's system received. */
export interface Received {
  path: string;
  idempotencyKey: string | undefined;
  body: Record<string, any>;
  answered: number;
}

/**
 * A stand-in for schools' and GPs' systems: records every POST and answers 500 to the first
 * `failFirst` attempts of each message (by its reference), then 202.
 */
export async function startRecipientEndpoint(): Promise<{ url: string; received: Received[]; failFirst: number; stop(): Promise<void> }> {
  const seen = new Map<string, number>();
  const endpoint = {
    url: '',
    received: [] as Received[],
    failFirst: 0,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const body = JSON.parse(raw || '{}');
      const count = (seen.get(body.reference) ?? 0) + 1;
      seen.set(body.reference, count);
      const answered = count <= endpoint.failFirst ? 500 : 202;
      endpoint.received.push({ path: req.url ?? '', idempotencyKey: req.headers['idempotency-key'] as string | undefined, body, answered });
      res.writeHead(answered, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return endpoint;
}

/**
 * A second gateway on the federation's hub and agencies with onward notifications configured
 * (the federation's own gateway has none, so it never delivers): its dispatcher runs every 100 ms
 * and retries after 200 ms.
 */
export async function startNotifyingGateway(federation: Federation, notifications: Partial<NotificationConfig>) {
  const people = 400;
  const config: GatewayConfig = {
    port: 0,
    host: '127.0.0.1',
    production: false,
    demoMode: true,
    dataDir: path.dirname(path.dirname(federation.keyFile)),
    agencyUrls: Object.fromEntries(AGENCIES.map((agency) => [agency, federation.agencies[agency].url])) as Record<AgencyName, string>,
    agencyTimeoutMs: 5000,
    auth: userAuthConfigFromEnv(federation.keyFile, {}),
    seedPeople: people,
    referenceDate: generatePopulation({ people }).referenceDate,
    seed: false,
    supergraphPath: path.resolve(__dirname, '../../gateway/supergraph.graphql'),
    grantKey: { generate: false },
    grantIssuer: 'mash-gateway',
    limits: DEFAULT_LIMITS,
    notifications: {
      dispatch: true, intervalMs: 100, maxAttempts: 4, backoffMs: 200, maxBackoffMs: 1000, timeoutMs: 2000,
      endpoints: { schools: {}, gpPractices: {} }, defaultEndpoint: null,
      ...notifications,
    },
  };
  const gateway = await startGateway({ config, hub: federation.hub.dataSource, grantKey: federation.grantKey });
  return {
    gateway,
    async query(query: string, variables: Record<string, unknown>, token: string): Promise<GraphQLBody> {
      const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
      return (await response.json()) as GraphQLBody;
    },
  };
}

/**
 * Households police know for standard or medium domestic abuse whose school-age child is on a
 * school roll and registered with a GP, so education and health find them (not the demo cases').
 */
export function domesticAbuseHouseholds(people = 400): { household: Household; adult: SyntheticPerson; child: SyntheticPerson }[] {
  const population = generatePopulation({ people });
  const taken = new Set([population.demo.red.key, population.demo.amber.key, population.demo.green.key, ...population.scenarios.map((scenario) => scenario.household.key)]);
  return population.households.flatMap((household) => {
    if (taken.has(household.key) || !household.traits.domesticAbuse || household.traits.domesticAbuse === 'HIGH') return [];
    const adult = household.members.find((member) => member.role === 'PARENT');
    const child = household.members.find(
      (member) => member.role === 'CHILD' && member.schoolAge && member.upn && member.knownTo.education && member.knownTo.health && !member.gaps.notOnSchoolRoll && !member.gaps.electiveHomeEducation && !member.gaps.notRegisteredWithGp,
    );
    return adult && child ? [{ household, adult, child }] : [];
  });
}

/** A notification naming one parent as victim and one child, as the police system sends it. */
export function notificationOf(reference: string, { household, adult, child }: ReturnType<typeof domesticAbuseHouseholds>[number], changes: Record<string, unknown> = {}) {
  const person = (member: SyntheticPerson, role: string) => ({
    role, givenName: member.givenName, familyName: member.familyName, dateOfBirth: member.dateOfBirth, gender: member.gender,
    addressLine: household.addressLine, postcode: household.postcode, upn: role === 'CHILD' ? member.upn : null,
  });
  return {
    policeReference: reference,
    policeForce: 'Warwickshire Police',
    incidentAt: '2026-11-30T21:15:00.000Z',
    dashRisk: 'STANDARD',
    childrenPresent: true,
    summary: 'Officers attended after a neighbour heard shouting; the victim described threats.',
    people: [person(adult, 'VICTIM'), person(child, 'CHILD')],
    ...changes,
  };
}

/** Waits for `check` to return something (polling every 50 ms), or fails after `ms`. */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
