import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { RelationshipCode } from './code-lists';
import { Person } from './person.entity';

/**
 * A family relationship the local authority records between two people it holds: `related` is
 * the subject's `relationship` (e.g. PARENT, in the authority's words `role` 'stepfather'). Each
 * relationship is stored both ways round, so one primary-key range read finds a person's family.
 */
@Entity('sc_person_relationship')
@Index('idx_sc_relationship_related', ['relatedPersonId'])
export class PersonRelationship {
  @PrimaryColumn({ name: 'person_id', type: 'varchar', length: 16, primaryKeyConstraintName: 'pk_sc_person_relationship' })
  personId: string;

  @PrimaryColumn({ name: 'related_person_id', type: 'varchar', length: 16, primaryKeyConstraintName: 'pk_sc_person_relationship' })
  relatedPersonId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_sc_relationship_person' })
  person?: Relation<Person>;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'related_person_id', foreignKeyConstraintName: 'fk_sc_relationship_related' })
  related?: Relation<Person>;

  /** What the related person is to the person: PARENT, CHILD, SIBLING, PARTNER or FAMILY_MEMBER. */
  @Column({ name: 'relationship', type: 'varchar', length: 16 })
  relationship: RelationshipCode;

  /** The authority's own words for it, e.g. 'mother', 'stepfather', 'half-sister'; null if not recorded. */
  @Column({ name: 'role', type: 'varchar', length: 40, nullable: true })
  role: string | null;

  /** When the relationship began, where known (a child's birth); null otherwise. */
  @Column({ name: 'since_date', type: 'date', nullable: true })
  sinceDate: string | null;
}
