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

  describe('field sensitivity (@sensitivity, DOMAIN.md section 6)', () => {
    const fs = require('node:fs');
    const path = require('node:path');
    const { buildSchema, getNamedType, isNonNullType, isObjectType } = require('graphql');
    const { SENSITIVITY_SPEC_URL, AGENCIES, agencyFieldName } = require('@mash/shared');
    const { classifiedFields, fieldLevel } = require('../gateway/src/policy/classified-fields');
    const sdl: string = fs.readFileSync(path.resolve(__dirname, '../gateway/supergraph.graphql'), 'utf8');
    const schema = buildSchema(sdl, { assumeValidSDL: true });

    it('is kept through composition: linked, composed and defined once in the supergraph', () => {
      expect(sdl).toContain(`@link(url: "${SENSITIVITY_SPEC_URL}", import: ["@sensitivity"])`);
      expect(schema.getDirective('sensitivity')?.args.map((arg: any) => `${arg.name}: ${arg.type}`)).toEqual(['level: SensitivityLevel!']);
      for (const agency of ['police', 'social-care', 'health', 'education']) {
        const subgraph = fs.readFileSync(path.resolve(__dirname, `../subgraphs/${agency}/schema.graphql`), 'utf8');
        expect(subgraph).toContain('@composeDirective(name: "@sensitivity")');
      }
    });

    it('is on every field of every type an agency exposes under Subject, the agency field itself included', () => {
      const unclassified: string[] = [];
      const seen = new Set<string>();
      const walk = (typeName: string) => {
        if (seen.has(typeName)) return;
        seen.add(typeName);
        for (const field of Object.values(schema.getType(typeName).getFields()) as any[]) {
          if (!fieldLevel(schema, typeName, field.name)) unclassified.push(`${typeName}.${field.name}`);
          const child = getNamedType(field.type);
          if (isObjectType(child)) walk(child.name);
        }
      };
      for (const agency of AGENCIES) {
        const name = agencyFieldName(agency);
        if (!fieldLevel(schema, 'Subject', name)) unclassified.push(`Subject.${name}`);
        walk(getNamedType(schema.getType('Subject').getFields()[name].type).name);
      }
      expect(seen.size).toBeGreaterThan(30);
      expect(unclassified).toEqual([]);
    });

    it('makes a field nullable wherever its level differs from the field above it, so withholding it nulls it alone', () => {
      const fields = classifiedFields(schema);
      const byPath = new Map(fields.map((field: any) => [`${field.agency}:${field.path}`, field]));
      const offending = fields.filter((field: any) => {
        const parent = field.ancestors.at(-1);
        if (!parent || parent === field.level) return false;
        return isNonNullType(schema.getType(field.typeName).getFields()[field.fieldName].type);
      });
      expect(offending.map((field: any) => `${field.path} (${field.level} under ${field.ancestors.at(-1)})`)).toEqual([]);
      // The rule has something to bite on: levels do change along paths.
      expect(fields.filter((field: any) => field.ancestors.length && field.ancestors.at(-1) !== field.level).length).toBeGreaterThan(20);
      expect(byPath.size).toBe(fields.length);
    });

    it('classifies as the agreement expects: intelligence and restricted items where DOMAIN.md puts them', () => {
      const level = (path: string) => classifiedFields(schema).find((field: any) => field.path === path)?.level;
      expect(level('police')).toBe('BASIC_IDENTITY');
      expect(level('police.matches.candidate.familyName')).toBe('BASIC_IDENTITY');
      expect(level('police.flags')).toBe('SAFEGUARDING_STATUS');
      expect(level('police.matches.record.warningMarkers')).toBe('POLICE_INTELLIGENCE');
      expect(level('police.matches.record.exploitationFlags')).toBe('POLICE_INTELLIGENCE');
      expect(level('police.matches.record.domesticAbuseLast12Months')).toBe('CRIMINAL_OFFENCE');
      expect(level('police.matches.record.publicProtection')).toBe('RESTRICTED');
      expect(level('police.matches.record.publicProtection.mappaLevel')).toBe('RESTRICTED');
      expect(level('health.matches.record.openMentalHealthServices')).toBe('HEALTH_SPECIAL');
      expect(level('health.matches.record.protectedContact')).toBe('RESTRICTED');
      expect(level('socialCare.matches.record.currentChildProtectionPlan')).toBe('SAFEGUARDING_STATUS');
      expect(level('education.matches.record.senProvision')).toBe('HEALTH_SPECIAL');
    });
  });
});

