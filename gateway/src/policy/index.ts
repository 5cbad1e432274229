import { PolicyVersions1764210000000 } from './migrations/1764210000000-PolicyVersions';
import { PolicyMakerChecker1764800000000 } from './migrations/1764800000000-PolicyMakerChecker';
import { PolicyApproval } from './policy-approval.entity';
import { PolicyVersion } from './policy-version.entity';
import { PolicyResolver } from './policy.resolver';
import { PolicyDiffResolver } from './policy-diff.resolver';
import { AccessMatrixResolver } from './access-matrix.resolver';

export * from './policy-document';
export * from './default-policy';
export * from './decide';
export * from './onward-purpose';
export * from './classification';
export * from './access-matrix';
export * from './policy-version.entity';
export * from './policy-approval.entity';
export * from './widening';
export * from './diff';
export * from './policy-store';
export * from './policy.type';
export * from './policy.resolver';
export * from './policy-diff.resolver';
export * from './access-matrix.resolver';
export { PolicyVersions1764210000000, PolicyMakerChecker1764800000000 };

export const policyEntities = [PolicyVersion, PolicyApproval];
export const policyMigrations = [PolicyVersions1764210000000, PolicyMakerChecker1764800000000];
export const policyResolvers = [PolicyResolver, PolicyDiffResolver, AccessMatrixResolver] as const;
