/* eslint-disable @typescript-eslint/no-require-imports */
// The gateway serves the committed supergraph; it must be what the subgraphs' code composes to now.
const { staleFiles, printSubgraphs, compose } = require('../scripts/compose.js');

describe('composition', () => {
  it('has committed subgraph SDL and a supergraph that match the code (run `npm run compose` if not)', async () => {
    expect(await staleFiles()).toEqual([]);
  });

  it('composes every agency field onto the hub-owned Subject', async () => {
    const supergraph: string = compose(await printSubgraphs());
    for (const field of ['police: PoliceView', 'socialCare: SocialCareView', 'health: HealthView', 'education: EducationView']) {
      expect(supergraph).toContain(field);
    }
  });

  it('notices a stale file', async () => {
    const fs = require('node:fs');
    const path = require('node:path');
    const file = path.resolve(__dirname, '../subgraphs/police/schema.graphql');
    const original = fs.readFileSync(file, 'utf8');
    try {
      fs.writeFileSync(file, original.replace('police: PoliceView', 'police: PoliceView!'));
      expect(await staleFiles()).toEqual(['subgraphs/police/schema.graphql']);
    } finally {
      fs.writeFileSync(file, original);
    }
  });
});
