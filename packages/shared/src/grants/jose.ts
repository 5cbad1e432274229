/**
 * jose 6 ships ESM only. Node >= 20.19 `require()`s it, and `module: Node20` lets TypeScript
 * compile a plain import of it to that require; jest compiles it through its transform. The rest of
 * the repository takes jose from here so there is one place that knows this.
 */
export * as jose from 'jose';
export type { CryptoKey, JWK, JSONWebKeySet, JWTHeaderParameters, JWTPayload, JWTVerifyOptions } from 'jose';
