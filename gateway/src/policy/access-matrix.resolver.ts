import { Arg, Ctx, Field, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { requireRole } from '../auth/require-role';
import {
  accessMatrix, supergraphFields, type AccessMatrixEntry as MatrixRow, type AccessMatrixLevelEntry as MatrixLevel, type MatrixCaseStatus, type MatrixRag,
} from './access-matrix';
import { validatePolicy, type PolicyDocument } from './policy-document';
import { badInput } from './policy-store';
import { POLICY_READERS, type PolicyContext } from './policy.resolver';

export enum AccessMatrixRating {
  RED = 'RED',
  AMBER = 'AMBER',
  GREEN = 'GREEN',
  UNRATED = 'UNRATED',
}

export enum AccessMatrixCaseStatus {
  OPEN = 'OPEN',
  CLOSED_WITHIN_WINDOW = 'CLOSED_WITHIN_WINDOW',
  CLOSED_AFTER_WINDOW = 'CLOSED_AFTER_WINDOW',
}

registerEnumType(AccessMatrixRating, {
  name: 'AccessMatrixRating',
  description: "A case's rating as the access matrix reads it",
  valuesConfig: {
    RED: { description: 'Rated RED' },
    AMBER: { description: 'Rated AMBER' },
    GREEN: { description: 'Rated GREEN' },
    UNRATED: { description: 'Not rated yet' },
  },
});

registerEnumType(AccessMatrixCaseStatus, {
  name: 'AccessMatrixCaseStatus',
  description: "A case's status as the access matrix reads it: the ISA's closed-case window (closedCaseWindowHours) splits closed cases in two",
  valuesConfig: {
    OPEN: { description: 'The case is open' },
    CLOSED_WITHIN_WINDOW: { description: 'Closed no longer ago than the closed-case window (the matrix takes halfway through it)' },
    CLOSED_AFTER_WINDOW: { description: 'Closed longer ago than the closed-case window (the matrix takes a day after it ended)' },
  },
});

@ObjectType({ description: "One sensitivity level of an agency's fields in one access-matrix row: released to the user or withheld, and why" })
export class AccessMatrixLevel implements MatrixLevel {
  @Field(() => String, {
    description:
      'A field sensitivity level: BASIC_IDENTITY, SAFEGUARDING_STATUS, HEALTH_SPECIAL, CRIMINAL_OFFENCE, POLICE_INTELLIGENCE or RESTRICTED (DOMAIN.md section 6)',
  })
  level: MatrixLevel['level'];

  @Field({ description: "True when the user sees the agency's fields of this level in such a case" })
  allowed: boolean;

  @Field({
    description:
      "The rule that decides: the row's own rule when the whole fetch is refused or the level is released; classification-not-released, or restricted-never-automatic for RESTRICTED, when the fetch is allowed but this level withheld",
  })
  rule: string;

  @Field({ description: 'The sentence a user in this cell would read' })
  reason: string;

  @Field(() => [String], { description: "The ISA's classificationAccess entries that release this level here; empty when withheld" })
  releasedBy: string[];

  @Field(() => [String], { description: "The agency's field paths from Subject (e.g. police.matches.record.warningMarkers) whose own level is this one, as the supergraph classifies them" })
  fields: string[];

  @Field(() => [String], {
    description: 'Of those paths, the ones still withheld in this row although the level is released: they sit inside a field of a level that is not released here',
  })
  withheldWithin: string[];
}

@ObjectType({ description: "Whether a user holding one role may see one agency's data for a case of one rating and status, and which of its fields" })
export class AccessMatrixRow implements MatrixRow {
  @Field(() => String, { description: 'A hub role: mash-triage, mash-manager, governance or agency-admin' })
  role: MatrixRow['role'];

  @Field(() => String, { description: 'An agency: police, social-care, health or education' })
  agency: MatrixRow['agency'];

  @Field(() => String, { description: 'RED, AMBER, GREEN, or UNRATED (only when asked for)' })
  rag: MatrixRow['rag'];

  @Field(() => AccessMatrixCaseStatus, { description: 'Open, closed within the closed-case window, or closed after it' })
  caseStatus: MatrixCaseStatus;

  @Field({ description: "True when the role may ask the agency at all for such a case (a referral, rating confirmed, default purpose, no early-help consent); levels says which fields then arrive" })
  allowed: boolean;

  @Field({ description: 'The rule that decides whether the agency is asked' })
  rule: string;

  @Field({ description: 'The sentence a user in this cell would read' })
  reason: string;

  @Field(() => String, { nullable: true, description: 'The lawful basis the agency shares under, as the policy words it; null when not allowed' })
  lawfulBasis: string | null;

  @Field(() => [String], { description: 'What the agency must leave out when no early-help consent is recorded' })
  obligations: MatrixRow['obligations'];

  @Field(() => [AccessMatrixLevel], { description: 'Each sensitivity level of the agency\'s fields, most basic first (RESTRICTED last): released or withheld, by which rule, and the fields it covers' })
  levels: AccessMatrixLevel[];
}

const OPEN_CASE_RATINGS = [AccessMatrixRating.RED, AccessMatrixRating.AMBER, AccessMatrixRating.GREEN];

@Resolver()
export class AccessMatrixResolver {
  @Query(() => [AccessMatrixRow], {
    description:
      'Which role sees which agency, and which of its field sensitivity levels, for a case of each rating and status under a version (default: the one in force). ' +
      'Derived from the decision point itself, so it is what the gateway enforces. Left without arguments: open cases rated RED, AMBER or GREEN',
  })
  async accessMatrix(
    @Arg('version', () => String, { nullable: true, description: 'An ISA policy version (e.g. 2026-11-01.1) of any status; the version in force when left out' }) version: string | null,
    @Arg('rag', () => [AccessMatrixRating], {
      nullable: true,
      defaultValue: OPEN_CASE_RATINGS,
      description: 'Only these ratings; add UNRATED for cases not rated yet (left out of the default so the matrix reads as before case statuses were added)',
    })
    rag: AccessMatrixRating[] | null,
    @Arg('caseStatus', () => [AccessMatrixCaseStatus], {
      nullable: true,
      defaultValue: [AccessMatrixCaseStatus.OPEN],
      description: 'Only these case statuses; all three give the whole matrix',
    })
    caseStatus: AccessMatrixCaseStatus[] | null,
    @Ctx() ctx: PolicyContext,
  ): Promise<AccessMatrixRow[]> {
    requireRole(ctx.user, POLICY_READERS, 'read the access matrix');
    const rags = (rag ?? OPEN_CASE_RATINGS) as MatrixRag[];
    const caseStatuses = (caseStatus ?? [AccessMatrixCaseStatus.OPEN]) as MatrixCaseStatus[];
    if (rags.length === 0) throw badInput('rag is empty: name at least one of RED, AMBER, GREEN, UNRATED, or leave it out.');
    if (caseStatuses.length === 0) throw badInput('caseStatus is empty: name at least one of OPEN, CLOSED_WITHIN_WINDOW, CLOSED_AFTER_WINDOW, or leave it out.');
    return accessMatrix(await policyOf(ctx, version), { rags, caseStatuses, fields: supergraphFields() });
  }
}

async function policyOf(ctx: PolicyContext, version: string | null): Promise<PolicyDocument | null> {
  if (!version) return ctx.policies.active();
  const record = await ctx.policies.find(version);
  if (!record) throw badInput(`There is no ISA policy version ${version}.`);
  const checked = validatePolicy(record.document);
  if (!checked.ok) throw badInput(`Version ${version} is not a valid policy: ${checked.errors.join('; ')}.`, { errors: checked.errors });
  return checked.policy;
}
