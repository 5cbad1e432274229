import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PoliceNominal } from './nominal.entity';

/** Another name (and sometimes date of birth) the nominal has used or been recorded under. */
@Entity('nominal_alias')
export class NominalAlias {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('idx_nominal_alias_nominal')
  @Column({ name: 'nominal_id', type: 'uuid' })
  nominalId: string;

  @ManyToOne(() => PoliceNominal, (nominal) => nominal.aliases, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'nominal_id' })
  nominal: PoliceNominal;

  @Column({ name: 'given_name', type: 'varchar', length: 100 })
  givenName: string;

  @Column({ name: 'family_name', type: 'varchar', length: 100 })
  familyName: string;

  @Column({ name: 'date_of_birth', type: 'date', nullable: true })
  dateOfBirth: string | null;
}
