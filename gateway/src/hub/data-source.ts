import { auditEntities, auditMigrations } from '../audit';
import { policyEntities, policyMigrations } from '../policy';
import { Case } from './entities/case.entity';
import { ConsentRecord } from './entities/consent-record.entity';
import { RagRating } from './entities/rag-rating.entity';
import { Subject } from './entities/subject.entity';
import { InitialHub1764140000000 } from './migrations/1764140000000-InitialHub';

export const hubEntities = [Case, Subject, RagRating, ConsentRecord, ...auditEntities, ...policyEntities];
export const hubMigrations = [InitialHub1764140000000, ...auditMigrations, ...policyMigrations];
