import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CONTACT_RELATIONSHIPS, sqlList, type ContactRelationship } from './code-lists';
import { Pupil } from './pupil.entity';

/**
 * A parent, carer or emergency contact on a pupil's record, in the order the school rings them.
 * `idx_pupil_contact_person` (lower family name, date of birth) lets the associates query find
 * other pupils with the same contact; an expression index, so `synchronize: false`.
 */
@Entity('pupil_contact')
@Index('idx_pupil_contact_pupil', ['pupilId', 'priority'])
@Index('idx_pupil_contact_person', { synchronize: false })
@Check('chk_pupil_contact_relationship', `relationship IN (${sqlList(CONTACT_RELATIONSHIPS)})`)
@Check('chk_pupil_contact_priority', 'priority >= 1')
export class PupilContact {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_pupil_contact' })
  id: string;

  @Column({ name: 'pupil_id', type: 'uuid' })
  pupilId: string;

  @ManyToOne(() => Pupil, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pupil_id', foreignKeyConstraintName: 'fk_pupil_contact_pupil' })
  pupil?: Pupil;

  @Column({ name: 'given_name', type: 'varchar', length: 100 })
  givenName: string;

  @Column({ name: 'family_name', type: 'varchar', length: 100 })
  familyName: string;

  /** Schools often hold no date of birth for a contact. */
  @Column({ name: 'date_of_birth', type: 'date', nullable: true })
  dateOfBirth: string | null;

  @Column({ type: 'varchar', length: 16 })
  relationship: ContactRelationship;

  /** 1 is rung first. */
  @Column({ type: 'smallint' })
  priority: number;
}
