import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How far the alert scanner has read one source (see the GovernanceAlerts migration). */
@Entity('governance_alert_watermark')
export class AlertWatermark {
  /** `access-log`, `rating-reviews` or `disclosures:<agency>`. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  source: string;

  /** The last seq read (the access log, a disclosure log); 0 before the first scan. */
  @Column({ type: 'bigint', default: 0 })
  position: string;

  /** When this source was last scanned. */
  @Column({ name: 'scanned_at', type: 'timestamptz', nullable: true })
  scannedAt: Date | null;
}
