import { printSubgraphSchema } from '@apollo/subgraph';
import { buildAgencySchema, SUBJECT_REQUIRED_FIELDS } from '@mash/shared';
import { adapter } from '@mash/health';

describe('health subgraph schema', () => {
  let sdl: string;

  beforeAll(async () => {
    sdl = printSubgraphSchema(await buildAgencySchema(adapter));
  });

  it('extends the hub-owned Subject by key', () => {
    expect(sdl).toMatch(/type Subject\s+@key\(fields: "id"\)/);
  });

  it('requires the demographic and identifier fields for `health`, each external', () => {
    expect(sdl).toContain(`health: HealthView @requires(fields: "${SUBJECT_REQUIRED_FIELDS}")`);
    expect(SUBJECT_REQUIRED_FIELDS).toBe('givenName familyName dateOfBirth gender postcode nhsNumber upn pncId');
    for (const field of SUBJECT_REQUIRED_FIELDS.split(' ')) {
      expect(sdl).toMatch(new RegExp(`\\n\\s+${field}: \\w+!? @external`));
    }
  });

  it('keeps the record type and exposes the disclosure log', () => {
    expect(sdl).toMatch(/type HealthView\b/);
    expect(sdl).toMatch(/type HealthMatch\b/);
    expect(sdl).toMatch(/record: HealthRecord!/);
    expect(sdl).toMatch(/type HealthRecord\b[^}]*\bid: ID!/);
    expect(sdl).toContain('healthDisclosures(');
  });
});
