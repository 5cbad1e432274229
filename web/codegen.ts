import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents for every `graphql(...)` call in the screens, from the schema clients see
// (gateway/api.graphql, written by `npm run compose`). Generated into src/gql (not committed).
const config: CodegenConfig = {
  schema: '../gateway/api.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  silent: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTimeISO: 'string', Date: 'string', LocalDate: 'string', JSON: 'unknown', JSONObject: 'Record<string, unknown>' },
      },
    },
  },
};
export default config;
