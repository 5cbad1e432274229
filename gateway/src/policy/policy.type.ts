import { Field, ObjectType } from 'type-graphql';
import type { PolicyVersion } from './policy-version.entity';

@ObjectType({ description: 'One immutable version of the information-sharing agreement, with who proposed, activated and retired it' })
export class IsaPolicyVersion {
  @Field({ description: 'The version label, unique and never reused (e.g. 2026-11-01.1)' })
  version: string;

  @Field({ description: 'PROPOSED, ACTIVE or RETIRED' })
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

  @Field(() => String, { nullable: true, description: 'User id of who put it in force; null while PROPOSED' })
  activatedBy: string | null;

  @Field(() => String, { nullable: true, description: 'ISO timestamp' })
  activatedAt: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was put in force; null while PROPOSED' })
  activationReason: string | null;

  @Field(() => String, { nullable: true, description: 'User id of who activated the version that replaced it; null unless RETIRED' })
  retiredBy: string | null;

  @Field(() => String, { nullable: true, description: 'ISO timestamp' })
  retiredAt: string | null;

  static from(record: PolicyVersion): IsaPolicyVersion {
    const doc = (record.document ?? {}) as { title?: unknown; effectiveFrom?: unknown };
    return Object.assign(new IsaPolicyVersion(), {
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
    });
  }
}
