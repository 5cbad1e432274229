import { GraphQLError } from 'graphql';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { requireRole } from '../auth/require-role';
import { comparable, policyDiff } from './diff';
import type { PolicyDocument } from './policy-document';
import { POLICY_READERS, type PolicyContext } from './policy.resolver';
import { IsaPolicyDiff } from './policy-diff.type';

@Resolver()
export class PolicyDiffResolver {
  @Query(() => IsaPolicyDiff, { description: 'What changes between two stored ISA versions, section by section, and how the second widens sharing compared with the first' })
  async policyDiff(
    @Arg('from', () => String, { description: 'The version to compare from (e.g. the one in force)' }) from: string,
    @Arg('to', () => String, { description: 'The version to compare to (e.g. a draft)' }) to: string,
    @Ctx() ctx: PolicyContext,
  ): Promise<IsaPolicyDiff> {
    requireRole(ctx.user, POLICY_READERS, 'compare ISA policy versions');
    const [before, after] = await Promise.all([load(ctx, from, 'from'), load(ctx, to, 'to')]);
    return IsaPolicyDiff.from(policyDiff(before.document, after.document), [...before.notes, ...after.notes]);
  }
}

async function load(ctx: PolicyContext, version: string, field: string): Promise<{ document: PolicyDocument; notes: string[] }> {
  const record = await ctx.policies.find(version);
  if (!record) throw new GraphQLError(`There is no ISA policy version ${version}; see isaPolicyVersions for the versions stored.`, { extensions: { code: 'BAD_USER_INPUT', field } });
  const loaded = comparable(record.document, `Version ${version}`);
  if ('errors' in loaded) throw new GraphQLError(`Version ${version} is not a readable ISA document (${loaded.errors.join('; ')}).`, { extensions: { code: 'BAD_USER_INPUT', field } });
  return loaded;
}
