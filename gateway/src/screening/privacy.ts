import { GraphQLError, defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../context';
import { identityAccess, type IdentityDecision } from '../hub/privacy/identity-access';
import { DEFAULT_POLICY } from '../policy';

/**
 * What a pseudonymised reader (default: governance, and the police system's account) does not
 * get from a notification: who the people are and what happened. References, risk levels,
 * dates, statuses, counts and ages stay readable.
 */
export const WITHHELD_FROM_NOTIFICATIONS: Readonly<Record<string, readonly string[]>> = {
  DomesticAbuseNotification: ['summary', 'rationale', 'people', 'children', 'childrenAtIncident'],
};
const TYPES: Readonly<Record<string, 'id' | 'notificationId'>> = { DomesticAbuseNotification: 'id', DomesticAbusePerson: 'notificationId' };

type Source = { id?: string; notificationId?: string };
type Resolver = GraphQLFieldResolver<Source, GatewayContext>;

/**
 * As the case register's guard (hub/privacy/field-guard.ts), for the screening queue: each field
 * read is noted for the request's CASE_READ entry (its caseId is the notification's id), and a
 * field that identifies people resolves to null with FORBIDDEN for readers the ISA does not name
 * (policy caseRegister.namedRoles).
 */
export function guardScreeningRecord(schema: GraphQLSchema): GraphQLSchema {
  for (const [typeName, idField] of Object.entries(TYPES)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = (field.resolve ?? defaultFieldResolver) as Resolver;
      const coordinate = `${typeName}.${field.name}`;
      const withheld = WITHHELD_FROM_NOTIFICATIONS[typeName]?.includes(field.name) ?? false;
      const guarded: Resolver = (source, args, context, info) => {
        const id = source[idField];
        if (!id || !context?.user) return resolve(source, args, context, info);
        const decided = (decision: IdentityDecision) => {
          if (withheld && !decision.named) {
            context.reads?.withhold(id, coordinate, decision.rule);
            throw new GraphQLError(`Withheld: ${coordinate} identifies people, and your role reads domestic abuse notifications pseudonymised (references, risk levels, dates and ages).`, {
              extensions: { code: 'FORBIDDEN', rule: decision.rule },
            });
          }
          context.reads?.read(id, coordinate, decision.rule);
          return resolve(source, args, context, info);
        };
        const decision = decisionFor(context);
        return decision instanceof Promise ? decision.then(decided) : decided(decision);
      };
      field.resolve = guarded as typeof field.resolve;
    }
  }
  return schema;
}

const decisions = new WeakMap<GatewayContext, IdentityDecision | Promise<IdentityDecision>>();

/** Named or pseudonymised, once per request: the case register's rule without a case reference (named reviews cover cases, not notifications). */
function decisionFor(context: GatewayContext): IdentityDecision | Promise<IdentityDecision> {
  const known = decisions.get(context);
  if (known) return known;
  const pending = (async () => {
    const access = (await context.policies.active())?.caseRegister ?? DEFAULT_POLICY.caseRegister;
    const decision = identityAccess(access, context.user?.roles ?? [], null, new Date());
    decisions.set(context, decision);
    return decision;
  })();
  decisions.set(context, pending);
  return pending;
}
