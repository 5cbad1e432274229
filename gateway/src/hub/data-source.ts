import { auditEntities, auditMigrations } from '../audit';
import { policyEntities, policyMigrations } from '../policy';
import { reportMigrations } from '../report';
import { Case } from './entities/case.entity';
import { CaseAssignment } from './entities/case-assignment.entity';
import { ConsentRecord } from './entities/consent-record.entity';
import { MatchDecision } from './entities/match-decision.entity';
import { RagRating } from './entities/rag-rating.entity';
import { RatingReview } from './entities/rating-review.entity';
import { Subject } from './entities/subject.entity';
import { InitialHub1764140000000 } from './migrations/1764140000000-InitialHub';
import { RatingReviews1764300000000 } from './migrations/1764300000000-RatingReviews';
import { ConsentDetails1764300000001 } from './migrations/1764300000001-ConsentDetails';
import { MatchDecisions1764400000000 } from './migrations/1764400000000-MatchDecisions';
import { HubClock1764500000000 } from './migrations/1764500000000-HubClock';
import { HubClockIntake1764500000001 } from './migrations/1764500000001-HubClockIntake';

export const hubEntities = [Case, Subject, RagRating, ConsentRecord, RatingReview, MatchDecision, CaseAssignment, ...auditEntities, ...policyEntities];
export const hubMigrations = [InitialHub1764140000000, ...auditMigrations, ...policyMigrations, RatingReviews1764300000000, ConsentDetails1764300000001, MatchDecisions1764400000000, HubClock1764500000000, HubClockIntake1764500000001, ...reportMigrations];
