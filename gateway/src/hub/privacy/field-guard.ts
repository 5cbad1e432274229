import { GraphQLError, defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { CASE_RECORD_TYPES } from '../../audit/case-reads';
import type { GatewayContext } from '../../context';
import { limitError } from '../../limits/armor';
import { DEFAULT_POLICY } from '../../policy';
import { Case } from '../entities/case.entity';
import { identityAccess, type IdentityDecision } from './identity-access';

/**
 * What a pseudonymised reader does not get: who the people are and what was said about them.
 * References, ratings, dates, statuses, counts and staff ids stay readable. `subjects` is withheld
 * whole: `Subject.familyName` must stay non-null for the agencies' @requires, so it cannot be
 * nulled field by field; `subjectCount` says how many.
 */
export const WITHHELD: Readonly<Record<string, readonly string[]>> = {
  Case: ['concern', 'referrerName', 'referrerContact', 'consentNote', 'decisionRationale', 'feedbackToReferrer', 'feedbackWithheldNote', 'subjects'],
  RagRating: ['rationale'],
  ConsentRecord: ['note', 'givenBy'],
  RatingReview: ['closingRationale'],
  CaseAssignment: ['rationale'],
  // MatchDecision is reached only through subjects (withheld above) or by the triage staff who
  // decide; its rationale is non-null, so it is not nulled field by field either.
};

type Source = { id?: string; caseId?: string; reference?: string };
type Resolver = GraphQLFieldResolver<Source, GatewayContext>;

/**
 * Wraps every field of the hub's case record (Case, Subject, RagRating, ConsentRecord,
 * RatingReview, MatchDecision): each resolved field is noted for the request's CASE_READ entry; an identity field
 * a pseudonymised reader asks for resolves to null with FORBIDDEN on its path; and a request may
 * read at most `maxSubjects` people. Applied once to the built hub schema.
 */
export function guardCaseRecord(schema: GraphQLSchema): GraphQLSchema {
  for (const typeName of CASE_RECORD_TYPES) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = (field.resolve ?? defaultFieldResolver) as Resolver;
      const coordinate = `${typeName}.${field.name}`;
      const withheld = WITHHELD[typeName]?.includes(field.name) ?? false;
      const guarded: Resolver = (source, args, context, info) => {
        const caseId = typeName === 'Case' ? source.id : source.caseId;
        if (!caseId || !context?.user) return resolve(source, args, context, info);
        return after(decisionFor(context, caseId, typeName === 'Case' ? source.reference : undefined), (decision) => {
          if (withheld && !decision.named) {
            context.reads?.withhold(caseId, coordinate, decision.rule);
            throw new GraphQLError(
              `Withheld: ${coordinate} identifies people, and your role reads cases pseudonymised (references, ratings, dates and counts). ` +
                'A named review needs an ISA policy rule (caseRegister.namedReviews).',
              { extensions: { code: 'FORBIDDEN', rule: decision.rule } },
            );
          }
          context.reads?.read(caseId, coordinate, decision.rule, typeName === 'Subject' ? source.id : undefined);
          const value = resolve(source, args, context, info);
          return coordinate === 'Case.subjects' ? after(value, (subjects) => withinAllowance(context, subjects)) : value;
        });
      };
      field.resolve = guarded as typeof field.resolve;
    }
  }
  return schema;
}

/** The reader's identity decision for a case, worked out once per request and case. */
function decisionFor(context: GatewayContext, caseId: string, reference: string | undefined): IdentityDecision | Promise<IdentityDecision> {
  const memo = (context.identities ??= new Map());
  const known = memo.get(caseId);
  if (known) return known;
  const pending = (async () => {
    const policy = await context.policies.active();
    const access = policy?.caseRegister ?? DEFAULT_POLICY.caseRegister;
    const caseReference = reference ?? (await context.hub.getRepository(Case).findOne({ where: { id: caseId }, select: { reference: true } }))?.reference ?? null;
    const decision = identityAccess(access, context.user?.roles ?? [], caseReference, new Date());
    memo.set(caseId, decision);
    return decision;
  })();
  memo.set(caseId, pending);
  return pending;
}

function withinAllowance(context: GatewayContext, subjects: unknown): unknown {
  const allowance = context.subjectAllowance;
  if (!allowance || !Array.isArray(subjects)) return subjects;
  allowance.left -= subjects.length;
  if (allowance.left >= 0) return subjects;
  // Recorded once per request by the request-limits plugin, from the errors.
  throw limitError('maxSubjects', `this request reads more than ${allowance.max} people across its cases; these were left out`);
}

function after<T, R>(value: T | Promise<T>, then: (resolved: T) => R): R | Promise<R> {
  return value instanceof Promise ? value.then(then) : then(value);
}
