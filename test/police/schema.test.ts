import { printSubgraphSchema } from '@apollo/subgraph';
import { buildAgencySchema, SUBJECT_REQUIRED_FIELDS } from '@mash/shared';
import { adapter } from '@mash/police';

describe('police subgraph schema', () => {
  let sdl: string;

  beforeAll(async () => {
    sdl = printSubgraphSchema(await buildAgencySchema(adapter));
  });

  it('extends the hub-owned Subject by key', () => {
    expect(sdl).toMatch(/type Subject\s+@key\(fields: "id"\)/);
  });

  it('requires the demographic and identifier fields for `police`, each external', () => {
    expect(sdl).toMatch(new RegExp(`police: PoliceView @requires\\(fields: "${SUBJECT_REQUIRED_FIELDS}"\\)`));
    for (const field of SUBJECT_REQUIRED_FIELDS.split(' ')) {
      expect(sdl).toMatch(new RegExp(`\\b${field}: [A-Za-z!]+ @external`));
    }
  });

  it('shares the envelope types and exposes the disclosure log', () => {
    expect(sdl).toMatch(/type PoliceView\b/);
    expect(sdl).toMatch(/type PoliceMatch\b/);
    expect(sdl).toMatch(/type Flag\s+@shareable/);
    expect(sdl).toMatch(/policeDisclosures\([^)]*caseId: String[^)]*\): \[DisclosureEntry!\]!/);
  });
});
