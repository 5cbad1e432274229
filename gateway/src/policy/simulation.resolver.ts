import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import { requireGovernance, selectedFields } from '../audit/audit.resolver';
import type { GatewayContext } from '../context';
import { validatePolicy } from './policy-document';
import { badInput } from './policy-store';
import { simulatePolicy, simulationPeriod } from './simulation';
import { PolicySimulation } from './simulation.type';

/** One request reads at most this much of the log; npm run policy:simulate has no limit. */
export const MAX_SIMULATION_DAYS = 731;
const MAX_EXAMPLES = 50;

@Resolver()
export class SimulationResolver {
  @Query(() => PolicySimulation, {
    description: 'What an ISA version (usually a draft) would have decided over the access log of a period, against what was decided. Needs the governance role; the read is itself recorded in the access log',
  })
  async simulateIsaPolicy(
    @Arg('version', () => String, { description: 'The ISA version to simulate, of any status (e.g. a draft before it is approved)' }) version: string,
    @Arg('from', () => String, { description: 'Start of the period: a date (2026-06-01, the whole day, Europe/London) or an ISO 8601 timestamp with an offset' }) from: string,
    @Arg('to', () => String, { description: 'End of the period: a date (its whole day included) or an ISO 8601 timestamp with an offset (excluded); at most 731 days after from' }) to: string,
    @Arg('examples', () => Int, { defaultValue: 5, description: 'How many example decisions to list for each kind of change, 0 to 50 (default 5)' }) examples: number,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PolicySimulation> {
    // Recorded before anything is read: if the log cannot take it, nothing is simulated (fail closed).
    const asked = `version=${JSON.stringify(String(version).slice(0, 64))} from=${JSON.stringify(String(from).slice(0, 40))} to=${JSON.stringify(String(to).slice(0, 40))}`;
    await requireGovernance(ctx, 'simulateIsaPolicy', asked, { caseId: null, agency: null, fields: selectedFields(info) });
    const period = simulationPeriod(from, to, MAX_SIMULATION_DAYS);
    if (!Number.isInteger(examples) || examples < 0 || examples > MAX_EXAMPLES) throw badInput(`examples must be 0 to ${MAX_EXAMPLES}, got ${examples}`);
    const record = await ctx.policies.find(version);
    if (!record) throw badInput(`There is no ISA policy version ${version}; see isaPolicyVersions for the versions held.`);
    const checked = validatePolicy(record.document);
    if (!checked.ok) throw badInput(`Version ${version} is not a valid policy, so it cannot be simulated: ${checked.errors.join('; ')}.`);
    const result = await simulatePolicy(ctx.hub, checked.policy, period.from, period.to, { examplesPerKind: examples });
    return { ...result, versionStatus: record.status };
  }
}
