import { printSubgraphSchema } from '@apollo/subgraph';
import { buildAgencySchema, SUBJECT_REQUIRED_FIELDS } from '@mash/shared';
import { adapter } from '@mash/education';

describe('education subgraph schema', () => {
  let sdl: string;

  beforeAll(async () => {
    sdl = printSubgraphSchema(await buildAgencySchema(adapter));
  });

  it('prints a federation 2 subgraph: Subject by key, education requiring the external demographics', () => {
    expect(sdl).toMatch(/type Subject\s+@key\(fields: "id"\)/);
    expect(sdl).toContain(`education: EducationView @requires(fields: "${SUBJECT_REQUIRED_FIELDS}")`);
    const external = ['givenName: String', 'familyName: String!', 'dateOfBirth: String', 'gender: Gender', 'postcode: String',
      'nhsNumber: String', 'upn: String', 'pncId: String'];
    for (const field of external) expect(sdl).toContain(`${field} @external`);
  });

  it('keeps the record type and its envelope, and exposes the disclosure log', () => {
    expect(sdl).toMatch(/type EducationView\b/);
    expect(sdl).toMatch(/type EducationMatch\b/);
    expect(sdl).toMatch(/type EducationRecord\b[^}]*\bid: ID!/);
    expect(sdl).toMatch(/educationDisclosures\([^)]*caseId: String[^)]*\): \[DisclosureEntry!\]!/);
  });
});
