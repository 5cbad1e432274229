import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { FgmRecordKind } from './code-lists';
import { Patient } from './patient.entity';

/** FGM recorded for a woman or girl: an FGM-IS risk indicator, or FGM identified (FGM Enhanced Dataset). */
@Entity('fgm_record')
export class FgmRecord {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('idx_fgm_record_patient')
  @Column({ name: 'patient_id', type: 'uuid' })
  patientId: string;

  @ManyToOne(() => Patient, (patient) => patient.fgmRecords, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'patient_id' })
  patient?: Patient;

  @Column({ name: 'kind', type: 'varchar', length: 16 })
  kind: FgmRecordKind;

  @Column({ name: 'recorded_date', type: 'date' })
  recordedDate: string;

  /** An FGM-IS indicator can be removed (e.g. the girl turns 18); a removed one is kept inactive. */
  @Column({ name: 'active', type: 'boolean' })
  active: boolean;
}
