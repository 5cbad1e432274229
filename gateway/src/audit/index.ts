import { AuditEntry } from './audit-entry.entity';
import { AuditResolver } from './audit.resolver';
import { AuditLog1764200000000 } from './migrations/1764200000000-AuditLog';
import { ReadAndRefusalKinds1764300000002 } from './migrations/1764300000002-ReadAndRefusalKinds';
import { GrantIdIndex1764500000000 } from './migrations/1764500000000-GrantIdIndex';
import { DecisionFacts1764810000000 } from './migrations/1764810000000-DecisionFacts';
import { SetBasedAppend1764840000000 } from './migrations/1764840000000-SetBasedAppend';
import { HeadReadByIndex1764850000000 } from './migrations/1764850000000-HeadReadByIndex';

export * from './audit-entry.entity';
export * from './audit.type';
export { GENESIS_HASH, entryHash, type AuditEntryInput, type DecisionFacts } from './chain';
export { AuditLog, type AuditLogOptions, type AuditRecord } from './audit-log';
export { verifyChain, type ChainBreak, type ChainReport, type VerifyChainOptions } from './verify-chain';
export { AuditCheckpointer, auditCheckpointRoutes, type CheckpointBody } from './checkpoints';
export { auditAgency, type AgencyAuditReport } from './verify-agencies';
export { AuditResolver };

/** For the hub's data source (the lead adds them there). */
export const auditEntities = [AuditEntry];
export const auditMigrations = [AuditLog1764200000000, ReadAndRefusalKinds1764300000002, GrantIdIndex1764500000000, DecisionFacts1764810000000, SetBasedAppend1764840000000, HeadReadByIndex1764850000000];
/** For the hub's schema. */
export const auditResolvers = [AuditResolver] as const;
