import { Field, ObjectType } from 'type-graphql';
import type { PolicyDiff, PolicyDiffChange } from './diff';
import { renderPolicyDiff } from './diff';

@ObjectType({ description: 'One difference between two ISA versions' })
export class IsaPolicyChange {
  @Field({ description: 'The section of the agreement, e.g. rules, classificationAccess, ratingControl, alerts' })
  section: string;

  @Field({ description: 'Where in the document; in rules, field access entries and alert rules the segment after the section is the id, not the position (e.g. /rules/green-no-agency-data/rag)' })
  path: string;

  @Field(() => String, { nullable: true, description: 'The rule, entry or alert rule it is about; null for other sections' })
  itemId: string | null;

  @Field({ description: 'ADDED, REMOVED, CHANGED, or MOVED (a rule now tried in another order; the first rule that matches decides)' })
  kind: string;

  @Field(() => String, { nullable: true, description: 'The value before, as JSON text; null when ADDED. For MOVED, the rule\'s position (1 is tried first)' })
  before: string | null;

  @Field(() => String, { nullable: true, description: 'The value after, as JSON text; null when REMOVED. For MOVED, the rule\'s new position' })
  after: string | null;

  @Field({ description: 'The change in a plain sentence' })
  sentence: string;

  static from(change: PolicyDiffChange): IsaPolicyChange {
    return Object.assign(new IsaPolicyChange(), {
      section: change.section,
      path: change.path,
      itemId: change.id,
      kind: change.kind,
      before: change.before === undefined ? null : JSON.stringify(change.before),
      after: change.after === undefined ? null : JSON.stringify(change.after),
      sentence: change.sentence,
    });
  }
}

@ObjectType({ description: 'What changes between two ISA versions, and whether the second widens sharing compared with the first' })
export class IsaPolicyDiff {
  @Field({ description: 'The version compared from' })
  from: string;

  @Field({ description: 'The version compared to' })
  to: string;

  @Field(() => [IsaPolicyChange], { description: 'Every difference: rules first (by id, in order), then the other sections' })
  changes: IsaPolicyChange[];

  @Field(() => [String], { description: 'How "to" widens sharing compared with "from", in plain sentences; empty when it widens nothing (a widening version needs two approvers other than its proposer)' })
  widening: string[];

  @Field(() => [String], { description: 'Anything to know before reading, e.g. a stored version that today\'s validation refuses' })
  notes: string[];

  @Field({ description: 'The whole comparison as readable text, as npm run policy:diff prints it' })
  text: string;

  static from(diff: PolicyDiff, notes: string[]): IsaPolicyDiff {
    return Object.assign(new IsaPolicyDiff(), {
      from: diff.from,
      to: diff.to,
      changes: diff.changes.map((change) => IsaPolicyChange.from(change)),
      widening: diff.widening,
      notes,
      text: renderPolicyDiff(diff, notes),
    });
  }
}
