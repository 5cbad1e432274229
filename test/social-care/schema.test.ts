import { printSubgraphSchema } from '@apollo/subgraph';
import { buildAgencySchema, SUBJECT_REQUIRED_FIELDS } from '@mash/shared';
import { adapter } from '@mash/social-care';

describe('social-care subgraph schema', () => {
  let sdl: string;

  beforeAll(async () => {
    sdl = printSubgraphSchema(await buildAgencySchema(adapter));
  });

  it('extends the hub-owned Subject by key', () => {
    expect(sdl).toMatch(/type Subject\s+@key\(fields: "id"\)/);
  });

  it('requires the demographic and identifier fields for `socialCare`, each external', () => {
    expect(sdl).toContain(`socialCare: SocialCareView @requires(fields: "${SUBJECT_REQUIRED_FIELDS}")`);
    for (const field of ['givenName: String @external', 'familyName: String! @external', 'nhsNumber: String @external', 'pncId: String @external']) {
      expect(sdl).toContain(field);
    }
  });

  it('keeps the record type and its id, and exposes the disclosure log', () => {
    expect(sdl).toMatch(/type SocialCareView\b/);
    expect(sdl).toMatch(/type SocialCareMatch\b/);
    expect(sdl).toMatch(/type SocialCareRecord\b/);
    expect(sdl).toMatch(/personId: ID!/);
    // Arguments carry descriptions, so the field prints over several lines: compare without them.
    const bare = sdl.replace(/"""[\s\S]*?"""/g, '').replace(/\s+/g, ' ');
    expect(bare).toContain('socialCareDisclosures( limit: Int! = 50 caseId: String ): [DisclosureEntry!]!');
  });
});
