import { auditEntities, auditMigrations } from '../audit';
import { policyEntities, policyMigrations } from '../policy';
import { Case } from './entities/case.entity';
import { ConsentRecord } from './entities/consent-record.entity';
import { RagRating } from './entities/rag-rating.entity';
import { RatingReview } from './entities/rating-review.entity';
import { Subject } from './entities/subject.entity';
import { InitialHub1764140000000 } from './migrations/1764140000000-InitialHub';
import { RatingReviews1764300000000 } from './migrations/1764300000000-RatingReviews';
import { ConsentDetails1764300000001 } from './migrations/1764300000001-ConsentDetails';

export const hubEntities = [Case, Subject, RagRating, ConsentRecord, RatingReview, ...auditEntities, ...policyEntities];
export const hubMigrations = [InitialHub1764140000000, ...auditMigrations, ...policyMigrations, RatingReviews1764300000000, ConsentDetails1764300000001];
