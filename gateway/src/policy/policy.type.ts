import { Field, ObjectType } from 'type-graphql';
import type { PolicyApproval } from './policy-approval.entity';
import type { PolicyVersion } from './policy-version.entity';

@ObjectType({ description: 'A governance lead\'s approval of a draft ISA version (maker-checker): never the proposer, one per person, never changed' })
export class IsaPolicyApproval {
  @Field({ description: 'User id of who approved it' })
  approver: string;

  @Field({ description: 'ISO timestamp' })
  at: string;

  @Field({ description: 'Why they approved it (e.g. the board minute)' })
  reason: string;

  static from(approval: PolicyApproval): IsaPolicyApproval {
    return Object.assign(new IsaPolicyApproval(), { approver: approval.approver, at: approval.at.toISOString(), reason: approval.reason });
  }
}

@ObjectType({ description: 'One immutable version of the information-sharing agreement, with who proposed, approved, activated and retired it' })
export class IsaPolicyVersion {
  /** The stored row the fields come from (not a GraphQL field). */
  record: PolicyVersion;

  @Field({ description: 'The version label, unique and never reused (e.g. 2026-11-01.1)' })
  version: string;

  @Field({ description: 'DRAFT (proposed, changes nothing yet), ACTIVE (in force) or RETIRED (replaced, or withdrawn as a draft)' })
  status: string;

  @Field(() => String, { nullable: true, description: "The document's title; null if the stored document has none" })
  title: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  effectiveFrom: string | null;

  @Field({ description: 'The policy document as JSON text' })
  document: string;

  @Field({ description: "SHA-256 of the document's canonical JSON" })
  documentHash: string;

  @Field({ description: 'User id of who proposed it' })
  proposedBy: string;

  @Field({ description: 'ISO timestamp' })
  proposedAt: string;

  @Field({ description: 'Why it was proposed' })
  reason: string;

  @Field(() => String, { nullable: true, description: 'User id of who put it in force; null while a DRAFT or if withdrawn' })
  activatedBy: string | null;

  @Field(() => String, { nullable: true, description: 'ISO timestamp' })
  activatedAt: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was put in force; null unless it was activated' })
  activationReason: string | null;

  @Field(() => String, { nullable: true, description: 'User id of who activated the version that replaced it, or who withdrew the draft; null unless RETIRED' })
  retiredBy: string | null;

  @Field(() => String, { nullable: true, description: 'ISO timestamp' })
  retiredAt: string | null;

  @Field(() => String, { nullable: true, description: 'Why a draft was withdrawn, or which version replaced it; null unless RETIRED' })
  retirementReason: string | null;

  static from(record: PolicyVersion): IsaPolicyVersion {
    const doc = (record.document ?? {}) as { title?: unknown; effectiveFrom?: unknown };
    return Object.assign(new IsaPolicyVersion(), {
      record,
      version: record.version,
      status: record.status,
      title: typeof doc.title === 'string' ? doc.title : null,
      effectiveFrom: typeof doc.effectiveFrom === 'string' ? doc.effectiveFrom : null,
      document: JSON.stringify(record.document),
      documentHash: record.documentHash,
      proposedBy: record.proposedBy,
      proposedAt: record.proposedAt.toISOString(),
      reason: record.reason,
      activatedBy: record.activatedBy,
      activatedAt: record.activatedAt?.toISOString() ?? null,
      activationReason: record.activationReason,
      retiredBy: record.retiredBy,
      retiredAt: record.retiredAt?.toISOString() ?? null,
      retirementReason: record.retirementReason,
    });
  }
}
