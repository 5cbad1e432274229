import { PolicyVersions1764210000000 } from './migrations/1764210000000-PolicyVersions';
import { PolicyVersion } from './policy-version.entity';
import { PolicyResolver } from './policy.resolver';
import { AccessMatrixResolver } from './access-matrix.resolver';

export * from './policy-document';
export * from './default-policy';
export * from './decide';
export * from './onward-purpose';
export * from './classification';
export * from './access-matrix';
export * from './policy-version.entity';
export * from './policy-store';
export * from './policy.type';
export * from './policy.resolver';
export * from './access-matrix.resolver';
export { PolicyVersions1764210000000 };

export const policyEntities = [PolicyVersion];
export const policyMigrations = [PolicyVersions1764210000000];
export const policyResolvers = [PolicyResolver, AccessMatrixResolver] as const;
