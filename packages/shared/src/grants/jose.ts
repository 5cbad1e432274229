/**
 * jose 6 ships ESM only, and this package compiles to CommonJS under `module: Node16`, where a
 * value `import` of an ES module is a type error (TS1479) even though Node >= 20.19 can
 * `require()` it. So the module is loaded with a plain `require` (which jest's transform also
 * handles) and typed through a `resolution-mode: import` type query. Everything else in the repo
 * that needs jose at runtime should take it from here rather than repeat the trick.
 */
import type * as Jose from 'jose' with { 'resolution-mode': 'import' };

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const jose: typeof Jose = require('jose');

export type { JWK, JSONWebKeySet, JWTHeaderParameters, JWTPayload, JWTVerifyOptions } from 'jose' with { 'resolution-mode': 'import' };
