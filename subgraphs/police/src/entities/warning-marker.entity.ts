import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MarkerSource, WarningMarkerType } from './codes';
import { PoliceNominal } from './nominal.entity';

@Entity('warning_marker')
export class WarningMarker {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('idx_warning_marker_nominal')
  @Column({ name: 'nominal_id', type: 'uuid' })
  nominalId: string;

  @ManyToOne(() => PoliceNominal, (nominal) => nominal.warningMarkers, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'nominal_id' })
  nominal: PoliceNominal;

  @Column({ name: 'type', type: 'varchar', length: 20 })
  type: WarningMarkerType;

  @Column({ name: 'source', type: 'varchar', length: 5 })
  source: MarkerSource;

  @Column({ name: 'created_date', type: 'date' })
  createdDate: string;

  @Column({ name: 'active', type: 'boolean' })
  active: boolean;
}
