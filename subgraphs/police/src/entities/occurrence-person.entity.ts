import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { OccurrenceRole } from './codes';
import { PoliceNominal } from './nominal.entity';
import { Occurrence } from './occurrence.entity';

@Entity('occurrence_person')
@Unique('uq_occurrence_person_role', ['occurrenceId', 'nominalId', 'role'])
export class OccurrencePerson {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'occurrence_id', type: 'uuid' })
  occurrenceId: string;

  @ManyToOne(() => Occurrence, (occurrence) => occurrence.persons, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'occurrence_id' })
  occurrence: Occurrence;

  @Index('idx_occurrence_person_nominal')
  @Column({ name: 'nominal_id', type: 'uuid' })
  nominalId: string;

  @ManyToOne(() => PoliceNominal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'nominal_id' })
  nominal: PoliceNominal;

  @Column({ name: 'role', type: 'varchar', length: 10 })
  role: OccurrenceRole;
}
