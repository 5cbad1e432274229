import { GraphQLError } from 'graphql';

// The ISA's maker-checker steps as the store reports them for the access log (hub/governance.ts).

export type PolicyChangeKind = 'PROPOSED' | 'APPROVED' | 'ACTIVATED' | 'WITHDRAWN';

/** A change to the ISA, or a refused attempt at one, reported so it can be audited (ARCHITECTURE.md "Audit and disclosure"). */
export interface PolicyChangeEvent {
  kind: PolicyChangeKind;
  version: string;
  documentHash: string;
  actorId: string;
  reason: string;
  at: Date;
  /** ACTIVATED only: the version it retired, if any. */
  retiredVersion?: string | null;
  /** ACTIVATED only: who checked it (approvers other than the proposer, the activator included) and how it widened sharing. */
  checkers?: string[];
  widening?: string[];
  /** Set when the attempt was refused and nothing changed: a stable rule id and the sentence the user was given. */
  refusal?: { rule: string; message: string } | null;
}

/** Why a maker-checker step was refused; the rule id of its DENIED entry in the access log. */
export const POLICY_REFUSALS = {
  proposerApproves: 'maker-checker-proposer-approves',
  proposerActivates: 'maker-checker-proposer-activates',
  alreadyApproved: 'maker-checker-already-approved',
  tooFewApprovers: 'maker-checker-too-few-approvers',
} as const;

/** A refused maker-checker step: the error for the user and the event for the access log. */
export class Refused extends Error {
  constructor(readonly error: GraphQLError, readonly event: PolicyChangeEvent) {
    super(error.message);
  }
}

/** Maker-checker: one other person for any change, two for a change that widens sharing. */
export function neededFor(widening: string[]): number {
  return widening.length > 0 ? 2 : 1;
}

/** A refusal with a stable rule id: the user gets `message` with `code`, the access log a DENIED entry. */
export function refused(rule: string, message: string, event: PolicyChangeEvent, code: 'FORBIDDEN' | 'BAD_USER_INPUT' = 'BAD_USER_INPUT'): Refused {
  return new Refused(new GraphQLError(message, { extensions: { code, refusal: rule } }), { ...event, refusal: { rule, message } });
}
