import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import type { SensitivityLevel } from '@mash/shared';
import { FieldClassification, withheldOccurrences } from '../field-withholding';
import { requestedFields } from '../requested-fields';

const fields = FieldClassification.fromSupergraph(fs.readFileSync(path.resolve(__dirname, '../../../supergraph.graphql'), 'utf8'));
const AMBER: SensitivityLevel[] = ['BASIC_IDENTITY', 'SAFEGUARDING_STATUS', 'HEALTH_SPECIAL', 'CRIMINAL_OFFENCE'];
const RED: SensitivityLevel[] = [...AMBER, 'POLICE_INTELLIGENCE'];
const fetch = (selection: string, rest = '') => `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Subject { ${selection} } } } ${rest}`;

describe('field withholding', () => {
  it('cuts a field whose level is not released and keeps the rest of the fetch', () => {
    const pruned = fields.prune(fetch('police { status matches { record { nominalId warningMarkers { type } domesticAbuseLast12Months { reference } } } }'), AMBER);
    expect(requestedFields(pruned.query)).toEqual(['police.matches.record.domesticAbuseLast12Months.reference', 'police.matches.record.nominalId', 'police.status']);
    expect(pruned.withheld.map(({ field, level, responsePath }) => ({ field, level, responsePath }))).toEqual([
      { field: 'police.matches.record.warningMarkers', level: 'POLICE_INTELLIGENCE', responsePath: ['police', 'matches', 'record', 'warningMarkers'] },
    ]);
    expect(fields.prune(fetch('police { matches { record { warningMarkers { type } } } }'), RED).withheld).toEqual([]);
  });

  it('sees through aliases and named fragments, and answers under the alias', () => {
    const query = fetch('...S', `fragment S on Subject { p: police { ...R } } fragment R on PoliceView { m: matches { record { safe: nominalId w: warningMarkers { type } ... on PoliceNominalRecord { pp: publicProtection { mappaLevel } } } } }`);
    const pruned = fields.prune(query, RED);
    expect(pruned.query).not.toMatch(/publicProtection|mappa/);
    expect(pruned.query).toMatch(/warningMarkers/);
    expect(pruned.withheld.map(({ field, level, responsePath }) => [field, level, responsePath.join('.')])).toEqual([
      ['police.matches.record.publicProtection', 'RESTRICTED', 'p.m.record.pp'],
    ]);
  });

  it('never releases RESTRICTED, whatever level list it is handed', () => {
    const pruned = fields.prune(fetch('health { matches { record { id protectedContact { addressLine postcode } } } }'), [...RED, 'RESTRICTED']);
    expect(pruned.query).not.toMatch(/protectedContact/);
    expect(pruned.withheld[0]).toMatchObject({ field: 'health.matches.record.protectedContact', level: 'RESTRICTED' });
  });

  it('keeps the operation valid: an emptied selection asks for __typename, unused variables go', () => {
    const query = `query($representations: [_Any!]!, $on: Boolean!) { _entities(representations: $representations) { ... on Subject { police { matches { record { warningMarkers @include(if: $on) { type } } } } } } }`;
    const pruned = fields.prune(query, AMBER);
    const operation = parse(pruned.query);
    expect(pruned.query).toMatch(/record \{\s*__typename\s*\}/);
    expect(pruned.query).not.toMatch(/\$on/);
    expect(operation.definitions).toHaveLength(1);
  });

  it('withholds the whole agency field when identity is not released', () => {
    const pruned = fields.prune(fetch('education { status }'), []);
    expect(pruned.withheld.map(({ field }) => field)).toEqual(['education']);
    expect(pruned.query).toMatch(/on Subject \{\s*__typename\s*\}/);
  });

  it('names the requested paths withheld, with the first level on the path not released', () => {
    expect(fields.withheldPaths(['police.status', 'police.matches.record.warningMarkers.type', 'police.matches.record.publicProtection.visor', 'policeDisclosures.grantId'], AMBER)).toEqual([
      { field: 'police.matches.record.warningMarkers.type', level: 'POLICE_INTELLIGENCE' },
      { field: 'police.matches.record.publicProtection.visor', level: 'RESTRICTED' },
    ]);
    expect(fields.withheldPaths(['police.flags.code', 'police.status'], ['BASIC_IDENTITY'])).toEqual([{ field: 'police.flags.code', level: 'SAFEGUARDING_STATUS' }]);
  });

  it('answers each path by the release it is asked with, the same path asked again under another release included', () => {
    const path = 'police.matches.record.warningMarkers.type';
    expect(fields.withheldPaths([path], AMBER)).toEqual([{ field: path, level: 'POLICE_INTELLIGENCE' }]);
    expect(fields.withheldPaths([path], [...AMBER, 'POLICE_INTELLIGENCE'])).toEqual([]);
    expect(fields.withheldPaths([path], AMBER)).toEqual([{ field: path, level: 'POLICE_INTELLIGENCE' }]);
    expect(fields.withheldPaths(['police.flags.code'], AMBER)).toEqual([]);
    expect(fields.withheldPaths(['police.flags.code'], ['BASIC_IDENTITY'])).toEqual([{ field: 'police.flags.code', level: 'SAFEGUARDING_STATUS' }]);
    expect(fields.withheldPaths(['police.flags.code'], AMBER)).toEqual([]);
  });

  it('finds every place a withheld field would have been answered, lists expanded, and nulls it there', () => {
    const [selection] = fields.prune(fetch('police { matches { record { warningMarkers { type } } } }'), AMBER).withheld;
    const entity = { police: { matches: [{ record: { __typename: 'PoliceNominalRecord' } }, { record: {} }] } };
    expect(withheldOccurrences(entity, selection, {})).toEqual([
      ['police', 'matches', 0, 'record', 'warningMarkers'],
      ['police', 'matches', 1, 'record', 'warningMarkers'],
    ]);
    expect(entity.police.matches[0].record).toEqual({ __typename: 'PoliceNominalRecord', warningMarkers: null });
    expect(withheldOccurrences({ police: null }, selection, {})).toEqual([]);
  });

  it('reports nothing for a withheld field the client skipped', () => {
    const query = `query($representations: [_Any!]!, $on: Boolean!) { _entities(representations: $representations) { ... on Subject { police { matches { record { warningMarkers @include(if: $on) { type } } } } } } }`;
    const [selection] = fields.prune(query, AMBER).withheld;
    expect(withheldOccurrences({ police: { matches: [{ record: {} }] } }, selection, { on: false })).toEqual([]);
    expect(withheldOccurrences({ police: { matches: [{ record: {} }] } }, selection, { on: true })).toHaveLength(1);
  });
});
