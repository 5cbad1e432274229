export { jose } from './jose';
export type { JWK, JSONWebKeySet } from './jose';
export * from './keys';
export {
  DEFAULT_GRANT_ISSUER,
  DISCLOSURE_LOG_REVIEW,
  GRANT_TOKEN_TYPE,
  MAX_GRANT_TTL_SECONDS,
  type GrantPayload,
} from './claims';
export * from './errors';
export * from './issuer';
export * from './verifier';
export * from './coverage';
export * from './guard';
export * from './replay-cache';
export * from './pending-claim';
export * from './subject-digest';
