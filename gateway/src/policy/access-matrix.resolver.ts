import { GraphQLError } from 'graphql';
import { Arg, Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { requireRole } from '../auth/require-role';
import { accessMatrix, type AccessMatrixEntry as MatrixRow } from './access-matrix';
import { validatePolicy } from './policy-document';
import { POLICY_READERS, type PolicyContext } from './policy.resolver';

@ObjectType({ description: "Whether a user holding one role may see one agency's data for an open case of one RAG" })
export class AccessMatrixRow implements MatrixRow {
  @Field(() => String, { description: 'A hub role: mash-triage, mash-manager, governance or agency-admin' })
  role: MatrixRow['role'];

  @Field(() => String, { description: 'An agency: police, social-care, health or education' })
  agency: MatrixRow['agency'];

  @Field(() => String, { description: 'RED, AMBER or GREEN' })
  rag: MatrixRow['rag'];

  @Field({ description: "True when the role may see the agency's data for such a case (rating confirmed, default purpose)" })
  allowed: boolean;

  @Field({ description: 'The rule that decides this cell' })
  rule: string;

  @Field({ description: 'The sentence a user in this cell would read' })
  reason: string;

  @Field(() => String, { nullable: true, description: 'The lawful basis the agency shares under, as the policy words it; null when not allowed' })
  lawfulBasis: string | null;

  @Field(() => [String], { description: 'What the agency must leave out when no early-help consent is recorded' })
  obligations: MatrixRow['obligations'];
}

@Resolver()
export class AccessMatrixResolver {
  @Query(() => [AccessMatrixRow], { description: 'Which role sees which agency at which RAG under a version (default: the one in force)' })
  async accessMatrix(
    @Arg('version', () => String, { nullable: true, description: 'An ISA policy version (e.g. 2026-11-01.1) of any status; the version in force when left out' }) version: string | null,
    @Ctx() ctx: PolicyContext,
  ): Promise<AccessMatrixRow[]> {
    requireRole(ctx.user, POLICY_READERS, 'read the access matrix');
    if (!version) return accessMatrix(await ctx.policies.active());
    const record = await ctx.policies.find(version);
    if (!record) throw badInput(`There is no ISA policy version ${version}.`);
    const checked = validatePolicy(record.document);
    if (!checked.ok) throw badInput(`Version ${version} is not a valid policy: ${checked.errors.join('; ')}.`, checked.errors);
    return accessMatrix(checked.policy);
  }
}

function badInput(message: string, errors?: string[]): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(errors ? { errors } : {}) } });
}
