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

  it('documents every type, field, argument and enum value of the public API schema', () => {
    const fs = require('node:fs');
    const path = require('node:path');
    const { Supergraph } = require('@apollo/federation-internals');
    const { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, isSpecifiedScalarType } = require('graphql');
    const supergraph = Supergraph.build(fs.readFileSync(path.resolve(__dirname, '../gateway/supergraph.graphql'), 'utf8'));
    const api = supergraph.apiSchema().toGraphQLJSSchema();
    const undocumented: string[] = [];
    for (const type of Object.values(api.getTypeMap()) as any[]) {
      if (type.name.startsWith('__') || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
      if (!type.description) undocumented.push(type.name);
      if (isObjectType(type) || isInputObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields()) as any[]) {
          if (!field.description) undocumented.push(`${type.name}.${field.name}`);
          for (const arg of field.args ?? []) if (!arg.description) undocumented.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) undocumented.push(`${type.name}.${value.name}`);
    }
    expect(undocumented).toEqual([]);
  });
});
