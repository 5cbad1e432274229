/**
 * Empty embedded (PGlite) databases for tests, copied from a template made once per PGlite version
 * under node_modules/.cache/mash-test (initdb in WebAssembly costs 10-20 s and more). The one
 * implementation, shared with the packages' unit tests, is in packages/shared's test support.
 */
export { emptyEmbeddedDatabase } from '@mash/shared/dist/__tests__/support/embedded-template';
