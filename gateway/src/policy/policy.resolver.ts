import { GraphQLError } from 'graphql';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { requireRole } from '../auth/require-role';
import type { AuthenticatedUser, HubRole } from '../auth/user';
import type { PolicyStore } from './policy-store';
import { IsaPolicyVersion } from './policy.type';

/** What the policy resolvers need from the request context (the lead's GatewayContext has both). */
export interface PolicyContext {
  user: AuthenticatedUser | null;
  policies: PolicyStore;
}

// Changing the ISA and reading its whole history is the governance board's business; a MASH
// manager also reads the policy in force and what it implies, to explain a refusal to the team.
const GOVERNANCE: readonly HubRole[] = ['governance'];
export const POLICY_READERS: readonly HubRole[] = ['governance', 'mash-manager'];

@Resolver()
export class PolicyResolver {
  @Query(() => IsaPolicyVersion, { nullable: true, description: 'The ISA version in force; null when none is valid (nothing is shared)' })
  async isaPolicy(@Ctx() ctx: PolicyContext): Promise<IsaPolicyVersion | null> {
    requireRole(ctx.user, POLICY_READERS, 'read the ISA policy');
    const record = await ctx.policies.activeVersion();
    return record ? IsaPolicyVersion.from(record) : null;
  }

  @Query(() => [IsaPolicyVersion], { description: 'Every ISA version ever proposed, newest first' })
  async isaPolicyVersions(@Ctx() ctx: PolicyContext): Promise<IsaPolicyVersion[]> {
    requireRole(ctx.user, GOVERNANCE, 'read the ISA policy history');
    return (await ctx.policies.history()).map((record) => IsaPolicyVersion.from(record));
  }

  @Mutation(() => IsaPolicyVersion, { description: 'Store a new ISA version as PROPOSED; it changes nothing until activated' })
  async proposeIsaPolicy(
    @Arg('document', () => String, { description: 'The policy document as JSON text' }) document: string,
    @Arg('reason', () => String, { description: 'Why the change is proposed (e.g. the board decision it implements); required, kept with the version and in the access log' }) reason: string,
    @Ctx() ctx: PolicyContext,
  ): Promise<IsaPolicyVersion> {
    const user = requireRole(ctx.user, GOVERNANCE, 'propose an ISA policy');
    let parsed: unknown;
    try {
      parsed = JSON.parse(document);
    } catch (error) {
      throw badInput(`The document is not valid JSON: ${(error as Error).message}.`);
    }
    return IsaPolicyVersion.from(await ctx.policies.propose(parsed, user.id, reason));
  }

  @Mutation(() => IsaPolicyVersion, { description: 'Put a PROPOSED version in force, retiring the current one' })
  async activateIsaPolicy(
    @Arg('version', () => String, { description: 'The PROPOSED version to put in force' }) version: string,
    @Arg('reason', () => String, { description: 'Why it is activated now; required, kept as activationReason and in the access log' }) reason: string,
    @Ctx() ctx: PolicyContext,
  ): Promise<IsaPolicyVersion> {
    const user = requireRole(ctx.user, GOVERNANCE, 'activate an ISA policy');
    return IsaPolicyVersion.from(await ctx.policies.activate(version, user.id, reason));
  }
}

function badInput(message: string, errors?: string[]): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(errors ? { errors } : {}) } });
}
