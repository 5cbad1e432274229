import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PoliceNominal } from './nominal.entity';

/** An address linked to a nominal; the UPRN is the household key for "think family" joins. */
@Entity('nominal_address')
export class NominalAddress {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('idx_nominal_address_nominal')
  @Column({ name: 'nominal_id', type: 'uuid' })
  nominalId: string;

  @ManyToOne(() => PoliceNominal, (nominal) => nominal.addresses, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'nominal_id' })
  nominal: PoliceNominal;

  @Column({ name: 'address_line', type: 'varchar', length: 200 })
  addressLine: string;

  @Index('idx_nominal_address_postcode')
  @Column({ name: 'postcode', type: 'varchar', length: 8 })
  postcode: string;

  @Index('idx_nominal_address_uprn')
  @Column({ name: 'uprn', type: 'varchar', length: 12, nullable: true })
  uprn: string | null;

  @Column({ name: 'is_current', type: 'boolean' })
  isCurrent: boolean;

  @Column({ name: 'from_date', type: 'date', nullable: true })
  fromDate: string | null;

  @Column({ name: 'to_date', type: 'date', nullable: true })
  toDate: string | null;
}
