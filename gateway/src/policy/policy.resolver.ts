import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireRole } from '../auth/require-role';
import type { AuthenticatedUser, HubRole } from '../auth/user';
import { badInput, type PolicyChecks, type PolicyStore } from './policy-store';
import { IsaPolicyApproval, IsaPolicyVersion } from './policy.type';

/** What the policy resolvers need from the request context (the lead's GatewayContext has both). */
export interface PolicyContext {
  user: AuthenticatedUser | null;
  policies: PolicyStore;
}

// Changing the ISA and reading its whole history is the governance board's business; a MASH
// manager also reads the policy in force and what it implies, to explain a refusal to the team.
const GOVERNANCE: readonly HubRole[] = ['governance'];
export const POLICY_READERS: readonly HubRole[] = ['governance', 'mash-manager'];

// Each version's checks, worked out once per object however many of their fields a query asks for.
const checksOf = new WeakMap<IsaPolicyVersion, Promise<PolicyChecks>>();

@Resolver(() => IsaPolicyVersion)
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

  @Mutation(() => IsaPolicyVersion, { description: 'Store a new ISA version as a DRAFT; it changes nothing until other governance leads approve and activate it' })
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

  @Mutation(() => IsaPolicyVersion, {
    description: 'Record your approval of a DRAFT version (maker-checker); refused for its proposer and for a second approval by the same person, and the refusal is logged',
  })
  async approveIsaPolicy(
    @Arg('version', () => String, { description: 'The DRAFT version to approve' }) version: string,
    @Arg('reason', () => String, { description: 'Why you approve it; required, kept with the approval and in the access log' }) reason: string,
    @Ctx() ctx: PolicyContext,
  ): Promise<IsaPolicyVersion> {
    const user = requireRole(ctx.user, GOVERNANCE, 'approve an ISA policy');
    return IsaPolicyVersion.from(await ctx.policies.approve(version, user.id, reason));
  }

  @Mutation(() => IsaPolicyVersion, {
    description:
      'Put a DRAFT version in force, retiring the current one. Never by its proposer; you count as an approver, and it needs one approver other than the proposer, ' +
      'or two when it widens sharing (see widening). Refusals are logged',
  })
  async activateIsaPolicy(
    @Arg('version', () => String, { description: 'The DRAFT version to put in force' }) version: string,
    @Arg('reason', () => String, { description: 'Why it is activated now; required, kept as activationReason and in the access log' }) reason: string,
    @Ctx() ctx: PolicyContext,
  ): Promise<IsaPolicyVersion> {
    const user = requireRole(ctx.user, GOVERNANCE, 'activate an ISA policy');
    return IsaPolicyVersion.from(await ctx.policies.activate(version, user.id, reason));
  }

  @Mutation(() => IsaPolicyVersion, { description: 'Withdraw a DRAFT version: it becomes RETIRED and can never be activated' })
  async withdrawIsaPolicy(
    @Arg('version', () => String, { description: 'The DRAFT version to withdraw' }) version: string,
    @Arg('reason', () => String, { description: 'Why it is withdrawn; required, kept as retirementReason and in the access log' }) reason: string,
    @Ctx() ctx: PolicyContext,
  ): Promise<IsaPolicyVersion> {
    const user = requireRole(ctx.user, GOVERNANCE, 'withdraw an ISA policy');
    return IsaPolicyVersion.from(await ctx.policies.withdraw(version, user.id, reason));
  }

  @FieldResolver(() => [IsaPolicyApproval], { description: 'Who approved it, when and why, oldest first (the activator is not listed here: see activatedBy)' })
  async approvals(@Root() version: IsaPolicyVersion, @Ctx() ctx: PolicyContext): Promise<IsaPolicyApproval[]> {
    return (await ctx.policies.approvals(version.version)).map((approval) => IsaPolicyApproval.from(approval));
  }

  @FieldResolver(() => [String], {
    description:
      'How it widens sharing, in plain sentences: for a DRAFT, compared with the version in force now; once activated, as recorded then against the version it replaced. Empty: it widens nothing',
  })
  async widening(@Root() version: IsaPolicyVersion, @Ctx() ctx: PolicyContext): Promise<string[]> {
    return (await checks(version, ctx)).widening;
  }

  @FieldResolver(() => Int, {
    description: 'How many people other than the proposer must check it, the activator included: 1, or 2 when it widens sharing (0 only for the default installed on an empty hub)',
  })
  async approversNeeded(@Root() version: IsaPolicyVersion, @Ctx() ctx: PolicyContext): Promise<number> {
    return (await checks(version, ctx)).approversNeeded;
  }

  @FieldResolver(() => Int, { description: 'How many people other than the proposer have checked it: approvals so far, plus the activator once active' })
  async approversHave(@Root() version: IsaPolicyVersion, @Ctx() ctx: PolicyContext): Promise<number> {
    return (await checks(version, ctx)).approversHave;
  }
}

function checks(version: IsaPolicyVersion, ctx: PolicyContext): Promise<PolicyChecks> {
  let found = checksOf.get(version);
  if (!found) checksOf.set(version, (found = ctx.policies.checks(version.record)));
  return found;
}
